package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.liangshan.core.param.ParameterSet;

/**
 * A tower-year of half-hourly records processed as REddyProc processes it (docs/methods/flux-calibration.md;
 * METHODOLOGY.md section 1, "Calibration on flux towers"):
 *
 * <ol>
 *   <li>the u* threshold of the tower-year by the moving-point test with its bootstrap ({@link
 *       FluxUstarThreshold}); {@code flux.ustar_threshold_m_s} only when no threshold can be estimated;
 *   <li>the u* filter: night records under the threshold lose their NEE ({@link FluxCalibration#ustarFilter});
 *   <li>marginal distribution sampling of NEE and of air temperature ({@link FluxGapFilling});
 *   <li>night-time partitioning into Reco and GPP ({@link FluxPartitioning});
 *   <li>sums in gC m⁻² (each half-hour × 1800 s × 12.011 × 10⁻⁶ g C µmol⁻¹): the year's NEE, GPP and Reco,
 *       and per calendar month, with the month's coverage, the share of its half-hours measured or filled
 *       with good quality (1); a month under {@code flux.min_month_coverage} is flagged, not dropped.
 * </ol>
 *
 * The records are laid on a regular series from the first to the last day they cover; a half-hour without a
 * record is a gap like any other. {@link FluxCalibration.HalfHour#day()} is the epoch day ({@link
 * LocalDate#toEpochDay()}) in local standard time; the calendar month comes from it. Stateless.
 */
public final class FluxTowerYear {
  private static final int PER_DAY = FluxGapFilling.PER_DAY;
  private static final double SECONDS = 1800;

  private FluxTowerYear() {}

  /** The processing settings of a parameter set ({@code flux.*}). */
  public record Settings(
      double fallbackUstarMS,
      int ustarBootstrapDraws,
      long ustarBootstrapSeed,
      double minMonthCoverage,
      FluxUstarThreshold.Settings ustar,
      FluxGapFilling.Tolerances mds,
      FluxPartitioning.Settings partitioning) {
    public Settings {
      Checks.nonNegative("ustar_threshold_m_s", fallbackUstarMS);
      Checks.nonNegative("ustar.bootstrap_draws", ustarBootstrapDraws);
      Checks.fraction("min_month_coverage", minMonthCoverage);
      requireNonNull(ustar, "ustar is null");
      requireNonNull(mds, "mds is null");
      requireNonNull(partitioning, "partitioning is null");
    }

    public static Settings of(ParameterSet params) {
      requireNonNull(params, "params is null");
      return new Settings(
          params.number("flux.ustar_threshold_m_s"),
          (int) params.number("flux.ustar.bootstrap_draws"),
          (long) params.number("flux.ustar.bootstrap_seed"),
          params.number("flux.min_month_coverage"),
          FluxUstarThreshold.Settings.of(params),
          FluxGapFilling.Tolerances.of(params),
          FluxPartitioning.Settings.of(params));
    }
  }

  /**
   * One calendar month: half-hours of the month, those measured (after the u* filter), the coverage (measured
   * or filled with quality 1, over the month's half-hours), whether it is flagged, and its sums (NaN when the
   * year could not be partitioned or the month has no value at all).
   */
  public record Month(
      int month, int halfHours, int measured, double coverage, boolean flagged, double neeGcM2, double gppGcM2,
      double recoGcM2) {
    public boolean hasValue() {
      return !Double.isNaN(gppGcM2);
    }
  }

  /**
   * The tower-year: half-hours of the series, the counts of each step ({@code measured − ustarFiltered +
   * gapFilled + stillMissing = records}), the u* distribution and the threshold used, E0, the year's sums and the
   * months.
   */
  public record Result(
      int records,
      int measured,
      int ustarFiltered,
      int gapFilled,
      int stillMissing,
      FluxUstarThreshold.Distribution ustar,
      double ustarUsedMS,
      double e0K,
      double neeGcM2,
      double gppGcM2,
      double recoGcM2,
      List<Month> months) {
    public Result {
      requireNonNull(ustar, "ustar is null");
      months = List.copyOf(months);
    }

    public List<Month> flagged() {
      return months.stream().filter(Month::flagged).toList();
    }
  }

  public static Result process(List<FluxCalibration.HalfHour> records, Settings s) {
    return process(records, null, s);
  }

