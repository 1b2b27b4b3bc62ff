package org.liangshan.core.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.liangshan.core.method.Printed.assertBadField;
import static org.liangshan.core.method.Printed.assertPrinted;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.unit.Carbon;

class CasaTest {
  private static final ParameterSet PARAMS = ParameterSet.defaults();

  private static Casa.Input dbfExample() {
    return new Casa.Input(VegetationClass.DBF, 0.6, 500, 25, 20, 0.8, 100);
  }

  @Test
  void workedExampleOfMethodologySection1() {
    Casa.Output r = Casa.compute(dbfExample(), PARAMS);
    assertPrinted(r.sr(), "4.0");
    assertPrinted(r.fpar(), "0.61803");
    assertPrinted(r.aparMjM2(), "154.507");
    assertPrinted(r.tEps2(), "0.85418");
    assertPrinted(r.nppGcM2(), "81.168");
    assertPrinted(r.rhGcM2(), "29.697");
    assertPrinted(r.nepGcM2(), "51.471");
    // Closed forms: Tε1 = 0.8 + 0.5 - 0.3125; Wε = 0.5 + 0.4; ε_max of DBF from the table.
    assertThat(r.tEps1()).isCloseTo(0.9875, within(1e-12));
    assertThat(r.wEps()).isCloseTo(0.9, within(1e-12));
    assertThat(r.epsMax()).isEqualTo(0.692);
    assertThat(r.nepGcM2()).isCloseTo(r.nppGcM2() - r.rhGcM2(), within(1e-12));
  }

  /**
   * ε_max per class from Zhu Wenquan et al. 2006 (Chinese Science Bulletin 51(6)): mixed forest is
   * the needleleaf–broadleaf value 0.475, not the evergreen–deciduous broadleaf 0.768.
   */
  @Test
  void epsMaxPerClassFromZhuEtAl2006() {
    assertThat(Casa.Parameters.of(PARAMS, VegetationClass.MF).epsMax()).isEqualTo(0.475);
    assertThat(Casa.Parameters.of(PARAMS, VegetationClass.ENF).epsMax()).isEqualTo(0.389);
    assertThat(Casa.Parameters.of(PARAMS, VegetationClass.EBF).epsMax()).isEqualTo(0.985);
    assertThat(Casa.Parameters.of(PARAMS, VegetationClass.DNF).epsMax()).isEqualTo(0.485);
    assertThat(Casa.Parameters.of(PARAMS, VegetationClass.DBF).epsMax()).isEqualTo(0.692);
    assertThat(Casa.Parameters.of(PARAMS, VegetationClass.SHRUB).epsMax()).isEqualTo(0.429);
    assertThat(Casa.Parameters.of(PARAMS, VegetationClass.CROP).epsMax()).isEqualTo(0.542);
    // NPP = APAR·Tε1·Tε2·Wε·ε_max with mixed forest's own ε_max (its FPAR uses its own NDVI/SR row).
    Casa.Output mf =
        Casa.compute(new Casa.Input(VegetationClass.MF, 0.6, 500, 25, 20, 0.8, 100), PARAMS);
    assertThat(mf.nppGcM2())
        .isCloseTo(mf.aparMjM2() * mf.tEps1() * mf.tEps2() * mf.wEps() * 0.475, within(1e-9));
  }

  /**
   * CASA's temperature rules (Potter et al. 1993): Tε2 at T = T_opt is 1.1814/(1 + e⁻²)/(1 + e⁻³) =
   * 0.991224; a month 15 °C below T_opt (more than 13) takes half of it, 0.495612, where the logistic
   * form alone would give 1.1814/(1 + e^{1})/(1 + e^{−7.5}) = 0.317552; so does a month 10.5 °C above
   * (more than 10). Within the band the logistic form applies: 13 °C below T_opt → 0.418200.
   */
  @Test
  void temperatureStress2FallsToHalfItsOptimumFarFromTopt() {
    double optimum = 1.1814 / (1 + Math.exp(-2)) / (1 + Math.exp(-3));
    assertThat(optimum).isCloseTo(0.991224, within(1e-6));
    assertThat(Casa.temperatureStress2(25, 25)).isCloseTo(optimum, within(1e-12));
    assertThat(Casa.temperatureStress2(25, 10)).isCloseTo(0.495612, within(1e-6));
    assertThat(1.1814 / (1 + Math.exp(1)) / (1 + Math.exp(-7.5))).isCloseTo(0.317552, within(1e-6));
    assertThat(Casa.temperatureStress2(25, 35.5)).isCloseTo(optimum / 2, within(1e-12));
    assertThat(Casa.temperatureStress2(25, 12))
        .isCloseTo(1.1814 / (1 + Math.exp(0.2 * 3)) / (1 + Math.exp(0.3 * -23)), within(1e-12));
    assertThat(Casa.temperatureStress2(25, 12)).isCloseTo(0.418200, within(1e-6));
    assertThat(Casa.temperatureStress2(25, 35))
        .isCloseTo(1.1814 / (1 + Math.exp(0.2 * -20)) / (1 + Math.exp(0.3 * 0)), within(1e-12));
  }

