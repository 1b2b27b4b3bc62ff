package org.liangshan.geo.model;

import java.util.Optional;
import org.liangshan.core.method.VegetationClass;

/**
 * The land-cover legend of the {@code landcover} rasters (docs/landing-formats.md): each code, its
 * column name in {@code gold.landcover_fractions}, and the CASA vegetation class it maps to. Water,
 * aquaculture ponds, built-up and bare land are not vegetated: CASA gives them no NPP (and no soil
 * respiration).
 */
public enum LandCover {
  CROP(10, VegetationClass.CROP),
  ENF(21, VegetationClass.ENF),
  EBF(22, VegetationClass.EBF),
  DNF(23, VegetationClass.DNF),
  DBF(24, VegetationClass.DBF),
  MF(25, VegetationClass.MF),
  SHRUB(30, VegetationClass.SHRUB),
  GRASS(40, VegetationClass.GRASS),
  WETLAND(50, VegetationClass.WETLAND),
  /**
   * Aquaculture ponds (养殖坑塘, 1104A of the third national land survey; pond water surface in the water
   * category of GB/T 21010-2017): dug, fed and drained for a harvest, so none of a natural wetland's credits
   * (flood storage, pollutant removal, carbon fixation); their water surface evaporates as open water's does.
   * docs/methods/land-cover.md.
   */
  AQUACULTURE(52, null),
  WATER(60, null),
  BUILT_UP(80, null),
  BARE(90, null);

  private static final LandCover[] BY_CODE = new LandCover[256];

  static {
    for (LandCover value : values()) {
      BY_CODE[value.code] = value;
    }
  }

  private final int code;
  private final VegetationClass vegetationClass;

  LandCover(int code, VegetationClass vegetationClass) {
    this.code = code;
    this.vegetationClass = vegetationClass;
  }

  public int code() {
    return code;
  }

  /** The CASA class, empty for water, built-up and bare land. */
  public Optional<VegetationClass> vegetationClass() {
    return Optional.ofNullable(vegetationClass);
  }

  public boolean vegetated() {
    return vegetationClass != null;
  }

  /** Whether the class is a water surface that evaporates: open water and aquaculture ponds. */
  public boolean waterSurface() {
    return this == WATER || this == AQUACULTURE;
  }

  /** The column name of the class's fraction, e.g. {@code built_up_fraction}. */
  public String fractionColumn() {
    return name().toLowerCase(java.util.Locale.ROOT) + "_fraction";
  }

  /** The class of a pixel value, empty for a value outside the legend. */
  public static Optional<LandCover> fromCode(double value) {
    if (!(value >= 0 && value < BY_CODE.length) || value != Math.rint(value)) {
      return Optional.empty();
    }
    return Optional.ofNullable(BY_CODE[(int) value]);
  }

  /** The class of a vegetation class. */
  public static LandCover of(VegetationClass vegetationClass) {
    for (LandCover value : values()) {
      if (value.vegetationClass == vegetationClass) {
        return value;
      }
    }
    throw new IllegalArgumentException("No land-cover class for " + vegetationClass);
  }
}
