package org.liangshan.geo.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The raster products the accounting reads ({@code silver.raster_scenes.product}), their unit, their
 * period, and the range a pixel must lie in to count as valid (outside it, like nodata, it is left
 * out of the statistics rather than trusted). Land cover and the DEM are not monthly.
 */
public enum Product {
  NDVI("NDVI", true, -1, 1),
  TEMPERATURE("°C", true, -80, 60),
  PRECIPITATION("mm", true, 0, Double.MAX_VALUE),
  RADIATION("MJ/m²", true, 0, Double.MAX_VALUE),
  ET("mm", true, 0, Double.MAX_VALUE),
  PET("mm", true, 0, Double.MAX_VALUE),
  LANDCOVER("class code", false, 0, 255),
  /** Static elevation, m; its zonal statistic is the mean RUSLE LS factor of the cell ({@link Terrain}). */
  DEM("m", false, -500, 9000);

  private final String unit;
  private final boolean monthly;
  private final double min;
  private final double max;

  Product(String unit, boolean monthly, double min, double max) {
    this.unit = unit;
    this.monthly = monthly;
    this.min = min;
    this.max = max;
  }

  /** The name in the scene catalog, e.g. {@code precipitation}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String unit() {
    return unit;
  }

  /** Monthly scenes ({@code yyyy-MM}); land cover is annual. */
  public boolean monthly() {
    return monthly;
  }

  public boolean validValue(double value) {
    return value >= min && value <= max;
  }

  public ZonalAccumulator.Kind kind() {
    return this == LANDCOVER ? ZonalAccumulator.Kind.CATEGORICAL : ZonalAccumulator.Kind.CONTINUOUS;
  }

  public static Optional<Product> fromId(String id) {
    for (Product product : values()) {
      if (product.id().equals(id)) {
        return Optional.of(product);
      }
    }
    return Optional.empty();
  }
}
