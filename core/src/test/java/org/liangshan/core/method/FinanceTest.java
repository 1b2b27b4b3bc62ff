package org.liangshan.core.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.liangshan.core.method.Printed.assertBadField;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liangshan.core.param.ParameterSet;

class FinanceTest {
  private static final ParameterSet PARAMS = ParameterSet.defaults();

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  @Test
  void collateralWorkedExample() {
    // 100,000 t at min(90, 95) = 90, haircut 0 → 9.0×10⁶; LTV 0.6 → 5.4×10⁶;
    // margin call 90 × 0.85 = 76.5; top-up at 75: 9.0×10⁶/75 − 100,000 = 20,000 t.
    Collateral.Output r =
        Collateral.compute(
            new Collateral.Input(
                d("100000"), d("90"), d("95"), d("0"), d("0.6"), d("0.15"), d("75")));
    assertThat(r.valuationPrice()).isEqualByComparingTo("90");
    assertThat(r.collateralValue()).isEqualByComparingTo("9.0E6");
    assertThat(r.maxLoan()).isEqualByComparingTo("5.4E6");
    assertThat(r.marginCallPrice()).isEqualByComparingTo("76.5");
    assertThat(r.topupQuantity()).isEqualByComparingTo("20000");
  }

  @Test
  void collateralDefaultsPerRightTypeAndTopUpAtTheMarginCall() {
    Collateral.RightType type = Collateral.RightType.CARBON_QUOTA;
    // Carbon quota defaults: haircut 0.1, LTV 0.5. 1000 t at 80: value 72,000, loan 36,000.
    Collateral.Output r =
        Collateral.compute(
            new Collateral.Input(
                d("1000"),
                d("80"),
                d("85"),
                Collateral.defaultHaircut(PARAMS, type),
                Collateral.defaultLtv(PARAMS, type),
                PARAMS.decimal("collateral.trigger_drop"),
                null));
    assertThat(r.collateralValue()).isEqualByComparingTo("72000");
    assertThat(r.maxLoan()).isEqualByComparingTo("36000");
    // At the margin-call price 68: 72,000 / (68 × 0.9) − 1000 = 176.470588...
    assertThat(r.topupPrice()).isEqualByComparingTo("68");
    assertThat(r.topupQuantity().doubleValue()).isCloseTo(72000 / 61.2 - 1000, within(1e-9));
    // A rise in price needs no top-up.
    assertThat(
            Collateral.compute(
                    new Collateral.Input(
                        d("1000"), d("80"), d("85"), d("0.1"), d("0.5"), d("0.15"), d("100")))
                .topupQuantity())
        .isEqualByComparingTo("0");
    assertThat(Collateral.RightType.jsonNames())
        .containsExactly(
            "carbon_quota", "carbon_sink_credit", "eco_voucher", "discharge_right", "forest_right");
    for (Collateral.RightType each : Collateral.RightType.values()) {
      assertThat(Collateral.defaultLtv(PARAMS, each)).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
      assertThat(Collateral.defaultHaircut(PARAMS, each))
          .isBetween(BigDecimal.ZERO, BigDecimal.ONE);
    }
  }

  @Test
  void collateralBadInput() {
    assertBadField(
        () -> new Collateral.Input(d("1"), d("90"), d("95"), d("1"), d("0.6"), d("0.15"), null),
        "haircut",
        "must be in [0, 1), got 1");
    assertBadField(
        () -> new Collateral.Input(d("1"), d("0"), d("95"), d("0"), d("0.6"), d("0.15"), null),
        "spot_price",
        "must be > 0, got 0");
    assertBadField(
        () -> Collateral.RightType.parse("right_type", "water_right"),
        "right_type",
        "unknown right type 'water_right'; expected one of carbon_quota, carbon_sink_credit,"
            + " eco_voucher, discharge_right, forest_right");
  }

  @Test
  void pbocWorkedExample() {
    PbocScore.Output r =
        PbocScore.compute(
            new PbocScore.Input(
                List.of(d("80"), d("70"), d("90"), d("100")),
                new PbocScore.Qualitative(d("90"), d("80"), d("70")),
                PbocScore.Weights.of(PARAMS)));
    assertThat(r.quantitativeScore()).isEqualByComparingTo("85");
    assertThat(r.qualitativeScore()).isEqualByComparingTo("80");
    assertThat(r.totalScore()).isEqualByComparingTo("84");
  }

  @Test
  void pbocBadInput() {
    assertBadField(
        () ->
            new PbocScore.Input(
                List.of(d("80"), d("70"), d("90")),
                new PbocScore.Qualitative(d("90"), d("80"), d("70")),
                PbocScore.Weights.of(PARAMS)),
        "quantitative",
        "must hold 4 scores, got 3");
    assertBadField(
        () -> new PbocScore.Qualitative(d("90"), d("101"), d("70")),
        "qualitative.system",
        "must be in [0, 100], got 101");
    assertBadField(
        () -> PbocScore.Weights.of(PARAMS, List.of(d("0.5"), d("0.5"), d("0.5"), d("0"))),
        "quantitative_weights",
        "weights must sum to 1, got 1.5");
  }

  @Test
  void pcafWorkedExample() {
    Pcaf.Output r = Pcaf.compute(new Pcaf.Input(d("5E7"), d("5E8"), d("1E6"), 2));
    assertThat(r.attributionFactor()).isEqualByComparingTo("0.1");
    assertThat(r.financedTco2e()).isEqualByComparingTo("1E5");
    assertThat(r.dataQualityScore()).isEqualTo(2);
    assertBadField(
        () -> new Pcaf.Input(d("1"), d("0"), d("1"), null), "evic", "must be > 0, got 0");
    assertBadField(
        () -> new Pcaf.Input(d("1"), d("1"), d("1"), 6),
        "data_quality_score",
        "must be in [1, 5], got 6");
    assertBadField(
        () -> new Pcaf.Input(d("6E8"), d("5E8"), d("1"), null),
        "outstanding",
        "must not exceed the borrower's EVIC (or equity + debt) 500000000, got 600000000");
  }
}
