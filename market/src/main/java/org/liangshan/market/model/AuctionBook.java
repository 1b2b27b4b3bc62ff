package org.liangshan.market.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.liangshan.core.method.Auction;

/**
 * One eco-voucher auction as the platform runs it (METHODOLOGY.md section 6): the bids as submitted are
 * first screened for what only the platform can judge, then core's {@link Auction} clears the rest.
 *
 * <ol>
 *   <li>{@code UNKNOWN_BIDDER}: the bidder is not in the enterprise registry of the region;
 *   <li>{@code BEFORE_OPEN}, {@code AFTER_CLOSE}: submitted outside [opens_at, closes_at];
 *   <li>{@code FRACTIONAL_QUANTITY}: vouchers are sold in whole units;
 *   <li>{@code OVER_DEPOSIT}: a positive bid whose deposit is below {@code auction.deposit_ratio} × price ×
 *       quantity;
 *   <li>{@code SUPERSEDED}: a bidder's earlier bid when it submitted again (one bid per bidder: the latest
 *       counts);
 *   <li>then core rejects {@code NON_POSITIVE_QUANTITY} and {@code BELOW_RESERVE} (the reserve is the
 *       benchmark price of the auction's zone and pollutant) and lists bids that won nothing as {@code
 *       OUTBID}.
 * </ol>
 *
 * Without a benchmark price there is no reserve: the auction does not clear and every bid is rejected
 * with {@code NO_RESERVE_PRICE}. An auction total control refuses (no room left in its zone, {@link
 * TotalControl}) does not clear either: every bid is rejected with {@code NO_ROOM}.
 */
public final class AuctionBook {
  private AuctionBook() {}

  public record Spec(
      String auctionId, String zoneId, String subject, long supply, Instant opensAt, Instant closesAt, String rule, long tieSeed) {
    public Spec {
      requireNonNull(auctionId, "auctionId is null");
      requireNonNull(subject, "subject is null");
      requireNonNull(opensAt, "opensAt is null");
      requireNonNull(closesAt, "closesAt is null");
      requireNonNull(rule, "rule is null");
    }

    /** The same auction with another supply (total control's cut). */
    public Spec withSupply(long units) {
      return new Spec(auctionId, zoneId, subject, units, opensAt, closesAt, rule, tieSeed);
    }
  }

  /** Why a bid won nothing; stored as its name in gold.auction_rejections.reason_code. */
  public enum Reason {
    UNKNOWN_BIDDER,
    BEFORE_OPEN,
    AFTER_CLOSE,
    FRACTIONAL_QUANTITY,
    OVER_DEPOSIT,
    SUPERSEDED,
    NON_POSITIVE_QUANTITY,
    BELOW_RESERVE,
    OUTBID,
    NO_RESERVE_PRICE,
    NO_ROOM
  }

  public record BidRow(String bidId, String bidder, double quantity, BigDecimal priceYuan, BigDecimal depositYuan, Instant submittedAt) {
    public BidRow {
      requireNonNull(bidId, "bidId is null");
      requireNonNull(bidder, "bidder is null");
      requireNonNull(priceYuan, "priceYuan is null");
      requireNonNull(depositYuan, "depositYuan is null");
      requireNonNull(submittedAt, "submittedAt is null");
    }
  }

  public record AwardRow(String bidId, String bidder, long quantity, BigDecimal priceYuan, BigDecimal amountYuan) {}

  public record RejectionRow(String bidId, String bidder, String reasonCode, String reason) {}

  /**
   * The cleared auction; {@code output} is empty when it could not clear (no reserve price, or refused by total
   * control); {@code note} says why, or why its supply was cut (empty otherwise).
   */
  public record Outcome(Spec spec, Optional<BigDecimal> reservePrice, Optional<Auction.Output> output,
      List<AwardRow> awards, List<RejectionRow> rejections, int bidsReceived, String note) {
    public Outcome {
      awards = List.copyOf(awards);
      rejections = List.copyOf(rejections);
      requireNonNull(note, "note is null");
    }

    public Outcome withNote(String text) {
      return new Outcome(spec, reservePrice, output, awards, rejections, bidsReceived, text);
    }
  }

  /** An auction that does not clear: every bid rejected for the same reason, stated once. */
  public static Outcome refuse(Spec spec, Optional<BigDecimal> reservePrice, List<BidRow> bids, Reason reason,
      String why) {
    List<BidRow> ordered = new ArrayList<>(bids);
    ordered.sort(Comparator.comparing(BidRow::bidId));
    List<RejectionRow> rejections = new ArrayList<>(ordered.size());
    for (BidRow bid : ordered) {
      rejections.add(new RejectionRow(bid.bidId(), bid.bidder(), reason.name(), why));
    }
    return new Outcome(spec, reservePrice, Optional.empty(), List.of(), rejections, bids.size(), why);
  }

