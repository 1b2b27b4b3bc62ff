package org.liangshan.market.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.liangshan.core.LiangshanException;

/**
 * The rights holdings ledger, double entry in units of each right. Every movement debits the account
 * that receives units and credits the account that gives them: issuance moves units from {@link
 * #ISSUANCE} to {@code holder:<uscc>}; an auction award is an issuance to the winner; expiry moves what
 * the holder still has to {@link #EXPIRED}; retirement (surrender) to {@link #RETIRED}. The issuance
 * account's balance is minus everything issued, so the balances of all accounts sum to zero and
 * <b>issued = held + retired + expired</b>, which {@link #checkIssuedEqualsHeldRetiredExpired} verifies
 * after the replay. A movement that would make a holder's balance negative is refused.
 *
 * <p>The ledger is replayed from the start of the record up to a date, in date order (then movement
 * id), so a run for a year always sees the same history. Exchange trades carry no right id and are not
 * movements here yet.
 */
public final class HoldingsLedger {
  public static final String ISSUANCE = "issuance";
  public static final String RETIRED = "retired";
  public static final String EXPIRED = "expired";

  /**
   * A right as issued (silver.rights_issued) or created by an auction award, with its {@link Term}; {@code subject}
   * is null for rights without one. It is on the ledger from its issue date and expires the day after its term
   * ends; it counts (compliance, total control) only on the days of its term ({@link #liveOn}).
   */
  public record Right(String rightId, String rightType, String holder, String zoneId, String subject, double quantity,
      LocalDate issuedOn, Term term, String source) {
    public Right {
      requireNonNull(rightId, "rightId is null");
      requireNonNull(rightType, "rightType is null");
      requireNonNull(holder, "holder is null");
      requireNonNull(issuedOn, "issuedOn is null");
      requireNonNull(term, "term is null");
      requireNonNull(source, "source is null");
    }

    /** The last day of the term; empty for a stock that does not expire. */
    public Optional<LocalDate> validUntil() {
      return term.validUntil();
    }

    /** Whether the right is valid on the day (within its term). */
    public boolean liveOn(LocalDate date) {
      return term.liveOn(date);
    }
  }

  public record Movement(String movementId, LocalDate date, String type, Right right, String debitAccount,
      String creditAccount, double quantity, String source) {}

  public record Balance(String account, Right right, double quantity) {}

  private final List<Movement> movements = new ArrayList<>();
  private final Map<String, Map<String, BigDecimal>> balances = new TreeMap<>();
  private final Map<String, Right> rights = new TreeMap<>();
  private BigDecimal issued = BigDecimal.ZERO;

  /**
   * Replays issuances (and award issuances, type {@code award}) and expiries up to {@code asOf}
   * inclusive. Rights issued after {@code asOf} are left out.
   */
  public static HoldingsLedger replay(List<Right> issuedRights, List<Right> awardedRights, LocalDate asOf) {
    return replay(issuedRights, awardedRights, List.of(), asOf);
  }

  /**
   * Something done to the ledger on a date, between that day's issuances and its expiries (a retirement for
   * an event, a surrender); {@code id} orders actions of the same day.
   */
  public record Action(LocalDate date, String id, java.util.function.Consumer<HoldingsLedger> apply) {
    public Action {
      requireNonNull(date, "date is null");
      requireNonNull(id, "id is null");
      requireNonNull(apply, "apply is null");
    }
  }

