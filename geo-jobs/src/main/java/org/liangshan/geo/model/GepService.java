package org.liangshan.geo.model;

import java.util.Locale;

/**
 * The GEP services the grid accounting computes, by their indicator code in the parameter set
 * ({@code gep.indicators}, {@code gep.categories}), with the unit of their physical quantity and
 * whether they are derived from the grid (and so mapped per cell) or from statistics.
 */
public enum GepService {
  MATERIAL_PRODUCTS("m3_water_supplied", false),
  WATER_CONSERVATION("m3", true),
  SOIL_RETENTION("t_soil", true),
  FLOOD_REGULATION("m3_swamp_storage", true),
  WATER_PURIFICATION("t_pollutants_removed", true),
  AIR_PURIFICATION("t_pollutants_absorbed", true),
  CARBON_FIXATION("t_c", true),
  OXYGEN_RELEASE("t_o2", true),
  CLIMATE_REGULATION("kwh", true),
  CULTURAL_SERVICES("eco_visits", false);

  private final String physicalUnit;
  private final boolean gridDerived;

  GepService(String physicalUnit, boolean gridDerived) {
    this.physicalUnit = physicalUnit;
    this.gridDerived = gridDerived;
  }

  /** The indicator code, e.g. {@code water_conservation}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String physicalUnit() {
    return physicalUnit;
  }

  public boolean gridDerived() {
    return gridDerived;
  }
}
