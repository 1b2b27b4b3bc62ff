package org.liangshan.core.unit;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The unit each right type's exchange trades are quoted in, yuan per it: declared here once, for ingestion (a trade
 * that states no 单位 is in it; one whose unit does not convert to it is quarantined) and for valuation (every price
 * series is in it). The exchange quotes each type in the unit the bureau issues it in (landing family rights-issued,
 * 单位): eco-vouchers and discharge rights per t/a (as the benchmark price), carbon quotas and sink credits per tCO2e
 * (as the carbon reference price), green certificates per MWh, energy-use rights per tce, forest rights and
 * forest-coverage indices per ha.
 */
public final class QuoteUnits {
  private QuoteUnits() {}

  /**
   * The unit trades of {@code rightType} (a right-type code, e.g. {@code eco_voucher}) are quoted in; empty for a type
   * the platform does not know.
   */
  public static Optional<Unit> of(String rightType) {
    requireNonNull(rightType, "rightType is null");
    return switch (rightType) {
      case "eco_voucher", "discharge_right" -> Optional.of(Unit.TONNES_PER_YEAR);
      case "carbon_quota", "carbon_sink_credit" -> Optional.of(Unit.TONNES_CO2E);
      case "green_certificate" -> Optional.of(Unit.MEGAWATT_HOURS);
      case "energy_use_right" -> Optional.of(Unit.TONNES_COAL_EQUIVALENT);
      case "forest_right", "forest_coverage_index" -> Optional.of(Unit.HECTARES);
      default -> Optional.empty();
    };
  }

  /**
   * Whether a trade of {@code rightType} stated in {@code unit} can be read in the type's quote unit: the same unit, or
   * one of its dimension (kg/a for t/a). A stock (t) against a load a year (t/a), or tCO2e on an eco-voucher, cannot.
   */
  public static boolean converts(String rightType, Unit unit) {
    requireNonNull(unit, "unit is null");
    return of(rightType).filter(q -> q.dimension() == unit.dimension()).isPresent();
  }
}
