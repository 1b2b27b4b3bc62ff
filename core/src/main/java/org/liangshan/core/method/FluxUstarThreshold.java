package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.liangshan.core.param.ParameterSet;

/**
 * The u* threshold of a tower-year by the moving-point test (Papale et al. 2006, Biogeosciences 3, 571–583),
 * as REddyProc 1.3 implements it ({@code usEstUstarThreshold} with {@code usEstUstarThresholdSingleFw2Binned},
 * R/EddyUStarFilterDP.R):
 *
 * <ol>
 *   <li>night records (incoming shortwave below {@code nightMaxWM2}) with NEE, air temperature and u* are
 *       split into seasons by month (January–February, March–May, June–August, September–November,
 *       December);
 *   <li>in each season, records are sorted by air temperature into {@code temperatureClasses} classes of equal
 *       size, and within each class by u* into {@code ustarClasses} classes (equal values kept together);
 *   <li>a temperature class gives no threshold when u* and temperature correlate (|r| ≥ {@code correlationMax})
 *       or its lowest u* class already averages more than {@code firstClassMaxMS}; otherwise the threshold is
 *       the mean u* of the first u* class whose mean NEE reaches {@code plateauCriterion} of the mean of the next
 *       {@code plateauForward} classes, the next class too ("forward mode 2");
 *   <li>a season's threshold is the median over its temperature classes (none when fewer than
 *       {@code minValidTemperatureClassShare} have one); the year's is the largest seasonal threshold, or the
 *       estimate on the pooled year when no season gives one or the year has fewer than {@code minRecordsYear}
 *       records.
 * </ol>
 *
 * {@link #bootstrap} resamples the records within each season with replacement and reports the 5, 50 and
 * 95 % quantiles of the year's threshold over the original and the draws (R's default quantile, type 7),
 * as REddyProc's {@code sEstimateUstarScenarios}. Stateless; {@code double} arithmetic.
 */
public final class FluxUstarThreshold {
  private FluxUstarThreshold() {}

  /** The controls of REddyProc's {@code usControlUstarSubsetting} and {@code usControlUstarEst}. */
  public record Settings(
      double nightMaxWM2,
      int temperatureClasses,
      int ustarClasses,
      int plateauForward,
      double plateauCriterion,
      double correlationMax,
      double firstClassMaxMS,
      int minRecordsSeason,
      int minRecordsTemperatureClass,
      int minRecordsYear,
      double minValidTemperatureClassShare,
      int minPlateauClasses) {
    public Settings {
      Checks.positive("temperature_classes", temperatureClasses);
      Checks.positive("ustar_classes", ustarClasses);
      Checks.positive("plateau_forward", plateauForward);
      Checks.fraction("plateau_criterion", plateauCriterion);
      Checks.fraction("correlation_max", correlationMax);
      Checks.fraction("min_valid_temperature_class_share", minValidTemperatureClassShare);
    }

    public static Settings of(ParameterSet params) {
      requireNonNull(params, "params is null");
      return new Settings(
          params.number("flux.night_shortwave_max_w_m2"),
          (int) params.number("flux.ustar.temperature_classes"),
          (int) params.number("flux.ustar.ustar_classes"),
          (int) params.number("flux.ustar.plateau_forward_classes"),
          params.number("flux.ustar.plateau_criterion"),
          params.number("flux.ustar.correlation_max"),
          params.number("flux.ustar.first_class_max_m_s"),
          (int) params.number("flux.ustar.min_records_season"),
          (int) params.number("flux.ustar.min_records_temperature_class"),
          (int) params.number("flux.ustar.min_records_year"),
          params.number("flux.ustar.min_valid_temperature_class_share"),
          (int) params.number("flux.ustar.min_plateau_classes"));
    }
  }

  /** The year's threshold and its bootstrap quantiles (NaN when not estimable), m s⁻¹. */
  public record Distribution(double thresholdMS, double p05MS, double p50MS, double p95MS, int draws, int validDraws) {
    public boolean estimated() {
      return !Double.isNaN(thresholdMS);
    }
  }

  /** A night record usable for the estimate. */
  record Night(int season, double ustar, double nee, double tair) {}

  /** REddyProc's default seasons: the month a season starts in (1, 3, 6, 9 or 12). */
  static int season(int month) {
    if (month < 3) {
      return 1;
    }
    return month == 12 ? 12 : month < 6 ? 3 : month < 9 ? 6 : 9;
  }

