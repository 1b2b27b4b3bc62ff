package org.liangshan.finance.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liangshan.core.method.CollateralHaircut;
import org.liangshan.core.param.ParameterSet;

/** The haircut of an instrument's trades against a σ computed by hand on a five-day price series. */
class VolatilityHaircutTest {
  // Five trading days (Mon 2024-12-02 .. Fri 2024-12-06), daily volume-weighted prices 100, 102, 99, 101, 103:
  // 2024-12-03 has two trades, 101 x 1 and 103 x 1 (VWAP 102). Returns ln(102/100), ln(99/102), ln(101/99),
  // ln(103/101) = 0.0198026, -0.0298530, 0.0200007, 0.0196085; sample sd (n-1) 0.0248289588;
  // x sqrt(250) = 0.392580308; z(0.99) = 2.326347874; x sqrt(10/250) -> 0.182656.
  // Volume in the 20-weekday window: 5 + 1 + 1 + 2 + 7 + 3 = 19, an average daily volume of 0.95.
  private static final List<PriceHistory.Trade> TRADES = List.of(
      trade("T1", "2024-12-02", 5, "100"),
      trade("T2", "2024-12-03", 1, "101"),
      trade("T3", "2024-12-03", 1, "103"),
      trade("T4", "2024-12-04", 2, "99"),
      trade("T5", "2024-12-05", 7, "101"),
      trade("T6", "2024-12-06", 3, "103"),
      // Outside the 20-day window ending 2024-12-06 (which starts 2024-11-11): ignored.
      trade("T0", "2024-11-01", 1, "500"));
  private static final LocalDate DATE = LocalDate.parse("2024-12-06");

  private static PriceHistory.Trade trade(String id, String date, double quantity, String price) {
    return new PriceHistory.Trade(id, LocalDate.parse(date), "carbon_quota", quantity, new BigDecimal(price));
  }

  private static VolatilityHaircut.Terms terms(int minReturns, String cap) {
    return new VolatilityHaircut.Terms(20, new CollateralHaircut.Terms(minReturns, 0.99, 10, new BigDecimal(cap), 250, 0.2));
  }

  private static VolatilityHaircut.Result haircut(double pledged, String configured, VolatilityHaircut.Terms terms) {
    return VolatilityHaircut.compute("carbon_quota CO2 (registry)", TRADES, DATE, new BigDecimal(configured), pledged, terms);
  }

  @Test
  void zIsTheNormalQuantile() {
    assertThat(CollateralHaircut.normalQuantile(0.99)).isCloseTo(2.326347874, within(1e-8));
    assertThat(CollateralHaircut.normalQuantile(0.95)).isCloseTo(1.644853627, within(1e-8));
    assertThat(CollateralHaircut.normalQuantile(0.5)).isCloseTo(0, within(1e-12));
    assertThat(CollateralHaircut.normalQuantile(0.001)).isCloseTo(-3.090232306, within(1e-8));
  }

  @Test
  void sigmaOfTheDailyLogReturnsGivesTheHaircut() {
    // 1 pledged sells at 0.2 x 0.95 = 0.19 a day in ceil(5.26) = 6 days, within the 10-day base: no add-on.
    VolatilityHaircut.Result r = haircut(1, "0.1", terms(3, "0.6"));
    assertThat(r.prices()).extracting(p -> p.priceYuan().stripTrailingZeros().toPlainString())
        .containsExactly("100", "102", "99", "101", "103");
    assertThat(r.windowStart()).isEqualTo(LocalDate.parse("2024-11-11"));
    assertThat(r.returns()).isEqualTo(4);
    assertThat(r.averageDailyVolume()).isCloseTo(0.95, within(1e-12));
    assertThat(r.sigmaDaily().orElseThrow()).isCloseTo(0.0248289588, within(1e-9));
    assertThat(r.sigmaAnnual().orElseThrow()).isCloseTo(0.392580308, within(1e-8));
    assertThat(r.volatilityHaircut().orElseThrow()).isEqualByComparingTo("0.182656");
    assertThat(r.liquidationDays()).isEqualTo(10);
    assertThat(r.liquidityAddon()).isEqualByComparingTo("0");
    assertThat(r.haircut()).isEqualByComparingTo("0.182656");
    assertThat(r.basis()).isEqualTo(VolatilityHaircut.VOLATILITY);
    assertThat(r.note()).contains("sigma 0.39258", "z 2.32635", "sqrt(10) = volatility 0.182656", "takes 6 days");
  }

  @Test
  void aPledgeLargerThanTheMarketTradesGetsTheLiquidityAddOn() {
    // 10 pledged at 0.19 a day: ceil(52.63) = 53 days; 0.1826557 x sqrt(53/10) = 0.420505, add-on 0.420505 - 0.182656 = 0.237849.
    VolatilityHaircut.Result r = haircut(10, "0.1", terms(3, "0.6"));
    assertThat(r.liquidationDays()).isEqualTo(53);
    assertThat(r.haircut()).isEqualByComparingTo("0.420505");
    assertThat(r.liquidityAddon()).isEqualByComparingTo("0.237849");
    assertThat(r.note()).contains("x sqrt(53/10), liquidity add-on 0.237849");
  }

  @Test
  void theConfiguredHaircutIsTheFloorAndTheCapBoundsTheRest() {
    VolatilityHaircut.Result floor = haircut(1, "0.2", terms(3, "0.6"));
    assertThat(floor.haircut()).isEqualByComparingTo("0.2");
    assertThat(floor.basis()).isEqualTo(VolatilityHaircut.FLOOR);
    VolatilityHaircut.Result cap = haircut(1, "0.1", terms(3, "0.15"));
    assertThat(cap.haircut()).isEqualByComparingTo("0.15");
    assertThat(cap.basis()).isEqualTo(VolatilityHaircut.CAP);
    // A cap below the configured haircut never undercuts it.
    VolatilityHaircut.Result both = haircut(1, "0.2", terms(3, "0.15"));
    assertThat(both.haircut()).isEqualByComparingTo("0.2");
    assertThat(both.basis()).isEqualTo(VolatilityHaircut.FLOOR);
  }

  @Test
  void aThinMarketGetsTheCapAndSaysSo() {
    VolatilityHaircut.Result thin = haircut(1, "0.1", terms(10, "0.6"));
    assertThat(thin.haircut()).isEqualByComparingTo("0.6");
    assertThat(thin.basis()).isEqualTo(VolatilityHaircut.THIN);
    assertThat(thin.sigmaAnnual()).isEmpty();
    assertThat(thin.note()).contains("thin market: 4 daily returns", "< 10", "the cap 0.6 applies");
    // No trades at all: the same.
    assertThat(VolatilityHaircut.compute("forest_right (registry)", List.of(), DATE, new BigDecimal("0.1"), 1, terms(3, "0.6"))
        .haircut()).isEqualByComparingTo("0.6");
  }

  @Test
  void theTermsComeFromTheParameterSet() {
    VolatilityHaircut.Terms t = VolatilityHaircut.Terms.of(FinanceParameters.complete(ParameterSet.defaults()));
    assertThat(t).isEqualTo(new VolatilityHaircut.Terms(60, new CollateralHaircut.Terms(10, 0.99, 10, new BigDecimal("0.6"), 250,
        0.2)));
  }
}
