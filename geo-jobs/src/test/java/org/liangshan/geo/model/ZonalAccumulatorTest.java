package org.liangshan.geo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.geometry.jts.JTS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liangshan.geo.Fixtures;
import org.locationtech.jts.geom.Envelope;

/**
 * Known answers by construction: a 2 x 2 grid of 1 km cells (UTM 50N, origin 600000, 3470000) and
 * 4 x 4 rasters whose pixel centres fall 250 m from the cell edges, so each cell gets one 2 x 2 block.
 * Cell ordinals: 0 = south-west, 1 = south-east, 2 = north-west, 3 = north-east.
 */
class ZonalAccumulatorTest {
  private static final double X0 = 600_000;
  private static final double Y0 = 3_470_000;
  private static final GridSpec GRID =
      new GridSpec("t", "EPSG:32650", X0, Y0, 1000, 2, 2, new int[] {0, 1, 2, 3});

  /** North row first: NW block 1,2,5,6; NE 3,4,7,8; SW 9,10,13,14; SE 11,12,15,16. */
  private static final double[][] VALUES = {
    {1, 2, 3, 4},
    {5, 6, 7, 8},
    {9, 10, 11, 12},
    {13, 14, 15, 16},
  };

  @TempDir Path dir;

  @Test
  void metricRasterAlignedWithTheGrid() {
    // a 6 x 6 raster one pixel wider on every side: the outer ring falls outside the grid and is ignored
    double[][] padded = Fixtures.constant(6, 6, 1000);
    for (int r = 0; r < 4; r++) {
      System.arraycopy(VALUES[r], 0, padded[r + 1], 1, 4);
    }
    Path file = Fixtures.geoTiff(dir.resolve("utm.tif"), "EPSG:32650", X0 - 500, Y0 - 500, X0 + 2500, Y0 + 2500, padded);
    ZonalStats stats = accumulate(file, null);
    assertQuadrantMeans(stats);
  }

  @Test
  void lonLatRasterIsReprojectedToTheGrid() throws Exception {
    Path file = geoTiffOverGrid("EPSG:4326", VALUES);
    assertQuadrantMeans(accumulate(file, null));
  }

  @Test
  void webMercatorRasterIsReprojectedToTheGrid() throws Exception {
    Path file = geoTiffOverGrid("EPSG:3857", VALUES);
    assertQuadrantMeans(accumulate(file, null));
  }

  @Test
  void nodataPixelsAreLeftOutAndACellWithoutValidPixelsHasNoMean() {
    double[][] values = {
      {-9999, -9999, 3, 4},
      {-9999, -9999, 7, 8},
      {9, 10, 11, 12},
      {13, 14, 15, -9999},
    };
    Path file = Fixtures.geoTiff(dir.resolve("nodata.tif"), "EPSG:32650", X0, Y0, X0 + 2000, Y0 + 2000, values);
    ZonalStats stats = accumulate(file, -9999.0);
    assertThat(stats.mean(2)).isEmpty();
    assertThat(stats.coverage(2)).isZero();
    assertThat(stats.pixels(2)).isEqualTo(4);
    assertThat(stats.mean(1).getAsDouble()).isCloseTo((11 + 12 + 15) / 3.0, within(1e-12));
    assertThat(stats.coverage(1)).isEqualTo(0.75);
    assertThat(stats.mean(0).getAsDouble()).isCloseTo(11.5, within(1e-12));
  }

  @Test
  void valuesOutsideTheProductsRangeAreNotTrusted() {
    double[][] values = Fixtures.constant(4, 4, 0.5);
    values[0][0] = 7; // NDVI of 7 is not NDVI
    Path file = Fixtures.geoTiff(dir.resolve("ndvi.tif"), "EPSG:32650", X0, Y0, X0 + 2000, Y0 + 2000, values);
    try (GeoRaster raster = GeoRaster.readGeoTiff(file.toFile(), null)) {
      ZonalStats stats = new ZonalAccumulator(GRID, Product.NDVI).add(raster).result();
      assertThat(stats.mean(2).getAsDouble()).isEqualTo(0.5);
      assertThat(stats.validPixels(2)).isEqualTo(3);
    }
  }

