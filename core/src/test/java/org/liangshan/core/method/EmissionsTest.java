package org.liangshan.core.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.liangshan.core.method.Printed.assertBadField;
import static org.liangshan.core.method.Printed.assertPrinted;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;

class EmissionsTest {
  private static final ParameterSet PARAMS = ParameterSet.defaults();

  @Test
  void cementWorkedExample() {
    CombustionEmissions.Fuel coal = new CombustionEmissions.Fuel(120000, 20.908, 0.02618, 0.98);
    CementEmissions.Output r =
        CementEmissions.compute(
            new CementEmissions.Input(1e6, 0.65, 0.02, 0, 0, List.of(coal), 1000, 0.5366));
    assertPrinted(r.processTco2(), "532714.3");
    assertPrinted(r.combustionTco2(), "236027");
    assertThat(r.electricityTco2()).isCloseTo(536.6, within(1e-9));
    assertThat(r.totalTco2()).isCloseTo(r.processTco2() + r.combustionTco2() + 536.6, within(1e-6));
  }

  @Test
  void nonCarbonateOxidesAreSubtracted() {
    // 1000 t clinker, CaO 0.65 of which 0.05 non-carbonate: 1000·0.60·44/56.
    assertThat(CementEmissions.process(1000, 0.65, 0, 0.05, 0))
        .isCloseTo(1000 * 0.60 * 44 / 56, within(1e-9));
    assertBadField(
        () -> new CementEmissions.Input(1000, 0.65, 0.02, 0.7, 0, List.of(), 0, 0.5),
        "cao_noncarbonate_frac",
        "must not exceed cao_frac 0.65, got 0.7");
    assertBadField(
        () -> new CombustionEmissions.Fuel(1, 20, 0.02, 1.2),
        "oxidation",
        "must be in [0, 1], got 1.2");
  }

  @Test
  void gridFactorSeries() {
    assertThat(CombustionEmissions.defaultGridFactor(PARAMS)).isEqualTo(0.5366);
    assertThat(CombustionEmissions.gridFactor(PARAMS, "2021")).isEqualTo(0.5568);
    assertBadField(
        () -> CombustionEmissions.gridFactor(PARAMS, "1999"),
        "year",
        "no grid emission factor for 1999 in parameter set cn-default-2025.1; published years:"
            + " 2021, 2022");
  }

  @Test
  void steelCarbonBalance() {
    // Coke 1000 t × 0.85 C + limestone 200 t × 0.12 − steel 900 t × 0.004 = 870.4 t C → × 44/12.
    double tco2 =
        SteelCarbonBalance.tco2(
            List.of(
                new SteelCarbonBalance.Flow("coke", 1000, 0.85),
                new SteelCarbonBalance.Flow("limestone", 200, 0.12)),
            List.of(new SteelCarbonBalance.Flow("crude steel", 900, 0.004)));
    assertThat(tco2).isCloseTo(870.4 * 44 / 12, within(1e-9));
  }

  @Test
  void cn2025PreAllocatesSeventyPercentAndTrueUps() {
    QuotaAllocationRule rule = CarbonQuota.rule(PARAMS);
    assertThat(rule.id()).isEqualTo("cn-2025");
    CarbonQuota.Facility plant =
        new CarbonQuota.Facility("CEM-01", 2025, new BigDecimal("1000000"));
    assertThat(rule.preAllocation(plant)).isEqualByComparingTo("700000");
    CarbonQuota.Allocation settled = rule.settle(plant, new BigDecimal("950000"));
    assertThat(settled.finalAllocationTco2()).isEqualByComparingTo("950000");
    assertThat(settled.trueUpTco2()).isEqualByComparingTo("250000");
    // Emissions fell below the pre-allocation: allowances are taken back.
    assertThat(rule.settle(plant, new BigDecimal("600000")).trueUpTco2())
        .isEqualByComparingTo("-100000");
  }

  @Test
  void unknownQuotaRuleIsAConfigurationFailure() {
    ParameterSet next =
        PARAMS.withOverrides(
            "next",
            JsonNodeFactory.instance
                .objectNode()
                .set("carbon_quota", JsonNodeFactory.instance.objectNode().put("rule", "cn-2026")));
    assertThatThrownBy(() -> CarbonQuota.rule(next))
        .isInstanceOf(LiangshanException.class)
        .hasMessage(
            "Parameter 'carbon_quota.rule' in parameter set next names unknown rule 'cn-2026';"
                + " known rules: cn-2025");
  }

  @Test
  void carbonInclusionReductionsAndPoints() {
    // Bus: 100 pkm × (0.115 − 0.035) = 8 kg → 80 points.
    CarbonInclusion.Output bus =
        CarbonInclusion.compute(CarbonInclusion.Scenario.PUBLIC_TRANSPORT, 100, PARAMS);
    assertThat(bus.reductionKgco2()).isCloseTo(8, within(1e-9));
    assertThat(bus.points()).isEqualTo(80);
    // EV: 1000 km × (0.1725 − 0.15 × 0.5366) = 92.01 kg → 920 points (rounded down).
    CarbonInclusion.Output ev =
        CarbonInclusion.compute(CarbonInclusion.Scenario.NEW_ENERGY_VEHICLE, 1000, PARAMS);
    assertThat(ev.reductionKgco2()).isCloseTo(92.01, within(1e-9));
    assertThat(ev.points()).isEqualTo(920);
    // Waste: 10 kg × 0.3 = 3 kg → 30 points.
    assertThat(CarbonInclusion.compute(CarbonInclusion.Scenario.WASTE_SORTING, 10, PARAMS).points())
        .isEqualTo(30);
    // A project worse than its baseline earns nothing.
    assertThat(
            CarbonInclusion.compute(new CarbonInclusion.Input(10, 0.1, 0.2), BigDecimal.TEN)
                .points())
        .isZero();
  }

  @Test
  void loanPricing() {
    assertThat(LoanPricing.rate(new BigDecimal("0.0345"), "green", PARAMS))
        .isEqualByComparingTo("0.0315");
    assertBadField(
        () -> LoanPricing.rate(new BigDecimal("0.0345"), "teal", PARAMS),
        "rating",
        "unknown green rating 'teal'; expected one of dark_green, green, light_green, none");
  }
}
