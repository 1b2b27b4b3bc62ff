package org.liangshan.finance.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.liangshan.core.param.ParameterSet;

class CollateralBookTest {
  private static final ParameterSet PARAMS = FinanceParameters.complete(ParameterSet.defaults());
  /** A Friday. */
  private static final LocalDate DATE = LocalDate.of(2024, 6, 28);
  private static final PriceHistory.Benchmark BENCHMARK = new PriceHistory.Benchmark(new BigDecimal("80"), "test benchmark");

  private static PriceHistory.Trade trade(String id, String date, String price) {
    return new PriceHistory.Trade(id, LocalDate.parse(date), "carbon_quota", 100, new BigDecimal(price));
  }

  /** Six trades in the window: volume-weighted average 95, last price 90. */
  private static final List<PriceHistory.Trade> TRADES = List.of(
      trade("t1", "2024-06-21", "100"), trade("t2", "2024-06-24", "98"), trade("t3", "2024-06-25", "96"),
      trade("t4", "2024-06-26", "94"), trade("t5", "2024-06-27", "92"), trade("t6", "2024-06-28", "90"));

  @Test
  void theWindowIsTwentyWeekdaysEndingOnTheDate() {
    assertThat(PriceHistory.windowStart(DATE, 20)).isEqualTo(LocalDate.of(2024, 6, 3));
    // A Sunday: the window's 20 weekdays end on the Friday before.
    assertThat(PriceHistory.windowStart(LocalDate.of(2024, 6, 30), 20)).isEqualTo(LocalDate.of(2024, 6, 3));
  }

