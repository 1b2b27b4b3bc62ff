package org.liangshan.generator;

import org.liangshan.core.region.Region;

/**
 * NDVI by land-cover class and month: seasonal curves peaking in July–August (double-cropping dips at the
 * June harvest), evergreen forest high all year, water slightly negative, built-up low, plus a smooth spatial
 * pattern, a small year effect and a per-cell jitter.
 */
final class Vegetation {
  private final RegionProfile profile;
  private final SmoothField vigour;
  private final long seed;
  private final String regionId;

  Vegetation(Region region, RegionProfile profile, long seed) {
    this.profile = profile;
    this.seed = seed;
    this.regionId = region.id();
    vigour = new SmoothField(Seeds.rng(seed, region.id(), "vegetation", "vigour"), 10, 0.02, 0.3);
  }

  /** 0 in mid-winter, 1 at the turn of July and August. */
  static double season(double month) {
    return (1 + Math.cos(2 * Math.PI * (month - 7.5) / 12)) / 2;
  }

  double yearEffect(int year, int month) {
    return 0.02 * Seeds.gaussian(Seeds.rng(seed, regionId, "vegetation", "year", Integer.toString(year), Integer.toString(month)));
  }

  double ndvi(int landCover, int month, double lon, double lat, int cell, double yearEffect) {
    return ndvi(landCover, month, vigour.at(lon, lat), cell, yearEffect);
  }

  double vigour(double lon, double lat) {
    return vigour.at(lon, lat);
  }

  /** NDVI with the cell's spatial vigour given (cached per raster cell). */
  double ndvi(int landCover, int month, double vigourAt, int cell, double yearEffect) {
    double s = season(month);
    double evergreenLow = profile.evergreenWinterNdvi();
    double value =
        switch (landCover) {
          case 10 -> profile.cropNdvi()[month - 1];
          case 21, 22 -> evergreenLow + (0.80 - evergreenLow) * s;
          case 23, 24 -> 0.22 + 0.58 * Math.pow(s, 0.8);
          case 25 -> (evergreenLow + 0.22) / 2 + (0.80 - (evergreenLow + 0.22) / 2) * s;
          case 30 -> 0.25 + 0.38 * s;
          case 40 -> 0.18 + 0.40 * s;
          case 50 -> 0.16 + 0.42 * s;
          case 52 -> -0.02 + 0.10 * s; // ponds: open water with some algae in summer (illustrative)
          case 60 -> -0.07 + 0.08 * s;
          case 80 -> 0.08 + 0.09 * s;
          case 90 -> 0.05 + 0.04 * s;
          default -> 0;
        };
    double jitter = ((Seeds.mix(cell * 0x9E3779B97F4A7C15L + month) >>> 11) * 0x1.0p-53 - 0.5) * 0.03;
    double spatial = landCover == 60 ? 0.015 * vigourAt : 0.04 * vigourAt;
    double yearly = landCover == 60 || landCover == 80 || landCover == 90 ? yearEffect / 3 : yearEffect;
    double result = value + spatial + yearly + jitter;
    if (landCover == 60) {
      result = Math.max(-0.099, Math.min(0.049, result));
    } else if (landCover == 80) {
      result = Math.max(0.051, Math.min(0.199, result));
    } else if (landCover >= 21 && landCover <= 25 && (month == 7 || month == 8)) {
      result = Math.max(0.601, Math.min(0.849, result));
    }
    return Math.max(-1, Math.min(1, result));
  }
}
