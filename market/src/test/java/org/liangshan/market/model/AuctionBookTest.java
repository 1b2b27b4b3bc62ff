package org.liangshan.market.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AuctionBookTest {
  private static final Instant OPENS = Instant.parse("2024-05-01T00:00:00Z");
  private static final Instant CLOSES = Instant.parse("2024-05-10T00:00:00Z");
  private static final Instant DURING = Instant.parse("2024-05-05T00:00:00Z");
  private static final AuctionBook.Spec SPEC =
      new AuctionBook.Spec("A1", "Z1", "TP", 10_000, OPENS, CLOSES, "lowest_accepted", 0);
  private static final Set<String> REGISTRY = Set.of("A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L");

  private static AuctionBook.BidRow bid(String id, String bidder, double quantity, String price) {
    return bid(id, bidder, quantity, price, DURING);
  }

  private static AuctionBook.BidRow bid(String id, String bidder, double quantity, String price, Instant at) {
    BigDecimal p = new BigDecimal(price);
    // Enough deposit for the whole bid value unless a test says otherwise.
    BigDecimal deposit = p.multiply(BigDecimal.valueOf(Math.abs(quantity))).add(BigDecimal.ONE);
    return new AuctionBook.BidRow(id, bidder, quantity, p, deposit, at);
  }

  @Test
  void theInvalidBidCorpusIsRejectedWithReasonsAndTheRestClearsAsInMethodology() {
    List<AuctionBook.BidRow> bids = List.of(
        // METHODOLOGY.md section 6 example: supply 10,000, reserve 100.
        bid("b01", "A", 4000, "130"),
        bid("b02", "B", 3000, "125"),
        bid("b03", "C", 2500, "120"),
        bid("b04", "D", 2000, "120"),
        bid("b05", "E", 1000, "110"),
        bid("b06", "F", 500, "95"),
        // The corpus of invalid bids.
        bid("b07", "X-UNKNOWN", 100, "200"),
        bid("b08", "G", 0, "150"),
        bid("b09", "H", -5, "150"),
        bid("b10", "J", 100, "150", Instant.parse("2024-05-10T00:00:01Z")),
        new AuctionBook.BidRow("b11", "K", 100, new BigDecimal("150"), new BigDecimal("14999.99"), DURING),
        bid("b12", "L", 10.5, "150"),
        bid("b13", "J", 100, "150", Instant.parse("2024-04-30T23:59:59Z")));

    AuctionBook.Outcome outcome = AuctionBook.run(SPEC, Optional.of(new BigDecimal("100")), bids, REGISTRY, BigDecimal.ONE);

    Map<String, String> codes = outcome.rejections().stream()
        .collect(Collectors.toMap(AuctionBook.RejectionRow::bidId, AuctionBook.RejectionRow::reasonCode));
    assertThat(codes).containsExactlyInAnyOrderEntriesOf(Map.of(
        "b05", "OUTBID",
        "b06", "BELOW_RESERVE",
        "b07", "UNKNOWN_BIDDER",
        "b08", "NON_POSITIVE_QUANTITY",
        "b09", "NON_POSITIVE_QUANTITY",
        "b10", "AFTER_CLOSE",
        "b11", "OVER_DEPOSIT",
        "b12", "FRACTIONAL_QUANTITY",
        "b13", "BEFORE_OPEN"));
    assertThat(outcome.rejections()).filteredOn(r -> r.bidId().equals("b11")).singleElement()
        .extracting(AuctionBook.RejectionRow::reason)
        .isEqualTo("bid value needs a deposit of 15000 yuan, lodged 14999.99");
    // Reasons are codes until written; the words, formatted then, are those the gold table has always had.
    assertThat(outcome.rejections()).extracting(r -> r.bidId() + " " + r.reason()).containsExactly(
        "b05 outbid: 110 won no units; supply ran out at 120",
        "b06 below reserve: 95 < 100",
        "b07 bidder X-UNKNOWN is not in the enterprise registry",
        "b08 non-positive quantity: 0",
        "b09 non-positive quantity: -5",
        "b10 submitted at 2024-05-10T00:00:01Z, after bidding closed at 2024-05-10T00:00:00Z",
        "b11 bid value needs a deposit of 15000 yuan, lodged 14999.99",
        "b12 quantity 10.5 is not a whole number of units",
        "b13 submitted at 2024-04-30T23:59:59Z, before bidding opened at 2024-05-01T00:00:00Z");

    var out = outcome.output().orElseThrow();
    assertThat(out.clearingPrice()).isEqualByComparingTo("120");
    assertThat(out.sold()).isEqualTo(10_000);
    // C and D share the 3,000 left pro rata: 1,666.67 and 1,333.33 -> 1,667 and 1,333.
    assertThat(outcome.awards()).extracting(AuctionBook.AwardRow::bidId, AuctionBook.AwardRow::quantity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("b01", 4000L),
            org.assertj.core.groups.Tuple.tuple("b02", 3000L),
            org.assertj.core.groups.Tuple.tuple("b03", 1667L),
            org.assertj.core.groups.Tuple.tuple("b04", 1333L));
    assertThat(outcome.awards()).allSatisfy(a -> {
      assertThat(a.priceYuan()).isEqualByComparingTo("120");
      assertThat(a.amountYuan()).isEqualByComparingTo(a.priceYuan().multiply(BigDecimal.valueOf(a.quantity())));
    });
    assertThat(outcome.awards().stream().mapToLong(AuctionBook.AwardRow::quantity).sum()).isLessThanOrEqualTo(SPEC.supply());
  }

  @Test
  void aLaterBidOfTheSameBidderSupersedesTheEarlierOne() {
    List<AuctionBook.BidRow> bids = List.of(
        bid("b1", "A", 10, "150", Instant.parse("2024-05-02T00:00:00Z")),
        bid("b2", "A", 20, "140", Instant.parse("2024-05-03T00:00:00Z")));
    AuctionBook.Outcome outcome = AuctionBook.run(SPEC, Optional.of(new BigDecimal("100")), bids, REGISTRY, BigDecimal.ONE);
    assertThat(outcome.rejections()).singleElement().satisfies(r -> {
      assertThat(r.bidId()).isEqualTo("b1");
      assertThat(r.reasonCode()).isEqualTo("SUPERSEDED");
      assertThat(r.reason()).isEqualTo("superseded by the bidder's later bid b2");
    });
    assertThat(outcome.awards()).singleElement().satisfies(a -> assertThat(a.quantity()).isEqualTo(20));
    // Every valid bid filled: lowest_accepted is the lowest winning price, and the auction is undersubscribed.
    assertThat(outcome.output().orElseThrow().clearingPrice()).isEqualByComparingTo("140");
    assertThat(outcome.output().orElseThrow().undersubscribed()).isTrue();
  }

  @Test
  void withoutABenchmarkPriceNothingClears() {
    AuctionBook.Outcome outcome = AuctionBook.run(SPEC, Optional.empty(), List.of(bid("b1", "A", 10, "150")), REGISTRY, BigDecimal.ONE);
    assertThat(outcome.output()).isEmpty();
    assertThat(outcome.awards()).isEmpty();
    assertThat(outcome.rejections()).singleElement().extracting(AuctionBook.RejectionRow::reasonCode).isEqualTo("NO_RESERVE_PRICE");
  }
}
