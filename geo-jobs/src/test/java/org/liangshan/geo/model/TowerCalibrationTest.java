package org.liangshan.geo.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.liangshan.core.method.Casa;
import org.liangshan.core.method.FluxTowerYear;
import org.liangshan.core.method.FluxUstarThreshold;
import org.liangshan.core.method.VegetationClass;
import org.liangshan.core.param.ParameterSet;

/** A flagged month keeps its value in the tower-year but is not paired with CASA for the ε_max fit. */
class TowerCalibrationTest {
  private static final ParameterSet PARAMS = ParameterSet.defaults();

  @Test
  void flaggedMonthsAreNotPaired() {
    CellYear cell = new CellYear(0, constant(0.6), constant(20), constant(100), constant(450), constant(90),
        constant(120), Optional.empty());
    List<FluxTowerYear.Month> months = List.of(
        new FluxTowerYear.Month(6, 1440, 1200, 0.95, false, -100, 300, 200),
        new FluxTowerYear.Month(7, 1488, 500, 0.67, true, -110, 290, 180),
        new FluxTowerYear.Month(8, 1488, 1300, 0.97, false, -90, 280, 190),
        new FluxTowerYear.Month(9, 1440, 1100, 0.90, false, Double.NaN, Double.NaN, Double.NaN));
    FluxTowerYear.Result result = new FluxTowerYear.Result(5856, 4100, 300, 2056, 0,
        new FluxUstarThreshold.Distribution(0.3, 0.25, 0.3, 0.35, 100, 100), 0.3, 150, -300, 870, 570, months);

    List<TowerCalibration.PairedMonth> pairs = TowerCalibration.pairs(cell, VegetationClass.DBF, result,
        Casa.Parameters.of(PARAMS, VegetationClass.DBF), 0.5);

    // July is flagged (67 % coverage), September has no GPP: June and August remain.
    assertThat(pairs).extracting(p -> p.month().month()).containsExactly(6, 8);
    assertThat(pairs).extracting(p -> p.pair().towerGpp()).containsExactly(300.0, 280.0);
    assertThat(result.flagged()).extracting(FluxTowerYear.Month::month).containsExactly(7);
  }

  private static double[] constant(double value) {
    double[] a = new double[12];
    Arrays.fill(a, value);
    return a;
  }
}
