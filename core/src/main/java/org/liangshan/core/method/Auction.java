package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;

/**
 * Eco-voucher auction, uniform-price sealed-bid, single round (METHODOLOGY.md section 6; EU
 * auctioning regulation for {@code lowest_accepted}, RGGI for {@code highest_rejected}).
 *
 * <ol>
 *   <li>A bid with a non-positive quantity, or a price below the reserve (the benchmark price), is
 *       rejected with that reason.
 *   <li>Valid bids are sorted by price, highest first, and filled whole until the supply runs out.
 *   <li>Bids tied at the price where supply runs out share the remaining units pro rata in whole
 *       units by the largest-remainder (Hamilton) method: each gets ⌊R·qᵢ/Q⌋, and the few units
 *       left go one each to the largest fractional parts; equal fractional parts go in the <b>tie
 *       order</b>, the tied bidders sorted by name and shuffled (Fisher–Yates) with {@code new
 *       SplittableRandom(tie_seed)}. The tie order is returned so the auction log records it. Each
 *       award is within one unit of its exact share and never exceeds its bid.
 *   <li>Clearing price: {@code lowest_accepted}, the price of the bid at which supply is exhausted
 *       (the lowest price that won units; the reserve if nothing was sold); {@code
 *       highest_rejected}, the highest price among valid bids left (partly) unfilled, and the
 *       reserve when every valid bid is filled. Every winner pays the clearing price.
 *   <li>{@code undersubscribed} when valid demand is below supply (sold &lt; supply).
 * </ol>
 *
 * Bids that win nothing are listed as rejected with the reason (below reserve, non-positive
 * quantity, outbid). Example: supply 10,000, reserve 100; A 4000@130, B 3000@125, C 2500@120, D
 * 2000@120, E 1000@110, F 500@95 → F rejected, clearing price 120 under both rules, C and D share
 * 3,000 (exact shares 1,666.67 and 1,333.33: C 1,667, D 1,333).
 */
public final class Auction {
  private Auction() {}

  /** The clearing-price rule. */
  public enum Rule {
    LOWEST_ACCEPTED,
    HIGHEST_REJECTED;

    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Rule parse(String field, String text) {
      Checks.present(field, text);
      for (Rule rule : values()) {
        if (rule.jsonName().equals(text)) {
          return rule;
        }
      }
      throw LiangshanException.badField(
          field, "unknown rule '" + text + "'; expected one of lowest_accepted, highest_rejected");
    }
  }

  /** A sealed bid: whole units at a price in yuan per unit. */
  public record Bid(String bidder, long quantity, BigDecimal price) {
    public Bid {
      Checks.present("bidder", bidder);
      if (bidder.isBlank()) {
        throw LiangshanException.badField("bidder", "must not be blank");
      }
      Checks.present("price", price);
    }
  }

  public record Input(
      long supply, BigDecimal reservePrice, Rule rule, long tieSeed, List<Bid> bids) {
    public Input {
      if (supply < 0) {
        throw LiangshanException.badField("supply", "must be >= 0, got " + supply);
      }
      Checks.nonNegative("reserve_price", reservePrice);
      Checks.present("rule", rule);
      bids = List.copyOf(Checks.present("bids", bids));
      Set<String> bidders = new HashSet<>();
      for (int i = 0; i < bids.size(); i++) {
        if (!bidders.add(bids.get(i).bidder())) {
          throw LiangshanException.badField(
              "bids[" + i + "].bidder",
              "duplicate bidder '" + bids.get(i).bidder() + "'; one bid per bidder");
        }
      }
    }

    /** An input with the rule and tie seed from the parameter set ({@code auction.*}). */
    public static Input of(
        long supply, BigDecimal reservePrice, List<Bid> bids, ParameterSet params) {
      return new Input(
          supply,
          reservePrice,
          Rule.parse("rule", params.text("auction.rule")),
          (long) params.number("auction.tie_seed"),
          bids);
    }
  }

  /** Units won, each paid at {@code price}, the clearing price. */
  public record Award(String bidder, long quantity, BigDecimal price) {
    public Award {
      requireNonNull(bidder, "bidder is null");
      requireNonNull(price, "price is null");
    }
  }

  public record Rejection(String bidder, String reason) {
    public Rejection {
      requireNonNull(bidder, "bidder is null");
      requireNonNull(reason, "reason is null");
    }
  }

  /**
   * The result. Awards are in allocation order (price descending, input order within a price);
   * {@code tieOrder} is the seeded order of the bidders tied at the margin (empty without a
   * pro-rata split).
   */
  public record Output(
      BigDecimal clearingPrice,
      long sold,
      List<Award> awards,
      List<Rejection> rejected,
      boolean undersubscribed,
      List<String> tieOrder) {
    public Output {
      requireNonNull(clearingPrice, "clearingPrice is null");
      awards = List.copyOf(awards);
      rejected = List.copyOf(rejected);
      tieOrder = List.copyOf(tieOrder);
    }
  }