  /** A month at or below −10 °C has Tε1 = 0 and so no NPP; its soil respiration still counts. */
  @Test
  void noProductionInAMonthAtOrBelowMinusTenDegrees() {
    assertThat(Casa.temperatureStress1(25, -10)).isZero();
    assertThat(Casa.temperatureStress1(25, -9.9)).isCloseTo(0.9875, within(1e-12));
    Casa.Output cold =
        Casa.compute(new Casa.Input(VegetationClass.DNF, 0.3, 150, 20, -12, 0.5, 5), PARAMS);
    assertThat(cold.tEps1()).isZero();
    assertThat(cold.nppGcM2()).isZero();
    assertThat(cold.rhGcM2())
        .isCloseTo(0.22 * (Math.exp(0.0912 * -12) + Math.log(0.3145 * 5 + 1)) * 30 * 0.465, within(1e-9));
    assertThat(cold.nepGcM2()).isCloseTo(-cold.rhGcM2(), within(1e-12));
  }

  @Test
  void fparIsClampedToItsRange() {
    // NDVI -0.5 (water) gives negative linear estimates; the mean is clamped to FPAR_min.
    Casa.Output water =
        Casa.compute(new Casa.Input(VegetationClass.WETLAND, -0.5, 500, 25, 20, 0.8, 100), PARAMS);
    assertThat(water.fpar()).isEqualTo(0.001);
    // NDVI 0.95 on grass exceeds both maxima; clamped to FPAR_max.
    Casa.Output dense =
        Casa.compute(new Casa.Input(VegetationClass.GRASS, 0.95, 500, 25, 20, 0.8, 100), PARAMS);
    assertThat(dense.fpar()).isEqualTo(0.95);
  }

  @Test
  void carbonOxygenAndCo2Helpers() {
    // 51.471 gC/m² over 1 km² = 51.471 t C; CO₂ × 44/12; O₂ × 32/12.
    double tonnesC = Casa.carbonTonnes(51.471, 1e6);
    assertThat(tonnesC).isCloseTo(51.471, within(1e-9));
    assertThat(Carbon.co2FromCarbon(12)).isCloseTo(44, within(1e-12));
    assertThat(Casa.oxygenFromCarbon(12)).isCloseTo(32, within(1e-12));
  }

  @Test
  void lloydTaylorExample() {
    // R_ref 2, E0 150 K → 2.0 at 15 °C (T = T_ref, the exponent is 0).
    assertPrinted(Casa.lloydTaylorReco(2, 150, 15, PARAMS), "2.0");
    // At 25 °C: 2·exp(150·(1/61.02 − 1/71.02)) ≈ 2.826, respiration rises with temperature.
    assertThat(Casa.lloydTaylorReco(2, 150, 25, PARAMS))
        .isCloseTo(2 * Math.exp(150 * (1 / 61.02 - 1 / 71.02)), within(1e-9));
  }

  @Test
  void rhCoefficientIsConfigurable() {
    ParameterSet other =
        PARAMS.withOverrides(
            "test-0913",
            JsonNodeFactory.instance
                .objectNode()
                .set(
                    "casa",
                    JsonNodeFactory.instance
                        .objectNode()
                        .put("rh_temperature_coefficient", 0.0913)));
    double rh = Casa.compute(dbfExample(), other).rhGcM2();
    assertThat(rh)
        .isCloseTo(
            0.22 * (Math.exp(0.0913 * 20) + Math.log(0.3145 * 100 + 1)) * 30 * 0.465, within(1e-9));
  }

  @Test
  void badInputNamesTheField() {
    assertBadField(
        () -> new Casa.Input(VegetationClass.DBF, 1.4, 500, 25, 20, 0.8, 100),
        "ndvi",
        "must be in [-1, 1], got 1.4");
    assertBadField(
        () -> new Casa.Input(VegetationClass.DBF, 0.6, 500, 25, 20, 1.2, 100),
        "e_over_ep",
        "must be in [0, 1], got 1.2");
    assertBadField(
        () -> new Casa.Input(VegetationClass.DBF, 0.6, -1, 25, 20, 0.8, 100),
        "sol_mj_m2",
        "must be >= 0, got -1.0");
    assertBadField(
        () -> new Casa.Input(VegetationClass.DBF, 0.6, 500, 25, 20, 0.8, -5),
        "precip_mm",
        "must be >= 0, got -5.0");
    assertBadField(() -> new Casa.Input(null, 0.6, 500, 25, 20, 0.8, 100), "veg_class", "required");
    assertBadField(
        () -> VegetationClass.parse("veg_class", "PALM"),
        "veg_class",
        "unknown vegetation class 'PALM'; expected one of ENF, EBF, DNF, DBF, MF, SHRUB, GRASS,"
            + " CROP, WETLAND");
  }
}
