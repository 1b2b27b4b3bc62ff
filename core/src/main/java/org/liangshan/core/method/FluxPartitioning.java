package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.liangshan.core.param.ParameterSet;

/**
 * Night-time partitioning of NEE into ecosystem respiration and gross primary production (Reichstein et al.
 * 2005, Global Change Biology 11, 1424–1439), as REddyProc 1.3 does it ({@code sEddyProc_sMRFluxPartition},
 * R/EddyPartitioning.R):
 *
 * <ol>
 *   <li>night NEE is Reco: measured (u*-filtered, not gap-filled) NEE where incoming shortwave is at most
 *       {@code nightMaxWM2}, with a measured air temperature;
 *   <li>E0, the temperature sensitivity of Lloyd and Taylor (1994), from short-term windows: ± {@code
 *       e0HalfWindowDays} days (15-day windows) every {@code e0StepDays} days; a window with more than 6 night
 *       records spanning at least {@code e0MinTemperatureRangeK} is fitted by least squares for R_ref and E0,
 *       refitted without the residuals outside the {@code e0TrimPercent} and 100 − {@code e0TrimPercent}
 *       percentiles; a fit is valid when E0 ± its standard error lies inside ({@code e0MinK}, {@code e0MaxK});
 *       the year's E0 is the mean of the {@code e0BestWindows} valid fits with the smallest standard error;
 *   <li>R_ref with that E0 by least squares on ± {@code rrefHalfWindowDays} days every {@code rrefStepDays}
 *       days (negative fits dropped), placed at the window's mean record and interpolated linearly between,
 *       held constant beyond the first and last;
 *   <li>Reco = R_ref · e^{E0 (1/(T_ref − T0) − 1/(T − T0))} at every half-hour's (gap-filled) air temperature,
 *       GPP = Reco − NEE (gap-filled).
 * </ol>
 *
 * Days are counted as REddyProc counts them: half-hour i (0-based) belongs to day (i + 1) / 48 of the series,
 * so a day runs from 00:30 to 24:00 (end-of-interval time stamps). Stateless; {@code double} arithmetic.
 */
public final class FluxPartitioning {
  private static final int MIN_E0_RECORDS = 6;
  private static final int MIN_RREF_RECORDS = 2;

  private FluxPartitioning() {}

  /** The windows and bounds of the method (REddyProc's defaults for air temperature). */
  public record Settings(
      double tRefK,
      double t0K,
      double nightMaxWM2,
      int e0HalfWindowDays,
      int e0StepDays,
      double e0MinTemperatureRangeK,
      double e0TrimPercent,
      int e0BestWindows,
      double e0MinK,
      double e0MaxK,
      int rrefHalfWindowDays,
      int rrefStepDays) {
    public Settings {
      Checks.positive("e0_step_days", e0StepDays);
      Checks.positive("rref_step_days", rrefStepDays);
      Checks.positive("e0_best_windows", e0BestWindows);
      if (!(e0MaxK > e0MinK)) {
        throw new IllegalArgumentException("e0_max_k must be > e0_min_k: " + e0MinK + ".." + e0MaxK);
      }
    }

    public static Settings of(ParameterSet params) {
      requireNonNull(params, "params is null");
      return new Settings(
          params.number("flux.t_ref_k"),
          params.number("flux.t0_k"),
          params.number("flux.night_shortwave_max_w_m2"),
          (int) params.number("flux.partitioning.e0_half_window_days"),
          (int) params.number("flux.partitioning.e0_step_days"),
          params.number("flux.partitioning.e0_min_temperature_range_k"),
          params.number("flux.partitioning.e0_trim_percent"),
          (int) params.number("flux.partitioning.e0_best_windows"),
          params.number("flux.e0_min_k"),
          params.number("flux.e0_max_k"),
          (int) params.number("flux.partitioning.rref_half_window_days"),
          (int) params.number("flux.partitioning.rref_step_days"));
    }
  }

  /** E0 (NaN when fewer than {@code e0BestWindows} windows give a valid fit), R_ref, Reco and GPP per half-hour. */
  public record Result(double e0K, int e0ValidWindows, double[] rRef, double[] reco, double[] gpp) {
    public boolean partitioned() {
      return !Double.isNaN(e0K);
    }
  }

