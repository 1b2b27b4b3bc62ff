package org.liangshan.finance.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.liangshan.core.param.ParameterSet;

/**
 * The daily margin-call check (METHODOLOGY.md section 7's top-up formula): a pledge whose price on the day is below
 * its valuation's margin-call price is called with the top-up computed by hand; one above its line is not; a pledge
 * never valued before is listed, not checked.
 */
class MarginMonitorTest {
  private static final ParameterSet PARAMS = FinanceParameters.complete(ParameterSet.defaults());
  /** A Friday. */
  private static final LocalDate DAY = LocalDate.of(2024, 7, 5);
  private static final BigDecimal TRIGGER = new BigDecimal("0.15");

  private static PriceHistory.Quote at(String price) {
    BigDecimal p = new BigDecimal(price);
    return new PriceHistory.Quote(Optional.of(p), Optional.of(p), 5, Optional.of(p), Optional.of(p), "market", "test price");
  }

  @Test
  void aPledgeBelowItsLineIsCalledWithTheTopUpThatRestoresItsValue() {
    List<CollateralBook.Pledge> pledges = List.of(
        new CollateralBook.Pledge("P1", "L1", "R1", 100, LocalDate.of(2024, 1, 5), "active"),
        new CollateralBook.Pledge("P2", "L1", "R2", 2, LocalDate.of(2024, 1, 5), "active"),
        new CollateralBook.Pledge("P3", "L1", "R3", 1, LocalDate.of(2024, 7, 1), "active"));
    Map<String, CollateralBook.Right> rights = Map.of(
        "R1", new CollateralBook.Right("R1", "carbon_quota", null, "CO2", Optional.empty()),
        "R2", new CollateralBook.Right("R2", "eco_voucher", "LY-WFZ-01", "TP", Optional.empty()),
        "R3", new CollateralBook.Right("R3", "carbon_quota", null, "CO2", Optional.empty()));
    Map<String, PriceHistory.Quote> prices = Map.of("R1", at("100"), "R2", at("700000"), "R3", at("100"));
    List<CollateralBook.Valuation> revalued = CollateralBook.value(pledges,
        Map.of("L1", new CollateralBook.Loan("L1", "K1", new BigDecimal("30000"))), rights, Set.of(),
        right -> prices.get(right.rightId()), DAY, CollateralBook.Terms.of(PARAMS), PARAMS);
    // The 2024-06-28 valuation: P1 at 102 (line 102 x 0.85 = 86.7), P2 at 900,000 with the thin-market cap 0.6
    // (line 765,000); P3 was pledged after it.
    Map<String, MarginMonitor.Reference> references = Map.of(
        "P1", new MarginMonitor.Reference("P1", LocalDate.of(2024, 6, 28), new BigDecimal("102"), new BigDecimal("86.7"),
            new BigDecimal("0.476491"), new BigDecimal("0.5"), BigDecimal.ONE),
        "P2", new MarginMonitor.Reference("P2", LocalDate.of(2024, 6, 28), new BigDecimal("900000"),
            new BigDecimal("765000"), new BigDecimal("0.6"), new BigDecimal("0.4"), BigDecimal.ONE));

    MarginMonitor.Outcome outcome = MarginMonitor.check(revalued, references, TRIGGER);

    assertThat(outcome.checked()).isEqualTo(2);
    assertThat(outcome.unreferenced()).containsExactly("P3");
    assertThat(outcome.calls()).hasSize(1);
    MarginMonitor.Call call = outcome.calls().get(0);
    assertThat(call.revalued().pledge().pledgeId()).isEqualTo("P2");
    assertThat(call.price()).isEqualByComparingTo("700000");
    // value = 2 x 900,000 x (1 - 0.6) x 1 = 720,000; at 700,000: 2 x 700,000 x 0.4 = 560,000; shortfall 160,000.
    assertThat(call.collateralValueYuan()).isEqualByComparingTo("720000");
    assertThat(call.valueAtPriceYuan()).isEqualByComparingTo("560000");
    assertThat(call.shortfallYuan()).isEqualByComparingTo("160000");
    // top-up = 720,000 / (700,000 x 0.4 x 1) - 2 = 18/7 - 2 = 4/7 = 0.571428...; worth 4/7 x 700,000 = 400,000.
    assertThat(call.topupQuantity().round(MathContext.DECIMAL64))
        .isEqualByComparingTo(new BigDecimal(4).divide(new BigDecimal(7), MathContext.DECIMAL64));
    assertThat(call.topupValueYuan().round(new MathContext(20))).isEqualByComparingTo("400000");
    // The top-up delivered at the day's price, after haircut and term, is the shortfall.
    assertThat(call.topupQuantity().multiply(new BigDecimal("700000")).multiply(new BigDecimal("0.4")).round(new MathContext(20)))
        .isEqualByComparingTo(call.shortfallYuan());
    assertThat(call.priceDrop()).isEqualByComparingTo(BigDecimal.ONE.subtract(
        new BigDecimal("700000").divide(new BigDecimal("900000"), MathContext.DECIMAL64)));
    assertThat(call.note()).startsWith("price 700000 on the day < margin-call price 765000 of the 2024-06-28 valuation");
  }

  @Test
  void aPriceExactlyOnTheLineIsNotACall() {
    List<CollateralBook.Valuation> revalued = CollateralBook.value(
        List.of(new CollateralBook.Pledge("P1", "L1", "R1", 100, LocalDate.of(2024, 1, 5), "active")),
        Map.of("L1", new CollateralBook.Loan("L1", "K1", BigDecimal.ONE)),
        Map.of("R1", new CollateralBook.Right("R1", "carbon_quota", null, "CO2", Optional.empty())), Set.of(),
        right -> at("86.7"), DAY, CollateralBook.Terms.of(PARAMS), PARAMS);
    MarginMonitor.Outcome outcome = MarginMonitor.check(revalued, Map.of("P1", new MarginMonitor.Reference("P1",
        LocalDate.of(2024, 6, 28), new BigDecimal("102"), new BigDecimal("86.7"), new BigDecimal("0.1"),
        new BigDecimal("0.5"), BigDecimal.ONE)), TRIGGER);
    assertThat(outcome.checked()).isEqualTo(1);
    assertThat(outcome.calls()).isEmpty();
  }
}
