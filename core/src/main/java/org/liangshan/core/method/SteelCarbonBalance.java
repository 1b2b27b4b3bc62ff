package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.liangshan.core.unit.Carbon;

/**
 * Steel-plant CO₂ by carbon balance (METHODOLOGY.md section 4; MEE/NDRC iron and steel guideline):
 * (Σ carbon in fuels, reductants and fluxes − Σ carbon leaving in products and by-products) ×
 * 44/12. Each flow is a mass in t and a carbon fraction (tC/t). A negative balance is reported as
 * computed: it means the flows given are incomplete.
 */
public final class SteelCarbonBalance {
  private SteelCarbonBalance() {}

  /** A material flow and its carbon content. */
  public record Flow(String name, double massT, double carbonFrac) {
    public Flow {
      Checks.present("name", name);
      Checks.nonNegative("mass_t", massT);
      Checks.fraction("carbon_frac", carbonFrac);
    }

    public double carbonT() {
      return massT * carbonFrac;
    }
  }

  /** tCO₂ from the carbon entering minus the carbon leaving in products. */
  public static double tco2(List<Flow> inputs, List<Flow> outputs) {
    requireNonNull(inputs, "inputs is null");
    requireNonNull(outputs, "outputs is null");
    double carbon = 0;
    for (Flow flow : inputs) {
      carbon += flow.carbonT();
    }
    for (Flow flow : outputs) {
      carbon -= flow.carbonT();
    }
    return carbon * Carbon.CO2_PER_C;
  }
}
