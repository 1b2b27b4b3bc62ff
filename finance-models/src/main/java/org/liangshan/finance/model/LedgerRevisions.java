package org.liangshan.finance.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.liangshan.core.money.Money;

/**
 * Revisions of the compensation ledger, per period (a month for horizontal agreements, a year for
 * vertical ones). A revision is a set of entries with one review status:
 *
 * <pre>
 *   draft ──review──► reviewed ──approve──► approved   (frozen)
 *                         └────reject───► rejected   (kept, final)
 * </pre>
 *
 * <p>Only a draft is ever replaced. A recomputation of a period whose latest revision has left draft
 * writes the next revision beside it, with its differences against the approved revision (else the
 * latest frozen one) listed by {@link #diff}; when the recomputed entries equal a reviewed or approved
 * revision exactly, nothing new is written (the reviewed numbers stand).
 */
public final class LedgerRevisions {
  public static final String DRAFT = "draft";
  public static final String REVIEWED = "reviewed";
  public static final String APPROVED = "approved";
  public static final String REJECTED = "rejected";
  public static final List<String> STATUSES = List.of(DRAFT, REVIEWED, APPROVED, REJECTED);

  private static final Pattern REVISION_SUFFIX = Pattern.compile(":r\\d+$");
  private static final ObjectMapper JSON = new ObjectMapper();

  private LedgerRevisions() {}

  /** One stored entry: its period, revision and status, and what a diff compares. */
  public record Stored(String period, int revision, String status, String entryId, String agreementId, String payer,
      String payee, BigDecimal amountYuan, String basis) {
    public Stored {
      requireNonNull(period, "period is null");
      requireNonNull(status, "status is null");
      requireNonNull(entryId, "entryId is null");
      requireNonNull(amountYuan, "amountYuan is null");
      if (!STATUSES.contains(status)) {
        throw new IllegalArgumentException("Invalid ledger status: " + status + " in " + entryId);
      }
    }

    public String key() {
      return entryKey(entryId);
    }
  }

  /** What a recomputation does with one period. */
  public record Plan(String period, int revision, boolean write, Optional<Integer> against, Optional<String> againstStatus,
      List<Change> changes, String note) {}

  /** One difference between two revisions of a period, entry by entry. */
  public record Change(String entryKey, String kind, String payerBefore, String payeeBefore, BigDecimal amountBefore,
      String payerAfter, String payeeAfter, BigDecimal amountAfter, List<String> basisChanged) {
    /** after − before (0 for a missing side). */
    public BigDecimal deltaYuan() {
      BigDecimal before = amountBefore == null ? BigDecimal.ZERO : amountBefore;
      BigDecimal after = amountAfter == null ? BigDecimal.ZERO : amountAfter;
      return after.subtract(before);
    }
  }

  /** An entry id without its {@code :r<n>} suffix: the same entry across revisions. */
  public static String entryKey(String entryId) {
    return REVISION_SUFFIX.matcher(entryId).replaceFirst("");
  }

  /** The entry id of a key in a revision. */
  public static String entryId(String entryKey, int revision) {
    return entryKey + ":r" + revision;
  }

  /** The entry re-keyed to a revision. */
  public static CompensationLedger.Entry withRevision(CompensationLedger.Entry e, int revision) {
    return new CompensationLedger.Entry(entryId(entryKey(e.entryId()), revision), e.period(), e.agreementId(), e.method(),
        e.payer(), e.payee(), e.exactYuan(), e.amountYuan(), e.basis(), e.reliance());
  }

  /**
   * Per period (every period computed or stored): the revision the computed entries get, and whether to
   * write them. {@code stored} are the entries already in the ledger for the year, every revision.
   */
  public static Map<String, Plan> plan(List<Stored> stored, List<CompensationLedger.Entry> computed) {
    Map<String, List<Stored>> byPeriod = new TreeMap<>();
    stored.forEach(s -> byPeriod.computeIfAbsent(s.period(), p -> new ArrayList<>()).add(s));
    Map<String, List<CompensationLedger.Entry>> computedByPeriod = new TreeMap<>();
    computed.forEach(e -> computedByPeriod.computeIfAbsent(e.period(), p -> new ArrayList<>()).add(e));
    TreeSet<String> periods = new TreeSet<>(byPeriod.keySet());
    periods.addAll(computedByPeriod.keySet());
    Map<String, Plan> plans = new LinkedHashMap<>();
    for (String period : periods) {
      List<Stored> existing = byPeriod.getOrDefault(period, List.of());
      List<CompensationLedger.Entry> fresh = computedByPeriod.getOrDefault(period, List.of());
      Optional<Integer> frozenMax = existing.stream().filter(s -> !s.status().equals(DRAFT))
          .map(Stored::revision).max(Comparator.naturalOrder());
      if (frozenMax.isEmpty()) {
        plans.put(period, new Plan(period, 1, !fresh.isEmpty(), Optional.empty(), Optional.empty(), List.of(),
            existing.isEmpty() ? "new" : "draft replaced"));
        continue;
      }
      int latest = frozenMax.get();
      String latestStatus = statusOf(existing, latest);
      Optional<Integer> approved = existing.stream().filter(s -> s.status().equals(APPROVED))
          .map(Stored::revision).max(Comparator.naturalOrder());
      int against = approved.orElse(latest);
      List<Change> changes = diff(revision(existing, against), asStored(fresh));
      List<Change> againstLatest = against == latest ? changes : diff(revision(existing, latest), asStored(fresh));
      boolean standing = !latestStatus.equals(REJECTED) && againstLatest.isEmpty();
      if (standing) {
        plans.put(period, new Plan(period, latest, false, Optional.of(latest), Optional.of(latestStatus), List.of(),
            "unchanged: revision " + latest + " (" + latestStatus + ") stands"));
      } else {
        plans.put(period, new Plan(period, latest + 1, !fresh.isEmpty(), Optional.of(against),
            Optional.of(statusOf(existing, against)), changes,
            "new revision " + (latest + 1) + " beside revision " + latest + " (" + latestStatus + ")"));
      }
    }
    return plans;
  }

