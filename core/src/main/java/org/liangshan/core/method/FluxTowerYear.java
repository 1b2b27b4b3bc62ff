package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.liangshan.core.param.ParameterSet;

/**
 * A tower-year of half-hourly records processed into monthly tower GPP and Reco, with the steps of
 * {@link FluxCalibration} (METHODOLOGY.md section 1, "Calibration on flux towers"):
 *
 * <ol>
 *   <li>u* filtering of night records ({@link FluxCalibration#ustarFilter});
 *   <li>gap filling by mean diurnal variation ({@link FluxCalibration#gapFill});
 *   <li>night-time partitioning: E0 is one value per tower-year, chosen on a grid from {@code
 *       flux.e0_min_k} to {@code flux.e0_max_k} in steps of {@code flux.e0_step_k} to minimise the
 *       squared error of Lloyd–Taylor against measured (u*-filtered, not gap-filled) night NEE, with
 *       R_ref fitted by least squares per calendar month (the short-term reference respiration of
 *       Reichstein et al. 2005, on monthly rather than 4-day windows); then Reco at every half-hour's
 *       air temperature and GPP = Reco − NEE ({@link FluxCalibration#partition});
 *   <li>monthly sums in gC m⁻²: the mean over the half-hours that have NEE (measured or filled) ×
 *       the half-hours of the calendar month × 1800 s, when those half-hours cover at least {@code
 *       flux.min_month_coverage} of the month; otherwise the month has no tower value.
 * </ol>
 *
 * {@link HalfHour#day()} is the epoch day ({@link LocalDate#toEpochDay()}) in local standard time;
 * the calendar month comes from it. Stateless; {@code double} arithmetic.
 */
public final class FluxTowerYear {
  private FluxTowerYear() {}

  /** The processing settings of a parameter set ({@code flux.*}). */
  public record Settings(
      double ustarThresholdMS,
      int gapFillWindowDays,
      double tRefK,
      double t0K,
      double e0MinK,
      double e0MaxK,
      double e0StepK,
      double minMonthCoverage) {
    public Settings {
      Checks.nonNegative("ustar_threshold_m_s", ustarThresholdMS);
      Checks.positive("e0_step_k", e0StepK);
      Checks.positive("e0_min_k", e0MinK);
      if (!(e0MaxK >= e0MinK)) {
        throw new IllegalArgumentException("e0_max_k must be >= e0_min_k: " + e0MinK + ".." + e0MaxK);
      }
      Checks.fraction("min_month_coverage", minMonthCoverage);
    }

    public static Settings of(ParameterSet params) {
      requireNonNull(params, "params is null");
      return new Settings(
          params.number("flux.ustar_threshold_m_s"),
          (int) params.number("flux.gap_fill_window_days"),
          params.number("flux.t_ref_k"),
          params.number("flux.t0_k"),
          params.number("flux.e0_min_k"),
          params.number("flux.e0_max_k"),
          params.number("flux.e0_step_k"),
          params.number("flux.min_month_coverage"));
    }
  }

  /**
   * One calendar month. {@code gppGcM2} and {@code recoGcM2} are NaN when the month is not covered
   * enough or has no night NEE to fit R_ref on ({@code rRef} NaN).
   */
  public record Month(
      int month, int halfHours, int withNee, double rRef, double gppGcM2, double recoGcM2) {
    public boolean hasValue() {
      return !Double.isNaN(gppGcM2);
    }
  }

  /** The tower-year: counts of each step, the E0 chosen and the months. */
  public record Result(
      int records,
      int measured,
      int ustarFiltered,
      int gapFilled,
      int stillMissing,
      double e0K,
      List<Month> months) {
    public Result {
      months = List.copyOf(months);
    }
  }