  /**
   * Where a tower stands, for the sun's position: latitude and longitude in degrees, the offset of its local
   * standard time from UTC in hours.
   */
  public record Site(double latDeg, double lonDeg, double utcOffsetHours) {
    public Site {
      Checks.range("lat", latDeg, -90, 90);
      Checks.range("lon", lonDeg, -180, 180);
    }
  }

  /**
   * Whether the sun is above the horizon at the middle of each half-hour of a series starting at 00:00 of
   * {@code firstEpochDay} (local standard time): solar elevation from the fractional year, the equation of time
   * and the declination (Spencer-type series), as REddyProc's {@code fCalcSunPosition} (R/GeoFunctions.R,
   * REddyProc up to 1.1) computes it for the potential radiation of its night filter.
   */
  public static boolean[] sunUp(long firstEpochDay, int n, Site site) {
    boolean[] up = new boolean[n];
    double lat = Math.toRadians(site.latDeg());
    for (int i = 0; i < n; i++) {
      java.time.LocalDate date = java.time.LocalDate.ofEpochDay(firstEpochDay + i / FluxGapFilling.PER_DAY);
      double hour = (i % FluxGapFilling.PER_DAY) / 2.0 + 0.25;
      double f = 2 * Math.PI * (date.getDayOfYear() - 1) / 365.24;
      double equationOfTime = 0.0072 * Math.cos(f) - 0.0528 * Math.cos(2 * f) - 0.0012 * Math.cos(3 * f)
          - 0.1229 * Math.sin(f) - 0.1565 * Math.sin(2 * f) - 0.0041 * Math.sin(3 * f);
      double solarHour = hour + site.lonDeg() / 15 - site.utcOffsetHours() + equationOfTime;
      double hourAngle = (solarHour - 12) * Math.PI / 12;
      double declination = Math.toRadians(0.33281 - 22.984 * Math.cos(f) - 0.34990 * Math.cos(2 * f)
          - 0.13980 * Math.cos(3 * f) + 3.7872 * Math.sin(f) + 0.03205 * Math.sin(2 * f) + 0.07187 * Math.sin(3 * f));
      double elevation = Math.asin(Math.sin(declination) * Math.sin(lat)
          + Math.cos(declination) * Math.cos(lat) * Math.cos(hourAngle));
      up[i] = elevation > 0;
    }
    return up;
  }

  /** One window's Lloyd–Taylor fit. */
  record Fit(double rRef, double e0K, double e0StandardError, int n) {}

  /**
   * Partitions a regular half-hourly series. {@code nee} is measured NEE after the u* filter (NaN where
   * missing or filtered), {@code neeFilled} the gap-filled NEE; {@code tair} measured air temperature,
   * {@code tairFilled} gap-filled.
   */
  public static Result partition(
      double[] nee, double[] neeFilled, double[] tair, double[] tairFilled, double[] rg, Settings s) {
    return partition(nee, neeFilled, tair, tairFilled, rg, null, s);
  }

