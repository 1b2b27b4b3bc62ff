package org.liangshan.core.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liangshan.core.param.ParameterSet;

class FluxCalibrationTest {
  private static final ParameterSet PARAMS = ParameterSet.defaults();
  private static final double T_REF = 288.15;
  private static final double T0 = 227.13;

  @Test
  void ustarFilterDropsOnlyCalmNights() {
    List<FluxCalibration.HalfHour> records =
        List.of(
            new FluxCalibration.HalfHour(0, 0, 2.0, 10, 0.05, true),
            new FluxCalibration.HalfHour(0, 1, 2.1, 10, 0.30, true),
            new FluxCalibration.HalfHour(0, 24, -8.0, 20, 0.05, false));
    List<FluxCalibration.HalfHour> kept =
        FluxCalibration.ustarFilter(records, PARAMS.number("flux.ustar_threshold_m_s"));
    assertThat(kept.get(0).hasNee()).isFalse();
    assertThat(kept.get(1).neeUmolM2S()).isEqualTo(2.1);
    assertThat(kept.get(2).neeUmolM2S()).isEqualTo(-8.0);
  }

  @Test
  void gapFillUsesTheSameHalfHourOfNearbyDays() {
    List<FluxCalibration.HalfHour> records =
        List.of(
            new FluxCalibration.HalfHour(0, 20, -6.0, 18, 0.4, false),
            new FluxCalibration.HalfHour(1, 20, Double.NaN, 18, 0.4, false),
            new FluxCalibration.HalfHour(2, 20, -8.0, 18, 0.4, false),
            new FluxCalibration.HalfHour(20, 20, -30.0, 18, 0.4, false));
    List<FluxCalibration.HalfHour> filled = FluxCalibration.gapFill(records, 7);
    // Mean of days 0 and 2; day 20 is outside ±7 days.
    assertThat(filled.get(1).neeUmolM2S()).isEqualTo(-7.0);
  }

  @Test
  void partitioningRecoversAKnownReferenceRespiration() {
    // Synthetic nights generated with R_ref 3, E0 150 K: the fit returns 3 exactly.
    List<FluxCalibration.HalfHour> records = new ArrayList<>();
    for (int day = 0; day < 5; day++) {
      double t = 5 + 3 * day;
      records.add(
          new FluxCalibration.HalfHour(
              day, 2, Casa.lloydTaylorReco(3, 150, t, T_REF, T0), t, 0.5, true));
      records.add(new FluxCalibration.HalfHour(day, 26, -10, t + 8, 0.5, false));
    }
    double rRef = FluxCalibration.fitReferenceRespiration(records, 150, T_REF, T0);
    assertThat(rRef).isCloseTo(3, within(1e-9));
    FluxCalibration.Partitioned day =
        FluxCalibration.partition(records, rRef, 150, T_REF, T0).get(1);
    // GPP = Reco − NEE.
    assertThat(day.gppUmolM2S()).isCloseTo(day.recoUmolM2S() + 10, within(1e-12));
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
