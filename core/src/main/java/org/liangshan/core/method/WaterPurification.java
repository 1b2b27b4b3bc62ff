package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pollutants removed by ecosystems (METHODOLOGY.md section 2, water purification;
 * docs/methods/water-purification.md): removal rate per ecosystem type (t km⁻² a⁻¹, parameter set
 * {@code gep.water_purification.removal_t_per_km2.<class>.<pollutant>}) × area, capped at the
 * receiving zone's water environmental capacity W (section 3). The cap is applied to a zone's total
 * and shared back to its cells in proportion to their removal, so the cells still add up to the
 * capped total. Values: {@link GepValues#waterPurificationValue} (COD 700, NH₃-N 875, N 875, P 2800
 * yuan/t).
 */
public final class WaterPurification {
  /** The pollutants of the service, in their parameter-set codes. */
  public static final java.util.List<String> POLLUTANTS = java.util.List.of("cod", "nh3n", "tn", "tp");

  private WaterPurification() {}

  /** Removal rates (t km⁻² a⁻¹ by pollutant) × area (km²) = tonnes removed a year by pollutant. */
  public static Map<String, Double> removedT(Map<String, Double> ratesTPerKm2, double areaKm2) {
    return perArea(ratesTPerKm2, areaKm2, "removal_t_per_km2");
  }

  /**
   * The share of a zone's removal that counts: min(1, max(0, W)/removed) per pollutant (W the
   * capacity, t/a; a negative W, an inflow already above the standard, leaves no capacity). A
   * pollutant without a capacity, or with nothing removed, is not capped (share 1).
   */
  public static Map<String, Double> capShares(
      Map<String, Double> removedInZoneT, Map<String, Double> capacityT) {
    requireNonNull(removedInZoneT, "removedInZoneT is null");
    requireNonNull(capacityT, "capacityT is null");
    Map<String, Double> shares = new LinkedHashMap<>();
    for (Map.Entry<String, Double> entry : removedInZoneT.entrySet()) {
      double removed = Checks.nonNegative("removed_t." + entry.getKey(), entry.getValue());
      Double capacity = capacityT.get(entry.getKey());
      if (capacity == null || removed <= 0) {
        shares.put(entry.getKey(), 1.0);
      } else {
        Checks.finite("capacity_t_a." + entry.getKey(), capacity);
        shares.put(entry.getKey(), Math.min(1.0, Math.max(0.0, capacity) / removed));
      }
    }
    return shares;
  }

  static Map<String, Double> perArea(Map<String, Double> ratesPerKm2, double areaKm2, String field) {
    requireNonNull(ratesPerKm2, "rates are null");
    Checks.nonNegative("area_km2", areaKm2);
    Map<String, Double> tonnes = new LinkedHashMap<>();
    for (Map.Entry<String, Double> entry : ratesPerKm2.entrySet()) {
      double rate = Checks.nonNegative(field + "." + entry.getKey(), entry.getValue());
      tonnes.put(entry.getKey(), rate * areaKm2);
    }
    return tonnes;
  }
}