  public static Outcome run(Spec spec, Optional<BigDecimal> reservePrice, List<BidRow> bids, Set<String> knownBidders,
      BigDecimal depositRatio) {
    requireNonNull(spec, "spec is null");
    requireNonNull(knownBidders, "knownBidders is null");
    if (reservePrice.isEmpty()) {
      return refuse(spec, reservePrice, bids, Reason.NO_RESERVE_PRICE,
          "no benchmark price for zone " + spec.zoneId() + " and " + spec.subject() + ": the auction cannot clear");
    }
    List<RejectionRow> rejections = new ArrayList<>();
    List<BidRow> ordered = new ArrayList<>(bids);
    ordered.sort(Comparator.comparing(BidRow::bidId));
    Map<String, BidRow> latestByBidder = new LinkedHashMap<>();
    for (BidRow bid : ordered) {
      Optional<RejectionRow> screened = screen(spec, bid, knownBidders, depositRatio);
      if (screened.isPresent()) {
        rejections.add(screened.get());
        continue;
      }
      BidRow previous = latestByBidder.get(bid.bidder());
      if (previous == null) {
        latestByBidder.put(bid.bidder(), bid);
      } else {
        BidRow later = bid.submittedAt().isAfter(previous.submittedAt()) ? bid : previous;
        BidRow earlier = later == bid ? previous : bid;
        latestByBidder.put(bid.bidder(), later);
        rejections.add(new RejectionRow(earlier.bidId(), earlier.bidder(), "SUPERSEDED",
            "superseded by the bidder's later bid " + later.bidId()));
      }
    }
    List<BidRow> valid = new ArrayList<>(latestByBidder.values());
    List<Auction.Bid> coreBids = valid.stream()
        .map(b -> new Auction.Bid(b.bidder(), (long) b.quantity(), b.priceYuan()))
        .toList();
    Auction.Output out = Auction.compute(new Auction.Input(spec.supply(), reservePrice.get(),
        Auction.Rule.parse("rule", spec.rule()), spec.tieSeed(), coreBids));
    Map<String, BidRow> byBidder = new LinkedHashMap<>();
    valid.forEach(b -> byBidder.put(b.bidder(), b));
    List<AwardRow> awards = new ArrayList<>();
    for (Auction.Award award : out.awards()) {
      BidRow bid = byBidder.get(award.bidder());
      awards.add(new AwardRow(bid.bidId(), award.bidder(), award.quantity(), award.price(),
          award.price().multiply(BigDecimal.valueOf(award.quantity()))));
    }
    for (Auction.Rejection rejection : out.rejected()) {
      BidRow bid = byBidder.get(rejection.bidder());
      rejections.add(new RejectionRow(bid.bidId(), bid.bidder(), code(rejection.reason()), rejection.reason()));
    }
    rejections.sort(Comparator.comparing(RejectionRow::bidId));
    return new Outcome(spec, reservePrice, Optional.of(out), awards, rejections, bids.size(), "");
  }

  /**
   * The reserve per auctioned unit from a benchmark in yuan per t/a, converted by {@link WaterUnit}: t/a as is,
   * kg/a a thousandth; an unknown unit has no reserve.
   */
  public static Optional<BigDecimal> reservePerUnit(BigDecimal benchmarkYuanPerTA, String unit) {
    return WaterUnit.parse(unit).map(u -> u.pricePerUnit(benchmarkYuanPerTA));
  }

  static Optional<RejectionRow> screen(Spec spec, BidRow bid, Set<String> knownBidders, BigDecimal depositRatio) {
    if (!knownBidders.contains(bid.bidder())) {
      return reject(bid, "UNKNOWN_BIDDER", "bidder " + bid.bidder() + " is not in the enterprise registry");
    }
    if (bid.submittedAt().isBefore(spec.opensAt())) {
      return reject(bid, "BEFORE_OPEN", "submitted at " + bid.submittedAt() + ", before bidding opened at " + spec.opensAt());
    }
    if (bid.submittedAt().isAfter(spec.closesAt())) {
      return reject(bid, "AFTER_CLOSE", "submitted at " + bid.submittedAt() + ", after bidding closed at " + spec.closesAt());
    }
    if (bid.quantity() != Math.rint(bid.quantity())) {
      return reject(bid, "FRACTIONAL_QUANTITY", "quantity " + bid.quantity() + " is not a whole number of units");
    }
    if (bid.quantity() > 0 && bid.priceYuan().signum() > 0) {
      BigDecimal required = depositRatio.multiply(bid.priceYuan()).multiply(BigDecimal.valueOf((long) bid.quantity()));
      if (bid.depositYuan().compareTo(required) < 0) {
        return reject(bid, "OVER_DEPOSIT", "bid value needs a deposit of " + required.stripTrailingZeros().toPlainString()
            + " yuan, lodged " + bid.depositYuan().stripTrailingZeros().toPlainString());
      }
    }
    return Optional.empty();
  }

  private static Optional<RejectionRow> reject(BidRow bid, String code, String reason) {
    return Optional.of(new RejectionRow(bid.bidId(), bid.bidder(), code, reason));
  }

  /** The reason code of a core rejection. */
  static String code(String reason) {
    if (reason.startsWith("non-positive quantity")) {
      return "NON_POSITIVE_QUANTITY";
    }
    if (reason.startsWith("below reserve")) {
      return "BELOW_RESERVE";
    }
    if (reason.startsWith("outbid")) {
      return "OUTBID";
    }
    return "REJECTED";
  }
}
