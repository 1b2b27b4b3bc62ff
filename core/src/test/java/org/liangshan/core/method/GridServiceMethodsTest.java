package org.liangshan.core.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;

/** Hand-computed cases of the RUSLE factors, purification and climate-regulation inputs. */
class GridServiceMethodsTest {
  private static final ParameterSet PARAMS = ParameterSet.defaults();

  @Test
  void erosivityFromMonthlyRainfallByZhangAndFu() {
    // Zhang & Fu 2003 monthly model R = 0.1833·F^1.9957, F = Σ P_i²/P.
    // 12 × 100 mm: F = 12 × 10,000 / 1,200 = 100; R = 0.1833 × 100^1.9957 = 0.1833 × 9,803.90 = 1,797.060.
    double[] even = new double[12];
    Arrays.fill(even, 100);
    assertThat(Rusle.fournierIndex(even)).isCloseTo(100, within(1e-12));
    assertThat(Rusle.erosivityFromMonthly(even)).isCloseTo(1797.060, within(1e-3));
    // The same 1,200 mm in six months of 200 mm: F = 200, R = 0.1833 × 200^1.9957 = 7,166.845: concentrated rain
    // is more erosive than the same total spread evenly.
    double[] wet = new double[12];
    Arrays.fill(wet, 0, 6, 200);
    assertThat(Rusle.erosivityFromMonthly(wet)).isCloseTo(7166.845, within(1e-3));
    // Missing months are left out of the sum and the total: one month of 100 mm alone is F = 100.
    double[] one = new double[12];
    Arrays.fill(one, Double.NaN);
    one[6] = 100;
    assertThat(Rusle.erosivityFromMonthly(one)).isCloseTo(1797.060, within(1e-3));
    double[] dry = new double[12];
    assertThat(Rusle.erosivityFromMonthly(dry)).isZero();
    double[] negative = new double[12];
    negative[0] = -1;
    assertThatThrownBy(() -> Rusle.erosivityFromMonthly(negative))
        .isInstanceOf(LiangshanException.class)
        .hasMessageContaining("precip_mm");
  }

  @Test
  void plausibilityBandOfR() {
    assertThat(Rusle.plausible(1797, 800, 6000)).isTrue();
    assertThat(Rusle.plausible(7166, 800, 6000)).isFalse();
    assertThat(Rusle.plausible(500, 800, 6000)).isFalse();
    assertThatThrownBy(() -> Rusle.plausible(1, 10, 10)).hasMessageContaining("r_max");
  }

  @Test
  void slopeSteepnessAndLengthByClass() {
    // 3° (5.24 %): McCool 10.8·sin3° + 0.03 = 0.595228; 8°: 16.8·sin8° − 0.5 = 1.838108;
    // 15°: Liu Baoyuan 21.91·sin15° − 0.96 = 4.710725.
    assertThat(Rusle.slopeSteepness(Math.toRadians(3))).isCloseTo(0.595228, within(1e-6));
    assertThat(Rusle.slopeSteepness(Math.toRadians(8))).isCloseTo(1.838108, within(1e-6));
    assertThat(Rusle.slopeSteepness(Math.toRadians(15))).isCloseTo(4.710725, within(1e-6));
    assertThat(Rusle.slopeSteepness(0)).isCloseTo(0.03, within(1e-12));
    // m by slope class: 0.2 / 0.3 / 0.4 / 0.5
    assertThat(Rusle.slopeLengthExponent(Math.atan(0.005))).isEqualTo(0.2);
    assertThat(Rusle.slopeLengthExponent(Math.atan(0.02))).isEqualTo(0.3);
    assertThat(Rusle.slopeLengthExponent(Math.atan(0.04))).isEqualTo(0.4);
    assertThat(Rusle.slopeLengthExponent(Math.toRadians(3))).isEqualTo(0.5);
    // λ 30 m at 3°: (30/22.13)^0.5 · 0.595228 = 0.693032
    assertThat(Rusle.lengthSlope(30, Math.toRadians(3))).isCloseTo(0.693032, within(1e-6));
    assertThatThrownBy(() -> Rusle.slopeSteepness(-0.1)).isInstanceOf(LiangshanException.class);
  }

