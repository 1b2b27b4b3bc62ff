package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.YearMonth;
import org.liangshan.core.param.ParameterSet;

/**
 * Climate regulation as the terrestrial GEP technical guide (陆地生态系统生产总值(GEP)核算技术指南,
 * 2020; GB/T 46869-2025) computes it: the electricity an air conditioner of energy-efficiency ratio
 * r would use to remove the heat that vegetation transpiration and water-surface evaporation absorb,
 * on the days that need cooling (daily maximum above 26 °C); docs/methods/climate-regulation.md.
 *
 * <pre>
 * vegetation      E_pt = EPP · S · D / (3600 · r)          kWh (EPP kJ m⁻² d⁻¹, S m², D days)
 * water surface   E_we = E_w · ρ · q / (3600 · r)          kWh (E_w m³ evaporated on those days)
 * humidification       + E_w · y                           kWh (only where the guide counts it)
 * value                = kWh × electricity price
 * </pre>
 *
 * <p>The guide counts D from daily maxima; the platform receives monthly mean temperatures, so
 * {@link #coolingFractions} estimates the share of each month's days above the threshold (see
 * {@link CoolingDayRule}).
 */
public final class ClimateRegulation {
  private ClimateRegulation() {}

  /** One case of the calculator: heat absorbed and the constants that turn it into electricity. */
  public record Input(
      double waterEvaporationM3,
      double vegetationAreaKm2,
      double vegetationHeatKjM2D,
      double coolingDays,
      double efficiencyRatio,
      double latentHeatKjPerKg,
      double waterDensityKgM3) {
    public Input {
      Checks.nonNegative("water_evap_m3", waterEvaporationM3);
      Checks.nonNegative("veg_area_km2", vegetationAreaKm2);
      Checks.nonNegative("veg_heat_kj_m2_d", vegetationHeatKjM2D);
      Checks.range("cooling_days", coolingDays, 0, 366);
      Checks.positive("efficiency_ratio", efficiencyRatio);
      Checks.positive("latent_heat_kj_kg", latentHeatKjPerKg);
      Checks.positive("water_density_kg_m3", waterDensityKgM3);
    }
  }

  /** Electricity an air conditioner would use to remove the heat, kWh. */
  public record Output(double vegetationCoolingKwh, double waterCoolingKwh) {
    public double totalKwh() {
      return vegetationCoolingKwh + waterCoolingKwh;
    }
  }

  public static Output compute(Input in) {
    requireNonNull(in, "input is null");
    double vegetation =
        GepValues.vegetationCoolingKwh(
            java.util.List.of(
                new GepValues.Transpiration(
                    in.vegetationHeatKjM2D(), in.vegetationAreaKm2() * 1e6, in.coolingDays())),
            in.efficiencyRatio());
    double water =
        GepValues.waterCoolingKwh(
            in.waterEvaporationM3(),
            in.waterDensityKgM3(),
            in.latentHeatKjPerKg(),
            in.efficiencyRatio());
    return new Output(vegetation, water);
  }

  /** kWh × price, yuan at full precision. */
  public static BigDecimal value(double kwh, BigDecimal electricityYuanPerKwh) {
    Checks.nonNegative("kwh", kwh);
    Checks.nonNegative("electricity_yuan_per_kwh", electricityYuanPerKwh);
    return BigDecimal.valueOf(kwh).multiply(electricityYuanPerKwh);
  }

  /**
   * The guide's daily rule (a day needs cooling when its maximum exceeds {@code thresholdC}) applied
   * to monthly means: the day's maximum is taken as normal with mean T̄ + diurnalRange/2 and standard
   * deviation {@code dailySdC}, so the share of a month's days above the threshold is 1 − Φ((threshold
   * − T̄ − diurnalRange/2)/sd). Parameter set {@code gep.climate.cooling_*}; the threshold is the
   * guide's, the spread parameters are illustrative (docs/methods/climate-regulation.md).
   */
  public record CoolingDayRule(double thresholdC, double diurnalRangeC, double dailySdC) {
    public CoolingDayRule {
      Checks.range("cooling_tmax_threshold_c", thresholdC, -60, 60);
      Checks.range("cooling_diurnal_range_c", diurnalRangeC, 0, 40);
      Checks.positive("cooling_daily_sd_c", dailySdC);
    }

