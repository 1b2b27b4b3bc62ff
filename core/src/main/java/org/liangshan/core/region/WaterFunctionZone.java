package org.liangshan.core.region;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * A water-function zone (水功能区) with its GB 3838-2002 target class and the geometry of its water body
 * used by the capacity models. {@code bounds} is the lon/lat box the zone covers inside the region; cells
 * and enterprises whose centre falls in the box belong to the zone (first zone wins in list order).
 * {@code upstreamSection} is the monitoring section at the zone's upstream boundary (a river's inflow, a lake's
 * inlet), whose concentration is the zone's C0; empty when the region declares none (region.json
 * {@code upstream_section}).
 */
public record WaterFunctionZone(
    String id,
    String name,
    String nameEn,
    WaterBody waterBody,
    int targetClass,
    Envelope bounds,
    double volumeM3,
    double meanDepthM,
    double surfaceKm2,
    double lengthKm,
    double velocityMS,
    Optional<String> upstreamSection) {

  /** The kind of water body, which selects the capacity model and the TP standard. */
  public enum WaterBody {
    RIVER,
    LAKE
  }

  public WaterFunctionZone {
    requireNonNull(id, "id is null");
    requireNonNull(name, "name is null");
    requireNonNull(nameEn, "nameEn is null");
    requireNonNull(waterBody, "waterBody is null");
    requireNonNull(bounds, "bounds is null");
    requireNonNull(upstreamSection, "upstreamSection is null");
    if (targetClass < 1 || targetClass > 5) {
      throw new IllegalArgumentException("Invalid target class (must be 1..5): " + targetClass);
    }
  }

  /** A zone without a declared upstream boundary section. */
  public WaterFunctionZone(String id, String name, String nameEn, WaterBody waterBody, int targetClass, Envelope bounds,
      double volumeM3, double meanDepthM, double surfaceKm2, double lengthKm, double velocityMS) {
    this(id, name, nameEn, waterBody, targetClass, bounds, volumeM3, meanDepthM, surfaceKm2, lengthKm, velocityMS,
        Optional.empty());
  }

  public boolean contains(double lon, double lat) {
    return bounds.contains(lon, lat);
  }
}
