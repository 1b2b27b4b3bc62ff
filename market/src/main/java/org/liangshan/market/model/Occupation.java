package org.liangshan.market.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.liangshan.core.method.PollutantOccupation;
import org.liangshan.core.param.ParameterSet;

/**
 * An enterprise's occupation of its zone's capacity in a year (METHODOLOGY.md section 3), month by
 * month: a metered month is discharge × concentration; otherwise the industry's coefficient method
 * (tea garden: area × export coefficient; hotel: beds × occupancy × water use × days × concentration ×
 * (1 − removal); farm: head × generation × (1 − removal)), each × the entry coefficient, through core's
 * {@link PollutantOccupation}. The year's occupation is the sum of the months reported; an enterprise
 * with neither a meter nor a coefficient method occupies nothing measurable and gets no row.
 */
public final class Occupation {
  /** 1 mu = 666.67 m² = 1/15 ha. */
  public static final double HA_PER_MU = 1.0 / 15.0;

  private Occupation() {}

  public record Result(Pollutant pollutant, String method, int monthsReported, int meteredMonths, double occupationTA) {}

  public static List<Result> compute(String industry, List<ActivityMonth> months, ParameterSet params) {
    requireNonNull(industry, "industry is null");
    List<Result> results = new ArrayList<>();
    for (Pollutant pollutant : Pollutant.values()) {
      double total = 0;
      int reported = 0;
      int metered = 0;
      for (ActivityMonth month : months) {
        if (month.meteredFor(pollutant)) {
          // m³ × mg/L = g; ÷ 10⁶ → t. Generation = what leaves the meter; removal already happened.
          double generation = month.dischargeM3() * month.concentrationMgL(pollutant) / 1e6;
          total += PollutantOccupation.occupation(generation, 0, params.number("occupation.entry_coefficient.metered"));
          reported++;
          metered++;
          continue;
        }
        Optional<Double> coefficient = byCoefficient(industry, month, pollutant, params);
        if (coefficient.isPresent()) {
          total += coefficient.get();
          reported++;
        }
      }
      if (reported == 0) {
        continue;
      }
      String method = metered == reported ? "metered" : metered == 0 ? "coefficient:" + industry : "mixed";
      results.add(new Result(pollutant, method, reported, metered, total));
    }
    return List.copyOf(results);
  }

  /** The month's load by the industry's coefficient method, t, or empty when it has none. */
  static Optional<Double> byCoefficient(String industry, ActivityMonth month, Pollutant pollutant, ParameterSet params) {
    String p = pollutant.indicator();
    switch (industry) {
      case "tea_garden": {
        if (month.teaAreaMu() == null) {
          return Optional.empty();
        }
        double annual = PollutantOccupation.teaGarden(month.teaAreaMu() * HA_PER_MU,
            params.number("occupation.tea_garden_export_t_per_ha_a." + p));
        return Optional.of(PollutantOccupation.occupation(annual / 12.0, 0, params.number("occupation.entry_coefficient.tea_garden")));
      }
      case "hotel": {
        if (month.beds() == null || month.occupancy() == null) {
          return Optional.empty();
        }
        double load = PollutantOccupation.hotel(month.beds(), month.occupancy(),
            params.number("occupation.hotel.water_m3_per_bed_day"), month.month().lengthOfMonth(),
            params.number("occupation.hotel.concentration_mg_l." + p), params.number("occupation.hotel.treatment_removal." + p));
        return Optional.of(PollutantOccupation.occupation(load, 0, params.number("occupation.entry_coefficient.hotel")));
      }
      case "farm": {
        if (month.livestockHead() == null) {
          return Optional.empty();
        }
        double generation = month.livestockHead() * params.number("occupation.farm.generation_t_per_head_a." + p) / 12.0;
        return Optional.of(PollutantOccupation.occupation(generation, params.number("occupation.farm.removal." + p),
            params.number("occupation.entry_coefficient.farm")));
      }
      default:
        return Optional.empty();
    }
  }
}
