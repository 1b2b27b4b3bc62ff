package org.liangshan.generator;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.region.District;
import org.liangshan.core.region.WaterFunctionZone;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * {@code vectors/districts.geojson} and {@code vectors/water_function_zones.geojson} (each zone's bounds
 * intersected with the region's boundary), RFC 7946 without a {@code crs} member.
 */
final class VectorFamily {
  private VectorFamily() {}

  static void generate(Context context) {
    Output.Family family = context.output().family("vectors", 3);
    List<String> districts = new ArrayList<>();
    for (District district : context.region().districts()) {
      districts.add(
          feature(
              "{\"code\":" + quote(district.code()) + ",\"name\":" + quote(district.name()) + ",\"name_en\":"
                  + quote(district.nameEn()) + "}",
              district.boundary()));
    }
    write(family, "vectors/districts.geojson", districts);
    Geometry boundary = context.region().boundary();
    List<String> zones = new ArrayList<>();
    java.util.Map<String, Integer> fields = new java.util.LinkedHashMap<>();
    fields.put("ZONE_ID", 20);
    fields.put("NAME", 60);
    fields.put("NAME_EN", 80);
    ShapefileWriter shapefile = new ShapefileWriter("water_function_zones_utm", fields,
        UTM_50N_PRJ, java.nio.charset.Charset.forName("GBK"), "GBK", context.request().firstYear());
    for (WaterFunctionZone zone : context.region().zones()) {
      Geometry area = boundary.intersection(boundary.getFactory().toGeometry(zone.bounds()));
      List<Polygon> parts = new ArrayList<>();
      for (int i = 0; i < area.getNumGeometries(); i++) {
        if (area.getGeometryN(i) instanceof Polygon polygon && !polygon.isEmpty()) {
          parts.add(polygon);
        }
      }
      if (parts.isEmpty()) {
        continue;
      }
      Geometry geometry =
          parts.size() == 1 ? parts.get(0) : boundary.getFactory().createMultiPolygon(parts.toArray(Polygon[]::new));
      zones.add(
          feature(
              "{\"zone_id\":" + quote(zone.id()) + ",\"name\":" + quote(zone.name()) + ",\"name_en\":"
                  + quote(zone.nameEn()) + ",\"target_class\":" + zone.targetClass() + ",\"water_body\":"
                  + quote(zone.waterBody().name().toLowerCase(java.util.Locale.ROOT)) + "}",
              geometry));
      shapefile.add(List.of(zone.id(), zone.name(), zone.nameEn()), toUtm50n(geometry));
    }
    write(family, "vectors/water_function_zones.geojson", zones);
    // The same zones as the surveying bureau delivers them: a zipped Shapefile in UTM zone 50N with GBK
    // attribute text, so ingestion's Shapefile path (CRS from .prj, reprojection, code page) runs end to end.
    Path zip = family.path("vectors/water_function_zones_utm.zip");
    try {
      shapefile.writeZip(zip);
    } catch (IOException e) {
      throw LiangshanException.failure(e, "Cannot write %s: %s", zip, e.getMessage());
    }
    family.completed(zip, zones.size());
  }

  /** The .prj ArcGIS writes for WGS 84 / UTM zone 50N (EPSG:32650), in ESRI's WKT dialect. */
  static final String UTM_50N_PRJ = "PROJCS[\"WGS_1984_UTM_Zone_50N\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\","
      + "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
      + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],"
      + "PARAMETER[\"Central_Meridian\",117.0],PARAMETER[\"Scale_Factor\",0.9996],PARAMETER[\"Latitude_Of_Origin\",0.0],"
      + "UNIT[\"Meter\",1.0]]";

  private static Geometry toUtm50n(Geometry lonLat) {
    try {
      org.geotools.api.referencing.operation.MathTransform transform = org.geotools.referencing.CRS.findMathTransform(
          org.geotools.referencing.CRS.decode("EPSG:4326", true), org.geotools.referencing.CRS.decode("EPSG:32650", true), true);
      return org.geotools.geometry.jts.JTS.transform(lonLat, transform);
    } catch (Exception e) {
      throw LiangshanException.failure(e, "Cannot project to UTM 50N: %s", e.getMessage());
    }
  }

  private static void write(Output.Family family, String relative, List<String> features) {
    Path path = family.path(relative);
    try (Writer writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
      writer.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
      for (int i = 0; i < features.size(); i++) {
        writer.write(features.get(i));
        writer.write(i + 1 < features.size() ? ",\n" : "\n");
      }
      writer.write("]}\n");
    } catch (IOException e) {
      throw LiangshanException.failure(e, "Cannot write %s: %s", path, e.getMessage());
    }
    family.completed(path, features.size());
  }

  private static String feature(String properties, Geometry geometry) {
    StringBuilder out = new StringBuilder();
    out.append("{\"type\":\"Feature\",\"properties\":").append(properties).append(",\"geometry\":");
    if (geometry instanceof Polygon polygon) {
      out.append("{\"type\":\"Polygon\",\"coordinates\":");
      polygon(out, polygon);
    } else {
      out.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
      for (int i = 0; i < geometry.getNumGeometries(); i++) {
        if (i > 0) {
          out.append(',');
        }
        polygon(out, (Polygon) geometry.getGeometryN(i));
      }
      out.append(']');
    }
    return out.append("}}").toString();
  }

  private static void polygon(StringBuilder out, Polygon polygon) {
    // RFC 7946: exterior rings counter-clockwise, holes clockwise.
    Polygon oriented = (Polygon) polygon.norm().reverse();
    out.append('[');
    ring(out, oriented.getExteriorRing().getCoordinates());
    for (int i = 0; i < oriented.getNumInteriorRing(); i++) {
      out.append(',');
      ring(out, oriented.getInteriorRingN(i).getCoordinates());
    }
    out.append(']');
  }

  private static void ring(StringBuilder out, org.locationtech.jts.geom.Coordinate[] coordinates) {
    out.append('[');
    for (int i = 0; i < coordinates.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append('[').append(coordinates[i].x).append(',').append(coordinates[i].y).append(']');
    }
    out.append(']');
  }

  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