  /** Why a bid won nothing. */
  public enum Reason {
    NON_POSITIVE_QUANTITY,
    BELOW_RESERVE,
    OUTBID
  }

  /**
   * A cleared book in array form, for books of any size: per bid (by its position in the arrays given to {@link
   * #clear}) the units filled and, for a bid that won nothing, the reason as a code; no message is formatted
   * and no map is keyed on a bid, so a million-bid book costs little more than sorting its prices.
   */
  public static final class Clearing {
    private final BigDecimal clearingPrice;
    private final BigDecimal lowestAccepted;
    private final long sold;
    private final boolean undersubscribed;
    private final List<String> tieOrder;
    private final long[] filled;
    private final Reason[] reasons;
    private final int[] allocationOrder;
    private final int allocated;

    private Clearing(BigDecimal clearingPrice, BigDecimal lowestAccepted, long sold, boolean undersubscribed,
        List<String> tieOrder, long[] filled, Reason[] reasons, int[] allocationOrder, int allocated) {
      this.clearingPrice = clearingPrice;
      this.lowestAccepted = lowestAccepted;
      this.sold = sold;
      this.undersubscribed = undersubscribed;
      this.tieOrder = List.copyOf(tieOrder);
      this.filled = filled;
      this.reasons = reasons;
      this.allocationOrder = allocationOrder;
      this.allocated = allocated;
    }

    /** The uniform price every winner pays. */
    public BigDecimal clearingPrice() {
      return clearingPrice;
    }

    public long sold() {
      return sold;
    }

    /** Valid demand below supply (sold &lt; supply). */
    public boolean undersubscribed() {
      return undersubscribed;
    }

    /** The seeded order of the bidders tied at the margin; empty without a pro-rata split. */
    public List<String> tieOrder() {
      return tieOrder;
    }

    /** The price at which supply ran out, for the outbid message: empty when nothing was sold. */
    public java.util.Optional<BigDecimal> lowestAccepted() {
      return java.util.Optional.ofNullable(lowestAccepted);
    }

    /** Units won by bid {@code i}. */
    public long filled(int i) {
      return filled[i];
    }

    /** Whether bid {@code i} won units. */
    public boolean awarded(int i) {
      return reasons[i] == null;
    }

    /** Why bid {@code i} won nothing; fails for a bid that won units. */
    public Reason reason(int i) {
      if (reasons[i] == null) {
        throw new IllegalStateException("bid " + i + " won " + filled[i] + " units");
      }
      return reasons[i];
    }

    /** The number of valid bids, in allocation order (price descending, input order within a price). */
    public int validBids() {
      return allocated;
    }

    /** The position of the {@code k}-th valid bid in allocation order. */
    public int allocation(int k) {
      if (k < 0 || k >= allocated) {
        throw new IndexOutOfBoundsException("allocation " + k + " of " + allocated);
      }
      return allocationOrder[k];
    }

    /** The message of a rejection, formatted only when asked. */
    public String message(int i, long quantity, BigDecimal price, BigDecimal reservePrice) {
      return switch (reason(i)) {
        case NON_POSITIVE_QUANTITY -> "non-positive quantity: " + quantity;
        case BELOW_RESERVE -> "below reserve: " + price.toPlainString() + " < " + reservePrice.toPlainString();
        case OUTBID -> "outbid: " + price.toPlainString() + " won no units; supply ran out at "
            + (lowestAccepted == null ? "no price" : lowestAccepted.toPlainString());
      };
    }
  }