  @Test
  void anActiveMarketValuesAtTheMinimumOfSpotAndAverage() {
    PriceHistory.Quote quote = PriceHistory.quote(TRADES, DATE, 20, 5, Optional.of(BENCHMARK));
    assertThat(quote.source()).isEqualTo("market");
    assertThat(quote.tradesInWindow()).isEqualTo(6);
    assertThat(quote.marketSpot()).hasValueSatisfying(s -> assertThat(s).isEqualByComparingTo("90"));
    assertThat(quote.marketAverage()).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("95"));
    // Spot above the average: the average is the valuation price (core takes the minimum).
    List<PriceHistory.Trade> rising = List.of(trade("t1", "2024-06-24", "90"), trade("t2", "2024-06-25", "90"),
        trade("t3", "2024-06-26", "90"), trade("t4", "2024-06-27", "90"), trade("t5", "2024-06-28", "110"));
    PriceHistory.Quote up = PriceHistory.quote(rising, DATE, 20, 5, Optional.of(BENCHMARK));
    CollateralBook.Valuation v = valueOne(up);
    assertThat(v.output().orElseThrow().valuationPrice()).isEqualByComparingTo("94");
  }

  @Test
  void aThinMarketFallsBackToTheBenchmarkAndSaysSo() {
    PriceHistory.Quote quote = PriceHistory.quote(TRADES.subList(0, 4), DATE, 20, 5, Optional.of(BENCHMARK));
    assertThat(quote.source()).isEqualTo("benchmark:test benchmark");
    assertThat(quote.note()).startsWith("thin market: 4 trades from 2024-06-03 to 2024-06-28 (< 5)");
    assertThat(quote.spotForValuation()).hasValueSatisfying(s -> assertThat(s).isEqualByComparingTo("80"));
    // The market observations are still reported.
    assertThat(quote.marketSpot()).hasValueSatisfying(s -> assertThat(s).isEqualByComparingTo("94"));

    PriceHistory.Quote none = PriceHistory.quote(List.of(), DATE, 20, 5, Optional.empty());
    assertThat(none.source()).isEqualTo("none");
    assertThat(valueOne(none).status()).isEqualTo("no_price");
  }

  @Test
  void valuesAsMethodologyWithTheParameterSetsHaircutAndLtv() {
    CollateralBook.Valuation v = valueOne(PriceHistory.quote(TRADES, DATE, 20, 5, Optional.of(BENCHMARK)));
    var out = v.output().orElseThrow();
    // carbon_quota: haircut 0.1, LTV 0.5. Value = 100,000 × min(90, 95) × 0.9 = 8,100,000; max loan 4,050,000;
    // margin-call price 90 × (1 - 0.15) = 76.5; top-up at it 8.1e6 / (76.5 × 0.9) - 100,000 = 17,647.0588.
    assertThat(out.collateralValue()).isEqualByComparingTo("8100000");
    assertThat(out.maxLoan()).isEqualByComparingTo("4050000");
    assertThat(out.marginCallPrice()).isEqualByComparingTo("76.5");
    assertThat(out.topupQuantity().doubleValue()).isCloseTo(8.1e6 / (76.5 * 0.9) - 100_000, within(1e-6));
    assertThat(v.status()).isEqualTo("ok");
    // Actual LTV: the loan's outstanding 3,000,000 / the collateral value 8,100,000.
    assertThat(CollateralBook.actualLtv(v)).hasValueSatisfying(ltv -> assertThat(ltv.doubleValue())
        .isCloseTo(3_000_000 / 8_100_000.0, within(1e-15)));

    List<CollateralBook.Stress> stress = CollateralBook.stress(List.of(v), CollateralBook.Terms.of(PARAMS));
    assertThat(stress).extracting(s -> s.shock().doubleValue()).containsExactly(-0.1, -0.2, -0.3);
    // -30 %: price 63, value 5,670,000, max loan 2,835,000 below the outstanding 3,000,000.
    CollateralBook.Stress worst = stress.get(2);
    assertThat(worst.stressedPrice()).isEqualByComparingTo("63");
    assertThat(worst.atShock().maxLoan()).isEqualByComparingTo("2835000");
    assertThat(worst.ltvBreach()).isTrue();
    assertThat(stress.get(0).ltvBreach()).isFalse();
  }

  @Test
  void aRightAlreadyBackingAnotherLoanRefusesTheLaterPledge() {
    List<CollateralBook.Pledge> pledges = List.of(
        new CollateralBook.Pledge("P1", "L1", "R1", 100_000, LocalDate.of(2024, 1, 5), "active"),
        new CollateralBook.Pledge("P2", "L2", "R1", 50_000, LocalDate.of(2024, 2, 1), "active"),
        new CollateralBook.Pledge("P3", "L1", "R1", 10_000, LocalDate.of(2024, 3, 1), "active"),
        new CollateralBook.Pledge("P4", "L2", "R2", 10, LocalDate.of(2024, 3, 1), "active"),
        new CollateralBook.Pledge("P5", "L2", "R1", 10, LocalDate.of(2024, 3, 2), "released"),
        new CollateralBook.Pledge("P6", "L2", "R9", 10, LocalDate.of(2024, 3, 3), "active"),
        new CollateralBook.Pledge("P7", "L2", "R3", 10, LocalDate.of(2024, 7, 1), "active"));
    Map<String, CollateralBook.Loan> loans = Map.of(
        "L1", new CollateralBook.Loan("L1", "K1", new BigDecimal("3000000")),
        "L2", new CollateralBook.Loan("L2", "K2", new BigDecimal("100000")));
    Map<String, CollateralBook.Right> rights = Map.of(
        "R1", new CollateralBook.Right("R1", "carbon_quota", null, "CO2", Optional.empty()),
        "R2", new CollateralBook.Right("R2", "carbon_quota", null, "CO2", Optional.of(LocalDate.of(2024, 1, 31))),
        "R3", new CollateralBook.Right("R3", "carbon_quota", null, "CO2", Optional.empty()));
    List<CollateralBook.Valuation> valuations = CollateralBook.value(pledges, loans, rights, Set.of(),
        r -> PriceHistory.quote(TRADES, DATE, 20, 5, Optional.empty()), DATE, CollateralBook.Terms.of(PARAMS), PARAMS);
    assertThat(valuations).extracting(v -> v.pledge().pledgeId() + "=" + v.status())
        .containsExactly("P1=ok", "P2=refused_double_pledge", "P3=ok", "P4=expired", "P6=unknown_right");
    assertThat(valuations.get(1).output()).isEmpty();
    assertThat(valuations.get(1).notes()).isEqualTo("right R1 already backs an active pledge of loan L1");
    assertThat(CollateralBook.actualLtv(valuations.get(1))).isEmpty();
    // L1's 3,000,000 over its two pledges (P1, P3); L2's 100,000 over its three (P2, P4, P6), valued or not.
    Map<String, BigDecimal> shares = CollateralBook.outstandingShares(valuations);
    assertThat(shares).containsOnlyKeys("P1", "P2", "P3", "P4", "P6");
    assertThat(shares.get("P1")).isEqualByComparingTo("1500000");
    assertThat(shares.get("P3")).isEqualByComparingTo("1500000");
    assertThat(shares.get("P6").doubleValue()).isCloseTo(100_000 / 3.0, within(1e-9));
  }

  @Test
  void aRetiredRightIsFlagged() {
    List<CollateralBook.Valuation> valuations = CollateralBook.value(
        List.of(new CollateralBook.Pledge("P1", "L1", "R1", 1, LocalDate.of(2024, 1, 5), "active")),
        Map.of("L1", new CollateralBook.Loan("L1", "K1", BigDecimal.ONE)),
        Map.of("R1", new CollateralBook.Right("R1", "carbon_quota", null, "CO2", Optional.empty())),
        Set.of("R1"), r -> PriceHistory.quote(TRADES, DATE, 20, 5, Optional.empty()), DATE, CollateralBook.Terms.of(PARAMS), PARAMS);
    assertThat(valuations).singleElement().extracting(CollateralBook.Valuation::status).isEqualTo("retired");
  }

  @Test
  void aPledgeIsValuedInTheUnitItsTradesAreQuotedIn() {
    // A voucher won at auction is 980 kg/a; eco-voucher trades and benchmarks are per t/a. Trades at 15,670,000
    // yuan per t/a (15,670 yuan per kg/a): 0.98 t/a × 15,670,000 × (1 − 0.2) = 12,285,280 yuan, the same as
    // 980 kg/a × 15,670 yuan per kg/a × 0.8, never 980 × 15,670,000.
    List<PriceHistory.Trade> trades = List.of(voucher("t1", "2024-06-24"), voucher("t2", "2024-06-25"),
        voucher("t3", "2024-06-26"), voucher("t4", "2024-06-27"), voucher("t5", "2024-06-28"));
    PriceHistory.Quote quote = PriceHistory.quote(trades, DATE, 20, 5, Optional.empty());
    CollateralBook.Valuation v = valueVoucher(quote, Optional.of("kg/a"), 980);
    assertThat(v.status()).isEqualTo("ok");
    assertThat(v.pledge().quantity()).isEqualTo(0.98);
    assertThat(v.output().orElseThrow().collateralValue()).isEqualByComparingTo("12285280");
    assertThat(v.notes()).contains("; pledged 980 kg/a = 0.98 t/a");
    assertThat(CollateralBook.quantityUnit(v)).contains("t/a");
    assertThat(CollateralBook.priceUnit(v)).contains("yuan per t/a");
    // Already in t/a: nothing converted, nothing said.
    CollateralBook.Valuation same = valueVoucher(quote, Optional.of("t/a"), 0.98);
    assertThat(same.output().orElseThrow().collateralValue()).isEqualByComparingTo("12285280");
    assertThat(same.notes()).doesNotContain("pledged");
  }

  @Test
  void aRightWhoseUnitDoesNotConvertIsNotValued() {
    PriceHistory.Quote quote = PriceHistory.quote(List.of(voucher("t1", "2024-06-28")), DATE, 20, 5, Optional.empty());
    // 吨 is a stock of tonnes: an eco-voucher is a load a year, priced per t/a; no guess is made.
    CollateralBook.Valuation stock = valueVoucher(quote, Optional.of("吨"), 2);
    assertThat(stock.status()).isEqualTo("unit_mismatch");
    assertThat(stock.notes()).isEqualTo("right R1 is in '吨', which does not convert to t/a, the unit eco_voucher trades"
        + " are quoted in: correct the right's unit (单位)");
    assertThat(stock.output()).isEmpty();
    assertThat(CollateralBook.quantityUnit(stock)).contains("t");
    assertThat(CollateralBook.priceUnit(stock)).isEmpty();
    assertThat(valueVoucher(quote, Optional.of("tCO2e"), 2).status()).isEqualTo("unit_mismatch");
    assertThat(valueVoucher(quote, Optional.of("m3"), 2).status()).isEqualTo("unit_mismatch");
  }

  private static PriceHistory.Trade voucher(String id, String date) {
    return new PriceHistory.Trade(id, LocalDate.parse(date), "eco_voucher", 1, new BigDecimal("15670000"));
  }

  private static CollateralBook.Valuation valueVoucher(PriceHistory.Quote quote, Optional<String> unit, double quantity) {
    return CollateralBook.value(
            List.of(new CollateralBook.Pledge("P1", "L1", "R1", quantity, LocalDate.of(2024, 1, 5), "active")),
            Map.of("L1", new CollateralBook.Loan("L1", "K1", new BigDecimal("3000000"))),
            Map.of("R1", new CollateralBook.Right("R1", "eco_voucher", "LY-WFZ-01", "TP", Optional.empty(), unit)),
            Set.of(), r -> quote, DATE, CollateralBook.Terms.of(PARAMS), PARAMS)
        .get(0);
  }

  private static CollateralBook.Valuation valueOne(PriceHistory.Quote quote) {
    return CollateralBook.value(
            List.of(new CollateralBook.Pledge("P1", "L1", "R1", 100_000, LocalDate.of(2024, 1, 5), "active")),
            Map.of("L1", new CollateralBook.Loan("L1", "K1", new BigDecimal("3000000"))),
            Map.of("R1", new CollateralBook.Right("R1", "carbon_quota", null, "CO2", Optional.empty())),
            Set.of(), r -> quote, DATE, CollateralBook.Terms.of(PARAMS), PARAMS)
        .get(0);
  }
}
