package org.liangshan.core.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.liangshan.core.method.Printed.assertBadField;
import static org.liangshan.core.method.Printed.assertPrinted;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liangshan.core.method.WaterCapacity.RiverModel;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.WaterFunctionZone.WaterBody;

class WaterCapacityTest {
  private static final ParameterSet PARAMS = ParameterSet.defaults();

  @Test
  void designFlowIsTheNinetyPercentGuaranteedMonthlyFlowOfTheRecord() {
    // The worked example of docs/methods/benchmark-price.md: 24 monthly means 1..24 m³/s (two years), ranked
    // from the largest, P_m = m/25; P = 0.9 between m = 22 (P 0.88, 3 m³/s) and m = 23 (P 0.92, 2 m³/s).
    double[] record = new double[24];
    for (int i = 0; i < 24; i++) {
      record[i] = 24 - i; // any order: the record is ranked
    }
    assertThat(WaterCapacity.guaranteedFlow(record, WaterCapacity.DESIGN_GUARANTEE).getAsDouble())
        .isCloseTo(3 - (0.9 - 22.0 / 25) / (1.0 / 25) * 1, within(1e-12))
        .isCloseTo(2.5, within(1e-12));
    // Invariants: at or below every flow exceeded by more than 90 % of the record's positions, never below the
    // driest month, and 9 months are the shortest record that reaches P = 0.9 (P_9 = 9/10).
    assertThat(WaterCapacity.guaranteedFlow(new double[] {9, 8, 7, 6, 5, 4, 3, 2, 1}, 0.9).getAsDouble()).isEqualTo(1.0);
    assertThat(WaterCapacity.guaranteedFlow(new double[] {8, 7, 6, 5, 4, 3, 2, 1}, 0.9)).isEmpty();
    assertThat(WaterCapacity.guaranteedFlow(new double[0], 0.9)).isEmpty();
    // A year of means m + 2 for m = 1..12 (3..14 m³/s): between m = 11 (4 m³/s) and 12 (3 m³/s), 11.7 → 3.3.
    double[] year = new double[12];
    for (int m = 1; m <= 12; m++) {
      year[m - 1] = m + 2;
    }
    assertThat(WaterCapacity.guaranteedFlow(year, 0.9).getAsDouble()).isCloseTo(3.3, within(1e-12));
  }

  @Test
  void riverDistributedWorkedExample() {
    // K 0.1/d → 1.1574e-6 /s; KL/u = 1.1574e-6 × 5000 / 0.2 = 0.028935.
    double w =
        WaterCapacity.river(
            new WaterCapacity.RiverInput(1, 0.5, 10, 0.1, 5, 0.2, 1, RiverModel.DISTRIBUTED));
    assertPrinted(w, "164.53");
    double x = 0.1 / 86400 * 5000 / 0.2;
    assertThat(w)
        .isCloseTo(31.536 * (1 - 0.5 * Math.exp(-x)) * (10 * x) / (1 - Math.exp(-x)), within(1e-9));
  }

  @Test
  void riverPointHeadAndZeroDecay() {
    double x = 0.1 / 86400 * 5000 / 0.2;
    // W = 31.536·[Cs·e^{x}·Q − C0·Q] = 166.938...
    double w =
        WaterCapacity.river(
            new WaterCapacity.RiverInput(1, 0.5, 10, 0.1, 5, 0.2, 1, RiverModel.POINT_HEAD));
    assertThat(w).isCloseTo(31.536 * (Math.exp(x) * 10 - 5), within(1e-9));
    // K = 0: the distributed form's limit 31.536·b·(Cs − C0)·Q = 157.68.
    assertThat(
            WaterCapacity.river(
                new WaterCapacity.RiverInput(1, 0.5, 10, 0, 5, 0.2, 1, RiverModel.DISTRIBUTED)))
        .isCloseTo(157.68, within(1e-9));
  }

  @Test
  void lakeWorkedExample() {
    double w = WaterCapacity.lake(new WaterCapacity.LakeInput(0.05, 0.03, 2, 0.005, 1e8));
    assertPrinted(w, "10.386");
  }

  @Test
  void dillonLoad() {
    // Ps 25 mg/m³, z 6.5 m, ρ 2/a, R 0.5 → L = 25·6.5·2/0.5 = 650 mg m⁻² a⁻¹; × 12 km² = 7.8 t/a.
    WaterCapacity.DillonOutput r =
        WaterCapacity.dillon(new WaterCapacity.DillonInput(25, 6.5, 2, 0.5, 12));
    assertThat(r.arealLoadMgM2A()).isCloseTo(650, within(1e-9));
    assertThat(r.allowedLoadTA()).isCloseTo(7.8, within(1e-9));
    assertBadField(
        () -> new WaterCapacity.DillonInput(25, 6.5, 2, 1, 12),
        "retention",
        "must be in [0, 1), got 1.0");
  }

