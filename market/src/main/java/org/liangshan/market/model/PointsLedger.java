package org.liangshan.market.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.liangshan.core.LiangshanException;

/**
 * The eco-points ledger of the carbon-inclusion platform (METHODOLOGY.md section 8), double entry in whole
 * points, like the rights holdings ledger: earning moves points from {@link #ISSUANCE} to {@code
 * user:<id>}; a redemption moves them to {@link #REDEEMED}; points left over when their validity ends move
 * to {@link #EXPIRED}. Points earned in year Y are valid until 31 December of Y + validYears − 1; a
 * redemption spends the oldest points first. A redemption above the user's balance is refused with its
 * reason and posts nothing, so balances never go negative; {@link #check} verifies <b>earned = held +
 * redeemed + expired</b> and that the issuance account holds minus the earned.
 *
 * <p>The ledger is replayed from the first record up to a date, in date order; on one day expiries come
 * first (they happen at the start of 1 January), then earnings, then redemptions, each by id.
 */
public final class PointsLedger {
  public static final String ISSUANCE = "issuance";
  public static final String REDEEMED = "redeemed";
  public static final String EXPIRED = "expired";

  /** Points earned for one activity (or 0: nothing is posted). */
  public record Earning(String activityId, String userId, LocalDate date, long points) {
    public Earning {
      requireNonNull(activityId, "activityId is null");
      requireNonNull(userId, "userId is null");
      requireNonNull(date, "date is null");
      if (points < 0) {
        throw new IllegalArgumentException("Invalid points (cannot be negative): " + points);
      }
    }
  }

  /** Points a user asks to spend. */
  public record Redemption(String redemptionId, String userId, LocalDate date, long points) {
    public Redemption {
      requireNonNull(redemptionId, "redemptionId is null");
      requireNonNull(userId, "userId is null");
      requireNonNull(date, "date is null");
    }
  }

  public record Movement(String movementId, LocalDate date, String type, String userId, String debitAccount,
      String creditAccount, long points, String source) {}

  /** A redemption as judged: posted, or refused with the reason. */
  public record Decision(Redemption redemption, boolean posted, long balanceBefore, String reason) {}

  /** One user's totals. */
  public record Account(String userId, long earned, long redeemed, long expired, long held) {}

  private final int validYears;
  private final List<Movement> movements = new ArrayList<>();
  private final List<Decision> decisions = new ArrayList<>();
  /** user → earning year → points still held from that year. */
  private final Map<String, TreeMap<Integer, Long>> lots = new TreeMap<>();
  private final Map<String, long[]> totals = new TreeMap<>();
  private long issuance;

  private PointsLedger(int validYears) {
    if (validYears < 1) {
      throw LiangshanException.badInput("Invalid carbon_inclusion.points_valid_years (must be >= 1): %d", validYears);
    }
    this.validYears = validYears;
  }

  public static String user(String userId) {
    return "user:" + userId;
  }

  public static PointsLedger replay(List<Earning> earnings, List<Redemption> redemptions, int validYears, LocalDate asOf) {
    PointsLedger ledger = new PointsLedger(validYears);
    record Event(LocalDate date, int order, String id, Earning earning, Redemption redemption) {}
    List<Event> events = new ArrayList<>();
    earnings.forEach(e -> events.add(new Event(e.date(), 1, e.activityId(), e, null)));
    redemptions.forEach(r -> events.add(new Event(r.date(), 2, r.redemptionId(), null, r)));
    events.sort(Comparator.comparing(Event::date).thenComparing(Event::order).thenComparing(Event::id));
    for (Event e : events) {
      if (e.date().isAfter(asOf)) {
        break;
      }
      ledger.expireBefore(e.date());
      if (e.earning() != null) {
        ledger.earn(e.earning());
      } else {
        ledger.redeem(e.redemption());
      }
    }
    ledger.expireBefore(asOf);
    return ledger;
  }

  /** Expires every lot whose validity ended before {@code date}. */
  private void expireBefore(LocalDate date) {
    for (Map.Entry<String, TreeMap<Integer, Long>> user : lots.entrySet()) {
      TreeMap<Integer, Long> byYear = user.getValue();
      while (!byYear.isEmpty() && byYear.firstKey() + validYears <= date.getYear()) {
        Map.Entry<Integer, Long> lot = byYear.pollFirstEntry();
        if (lot.getValue() > 0) {
          LocalDate on = LocalDate.of(lot.getKey() + validYears, 1, 1);
          post(new Movement("expire:" + user.getKey() + ":" + lot.getKey(), on, "expire", user.getKey(), EXPIRED,
              user(user.getKey()), lot.getValue(), "points earned in " + lot.getKey() + " valid until "
                  + (lot.getKey() + validYears - 1) + "-12-31"));
          totals(user.getKey())[2] += lot.getValue();
        }
      }
    }
  }

