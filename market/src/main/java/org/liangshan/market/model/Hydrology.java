package org.liangshan.market.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Flows at monitoring sections: monthly means, the design flow of a zone, and monthly volumes.
 *
 * <p><b>Design flow.</b> The control section of a zone is its section with the largest annual mean flow
 * (the outlet carries the zone's through-flow; ties by section id). The design flow is that section's
 * minimum monthly mean flow of the year (最枯月平均流量, the driest month), a common design condition of
 * Chinese capacity studies that needs only a year of daily data; a 90 %-exceedance flow needs a long
 * record and can replace it later.
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

  /** The design flow of a zone, the section it was taken at and the driest month. */
  public record DesignFlow(String sectionId, double flowM3S, YearMonth month, double annualMeanM3S, int days) {}

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

  /** The design flow from the daily flows of a zone's sections in one year, or empty without flows. */
  public static Optional<DesignFlow> designFlow(Map<String, List<DailyFlow>> flowsBySection) {
    record Candidate(String section, double annualMean, int days, Map<YearMonth, Double> monthly) {}
    List<Candidate> candidates = new ArrayList<>();
    for (Map.Entry<String, List<DailyFlow>> e : flowsBySection.entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      double sum = 0;
      for (DailyFlow f : e.getValue()) {
        sum += f.flowM3S();
      }
      candidates.add(new Candidate(e.getKey(), sum / e.getValue().size(), e.getValue().size(), monthlyMeans(e.getValue())));
    }
    return candidates.stream()
        .max(Comparator.comparingDouble(Candidate::annualMean).thenComparing(Candidate::section, Comparator.reverseOrder()))
        .map(c -> {
          Map.Entry<YearMonth, Double> driest = c.monthly().entrySet().stream()
              .min(Map.Entry.<YearMonth, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
              .orElseThrow();
          return new DesignFlow(c.section(), driest.getValue(), driest.getKey(), c.annualMean(), c.days());
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
