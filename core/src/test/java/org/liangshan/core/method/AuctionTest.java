package org.liangshan.core.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.liangshan.core.method.Printed.assertBadField;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.liangshan.core.method.Auction.Rule;

class AuctionTest {
  private static Auction.Bid bid(String bidder, long quantity, String price) {
    return new Auction.Bid(bidder, quantity, new BigDecimal(price));
  }

  private static List<Auction.Bid> exampleBids() {
    return List.of(
        bid("A", 4000, "130"),
        bid("B", 3000, "125"),
        bid("C", 2500, "120"),
        bid("D", 2000, "120"),
        bid("E", 1000, "110"),
        bid("F", 500, "95"));
  }

  private static Auction.Output example(Rule rule, long seed) {
    return Auction.compute(
        new Auction.Input(10_000, new BigDecimal("100"), rule, seed, exampleBids()));
  }

  @ParameterizedTest
  @EnumSource(Rule.class)
  void workedExampleUnderBothRules(Rule rule) {
    Auction.Output r = example(rule, 0);
    assertThat(r.clearingPrice()).isEqualByComparingTo("120");
    assertThat(r.sold()).isEqualTo(10_000);
    assertThat(r.undersubscribed()).isFalse();
    // C and D share 3,000 pro rata: exact 1666.67 and 1333.33; the largest remainder (C) gets the
    // odd unit.
    assertThat(r.awards())
        .extracting(Auction.Award::bidder, Auction.Award::quantity)
        .containsExactly(
            tuple("A", 4000L), tuple("B", 3000L), tuple("C", 1667L), tuple("D", 1333L));
    assertThat(r.awards()).allSatisfy(a -> assertThat(a.price()).isEqualByComparingTo("120"));
    assertThat(r.rejected())
        .containsExactly(
            new Auction.Rejection("E", "outbid: 110 won no units; supply ran out at 120"),
            new Auction.Rejection("F", "below reserve: 95 < 100"));
    assertThat(r.tieOrder()).containsExactlyInAnyOrder("C", "D");
  }

  @Test
  void tieOrderIsDeterministicForASeedAndDecidesEqualRemainders() {
    // Two equal bids share 3 units: 1 each and one unit to whoever comes first in the seeded order.
    List<Auction.Bid> bids = List.of(bid("P", 2, "50"), bid("Q", 2, "50"));
    List<String> firsts = new ArrayList<>();
    for (long seed = 0; seed < 20; seed++) {
      Auction.Output first =
          Auction.compute(new Auction.Input(3, BigDecimal.ONE, Rule.LOWEST_ACCEPTED, seed, bids));
      Auction.Output again =
          Auction.compute(new Auction.Input(3, BigDecimal.ONE, Rule.LOWEST_ACCEPTED, seed, bids));
      assertThat(again).isEqualTo(first);
      String winner = first.tieOrder().get(0);
      assertThat(first.awards())
          .filteredOn(a -> a.bidder().equals(winner))
          .extracting(Auction.Award::quantity)
          .containsExactly(2L);
      firsts.add(winner);
    }
    // Both orders occur over the seeds: the seed, not the input order, decides.
    assertThat(firsts).contains("P", "Q");
  }

  @Test
  void highestRejectedIsTheReserveWhenEveryBidIsFilled() {
    List<Auction.Bid> bids = List.of(bid("A", 100, "130"), bid("B", 50, "110"));
    Auction.Output rggi =
        Auction.compute(
            new Auction.Input(1000, new BigDecimal("100"), Rule.HIGHEST_REJECTED, 0, bids));
    assertThat(rggi.clearingPrice()).isEqualByComparingTo("100");
    assertThat(rggi.undersubscribed()).isTrue();
    assertThat(rggi.sold()).isEqualTo(150);
    Auction.Output eu =
        Auction.compute(
            new Auction.Input(1000, new BigDecimal("100"), Rule.LOWEST_ACCEPTED, 0, bids));
    assertThat(eu.clearingPrice()).isEqualByComparingTo("110");
  }

  @Test
  void highestRejectedDiffersWhenSupplyEndsAtAPriceStep() {
    // Supply 150 is exhausted exactly by A and B; C at 105 is the highest rejected bid.
    List<Auction.Bid> bids =
        List.of(bid("A", 100, "130"), bid("B", 50, "110"), bid("C", 80, "105"));
    assertThat(
            Auction.compute(
                    new Auction.Input(150, new BigDecimal("100"), Rule.LOWEST_ACCEPTED, 0, bids))
                .clearingPrice())
        .isEqualByComparingTo("110");
    assertThat(
            Auction.compute(
                    new Auction.Input(150, new BigDecimal("100"), Rule.HIGHEST_REJECTED, 0, bids))
                .clearingPrice())
        .isEqualByComparingTo("105");
  }

  @Test
  void nonPositiveQuantitiesAreRejectedWithAReason() {
    Auction.Output r =
        Auction.compute(
            new Auction.Input(
                10,
                BigDecimal.ONE,
                Rule.LOWEST_ACCEPTED,
                0,
                List.of(bid("A", 0, "5"), bid("B", -3, "5"), bid("C", 4, "5"))));
    assertThat(r.rejected())
        .containsExactly(
            new Auction.Rejection("A", "non-positive quantity: 0"),
            new Auction.Rejection("B", "non-positive quantity: -3"));
    assertThat(r.sold()).isEqualTo(4);
  }

