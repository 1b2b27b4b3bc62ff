package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.unit.Carbon;

/**
 * Emissions by the energy-consumption method (METHODOLOGY.md section 4; MEE/NDRC industry
 * accounting guidelines): combustion = Σ FC·NCV·CC·OF·44/12 tCO₂; purchased electricity = MWh ×
 * grid factor (the series MEE/NBS publish yearly, {@code emissions.grid_ef_tco2_per_mwh.<year>}).
 */
public final class CombustionEmissions {
  /** tCO₂ per tC. */

  private CombustionEmissions() {}

  /**
   * A fuel: consumption t, net calorific value GJ/t, carbon content tC/GJ, oxidation rate in [0,
   * 1].
   */
  public record Fuel(
      double consumptionT, double ncvGjPerT, double carbonTcPerGj, double oxidation) {
    public Fuel {
      Checks.nonNegative("consumption_t", consumptionT);
      Checks.nonNegative("ncv_gj_per_t", ncvGjPerT);
      Checks.nonNegative("carbon_tc_per_gj", carbonTcPerGj);
      Checks.fraction("oxidation", oxidation);
    }

    public double tco2() {
      return consumptionT * ncvGjPerT * carbonTcPerGj * oxidation * Carbon.CO2_PER_C;
    }
  }

  /** Σ FC·NCV·CC·OF·44/12 in tCO₂. */
  public static double combustion(List<Fuel> fuels) {
    requireNonNull(fuels, "fuels is null");
    double total = 0;
    for (Fuel fuel : fuels) {
      total += fuel.tco2();
    }
    return total;
  }

  /** MWh × grid factor (tCO₂/MWh). */
  public static double electricity(double mwh, double gridEfTco2PerMwh) {
    Checks.nonNegative("electricity_mwh", mwh);
    Checks.nonNegative("grid_ef_tco2_per_mwh", gridEfTco2PerMwh);
    return mwh * gridEfTco2PerMwh;
  }

  /** The grid factor of a year from the parameter set's series. */
  public static double gridFactor(ParameterSet params, String year) {
    String key = "emissions.grid_ef_tco2_per_mwh." + year;
    if (!params.has(key)) {
      throw LiangshanException.badField(
          "year",
          "no grid emission factor for "
              + year
              + " in parameter set "
              + params.version()
              + "; published years: "
              + String.join(", ", params.keys("emissions.grid_ef_tco2_per_mwh")));
    }
    return params.number(key);
  }

  /** The grid factor of the default year ({@code emissions.grid_ef_default_year}). */
  public static double defaultGridFactor(ParameterSet params) {
    return gridFactor(params, params.text("emissions.grid_ef_default_year"));
  }
}
