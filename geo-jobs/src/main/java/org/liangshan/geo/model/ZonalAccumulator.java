package org.liangshan.geo.model;

import static java.util.Objects.requireNonNull;

import java.awt.Rectangle;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.util.Optional;
import java.util.function.DoublePredicate;
import org.geotools.api.referencing.operation.MathTransform2D;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.liangshan.core.LiangshanException;

/**
 * Zonal statistics by tile-then-aggregate: every pixel centre of a raster is transformed to the
 * grid's metric CRS and binned to its cell by integer division of (x − origin)/resolution (the grid
 * is regular), so a raster is read once whatever the number of cells (no per-polygon scan).
 *
 * <p>Per cell it accumulates the pixels centred in it, the valid ones (not nodata, not NaN, and for
 * inside the product's valid range, and for land cover a code of the legend) and either their sum ({@link Kind#CONTINUOUS}) or their count per
 * {@link LandCover} class ({@link Kind#CATEGORICAL}). A cell no valid pixel falls in has no mean and
 * coverage 0: nothing is invented. Pixels centred outside the region's cells are ignored. The mean is
 * the unweighted pixel mean (pixels of one raster have near-equal areas at cell scale).
 *
 * <p>Images are read tile by tile ({@link RenderedImage#getTile}), never copied whole. Accumulators
 * of the same grid and kind {@link #merge} (for scenes split across tasks).
 */
public final class ZonalAccumulator {
  /** Continuous values (means) or land-cover codes (class counts). */
  public enum Kind {
    CONTINUOUS,
    CATEGORICAL
  }

  private static final int CLASSES = LandCover.values().length;

  private final GridSpec grid;
  private final Kind kind;
  private final long[] pixels;
  private final long[] valid;
  private final double[] sum;
  private final long[] classCounts;
  private final DoublePredicate validValue;

  /** An accumulator for a product: its kind, and its valid range (values outside count as nodata). */
  public ZonalAccumulator(GridSpec grid, Product product) {
    this(grid, product.kind(), product::validValue);
  }

  public ZonalAccumulator(GridSpec grid, Kind kind) {
    this(grid, kind, value -> true);
  }

  private ZonalAccumulator(GridSpec grid, Kind kind, DoublePredicate validValue) {
    this.grid = requireNonNull(grid, "grid is null");
    this.kind = requireNonNull(kind, "kind is null");
    this.validValue = requireNonNull(validValue, "validValue is null");
    int n = grid.cellCount();
    this.pixels = new long[n];
    this.valid = new long[n];
    this.sum = kind == Kind.CONTINUOUS ? new double[n] : new double[0];
    this.classCounts = kind == Kind.CATEGORICAL ? new long[Math.multiplyExact(n, CLASSES)] : new long[0];
  }

  public Kind kind() {
    return kind;
  }

  /** Adds one pixel value at metric point (x, y); {@code nodata} may be null. */
  public void add(double x, double y, double value, Double nodata) {
    int ordinal = grid.ordinalAt(x, y);
    if (ordinal < 0) {
      return;
    }
    pixels[ordinal]++;
    if (Double.isNaN(value) || (nodata != null && value == nodata) || !validValue.test(value)) {
      return;
    }
    if (kind == Kind.CONTINUOUS) {
      valid[ordinal]++;
      sum[ordinal] += value;
    } else {
      Optional<LandCover> landCover = LandCover.fromCode(value);
      if (landCover.isPresent()) {
        valid[ordinal]++;
        classCounts[ordinal * CLASSES + landCover.get().ordinal()]++;
      }
    }
  }

  /** Adds every pixel of a raster, whatever its CRS. */
  public ZonalAccumulator add(GeoRaster raster) {
    requireNonNull(raster, "raster is null");
    MathTransform2D toCrs = raster.pixelCentreToCrs();
    MathTransform toMetric =
        Projections.transform(raster.crs(), Projections.crs(grid.metricCrs()));
    Double nodata = raster.nodata();
    RenderedImage image = raster.image();
    Rectangle bounds =
        new Rectangle(image.getMinX(), image.getMinY(), image.getWidth(), image.getHeight());
    for (int ty = image.getMinTileY(); ty < image.getMinTileY() + image.getNumYTiles(); ty++) {
      for (int tx = image.getMinTileX(); tx < image.getMinTileX() + image.getNumXTiles(); tx++) {
        Raster tile = image.getTile(tx, ty);
        Rectangle area = tile.getBounds().intersection(bounds);
        if (area.isEmpty()) {
          continue;
        }
        double[] xy = new double[area.width * 2];
        for (int y = area.y; y < area.y + area.height; y++) {
          for (int i = 0; i < area.width; i++) {
            xy[2 * i] = area.x + i;
            xy[2 * i + 1] = y;
          }
          try {
            toCrs.transform(xy, 0, xy, 0, area.width);
            toMetric.transform(xy, 0, xy, 0, area.width);
          } catch (TransformException e) {
            throw LiangshanException.failure(
                e, "Cannot transform raster pixels to %s: %s", grid.metricCrs(), e.getMessage());
          }
          for (int i = 0; i < area.width; i++) {
            add(xy[2 * i], xy[2 * i + 1], tile.getSampleDouble(area.x + i, y, 0), nodata);
          }
        }
      }
    }
    return this;
  }

  /** Adds another accumulator's counts (same grid and kind). */
  public ZonalAccumulator merge(ZonalAccumulator other) {
    if (other.grid != grid || other.kind != kind) {
      throw new IllegalArgumentException("Cannot merge accumulators of different grids or kinds");
    }
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] += other.pixels[i];
      valid[i] += other.valid[i];
    }
    for (int i = 0; i < sum.length; i++) {
      sum[i] += other.sum[i];
    }
    for (int i = 0; i < classCounts.length; i++) {
      classCounts[i] += other.classCounts[i];
    }
    return this;
  }

  /** The statistics, detached from the grid (serializable). */
  public ZonalStats result() {
    return new ZonalStats(kind, pixels.clone(), valid.clone(), sum.clone(), classCounts.clone());
  }
}
