package org.liangshan.generator;

import java.util.List;
import org.liangshan.core.region.District;
import org.liangshan.core.region.Region;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The raster grid over a region: EPSG:4326, square pixels of {@code 0.005° / sqrt(scale)}, covering the
 * region's envelope, row 0 at the north. A cell is inside the region when its centre is; cells outside
 * carry nodata. Cell areas are spherical ({@code R²·Δλ·(sin φ_north − sin φ_south)}, R = 6371.0088 km).
 */
final class Grid {
  /** Pixel size at scale 1, degrees (about 500 m). */
  static final double BASE_PIXEL_DEG = 0.005;

  private static final double EARTH_RADIUS_KM = 6371.0088;

  final double pixel;
  final int width;
  final int height;
  final double west;
  final double north;
  /** Index of the district containing the cell centre, -1 outside the region. Row-major. */
  final int[] district;
  /** Cell area in km² per row. */
  final double[] rowAreaKm2;

  Grid(Region region, int scale) {
    this(region, BASE_PIXEL_DEG / Math.sqrt(scale));
  }

  /** A grid of square pixels of {@code pixelDeg} degrees (same snapped corner as every scale). */
  Grid(Region region, double pixelDeg) {
    if (!(pixelDeg > 0)) {
      throw new IllegalArgumentException("pixel size must be positive: " + pixelDeg);
    }
    Envelope envelope = region.envelope();
    pixel = pixelDeg;
    // Snap the origin outward to a multiple of the base pixel so that every scale shares the same corner.
    west = Math.floor(envelope.getMinX() / BASE_PIXEL_DEG) * BASE_PIXEL_DEG;
    north = Math.ceil(envelope.getMaxY() / BASE_PIXEL_DEG) * BASE_PIXEL_DEG;
    width = (int) Math.ceil((envelope.getMaxX() - west) / pixel - 1e-9);
    height = (int) Math.ceil((north - envelope.getMinY()) / pixel - 1e-9);
    rowAreaKm2 = new double[height];
    double dLambda = Math.toRadians(pixel);
    for (int row = 0; row < height; row++) {
      double top = Math.toRadians(north - row * pixel);
      double bottom = Math.toRadians(north - (row + 1) * pixel);
      rowAreaKm2[row] = EARTH_RADIUS_KM * EARTH_RADIUS_KM * dLambda * (Math.sin(top) - Math.sin(bottom));
    }
    district = new int[width * height];
    java.util.Arrays.fill(district, -1);
    List<District> districts = region.districts();
    GeometryFactory factory = new GeometryFactory();
    for (int d = 0; d < districts.size(); d++) {
      PreparedGeometry prepared = PreparedGeometryFactory.prepare(districts.get(d).boundary());
      Envelope box = districts.get(d).boundary().getEnvelopeInternal();
      int rowStart = Math.max(0, (int) Math.floor((north - box.getMaxY()) / pixel));
      int rowEnd = Math.min(height - 1, (int) Math.ceil((north - box.getMinY()) / pixel));
      int colStart = Math.max(0, (int) Math.floor((box.getMinX() - west) / pixel));
      int colEnd = Math.min(width - 1, (int) Math.ceil((box.getMaxX() - west) / pixel));
      for (int row = rowStart; row <= rowEnd; row++) {
        for (int col = colStart; col <= colEnd; col++) {
          int index = row * width + col;
          if (district[index] >= 0) {
            continue;
          }
          Point centre = factory.createPoint(new Coordinate(lon(col), lat(row)));
          if (prepared.contains(centre)) {
            district[index] = d;
          }
        }
      }
    }
  }

  double lon(int col) {
    return west + (col + 0.5) * pixel;
  }

  double lat(int row) {
    return north - (row + 0.5) * pixel;
  }

  double east() {
    return west + width * pixel;
  }

  double south() {
    return north - height * pixel;
  }

  int size() {
    return width * height;
  }

  boolean inside(int index) {
    return district[index] >= 0;
  }

  double areaKm2(int index) {
    return rowAreaKm2[index / width];
  }

  /** The cell index containing a point, or -1 outside the grid. */
  int indexOf(double lon, double lat) {
    int col = (int) Math.floor((lon - west) / pixel);
    int row = (int) Math.floor((north - lat) / pixel);
    if (col < 0 || row < 0 || col >= width || row >= height) {
      return -1;
    }
    return row * width + col;
  }

  long insideCount() {
    long count = 0;
    for (int d : district) {
      if (d >= 0) {
        count++;
      }
    }
    return count;
  }
}
