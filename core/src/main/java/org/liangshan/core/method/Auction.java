package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
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

  public static Output compute(Input in) {
    requireNonNull(in, "input is null");
    Map<Bid, String> rejections = new LinkedHashMap<>();
    List<Bid> valid = new ArrayList<>();
    for (Bid bid : in.bids()) {
      if (bid.quantity() <= 0) {
        rejections.put(bid, "non-positive quantity: " + bid.quantity());
      } else if (bid.price().compareTo(in.reservePrice()) < 0) {
        rejections.put(
            bid,
            "below reserve: "
                + bid.price().toPlainString()
                + " < "
                + in.reservePrice().toPlainString());
      } else {
        valid.add(bid);
      }
    }
    // Stable sort: input order within a price.
    valid.sort(Comparator.comparing(Bid::price).reversed());

    Map<Bid, Long> filled = new LinkedHashMap<>();
    List<String> tieOrder = List.of();
    long remaining = in.supply();
    BigDecimal lowestAccepted = null;
    int i = 0;
    while (i < valid.size()) {
      BigDecimal price = valid.get(i).price();
      int j = i;
      long demand = 0;
      while (j < valid.size() && valid.get(j).price().compareTo(price) == 0) {
        demand = Math.addExact(demand, valid.get(j).quantity());
        j++;
      }
      List<Bid> group = valid.subList(i, j);
      if (remaining == 0) {
        group.forEach(bid -> filled.put(bid, 0L));
      } else if (demand <= remaining) {
        group.forEach(bid -> filled.put(bid, bid.quantity()));
        remaining -= demand;
        lowestAccepted = price;
      } else {
        tieOrder = tieOrder(group, in.tieSeed());
        filled.putAll(proRata(group, remaining, demand, tieOrder));
        remaining = 0;
        lowestAccepted = price;
      }
      i = j;
    }

    long sold = in.supply() - remaining;
    BigDecimal highestUnfilled = null;
    for (Bid bid : valid) {
      if (filled.get(bid) < bid.quantity()
          && (highestUnfilled == null || bid.price().compareTo(highestUnfilled) > 0)) {
        highestUnfilled = bid.price();
      }
    }
    BigDecimal clearing =
        switch (in.rule()) {
          case LOWEST_ACCEPTED -> lowestAccepted == null ? in.reservePrice() : lowestAccepted;
          case HIGHEST_REJECTED ->
              highestUnfilled == null ? in.reservePrice() : highestUnfilled.max(in.reservePrice());
        };

    List<Award> awards = new ArrayList<>();
    for (Bid bid : valid) {
      long units = filled.get(bid);
      if (units > 0) {
        awards.add(new Award(bid.bidder(), units, clearing));
      } else {
        rejections.put(
            bid,
            "outbid: "
                + bid.price().toPlainString()
                + " won no units; supply ran out at "
                + lowestAcceptedText(lowestAccepted));
      }
    }
    List<Rejection> rejected = new ArrayList<>();
    for (Bid bid : in.bids()) {
      if (rejections.containsKey(bid)) {
        rejected.add(new Rejection(bid.bidder(), rejections.get(bid)));
      }
    }
    return new Output(clearing, sold, awards, rejected, sold < in.supply(), tieOrder);
  }

  private static String lowestAcceptedText(BigDecimal lowestAccepted) {
    return lowestAccepted == null ? "no price" : lowestAccepted.toPlainString();
  }

  /** The tied bidders sorted by name, then shuffled with the seed (Fisher–Yates). */
  static List<String> tieOrder(List<Bid> group, long seed) {
    List<String> names = new ArrayList<>(group.stream().map(Bid::bidder).sorted().toList());
    SplittableRandom random = new SplittableRandom(seed);
    for (int k = names.size() - 1; k > 0; k--) {
      int swap = random.nextInt(k + 1);
      String held = names.get(k);
      names.set(k, names.get(swap));
      names.set(swap, held);
    }
    return List.copyOf(names);
  }

  private static Map<Bid, Long> proRata(
      List<Bid> group, long remaining, long demand, List<String> tieOrder) {
    BigInteger r = BigInteger.valueOf(remaining);
    BigInteger q = BigInteger.valueOf(demand);
    Map<Bid, Long> units = new LinkedHashMap<>();
    Map<Bid, BigInteger> fractions = new LinkedHashMap<>();
    long given = 0;
    for (Bid bid : group) {
      BigInteger[] division = r.multiply(BigInteger.valueOf(bid.quantity())).divideAndRemainder(q);
      units.put(bid, division[0].longValueExact());
      fractions.put(bid, division[1]);
      given += division[0].longValueExact();
    }
    List<Bid> byFraction = new ArrayList<>(group);
    byFraction.sort(
        Comparator.<Bid, BigInteger>comparing(fractions::get)
            .reversed()
            .thenComparing(bid -> tieOrder.indexOf(bid.bidder())));
    for (int k = 0; k < remaining - given; k++) {
      Bid bid = byFraction.get(k);
      units.put(bid, units.get(bid) + 1);
    }
    return units;
  }
}
