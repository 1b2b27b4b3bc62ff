package org.liangshan.geo.model;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Optional;

/**
 * One row of {@code gold.grid_cells}: the part of a grid cell inside one district. A cell straddling
 * a district boundary is several pieces with the same {@code cellId}.
 *
 * @param ordinal the cell's ordinal in its {@link GridSpec}
 * @param areaM2 the piece's area in the metric CRS, m²
 * @param zoneId the water-function zone containing the piece's interior point, if any
 * @param wkt the piece in EPSG:4326 (lon/lat) as WKT
 * @param polygonJson the outer ring of the piece (of its largest part when it has several) as a
 *     JSON array of [lon, lat] pairs, as Superset's deck.gl polygon layer reads it
 */
public record GridPiece(
    String cellId,
    int ordinal,
    int column,
    int row,
    String districtCode,
    String districtName,
    String zoneId,
    double areaM2,
    double centroidLon,
    double centroidLat,
    String wkt,
    String polygonJson)
    implements Serializable {
  public GridPiece {
    requireNonNull(cellId, "cellId is null");
    requireNonNull(districtCode, "districtCode is null");
    requireNonNull(districtName, "districtName is null");
    requireNonNull(wkt, "wkt is null");
    requireNonNull(polygonJson, "polygonJson is null");
    if (!(areaM2 > 0)) {
      throw new IllegalArgumentException("Invalid piece area (must be > 0): " + areaM2);
    }
  }

  public Optional<String> zone() {
    return Optional.ofNullable(zoneId);
  }
}
