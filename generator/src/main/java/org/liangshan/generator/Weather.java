package org.liangshan.generator;

import java.util.SplittableRandom;
import org.liangshan.core.region.Region;

/**
 * The climate "truth" that the rasters and the weather stations both sample: monthly normals from the
 * {@link RegionProfile}, a smooth spatial pattern, a lapse rate with elevation, and one anomaly per year and
 * month shared by every cell and station (so a wet July is wet everywhere, in the rasters and the stations).
 */
final class Weather {
  private static final double LAPSE_C_PER_M = 0.0065;

  private final RegionProfile.Climate climate;
  private final SmoothField warm;
  private final SmoothField wet;
  private final SmoothField sunny;
  private final long seed;
  private final String regionId;

  Weather(Region region, RegionProfile profile, long seed) {
    this.climate = profile.climate();
    this.seed = seed;
    this.regionId = region.id();
    warm = new SmoothField(Seeds.rng(seed, region.id(), "weather", "warm"), 8, 0.2, 1.5);
    wet = new SmoothField(Seeds.rng(seed, region.id(), "weather", "wet"), 8, 0.15, 1.2);
    sunny = new SmoothField(Seeds.rng(seed, region.id(), "weather", "sunny"), 8, 0.2, 1.5);
  }

  static int days(int year, int month) {
    return java.time.YearMonth.of(year, month).lengthOfMonth();
  }

  /** Region-wide anomalies of a month: temperature (°C), precipitation factor, radiation factor. */
  double[] anomaly(int year, int month) {
    SplittableRandom random = Seeds.rng(seed, regionId, "weather", "anomaly", Integer.toString(year), Integer.toString(month));
    double temperature = 0.8 * Seeds.gaussian(random) + 0.03 * (year - 2020);
    double sigma = 0.38;
    double precipitation = Math.exp(sigma * Seeds.gaussian(random) - sigma * sigma / 2);
    double radiation = 1 + 0.05 * Seeds.gaussian(random) - 0.06 * (precipitation - 1);
    return new double[] {temperature, precipitation, Math.max(0.8, Math.min(1.15, radiation))};
  }

  /** Normal mean temperature of a month at a place, °C (without the month's anomaly). */
  double normalTemperature(double lon, double lat, double elevationM, double month) {
    return climate.tempMeanC()
        + climate.tempAmplitudeC() * Math.cos(2 * Math.PI * (month - 7.2) / 12)
        - LAPSE_C_PER_M * elevationM
        + 0.4 * warm.at(lon, lat);
  }

  double temperature(double lon, double lat, double elevationM, int year, int month, double[] anomaly) {
    return normalTemperature(lon, lat, elevationM, month) + anomaly[0];
  }

  /** The spatial patterns at a place: warm, wet, sunny (cached per raster cell). */
  double[] pattern(double lon, double lat) {
    return new double[] {warm.at(lon, lat), wet.at(lon, lat), sunny.at(lon, lat)};
  }

  /** Temperature, precipitation and radiation of a month at a place with a cached pattern. */
  void month(double[] pattern, double elevationM, int month, double[] anomaly, double[] out) {
    out[0] = climate.tempMeanC()
        + climate.tempAmplitudeC() * Math.cos(2 * Math.PI * (month - 7.2) / 12)
        - LAPSE_C_PER_M * elevationM
        + 0.4 * pattern[0]
        + anomaly[0];
    out[1] = climate.precipAnnualMm() * climate.precipFractions()[month - 1]
        * (1 + 0.12 * pattern[1]) * (1 + 0.0004 * elevationM) * anomaly[1];
    double season = (1 + Math.cos(2 * Math.PI * (month - climate.radiationPeakMonth()) / 12)) / 2;
    out[2] = (climate.radiationLowMj() + (climate.radiationHighMj() - climate.radiationLowMj()) * season)
        * (1 + 0.03 * pattern[2]) * anomaly[2];
  }

  /** Total precipitation of a month, mm. */
  double precipitation(double lon, double lat, double elevationM, int month, double[] anomaly) {
    double normal = climate.precipAnnualMm() * climate.precipFractions()[month - 1];
    return normal * (1 + 0.12 * wet.at(lon, lat)) * (1 + 0.0004 * elevationM) * anomaly[1];
  }

  /** Total solar radiation of a month, MJ/m². */
  double radiation(double lon, double lat, int month, double[] anomaly) {
    double season = (1 + Math.cos(2 * Math.PI * (month - climate.radiationPeakMonth()) / 12)) / 2;
    double normal = climate.radiationLowMj() + (climate.radiationHighMj() - climate.radiationLowMj()) * season;
    return normal * (1 + 0.03 * sunny.at(lon, lat)) * anomaly[2];
  }

  /** Potential evapotranspiration of a month, mm: Turc's formula from temperature and radiation. */
  static double pet(double temperatureC, double radiationMjMonth, int days) {
    double t = Math.max(temperatureC, 0.5);
    double perDay = 0.013 * t / (t + 15) * (radiationMjMonth / days * 23.885 + 50);
    return Math.max(0.3 * days * 0.1, perDay * days);
  }

  /**
   * Actual evapotranspiration of a month, mm: a Budyko-type supply–demand curve (Choudhury, n = 2) on the
   * vegetation-scaled demand, so that it stays below both PET and precipitation on land; open water
   * and aquaculture ponds evaporate at 95 % of PET.
   */
  static double et(double pet, double precipitation, double ndvi, int landCover) {
    if (landCover == Landscape.WATER || landCover == Landscape.AQUACULTURE) {
      return 0.95 * pet;
    }
    double kc = Math.min(0.95, 0.35 + 0.75 * Math.max(0, ndvi));
    if (landCover == Landscape.BUILT_UP || landCover == Landscape.BARE) {
      kc *= 0.5;
    }
    if (landCover == Landscape.WETLAND) {
      kc = Math.max(kc, 0.85);
    }
    double demand = kc * pet;
    double supply = precipitation;
    if (supply <= 0) {
      return 0;
    }
    return demand * supply / Math.sqrt(demand * demand + supply * supply);
  }

  RegionProfile.Climate climate() {
    return climate;
  }
}
