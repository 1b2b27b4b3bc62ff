package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;

/**
 * The inputs of climate regulation that come from monthly data (METHODOLOGY.md section 2;
 * docs/methods/climate-regulation.md); the energy formulas are {@link
 * GepValues#vegetationCoolingKwh} (Σ EPP_i·S_i·d/(3600·r)) and {@link GepValues#waterSurfaceKwh}
 * (E·ρ·q/3600 + E·γ), valued by {@link GepValues#climateRegulationValue}.
 *
 * <p>The guides count the days on which cooling would be needed (daily maximum above 26 °C). From
 * monthly means the platform counts every day of each month whose mean temperature reaches a
 * threshold ({@code gep.climate.cooling_month_mean_c}); water-surface evaporation E is the open-water
 * evaporation of those same months over the water area.
 */
public final class ClimateRegulation {
  private ClimateRegulation() {}

  /** Whether each month (index 0 = January) is a cooling month: mean temperature ≥ threshold. */
  public static boolean[] coolingMonths(double[] monthlyMeanC, double thresholdC) {
    requireNonNull(monthlyMeanC, "monthlyMeanC is null");
    if (monthlyMeanC.length != 12) {
      throw new IllegalArgumentException("Need 12 monthly temperatures, got " + monthlyMeanC.length);
    }
    Checks.finite("cooling_month_mean_c", thresholdC);
    boolean[] cooling = new boolean[12];
    for (int m = 0; m < 12; m++) {
      cooling[m] = !Double.isNaN(monthlyMeanC[m]) && monthlyMeanC[m] >= thresholdC;
    }
    return cooling;
  }

  /** Days of the cooling months of a year. */
  public static int coolingDays(int year, boolean[] coolingMonths) {
    requireNonNull(coolingMonths, "coolingMonths is null");
    int days = 0;
    for (int m = 0; m < coolingMonths.length; m++) {
      if (coolingMonths[m]) {
        days += YearMonth.of(year, m + 1).lengthOfMonth();
      }
    }
    return days;
  }

  /**
   * Open-water evaporation of the cooling months, m³: Σ evaporation (mm) of those months × water
   * area (m²) / 1000. Months without a value count 0.
   */
  public static double waterEvaporationM3(
      double[] monthlyEvaporationMm, boolean[] coolingMonths, double waterAreaM2) {
    requireNonNull(monthlyEvaporationMm, "monthlyEvaporationMm is null");
    requireNonNull(coolingMonths, "coolingMonths is null");
    Checks.nonNegative("water_area_m2", waterAreaM2);
    double mm = 0;
    for (int m = 0; m < Math.min(monthlyEvaporationMm.length, coolingMonths.length); m++) {
      if (coolingMonths[m] && !Double.isNaN(monthlyEvaporationMm[m])) {
        mm += Checks.nonNegative("evaporation_mm", monthlyEvaporationMm[m]);
      }
    }
    return mm / 1000 * waterAreaM2;
  }
}
