package org.liangshan.geo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.media.jai.RasterFactory;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.coverage.grid.GridCoverageFactory;
import org.geotools.gce.geotiff.GeoTiffWriter;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.liangshan.core.region.District;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.WaterFunctionZone;
import org.liangshan.geo.model.Projections;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** Tiny synthetic regions and GeoTIFFs whose statistics are known by construction. */
public final class Fixtures {
  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  private Fixtures() {}

  /** A lon/lat rectangle. */
  public static Geometry box(double minLon, double minLat, double maxLon, double maxLat) {
    return GEOMETRY.toGeometry(new Envelope(minLon, maxLon, minLat, maxLat));
  }

  public static District district(String code, String name, Geometry boundary) {
    return new District(code, name, name, boundary);
  }

  public static WaterFunctionZone zone(String id, double minLon, double minLat, double maxLon, double maxLat) {
    return new WaterFunctionZone(id, id, id, WaterFunctionZone.WaterBody.LAKE, 2,
        new Envelope(minLon, maxLon, minLat, maxLat), 1e6, 2, 1, 0, 0);
  }

  /** A region of the given districts and zones, metric CRS EPSG:32650, 1 km cells. */
  public static Region region(String id, List<District> districts, List<WaterFunctionZone> zones) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    return new Region(id, id, id, "test", "EPSG:4326", "EPSG:32650", 1000, json.objectNode(),
        "test-" + id, json.objectNode(), districts, List.of(), zones, List.of(), List.of(), List.of());
  }

  /**
   * Writes a single-band float GeoTIFF: {@code rows[0]} is the northernmost row, {@code rows[r][c]}
   * the pixel in column c; the bounds are in {@code crs} (easting/longitude first).
   */
  public static Path geoTiff(Path file, String crs, double minX, double minY, double maxX, double maxY, double[][] rows) {
    int height = rows.length;
    int width = rows[0].length;
    WritableRaster raster = RasterFactory.createBandedRaster(DataBuffer.TYPE_FLOAT, width, height, 1, null);
    for (int r = 0; r < height; r++) {
      for (int c = 0; c < width; c++) {
        raster.setSample(c, r, 0, rows[r][c]);
      }
    }
    ReferencedEnvelope envelope = new ReferencedEnvelope(minX, maxX, minY, maxY, Projections.crs(crs));
    GridCoverage2D coverage = new GridCoverageFactory().create(file.getFileName().toString(), raster, envelope);
    GeoTiffWriter writer = null;
    try {
      writer = new GeoTiffWriter(file.toFile());
      writer.write(coverage, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (writer != null) {
        writer.dispose();
      }
      coverage.dispose(true);
    }
    return file;
  }

  /** A raster of one value everywhere. */
  public static double[][] constant(int width, int height, double value) {
    double[][] rows = new double[height][width];
    for (double[] row : rows) {
      java.util.Arrays.fill(row, value);
    }
    return rows;
  }
}
