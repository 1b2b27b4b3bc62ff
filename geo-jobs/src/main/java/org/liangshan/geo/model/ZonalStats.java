package org.liangshan.geo.model;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Zonal statistics of one raster over a grid's cells, by cell ordinal: pixels centred in the cell,
 * valid pixels, and the mean (continuous) or class fractions (land cover). Serializable, so Spark
 * tasks can return it.
 */
public final class ZonalStats implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int CLASSES = LandCover.values().length;

  private final ZonalAccumulator.Kind kind;
  private final long[] pixels;
  private final long[] valid;
  private final double[] sum;
  private final long[] classCounts;

  ZonalStats(
      ZonalAccumulator.Kind kind, long[] pixels, long[] valid, double[] sum, long[] classCounts) {
    this.kind = requireNonNull(kind, "kind is null");
    this.pixels = pixels;
    this.valid = valid;
    this.sum = sum;
    this.classCounts = classCounts;
  }

  public ZonalAccumulator.Kind kind() {
    return kind;
  }

  public int cellCount() {
    return pixels.length;
  }

  /** Pixels whose centre falls in the cell, valid or not. */
  public long pixels(int ordinal) {
    return pixels[ordinal];
  }

  public long validPixels(int ordinal) {
    return valid[ordinal];
  }

  /** Valid pixels ÷ pixels centred in the cell; 0 when no pixel is centred in it. */
  public double coverage(int ordinal) {
    return pixels[ordinal] == 0 ? 0 : (double) valid[ordinal] / pixels[ordinal];
  }

  /** Mean of the valid pixels, empty when there is none (continuous rasters). */
  public OptionalDouble mean(int ordinal) {
    requireKind(ZonalAccumulator.Kind.CONTINUOUS);
    return valid[ordinal] == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of(sum[ordinal] / valid[ordinal]);
  }

  /** Sum of the valid pixels (continuous rasters). */
  public double sum(int ordinal) {
    requireKind(ZonalAccumulator.Kind.CONTINUOUS);
    return sum[ordinal];
  }

  public long classCount(int ordinal, LandCover landCover) {
    requireKind(ZonalAccumulator.Kind.CATEGORICAL);
    return classCounts[ordinal * CLASSES + landCover.ordinal()];
  }

  /** Each class's share of the cell's valid pixels (all 0 when none is valid). */
  public Map<LandCover, Double> fractions(int ordinal) {
    requireKind(ZonalAccumulator.Kind.CATEGORICAL);
    Map<LandCover, Double> fractions = new EnumMap<>(LandCover.class);
    for (LandCover landCover : LandCover.values()) {
      long count = classCounts[ordinal * CLASSES + landCover.ordinal()];
      fractions.put(landCover, valid[ordinal] == 0 ? 0.0 : (double) count / valid[ordinal]);
    }
    return fractions;
  }

  private void requireKind(ZonalAccumulator.Kind expected) {
    if (kind != expected) {
      throw new IllegalStateException("Statistics are " + kind + ", not " + expected);
    }
  }
}
