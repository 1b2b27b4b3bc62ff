package org.liangshan.finance.publish;

import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.liangshan.warehouse.SparkSql;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.money.Money;
import org.liangshan.finance.CompensationJob;
import org.liangshan.finance.FinanceTables;
import org.liangshan.finance.model.LedgerRevisions;
import org.liangshan.finance.model.ReviewWorkflow;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.TableCatalog;

/**
 * The compensation ledger as the finance bureau works with it: periods and their revisions, one
 * revision's entries and history, the review actions (through {@link ReviewWorkflow}), and the
 * differences between revisions. Review events are appended to {@code gold.ledger_review_events}
 * (a Delta table with {@code delta.appendOnly}, so its history cannot be updated or deleted); the
 * status columns of the ledger and its postings follow the latest event.
 */
public final class LedgerBook {
  private final TableCatalog catalog;

  public LedgerBook(TableCatalog catalog) {
    this.catalog = catalog;
  }

  /** One revision of one period. */
  public record RevisionSummary(String region, int year, String period, int revision, String status, int entries,
      BigDecimal totalYuan, String computedByRun, String parameterSet) {}

  /** A revision in full: entries, postings' balance, history. */
  public record RevisionDetail(RevisionSummary summary, List<Row> entries, BigDecimal debitYuan, BigDecimal creditYuan,
      List<ReviewWorkflow.Event> history, String contentHash, long ledgerVersion) {
    public boolean balanced() {
      return debitYuan.compareTo(creditYuan) == 0;
    }
  }

  /** Every revision of the region (of the year, when given), by period then revision. */
  public List<RevisionSummary> revisions(String region, Optional<Integer> year) {
    if (!catalog.exists(FinanceTables.COMPENSATION_LEDGER)) {
      return List.of();
    }
    Dataset<Row> ledger = catalog.read(FinanceTables.COMPENSATION_LEDGER).where(col("region").equalTo(region));
    if (year.isPresent()) {
      ledger = ledger.where(col("year").equalTo(year.get()));
    }
    List<RevisionSummary> result = new ArrayList<>();
    for (Row r : ledger.groupBy("year", "period", "revision", "status", "run_id", "parameter_set")
        .agg(functions.count("*").as("entries"), functions.sum("amount_yuan").as("total"))
        .orderBy("period", "revision").collectAsList()) {
      result.add(new RevisionSummary(region, r.getInt(0), r.getString(1), r.getInt(2), r.getString(3),
          (int) r.getLong(6), Money.wholeFen(r.getDecimal(7)), r.getString(4), r.getString(5)));
    }
    return List.copyOf(result);
  }

  /** A period's revision (the latest when empty); a BAD_INPUT naming what exists when there is none. */
  public RevisionDetail detail(String region, String period, Optional<Integer> revision) {
    List<RevisionSummary> all = revisions(region, Optional.empty()).stream().filter(s -> s.period().equals(period)).toList();
    if (all.isEmpty()) {
      List<String> known = revisions(region, Optional.empty()).stream().map(RevisionSummary::period).distinct().toList();
      throw LiangshanException.badInput("Ledger period %s of region %s is unknown: %s", period, region, known.isEmpty()
          ? "the region has no compensation ledger yet (run 'liangshan run compensation --region " + region + " --year Y')"
          : "known periods are " + abbreviate(known));
    }
    RevisionSummary summary = revision.map(n -> all.stream().filter(s -> s.revision() == n).findFirst()
        .orElseThrow(() -> LiangshanException.badInput("Ledger %s %s has no revision %d; revisions: %s", region, period, n,
            all.stream().map(s -> s.revision() + " (" + s.status() + ")").toList())))
        .orElse(all.get(all.size() - 1));
    long version = catalog.version(FinanceTables.COMPENSATION_LEDGER).orElseThrow();
    List<Row> entries = catalog.readVersion(FinanceTables.COMPENSATION_LEDGER, version).where(col("region").equalTo(region))
        .where(col("period").equalTo(period)).where(col("revision").equalTo(summary.revision())).orderBy("entry_id")
        .collectAsList();
    Row sums = catalog.read(FinanceTables.COMPENSATION_POSTINGS).where(col("region").equalTo(region))
        .where(col("period").equalTo(period)).where(col("revision").equalTo(summary.revision()))
        .agg(functions.sum("debit_yuan"), functions.sum("credit_yuan")).head();
    BigDecimal debit = sums.isNullAt(0) ? BigDecimal.ZERO : sums.getDecimal(0);
    BigDecimal credit = sums.isNullAt(1) ? BigDecimal.ZERO : sums.getDecimal(1);
    List<LedgerRevisions.Stored> stored = entries.stream().map(CompensationJob::stored).toList();
    return new RevisionDetail(summary, entries, debit, credit, history(region, period, summary.revision()),
        LedgerRevisions.contentHash(stored), version);
  }

