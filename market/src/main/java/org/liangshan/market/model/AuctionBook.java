package org.liangshan.market.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.liangshan.core.method.Auction;
import org.liangshan.core.unit.Unit;
import org.liangshan.core.unit.UnitPrice;

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

  /**
   * A bid that won nothing: the reason as a code, and in words (with the values) only when asked, so a book of a
   * million bids does not format hundreds of thousands of messages nobody reads until they are written.
   */
  public static final class RejectionRow {
    private final BidRow bid;
    private final Reason code;
    private final Terms terms;
    /** SUPERSEDED: the bidder's later bid, else null. */
    private final BidRow later;
    /** A core reason: the bid's position in the cleared book, else -1. */
    private final int cleared;

    RejectionRow(BidRow bid, Reason code, Terms terms, BidRow later, int cleared) {
      this.bid = requireNonNull(bid, "bid is null");
      this.code = requireNonNull(code, "code is null");
      this.terms = requireNonNull(terms, "terms is null");
      this.later = later;
      this.cleared = cleared;
    }

    public String bidId() {
      return bid.bidId();
    }

    public String bidder() {
      return bid.bidder();
    }

    public Reason code() {
      return code;
    }

    /** The stored code: {@link Reason}'s name. */
    public String reasonCode() {
      return code.name();
    }

    /** What is wrong, with the values. */
    public String reason() {
      return switch (code) {
        case UNKNOWN_BIDDER -> "bidder " + bid.bidder() + " is not in the enterprise registry";
        case BEFORE_OPEN -> "submitted at " + bid.submittedAt() + ", before bidding opened at " + terms.spec().opensAt();
        case AFTER_CLOSE -> "submitted at " + bid.submittedAt() + ", after bidding closed at " + terms.spec().closesAt();
        case FRACTIONAL_QUANTITY -> "quantity " + bid.quantity() + " is not a whole number of units";
        case OVER_DEPOSIT -> "bid value needs a deposit of "
            + requiredDeposit(bid, terms.depositRatio()).stripTrailingZeros().toPlainString() + " yuan, lodged "
            + bid.depositYuan().stripTrailingZeros().toPlainString();
        case SUPERSEDED -> "superseded by the bidder's later bid " + later.bidId();
        case NON_POSITIVE_QUANTITY, BELOW_RESERVE, OUTBID -> terms.clearing().message(cleared, (long) bid.quantity(),
            bid.priceYuan(), terms.reserve());
        case NO_RESERVE_PRICE, NO_ROOM -> terms.refusal();
      };
    }
  }

  /** What every rejection of one auction shares, to format its message. */
  record Terms(Spec spec, BigDecimal reserve, BigDecimal depositRatio, Auction.Clearing clearing, String refusal) {}

  /**
   * The cleared auction; {@code output} is empty when it could not clear (no reserve price, or refused by total
   * control); {@code note} says why, or why its supply was cut (empty otherwise).
   */
  public record Outcome(Spec spec, Optional<BigDecimal> reservePrice, Optional<Auction.Clearing> output,
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
    Terms terms = new Terms(spec, null, null, null, why);
    List<RejectionRow> rejections = new ArrayList<>(bids.size());
    for (BidRow bid : byBidId(bids)) {
      rejections.add(new RejectionRow(bid, reason, terms, null, -1));
    }
    return new Outcome(spec, reservePrice, Optional.empty(), List.of(), rejections, bids.size(), why);
  }

  /**
   * Screens the bids in bid-id order, keeps each bidder's latest valid bid and clears those with core's {@link
   * Auction#clear}. Positions, not maps keyed on bids: one array of reasons over the book, one map from bidder to
   * the position of its latest bid.
   */
  public static Outcome run(Spec spec, Optional<BigDecimal> reservePrice, List<BidRow> bids, Set<String> knownBidders,
      BigDecimal depositRatio) {
    requireNonNull(spec, "spec is null");
    requireNonNull(knownBidders, "knownBidders is null");
    if (reservePrice.isEmpty()) {
      return refuse(spec, reservePrice, bids, Reason.NO_RESERVE_PRICE,
          "no benchmark price for zone " + spec.zoneId() + " and " + spec.subject() + ": the auction cannot clear");
    }
    BidRow[] book = byBidId(bids);
    int n = book.length;
    Reason[] reasons = new Reason[n];
    int[] supersededBy = null;
    Map<String, Integer> latest = new HashMap<>(Math.max(16, n * 4 / 3 + 1));
    for (int i = 0; i < n; i++) {
      BidRow bid = book[i];
      Reason screened = screen(spec, bid, knownBidders, depositRatio);
      if (screened != null) {
        reasons[i] = screened;
        continue;
      }
      Integer previous = latest.putIfAbsent(bid.bidder(), i);
      if (previous != null) {
        boolean later = bid.submittedAt().isAfter(book[previous].submittedAt());
        int earlier = later ? previous : i;
        if (later) {
          latest.put(bid.bidder(), i);
        }
        if (supersededBy == null) {
          supersededBy = new int[n];
        }
        reasons[earlier] = Reason.SUPERSEDED;
        supersededBy[earlier] = later ? i : previous;
      }
    }
    // Each bidder's latest valid bid, in bid-id order.
    int[] positions = new int[latest.size()];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (reasons[i] == null) {
        positions[m++] = i;
      }
    }
    String[] bidders = new String[m];
    long[] quantities = new long[m];
    BigDecimal[] prices = new BigDecimal[m];
    for (int k = 0; k < m; k++) {
      BidRow bid = book[positions[k]];
      bidders[k] = bid.bidder();
      quantities[k] = (long) bid.quantity();
      prices[k] = bid.priceYuan();
    }
    Auction.Clearing out = Auction.clear(spec.supply(), reservePrice.get(), Auction.Rule.parse("rule", spec.rule()),
        spec.tieSeed(), bidders, quantities, prices);
    Terms terms = new Terms(spec, reservePrice.get(), depositRatio, out, null);

    List<AwardRow> awards = new ArrayList<>();
    BigDecimal price = out.clearingPrice();
    for (int a = 0; a < out.validBids(); a++) {
      int k = out.allocation(a);
      if (out.awarded(k)) {
        BidRow bid = book[positions[k]];
        long units = out.filled(k);
        awards.add(new AwardRow(bid.bidId(), bid.bidder(), units, price, price.multiply(BigDecimal.valueOf(units))));
      }
    }
    // Rejections in bid-id order: the book's order, the screened and the cleared merged by position.
    List<RejectionRow> rejections = new ArrayList<>(n - awards.size());
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (reasons[i] != null) {
        rejections.add(new RejectionRow(book[i], reasons[i], terms,
            reasons[i] == Reason.SUPERSEDED ? book[supersededBy[i]] : null, -1));
      } else {
        if (!out.awarded(k)) {
          rejections.add(new RejectionRow(book[i], reason(out.reason(k)), terms, null, k));
        }
        k++;
      }
    }
    return new Outcome(spec, reservePrice, Optional.of(out), awards, rejections, bids.size(), "");
  }

  private static Reason reason(Auction.Reason core) {
    return switch (core) {
      case NON_POSITIVE_QUANTITY -> Reason.NON_POSITIVE_QUANTITY;
      case BELOW_RESERVE -> Reason.BELOW_RESERVE;
      case OUTBID -> Reason.OUTBID;
    };
  }

  /** The bids in bid-id order; the market job reads them so ordered, which the check sees in one pass. */
  private static BidRow[] byBidId(List<BidRow> bids) {
    BidRow[] book = bids.toArray(new BidRow[0]);
    for (int i = 1; i < book.length; i++) {
      if (book[i - 1].bidId().compareTo(book[i].bidId()) > 0) {
        Arrays.sort(book, Comparator.comparing(BidRow::bidId));
        break;
      }
    }
    return book;
  }

  /**
   * The reserve per lot from a benchmark (yuan per t/a), converted by {@link UnitPrice#per}: per t/a as is, per
   * kg/a a thousandth; a lot that is not a load a year (a stock, tCO₂e, an unknown unit) has no reserve.
   */
  public static Optional<UnitPrice> reservePerLot(UnitPrice benchmark, Optional<Unit> lot) {
    if (benchmark.per() != Unit.TONNES_PER_YEAR) {
      throw new IllegalArgumentException("A benchmark is per t/a, not " + benchmark);
    }
    return lot.filter(Unit::isWaterFlow).map(benchmark::per);
  }

  /** The screen's verdict on one bid, or null when it passes to the clearing. */
  static Reason screen(Spec spec, BidRow bid, Set<String> knownBidders, BigDecimal depositRatio) {
    if (!knownBidders.contains(bid.bidder())) {
      return Reason.UNKNOWN_BIDDER;
    }
    if (bid.submittedAt().isBefore(spec.opensAt())) {
      return Reason.BEFORE_OPEN;
    }
    if (bid.submittedAt().isAfter(spec.closesAt())) {
      return Reason.AFTER_CLOSE;
    }
    if (bid.quantity() != Math.rint(bid.quantity())) {
      return Reason.FRACTIONAL_QUANTITY;
    }
    if (bid.quantity() > 0 && bid.priceYuan().signum() > 0
        && bid.depositYuan().compareTo(requiredDeposit(bid, depositRatio)) < 0) {
      return Reason.OVER_DEPOSIT;
    }
    return null;
  }

  /** {@code auction.deposit_ratio} × price × quantity. */
  static BigDecimal requiredDeposit(BidRow bid, BigDecimal depositRatio) {
    return depositRatio.multiply(bid.priceYuan()).multiply(BigDecimal.valueOf((long) bid.quantity()));
  }
}
