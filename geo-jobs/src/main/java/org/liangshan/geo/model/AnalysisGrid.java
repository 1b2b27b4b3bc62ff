package org.liangshan.geo.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.geotools.api.referencing.operation.MathTransform;
import org.liangshan.core.region.District;
import org.liangshan.core.region.Region;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.WKTWriter;

/**
 * The analysis grid of a region: square cells of {@link Region#gridResolutionM()} in the region's
 * metric CRS, clipped to each district, so that a cell straddling a boundary becomes one piece per
 * district. Areas are measured in the metric CRS; a district's pieces sum to its metric area.
 *
 * <p>District boundaries are transformed vertex by vertex from lon/lat to the metric CRS (straight
 * edges in the metric CRS); piece outlines are transformed back the same way for the map.
 */
public final class AnalysisGrid {
  /** Map coordinates are written to 1e-7° (about 1 cm). */
  private static final PrecisionModel MAP_PRECISION = new PrecisionModel(1e7);

  private final GridSpec spec;
  private final List<GridPiece> pieces;
  private final Map<String, Double> districtAreasM2;

  private AnalysisGrid(GridSpec spec, List<GridPiece> pieces, Map<String, Double> districtAreasM2) {
    this.spec = spec;
    this.pieces = List.copyOf(pieces);
    this.districtAreasM2 = java.util.Collections.unmodifiableMap(districtAreasM2);
  }

  public GridSpec spec() {
    return spec;
  }

  /** Every piece, ordered by cell ordinal then district code. */
  public List<GridPiece> pieces() {
    return pieces;
  }

  /** Metric area of each district (by code), m². */
  public Map<String, Double> districtAreasM2() {
    return districtAreasM2;
  }

  public static AnalysisGrid build(Region region) {
    requireNonNull(region, "region is null");
    String metricCrs = region.metricCrs();
    double resolution = region.gridResolutionM();
    MathTransform toMetric = Projections.transform(Projections.LON_LAT, metricCrs);
    MathTransform toLonLat = Projections.transform(metricCrs, Projections.LON_LAT);

    Map<District, Geometry> metric = new LinkedHashMap<>();
    Envelope extent = new Envelope();
    for (District district : region.districts()) {
      Geometry projected = Projections.apply(district.boundary(), toMetric);
      if (!projected.isValid()) {
        projected = projected.buffer(0);
      }
      metric.put(district, projected);
      extent.expandToInclude(projected.getEnvelopeInternal());
    }
    double originX = Math.floor(extent.getMinX() / resolution) * resolution;
    double originY = Math.floor(extent.getMinY() / resolution) * resolution;
    int columns = Math.max(1, (int) Math.ceil((extent.getMaxX() - originX) / resolution));
    int rows = Math.max(1, (int) Math.ceil((extent.getMaxY() - originY) / resolution));

    GeometryFactory factory = new GeometryFactory();
    record Raw(int column, int row, District district, Geometry piece) {}
    List<Raw> raw = new ArrayList<>();
    TreeSet<Integer> cellIndexes = new TreeSet<>();
    Map<String, Double> areas = new LinkedHashMap<>();
    for (Map.Entry<District, Geometry> entry : metric.entrySet()) {
      Geometry boundary = entry.getValue();
      areas.put(entry.getKey().code(), boundary.getArea());
      PreparedGeometry prepared = PreparedGeometryFactory.prepare(boundary);
      Envelope env = boundary.getEnvelopeInternal();
      int c0 = (int) Math.floor((env.getMinX() - originX) / resolution);
      int c1 = Math.min(columns - 1, (int) Math.floor((env.getMaxX() - originX) / resolution));
      int r0 = (int) Math.floor((env.getMinY() - originY) / resolution);
      int r1 = Math.min(rows - 1, (int) Math.floor((env.getMaxY() - originY) / resolution));
      for (int row = r0; row <= r1; row++) {
        for (int column = c0; column <= c1; column++) {
          Polygon cell =
              (Polygon)
                  factory.toGeometry(
                      new Envelope(
                          originX + column * resolution,
                          originX + (column + 1) * resolution,
                          originY + row * resolution,
                          originY + (row + 1) * resolution));
          Geometry piece;
          if (prepared.containsProperly(cell)) {
            piece = cell;
          } else if (prepared.intersects(cell)) {
            piece = polygonal(boundary.intersection(cell), factory);
          } else {
            continue;
          }
          if (piece.isEmpty() || !(piece.getArea() > 0)) {
            continue;
          }
          raw.add(new Raw(column, row, entry.getKey(), piece));
          cellIndexes.add(row * columns + column);
        }
      }
    }
    GridSpec spec =
        new GridSpec(
            region.id(),
            metricCrs,
            originX,
            originY,
            resolution,
            columns,
            rows,
            cellIndexes.stream().mapToInt(Integer::intValue).toArray());

    WKTWriter wkt = new WKTWriter();
    wkt.setPrecisionModel(MAP_PRECISION);
    List<GridPiece> pieces = new ArrayList<>(raw.size());
    for (Raw r : raw) {
      Geometry lonLat = Projections.apply(r.piece(), toLonLat);
      Point centroid = (Point) Projections.apply(r.piece().getCentroid(), toLonLat);
      Point interior = (Point) Projections.apply(r.piece().getInteriorPoint(), toLonLat);
      String zone =
          region.zoneAt(interior.getX(), interior.getY()).map(z -> z.id()).orElse(null);
      pieces.add(
          new GridPiece(
              GridSpec.cellId(region.id(), r.column(), r.row()),
              spec.ordinal(r.column(), r.row()),
              r.column(),
              r.row(),
              r.district().code(),
              r.district().name(),
              zone,
              r.piece().getArea(),
              centroid.getX(),
              centroid.getY(),
              wkt.write(lonLat),
              polygonJson(lonLat)));
    }
    pieces.sort(
        Comparator.comparingInt(GridPiece::ordinal).thenComparing(GridPiece::districtCode));
    return new AnalysisGrid(spec, pieces, areas);
  }