  public static Output compute(Input in) {
    requireNonNull(in, "input is null");
    int n = in.bids().size();
    String[] bidders = new String[n];
    long[] quantities = new long[n];
    BigDecimal[] prices = new BigDecimal[n];
    for (int i = 0; i < n; i++) {
      Bid bid = in.bids().get(i);
      bidders[i] = bid.bidder();
      quantities[i] = bid.quantity();
      prices[i] = bid.price();
    }
    Clearing c = clear(in.supply(), in.reservePrice(), in.rule(), in.tieSeed(), bidders, quantities, prices);
    List<Award> awards = new ArrayList<>();
    for (int k = 0; k < c.validBids(); k++) {
      int i = c.allocation(k);
      if (c.awarded(i)) {
        awards.add(new Award(bidders[i], c.filled(i), c.clearingPrice()));
      }
    }
    List<Rejection> rejected = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!c.awarded(i)) {
        rejected.add(new Rejection(bidders[i], c.message(i, quantities[i], prices[i], in.reservePrice())));
      }
    }
    return new Output(c.clearingPrice(), c.sold(), awards, rejected, c.undersubscribed(), c.tieOrder());
  }

  /**
   * Clears a book given as parallel arrays, one entry per bid; the bidders must be distinct (one bid per bidder:
   * {@link Input} checks it, the market's auction book keeps each bidder's latest bid). The same rules as {@link
   * #compute}.
   */
  public static Clearing clear(long supply, BigDecimal reservePrice, Rule rule, long tieSeed, String[] bidders,
      long[] quantities, BigDecimal[] prices) {
    requireNonNull(reservePrice, "reservePrice is null");
    requireNonNull(rule, "rule is null");
    int n = bidders.length;
    if (quantities.length != n || prices.length != n) {
      throw new IllegalArgumentException("Invalid book: " + n + " bidders, " + quantities.length + " quantities, "
          + prices.length + " prices");
    }
    if (supply < 0) {
      throw LiangshanException.badField("supply", "must be >= 0, got " + supply);
    }
    Reason[] reasons = new Reason[n];
    int[] valid = new int[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (quantities[i] <= 0) {
        reasons[i] = Reason.NON_POSITIVE_QUANTITY;
      } else if (prices[i].compareTo(reservePrice) < 0) {
        reasons[i] = Reason.BELOW_RESERVE;
      } else {
        valid[m++] = i;
      }
    }
    int[] order = PriceOrder.descending(valid, m, prices);

    long[] filled = new long[n];
    List<String> tieOrder = List.of();
    long remaining = supply;
    BigDecimal lowestAccepted = null;
    int k = 0;
    while (k < m) {
      BigDecimal price = prices[order[k]];
      int j = k;
      long demand = 0;
      while (j < m && prices[order[j]].compareTo(price) == 0) {
        demand = Math.addExact(demand, quantities[order[j]]);
        j++;
      }
      if (remaining == 0) {
        // nothing left: every bid of the group stays at 0
      } else if (demand <= remaining) {
        for (int g = k; g < j; g++) {
          filled[order[g]] = quantities[order[g]];
        }
        remaining -= demand;
        lowestAccepted = price;
      } else {
        tieOrder = tieOrder(order, k, j, bidders, tieSeed);
        proRata(order, k, j, remaining, demand, tieOrder, bidders, quantities, filled);
        remaining = 0;
        lowestAccepted = price;
      }
      k = j;
    }

    long sold = supply - remaining;
    // In allocation order the first bid left (partly) unfilled has the highest such price.
    BigDecimal highestUnfilled = null;
    for (int g = 0; g < m; g++) {
      if (filled[order[g]] < quantities[order[g]]) {
        highestUnfilled = prices[order[g]];
        break;
      }
    }
    BigDecimal clearing =
        switch (rule) {
          case LOWEST_ACCEPTED -> lowestAccepted == null ? reservePrice : lowestAccepted;
          case HIGHEST_REJECTED ->
              highestUnfilled == null ? reservePrice : highestUnfilled.max(reservePrice);
        };
    for (int g = 0; g < m; g++) {
      if (filled[order[g]] == 0) {
        reasons[order[g]] = Reason.OUTBID;
      }
    }
    return new Clearing(clearing, lowestAccepted, sold, sold < supply, tieOrder, filled, reasons, order, m);
  }

  /** The tied bidders sorted by name, then shuffled with the seed (Fisher–Yates). */
  private static List<String> tieOrder(int[] order, int from, int to, String[] bidders, long seed) {
    List<String> names = new ArrayList<>(to - from);
    for (int g = from; g < to; g++) {
      names.add(bidders[order[g]]);
    }
    names.sort(null);
    return shuffled(names, seed);
  }

  private static List<String> shuffled(List<String> names, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int k = names.size() - 1; k > 0; k--) {
      int swap = random.nextInt(k + 1);
      String held = names.get(k);
      names.set(k, names.get(swap));
      names.set(swap, held);
    }
    return List.copyOf(names);
  }

  /** The largest-remainder split of {@code remaining} units among the group order[from, to). */
  private static void proRata(int[] order, int from, int to, long remaining, long demand, List<String> tieOrder,
      String[] bidders, long[] quantities, long[] filled) {
    BigInteger r = BigInteger.valueOf(remaining);
    BigInteger q = BigInteger.valueOf(demand);
    int size = to - from;
    BigInteger[] fractions = new BigInteger[size];
    Map<String, Integer> rank = new HashMap<>(size * 2);
    for (int t = 0; t < tieOrder.size(); t++) {
      rank.put(tieOrder.get(t), t);
    }
    long given = 0;
    Integer[] byFraction = new Integer[size];
    for (int g = 0; g < size; g++) {
      int i = order[from + g];
      BigInteger[] division = r.multiply(BigInteger.valueOf(quantities[i])).divideAndRemainder(q);
      filled[i] = division[0].longValueExact();
      fractions[g] = division[1];
      given += filled[i];
      byFraction[g] = g;
    }
    Arrays.sort(byFraction, Comparator.<Integer, BigInteger>comparing(g -> fractions[g]).reversed()
        .thenComparing(g -> rank.get(bidders[order[from + g]])));
    for (int t = 0; t < remaining - given; t++) {
      filled[order[from + byFraction[t]]]++;
    }
  }
}
