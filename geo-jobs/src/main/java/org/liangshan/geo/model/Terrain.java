package org.liangshan.geo.model;

import static java.util.Objects.requireNonNull;

import java.awt.Rectangle;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.MathTransform2D;
import org.geotools.api.referencing.operation.TransformException;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.method.Rusle;

/**
 * The RUSLE LS factor per grid cell from a DEM, in any CRS: per DEM pixel, the slope from the
 * elevation differences to its neighbours (central differences along the pixel rows and columns, or
 * one-sided at an edge or next to nodata) solved against the neighbours' positions in the grid's
 * metric CRS (so a lon/lat DEM gives slopes in metres per metre); the slope length λ is the pixel
 * size in metres (each pixel is its own slope segment; no flow accumulation); LS = {@link
 * Rusle#lengthSlope}. The cell's LS is the mean of its pixels' LS ({@link ZonalAccumulator},
 * continuous), so a cell is only as good as the DEM's resolution: at 1 km pixels slopes are much
 * flatter than at 30 m.
 *
 * <p>The image is read in strips of rows with a one-row halo, never whole.
 */
public final class Terrain {
  private static final int STRIP_ROWS = 64;

  private Terrain() {}

  public static ZonalStats lengthSlopeStats(GeoRaster dem, GridSpec grid) {
    requireNonNull(dem, "dem is null");
    requireNonNull(grid, "grid is null");
    MathTransform2D toCrs = dem.pixelCentreToCrs();
    MathTransform toMetric = Projections.transform(dem.crs(), Projections.crs(grid.metricCrs()));
    Double nodata = dem.nodata();
    RenderedImage image = dem.image();
    int minX = image.getMinX();
    int minY = image.getMinY();
    int width = image.getWidth();
    int height = image.getHeight();
    ZonalAccumulator accumulator = new ZonalAccumulator(grid, ZonalAccumulator.Kind.CONTINUOUS);
    for (int y0 = minY; y0 < minY + height; y0 += STRIP_ROWS) {
      int y1 = Math.min(y0 + STRIP_ROWS, minY + height);
      int top = Math.max(minY, y0 - 1);
      int bottom = Math.min(minY + height, y1 + 1);
      int rows = bottom - top;
      Raster data = image.getData(new Rectangle(minX, top, width, rows));
      double[] z = new double[width * rows];
      double[] xy = new double[width * rows * 2];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < width; c++) {
          int i = r * width + c;
          double value = data.getSampleDouble(minX + c, top + r, 0);
          boolean valid = !Double.isNaN(value) && (nodata == null || value != nodata)
              && Product.DEM.validValue(value);
          z[i] = valid ? value : Double.NaN;
          xy[2 * i] = minX + c;
          xy[2 * i + 1] = top + r;
        }
      }
      try {
        toCrs.transform(xy, 0, xy, 0, width * rows);
        toMetric.transform(xy, 0, xy, 0, width * rows);
      } catch (TransformException e) {
        throw LiangshanException.failure(
            e, "Cannot transform DEM pixels to %s: %s", grid.metricCrs(), e.getMessage());
      }
      for (int y = y0; y < y1; y++) {
        int r = y - top;
        for (int c = 0; c < width; c++) {
          int i = r * width + c;
          double ls = Double.NaN;
          if (!Double.isNaN(z[i])) {
            ls = pixelLengthSlope(z, xy, width, rows, c, r);
          }
          accumulator.add(xy[2 * i], xy[2 * i + 1], ls, null);
        }
      }
    }
    return accumulator.result();
  }

  /** LS of pixel (c, r) of a window, NaN when no neighbour in a direction has an elevation. */
  static double pixelLengthSlope(double[] z, double[] xy, int width, int rows, int c, int r) {
    int i = r * width + c;
    int[] u = pair(z, width, rows, c, r, 1, 0);
    int[] v = pair(z, width, rows, c, r, 0, 1);
    if (u == null || v == null) {
      return Double.NaN;
    }
    double ax = xy[2 * u[1]] - xy[2 * u[0]];
    double ay = xy[2 * u[1] + 1] - xy[2 * u[0] + 1];
    double du = z[u[1]] - z[u[0]];
    double bx = xy[2 * v[1]] - xy[2 * v[0]];
    double by = xy[2 * v[1] + 1] - xy[2 * v[0] + 1];
    double dv = z[v[1]] - z[v[0]];
    double det = ax * by - ay * bx;
    if (det == 0) {
      return Double.NaN;
    }
    // gradient g with a·g = du and b·g = dv
    double gx = (du * by - dv * ay) / det;
    double gy = (ax * dv - bx * du) / det;
    double slope = Math.atan(Math.hypot(gx, gy));
    int steps = Math.max(1, (u[1] % width) - (u[0] % width));
    int rowSteps = Math.max(1, (v[1] / width) - (v[0] / width));
    double lambda = (Math.hypot(ax, ay) / steps + Math.hypot(bx, by) / rowSteps) / 2;
    return Rusle.lengthSlope(lambda, slope);
  }

  /**
   * The two pixels to difference along a direction: both neighbours (central), else the pixel and
   * its valid neighbour (one-sided), else null.
   */
  private static int[] pair(double[] z, int width, int rows, int c, int r, int dc, int dr) {
    int i = r * width + c;
    int before = index(width, rows, c - dc, r - dr);
    int after = index(width, rows, c + dc, r + dr);
    boolean hasBefore = before >= 0 && !Double.isNaN(z[before]);
    boolean hasAfter = after >= 0 && !Double.isNaN(z[after]);
    if (hasBefore && hasAfter) {
      return new int[] {before, after};
    }
    if (hasAfter) {
      return new int[] {i, after};
    }
    if (hasBefore) {
      return new int[] {before, i};
    }
    return null;
  }

  private static int index(int width, int rows, int c, int r) {
    return c < 0 || c >= width || r < 0 || r >= rows ? -1 : r * width + c;
  }
}
