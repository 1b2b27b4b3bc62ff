package org.liangshan.pipelines.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.media.jai.RasterFactory;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.coverage.grid.GridCoverageFactory;
import org.geotools.gce.geotiff.GeoTiffWriter;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.referencing.CRS;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liangshan.core.region.Regions;
import org.liangshan.pipelines.raster.RasterTables;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.SharedSpark;
import org.liangshan.warehouse.TableCatalog;

class RasterCatalogJobTest {
  @TempDir Path dir;

  static Path writeGeoTiff(Path file, String epsg, double minX, double minY, double maxX, double maxY, int width, int height)
      throws Exception {
    WritableRaster raster = RasterFactory.createBandedRaster(DataBuffer.TYPE_FLOAT, width, height, 1, null);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        raster.setSample(x, y, 0, x + y);
      }
    }
    ReferencedEnvelope envelope = new ReferencedEnvelope(minX, maxX, minY, maxY, CRS.decode(epsg, true));
    GridCoverage2D coverage = new GridCoverageFactory().create("test", raster, envelope);
    Files.createDirectories(file.getParent());
    GeoTiffWriter writer = new GeoTiffWriter(file.toFile());
    try {
      writer.write(coverage, null);
    } finally {
      writer.dispose();
    }
    return file;
  }

  @Test
  void aGeoTiffHeaderIsReadWithItsCrsSizeAndBounds() throws Exception {
    Path file = writeGeoTiff(dir.resolve("ndvi_202407.tif"), "EPSG:4326", 119.0, 31.0, 119.5, 31.6, 100, 120);
    RasterCatalogJob.SceneInfo info = RasterCatalogJob.inspect(file, "liyang/rasters/ndvi/ndvi_202407.tif");
    assertThat(info.crs()).isEqualTo("EPSG:4326");
    assertThat(info.width()).isEqualTo(100);
    assertThat(info.height()).isEqualTo(120);
    assertThat(info.minX()).isEqualTo(119.0);
    assertThat(info.maxY()).isEqualTo(31.6);
  }

  @Test
  void aProjectedGeoTiffKeepsItsOwnCrs() throws Exception {
    Path file = writeGeoTiff(dir.resolve("dem.tif"), "EPSG:32650", 500000, 3400000, 510000, 3410000, 40, 40);
    assertThat(RasterCatalogJob.inspect(file, "dem.tif").crs()).isEqualTo("EPSG:32650");
  }

  @Test
  void aFileThatIsNotAGeoTiffIsRefusedNamingTheFile() throws IOException {
    Path file = dir.resolve("ndvi_202401.tif");
    Files.writeString(file, "this is not a tiff");
    assertThatThrownBy(() -> RasterCatalogJob.inspect(file, "liyang/rasters/ndvi/ndvi_202401.tif"))
        .isInstanceOf(FileRejected.class)
        .hasMessageStartingWith("liyang/rasters/ndvi/ndvi_202401.tif: is not a readable GeoTIFF");
  }

  @Test
  void aTruncatedGeoTiffIsRefused() throws Exception {
    Path good = writeGeoTiff(dir.resolve("full.tif"), "EPSG:4326", 119.0, 31.0, 119.5, 31.6, 50, 50);
    byte[] bytes = Files.readAllBytes(good);
    Path cut = dir.resolve("et_202401.tif");
    Files.write(cut, java.util.Arrays.copyOf(bytes, 200));
    assertThatThrownBy(() -> RasterCatalogJob.inspect(cut, "et_202401.tif")).isInstanceOf(FileRejected.class);
  }

  @Test
  void aPlainTiffWithoutGeoKeysIsRefusedForItsMissingCrs() throws Exception {
    // A TIFF as an image editor saves it: pixels, no GeoTIFF keys, hence no CRS.
    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(20, 20, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
    Path file = dir.resolve("ndvi_202402.tif");
    assertThat(javax.imageio.ImageIO.write(image, "tiff", file.toFile())).isTrue();
    assertThatThrownBy(() -> RasterCatalogJob.inspect(file, "liyang/rasters/ndvi/ndvi_202402.tif"))
        .isInstanceOf(FileRejected.class)
        .hasMessage("liyang/rasters/ndvi/ndvi_202402.tif: has no coordinate reference system (no GeoTIFF GeoKeyDirectory tag,"
            + " or keys naming no CRS); re-deliver the scene as a GeoTIFF with its CRS")
        .satisfies(e -> assertThat(((FileRejected) e).file()).isEqualTo("liyang/rasters/ndvi/ndvi_202402.tif"));
  }

  @Test
  void aBigEndianPlainTiffIsRefusedWithTheSameReason() throws Exception {
    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
    Path file = dir.resolve("et_202403.tif");
    javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("tiff").next();
    try (javax.imageio.stream.ImageOutputStream out = javax.imageio.ImageIO.createImageOutputStream(file.toFile())) {
      out.setByteOrder(java.nio.ByteOrder.BIG_ENDIAN);
      writer.setOutput(out);
      writer.write(image);
    } finally {
      writer.dispose();
    }
    assertThat(Files.readAllBytes(file)[0]).isEqualTo((byte) 'M');
    assertThatThrownBy(() -> RasterCatalogJob.inspect(file, "et_202403.tif"))
        .isInstanceOf(FileRejected.class)
        .hasMessage("et_202403.tif: " + RasterCatalogJob.NO_CRS);
  }

  @Test
  void sceneLocationsAreStoredRelativeToTheLakehouseRootAndOlderAbsoluteOnesAreRewritten() throws Exception {
    Path landing = dir.resolve("landing");
    writeGeoTiff(landing.resolve("liyang/rasters/ndvi/ndvi_202406.tif"), "EPSG:4326", 119.0, 31.0, 119.5, 31.6, 20, 24);
    writeGeoTiff(landing.resolve("liyang/rasters/dem/dem.tif"), "EPSG:4326", 119.0, 31.0, 119.5, 31.6, 20, 24);
    TableCatalog catalog = TableCatalog.discover(SharedSpark.session(), SharedSpark.freshLakehouse());
    catalogue(catalog, landing);
    java.util.Map<String, String> locations = locations(catalog);
    assertThat(locations).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
        "liyang/rasters/ndvi/ndvi_202406.tif", "bronze/rasters/liyang/ndvi/ndvi_202406.tif",
        "liyang/rasters/dem/dem.tif", "bronze/rasters/liyang/dem/dem.tif"));
    for (String location : locations.values()) {
      assertThat(Path.of(java.net.URI.create(catalog.config().resolve(location)))).isRegularFile();
    }

    // A lakehouse catalogued before locations were relative held full URIs under its root: the next catalogue run
    // rewrites them (and only them) in place, so the lakehouse can then be moved.
    String root = catalog.config().root();
    SharedSpark.session().sql("UPDATE delta.`" + catalog.location(RasterTables.SCENES) + "` SET location = concat('"
        + root + "/', location) WHERE product = 'ndvi'");
    assertThat(locations(catalog).get("liyang/rasters/ndvi/ndvi_202406.tif"))
        .isEqualTo(root + "/bronze/rasters/liyang/ndvi/ndvi_202406.tif");
    catalogue(catalog, landing);
    assertThat(locations(catalog)).isEqualTo(locations);
  }

  private static void catalogue(TableCatalog catalog, Path landing) {
    Run run = Run.start(catalog, "test", "ingest", "liyang", null, null);
    LoadReport report = new RasterCatalogJob(run, Regions.load("liyang"), landing, line -> { }).load();
    run.succeed("ok");
    assertThat(report.rejectedFiles()).isEmpty();
  }

  private static java.util.Map<String, String> locations(TableCatalog catalog) {
    java.util.Map<String, String> locations = new java.util.TreeMap<>();
    for (Row row : catalog.read(RasterTables.SCENES).select("source_file", "location").collectAsList()) {
      locations.put(row.getString(0), row.getString(1));
    }
    return locations;
  }
}
