package org.liangshan.pipelines.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liangshan.core.region.Regions;
import org.liangshan.pipelines.source.SourceFamilies;
import org.liangshan.pipelines.source.SourceFamily;
import org.liangshan.warehouse.OpsTables;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.SharedSpark;
import org.liangshan.warehouse.TableCatalog;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/**
 * Shapefile vectors. The fixture (src/test/resources/bad-input/vectors/zones_utm.*) was written by the
 * generator's ShapefileWriter: three water-function zones in WGS 84 / UTM 50N (ESRI .prj), GBK names
 * (.cpg "GBK"): 天目湖 (a square 119.40..119.50 E, 31.20..31.30 N with a 0.02° square hole), 交叉 (a bow
 * tie: self-intersecting) and 南河城区 (a multipolygon of two squares).
 */
class ShapefileIngestTest {
  private static final Path FIXTURE = Path.of("src/test/resources/bad-input/vectors");
  private static final List<String> PARTS = List.of("shp", "shx", "dbf", "prj", "cpg");
  private final SparkSession spark = SharedSpark.session();
  private TableCatalog catalog;
  @TempDir Path landing;

  @BeforeEach
  void freshLakehouse() {
    catalog = TableCatalog.discover(spark, SharedSpark.freshLakehouse());
  }

  private Path copyAs(Path folder, String stem) throws IOException {
    Files.createDirectories(folder);
    for (String part : PARTS) {
      Files.copy(FIXTURE.resolve("zones_utm." + part), folder.resolve(stem + "." + part));
    }
    return folder.resolve(stem + ".shp");
  }