  @Test
  void invariantsOverRandomAuctions() {
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 500; round++) {
      List<Auction.Bid> bids = new ArrayList<>();
      int n = 1 + random.nextInt(12);
      long demand = 0;
      for (int i = 0; i < n; i++) {
        long quantity = random.nextInt(1, 500);
        bids.add(bid("B" + i, quantity, Integer.toString(90 + random.nextInt(8) * 5)));
        demand += quantity;
      }
      long supply = random.nextInt(1, 3000);
      Rule rule = random.nextBoolean() ? Rule.LOWEST_ACCEPTED : Rule.HIGHEST_REJECTED;
      long seed = random.nextLong();
      Auction.Output r =
          Auction.compute(new Auction.Input(supply, new BigDecimal("100"), rule, seed, bids));
      long awarded = r.awards().stream().mapToLong(Auction.Award::quantity).sum();
      assertThat(awarded).isEqualTo(r.sold()).isLessThanOrEqualTo(supply);
      assertThat(r.awards()).allSatisfy(a -> assertThat(a.price()).isEqualTo(r.clearingPrice()));
      assertThat(r.clearingPrice()).isGreaterThanOrEqualTo(new BigDecimal("100"));
      for (Auction.Award award : r.awards()) {
        Auction.Bid original =
            bids.stream().filter(b -> b.bidder().equals(award.bidder())).findFirst().orElseThrow();
        assertThat(award.quantity()).isBetween(1L, original.quantity());
        // Nobody wins units at a bid below the clearing price.
        assertThat(original.price()).isGreaterThanOrEqualTo(r.clearingPrice());
      }
      assertThat(r.awards().size() + r.rejected().size()).isEqualTo(n);
      // Undersubscribed exactly when valid demand falls short of supply.
      long validDemand =
          bids.stream()
              .filter(b -> b.price().compareTo(new BigDecimal("100")) >= 0)
              .mapToLong(Auction.Bid::quantity)
              .sum();
      assertThat(r.undersubscribed()).isEqualTo(validDemand < supply);
      assertThat(r.sold()).isEqualTo(Math.min(validDemand, supply));
      assertThat(
              Auction.compute(new Auction.Input(supply, new BigDecimal("100"), rule, seed, bids)))
          .isEqualTo(r);
      assertThat(demand).isPositive();
    }
  }

  @Test
  void pricesTooLongForTheFastOrderClearTheSameWay() {
    // Prices are ordered as scaled longs when they fit, else by a comparator: both orders must agree. × 10²⁰
    // leaves no long for the prices, so the same books go the slow way.
    SplittableRandom random = new SplittableRandom(11);
    BigDecimal scale = new BigDecimal("1E+20");
    for (int round = 0; round < 200; round++) {
      List<Auction.Bid> bids = new ArrayList<>();
      List<Auction.Bid> huge = new ArrayList<>();
      int n = 1 + random.nextInt(12);
      for (int i = 0; i < n; i++) {
        long quantity = random.nextInt(1, 500);
        BigDecimal price = new BigDecimal(90 + random.nextInt(8) * 5).movePointLeft(random.nextInt(3));
        bids.add(new Auction.Bid("B" + i, quantity, price));
        huge.add(new Auction.Bid("B" + i, quantity, price.multiply(scale)));
      }
      long supply = random.nextInt(1, 3000);
      Rule rule = random.nextBoolean() ? Rule.LOWEST_ACCEPTED : Rule.HIGHEST_REJECTED;
      Auction.Output small = Auction.compute(new Auction.Input(supply, new BigDecimal("1"), rule, round, bids));
      Auction.Output large =
          Auction.compute(new Auction.Input(supply, scale, rule, round, huge));
      assertThat(large.awards())
          .extracting(Auction.Award::bidder, Auction.Award::quantity)
          .containsExactlyElementsOf(
              small.awards().stream()
                  .map(a -> org.assertj.core.groups.Tuple.tuple(a.bidder(), a.quantity()))
                  .toList());
      assertThat(large.clearingPrice()).isEqualByComparingTo(small.clearingPrice().multiply(scale));
      assertThat(large.tieOrder()).isEqualTo(small.tieOrder());
    }
  }

  @Test
  void equalPricesOfDifferentScalesAreOneTie() {
    Auction.Output r =
        Auction.compute(
            new Auction.Input(
                3,
                BigDecimal.ONE,
                Rule.LOWEST_ACCEPTED,
                0,
                List.of(bid("P", 2, "50.5"), bid("Q", 2, "50.50"), bid("R", 1, "40"))));
    assertThat(r.tieOrder()).containsExactlyInAnyOrder("P", "Q");
    assertThat(r.awards()).extracting(Auction.Award::quantity).containsExactlyInAnyOrder(1L, 2L);
    assertThat(r.rejected()).containsExactly(
        new Auction.Rejection("R", "outbid: 40 won no units; supply ran out at 50.5"));
  }

  @Test
  void badInputNamesTheField() {
    assertBadField(
        () ->
            new Auction.Input(
                10,
                BigDecimal.ONE,
                Rule.LOWEST_ACCEPTED,
                0,
                List.of(bid("A", 1, "5"), bid("A", 2, "6"))),
        "bids[1].bidder",
        "duplicate bidder 'A'; one bid per bidder");
    assertBadField(
        () -> new Auction.Input(-1, BigDecimal.ONE, Rule.LOWEST_ACCEPTED, 0, List.of()),
        "supply",
        "must be >= 0, got -1");
    assertBadField(
        () -> new Auction.Input(10, new BigDecimal("-1"), Rule.LOWEST_ACCEPTED, 0, List.of()),
        "reserve_price",
        "must be >= 0, got -1");
    assertBadField(
        () -> Rule.parse("rule", "vickrey"),
        "rule",
        "unknown rule 'vickrey'; expected one of lowest_accepted, highest_rejected");
  }
}
