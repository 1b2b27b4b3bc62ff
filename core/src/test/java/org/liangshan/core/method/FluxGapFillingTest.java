package org.liangshan.core.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.liangshan.core.param.ParameterSet;

class FluxGapFillingTest {
  private static final FluxGapFilling.Tolerances TOLERANCES = FluxGapFilling.Tolerances.of(ParameterSet.defaults());
  private static final int DAY = 48;

  /** 30 days of constant weather except at noon on two days; the gap at noon takes only the similar noons. */
  @Test
  void aGapTakesTheMeanUnderSimilarWeather() {
    int n = 30 * DAY;
    double[] nee = filled(n, 1.0);
    double[] rg = filled(n, 0);
    double[] vpd = filled(n, 5);
    double[] tair = filled(n, 15);
    for (int d = 0; d < 30; d++) {
      int noon = d * DAY + 24;
      rg[noon] = 600;
      nee[noon] = -10 - d; // noons differ by day
    }
    int gap = 15 * DAY + 24;
    nee[gap] = Double.NaN;
    FluxGapFilling.Filled filled = FluxGapFilling.fill(nee, rg, vpd, tair, TOLERANCES);
    // Within ±7 days: the noons of days 8..22 but 15 → mean of -(10+d) = -25.
    assertThat(filled.values()[gap]).isCloseTo(-25, within(1e-12));
    assertThat(filled.quality()[gap]).isEqualTo(1);
    assertThat(filled.count(0)).isEqualTo(n - 1);
  }

  /** Without meteorology the mean diurnal course fills: same time ± 1 hour, same day first. */
  @Test
  void withoutWeatherTheMeanDiurnalCourseFills() {
    int n = 5 * DAY;
    double[] nee = new double[n];
    for (int i = 0; i < n; i++) {
      nee[i] = i % DAY;
    }
    int gap = 2 * DAY + 20;
    nee[gap] = Double.NaN;
    FluxGapFilling.Filled filled = FluxGapFilling.fill(nee, null, null, null, TOLERANCES);
    // Same day, slots 18, 19, 21, 22 → 20.
    assertThat(filled.values()[gap]).isCloseTo(20, within(1e-12));
    assertThat(filled.quality()[gap]).isEqualTo(1);
  }

  /** A 20-day gap is filled by the widened look-up and flagged as lower quality. */
  @Test
  void aLongGapIsFilledWithLowerQuality() {
    int n = 90 * DAY;
    double[] nee = filled(n, -3);
    double[] rg = filled(n, 300);
    double[] vpd = filled(n, 5);
    double[] tair = filled(n, 15);
    Arrays.fill(nee, 30 * DAY, 50 * DAY, Double.NaN);
    FluxGapFilling.Filled filled = FluxGapFilling.fill(nee, rg, vpd, tair, TOLERANCES);
    assertThat(filled.count(-1)).isZero();
    int middle = 40 * DAY;
    assertThat(filled.values()[middle]).isEqualTo(-3);
    // ±7 and ±14 days reach no measured value from the middle; ±21 (width 42 ≤ 56) is quality 2.
    assertThat(filled.quality()[middle]).isEqualTo(2);
    assertThat(filled.quality()[30 * DAY]).isEqualTo(1);
  }

  @Test
  void qualitiesAreREddyProcs() {
    assertThat(FluxGapFilling.lookUpQuality(7, true)).isEqualTo(1);
    assertThat(FluxGapFilling.lookUpQuality(28, true)).isEqualTo(2);
    assertThat(FluxGapFilling.lookUpQuality(35, true)).isEqualTo(3);
    assertThat(FluxGapFilling.lookUpQuality(14, false)).isEqualTo(2);
    assertThat(FluxGapFilling.lookUpQuality(21, false)).isEqualTo(3);
    assertThat(FluxGapFilling.diurnalQuality(0)).isEqualTo(1);
    assertThat(FluxGapFilling.diurnalQuality(2)).isEqualTo(2);
    assertThat(FluxGapFilling.diurnalQuality(7)).isEqualTo(3);
  }

  private static double[] filled(int n, double value) {
    double[] a = new double[n];
    Arrays.fill(a, value);
    return a;
  }
}
