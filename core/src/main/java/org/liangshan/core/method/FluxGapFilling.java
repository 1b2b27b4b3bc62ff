package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import org.liangshan.core.param.ParameterSet;

/**
 * Marginal distribution sampling (MDS) gap filling of a regular half-hourly series (Reichstein et al. 2005,
 * Global Change Biology 11, 1424–1439, appendix), in REddyProc 1.3's order and windows
 * ({@code sEddyProc_sMDSGapFill}, R/EddyGapfilling.R). Each gap takes the mean of the <em>measured</em>
 * values of
 *
 * <ol>
 *   <li>a look-up table: half-hours within ± 7, then ± 14 days under similar weather (incoming shortwave
 *       within {@code rgWM2} (clamped to [{@code rgMinWM2}, {@code rgWM2}] by the gap's own radiation), air
 *       temperature within {@code tairC}, VPD within {@code vpdHPa}); then ± 7 days on radiation alone;
 *   <li>the mean diurnal course: the same time of day ± 1 hour on the same day, then ± 1 and ± 2 days;
 *   <li>the same look-ups widened week by week to ± 70 days, then the mean diurnal course to ± 210 days,
 * </ol>
 *
 * stopping at the first step with at least two values. The quality of a fill follows REddyProc: 1 for the
 * look-up within ± 7 days and the mean diurnal course within ± 0 days (and the all-weather look-up within
 * ± 7), 2 for medium and 3 for wide windows (the thresholds in {@link #lookUpQuality} and {@link
 * #diurnalQuality}); 0 is measured, −1 unfilled. Without VPD and temperature (filling a meteorological
 * variable itself) only radiation conditions the look-up, as REddyProc does. Stateless.
 */
public final class FluxGapFilling {
  /** Half-hours per day. */
  public static final int PER_DAY = 48;

  private FluxGapFilling() {}

  /** The look-up tolerances (Reichstein et al. 2005: 50 W m⁻², 2.5 °C, 5 hPa). */
  public record Tolerances(double rgWM2, double rgMinWM2, double tairC, double vpdHPa) {
    public Tolerances {
      Checks.positive("mds_rg_tolerance_w_m2", rgWM2);
      Checks.positive("mds_rg_tolerance_min_w_m2", rgMinWM2);
      Checks.positive("mds_tair_tolerance_c", tairC);
      Checks.positive("mds_vpd_tolerance_hpa", vpdHPa);
    }

    public static Tolerances of(ParameterSet params) {
      requireNonNull(params, "params is null");
      return new Tolerances(
          params.number("flux.mds.rg_tolerance_w_m2"),
          params.number("flux.mds.rg_tolerance_min_w_m2"),
          params.number("flux.mds.tair_tolerance_c"),
          params.number("flux.mds.vpd_tolerance_hpa"));
    }
  }

  /** The filled series and, per half-hour, 0 measured, 1..3 the fill's quality, −1 still missing. */
  public record Filled(double[] values, int[] quality) {
    public int count(int q) {
      int n = 0;
      for (int v : quality) {
        if (v == q) {
          n++;
        }
      }
      return n;
    }
  }

  /**
   * Fills {@code values} (NaN = gap). {@code vpd} and {@code tair} may be null: the look-up then uses
   * radiation alone; {@code rg} null leaves only the mean diurnal course.
   */
  public static Filled fill(double[] values, double[] rg, double[] vpd, double[] tair, Tolerances t) {
    requireNonNull(values, "values is null");
    requireNonNull(t, "tolerances is null");
    int n = values.length;
    double[] out = values.clone();
    int[] quality = new int[n];
    for (int i = 0; i < n; i++) {
      quality[i] = Double.isNaN(values[i]) ? -1 : 0;
    }
    boolean all = hasAny(rg) && hasAny(vpd) && hasAny(tair);
    boolean radiation = hasAny(rg);
    if (all) {
      lookUp(values, out, quality, 7, rg, vpd, tair, t);
      lookUp(values, out, quality, 14, rg, vpd, tair, t);
    }
    if (radiation) {
      lookUp(values, out, quality, 7, rg, null, null, t);
    }
    for (int days = 0; days <= 2; days++) {
      diurnal(values, out, quality, days);
    }
    if (all) {
      for (int days = 21; days <= 70; days += 7) {
        lookUp(values, out, quality, days, rg, vpd, tair, t);
      }
    }
    if (radiation) {
      for (int days = 14; days <= 70; days += 7) {
        lookUp(values, out, quality, days, rg, null, null, t);
      }
    }
    for (int days = 7; days <= 210; days += 7) {
      diurnal(values, out, quality, days);
    }
    return new Filled(out, quality);
  }

  /** REddyProc's quality of a look-up over ± {@code days}: by the window's width 2 × days. */
  static int lookUpQuality(int days, boolean allConditions) {
    int width = 2 * days;
    if (width <= 14) {
      return 1;
    }
    return width <= (allConditions ? 56 : 28) ? 2 : 3;
  }

  /** REddyProc's quality of a mean diurnal course over ± {@code days}: by 2 × days + 1. */
  static int diurnalQuality(int days) {
    int width = 2 * days + 1;
    return width <= 1 ? 1 : width <= 5 ? 2 : 3;
  }

  private static void lookUp(
      double[] measured, double[] out, int[] quality, int days, double[] rg, double[] vpd, double[] tair, Tolerances t) {
    boolean allConditions = vpd != null;
    int q = lookUpQuality(days, allConditions);
    int n = measured.length;
    for (int g = 0; g < n; g++) {
      if (quality[g] != -1 || Double.isNaN(rg[g])) {
        continue;
      }
      if (allConditions && (Double.isNaN(vpd[g]) || Double.isNaN(tair[g]))) {
        continue;
      }
      double rgTolerance = Math.max(Math.min(t.rgWM2(), rg[g]), t.rgMinWM2());
      int from = Math.max(0, g - days * PER_DAY);
      int to = Math.min(n - 1, g + days * PER_DAY);
      double sum = 0;
      int count = 0;
      for (int i = from; i <= to; i++) {
        if (Double.isNaN(measured[i]) || !(Math.abs(rg[i] - rg[g]) < rgTolerance)) {
          continue;
        }
        if (allConditions && !(Math.abs(vpd[i] - vpd[g]) < t.vpdHPa() && Math.abs(tair[i] - tair[g]) < t.tairC())) {
          continue;
        }
        sum += measured[i];
        count++;
      }
      if (count > 1) {
        out[g] = sum / count;
        quality[g] = q;
      }
    }
  }

  private static void diurnal(double[] measured, double[] out, int[] quality, int days) {
    int q = diurnalQuality(days);
    int n = measured.length;
    for (int g = 0; g < n; g++) {
      if (quality[g] != -1) {
        continue;
      }
      double sum = 0;
      int count = 0;
      for (int d = -days; d <= days; d++) {
        for (int h = -2; h <= 2; h++) {
          int i = g + d * PER_DAY + h;
          if (i >= 0 && i < n && !Double.isNaN(measured[i])) {
            sum += measured[i];
            count++;
          }
        }
      }
      if (count > 1) {
        out[g] = sum / count;
        quality[g] = q;
      }
    }
  }

  private static boolean hasAny(double[] values) {
    return values != null && Arrays.stream(values).anyMatch(v -> !Double.isNaN(v));
  }
}