  @Test
  void coverFactorFromNdvi() {
    // NDVI 0.5: exp(−2·0.5/(1 − 0.5)) = e⁻² = 0.135335
    assertThat(Rusle.coverFromNdvi(0.5, 2, 1)).isCloseTo(0.1353353, within(1e-7));
    assertThat(Rusle.coverFromNdvi(0, 2, 1)).isEqualTo(1.0);
    assertThat(Rusle.coverFromNdvi(-0.3, 2, 1)).isEqualTo(1.0);
    assertThat(Rusle.coverFromNdvi(1, 2, 1)).isZero();
    assertThatThrownBy(() -> Rusle.coverFromNdvi(1.2, 2, 1))
        .isInstanceOf(LiangshanException.class)
        .hasMessageContaining("ndvi");
  }

  @Test
  void waterPurificationRemovalAndZoneCap() {
    // wetland 0.5 km² at COD 12, TP 0.3 t/km²/a → 6 t COD, 0.15 t TP
    Map<String, Double> removed = WaterPurification.removedT(Map.of("cod", 12.0, "tp", 0.3), 0.5);
    assertThat(removed.get("cod")).isCloseTo(6.0, within(1e-12));
    assertThat(removed.get("tp")).isCloseTo(0.15, within(1e-12));
    // zone removes 6 t COD against W 3 t/a → half counts; TP 0.15 against W 1 → all; negative W → none
    Map<String, Double> shares =
        WaterPurification.capShares(
            Map.of("cod", 6.0, "tp", 0.15, "tn", 2.0, "nh3n", 1.0),
            Map.of("cod", 3.0, "tp", 1.0, "tn", -4.0));
    assertThat(shares.get("cod")).isCloseTo(0.5, within(1e-12));
    assertThat(shares.get("tp")).isEqualTo(1.0);
    assertThat(shares.get("tn")).isZero();
    assertThat(shares.get("nh3n")).isEqualTo(1.0); // no capacity row: not capped
    // value 3 t COD × 700 + 0.15 t TP × 2800 = 2520 yuan
    assertThat(GepValues.waterPurificationValue(Map.of("cod", 3.0, "tp", 0.15), Map.of(), PARAMS).doubleValue())
        .isCloseTo(2520, within(1e-9));
  }

  @Test
  void airPurificationAbsorption() {
    // 2 km² broadleaf at SO₂ 8.865, NOx 0.6, dust 1011 t/km²/a → 17.73, 1.2, 2022 t;
    // value 17.73·1200 + 1.2·630 + 2022·150 = 21276 + 756 + 303300 = 325332 yuan
    Map<String, Double> absorbed =
        AirPurification.absorbedT(Map.of("so2", 8.865, "nox", 0.6, "dust", 1011.0), 2);
    assertThat(absorbed.get("so2")).isCloseTo(17.73, within(1e-9));
    assertThat(GepValues.airPurificationValue(absorbed, PARAMS).doubleValue()).isCloseTo(325332, within(1e-6));
  }

  /**
   * The guide counts the days whose maximum exceeds 26 °C; on monthly means each month counts its
   * days × P(Tmax > 26) with Tmax ~ N(T̄ + 8/2, 2.5): P = Φ((T̄ − 22)/2.5). Reference values of Φ
   * from the standard normal table: Φ(0) = 0.5, Φ(1.2) = 0.88493, Φ(2.4) = 0.99180, Φ(2.6) =
   * 0.99534, Φ(−0.4) = 0.34458, Φ(−2) = 0.02275, Φ(−2.4) = 0.00820.
   */
  @Test
  void coolingDaysFromMonthlyMeansByTheDailyMaximumRule() {
    ClimateRegulation.CoolingDayRule rule = ClimateRegulation.CoolingDayRule.of(PARAMS);
    assertThat(rule).isEqualTo(new ClimateRegulation.CoolingDayRule(26, 8, 2.5));
    assertThat(rule.fraction(22)).isCloseTo(0.5, within(1e-6));
    assertThat(rule.fraction(25)).isCloseTo(0.88493, within(1e-5));
    assertThat(rule.fraction(28)).isCloseTo(0.99180, within(1e-5));
    assertThat(rule.fraction(21)).isCloseTo(0.34458, within(1e-5));
    assertThat(rule.fraction(17)).isCloseTo(0.02275, within(1e-5));
    assertThat(rule.fraction(Double.NaN)).isZero();

    double[] temperature = {3, 5, 10, 16, 21, 25, 28.5, 28, 22, 17, 11, 5};
    double[] cooling = ClimateRegulation.coolingFractions(temperature, rule);
    // Apr 30 × 0.00820 + May 31 × 0.34458 + Jun 30 × 0.88493 + Jul 31 × 0.99534 + Aug 31 × 0.99180
    // + Sep 30 × 0.5 + Oct 31 × 0.02275 = 114.78 days (the former rule, months averaging ≥ 22 °C,
    // counted June to September whole: 122)
    assertThat(ClimateRegulation.coolingDays(2024, cooling)).isCloseTo(114.78, within(0.01));
    double[] pet = new double[12];
    Arrays.fill(pet, 100);
    pet[6] = Double.NaN; // July missing counts 0
    // 100 mm × (Σ shares but July = 2.7523) × 0.2 km² = 0.27523 m × 2×10⁵ m² = 5.5045×10⁴ m³
    assertThat(ClimateRegulation.waterEvaporationM3(pet, cooling, 2e5)).isCloseTo(5.5045e4, within(1.0));
  }