  /**
   * Replays issuances (and award issuances, type {@code award}), the actions and expiries up to {@code asOf}
   * inclusive, in date order; on one day issuances come first, then actions, then expiries (a right expires
   * the day after its {@code valid_until}). Rights issued after {@code asOf} are left out.
   */
  public static HoldingsLedger replay(List<Right> issuedRights, List<Right> awardedRights, List<Action> actions,
      LocalDate asOf) {
    HoldingsLedger ledger = new HoldingsLedger();
    record Event(LocalDate date, int order, String id, Right right, String type, Action action) {}
    List<Event> events = new ArrayList<>();
    for (Right r : issuedRights) {
      events.add(new Event(r.issuedOn(), 0, "issue:" + r.rightId(), r, "issue", null));
    }
    for (Right r : awardedRights) {
      events.add(new Event(r.issuedOn(), 0, "award:" + r.rightId(), r, "award", null));
    }
    for (Action a : actions) {
      events.add(new Event(a.date(), 1, a.id(), null, "action", a));
    }
    for (Right r : issuedRights) {
      r.validUntil().ifPresent(until -> events.add(new Event(until.plusDays(1), 2, "expire:" + r.rightId(), r, "expire", null)));
    }
    for (Right r : awardedRights) {
      r.validUntil().ifPresent(until -> events.add(new Event(until.plusDays(1), 2, "expire:" + r.rightId(), r, "expire", null)));
    }
    events.sort(Comparator.comparing(Event::date).thenComparing(Event::order).thenComparing(Event::id));
    for (Event e : events) {
      if (e.date().isAfter(asOf)) {
        continue;
      }
      switch (e.type()) {
        case "issue", "award" -> ledger.issue(e.right(), e.type(), e.date());
        case "expire" -> ledger.expire(e.right(), e.date());
        case "action" -> e.action().apply().accept(ledger);
        default -> throw new IllegalStateException("unknown event " + e.type());
      }
    }
    return ledger;
  }

  /** The rights a holder has units of now (positive balances), by right id. */
  public List<Balance> holdingsOf(String uscc) {
    List<Balance> result = new ArrayList<>();
    balances.getOrDefault(holder(uscc), Map.of()).forEach((rightId, q) -> {
      if (q.signum() > 0) {
        result.add(new Balance(holder(uscc), rights.get(rightId), q.doubleValue()));
      }
    });
    return List.copyOf(result);
  }

  /** Surrenders units of a right under a movement id of the caller's (one per event and right). */
  public void retire(String movementId, String rightId, LocalDate date, double quantity, String source) {
    Right right = rights.get(rightId);
    if (right == null) {
      throw LiangshanException.badInput("Cannot retire unknown right %s.", rightId);
    }
    post(new Movement(movementId, date, "retire", right, RETIRED, holder(right.holder()), quantity, source));
  }

  public static String holder(String uscc) {
    return "holder:" + uscc;
  }

  void issue(Right right, String type, LocalDate date) {
    if (rights.containsKey(right.rightId())) {
      throw LiangshanException.badInput("Right %s is issued twice (%s and %s); right ids must be unique.",
          right.rightId(), rights.get(right.rightId()).source(), right.source());
    }
    if (!(right.quantity() > 0)) {
      return;
    }
    rights.put(right.rightId(), right);
    post(new Movement(type + ":" + right.rightId(), date, type, right, holder(right.holder()), ISSUANCE, right.quantity(),
        right.source()));
    issued = issued.add(BigDecimal.valueOf(right.quantity()));
  }

  void expire(Right right, LocalDate date) {
    BigDecimal held = balance(holder(right.holder()), right.rightId());
    if (held.signum() > 0) {
      post(new Movement("expire:" + right.rightId(), date, "expire", right, EXPIRED, holder(right.holder()),
          held.doubleValue(), "valid_until " + right.validUntil().orElseThrow()));
    }
  }

  /** Surrenders units of a right (compliance, cancellation). */
  public void retire(String rightId, LocalDate date, double quantity, String source) {
    Right right = rights.get(rightId);
    if (right == null) {
      throw LiangshanException.badInput("Cannot retire unknown right %s.", rightId);
    }
    post(new Movement("retire:" + rightId + ":" + date, date, "retire", right, RETIRED, holder(right.holder()), quantity, source));
  }

  private void post(Movement m) {
    if (!(m.quantity() > 0)) {
      throw new IllegalArgumentException("Invalid movement quantity (must be > 0): " + m);
    }
    BigDecimal q = BigDecimal.valueOf(m.quantity());
    BigDecimal creditAfter = balance(m.creditAccount(), m.right().rightId()).subtract(q);
    if (!m.creditAccount().equals(ISSUANCE) && creditAfter.signum() < 0) {
      throw LiangshanException.badInput("Movement %s would leave %s with %s units of %s; holdings never go negative.",
          m.movementId(), m.creditAccount(), creditAfter.toPlainString(), m.right().rightId());
    }
    balances.computeIfAbsent(m.creditAccount(), a -> new TreeMap<>()).put(m.right().rightId(), creditAfter);
    balances.computeIfAbsent(m.debitAccount(), a -> new TreeMap<>()).merge(m.right().rightId(), q, BigDecimal::add);
    movements.add(m);
  }