  private static void zip(Path zip, Path folder, String stem, List<String> parts) throws IOException {
    Files.createDirectories(zip.getParent());
    try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
      for (String part : parts) {
        out.putNextEntry(new ZipEntry(stem + "/" + stem + "." + part));
        out.write(Files.readAllBytes(folder.resolve(stem + "." + part)));
        out.closeEntry();
      }
    }
  }

  private LoadReport ingest() {
    Run run = Run.start(catalog, "test", "ingest", "liyang", null, null);
    IngestJob job = new IngestJob(run, Regions.load("liyang"), landing, line -> { });
    SourceFamily family = SourceFamilies.get("vectors");
    LoadReport report = job.load(family, job.discover(family));
    run.succeed("ok");
    return report;
  }

  @Test
  void aShapefileInAFolderAndAZippedOneAreReprojectedValidatedAndLoadedLikeGeoJson() throws Exception {
    Path folder = landing.resolve("liyang/vectors/zones_utm");
    copyAs(folder, "zones_utm");
    zip(landing.resolve("liyang/vectors/zones_zip.zip"), folder, "zones_utm", PARTS);
    LoadReport report = ingest();

    assertThat(report.rejectedFiles()).isEmpty();
    assertThat(report.files()).extracting(LoadReport.FileLine::file)
        .containsExactly("liyang/vectors/zones_utm/zones_utm.shp", "liyang/vectors/zones_zip.zip");
    assertThat(report.files()).allSatisfy(line -> {
      assertThat(line.received()).isEqualTo(3);
      assertThat(line.loaded()).isEqualTo(2);
      assertThat(line.quarantined()).isEqualTo(1);
    });
    List<Row> zones = catalog.read(SourceFamilies.silver("vectors")).where("layer = 'zones_utm'").orderBy("feature_id").collectAsList();
    assertThat(zones).extracting(r -> r.getAs("feature_id") + " " + r.getAs("name") + " " + r.getAs("geometry_type"))
        .containsExactly("LY-WFZ-01 天目湖 Polygon", "LY-WFZ-03 南河城区 MultiPolygon");
    // Back in lon/lat from UTM 50N: the original corners within 1e-7° (1 cm); the hole is kept.
    Geometry lake = new WKTReader().read(zones.get(0).<String>getAs("wkt"));
    Envelope box = lake.getEnvelopeInternal();
    assertThat(box.getMinX()).isCloseTo(119.40, within(1e-7));
    assertThat(box.getMaxX()).isCloseTo(119.50, within(1e-7));
    assertThat(box.getMinY()).isCloseTo(31.20, within(1e-7));
    assertThat(box.getMaxY()).isCloseTo(31.30, within(1e-7));
    assertThat(zones.get(0).<Double>getAs("area_deg2")).isCloseTo(0.01 - 0.0004, within(1e-8));
    assertThat(zones.get(1).<Double>getAs("area_deg2")).isCloseTo(0.0025 + 0.0004, within(1e-8));
    assertThat(catalog.read(SourceFamilies.silver("vectors")).where("layer = 'zones_zip'").count()).isEqualTo(2);

    Row bowTie = catalog.read(OpsTables.QUARANTINE).where("source_file = 'liyang/vectors/zones_zip.zip'").head();
    assertThat(bowTie.<Long>getAs("source_line")).isEqualTo(2L);
    assertThat(bowTie.<String>getAs("reason_code")).isEqualTo("INVALID_GEOMETRY");
    assertThat(bowTie.<String>getAs("field")).isEqualTo("geometry");
    assertThat(bowTie.<String>getAs("message")).startsWith("liyang/vectors/zones_zip.zip line 2: feature LY-WFZ-02 is not a valid polygon: Self-intersection");
    assertThat(bowTie.<String>getAs("original")).startsWith("{\"ZONE_ID\":\"LY-WFZ-02\",\"NAME\":\"交叉\",\"shape\":\"POLYGON ((");

    // The same delivery again: skipped. A changed .dbf alone makes it a new delivery.
    assertThat(ingest().files()).allSatisfy(line -> assertThat(line.skipped()).isTrue());
    byte[] dbf = Files.readAllBytes(folder.resolve("zones_utm.dbf"));
    dbf[dbf.length - 2] = 'X';
    Files.write(folder.resolve("zones_utm.dbf"), dbf);
    assertThat(ingest().files()).extracting(line -> line.file() + " skipped=" + line.skipped()).containsExactlyInAnyOrder(
        "liyang/vectors/zones_utm/zones_utm.shp skipped=false", "liyang/vectors/zones_zip.zip skipped=true");
  }

  @Test
  void aShapefileWithoutItsPrjIsRefusedBecauseItsCrsIsUnknown() throws Exception {
    Path folder = landing.resolve("work");
    copyAs(folder, "zones");
    zip(landing.resolve("zones.zip"), folder, "zones", List.of("shp", "shx", "dbf", "cpg"));
    assertThatThrownBy(() -> ShapefileFile.read(landing.resolve("zones.zip"), "liyang/vectors/zones.zip"))
        .isInstanceOf(FileRejected.class)
        .hasMessage("liyang/vectors/zones.zip: lacks its .prj file: without it the coordinate reference system is unknown;"
            + " deliver the .prj with the .shp");
  }

  @Test
  void aTruncatedShpIsRefused() throws Exception {
    Path shp = copyAs(landing.resolve("v"), "zones");
    byte[] bytes = Files.readAllBytes(shp);
    Files.write(shp, java.util.Arrays.copyOf(bytes, bytes.length - 40));
    assertThatThrownBy(() -> ShapefileFile.read(shp, "zones.shp"))
        .hasMessage("zones.shp: the .shp is truncated or padded: its header says 676 bytes, the file has 636");
  }

  @Test
  void aPointShapefileIsRefused() throws Exception {
    Path shp = copyAs(landing.resolve("v"), "zones");
    byte[] bytes = Files.readAllBytes(shp);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(32, 1);
    Files.write(shp, bytes);
    assertThatThrownBy(() -> ShapefileFile.read(shp, "zones.shp"))
        .hasMessage("zones.shp: has shape type 1 (Point); boundaries and zones must be Polygon (5)");
  }

  @Test
  void aRingThatIsNotClosedBecomesAnInvalidGeometryRecord() throws Exception {
    Path shp = copyAs(landing.resolve("v"), "zones");
    byte[] bytes = Files.readAllBytes(shp);
    // Record 1: header at 100, content at 108; points start after type, box, counts and 2 part indexes.
    // Its 5th point closes the outer ring: move it.
    int fifthPointX = 108 + 44 + 2 * 4 + 4 * 16;
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    buffer.putDouble(fifthPointX, buffer.getDouble(fifthPointX) + 10);
    Files.write(shp, bytes);
    GeoJsonFile file = ShapefileFile.read(shp, "zones.shp");
    assertThat(file.records().get(0).values()).last().isEqualTo("INVALID:ring 1 is not closed (its first and last points differ)");
    assertThat(file.records().get(2).values().get(1)).isEqualTo("南河城区");
  }

  @Test
  void gbkAttributesWithoutCodePageOrLanguageDriverAreRefusedNamingRecordAndField() throws Exception {
    Path shp = copyAs(landing.resolve("v"), "zones");
    Files.delete(landing.resolve("v/zones.cpg"));
    byte[] dbf = Files.readAllBytes(landing.resolve("v/zones.dbf"));
    dbf[29] = 0; // no language driver
    Files.write(landing.resolve("v/zones.dbf"), dbf);
    assertThatThrownBy(() -> ShapefileFile.read(shp, "zones.shp"))
        .hasMessage("zones.shp: record 1 field NAME is not UTF-8 text; add a .cpg naming the code page of the attributes (e.g. GBK)");
    // With the language driver byte of code page 936 the same table reads as GBK.
    dbf[29] = 0x4D;
    Files.write(landing.resolve("v/zones.dbf"), dbf);
    assertThat(ShapefileFile.read(shp, "zones.shp").records().get(0).values().get(1)).isEqualTo("天目湖");
  }
}
