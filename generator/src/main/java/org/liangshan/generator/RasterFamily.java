package org.liangshan.generator;

import java.util.Arrays;
import java.util.List;

/**
 * {@code rasters/<product>/...}: monthly NDVI, temperature, precipitation, radiation, ET and PET; annual land
 * cover; static DEM. Cells outside the region are nodata.
 */
final class RasterFamily {
  static final List<String> MONTHLY = List.of("ndvi", "temperature", "precipitation", "radiation", "et", "pet");

  private RasterFamily() {}

  static void generate(Context context) {
    Grid grid = context.grid();
    Landscape landscape = context.landscape();
    Weather weather = context.weather();
    Vegetation vegetation = context.vegetation();
    int years = context.request().years();
    int months = context.monthsPerYear();
    int n = grid.size();

    Output.Family dem = context.output().family("rasters/dem", 1);
    float[] demValues = new float[n];
    for (int i = 0; i < n; i++) {
      demValues[i] = grid.inside(i) ? Math.round(landscape.dem[i] * 10f) / 10f : GeoTiffs.FLOAT_NODATA;
    }
    var demPath = dem.path("rasters/dem/dem.tif");
    GeoTiffs.writeFloat(demPath, grid, "dem", demValues);
    long inside = grid.insideCount();
    dem.completed(demPath, inside);

    Output.Family cover = context.output().family("rasters/landcover", years);
    Output.Family[] monthly = new Output.Family[MONTHLY.size()];
    for (int p = 0; p < monthly.length; p++) {
      monthly[p] = context.output().family("rasters/" + MONTHLY.get(p), years * months);
    }
    float[][] values = new float[MONTHLY.size()][n];
    double[][] patterns = new double[n][];
    double[] vigour = new double[n];
    for (int i = 0; i < n; i++) {
      if (grid.inside(i)) {
        double lon = grid.lon(i % grid.width);
        double lat = grid.lat(i / grid.width);
        patterns[i] = weather.pattern(lon, lat);
        vigour[i] = vegetation.vigour(lon, lat);
      }
    }
    double[] climate = new double[3];
    for (int year = context.request().firstYear(); year <= context.request().lastYear(); year++) {
      byte[] landCover = context.landCover(year);
      var coverPath = cover.path("rasters/landcover/landcover_" + year + ".tif");
      GeoTiffs.writeByte(coverPath, grid, "landcover", landCover);
      cover.completed(coverPath, inside);
      for (int month = 1; month <= months; month++) {
        double[] anomaly = weather.anomaly(year, month);
        double yearEffect = vegetation.yearEffect(year, month);
        int days = Weather.days(year, month);
        for (float[] v : values) {
          Arrays.fill(v, GeoTiffs.FLOAT_NODATA);
        }
        for (int i = 0; i < n; i++) {
          {
            if (!grid.inside(i)) {
              continue;
            }
            int lc = landCover[i] & 0xFF;
            double ndvi = vegetation.ndvi(lc, month, vigour[i], i, yearEffect);
            weather.month(patterns[i], landscape.dem[i], month, anomaly, climate);
            double t = climate[0];
            double p = climate[1];
            double r = climate[2];
            double pet = Weather.pet(t, r, days);
            double et = Weather.et(pet, p, ndvi, lc);
            values[0][i] = round(ndvi, 1e4);
            values[1][i] = round(t, 100);
            values[2][i] = round(p, 10);
            values[3][i] = round(r, 10);
            values[4][i] = round(et, 10);
            values[5][i] = round(pet, 10);
          }
        }
        for (int p = 0; p < monthly.length; p++) {
          String product = MONTHLY.get(p);
          var path = monthly[p].path(String.format("rasters/%s/%s_%d%02d.tif", product, product, year, month));
          GeoTiffs.writeFloat(path, grid, product, values[p]);
          monthly[p].completed(path, inside);
        }
      }
    }
  }

  private static float round(double value, double factor) {
    return (float) (Math.round(value * factor) / factor);
  }
}
