package org.liangshan.geo.model;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;

/**
 * The regular square grid of a region in its metric CRS: origin (lower-left corner, snapped to a
 * multiple of the resolution so the grid does not move when a boundary is edited), resolution, size,
 * and which cells touch the region. Cell (column, row) covers {@code [originX + column·res, originX +
 * (column+1)·res) × [originY + row·res, originY + (row+1)·res)}; row 0 is the southernmost. Cells
 * that touch the region are numbered 0..{@link #cellCount()}−1 in (row, column) order: the ordinal
 * that zonal statistics accumulate into.
 *
 * <p>Serializable: Spark tasks receive it to bin pixels by integer division.
 */
public final class GridSpec implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String regionId;
  private final String metricCrs;
  private final double originX;
  private final double originY;
  private final double resolutionM;
  private final int columns;
  private final int rows;
  /** Dense (row·columns + column) → ordinal, −1 for cells that do not touch the region. */
  private final int[] ordinals;
  /** Ordinal → row·columns + column. */
  private final int[] cells;

  public GridSpec(
      String regionId,
      String metricCrs,
      double originX,
      double originY,
      double resolutionM,
      int columns,
      int rows,
      int[] cellIndexes) {
    this.regionId = requireNonNull(regionId, "regionId is null");
    this.metricCrs = requireNonNull(metricCrs, "metricCrs is null");
    if (!(resolutionM > 0)) {
      throw new IllegalArgumentException("Invalid grid resolution (must be > 0): " + resolutionM);
    }
    if (columns <= 0 || rows <= 0) {
      throw new IllegalArgumentException(
          "Invalid grid size (must be positive): " + columns + " x " + rows);
    }
    this.originX = originX;
    this.originY = originY;
    this.resolutionM = resolutionM;
    this.columns = columns;
    this.rows = rows;
    this.cells = cellIndexes.clone();
    Arrays.sort(this.cells);
    this.ordinals = new int[Math.multiplyExact(columns, rows)];
    Arrays.fill(ordinals, -1);
    for (int i = 0; i < cells.length; i++) {
      if (cells[i] < 0 || cells[i] >= ordinals.length) {
        throw new IllegalArgumentException("Invalid cell index (outside the grid): " + cells[i]);
      }
      ordinals[cells[i]] = i;
    }
  }

  public String regionId() {
    return regionId;
  }

  public String metricCrs() {
    return metricCrs;
  }

  public double originX() {
    return originX;
  }

  public double originY() {
    return originY;
  }

  public double resolutionM() {
    return resolutionM;
  }

  public int columns() {
    return columns;
  }

  public int rows() {
    return rows;
  }

  /** Number of cells that touch the region. */
  public int cellCount() {
    return cells.length;
  }

  /**
   * The ordinal of the cell containing metric point (x, y), or −1 when the point is outside the grid
   * or in a cell that does not touch the region.
   */
  public int ordinalAt(double x, double y) {
    double fx = Math.floor((x - originX) / resolutionM);
    double fy = Math.floor((y - originY) / resolutionM);
    if (!(fx >= 0 && fx < columns && fy >= 0 && fy < rows)) {
      return -1;
    }
    return ordinals[(int) fy * columns + (int) fx];
  }

  /** The ordinal of cell (column, row), or −1. */
  public int ordinal(int column, int row) {
    if (column < 0 || column >= columns || row < 0 || row >= rows) {
      return -1;
    }
    return ordinals[row * columns + column];
  }

  public int column(int ordinal) {
    return cells[ordinal] % columns;
  }

  public int row(int ordinal) {
    return cells[ordinal] / columns;
  }

  /** {@code <region>-<column>-<row>}, e.g. {@code liyang-0012-0034}. */
  public String cellId(int ordinal) {
    return cellId(regionId, column(ordinal), row(ordinal));
  }

  public static String cellId(String regionId, int column, int row) {
    return String.format(Locale.ROOT, "%s-%04d-%04d", regionId, column, row);
  }
}