  @Test
  void coolingMonthsNeedTwelveTemperatures() {
    assertThatThrownBy(
            () ->
                ClimateRegulation.coolingFractions(
                    new double[11], ClimateRegulation.CoolingDayRule.of(PARAMS)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Need 12 monthly temperatures, got 11");
  }

  /**
   * The guide's formulas with r = 3.0: vegetation 2800 kJ/m²/d × 10⁶ m² × 122 d / (3600 × 3) =
   * 3.162963×10⁷ kWh; water 6×10⁴ m³ × 1000 kg/m³ × 2260 kJ/kg / (3600 × 3) = 1.255556×10⁷ kWh, a
   * third of the heat itself (3.766667×10⁷ kWh, what the platform counted before dividing by r).
   */
  @Test
  void climateRegulationEnergyIsTheAirConditionersElectricity() {
    double vegetation =
        GepValues.vegetationCoolingKwh(List.of(new GepValues.Transpiration(2800, 1e6, 122)), 3.0);
    assertThat(vegetation).isCloseTo(3.1629630e7, within(1.0));
    assertThat(GepValues.waterCoolingKwh(6e4, 1000, 2260, 3.0)).isCloseTo(1.2555556e7, within(1.0));
    assertThat(GepValues.waterCoolingKwh(6e4, 1000, 2260, 1.0) / GepValues.waterCoolingKwh(6e4, 1000, 2260, 3.0))
        .isCloseTo(3.0, within(1e-12));
    assertThat(GepValues.humidificationKwh(6e4, 0)).isZero();
    assertThat(GepValues.humidificationKwh(2, 10)).isEqualTo(20.0);
    assertThat(GepValues.climateRegulationValue(1000, PARAMS)).isEqualByComparingTo("530");
  }

  /**
   * docs/methods/climate-regulation.md's example: 10 km² of vegetation at EPP 2800 kJ/m²/d and 10⁶ m³
   * evaporated over 90 cooling days, r 3.0, q 2260 kJ/kg, 0.53 yuan/kWh.
   */
  @Test
  void climateRegulationDocumentedExample() {
    ClimateRegulation.Output out =
        ClimateRegulation.compute(new ClimateRegulation.Input(1e6, 10, 2800, 90, 3.0, 2260, 1000));
    // 2800 × 10⁷ × 90 / 10800 = 233333333.33 kWh; 10⁶ × 1000 × 2260 / 10800 = 209259259.26 kWh
    assertThat(out.vegetationCoolingKwh()).isCloseTo(233333333.3333, within(1e-3));
    assertThat(out.waterCoolingKwh()).isCloseTo(209259259.2593, within(1e-3));
    assertThat(ClimateRegulation.value(out.totalKwh(), new java.math.BigDecimal("0.53")).doubleValue())
        .isCloseTo(234574074.07, within(0.01));
  }

  @Test
  void climateRegulationRefusesBadInputNamingTheField() {
    assertThatThrownBy(() -> new ClimateRegulation.Input(1, 1, 1, 367, 3, 2260, 1000))
        .hasMessageContaining("cooling_days");
    assertThatThrownBy(() -> new ClimateRegulation.Input(1, 1, 1, 90, 0, 2260, 1000))
        .hasMessageContaining("efficiency_ratio");
    assertThatThrownBy(() -> new ClimateRegulation.Input(-1, 1, 1, 90, 3, 2260, 1000))
        .hasMessageContaining("water_evap_m3");
  }
}
