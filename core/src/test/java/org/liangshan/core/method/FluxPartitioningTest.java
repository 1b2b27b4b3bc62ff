package org.liangshan.core.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.liangshan.core.param.ParameterSet;

class FluxPartitioningTest {
  private static final FluxPartitioning.Settings SETTINGS = FluxPartitioning.Settings.of(ParameterSet.defaults());
  private static final int DAY = 48;

  /**
   * 60 days whose night NEE is exactly Lloyd–Taylor respiration with E0 180 K and R_ref 2.5, temperature swinging
   * 8 K a day, and a day-time uptake of 10: E0 and R_ref come back, GPP = Reco − NEE.
   */
  @Test
  void aKnownRespirationComesBack() {
    int n = 60 * DAY;
    double[] nee = new double[n];
    double[] tair = new double[n];
    double[] rg = new double[n];
    for (int i = 0; i < n; i++) {
      int slot = i % DAY;
      tair[i] = 12 + 4 * Math.sin(2 * Math.PI * (slot - 18) / DAY) + 0.05 * (i / DAY);
      boolean day = slot >= 14 && slot < 38;
      rg[i] = day ? 400 : 0;
      double reco = Casa.lloydTaylorReco(2.5, 180, tair[i], SETTINGS.tRefK(), SETTINGS.t0K());
      nee[i] = reco - (day ? 10 : 0);
    }
    FluxPartitioning.Result result = FluxPartitioning.partition(nee, nee, tair, tair, rg, SETTINGS);
    assertThat(result.e0K()).isCloseTo(180, within(0.01));
    assertThat(result.rRef()[30 * DAY]).isCloseTo(2.5, within(1e-3));
    int noon = 30 * DAY + 24;
    assertThat(result.gpp()[noon]).isCloseTo(10, within(0.01));
    assertThat(result.gpp()[noon]).isCloseTo(result.reco()[noon] - nee[noon], within(1e-12));
  }

  /** Without enough windows spanning 5 K of temperature the year is not partitioned (REddyProc aborts too). */
  @Test
  void noTemperatureRangeNoPartitioning() {
    int n = 30 * DAY;
    double[] nee = new double[n];
    double[] tair = new double[n];
    double[] rg = new double[n];
    Arrays.fill(nee, 2);
    Arrays.fill(tair, 10);
    FluxPartitioning.Result result = FluxPartitioning.partition(nee, nee, tair, tair, rg, SETTINGS);
    assertThat(result.partitioned()).isFalse();
    assertThat(result.gpp()[0]).isNaN();
  }

  /**
   * Tharandt (51.0 N, 13.6 E, CET = UTC+1): on 21 June sunrise is near 03:55 and sunset near 20:30 CET, on 21
   * December near 08:10 and 15:55 (published sun tables for Dresden); each half-hour is judged at its middle.
   */
  @Test
  void theSunIsUpByDayAtTheSite() {
    FluxPartitioning.Site tharandt = new FluxPartitioning.Site(51.0, 13.6, 1);
    long june21 = java.time.LocalDate.of(1998, 6, 21).toEpochDay();
    boolean[] june = FluxPartitioning.sunUp(june21, DAY, tharandt);
    // half-hours 03:00-03:30 (slot 6) down, 04:00-04:30 (slot 8) up, noon up, 20:00-20:30 (slot 40) up, 21:00-21:30 down
    assertThat(new boolean[] {june[6], june[8], june[24], june[40], june[42]}).containsExactly(false, true, true, true, false);
    boolean[] december = FluxPartitioning.sunUp(java.time.LocalDate.of(1998, 12, 21).toEpochDay(), DAY, tharandt);
    assertThat(new boolean[] {december[14], december[17], december[31], december[33]}).containsExactly(false, true, true, false);
  }

  @Test
  void dayCountingIsREddyProcs() {
    // Half-hour 47 (the one ending at 24:00) belongs to the next day.
    assertThat(FluxPartitioning.day(46)).isZero();
    assertThat(FluxPartitioning.day(47)).isEqualTo(1);
  }

  @Test
  void interpolationIsLinearAndConstantAtTheEnds() {
    double[] values = {Double.NaN, 2, Double.NaN, Double.NaN, 5, Double.NaN};
    assertThat(FluxPartitioning.interpolate(values)).containsExactly(2, 2, 3, 4, 5, 5);
  }
}