  /**
   * As {@link #partition(double[], double[], double[], double[], double[], Settings)}, a record counting as
   * night only when, besides its radiation, the sun is below the horizon ({@code sunUp} false; null: radiation
   * alone), as REddyProc requires a potential radiation of zero.
   */
  public static Result partition(
      double[] nee, double[] neeFilled, double[] tair, double[] tairFilled, double[] rg, boolean[] sunUp, Settings s) {
    int n = nee.length;
    double[] night = new double[n];
    for (int i = 0; i < n; i++) {
      boolean usable = Double.isFinite(rg[i]) && rg[i] <= s.nightMaxWM2() && tair[i] + 273.15 > s.t0K()
          && (sunUp == null || !sunUp[i]);
      night[i] = usable ? nee[i] : Double.NaN;
    }
    List<Fit> valid = new ArrayList<>();
    int lastDay = day(n - 1);
    for (int middle = s.e0HalfWindowDays() + 1; middle <= lastDay; middle += s.e0StepDays()) {
      List<Integer> window = window(night, middle - s.e0HalfWindowDays(), middle + s.e0HalfWindowDays());
      if (window.size() <= MIN_E0_RECORDS || range(tair, window) < s.e0MinTemperatureRangeK()) {
        continue;
      }
      Fit all = fit(night, tair, window, s);
      if (all == null) {
        continue;
      }
      Fit trimmed = fit(night, tair, trim(night, tair, window, all, s), s);
      if (trimmed != null
          && trimmed.e0K() - trimmed.e0StandardError() > s.e0MinK()
          && trimmed.e0K() + trimmed.e0StandardError() < s.e0MaxK()) {
        valid.add(trimmed);
      }
    }
    valid.sort(Comparator.comparingDouble(Fit::e0StandardError));
    double[] rRef = new double[n];
    double[] reco = new double[n];
    double[] gpp = new double[n];
    if (valid.size() < s.e0BestWindows()) {
      Arrays.fill(rRef, Double.NaN);
      Arrays.fill(reco, Double.NaN);
      Arrays.fill(gpp, Double.NaN);
      return new Result(Double.NaN, valid.size(), rRef, reco, gpp);
    }
    double e0 = 0;
    for (int i = 0; i < s.e0BestWindows(); i++) {
      e0 += valid.get(i).e0K();
    }
    e0 = Math.rint(e0 / s.e0BestWindows() * 100) / 100;
    double[] ref = referenceRespiration(night, tair, e0, s);
    for (int i = 0; i < n; i++) {
      rRef[i] = ref[i];
      reco[i] = Double.isNaN(ref[i]) || !(tairFilled[i] + 273.15 > s.t0K())
          ? Double.NaN
          : Casa.lloydTaylorReco(ref[i], e0, tairFilled[i], s.tRefK(), s.t0K());
      gpp[i] = reco[i] - neeFilled[i];
    }
    return new Result(e0, valid.size(), rRef, reco, gpp);
  }

  /** REddyProc's day of half-hour i: (i + 1) / 48. */
  static int day(int index) {
    return (index + 1) / FluxGapFilling.PER_DAY;
  }

  private static List<Integer> window(double[] night, int fromDay, int toDay) {
    List<Integer> out = new ArrayList<>();
    int from = Math.max(0, fromDay * FluxGapFilling.PER_DAY - 1);
    int to = Math.min(night.length - 1, (toDay + 1) * FluxGapFilling.PER_DAY);
    for (int i = from; i <= to; i++) {
      int d = day(i);
      if (d >= fromDay && d <= toDay && !Double.isNaN(night[i])) {
        out.add(i);
      }
    }
    return out;
  }

