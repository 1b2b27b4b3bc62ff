package org.liangshan.core.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.liangshan.core.method.Printed.assertBadField;
import static org.liangshan.core.method.Printed.assertPrinted;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liangshan.core.param.ParameterSet;

class GepMethodsTest {
  private static final ParameterSet PARAMS = ParameterSet.defaults();

  @Test
  void waterConservationWorkedExample() {
    // 1 km², P 1200, R 200, ET 700 → 300 mm × 10⁶ m² = 3.0×10⁵ m³, × 7.06 = 2.118×10⁶ yuan.
    WaterConservation.Output r =
        WaterConservation.compute(new WaterConservation.Input(1200, 200, 700, 1), PARAMS);
    assertPrinted(r.quantityM3(), "3.0E5");
    assertPrinted(r.valueYuan(), "2.118E6");
    assertThat(r.valueYuan()).isEqualByComparingTo("2118000");
  }

  @Test
  void negativeCellsCountZero() {
    WaterConservation.Output total =
        WaterConservation.total(
            List.of(
                new WaterConservation.Input(1200, 200, 700, 1),
                new WaterConservation.Input(500, 100, 700, 1)),
            new BigDecimal("7.06"));
    assertThat(total.quantityM3()).isEqualTo(300000.0);
  }

  @Test
  void soilRetentionFromRetainedTonnes() {
    // 1000 t: sediment 0.24·1000/0.93 = 258.0645161 m³ × 15.58 = 4020.645161 yuan;
    // N 1000·0.0037·875 = 3237.5; P 1000·0.00108·2800 = 3024.
    SoilRetention.Output r = SoilRetention.compute(new SoilRetention.Retained(1000), PARAMS);
    assertThat(r.sedimentM3()).isCloseTo(258.06451612903226, within(1e-9));
    assertThat(r.valueSedimentYuan().doubleValue()).isCloseTo(4020.6451612903226, within(1e-9));
    assertThat(r.valueNYuan()).isEqualByComparingTo("3237.5");
    assertThat(r.valuePYuan()).isEqualByComparingTo("3024");
    assertThat(r.valueTotalYuan())
        .isEqualByComparingTo(r.valueSedimentYuan().add(new BigDecimal("6261.5")));
  }

  @Test
  void soilRetentionFromRusleFactors() {
    // R 300, K 0.02, LS 2, C 0.1, P 1, 100 ha → 300·0.02·2·(1 − 0.1)·100 = 1080 t.
    SoilRetention.Output r =
        SoilRetention.compute(new SoilRetention.Rusle(300, 0.02, 2, 0.1, 1, 100), PARAMS);
    assertThat(r.retainedT()).isCloseTo(1080, within(1e-9));
    assertBadField(
        () -> new SoilRetention.Rusle(300, 0.02, 2, 1.5, 1, 100),
        "c",
        "must be in [0, 1], got 1.5");
  }

  @Test
  void waterYieldWorkedExample() {
    WaterYield.Output r =
        WaterYield.compute(new WaterYield.Input(1000, 900, 0.1, 300, 700, 0.11, 6, true));
    assertPrinted(r.fractp(), "0.06896508");
    // PET 90, AWC 300·0.11 = 33, ω = 6·33/1000 + 1.25 = 1.448.
    assertThat(r.petMm()).isCloseTo(90, within(1e-12));
    assertThat(r.awcMm()).isCloseTo(33, within(1e-12));
    assertThat(r.omega()).isCloseTo(1.448, within(1e-12));
    assertThat(r.yieldMm()).isCloseTo(1000 - r.aetMm(), within(1e-12));
    // Not vegetated: AET/P = min(PET, P)/P = 0.09.
    assertThat(
            WaterYield.compute(new WaterYield.Input(1000, 900, 0.1, 300, 700, 0.11, 6, false))
                .fractp())
        .isCloseTo(0.09, within(1e-12));
    assertBadField(
        () -> new WaterYield.Input(0, 900, 0.1, 300, 700, 0.11, 6, true),
        "precip_mm",
        "must be > 0, got 0.0");
  }