  /** The night records with NEE, temperature, u* and radiation, with their season. */
  static List<Night> nights(double[] nee, double[] tair, double[] rg, double[] ustar, int[] month, double nightMax) {
    List<Night> out = new ArrayList<>();
    for (int i = 0; i < nee.length; i++) {
      if (Double.isFinite(nee[i]) && Double.isFinite(tair[i]) && Double.isFinite(ustar[i]) && Double.isFinite(rg[i])
          && rg[i] < nightMax) {
        out.add(new Night(season(month[i]), ustar[i], nee[i], tair[i]));
      }
    }
    return out;
  }

  /** The year's threshold, NaN when no season or pooled estimate is possible. */
  public static double estimate(double[] nee, double[] tair, double[] rg, double[] ustar, int[] month, Settings s) {
    return estimate(nights(nee, tair, rg, ustar, month, s.nightMaxWM2()), s);
  }

  static double estimate(List<Night> nights, Settings s) {
    Map<Integer, List<Night>> bySeason = new TreeMap<>();
    for (Night n : nights) {
      bySeason.computeIfAbsent(n.season(), k -> new ArrayList<>()).add(n);
    }
    double year = Double.NaN;
    if (nights.size() >= s.minRecordsYear()) {
      for (List<Night> season : bySeason.values()) {
        double t = seasonThreshold(season, s);
        if (!Double.isNaN(t) && (Double.isNaN(year) || t > year)) {
          year = t;
        }
      }
    }
    return Double.isNaN(year) && !nights.isEmpty() ? seasonThreshold(nights, s) : year;
  }

  /**
   * The threshold and its bootstrap: {@code draws} resamples within each season (seeded, so a run is
   * reproducible), quantiles over the original estimate and the draws that give one.
   */
  public static Distribution bootstrap(
      double[] nee, double[] tair, double[] rg, double[] ustar, int[] month, Settings s, int draws, long seed) {
    List<Night> nights = nights(nee, tair, rg, ustar, month, s.nightMaxWM2());
    double original = estimate(nights, s);
    Map<Integer, List<Night>> bySeason = new TreeMap<>();
    for (Night n : nights) {
      bySeason.computeIfAbsent(n.season(), k -> new ArrayList<>()).add(n);
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] sample = new double[draws + 1];
    int valid = 0;
    if (!Double.isNaN(original)) {
      sample[valid++] = original;
    }
    for (int d = 0; d < draws; d++) {
      List<Night> resampled = new ArrayList<>(nights.size());
      for (List<Night> season : bySeason.values()) {
        for (int i = 0; i < season.size(); i++) {
          resampled.add(season.get(random.nextInt(season.size())));
        }
      }
      double t = estimate(resampled, s);
      if (!Double.isNaN(t)) {
        sample[valid++] = t;
      }
    }
    double[] values = Arrays.copyOf(sample, valid);
    Arrays.sort(values);
    return new Distribution(original, quantile(values, 0.05), quantile(values, 0.5), quantile(values, 0.95), draws,
        Double.isNaN(original) ? valid : valid - 1);
  }

  /** R's default quantile (type 7) of sorted values; NaN when empty. */
  static double quantile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** The median over temperature classes of one season (or the pooled year). */
  static double seasonThreshold(List<Night> records, Settings s) {
    int n = records.size();
    int classes = s.temperatureClasses();
    if (n < s.minRecordsSeason() || n / (double) classes < s.minRecordsTemperatureClass()) {
      return Double.NaN;
    }
    List<Night> sorted = new ArrayList<>(records);
    sorted.sort(Comparator.comparingDouble(Night::tair));
    double[] tair = sorted.stream().mapToDouble(Night::tair).toArray();
    int[] temperatureClass = binBalanced(tair, classes, 1e-8);
    List<Double> thresholds = new ArrayList<>();
    for (int k = 1; k <= classes; k++) {
      List<Night> inClass = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (temperatureClass[i] == k) {
          inClass.add(sorted.get(i));
        }
      }
      double t = temperatureClassThreshold(inClass, s);
      if (!Double.isNaN(t)) {
        thresholds.add(t);
      }
    }
    if (thresholds.isEmpty() || thresholds.size() / (double) classes < s.minValidTemperatureClassShare()) {
      return Double.NaN;
    }
    double[] t = thresholds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return t.length % 2 == 1 ? t[t.length / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2;
  }

