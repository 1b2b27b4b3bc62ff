package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;

/**
 * Carbon inclusion and eco-points (METHODOLOGY.md section 8): emission reduction = activity ×
 * (baseline factor − project factor), per scenario methodology; reductions become points at a
 * published rate ({@code carbon_inclusion.points_per_kg_co2}), whole points rounded down so nobody
 * is credited for a reduction not made. The default factors ({@code carbon_inclusion.*}) are
 * Liangshan illustrative values with their derivation in the parameter set; a region replaces them
 * with its published methodology. A negative reduction (the project emits more than the baseline)
 * earns no points.
 */
public final class CarbonInclusion {
  private CarbonInclusion() {}

  /** The scenarios with default factors. */
  public enum Scenario {
    /** Passenger-km on public transport instead of a private car. */
    PUBLIC_TRANSPORT,
    /** Km in an electric car instead of a fuel car; the EV factor is kWh/km × the grid factor. */
    NEW_ENERGY_VEHICLE,
    /** Kg of waste sorted. */
    WASTE_SORTING,
    /** KWh charged into an electric car: the fuel a car would burn for the same km, less the grid's CO₂. */
    EV_CHARGING,
    /** Mu farmed under a clean-production practice (less fertiliser, pesticide and diesel). */
    CLEAN_AGRICULTURE;

    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Activity in the scenario's unit, factors in kg CO₂ per activity unit. */
  public record Input(double activity, double baselineKgco2PerUnit, double projectKgco2PerUnit) {
    public Input {
      Checks.nonNegative("activity", activity);
      Checks.nonNegative("baseline_factor", baselineKgco2PerUnit);
      Checks.nonNegative("project_factor", projectKgco2PerUnit);
    }
  }

  public record Output(double reductionKgco2, long points) {}

  public static Output compute(Input in, BigDecimal pointsPerKgco2) {
    requireNonNull(in, "input is null");
    Checks.nonNegative("points_per_kg_co2", pointsPerKgco2);
    double reduction = in.activity() * (in.baselineKgco2PerUnit() - in.projectKgco2PerUnit());
    long points =
        reduction <= 0
            ? 0
            : BigDecimal.valueOf(reduction)
                .multiply(pointsPerKgco2)
                .setScale(0, RoundingMode.DOWN)
                .longValueExact();
    return new Output(reduction, points);
  }

  /** A scenario with the parameter set's default factors and points rate. */
  public static Output compute(Scenario scenario, double activity, ParameterSet params) {
    return compute(inputOf(scenario, activity, params), params.decimal("carbon_inclusion.points_per_kg_co2"));
  }

  private static Input inputOf(Scenario scenario, double activity, ParameterSet params) {
    requireNonNull(scenario, "scenario is null");
    String base = "carbon_inclusion." + scenario.jsonName() + ".";
    Input input =
        switch (scenario) {
          case PUBLIC_TRANSPORT ->
              new Input(
                  activity,
                  params.number(base + "baseline_kgco2_per_pkm"),
                  params.number(base + "project_kgco2_per_pkm"));
          case NEW_ENERGY_VEHICLE ->
              new Input(
                  activity,
                  params.number(base + "baseline_kgco2_per_km"),
                  // t/MWh equals kg/kWh.
                  params.number(base + "ev_kwh_per_km")
                      * CombustionEmissions.defaultGridFactor(params));
          case WASTE_SORTING ->
              new Input(
                  activity,
                  params.number(base + "baseline_kgco2_per_kg"),
                  params.number(base + "project_kgco2_per_kg"));
          case EV_CHARGING ->
              new Input(
                  activity,
                  params.number(base + "baseline_kgco2_per_kwh"),
                  CombustionEmissions.defaultGridFactor(params));
          case CLEAN_AGRICULTURE ->
              new Input(
                  activity,
                  params.number(base + "baseline_kgco2_per_mu"),
                  params.number(base + "project_kgco2_per_mu"));
        };
    return input;
  }

  /** The activity unit of a scenario (the unit the factors are per). */
  public static String unit(Scenario scenario) {
    return switch (scenario) {
      case PUBLIC_TRANSPORT -> "pkm";
      case NEW_ENERGY_VEHICLE -> "km";
      case WASTE_SORTING -> "kg";
      case EV_CHARGING -> "kWh";
      case CLEAN_AGRICULTURE -> "mu";
    };
  }

  /** The factors of a scenario in the parameter set: baseline and project, kg CO₂ per activity unit. */
  public static Input factors(Scenario scenario, double activity, ParameterSet params) {
    return inputOf(scenario, activity, params);
  }

  /** Parses a scenario's JSON name. */
  public static Scenario scenario(String field, String text) {
    Checks.present(field, text);
    for (Scenario s : Scenario.values()) {
      if (s.jsonName().equals(text)) {
        return s;
      }
    }
    throw LiangshanException.badField(
        field,
        "unknown scenario '"
            + text
            + "'; expected one of public_transport, new_energy_vehicle, waste_sorting, ev_charging,"
            + " clean_agriculture");
  }
}
