package org.liangshan.core.unit;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Carbon and carbon dioxide: the one place the molar masses 44 (CO₂) and 12 (C) are written. A tonne of
 * carbon is 44/12 tonnes of CO₂; a price per tonne of carbon is 12/44 of it per tonne of CO₂.
 *
 * <p>Two double forms exist on purpose, because published figures depend on the last bit: {@link
 * #co2FromCarbon} computes {@code tC × 44 ÷ 12} (CASA's NEP as CO₂), while {@link #CO2_PER_C} is the ratio
 * {@code 44 ÷ 12} as one double, for formulas that multiply by it (combustion Σ FC·NCV·CC·OF·44/12, the
 * forestry carbon base). Both are the same quantity within one unit in the last place.
 */
public final class Carbon {
  /** Molar mass of CO₂ in g/mol, as the IPCC guidelines round it. */
  public static final double MOLAR_MASS_CO2 = 44.0;

  /** Molar mass of carbon in g/mol. */
  public static final double MOLAR_MASS_C = 12.0;

  /** Tonnes of CO₂ per tonne of carbon, 44/12. */
  public static final double CO2_PER_C = MOLAR_MASS_CO2 / MOLAR_MASS_C;

  private static final BigDecimal CO2 = BigDecimal.valueOf(44);
  private static final BigDecimal C = BigDecimal.valueOf(12);

  private Carbon() {}

  /** Tonnes of CO₂ from tonnes of carbon: × 44 ÷ 12. */
  public static double co2FromCarbon(double tonnesC) {
    return tonnesC * MOLAR_MASS_CO2 / MOLAR_MASS_C;
  }

  /** A price per tonne of CO₂ from a price per tonne of carbon: × 12 ÷ 44, to 34 significant digits. */
  public static BigDecimal perTonneCo2(BigDecimal perTonneC) {
    requireNonNull(perTonneC, "perTonneC is null");
    return perTonneC.multiply(C).divide(CO2, MathContext.DECIMAL128);
  }
}
