package org.liangshan.core.region;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/** Reads GeoJSON Polygon and MultiPolygon geometries (lon/lat, EPSG:4326) into JTS. */
public final class GeoJson {
  /** SRID 4326 on every geometry built here. */
  public static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

  private GeoJson() {}

  /** Like {@link #geometry} but without repair: the caller validates. */
  public static Geometry strictGeometry(JsonNode geometry, String where) {
    return build(geometry, where);
  }

  /** Reads a geometry, repairing self-touching rings of traced boundaries with {@code buffer(0)}. */
  public static Geometry geometry(JsonNode geometry, String where) {
    Geometry result = build(geometry, where);
    if (!result.isValid()) {
      // Boundaries traced from web maps often self-touch; buffer(0) is the standard repair.
      result = result.buffer(0);
    }
    if (result.isEmpty()) {
      throw new IllegalArgumentException(where + ": geometry is empty");
    }
    return result;
  }

  private static Geometry build(JsonNode geometry, String where) {
    String type = geometry.path("type").asText();
    JsonNode coordinates = geometry.path("coordinates");
    Geometry result;
    switch (type) {
      case "Polygon" -> result = polygon(coordinates, where);
      case "MultiPolygon" -> {
        List<Polygon> parts = new ArrayList<>();
        for (JsonNode part : coordinates) {
          parts.add(polygon(part, where));
        }
        result = WGS84.createMultiPolygon(parts.toArray(Polygon[]::new));
      }
      default -> throw new IllegalArgumentException(
          where + ": unsupported geometry type '" + type + "' (expected Polygon or MultiPolygon)");
    }
    return result;
  }

  private static Polygon polygon(JsonNode rings, String where) {
    if (rings.size() == 0) {
      throw new IllegalArgumentException(where + ": polygon has no rings");
    }
    LinearRing shell = ring(rings.get(0), where);
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = ring(rings.get(i), where);
    }
    return WGS84.createPolygon(shell, holes);
  }

  private static LinearRing ring(JsonNode ring, String where) {
    List<Coordinate> coordinates = new ArrayList<>(ring.size() + 1);
    Coordinate previous = null;
    for (JsonNode point : ring) {
      Coordinate c = new Coordinate(point.get(0).asDouble(), point.get(1).asDouble());
      if (previous == null || !previous.equals2D(c)) {
        coordinates.add(c);
      }
      previous = c;
    }
    if (!coordinates.get(0).equals2D(coordinates.get(coordinates.size() - 1))) {
      coordinates.add(new Coordinate(coordinates.get(0)));
    }
    if (coordinates.size() < 4) {
      throw new IllegalArgumentException(where + ": ring has fewer than 4 distinct points");
    }
    return WGS84.createLinearRing(coordinates.toArray(Coordinate[]::new));
  }
}