  /** The entries of one revision of a period. */
  public static List<Stored> revision(List<Stored> periodEntries, int revision) {
    return periodEntries.stream().filter(s -> s.revision() == revision).toList();
  }

  private static String statusOf(List<Stored> periodEntries, int revision) {
    return periodEntries.stream().filter(s -> s.revision() == revision).map(Stored::status).findFirst().orElseThrow();
  }

  private static List<Stored> asStored(List<CompensationLedger.Entry> entries) {
    return entries.stream().map(e -> new Stored(e.period(), 0, DRAFT, e.entryId(), e.agreementId(), e.payer(), e.payee(),
        e.amountYuan(), e.basis())).toList();
  }

  /**
   * The differences from {@code before} to {@code after}, entry by entry (matched on the entry key):
   * {@code added}, {@code removed}, or {@code changed} (amount, payer, payee, or an input of the basis).
   * Sorted by entry key.
   */
  public static List<Change> diff(List<Stored> before, List<Stored> after) {
    Map<String, Stored> a = new TreeMap<>();
    before.forEach(s -> a.put(s.key(), s));
    Map<String, Stored> b = new TreeMap<>();
    after.forEach(s -> b.put(s.key(), s));
    TreeSet<String> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    List<Change> changes = new ArrayList<>();
    for (String key : keys) {
      Stored x = a.get(key);
      Stored y = b.get(key);
      if (x == null) {
        changes.add(new Change(key, "added", null, null, null, y.payer(), y.payee(), y.amountYuan(), List.of()));
      } else if (y == null) {
        changes.add(new Change(key, "removed", x.payer(), x.payee(), x.amountYuan(), null, null, null, List.of()));
      } else {
        List<String> basis = basisDifferences(x.basis(), y.basis());
        boolean same = x.amountYuan().compareTo(y.amountYuan()) == 0 && x.payer().equals(y.payer())
            && x.payee().equals(y.payee()) && basis.isEmpty();
        if (!same) {
          changes.add(new Change(key, "changed", x.payer(), x.payee(), x.amountYuan(), y.payer(), y.payee(),
              y.amountYuan(), basis));
        }
      }
    }
    return List.copyOf(changes);
  }

  /** Dotted paths of the basis JSON whose values differ (leaves; arrays compared element by element). */
  public static List<String> basisDifferences(String before, String after) {
    if (before == null || after == null) {
      return before == after ? List.of() : List.of("(basis)");
    }
    try {
      List<String> paths = new ArrayList<>();
      compare("", JSON.readTree(before), JSON.readTree(after), paths);
      return List.copyOf(paths);
    } catch (IOException e) {
      return before.equals(after) ? List.of() : List.of("(basis)");
    }
  }

  private static void compare(String path, JsonNode x, JsonNode y, List<String> out) {
    if (x == null || y == null) {
      out.add(path.isEmpty() ? "(basis)" : path);
      return;
    }
    if (x.isObject() && y.isObject()) {
      TreeSet<String> names = new TreeSet<>();
      x.fieldNames().forEachRemaining(names::add);
      y.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        compare(path.isEmpty() ? name : path + "." + name, x.get(name), y.get(name), out);
      }
    } else if (x.isArray() && y.isArray() && x.size() == y.size()) {
      for (int i = 0; i < x.size(); i++) {
        JsonNode xi = x.get(i);
        String label = xi.has("name") ? xi.get("name").asText() : Integer.toString(i);
        compare(path + "[" + label + "]", xi, y.get(i), out);
      }
    } else if (x.isNumber() && y.isNumber()) {
      if (x.decimalValue().compareTo(y.decimalValue()) != 0) {
        out.add(path);
      }
    } else if (!x.equals(y)) {
      out.add(path);
    }
  }

  /**
   * A SHA-256 over a revision's entries (sorted by entry id: id, payer, payee, amount at fen scale,
   * basis): what a review attests to. Approval checks the entries still hash the same.
   */
  public static String contentHash(List<Stored> entries) {
    List<Stored> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(Stored::entryId));
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Stored s : sorted) {
        String line = s.entryId() + "|" + s.payer() + "|" + s.payee() + "|"
            + Money.wholeFen(s.amountYuan()).toPlainString() + "|" + s.basis() + "\n";
        digest.update(line.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The top-level members of a JSON basis, in order (for exports and reports). */
  public static Map<String, String> flatBasis(String basis) {
    Map<String, String> result = new LinkedHashMap<>();
    try {
      JsonNode node = JSON.readTree(basis);
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        result.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString());
      }
    } catch (IOException e) {
      result.put("basis", basis);
    }
    return result;
  }
}