  @Test
  void landCoverClassFractions() {
    double[][] codes = {
      {24, 24, 10, 10},
      {24, 60, 77, 255},
      {80, 80, 255, 255},
      {80, 80, 255, 255},
    };
    Path file = Fixtures.geoTiff(dir.resolve("lc.tif"), "EPSG:32650", X0, Y0, X0 + 2000, Y0 + 2000, codes);
    ZonalStats stats;
    try (GeoRaster raster = GeoRaster.readGeoTiff(file.toFile(), 255.0)) {
      stats = new ZonalAccumulator(GRID, Product.LANDCOVER).add(raster).result();
    }
    assertThat(stats.fractions(2).get(LandCover.DBF)).isEqualTo(0.75);
    assertThat(stats.fractions(2).get(LandCover.WATER)).isEqualTo(0.25);
    // NE: two cropland pixels, one code outside the legend (77), one nodata
    assertThat(stats.fractions(3).get(LandCover.CROP)).isEqualTo(1.0);
    assertThat(stats.validPixels(3)).isEqualTo(2);
    assertThat(stats.coverage(3)).isEqualTo(0.5);
    assertThat(stats.fractions(0).get(LandCover.BUILT_UP)).isEqualTo(1.0);
    assertThat(stats.coverage(1)).isZero();
    assertThat(stats.fractions(1).values()).containsOnly(0.0);
  }

  @Test
  void accumulatorsOfHalfTheRasterMergeIntoTheWhole() {
    ZonalAccumulator west = new ZonalAccumulator(GRID, ZonalAccumulator.Kind.CONTINUOUS);
    ZonalAccumulator east = new ZonalAccumulator(GRID, ZonalAccumulator.Kind.CONTINUOUS);
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 4; c++) {
        double x = X0 + 250 + c * 500;
        double y = Y0 + 2000 - 250 - r * 500;
        (c < 2 ? west : east).add(x, y, VALUES[r][c], null);
      }
    }
    assertQuadrantMeans(west.merge(east).result());
  }

  private ZonalStats accumulate(Path file, Double nodata) {
    try (GeoRaster raster = GeoRaster.readGeoTiff(file.toFile(), nodata)) {
      return new ZonalAccumulator(GRID, ZonalAccumulator.Kind.CONTINUOUS).add(raster).result();
    }
  }

  /** A raster in another CRS over the envelope of the grid's 2 km square transformed to that CRS. */
  private Path geoTiffOverGrid(String crs, double[][] values) throws Exception {
    MathTransform toCrs = Projections.transform("EPSG:32650", crs);
    Envelope square = new Envelope(X0, X0 + 2000, Y0, Y0 + 2000);
    Envelope target = JTS.transform(square, null, toCrs, 10);
    return Fixtures.geoTiff(dir.resolve(crs.replace(':', '_') + ".tif"), crs,
        target.getMinX(), target.getMinY(), target.getMaxX(), target.getMaxY(), values);
  }

  private static void assertQuadrantMeans(ZonalStats stats) {
    assertThat(stats.mean(2).getAsDouble()).isCloseTo(3.5, within(1e-9));
    assertThat(stats.mean(3).getAsDouble()).isCloseTo(5.5, within(1e-9));
    assertThat(stats.mean(0).getAsDouble()).isCloseTo(11.5, within(1e-9));
    assertThat(stats.mean(1).getAsDouble()).isCloseTo(13.5, within(1e-9));
    for (int ordinal = 0; ordinal < 4; ordinal++) {
      assertThat(stats.pixels(ordinal)).isEqualTo(4);
      assertThat(stats.coverage(ordinal)).isEqualTo(1.0);
    }
  }
}