  private void earn(Earning e) {
    if (e.points() == 0) {
      return;
    }
    post(new Movement("earn:" + e.activityId(), e.date(), "earn", e.userId(), user(e.userId()), ISSUANCE, e.points(),
        "activity " + e.activityId()));
    lots.computeIfAbsent(e.userId(), u -> new TreeMap<>()).merge(e.date().getYear(), e.points(), Long::sum);
    totals(e.userId())[0] += e.points();
  }

  private void redeem(Redemption r) {
    long balance = balance(r.userId());
    if (r.points() <= 0) {
      decisions.add(new Decision(r, false, balance, "points must be positive, got " + r.points()));
      return;
    }
    if (r.points() > balance) {
      decisions.add(new Decision(r, false, balance, "asks for " + r.points() + " points, holds " + balance
          + " on " + r.date() + ": balances never go negative"));
      return;
    }
    long left = r.points();
    TreeMap<Integer, Long> byYear = lots.get(r.userId());
    for (Map.Entry<Integer, Long> lot : byYear.entrySet()) {
      long take = Math.min(left, lot.getValue());
      lot.setValue(lot.getValue() - take);
      left -= take;
      if (left == 0) {
        break;
      }
    }
    post(new Movement("redeem:" + r.redemptionId(), r.date(), "redeem", r.userId(), REDEEMED, user(r.userId()), r.points(),
        "redemption " + r.redemptionId()));
    totals(r.userId())[1] += r.points();
    decisions.add(new Decision(r, true, balance, "posted"));
  }

  private void post(Movement m) {
    if (m.points() <= 0 || m.debitAccount().equals(m.creditAccount())) {
      throw new IllegalArgumentException("Invalid points movement: " + m);
    }
    if (m.creditAccount().equals(ISSUANCE)) {
      issuance -= m.points();
    }
    movements.add(m);
  }

  private long[] totals(String userId) {
    return totals.computeIfAbsent(userId, u -> new long[3]);
  }

  /** Points a user holds now. */
  public long balance(String userId) {
    TreeMap<Integer, Long> byYear = lots.get(userId);
    return byYear == null ? 0 : byYear.values().stream().mapToLong(Long::longValue).sum();
  }

  public List<Movement> movements() {
    return List.copyOf(movements);
  }

  public List<Movement> movementsInYear(int year) {
    return movements.stream().filter(m -> m.date().getYear() == year).toList();
  }

  public List<Decision> decisions() {
    return List.copyOf(decisions);
  }

  /** Every user's totals, by user id. */
  public List<Account> accounts() {
    List<Account> result = new ArrayList<>();
    totals.forEach((userId, t) -> result.add(new Account(userId, t[0], t[1], t[2], balance(userId))));
    return List.copyOf(result);
  }

  /** Points earned minus the issuance account's balance: zero when the ledger is whole. */
  public long issued() {
    return -issuance;
  }

  /**
   * Fails unless every account is non-negative, earned = held + redeemed + expired per user and in total, and
   * the movements sum to zero per account pair (the issuance account holds minus the earned).
   */
  public void check() {
    long earned = 0;
    long held = 0;
    long redeemed = 0;
    long expired = 0;
    for (Account a : accounts()) {
      if (a.held() < 0 || a.earned() != a.held() + a.redeemed() + a.expired()) {
        throw LiangshanException.failure("Points ledger does not balance for %s: earned %d, held %d, redeemed %d,"
            + " expired %d.", a.userId(), a.earned(), a.held(), a.redeemed(), a.expired());
      }
      earned += a.earned();
      held += a.held();
      redeemed += a.redeemed();
      expired += a.expired();
    }
    Map<String, Long> byAccount = new TreeMap<>();
    for (Movement m : movements) {
      byAccount.merge(m.debitAccount(), m.points(), Long::sum);
      byAccount.merge(m.creditAccount(), -m.points(), Long::sum);
    }
    long sum = byAccount.values().stream().mapToLong(Long::longValue).sum();
    if (earned != issued() || sum != 0 || byAccount.getOrDefault(ISSUANCE, 0L) != -earned
        || byAccount.getOrDefault(REDEEMED, 0L) != redeemed || byAccount.getOrDefault(EXPIRED, 0L) != expired) {
      throw LiangshanException.failure("Points ledger does not balance: earned %d = held %d + redeemed %d + expired %d"
          + " expected; issuance account %d, movements sum to %d.", earned, held, redeemed, expired,
          byAccount.getOrDefault(ISSUANCE, 0L), sum);
    }
  }
}