  /**
   * As {@link #process(List, Settings)}; with a {@code site}, a night record of the partitioning must also have
   * the sun below the horizon ({@link FluxPartitioning#sunUp}), as REddyProc does; null: radiation alone.
   */
  public static Result process(List<FluxCalibration.HalfHour> records, FluxPartitioning.Site site, Settings s) {
    requireNonNull(records, "records is null");
    requireNonNull(s, "settings is null");
    if (records.isEmpty()) {
      throw new IllegalArgumentException("no records to process");
    }
    int firstDay = records.stream().mapToInt(FluxCalibration.HalfHour::day).min().orElseThrow();
    int lastDay = records.stream().mapToInt(FluxCalibration.HalfHour::day).max().orElseThrow();
    int n = (lastDay - firstDay + 1) * PER_DAY;
    double[] nee = nan(n);
    double[] tair = nan(n);
    double[] rg = nan(n);
    double[] vpd = nan(n);
    double[] ustar = nan(n);
    int[] month = new int[n];
    for (int i = 0; i < n; i++) {
      month[i] = LocalDate.ofEpochDay(firstDay + i / PER_DAY).getMonthValue();
    }
    for (FluxCalibration.HalfHour r : records) {
      int i = (r.day() - firstDay) * PER_DAY + r.slot();
      nee[i] = r.neeUmolM2S();
      tair[i] = r.tAirC();
      rg[i] = r.swInWM2();
      vpd[i] = r.vpdHPa();
      ustar[i] = r.ustarMS();
    }
    int measured = count(nee);
    FluxUstarThreshold.Distribution distribution = FluxUstarThreshold.bootstrap(
        nee, tair, rg, ustar, month, s.ustar(), s.ustarBootstrapDraws(), s.ustarBootstrapSeed());
    double threshold = distribution.estimated() ? distribution.thresholdMS() : s.fallbackUstarMS();
    double[] filtered = nee.clone();
    for (int i = 0; i < n; i++) {
      if (!(rg[i] >= s.ustar().nightMaxWM2()) && !(ustar[i] >= threshold)) {
        filtered[i] = Double.NaN;
      }
    }
    int afterFilter = count(filtered);
    FluxGapFilling.Filled neeFilled = FluxGapFilling.fill(filtered, rg, vpd, tair, s.mds());
    FluxGapFilling.Filled tairFilled = FluxGapFilling.fill(tair, rg, null, null, s.mds());
    boolean[] sunUp = site == null ? null : FluxPartitioning.sunUp(firstDay, n, site);
    FluxPartitioning.Result parts = FluxPartitioning.partition(
        filtered, neeFilled.values(), tair, tairFilled.values(), rg, sunUp, s.partitioning());

    List<Month> months = new ArrayList<>();
    int from = 0;
    while (from < n) {
      int to = from;
      while (to < n && month[to] == month[from]) {
        to++;
      }
      LocalDate first = LocalDate.ofEpochDay(firstDay + from / PER_DAY);
      int expected = first.lengthOfMonth() * PER_DAY;
      int good = 0;
      int measuredInMonth = 0;
      for (int i = from; i < to; i++) {
        good += neeFilled.quality()[i] == 0 || neeFilled.quality()[i] == 1 ? 1 : 0;
        measuredInMonth += Double.isNaN(filtered[i]) ? 0 : 1;
      }
      double coverage = good / (double) expected;
      months.add(new Month(first.getMonthValue(), to - from, measuredInMonth, coverage,
          coverage < s.minMonthCoverage(), monthSum(neeFilled.values(), from, to, expected),
          monthSum(parts.gpp(), from, to, expected), monthSum(parts.reco(), from, to, expected)));
      from = to;
    }
    return new Result(n, measured, measured - afterFilter, neeFilled.count(1) + neeFilled.count(2) + neeFilled.count(3),
        neeFilled.count(-1), distribution, threshold, parts.e0K(), sum(neeFilled.values()), sum(parts.gpp()),
        sum(parts.reco()), months);
  }

  /** The mean over the month's half-hours that have a value, × the month's half-hours × 1800 s, in gC m⁻². */
  private static double monthSum(double[] values, int from, int to, int expected) {
    double total = 0;
    int count = 0;
    for (int i = from; i < to; i++) {
      if (!Double.isNaN(values[i])) {
        total += values[i];
        count++;
      }
    }
    return count == 0 ? Double.NaN : FluxCalibration.umolToGramsCarbon(total / count, expected * SECONDS);
  }

  /** Σ of the half-hours that have a value, × 1800 s, in gC m⁻² (NaN when none has). */
  private static double sum(double[] values) {
    double total = 0;
    int count = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        total += v;
        count++;
      }
    }
    return count == 0 ? Double.NaN : FluxCalibration.umolToGramsCarbon(total, SECONDS);
  }

  /**
   * R², RMSE and bias of {@code epsMax} applied to the pairs (the published ε_max of a class, at one
   * of its towers), in the GPP units of the pairs; R² NaN when the tower GPP does not vary.
   */
  public static FluxCalibration.Fit evaluate(double epsMax, List<FluxCalibration.Pair> pairs) {
    requireNonNull(pairs, "pairs is null");
    if (pairs.isEmpty()) {
      throw new IllegalArgumentException("no pairs to evaluate");
    }
    double mean = pairs.stream().mapToDouble(FluxCalibration.Pair::towerGpp).average().orElseThrow();
    double ssRes = 0;
    double ssTot = 0;
    double sumError = 0;
    for (FluxCalibration.Pair p : pairs) {
      double error = epsMax * p.casaGppPerEps() - p.towerGpp();
      ssRes += error * error;
      ssTot += (p.towerGpp() - mean) * (p.towerGpp() - mean);
      sumError += error;
    }
    return new FluxCalibration.Fit(
        epsMax,
        ssTot == 0 ? Double.NaN : 1 - ssRes / ssTot,
        Math.sqrt(ssRes / pairs.size()),
        sumError / pairs.size(),
        pairs.size());
  }

  private static double[] nan(int n) {
    double[] a = new double[n];
    Arrays.fill(a, Double.NaN);
    return a;
  }

  private static int count(double[] values) {
    int n = 0;
    for (double v : values) {
      n += Double.isNaN(v) ? 0 : 1;
    }
    return n;
  }
}