  /** The review events of a revision, oldest first. */
  public List<ReviewWorkflow.Event> history(String region, String period, int revision) {
    if (!catalog.exists(PublicationTables.LEDGER_REVIEW_EVENTS)) {
      return List.of();
    }
    List<ReviewWorkflow.Event> events = new ArrayList<>();
    for (Row r : catalog.read(PublicationTables.LEDGER_REVIEW_EVENTS).where(col("region").equalTo(region))
        .where(col("period").equalTo(period)).where(col("revision").equalTo(revision)).orderBy("at", "event_id")
        .collectAsList()) {
      events.add(new ReviewWorkflow.Event(r.getAs("action"), r.getAs("actor"), r.<Timestamp>getAs("at").toInstant(),
          r.getAs("reason"), r.getAs("content_sha256")));
    }
    return List.copyOf(events);
  }

  /**
   * Reviews, approves or rejects a period's revision (the latest when empty): checks the workflow, appends
   * the event, then sets the status of the revision's entries and postings. Returns the event written.
   */
  public Row act(Run run, String region, String period, Optional<Integer> revision, ReviewWorkflow.Action action,
      String actor, String reason, Clock clock) {
    RevisionDetail d = detail(region, period, revision);
    int latest = revisions(region, Optional.empty()).stream().filter(s -> s.period().equals(period))
        .mapToInt(RevisionSummary::revision).max().orElseThrow();
    // The workflow check read the ledger, its postings (balance) and the review history: all three are inputs.
    run.input(FinanceTables.COMPENSATION_LEDGER);
    run.input(FinanceTables.COMPENSATION_POSTINGS);
    if (catalog.exists(PublicationTables.LEDGER_REVIEW_EVENTS)) {
      run.input(PublicationTables.LEDGER_REVIEW_EVENTS);
    }
    ReviewWorkflow.Subject subject = new ReviewWorkflow.Subject(region, period, d.summary().revision(), latest,
        d.summary().status(), d.contentHash(), d.balanced(), d.history());
    String target = ReviewWorkflow.check(subject, action, actor, reason);
    Instant at = clock.instant();
    int n = d.history().size() + 1;
    String eventId = region + ":" + period + ":r" + d.summary().revision() + ":" + n;
    Row event = new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(new Object[] {region, d.summary().year(), period, d.summary().revision(), eventId, action.word(),
        d.summary().status(), target, actor, Timestamp.from(at), reason == null || reason.isBlank() ? null : reason,
        d.summary().entries(), d.summary().totalYuan(), d.contentHash(), d.ledgerVersion(), d.summary().computedByRun(),
        run.id(), d.summary().parameterSet()}, PublicationTables.LEDGER_REVIEW_EVENTS.schema());
    ensureEvents();
    catalog.append(PublicationTables.LEDGER_REVIEW_EVENTS,
        catalog.spark().createDataFrame(List.of(event), PublicationTables.LEDGER_REVIEW_EVENTS.schema()));
    run.wrote(PublicationTables.LEDGER_REVIEW_EVENTS);
    String condition = "region = " + SparkSql.literal(region) + " AND period = " + SparkSql.literal(period)
        + " AND revision = " + d.summary().revision();
    for (var def : List.of(FinanceTables.COMPENSATION_LEDGER, FinanceTables.COMPENSATION_POSTINGS)) {
      dropLegacyStatusCheck(def);
      TableCatalog.retrying(() -> DeltaTable.forPath(catalog.spark(), catalog.location(def))
          .update(functions.expr(condition), Map.of("status", functions.lit(target))));
      run.wrote(def);
    }
    run.count("ledger_" + action.word(), 1);
    return event;
  }

