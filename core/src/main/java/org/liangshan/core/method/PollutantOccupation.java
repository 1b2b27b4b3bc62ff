package org.liangshan.core.method;

/**
 * An enterprise's occupation of a zone's capacity (METHODOLOGY.md section 3): occupation =
 * generation × (1 − removal) × entry coefficient, from coefficients (tea garden: area × export
 * coefficient; hotel: beds × occupancy × water use × concentration × (1 − treatment removal)) or
 * from monitoring where a discharge is metered. A new entrant, or an enterprise whose occupation
 * exceeds its permit, buys the difference as eco-vouchers. All loads in t/a.
 */
public final class PollutantOccupation {
  private PollutantOccupation() {}

  /** generation × (1 − removal) × entry coefficient. */
  public static double occupation(double generationTA, double removal, double entryCoefficient) {
    Checks.nonNegative("generation_t_a", generationTA);
    Checks.fraction("removal", removal);
    Checks.fraction("entry_coefficient", entryCoefficient);
    return generationTA * (1 - removal) * entryCoefficient;
  }

  /** Tea garden: area (ha) × export coefficient (t ha⁻¹ a⁻¹). */
  public static double teaGarden(double areaHa, double exportCoefficientTPerHaA) {
    Checks.nonNegative("area_ha", areaHa);
    Checks.nonNegative("export_coefficient_t_per_ha_a", exportCoefficientTPerHaA);
    return areaHa * exportCoefficientTPerHaA;
  }

  /**
   * Hotel: beds × occupancy × water use (m³ per occupied bed-day) × days × concentration (mg/L =
   * g/m³) × (1 − treatment removal), grams ÷ 10⁶ → t/a.
   */
  public static double hotel(
      double beds,
      double occupancy,
      double waterM3PerBedDay,
      double days,
      double concentrationMgL,
      double treatmentRemoval) {
    Checks.nonNegative("beds", beds);
    Checks.fraction("occupancy", occupancy);
    Checks.nonNegative("water_m3_per_bed_day", waterM3PerBedDay);
    Checks.range("days", days, 0, 366);
    Checks.nonNegative("concentration_mg_l", concentrationMgL);
    Checks.fraction("treatment_removal", treatmentRemoval);
    return beds
        * occupancy
        * waterM3PerBedDay
        * days
        * concentrationMgL
        * (1 - treatmentRemoval)
        / 1e6;
  }

  /** Eco-vouchers to buy: max(0, occupation − permit); a new entrant has permit 0. */
  public static double vouchersNeeded(double occupationTA, double permitTA) {
    Checks.nonNegative("occupation_t_a", occupationTA);
    Checks.nonNegative("permit_t_a", permitTA);
    return Math.max(0, occupationTA - permitTA);
  }
}