  public static Result process(List<FluxCalibration.HalfHour> records, Settings s) {
    requireNonNull(records, "records is null");
    requireNonNull(s, "settings is null");
    int measured = countNee(records);
    List<FluxCalibration.HalfHour> filtered = FluxCalibration.ustarFilter(records, s.ustarThresholdMS());
    int afterFilter = countNee(filtered);
    List<FluxCalibration.HalfHour> filled = FluxCalibration.gapFill(filtered, s.gapFillWindowDays());
    int afterFill = countNee(filled);

    Map<Integer, List<FluxCalibration.HalfHour>> nightByMonth = byMonth(filtered, true);
    double e0 = bestE0(nightByMonth, s);
    Map<Integer, List<FluxCalibration.HalfHour>> filledByMonth = byMonth(filled, false);
    List<Month> months = new ArrayList<>();
    for (Map.Entry<Integer, List<FluxCalibration.HalfHour>> entry : filledByMonth.entrySet()) {
      int month = entry.getKey();
      List<FluxCalibration.HalfHour> monthRecords = entry.getValue();
      int withNee = countNee(monthRecords);
      int expected = expectedHalfHours(monthRecords.get(0).day());
      List<FluxCalibration.HalfHour> night = nightByMonth.getOrDefault(month, List.of());
      double rRef = Double.NaN;
      double gpp = Double.NaN;
      double reco = Double.NaN;
      if (hasNightNee(night) && !Double.isNaN(e0)) {
        rRef = FluxCalibration.fitReferenceRespiration(night, e0, s.tRefK(), s.t0K());
        if (withNee >= s.minMonthCoverage() * expected && withNee > 0) {
          double gppSum = 0;
          double recoSum = 0;
          for (FluxCalibration.Partitioned p :
              FluxCalibration.partition(monthRecords, rRef, e0, s.tRefK(), s.t0K())) {
            if (p.record().hasNee()) {
              gppSum += p.gppUmolM2S();
              recoSum += p.recoUmolM2S();
            }
          }
          double seconds = expected * 1800.0;
          gpp = FluxCalibration.umolToGramsCarbon(gppSum / withNee, seconds);
          reco = FluxCalibration.umolToGramsCarbon(recoSum / withNee, seconds);
        }
      }
      months.add(new Month(month, monthRecords.size(), withNee, rRef, gpp, reco));
    }
    return new Result(
        records.size(), measured, measured - afterFilter, afterFill - afterFilter,
        records.size() - afterFill, e0, months);
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

  /** E0 on the grid minimising Σ_months (Σy² − (Σxy)²/Σx²); NaN when no month has night NEE. */
  static double bestE0(Map<Integer, List<FluxCalibration.HalfHour>> nightByMonth, Settings s) {
    double best = Double.NaN;
    double bestSse = Double.POSITIVE_INFINITY;
    int steps = (int) Math.floor((s.e0MaxK() - s.e0MinK()) / s.e0StepK() + 1e-9);
    for (int i = 0; i <= steps; i++) {
      double e0 = s.e0MinK() + i * s.e0StepK();
      double sse = 0;
      boolean any = false;
      for (List<FluxCalibration.HalfHour> night : nightByMonth.values()) {
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (FluxCalibration.HalfHour r : night) {
          if (r.hasNee()) {
            double x = Casa.lloydTaylorReco(1, e0, r.tAirC(), s.tRefK(), s.t0K());
            sxy += x * r.neeUmolM2S();
            sxx += x * x;
            syy += r.neeUmolM2S() * r.neeUmolM2S();
          }
        }
        if (sxx > 0) {
          sse += syy - sxy * sxy / sxx;
          any = true;
        }
      }
      if (any && sse < bestSse) {
        bestSse = sse;
        best = e0;
      }
    }
    return best;
  }

  private static Map<Integer, List<FluxCalibration.HalfHour>> byMonth(
      List<FluxCalibration.HalfHour> records, boolean nightOnly) {
    Map<Integer, List<FluxCalibration.HalfHour>> out = new TreeMap<>();
    for (FluxCalibration.HalfHour r : records) {
      if (!nightOnly || r.night()) {
        out.computeIfAbsent(LocalDate.ofEpochDay(r.day()).getMonthValue(), k -> new ArrayList<>()).add(r);
      }
    }
    return out;
  }

  private static boolean hasNightNee(List<FluxCalibration.HalfHour> night) {
    return night.stream().anyMatch(FluxCalibration.HalfHour::hasNee);
  }

  private static int countNee(List<FluxCalibration.HalfHour> records) {
    int n = 0;
    for (FluxCalibration.HalfHour r : records) {
      if (r.hasNee()) {
        n++;
      }
    }
    return n;
  }

  private static int expectedHalfHours(long epochDay) {
    return LocalDate.ofEpochDay(epochDay).lengthOfMonth() * 48;
  }
}