  @Test
  void allocatableCapacityKeepsTheSafetyMargin() {
    // 164.53 − 20 − 10 % × 164.53 = 128.077.
    assertThat(WaterCapacity.allocatable(164.53, 20, PARAMS)).isCloseTo(128.077, within(1e-9));
  }

  @Test
  void standardLimitsOfGb3838() {
    assertThat(WaterCapacity.standardLimitMgL(PARAMS, "tp", WaterBody.LAKE, 2)).isEqualTo(0.025);
    assertThat(WaterCapacity.standardLimitMgL(PARAMS, "tp", WaterBody.RIVER, 3)).isEqualTo(0.2);
    assertThat(WaterCapacity.standardLimitMgL(PARAMS, "codmn", WaterBody.RIVER, 4)).isEqualTo(10);
    assertThat(WaterCapacity.standardLimitMgL(PARAMS, "cod", WaterBody.RIVER, 1)).isEqualTo(15);
    assertThat(WaterCapacity.standardLimitMgL(PARAMS, "nh3n", WaterBody.LAKE, 5)).isEqualTo(2.0);
    assertThat(WaterCapacity.standardLimitMgL(PARAMS, "tn", WaterBody.LAKE, 3)).isEqualTo(1.0);
    assertBadField(
        () -> WaterCapacity.standardLimitMgL(PARAMS, "tn", WaterBody.RIVER, 3),
        "pollutant",
        "GB 3838-2002 sets TN only for lakes and reservoirs, not for a river");
    assertBadField(
        () -> WaterCapacity.standardLimitMgL(PARAMS, "lead", WaterBody.RIVER, 3),
        "pollutant",
        "unknown pollutant 'lead'; expected one of cod, codmn, nh3n, tp, tn");
  }

  @Test
  void badInputNamesTheField() {
    assertBadField(
        () -> new WaterCapacity.RiverInput(1, -0.5, 10, 0.1, 5, 0.2, 1, RiverModel.DISTRIBUTED),
        "c0_mg_l",
        "must be >= 0, got -0.5");
    assertBadField(
        () -> new WaterCapacity.LakeInput(-1, 0, 2, 0.005, 1e8),
        "cs_mg_l",
        "must be >= 0, got -1.0");
    assertBadField(
        () -> RiverModel.parse("model", "two_d"),
        "model",
        "unknown model 'two_d'; expected one of distributed, point_head");
  }

  @Test
  void occupationAndVouchers() {
    // 2 t/a generated, 60 % removed, entry coefficient 0.5 → 0.4 t/a.
    assertThat(PollutantOccupation.occupation(2, 0.6, 0.5)).isCloseTo(0.4, within(1e-12));
    // Tea garden 50 ha × 0.002 t/ha/a = 0.1 t/a.
    assertThat(PollutantOccupation.teaGarden(50, 0.002)).isCloseTo(0.1, within(1e-12));
    // Hotel: 100 beds × 0.6 × 0.2 m³ × 365 d × 5 mg/L × (1 − 0.9) / 10⁶ = 2190 g = 0.00219 t/a.
    assertThat(PollutantOccupation.hotel(100, 0.6, 0.2, 365, 5, 0.9))
        .isCloseTo(0.00219, within(1e-12));
    assertThat(PollutantOccupation.vouchersNeeded(0.4, 0.25)).isCloseTo(0.15, within(1e-12));
    assertThat(PollutantOccupation.vouchersNeeded(0.2, 0.25)).isZero();
  }

  @Test
  void benchmarkPriceWorkedExample() {
    BenchmarkPrice.Output r =
        BenchmarkPrice.compute(
            new BenchmarkPrice.Input(
                List.of(new BenchmarkPrice.CapitalCost(new BigDecimal("1E7"), 20)),
                new BigDecimal("3000000"),
                BigDecimal.ZERO,
                new BigDecimal("0.05"),
                new BigDecimal("1.37")));
    assertPrinted(r.annualizedCostYuan(), "3802425.87");
    assertPrinted(r.benchmarkPriceYuanPerTA(), "2775493.34");
  }

  @Test
  void capitalRecoveryFactor() {
    // r = 0: 1/n.
    assertThat(BenchmarkPrice.capitalRecoveryFactor(BigDecimal.ZERO, 4))
        .isEqualByComparingTo("0.25");
    // r = 10 %, n = 1: 1.1.
    assertThat(BenchmarkPrice.capitalRecoveryFactor(new BigDecimal("0.1"), 1))
        .isEqualByComparingTo("1.1");
    assertBadField(
        () -> new BenchmarkPrice.CapitalCost(BigDecimal.TEN, 0),
        "life_years",
        "must be >= 1, got 0");
  }
}
