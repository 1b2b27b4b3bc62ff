package org.liangshan.geo.model;

import static java.util.Objects.requireNonNull;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * A grid piece's polygon as the dashboard map draws it ({@code gold.carbon_sink_map.polygon_json}): the piece
 * simplified with JTS's {@link TopologyPreservingSimplifier} (Douglas-Peucker that keeps each ring valid and
 * simple) at {@link #TOLERANCE_DEGREES}, then its largest part's outer ring written as in {@code
 * gold.grid_cells.polygon_json} but at {@link #DECIMALS} places.
 *
 * <p>Why these values: the map opens at zoom 9 over Liyang and 7.5 over Tianjin (the chart's viewport, from each
 * region's extent), where one screen pixel is 156,543 m × cos(latitude) / 2^zoom (Web Mercator): about 260 m at
 * 31.4°N, zoom 9, and 670 m at 39.1°N, zoom 7.5. 0.0005° is at most 56 m, a fifth of a pixel at the closer of the
 * two, so simplification cannot be seen; 1e-5° (about 1.1 m) keeps the rounding far under it. Each piece is
 * simplified on its own, so two neighbours may part or overlap along a shared boundary by up to the tolerance
 * plus the rounding; the accounting never reads these polygons (areas come from the metric CRS).
 *
 * @param json the outer ring as a JSON array of [lon, lat] pairs, closed; {@code []} when the piece has no area
 * @param vertices the points in {@code json}, the closing point included
 */
public record MapPolygon(String json, int vertices) {
  /** Simplification tolerance, degrees (see the class comment). */
  public static final double TOLERANCE_DEGREES = 0.0005;
  /** Decimal places of each coordinate, degrees. */
  public static final int DECIMALS = 5;

  public MapPolygon {
    requireNonNull(json, "json is null");
    if (vertices < 0) {
      throw new IllegalArgumentException("Invalid vertex count (cannot be negative): " + vertices);
    }
  }

  /** The map polygon of a piece given in EPSG:4326 (lon/lat). */
  public static MapPolygon of(Geometry lonLat) {
    requireNonNull(lonLat, "lonLat is null");
    Geometry simplified = simplified(lonLat);
    String json = AnalysisGrid.polygonJson(simplified, DECIMALS);
    int vertices = json.equals("[]") ? 0 : json.split("\\],\\[", -1).length;
    return new MapPolygon(json, vertices);
  }

  /** The map polygon of a piece given as WKT in EPSG:4326 ({@code gold.grid_cells.wkt}). */
  public static MapPolygon ofWkt(String wkt) {
    requireNonNull(wkt, "wkt is null");
    try {
      return of(new WKTReader().read(wkt));
    } catch (ParseException e) {
      throw new IllegalArgumentException("Invalid piece WKT (" + e.getMessage() + "): " + wkt, e);
    }
  }

  /** The piece simplified at {@link #TOLERANCE_DEGREES}, before rounding. */
  static Geometry simplified(Geometry lonLat) {
    return TopologyPreservingSimplifier.simplify(lonLat, TOLERANCE_DEGREES);
  }
}
