package org.liangshan.geo.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A district's statistics for one year, as the silver statistics tables hold them: output value by
 * sector (agriculture, forestry, livestock, fishery; 10⁴ yuan), water supply by use (domestic,
 * industrial, agricultural; 10⁴ m³) and tourism, if reported.
 */
public record DistrictStatistics(
    Map<String, Double> output10kYuanBySector,
    Map<String, Double> waterSupply10kM3ByUse,
    Optional<Tourism> tourism) {

  /** Visits (10⁴), revenue (10⁴ yuan) and the share of revenue attributable to ecosystems. */
  public record Tourism(double visits10k, double revenue10kYuan, double ecoShare) {
    public Tourism {
      if (!(visits10k >= 0)) {
        throw new IllegalArgumentException("Invalid visits (must be >= 0): " + visits10k);
      }
      if (!(revenue10kYuan >= 0)) {
        throw new IllegalArgumentException("Invalid tourism revenue (must be >= 0): " + revenue10kYuan);
      }
      if (!(ecoShare >= 0 && ecoShare <= 1)) {
        throw new IllegalArgumentException("Invalid eco share (must be in [0, 1]): " + ecoShare);
      }
    }
  }

  public static final DistrictStatistics NONE =
      new DistrictStatistics(Map.of(), Map.of(), Optional.empty());

  public DistrictStatistics {
    output10kYuanBySector = Collections.unmodifiableMap(new TreeMap<>(output10kYuanBySector));
    waterSupply10kM3ByUse = Collections.unmodifiableMap(new TreeMap<>(waterSupply10kM3ByUse));
    requireNonNull(tourism, "tourism is null");
  }

  public boolean hasMaterialProducts() {
    return !output10kYuanBySector.isEmpty() || !waterSupply10kM3ByUse.isEmpty();
  }
}