  public BigDecimal balance(String account, String rightId) {
    return balances.getOrDefault(account, Map.of()).getOrDefault(rightId, BigDecimal.ZERO);
  }

  public List<Movement> movements() {
    return List.copyOf(movements);
  }

  public List<Movement> movementsInYear(int year) {
    return movements.stream().filter(m -> m.date().getYear() == year).toList();
  }

  /** Non-zero balances of every account but the issuance account, by account then right. */
  public List<Balance> balances() {
    List<Balance> result = new ArrayList<>();
    balances.forEach((account, byRight) -> {
      if (!account.equals(ISSUANCE)) {
        byRight.forEach((rightId, q) -> {
          if (q.signum() != 0) {
            result.add(new Balance(account, rights.get(rightId), q.doubleValue()));
          }
        });
      }
    });
    return List.copyOf(result);
  }

  /**
   * The holders' positive balances of rights live on the day (within their term): what compliance and total
   * control count. A right held before its term starts, or still on the ledger after it ends, does not count.
   */
  public List<Balance> liveHoldings(LocalDate date) {
    return balances().stream()
        .filter(b -> b.account().startsWith("holder:") && b.quantity() > 0 && b.right().liveOn(date))
        .toList();
  }

  public BigDecimal issued() {
    return issued;
  }

  /** Sum of the balances of the accounts whose name starts with the prefix. */
  public BigDecimal total(String accountPrefix) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Map.Entry<String, Map<String, BigDecimal>> e : balances.entrySet()) {
      if (e.getKey().startsWith(accountPrefix)) {
        for (BigDecimal q : e.getValue().values()) {
          sum = sum.add(q);
        }
      }
    }
    return sum;
  }

  /** What was issued of the rights of one unit, and where it is now: issued = held + retired + expired. */
  public record Totals(String unit, BigDecimal issued, BigDecimal held, BigDecimal retired, BigDecimal expired) {
    /** e.g. {@code kg/a: issued 980 = held 980 + retired 0 + expired 0}. */
    @Override
    public String toString() {
      return unit + ": issued " + issued.toPlainString() + " = held " + held.toPlainString() + " + retired "
          + retired.toPlainString() + " + expired " + expired.toPlainString();
    }
  }

  /**
   * The ledger's totals per unit ({@code unitOf} names a right's unit; rights of different units are never added
   * up): the issued units of each unit's rights, and their balances in the holders', retired and expired accounts.
   */
  public List<Totals> totalsByUnit(java.util.function.Function<Right, String> unitOf) {
    Map<String, BigDecimal[]> byUnit = new TreeMap<>();
    balances.forEach((account, byRight) -> byRight.forEach((rightId, q) -> {
      int slot = account.equals(ISSUANCE) ? 0 : account.startsWith("holder:") ? 1 : account.equals(RETIRED) ? 2
          : account.equals(EXPIRED) ? 3 : -1;
      if (slot >= 0) {
        BigDecimal[] sums = byUnit.computeIfAbsent(unitOf.apply(rights.get(rightId)),
            u -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        sums[slot] = sums[slot].add(slot == 0 ? q.negate() : q);
      }
    }));
    List<Totals> result = new ArrayList<>();
    byUnit.forEach((unit, sums) -> result.add(new Totals(unit, sums[0].stripTrailingZeros(), sums[1].stripTrailingZeros(),
        sums[2].stripTrailingZeros(), sums[3].stripTrailingZeros())));
    return List.copyOf(result);
  }

  /** Fails unless issued = held + retired + expired and the issuance account holds minus the issued. */
  public void checkIssuedEqualsHeldRetiredExpired() {
    BigDecimal held = total("holder:");
    BigDecimal retired = total(RETIRED);
    BigDecimal expired = total(EXPIRED);
    BigDecimal accounted = held.add(retired).add(expired);
    if (issued.compareTo(accounted) != 0 || total(ISSUANCE).negate().compareTo(issued) != 0) {
      throw LiangshanException.failure(
          "Holdings ledger does not balance: issued %s but held %s + retired %s + expired %s = %s (issuance account %s).",
          issued.toPlainString(), held.toPlainString(), retired.toPlainString(), expired.toPlainString(),
          accounted.toPlainString(), total(ISSUANCE).toPlainString());
    }
  }
}
