package org.liangshan.core.method;

import java.util.Map;

/**
 * SO₂, NOx and dust absorbed by vegetation (METHODOLOGY.md section 2, air purification;
 * docs/methods/air-purification.md): absorption rate per vegetation type (t km⁻² a⁻¹, parameter set
 * {@code gep.air_purification.absorption_t_per_km2.<class>.<pollutant>}) × area. Values: {@link
 * GepValues#airPurificationValue} (1200 / 630 / 150 yuan/t).
 */
public final class AirPurification {
  /** The pollutants of the service, in their parameter-set codes. */
  public static final java.util.List<String> POLLUTANTS = java.util.List.of("so2", "nox", "dust");

  private AirPurification() {}

  /** Absorption rates (t km⁻² a⁻¹ by pollutant) × area (km²) = tonnes absorbed a year. */
  public static Map<String, Double> absorbedT(Map<String, Double> ratesTPerKm2, double areaKm2) {
    return WaterPurification.perArea(ratesTPerKm2, areaKm2, "absorption_t_per_km2");
  }
}
