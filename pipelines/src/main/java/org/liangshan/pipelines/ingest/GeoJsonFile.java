package org.liangshan.pipelines.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.liangshan.pipelines.source.LandingSpec;

/**
 * A GeoJSON FeatureCollection seen as records: one per feature (its number is the "line"), the properties
 * as columns and the geometry as a last column holding its JSON. Coordinates must be WGS 84 lon/lat
 * (RFC 7946); a legacy {@code crs} member naming anything else refuses the file.
 */
record GeoJsonFile(List<String> headers, List<CsvFile.Record> records) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> WGS84 = Set.of("urn:ogc:def:crs:ogc:1.3:crs84", "epsg:4326", "urn:ogc:def:crs:epsg::4326");

  /**
   * Reads a FeatureCollection whole (a tree), so its size is bounded first by the policy's geojson-max-bytes.
   *
   * @throws FileRejected when it is too large, not JSON, not a FeatureCollection or not in WGS 84
   */
  static GeoJsonFile read(Path file, String name, LandingSpec.Policy policy) throws FileRejected {
    JsonNode root;
    try {
      long size = java.nio.file.Files.size(file);
      if (size > policy.geojsonMaxBytes()) {
        throw new FileRejected(name, "is " + size + " bytes, more than the " + policy.geojsonMaxBytes()
            + " a GeoJSON delivery may have (policy geojson-max-bytes); split the layer into several files");
      }
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new FileRejected(name, "is not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
    if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
      throw new FileRejected(name, "is not a GeoJSON FeatureCollection");
    }
    String crs = root.path("crs").path("properties").path("name").asText("");
    if (!crs.isEmpty() && !WGS84.contains(crs.toLowerCase(Locale.ROOT))) {
      throw new FileRejected(name, "declares CRS " + crs + "; deliver GeoJSON in WGS 84 longitude/latitude (RFC 7946)");
    }
    Set<String> properties = new LinkedHashSet<>();
    for (JsonNode feature : root.path("features")) {
      feature.path("properties").fieldNames().forEachRemaining(properties::add);
    }
    List<String> headers = new ArrayList<>(properties);
    headers.add("geometry");
    List<CsvFile.Record> records = new ArrayList<>();
    long number = 0;
    for (JsonNode feature : root.path("features")) {
      number++;
      List<String> values = new ArrayList<>();
      for (String property : properties) {
        JsonNode value = feature.path("properties").get(property);
        values.add(value == null || value.isNull() ? "" : value.isTextual() ? value.asText() : value.toString());
      }
      JsonNode geometry = feature.get("geometry");
      values.add(geometry == null || geometry.isNull() ? "" : geometry.toString());
      records.add(new CsvFile.Record(number, feature.toString(), values));
    }
    return new GeoJsonFile(List.copyOf(headers), records);
  }

  Iterator<CsvFile.Record> iterator() {
    return records.iterator();
  }
}
