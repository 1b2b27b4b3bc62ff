package org.liangshan.core.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.liangshan.core.param.ParameterSet;

class FluxUstarThresholdTest {
  private static final FluxUstarThreshold.Settings SETTINGS = FluxUstarThreshold.Settings.of(ParameterSet.defaults());

  /**
   * REddyProc's own regression case for forward mode 2 (tests/testthat/test_UStarFilter.R,
   * "usEstUstarThresholdSingleFw2Binned"): 20 u* classes of DE-Tha summer nights; expected 0.46 m/s, the
   * ninth class (0.4622).
   */
  @Test
  void forwardMode2OnREddyProcsBinnedClasses() {
    double[] ustar = {0.276666666666667, 0.326666666666667, 0.341111111111111, 0.363333333333333, 0.384444444444444,
        0.401111111111111, 0.417777777777778, 0.434444444444444, 0.462222222222222, 0.495555555555556,
        0.521111111111111, 0.553333333333333, 0.587777777777778, 0.602222222222222, 0.624444444444444,
        0.654444444444444, 0.693333333333333, 0.77, 0.936666666666667, 2.11};
    double[] nee = {1.105, 1.26888888888889, 1.22444444444444, 0.908888888888889, 0.888888888888889, 1.13333333333333,
        1.85888888888889, 1.46777777777778, 2.30222222222222, 1.95, 0.948888888888889, 1.09888888888889,
        2.36666666666667, 0.985555555555556, 1.30777777777778, 1.63555555555556, 1.75777777777778, 1.84222222222222,
        1.59, -0.316666666666667};
    assertThat(FluxUstarThreshold.forwardMode2(ustar, nee, SETTINGS)).isEqualTo(0.462222222222222);
  }

  @Test
  void noPlateauGivesNoThreshold() {
    // NEE keeps rising with u*: no class reaches 95 % of the mean of the next ten.
    double[] ustar = new double[20];
    double[] nee = new double[20];
    for (int i = 0; i < 20; i++) {
      ustar[i] = 0.05 * (i + 1);
      nee[i] = Math.pow(2, i);
    }
    assertThat(FluxUstarThreshold.forwardMode2(ustar, nee, SETTINGS)).isNaN();
  }

  @Test
  void temperatureClassesStartAtANewValue() {
    // 14 sorted values, 7 classes of 2; the run of three 3.0s stays in one class.
    double[] sorted = {1, 2, 3, 3, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    assertThat(FluxUstarThreshold.binBalanced(sorted, 7, 1e-8)).containsExactly(1, 1, 2, 2, 2, 3, 4, 4, 5, 5, 6, 6, 7, 7);
  }

  @Test
  void ustarClassesKeepEqualValuesTogetherAndMergeAShortLastClass() {
    // 10 values, 3 classes of at least 3: [1 2 3 3] (run extended), [4 5 6], [7 8 9]; nothing left over.
    assertThat(FluxUstarThreshold.binMinRecords(new double[] {1, 2, 3, 3, 4, 5, 6, 7, 8, 9}, 3, 1e-14))
        .containsExactly(1, 1, 1, 1, 2, 2, 2, 3, 3, 3);
    // 11 values: the last 2 (fewer than 0.9 × 3) join the class before.
    assertThat(FluxUstarThreshold.binMinRecords(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 3, 1e-14))
        .containsExactly(1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3);
  }

  @Test
  void seasonsAreREddyProcs() {
    assertThat(List.of(1, 2, 3, 5, 6, 8, 9, 11, 12).stream().map(FluxUstarThreshold::season))
        .containsExactly(1, 1, 3, 3, 6, 6, 9, 9, 12);
  }

  @Test
  void quantilesAreRsTypeSeven() {
    // R: quantile(c(1, 2, 3, 4), 0.05) = 1.15; 0.95 -> 3.85.
    assertThat(FluxUstarThreshold.quantile(new double[] {1, 2, 3, 4}, 0.05)).isCloseTo(1.15, within(1e-12));
    assertThat(FluxUstarThreshold.quantile(new double[] {1, 2, 3, 4}, 0.95)).isCloseTo(3.85, within(1e-12));
  }

  /**
   * A synthetic year whose night NEE is 3 µmol/m2/s above u* 0.3 and half of it below: the threshold is the mean
   * u* of the first class wholly on the plateau, so at most two class widths (2 × 0.039 m/s) above 0.3, the year
   * taking its largest season.
   */
  @Test
  void aKnownThresholdIsFound() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    int n = 365 * 24; // night half-hours only, 24 a day
    double[] nee = new double[n];
    double[] tair = new double[n];
    double[] rg = new double[n];
    double[] ustar = new double[n];
    int[] month = new int[n];
    for (int i = 0; i < n; i++) {
      int day = i / 24;
      month[i] = java.time.LocalDate.ofYearDay(2023, day + 1).getMonthValue();
      ustar[i] = 0.02 + 0.78 * random.nextDouble();
      tair[i] = 10 + 8 * Math.sin(day / 58.0) + random.nextDouble();
      nee[i] = (ustar[i] < 0.3 ? 1.5 : 3.0) + 0.2 * random.nextGaussian();
      rg[i] = 0;
    }
    double threshold = FluxUstarThreshold.estimate(nee, tair, rg, ustar, month, SETTINGS);
    assertThat(threshold).isBetween(0.3, 0.3 + 2 * 0.78 / 20);
    FluxUstarThreshold.Distribution d = FluxUstarThreshold.bootstrap(nee, tair, rg, ustar, month, SETTINGS, 20, 1);
    assertThat(d.thresholdMS()).isEqualTo(threshold);
    assertThat(d.p05MS()).isLessThanOrEqualTo(d.p50MS());
    assertThat(d.p95MS()).isGreaterThanOrEqualTo(d.p50MS());
    assertThat(d.validDraws()).isEqualTo(20);
  }

  @Test
  void tooFewNightsGiveNoThreshold() {
    double[] one = {2.0};
    assertThat(FluxUstarThreshold.estimate(one, new double[] {10}, new double[] {0}, new double[] {0.3}, new int[] {6},
        SETTINGS)).isNaN();
  }
}
