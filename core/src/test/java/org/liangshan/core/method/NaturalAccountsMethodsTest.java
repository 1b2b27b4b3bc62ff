package org.liangshan.core.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liangshan.core.LiangshanException;

/** Balance-sheet transitions, value lines, the Richards stand curve and the realization rate, by hand. */
class NaturalAccountsMethodsTest {
  // classes: forest, wetland, water, cropland, grassland, other
  @Test
  void aCellsTransitionsByHand() {
    long[] before = LandTransitions.allocate(1_000_000, new double[] {0.5, 0, 0.2, 0.3, 0, 0}, 5);
    long[] after = LandTransitions.allocate(1_000_000, new double[] {0.4, 0, 0.1, 0.3, 0.1, 0.1}, 5);
    assertThat(before).containsExactly(500_000, 0, 200_000, 300_000, 0, 0);
    LandTransitions.Flows flows = LandTransitions.flows(before, after);
    assertThat(flows.additionsM2()).containsExactly(0, 0, 0, 0, 100_000, 100_000);
    assertThat(flows.reductionsM2()).containsExactly(100_000, 0, 100_000, 0, 0, 0);
    double[][] m = LandTransitions.matrix(before, after);
    // forest loses 0.1 km2 and water 0.1 km2; grassland and other gain 0.1 km2 each: each loss splits 50/50
    assertThat(m[0][0]).isEqualTo(400_000);
    assertThat(m[0][4]).isEqualTo(50_000);
    assertThat(m[0][5]).isEqualTo(50_000);
    assertThat(m[2][4]).isEqualTo(50_000);
    assertThat(m[2][5]).isEqualTo(50_000);
    assertThat(m[3][3]).isEqualTo(300_000);
    assertThat(m[0][3]).isZero();
  }

  @Test
  void grossFlowsOverTwoCellsAreNotTheNetChange() {
    long[][] before = {
      LandTransitions.allocate(1_000_000, new double[] {0.5, 0, 0.2, 0.3, 0, 0}, 5),
      LandTransitions.allocate(500_000.4, new double[] {0.2, 0, 0, 0.8, 0, 0}, 5)};
    long[][] after = {
      LandTransitions.allocate(1_000_000, new double[] {0.4, 0, 0.1, 0.3, 0.1, 0.1}, 5),
      LandTransitions.allocate(500_000.4, new double[] {0.6, 0, 0, 0.4, 0, 0}, 5)};
    long additions = 0;
    long reductions = 0;
    for (int cell = 0; cell < 2; cell++) {
      LandTransitions.Flows f = LandTransitions.flows(before[cell], after[cell]);
      additions += f.additionsM2()[0];
      reductions += f.reductionsM2()[0];
    }
    // forest: +0.2 km2 in the second cell, -0.1 km2 in the first; net +0.1 km2
    assertThat(additions).isEqualTo(200_000);
    assertThat(reductions).isEqualTo(100_000);
    BalanceSheet forest = BalanceSheet.of("forest", LandTransitions.km2(500_000 + 100_000),
        LandTransitions.km2(additions), LandTransitions.km2(reductions));
    assertThat(forest.closing()).isEqualByComparingTo("0.700000");
    BalanceSheet value = BalanceSheetValue.of(forest, new BigDecimal("12345678.91"));
    // 0.6 x 12,345,678.91 = 7,407,407.346 -> 7,407,407.35; + 2,469,135.78 - 1,234,567.89
    assertThat(value.opening()).isEqualByComparingTo("7407407.35");
    assertThat(value.additions()).isEqualByComparingTo("2469135.78");
    assertThat(value.reductions()).isEqualByComparingTo("1234567.89");
    assertThat(value.closing()).isEqualByComparingTo("8641975.24");
  }

  @Test
  void allocationKeepsTheAreaExactlyAndUnknownCoverGoesToTheFallback() {
    long[] parts = LandTransitions.allocate(1000.6, new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, 2);
    assertThat(parts).containsExactly(334, 334, 333);
    assertThat(LandTransitions.allocate(10, new double[] {0, 0, 0}, 2)).containsExactly(0, 0, 10);
    assertThatThrownBy(() -> LandTransitions.flows(new long[] {1, 2}, new long[] {1, 1}))
        .hasMessageContaining("area changed");
  }

  @Test
  void richardsCurveByHand() {
    StandGrowth dbf = new StandGrowth(80, 0.05, 2.5);
    // 80 x (1 - e^-1)^2.5 = 25.41498018...; at 21 years 27.25695613...
    assertThat(dbf.densityTcHa(20)).isCloseTo(25.414980184, within(1e-8));
    assertThat(dbf.incrementTcHa(20)).isCloseTo(1.841975949, within(1e-8));
    assertThat(dbf.densityTcHa(20, 1.2)).isCloseTo(1.2 * 25.414980184, within(1e-8));
    assertThat(dbf.densityTcHa(0)).isZero();
    assertThat(dbf.densityTcHa(2000)).isCloseTo(80, within(1e-9));
    assertThatThrownBy(() -> new StandGrowth(0, 0.05, 2.5)).isInstanceOf(LiangshanException.class);
  }

  @Test
  void realizationRateAndAnExactSplit() {
    GepRealization r = new GepRealization(new BigDecimal("1000"), new BigDecimal("500"), new BigDecimal("500"),
        new BigDecimal("100000"));
    // eco-finance (the third amount) is beside the realized value, with its own ratio: 1500 / 100000 and 500 / 100000
    assertThat(r.realizedYuan()).isEqualByComparingTo("1500");
    assertThat(r.rate()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.015"));
    assertThat(r.ecoFinanceRatio()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.005"));
    assertThat(new GepRealization(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO).rate()).isEmpty();
    assertThat(new GepRealization(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ZERO).ecoFinanceRatio()).isEmpty();
    Map<String, Double> weights = new LinkedHashMap<>();
    weights.put("A", 1.0);
    weights.put("B", 1.0);
    weights.put("C", 1.0);
    Map<String, BigDecimal> parts = GepRealization.split(new BigDecimal("100.00"), weights);
    assertThat(parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100.00");
    assertThat(parts.get("A")).isEqualByComparingTo("33.34");
    assertThat(parts.get("B")).isEqualByComparingTo("33.33");
  }
}
