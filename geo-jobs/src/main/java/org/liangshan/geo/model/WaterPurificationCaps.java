package org.liangshan.geo.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.liangshan.core.method.WaterPurification;

/**
 * The water-purification cap of METHODOLOGY.md section 2 ("up to the capacity of section 3") on the
 * grid: the pieces of each water-function zone are summed per pollutant before any cap, and the
 * zone's capacity W ({@code gold.zone_capacity.capacity_t_a}) caps that total; each piece then counts
 * the same share of its own removal ({@link WaterPurification#capShares}), so the pieces of a zone
 * add up to min(removed, W) exactly (up to floating point). Pieces outside every zone, and
 * pollutants without a capacity row, are not capped.
 */
public final class WaterPurificationCaps {
  /** No capacity known anywhere: nothing capped. */
  public static final WaterPurificationCaps NONE = new WaterPurificationCaps(Map.of(), Map.of(), Map.of());

  private final Map<String, Map<String, Double>> removedByZone;
  private final Map<String, Map<String, Double>> capacityByZone;
  private final Map<String, Map<String, Double>> sharesByZone;

  private WaterPurificationCaps(
      Map<String, Map<String, Double>> removedByZone,
      Map<String, Map<String, Double>> capacityByZone,
      Map<String, Map<String, Double>> sharesByZone) {
    this.removedByZone = removedByZone;
    this.capacityByZone = capacityByZone;
    this.sharesByZone = sharesByZone;
  }

  /**
   * @param capacityByZone capacity W in t/a by zone id and pollutant code ({@code cod}, {@code nh3n},
   *     {@code tn}, {@code tp})
   */
  public static WaterPurificationCaps of(
      List<GridPiece> pieces,
      CellYear[] cells,
      AccountingParameters parameters,
      Map<String, Map<String, Double>> capacityByZone) {
    requireNonNull(pieces, "pieces is null");
    requireNonNull(cells, "cells is null");
    requireNonNull(capacityByZone, "capacityByZone is null");
    Map<String, Map<String, Double>> removed = new TreeMap<>();
    for (GridPiece piece : pieces) {
      if (piece.zone().isEmpty()) {
        continue;
      }
      Map<String, Double> zone = removed.computeIfAbsent(piece.zoneId(), k -> new TreeMap<>());
      GridAccounting.waterRemovedT(piece, cells[piece.ordinal()], parameters)
          .forEach((pollutant, t) -> zone.merge(pollutant, t, Double::sum));
    }
    Map<String, Map<String, Double>> shares = new TreeMap<>();
    for (Map.Entry<String, Map<String, Double>> zone : removed.entrySet()) {
      shares.put(
          zone.getKey(),
          Collections.unmodifiableMap(
              WaterPurification.capShares(
                  zone.getValue(), capacityByZone.getOrDefault(zone.getKey(), Map.of()))));
    }
    return new WaterPurificationCaps(removed, Map.copyOf(capacityByZone), shares);
  }

  /** The shares of a piece's zone (empty: nothing capped). */
  public Map<String, Double> sharesOf(GridPiece piece) {
    return piece.zone().map(z -> sharesByZone.getOrDefault(z, Map.of())).orElse(Map.of());
  }

  /** Removal before the cap, by zone and pollutant, t/a. */
  public Map<String, Map<String, Double>> removedByZone() {
    return removedByZone;
  }

  public Map<String, Map<String, Double>> capacityByZone() {
    return capacityByZone;
  }

  public Map<String, Map<String, Double>> sharesByZone() {
    return sharesByZone;
  }
}