  /** The events table, created append-only. */
  private void ensureEvents() {
    catalog.ensure(PublicationTables.LEDGER_REVIEW_EVENTS);
    String location = catalog.location(PublicationTables.LEDGER_REVIEW_EVENTS);
    Row detail = catalog.spark().sql("DESCRIBE DETAIL delta.`" + location + "`").select("properties").head();
    scala.collection.Map<String, String> properties = detail.getMap(0);
    if (!properties.contains("delta.appendOnly")) {
      catalog.spark().sql("ALTER TABLE delta.`" + location + "` SET TBLPROPERTIES ('delta.appendOnly' = 'true')");
    }
  }

  /** Lakehouses made before the review workflow carry a CHECK that knew only draft, reviewed and published. */
  private void dropLegacyStatusCheck(org.liangshan.warehouse.TableDef def) {
    catalog.ensure(def);
    catalog.spark().sql("ALTER TABLE delta.`" + catalog.location(def) + "` DROP CONSTRAINT IF EXISTS status_known");
  }

  /** A diff between two revisions of a period. */
  public record RevisionDiff(String region, String period, RevisionSummary from, RevisionSummary to,
      List<LedgerRevisions.Change> changes) {}

  /**
   * The differences of a period's revision {@code to} (default: the latest) against {@code from} (default:
   * the latest approved revision before it, else the one before it).
   */
  public RevisionDiff diff(String region, String period, Optional<Integer> from, Optional<Integer> to) {
    RevisionDetail after = detail(region, period, to);
    List<RevisionSummary> all = revisions(region, Optional.empty()).stream().filter(s -> s.period().equals(period)).toList();
    int toRevision = after.summary().revision();
    int fromRevision = from.orElseGet(() -> all.stream().filter(s -> s.revision() < toRevision)
        .filter(s -> s.status().equals(LedgerRevisions.APPROVED)).map(RevisionSummary::revision)
        .max(Comparator.naturalOrder())
        .orElseGet(() -> all.stream().map(RevisionSummary::revision).filter(r -> r < toRevision)
            .max(Comparator.naturalOrder()).orElseThrow(() -> LiangshanException.badInput(
                "Ledger %s %s has only revision %d: there is nothing to compare it with.", region, period, toRevision))));
    RevisionDetail before = detail(region, period, Optional.of(fromRevision));
    List<LedgerRevisions.Change> changes = LedgerRevisions.diff(
        before.entries().stream().map(CompensationJob::stored).toList(),
        after.entries().stream().map(CompensationJob::stored).toList());
    return new RevisionDiff(region, period, before.summary(), after.summary(), changes);
  }

  /**
   * The revision of each period that a publication shows: the latest approved one, or when approved-only
   * is off and a period has none, its latest revision.
   */
  public List<RevisionSummary> publishable(String region, int year, boolean approvedOnly) {
    Map<String, RevisionSummary> chosen = new TreeMap<>();
    for (RevisionSummary s : revisions(region, Optional.of(year))) {
      RevisionSummary current = chosen.get(s.period());
      boolean approved = s.status().equals(LedgerRevisions.APPROVED);
      if (current == null) {
        if (approved || !approvedOnly) {
          chosen.put(s.period(), s);
        }
      } else if (approved || !current.status().equals(LedgerRevisions.APPROVED) && !approvedOnly) {
        chosen.put(s.period(), s);
      }
    }
    return List.copyOf(chosen.values());
  }

  private static String abbreviate(List<String> items) {
    return items.size() <= 16 ? String.join(", ", items)
        : String.join(", ", items.subList(0, 16)) + ", ... (" + items.size() + " in all; 'liangshan ledger list')";
  }
}
