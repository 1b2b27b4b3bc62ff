package org.liangshan.core.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liangshan.core.param.ParameterSet;

class FluxCalibrationTest {
  private static final ParameterSet PARAMS = ParameterSet.defaults();

  @Test
  void ustarFilterDropsOnlyCalmNights() {
    // Night is incoming shortwave under 10 W/m2, or unknown (REddyProc); a missing u* at night is filtered too.
    List<FluxCalibration.HalfHour> records =
        List.of(
            new FluxCalibration.HalfHour(0, 0, 2.0, 10, 0, 3, 0.05),
            new FluxCalibration.HalfHour(0, 1, 2.1, 10, 0, 3, 0.30),
            new FluxCalibration.HalfHour(0, 24, -8.0, 20, 400, 9, 0.05),
            new FluxCalibration.HalfHour(0, 2, 1.9, 10, Double.NaN, 3, 0.05),
            new FluxCalibration.HalfHour(0, 3, 1.8, 10, 0, 3, Double.NaN));
    List<FluxCalibration.HalfHour> kept = FluxCalibration.ustarFilter(records, 0.1, 10);
    assertThat(kept).extracting(FluxCalibration.HalfHour::hasNee).containsExactly(false, true, true, false, false);
    assertThat(kept.get(1).neeUmolM2S()).isEqualTo(2.1);
    assertThat(kept.get(2).neeUmolM2S()).isEqualTo(-8.0);
  }

  @Test
  void epsMaxFitIsLeastSquaresThroughTheOrigin() {
    Casa.Parameters dbf = Casa.Parameters.of(PARAMS, VegetationClass.DBF);
    List<FluxCalibration.Pair> pairs = new ArrayList<>();
    for (int month = 0; month < 6; month++) {
      Casa.Input input =
          new Casa.Input(
              VegetationClass.DBF,
              0.3 + 0.08 * month,
              300 + 40 * month,
              25,
              10 + 3 * month,
              0.7,
              80);
      double x = FluxCalibration.casaGppPerEps(input, dbf, PARAMS.number("flux.npp_over_gpp"));
      pairs.add(new FluxCalibration.Pair(x, 0.8 * x)); // towers that see ε_max = 0.8 exactly
    }
    FluxCalibration.Fit fit = FluxCalibration.fitEpsMax(pairs);
    assertThat(fit.epsMax()).isCloseTo(0.8, within(1e-12));
    assertThat(fit.rSquared()).isCloseTo(1, within(1e-12));
    assertThat(fit.rmse()).isCloseTo(0, within(1e-9));
    assertThat(fit.bias()).isCloseTo(0, within(1e-9));
    assertThat(fit.n()).isEqualTo(6);
    // CASA GPP at ε_max = 1 is NPP/0.5 of the same inputs with ε 1.
    Casa.Output npp =
        Casa.compute(
            new Casa.Input(VegetationClass.DBF, 0.3, 300, 25, 10, 0.7, 80), dbf.withEpsMax(1));
    assertThat(pairs.get(0).casaGppPerEps()).isCloseTo(npp.nppGcM2() / 0.5, within(1e-12));
  }

  @Test
  void micromolesToGramsOfCarbon() {
    // 1 µmol m⁻² s⁻¹ for half an hour: 1800 µmol × 12.011 µg = 0.0216198 g C.
    assertThat(FluxCalibration.umolToGramsCarbon(1, 1800)).isCloseTo(0.0216198, within(1e-12));
  }
}