  private static double temperatureClassThreshold(List<Night> inClass, Settings s) {
    if (inClass.size() < 2 || !(Math.abs(correlation(inClass)) < s.correlationMax())) {
      return Double.NaN;
    }
    List<Night> byUstar = new ArrayList<>(inClass);
    byUstar.sort(Comparator.comparingDouble(Night::ustar));
    double[] ustar = byUstar.stream().mapToDouble(Night::ustar).toArray();
    int[] ustarClass = binMinRecords(ustar, s.ustarClasses(), 1e-14);
    int bins = 0;
    for (int c : ustarClass) {
      bins = Math.max(bins, c);
    }
    double[] meanUstar = new double[bins];
    double[] meanNee = new double[bins];
    int[] count = new int[bins];
    for (int i = 0; i < ustar.length; i++) {
      int b = ustarClass[i] - 1;
      meanUstar[b] += ustar[i];
      meanNee[b] += byUstar.get(i).nee();
      count[b]++;
    }
    for (int b = 0; b < bins; b++) {
      meanUstar[b] /= count[b];
      meanNee[b] /= count[b];
    }
    if (meanUstar[0] > s.firstClassMaxMS()) {
      return Double.NaN;
    }
    return forwardMode2(meanUstar, meanNee, s);
  }

  /** The first u* class that, with the next, reaches the plateau of the following classes' NEE. */
  static double forwardMode2(double[] meanUstar, double[] meanNee, Settings s) {
    int bins = meanNee.length;
    int last = bins - Math.max(2, s.minPlateauClasses());
    for (int u = 0; u < last; u++) {
      if (meanNee[u] >= s.plateauCriterion() * mean(meanNee, u + 1, u + s.plateauForward())
          && meanNee[u + 1] >= s.plateauCriterion() * mean(meanNee, u + 2, u + 1 + s.plateauForward())) {
        return meanUstar[u];
      }
    }
    return Double.NaN;
  }

  /** Mean of values[from..to] (inclusive), the part inside the array. */
  private static double mean(double[] values, int from, int to) {
    double sum = 0;
    int n = 0;
    for (int i = from; i <= Math.min(to, values.length - 1); i++) {
      sum += values[i];
      n++;
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  private static double correlation(List<Night> records) {
    double mu = 0;
    double mt = 0;
    for (Night r : records) {
      mu += r.ustar();
      mt += r.tair();
    }
    mu /= records.size();
    mt /= records.size();
    double suu = 0;
    double stt = 0;
    double sut = 0;
    for (Night r : records) {
      suu += (r.ustar() - mu) * (r.ustar() - mu);
      stt += (r.tair() - mt) * (r.tair() - mt);
      sut += (r.ustar() - mu) * (r.tair() - mt);
    }
    return sut / Math.sqrt(suu * stt);
  }

  /**
   * Classes 1..nBin of sorted values, each starting at the first new value at or after i × floor(n/nBin)
   * (REddyProc's {@code .binWithEqualValuesBalanced}).
   */
  static int[] binBalanced(double[] sorted, int nBin, double tolerance) {
    int n = sorted.length;
    int[] id = new int[n];
    Arrays.fill(id, 1);
    if (nBin == 1) {
      return id;
    }
    int size = n / nBin;
    int from = 1;
    for (int c = 2; c <= nBin; c++) {
      int start = (c - 1) * size;
      int at = -1;
      for (int p = Math.max(from, start); p < n; p++) {
        if (sorted[p] - sorted[p - 1] > tolerance) {
          at = p;
          break;
        }
      }
      if (at < 0) {
        break;
      }
      Arrays.fill(id, at, n, c);
      from = at + 1;
    }
    return id;
  }

  /**
   * Classes of at least floor(n/nBin) sorted values, a class extended to the end of a run of equal values, a
   * short last class merged into the one before (REddyProc's {@code .binWithEqualValuesMinRec}).
   */
  static int[] binMinRecords(double[] sorted, int nBin, double tolerance) {
    int n = sorted.length;
    int[] id = new int[n];
    int size = Math.max(1, n / nBin);
    int end = 0; // exclusive end of the previous class
    int bin = 0;
    while (end < n) {
      bin++;
      int start = end;
      int candidate = end + size; // the class would end after index candidate - 1
      int breakAt = -1;
      for (int i = candidate - 1; i < n - 1; i++) {
        if (sorted[i + 1] - sorted[i] > tolerance) {
          breakAt = i;
          break;
        }
      }
      if (breakAt < 0) {
        if (n - start < size * 0.9 && bin != 1) {
          bin--;
        }
        Arrays.fill(id, start, n, bin);
        break;
      }
      end = breakAt + 1;
      Arrays.fill(id, start, end, bin);
    }
    for (int i = 0; i < n; i++) {
      id[i] = Math.min(id[i], nBin);
    }
    return id;
  }
}