  /** The polygonal part of an intersection (lines and points where boundaries touch are dropped). */
  private static Geometry polygonal(Geometry geometry, GeometryFactory factory) {
    if (geometry instanceof Polygon || geometry instanceof org.locationtech.jts.geom.MultiPolygon) {
      return geometry;
    }
    List<Polygon> polygons = new ArrayList<>();
    for (int i = 0; i < geometry.getNumGeometries(); i++) {
      Geometry part = geometry.getGeometryN(i);
      if (part instanceof Polygon p) {
        polygons.add(p);
      } else if (part.getNumGeometries() > 1 || part instanceof org.locationtech.jts.geom.MultiPolygon) {
        Geometry nested = polygonal(part, factory);
        for (int j = 0; j < nested.getNumGeometries(); j++) {
          if (nested.getGeometryN(j) instanceof Polygon p) {
            polygons.add(p);
          }
        }
      }
    }
    if (polygons.size() == 1) {
      return polygons.get(0);
    }
    return factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
  }

  /** The outer ring of the largest polygon as {@code [[lon,lat],...]}, closed, at 1e-7°. */
  static String polygonJson(Geometry lonLat) {
    return polygonJson(lonLat, 7);
  }

  /** The outer ring of the largest polygon as {@code [[lon,lat],...]}, closed, at {@code decimals} places. */
  static String polygonJson(Geometry lonLat, int decimals) {
    Polygon largest = null;
    for (int i = 0; i < lonLat.getNumGeometries(); i++) {
      if (lonLat.getGeometryN(i) instanceof Polygon p
          && (largest == null || p.getArea() > largest.getArea())) {
        largest = p;
      }
    }
    if (largest == null) {
      return "[]";
    }
    StringBuilder json = new StringBuilder("[");
    Coordinate[] ring = largest.getExteriorRing().getCoordinates();
    for (int i = 0; i < ring.length; i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append('[')
          .append(coordinate(ring[i].x, decimals))
          .append(',')
          .append(coordinate(ring[i].y, decimals))
          .append(']');
    }
    return json.append(']').toString();
  }

  private static String coordinate(double value, int decimals) {
    return new java.math.BigDecimal(String.format(Locale.ROOT, "%." + decimals + "f", value))
        .stripTrailingZeros()
        .toPlainString();
  }
}
