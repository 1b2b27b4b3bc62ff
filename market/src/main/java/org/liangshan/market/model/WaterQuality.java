package org.liangshan.market.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Water-quality observations (silver.water_quality, long form) and the means the market and the
 * compensation ledger take from them. Months are months of China Standard Time (UTC+8), the time the
 * samples are reported in.
 *
 * <p><b>Monthly mean of a factor at a section</b>: the manual (routine sampling) values of the month
 * when there are any, since routine sampling is the assessment basis of the compensation agreements;
 * otherwise the automatic-station values. Which one was used is returned with the mean.
 */
public final class WaterQuality {
  public static final ZoneOffset CST = ZoneOffset.ofHours(8);

  private WaterQuality() {}

  /**
   * The samples of one indicator at one section in one month by one method, pre-aggregated (sum and
   * count) so a job can group millions of automatic-station rows before they reach this class.
   */
  public record Samples(String sectionId, YearMonth month, String method, String indicator, double sum, long count) {
    public Samples {
      requireNonNull(sectionId, "sectionId is null");
      requireNonNull(month, "month is null");
      requireNonNull(method, "method is null");
      requireNonNull(indicator, "indicator is null");
      if (count < 1) {
        throw new IllegalArgumentException("Invalid sample count (must be >= 1): " + count);
      }
    }

    /** One observation at a time (UTC), in its China Standard Time month. */
    public static Samples of(String sectionId, Instant observedAt, String method, String indicator, double value) {
      return new Samples(sectionId, YearMonth.from(observedAt.atOffset(CST)), method, indicator, value, 1);
    }
  }

  /** A mean and what it was taken from. */
  public record Mean(double valueMgL, String method, long samples) {}

  /** The monthly mean of an indicator at a section, manual preferred, or empty without samples. */
  public static Optional<Mean> monthlyMean(Collection<Samples> observations, String sectionId, String indicator, YearMonth month) {
    double manual = 0;
    long manualCount = 0;
    double auto = 0;
    long autoCount = 0;
    for (Samples o : observations) {
      if (!o.sectionId().equals(sectionId) || !o.indicator().equals(indicator) || !o.month().equals(month)) {
        continue;
      }
      if (o.method().equals("manual")) {
        manual += o.sum();
        manualCount += o.count();
      } else {
        auto += o.sum();
        autoCount += o.count();
      }
    }
    if (manualCount > 0) {
      return Optional.of(new Mean(manual / manualCount, "manual", manualCount));
    }
    if (autoCount > 0) {
      return Optional.of(new Mean(auto / autoCount, "auto", autoCount));
    }
    return Optional.empty();
  }

  /**
   * The mean of the monthly means (manual preferred) of an indicator over the given sections and years:
   * each section-month counts once, however many samples it has, so a high-frequency automatic station
   * does not outweigh monthly sampling elsewhere.
   */
  public static Optional<Mean> meanOfMonthlyMeans(Collection<Samples> observations, Collection<String> sectionIds,
      String indicator, int fromYear, int toYear) {
    Map<String, TreeSet<YearMonth>> months = new TreeMap<>();
    for (Samples o : observations) {
      int y = o.month().getYear();
      if (sectionIds.contains(o.sectionId()) && o.indicator().equals(indicator) && y >= fromYear && y <= toYear) {
        months.computeIfAbsent(o.sectionId(), s -> new TreeSet<>()).add(o.month());
      }
    }
    List<Mean> means = new ArrayList<>();
    months.forEach((section, set) -> set.forEach(m -> monthlyMean(observations, section, indicator, m).ifPresent(means::add)));
    if (means.isEmpty()) {
      return Optional.empty();
    }
    double sum = 0;
    long samples = 0;
    boolean manual = false;
    boolean auto = false;
    for (Mean m : means) {
      sum += m.valueMgL();
      samples += m.samples();
      manual |= m.method().equals("manual");
      auto |= m.method().equals("auto");
    }
    String method = manual && auto ? "manual+auto" : manual ? "manual" : "auto";
    return Optional.of(new Mean(sum / means.size(), method, samples));
  }
}
