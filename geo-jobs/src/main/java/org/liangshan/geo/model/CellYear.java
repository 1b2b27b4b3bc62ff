package org.liangshan.geo.model;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.liangshan.core.method.VegetationClass;

/**
 * What the accounting knows about one grid cell in one year: the cell means of each monthly product
 * (index 0 = January; NaN where the month's scene is missing or no valid pixel fell in the cell) and
 * the land-cover class fractions (empty when no land-cover pixel fell in the cell), and the mean
 * RUSLE LS factor of the cell's DEM pixels ({@link Terrain}; NaN without a DEM).
 */
public record CellYear(
    int ordinal,
    double[] ndvi,
    double[] temperatureC,
    double[] precipMm,
    double[] radiationMjM2,
    double[] etMm,
    double[] petMm,
    Optional<Map<LandCover, Double>> landCover,
    double lsFactor) {

  /** A cell year without terrain (LS unknown). */
  public CellYear(
      int ordinal,
      double[] ndvi,
      double[] temperatureC,
      double[] precipMm,
      double[] radiationMjM2,
      double[] etMm,
      double[] petMm,
      Optional<Map<LandCover, Double>> landCover) {
    this(ordinal, ndvi, temperatureC, precipMm, radiationMjM2, etMm, petMm, landCover, Double.NaN);
  }

  public CellYear {
    for (double[] months : new double[][] {ndvi, temperatureC, precipMm, radiationMjM2, etMm, petMm}) {
      requireNonNull(months, "monthly values are null");
      if (months.length != 12) {
        throw new IllegalArgumentException("Invalid monthly series (need 12 values): " + months.length);
      }
    }
    requireNonNull(landCover, "landCover is null");
    landCover = landCover.map(f -> Collections.unmodifiableMap(new EnumMap<>(f)));
  }

  /** A cell with no data at all: every month NaN, land cover unknown. */
  public static CellYear empty(int ordinal) {
    return new CellYear(
        ordinal, nan(), nan(), nan(), nan(), nan(), nan(), Optional.empty(), Double.NaN);
  }

  static double[] nan() {
    double[] months = new double[12];
    Arrays.fill(months, Double.NaN);
    return months;
  }

  /** The monthly series of a product (not land cover). */
  public double[] monthly(Product product) {
    return switch (product) {
      case NDVI -> ndvi;
      case TEMPERATURE -> temperatureC;
      case PRECIPITATION -> precipMm;
      case RADIATION -> radiationMjM2;
      case ET -> etMm;
      case PET -> petMm;
      case LANDCOVER, DEM -> throw new IllegalArgumentException(product.id() + " is not monthly");
    };
  }

  public double fraction(LandCover landCover) {
    return this.landCover.map(f -> f.getOrDefault(landCover, 0.0)).orElse(0.0);
  }

  /** Share of the cell's classified pixels that are vegetated (0 when land cover is unknown). */
  public double vegetatedFraction() {
    double total = 0;
    for (LandCover value : LandCover.values()) {
      if (value.vegetated()) {
        total += fraction(value);
      }
    }
    return total;
  }

  /** The vegetated class with the largest fraction (legend order breaks ties), if any. */
  public Optional<VegetationClass> dominantVegetation() {
    LandCover best = null;
    for (LandCover value : LandCover.values()) {
      if (value.vegetated() && fraction(value) > 0 && (best == null || fraction(value) > fraction(best))) {
        best = value;
      }
    }
    return best == null ? Optional.empty() : best.vegetationClass();
  }
}