  @Test
  void gepServiceValues() {
    // Flood: 0.35 × 10⁸ m³ = 3.5×10⁷ m³ × 7.06 = 2.471×10⁸ yuan; swamp 0.3 m × 2 km² = 6×10⁵ m³.
    double storage =
        GepValues.reservoirFloodStorageM3(1e8, PARAMS.number("gep.flood.reservoir_storage_factor"));
    assertThat(storage).isCloseTo(3.5e7, within(1e-6));
    assertThat(GepValues.floodRegulationValue(storage, PARAMS)).isEqualByComparingTo("247100000");
    assertThat(GepValues.swampFloodStorageM3(2, PARAMS.number("gep.flood.swamp_storage_depth_m")))
        .isCloseTo(6e5, within(1e-6));
    // Water purification capped by capacity: COD min(10, 4)·700 + TP 1·2800 = 5600.
    Map<String, Double> removed = new LinkedHashMap<>();
    removed.put("cod", 10.0);
    removed.put("tp", 1.0);
    assertThat(GepValues.waterPurificationValue(removed, Map.of("cod", 4.0), PARAMS))
        .isEqualByComparingTo("5600");
    // Air: SO₂ 2 t × 1200 + NOx 1 t × 630 + dust 10 t × 150 = 4530.
    assertThat(GepValues.airPurificationValue(Map.of("so2", 2.0, "nox", 1.0, "dust", 10.0), PARAMS))
        .isEqualByComparingTo("4530");
    // Carbon 100 t C × 351.42 (the national carbon market's 2024 mean price per t C); oxygen 100·32/12 t × 727.
    assertThat(GepValues.carbonFixationValue(100, PARAMS)).isEqualByComparingTo("35142");
    assertThat(GepValues.oxygenReleaseValue(3, PARAMS)).isEqualByComparingTo("5816");
    // Climate: EPP 360 kJ m⁻² d⁻¹ × 10⁴ m² × 10 d / (3600 × 3.0) = 3333.33 kWh;
    // water: 1 m³ × 1000 kg × 2260 kJ/kg / (3600 × 3.0) = 209.26 kWh, + 1 × y 10 = 219.26 kWh.
    assertThat(
            GepValues.vegetationCoolingKwh(List.of(new GepValues.Transpiration(360, 1e4, 10)), 3.0))
        .isCloseTo(3333.3333333333, within(1e-6));
    assertThat(GepValues.waterCoolingKwh(1, 1000, 2260, 3.0) + GepValues.humidificationKwh(1, 10))
        .isCloseTo(2260000.0 / 10800 + 10, within(1e-9));
    assertThat(GepValues.climateRegulationValue(1000, PARAMS)).isEqualByComparingTo("530");
    // Water supply: 100 m³ × 2.6 + 100 × 3.6 + 1000 × 0.07 = 690.
    assertThat(GepValues.waterSupplyValue(new GepValues.WaterSupply(100, 100, 1000), PARAMS))
        .isEqualByComparingTo("690");
  }

  @Test
  void gepTotalFollowsTheConfiguredIndicators() {
    Map<String, BigDecimal> values = new LinkedHashMap<>();
    values.put("material_products", new BigDecimal("100"));
    values.put("water_conservation", new BigDecimal("50"));
    values.put("oxygen_release", new BigDecimal("7"));
    values.put("cultural_services", new BigDecimal("20"));
    Gep.Total defaults = Gep.total(values, PARAMS);
    assertThat(defaults.gepYuan()).isEqualByComparingTo("170");
    assertThat(defaults.excluded()).containsExactly("oxygen_release");
    // A region that counts oxygen release (Liyang's override) includes it.
    ParameterSet withOxygen =
        PARAMS.withOverrides(
            "with-oxygen",
            JsonNodeFactory.instance
                .objectNode()
                .set(
                    "gep",
                    JsonNodeFactory.instance
                        .objectNode()
                        .set(
                            "indicators",
                            JsonNodeFactory.instance
                                .arrayNode()
                                .add("material_products")
                                .add("water_conservation")
                                .add("oxygen_release")
                                .add("cultural_services"))));
    Gep.Total all = Gep.total(values, withOxygen);
    assertThat(all.epvYuan()).isEqualByComparingTo("100");
    assertThat(all.ervYuan()).isEqualByComparingTo("57");
    assertThat(all.ecvYuan()).isEqualByComparingTo("20");
    assertThat(Gep.realizationRate(new BigDecimal("17.7"), all.gepYuan()))
        .isEqualByComparingTo("0.1");
    assertBadField(
        () -> Gep.total(Map.of("sunshine", BigDecimal.ONE), PARAMS),
        "sunshine",
        "unknown GEP indicator; expected one of material_products, water_conservation,"
            + " soil_retention, flood_regulation, water_purification, air_purification,"
            + " carbon_fixation, oxygen_release, climate_regulation, cultural_services");
  }

  @Test
  void balanceSheetMustBalance() {
    BalanceSheet line =
        BalanceSheet.of("forest", new BigDecimal("100"), new BigDecimal("5"), new BigDecimal("2"));
    assertThat(line.closing()).isEqualByComparingTo("103");
    assertBadField(
        () ->
            new BalanceSheet(
                "forest",
                new BigDecimal("100"),
                new BigDecimal("5"),
                new BigDecimal("2"),
                new BigDecimal("104")),
        "closing",
        "must equal opening + additions - reductions = 103 for forest, got 104");
  }
}