  private static double range(double[] tair, List<Integer> window) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i : window) {
      lo = Math.min(lo, tair[i]);
      hi = Math.max(hi, tair[i]);
    }
    return hi - lo;
  }

  /**
   * Least squares of y = R_ref · f(E0, T): for a fixed E0 the best R_ref is Σxy/Σx², so E0 is found on the
   * profile (a 1 K grid from 1 to 1,500 K, refined by golden section); the standard errors from the Jacobian
   * at the optimum, as R's {@code nls} reports them. Null when the window cannot be fitted.
   */
  static Fit fit(double[] y, double[] tair, List<Integer> window, Settings s) {
    int n = window.size();
    if (n < 3) {
      return null;
    }
    double best = Double.NaN;
    double bestSse = Double.POSITIVE_INFINITY;
    for (double e0 = 1; e0 <= 1500; e0 += 1) {
      double sse = profileSse(y, tair, window, e0, s);
      if (sse < bestSse) {
        bestSse = sse;
        best = e0;
      }
    }
    double lo = Math.max(0, best - 1);
    double hi = best + 1;
    double golden = (Math.sqrt(5) - 1) / 2;
    for (int k = 0; k < 40; k++) {
      double a = hi - golden * (hi - lo);
      double b = lo + golden * (hi - lo);
      if (profileSse(y, tair, window, a, s) < profileSse(y, tair, window, b, s)) {
        hi = b;
      } else {
        lo = a;
      }
    }
    double e0 = (lo + hi) / 2;
    double rRef = referenceFit(y, tair, window, e0, s);
    // Jacobian: ∂f/∂R_ref = x, ∂f/∂E0 = R_ref · x · (1/(T_ref − T0) − 1/(T − T0)).
    double jrr = 0;
    double jre = 0;
    double jee = 0;
    double sse = 0;
    for (int i : window) {
      double x = Casa.lloydTaylorReco(1, e0, tair[i], s.tRefK(), s.t0K());
      double g = 1 / (s.tRefK() - s.t0K()) - 1 / (tair[i] + 273.15 - s.t0K());
      double de = rRef * x * g;
      jrr += x * x;
      jre += x * de;
      jee += de * de;
      double r = y[i] - rRef * x;
      sse += r * r;
    }
    double det = jrr * jee - jre * jre;
    if (!(det > 0)) {
      return null;
    }
    double sigma2 = sse / (n - 2);
    double e0Se = Math.sqrt(sigma2 * jrr / det);
    return new Fit(rRef, e0, e0Se, n);
  }

  /** R_ref by least squares with E0 fixed: Σxy / Σx², x = Lloyd–Taylor at R_ref 1. */
  private static double referenceFit(double[] y, double[] tair, List<Integer> window, double e0, Settings s) {
    double sxy = 0;
    double sxx = 0;
    for (int i : window) {
      double x = Casa.lloydTaylorReco(1, e0, tair[i], s.tRefK(), s.t0K());
      sxy += x * y[i];
      sxx += x * x;
    }
    return sxy / sxx;
  }

  private static double profileSse(double[] y, double[] tair, List<Integer> window, double e0, Settings s) {
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i : window) {
      double x = Casa.lloydTaylorReco(1, e0, tair[i], s.tRefK(), s.t0K());
      sxy += x * y[i];
      sxx += x * x;
      syy += y[i] * y[i];
    }
    return sxx == 0 ? Double.POSITIVE_INFINITY : syy - sxy * sxy / sxx;
  }

  /** The window without the records whose residual lies outside the trim percentiles (R's type-7 quantiles). */
  private static List<Integer> trim(double[] y, double[] tair, List<Integer> window, Fit fit, Settings s) {
    double[] residuals = new double[window.size()];
    for (int k = 0; k < window.size(); k++) {
      int i = window.get(k);
      residuals[k] = y[i] - Casa.lloydTaylorReco(fit.rRef(), fit.e0K(), tair[i], s.tRefK(), s.t0K());
    }
    double[] sorted = residuals.clone();
    Arrays.sort(sorted);
    double lo = FluxUstarThreshold.quantile(sorted, s.e0TrimPercent() / 100);
    double hi = FluxUstarThreshold.quantile(sorted, 1 - s.e0TrimPercent() / 100);
    List<Integer> kept = new ArrayList<>();
    for (int k = 0; k < window.size(); k++) {
      if (residuals[k] >= lo && residuals[k] <= hi) {
        kept.add(window.get(k));
      }
    }
    return kept;
  }

  /** R_ref per window with E0 fixed, at the window's mean record, linearly interpolated, constant at the ends. */
  static double[] referenceRespiration(double[] night, double[] tair, double e0, Settings s) {
    int n = night.length;
    double[] at = new double[n];
    Arrays.fill(at, Double.NaN);
    int lastDay = day(n - 1);
    for (int middle = s.rrefHalfWindowDays() + 1; middle <= lastDay; middle += s.rrefStepDays()) {
      List<Integer> window = window(night, middle - s.rrefHalfWindowDays(), middle + s.rrefHalfWindowDays());
      if (window.size() <= MIN_RREF_RECORDS) {
        continue;
      }
      double rRef = referenceFit(night, tair, window, e0, s);
      double meanIndex = 0;
      for (int i : window) {
        meanIndex += i + 1;
      }
      int position = (int) Math.rint(meanIndex / window.size()) - 1;
      at[position] = rRef < 0 ? Double.NaN : rRef;
    }
    return interpolate(at);
  }

  /** Linear interpolation between the known values, the first and last held constant outwards. */
  static double[] interpolate(double[] values) {
    int n = values.length;
    double[] out = values.clone();
    int previous = -1;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(values[i])) {
        continue;
      }
      if (previous < 0) {
        Arrays.fill(out, 0, i, values[i]);
      } else {
        for (int k = previous + 1; k < i; k++) {
          out[k] = values[previous] + (values[i] - values[previous]) * (k - previous) / (i - previous);
        }
      }
      previous = i;
    }
    if (previous >= 0) {
      Arrays.fill(out, previous + 1, n, values[previous]);
    }
    return out;
  }
}