    public static CoolingDayRule of(ParameterSet params) {
      requireNonNull(params, "params is null");
      return new CoolingDayRule(
          params.number("gep.climate.cooling_tmax_threshold_c"),
          params.number("gep.climate.cooling_diurnal_range_c"),
          params.number("gep.climate.cooling_daily_sd_c"));
    }

    /** Share of the days of a month of mean temperature {@code monthlyMeanC} that need cooling. */
    public double fraction(double monthlyMeanC) {
      if (Double.isNaN(monthlyMeanC)) {
        return 0;
      }
      double meanMaximum = monthlyMeanC + diurnalRangeC / 2;
      return 1 - standardNormalCdf((thresholdC - meanMaximum) / dailySdC);
    }
  }

  /** Per month (index 0 = January), the share of its days that need cooling; 0 for a missing month. */
  public static double[] coolingFractions(double[] monthlyMeanC, CoolingDayRule rule) {
    requireNonNull(monthlyMeanC, "monthlyMeanC is null");
    requireNonNull(rule, "rule is null");
    if (monthlyMeanC.length != 12) {
      throw new IllegalArgumentException("Need 12 monthly temperatures, got " + monthlyMeanC.length);
    }
    double[] fractions = new double[12];
    for (int m = 0; m < 12; m++) {
      fractions[m] = rule.fraction(monthlyMeanC[m]);
    }
    return fractions;
  }

  /** D: Σ share × days of the month over the year. */
  public static double coolingDays(int year, double[] coolingFractions) {
    requireNonNull(coolingFractions, "coolingFractions is null");
    double days = 0;
    for (int m = 0; m < coolingFractions.length; m++) {
      days += Checks.fraction("cooling_fraction", coolingFractions[m])
          * YearMonth.of(year, m + 1).lengthOfMonth();
    }
    return days;
  }

  /**
   * E_w: open-water evaporation on the cooling days, m³ = Σ evaporation (mm) of the month × its
   * cooling share × water area (m²) / 1000. Months without a value count 0.
   */
  public static double waterEvaporationM3(
      double[] monthlyEvaporationMm, double[] coolingFractions, double waterAreaM2) {
    requireNonNull(monthlyEvaporationMm, "monthlyEvaporationMm is null");
    requireNonNull(coolingFractions, "coolingFractions is null");
    Checks.nonNegative("water_area_m2", waterAreaM2);
    double mm = 0;
    for (int m = 0; m < Math.min(monthlyEvaporationMm.length, coolingFractions.length); m++) {
      if (!Double.isNaN(monthlyEvaporationMm[m])) {
        mm +=
            Checks.nonNegative("evaporation_mm", monthlyEvaporationMm[m])
                * Checks.fraction("cooling_fraction", coolingFractions[m]);
      }
    }
    return mm / 1000 * waterAreaM2;
  }

  /**
   * Φ(z) through erfc, Numerical Recipes' Chebyshev fit (fractional error below 1.2×10⁻⁷), ample for
   * a count of days.
   */
  static double standardNormalCdf(double z) {
    return 0.5 * erfc(-z / Math.sqrt(2));
  }

  private static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double r =
        t
            * Math.exp(
                -z * z
                    - 1.26551223
                    + t
                        * (1.00002368
                            + t
                                * (0.37409196
                                    + t
                                        * (0.09678418
                                            + t
                                                * (-0.18628806
                                                    + t
                                                        * (0.27886807
                                                            + t
                                                                * (-1.13520398
                                                                    + t
                                                                        * (1.48851587
                                                                            + t
                                                                                * (-0.82215223
                                                                                    + t
                                                                                        * 0.17087277)))))))));
    return x >= 0 ? r : 2 - r;
  }
}
