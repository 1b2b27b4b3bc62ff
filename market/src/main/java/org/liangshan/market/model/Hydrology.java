package org.liangshan.market.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.liangshan.core.method.WaterCapacity;

/**
 * Flows at monitoring sections: monthly means, the design flow of a zone, and monthly volumes.
 *
 * <p><b>Design flow.</b> The control section of a zone is its section with the largest mean flow over the record
 * (the outlet carries the zone's through-flow; ties by section id). The design flow is that section's
 * 90 %-guaranteed monthly mean flow over every month of the record (all years present up to the year computed):
 * the monthly means ranked from the largest, at the Weibull plotting position P = m/(n + 1), read at P = 0.9
 * ({@link WaterCapacity#guaranteedFlow}; GB/T 25173-2010 designs on the 90 %-guaranteed driest-month flow). A
 * record of fewer than 9 months cannot reach P = 0.9: the driest monthly mean is taken instead and the source
 * says so ({@link Source#DRIEST_MONTH_SHORT_RECORD}).
 */
public final class Hydrology {
  private Hydrology() {}

  /** A daily mean flow at a section. */
  public record DailyFlow(String sectionId, LocalDate date, double flowM3S) {
    public DailyFlow {
      requireNonNull(sectionId, "sectionId is null");
      requireNonNull(date, "date is null");
    }
  }

  /** How the design flow was found. */
  public enum Source {
    /** The 90 %-guaranteed monthly mean flow of the record (Weibull plotting position). */
    Q90_MONTHLY_WEIBULL,
    /** The record is shorter than 9 months: the driest monthly mean, flagged. */
    DRIEST_MONTH_SHORT_RECORD;

    /** The stored name: {@code q90_monthly_weibull}, {@code driest_month_short_record}. */
    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * The design flow of a zone: the control section, the flow, how it was found, and the record it was read from
   * (months with a mean, the calendar years they span, the first and last month).
   */
  public record DesignFlow(String sectionId, double flowM3S, Source source, int monthsOfRecord, int yearsOfRecord,
      YearMonth firstMonth, YearMonth lastMonth) {
    public DesignFlow {
      requireNonNull(sectionId, "sectionId is null");
      requireNonNull(source, "source is null");
      requireNonNull(firstMonth, "firstMonth is null");
      requireNonNull(lastMonth, "lastMonth is null");
    }

    /** What gold.zone_capacity.design_flow_section says: section, method and record. */
    public String basis() {
      String record = monthsOfRecord + " monthly means " + firstMonth + ".." + lastMonth;
      return sectionId + (source == Source.Q90_MONTHLY_WEIBULL
          ? " Q90 (P = m/(n+1)) of " + record
          : " driest month of " + record + " (fewer than 9: no 90 % flow)");
    }
  }

  /** Monthly means of a section's daily flows (days without a flow are skipped). */
  public static Map<YearMonth, Double> monthlyMeans(Collection<DailyFlow> flows) {
    Map<YearMonth, double[]> sums = new TreeMap<>();
    for (DailyFlow f : flows) {
      double[] s = sums.computeIfAbsent(YearMonth.from(f.date()), m -> new double[2]);
      s[0] += f.flowM3S();
      s[1]++;
    }
    Map<YearMonth, Double> means = new TreeMap<>();
    sums.forEach((month, s) -> means.put(month, s[0] / s[1]));
    return means;
  }

  /** The design flow from the daily flows of a zone's sections over the record, or empty without flows. */
  public static Optional<DesignFlow> designFlow(Map<String, List<DailyFlow>> flowsBySection) {
    record Candidate(String section, double mean, Map<YearMonth, Double> monthly) {}
    List<Candidate> candidates = new ArrayList<>();
    for (Map.Entry<String, List<DailyFlow>> e : flowsBySection.entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      double sum = 0;
      for (DailyFlow f : e.getValue()) {
        sum += f.flowM3S();
      }
      candidates.add(new Candidate(e.getKey(), sum / e.getValue().size(), monthlyMeans(e.getValue())));
    }
    return candidates.stream()
        .max(Comparator.comparingDouble(Candidate::mean).thenComparing(Candidate::section, Comparator.reverseOrder()))
        .map(c -> {
          TreeMap<YearMonth, Double> monthly = new TreeMap<>(c.monthly());
          double[] means = monthly.values().stream().mapToDouble(Double::doubleValue).toArray();
          int years = (int) monthly.keySet().stream().map(YearMonth::getYear).distinct().count();
          OptionalDouble q90 = WaterCapacity.guaranteedFlow(means, WaterCapacity.DESIGN_GUARANTEE);
          double driest = Arrays.stream(means).min().orElseThrow();
          return new DesignFlow(c.section(), q90.orElse(driest),
              q90.isPresent() ? Source.Q90_MONTHLY_WEIBULL : Source.DRIEST_MONTH_SHORT_RECORD, means.length, years,
              monthly.firstKey(), monthly.lastKey());
        });
  }

  /**
   * The volume that passed in a month: the mean of the month's daily flows × the seconds in the month
   * (days of the month × 86 400), m³. Exact decimal of the double mean.
   */
  public static BigDecimal monthlyVolumeM3(double meanFlowM3S, YearMonth month) {
    return BigDecimal.valueOf(meanFlowM3S).multiply(BigDecimal.valueOf(month.lengthOfMonth() * 86_400L));
  }
}
