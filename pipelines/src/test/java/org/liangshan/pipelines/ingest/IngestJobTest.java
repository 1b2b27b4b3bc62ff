package org.liangshan.pipelines.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;
import org.liangshan.pipelines.source.SourceFamilies;
import org.liangshan.pipelines.source.SourceFamily;
import org.liangshan.warehouse.OpsTables;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.SharedSpark;
import org.liangshan.warehouse.TableCatalog;

class IngestJobTest {
  private final SparkSession spark = SharedSpark.session();
  private final Region liyang = Regions.load("liyang");
  private TableCatalog catalog;
  @TempDir Path landing;

  @BeforeEach
  void freshLakehouse() {
    catalog = TableCatalog.discover(spark, SharedSpark.freshLakehouse());
  }

  private Path write(String relative, String text, java.nio.charset.Charset charset) throws IOException {
    Path file = landing.resolve("liyang").resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, text.getBytes(charset));
    return file;
  }

  private LoadReport ingest(String family, Path... allowShrink) {
    Run run = Run.start(catalog, "test", "ingest", "liyang", null, null);
    IngestJob job = new IngestJob(run, liyang, landing, line -> {}, List.of(allowShrink));
    SourceFamily f = SourceFamilies.get(family);
    LoadReport report = job.load(f, job.discover(f));
    run.succeed("ok");
    return report;
  }

  private static final String MANUAL_HEADER = "断面编码,采样日期,监测指标,监测值,单位\n";

  @Test
  void manualWaterQualityIsTypedConvertedAndRejectsAreQuarantinedWithReasons() throws IOException {
    write("water-quality-manual/2024.csv",
        "\uFEFF" + MANUAL_HEADER
            + "LY-S01,2024-03-05,总磷,25,μg/L\n"          // 25 µg/L -> 0.025 mg/L
            + "LY-S01,2024-03-05,氨氮,0.42,mg/L\n"
            + "LY-S01,2024-03-05,高锰酸盐指数,-1.2,mg/L\n"  // negative concentration
            + "LY-S99,2024-03-05,总氮,1.1,mg/L\n"           // unknown section
            + "LY-S01,2024-03-05,总氮,1.1,ppm\n"            // unknown unit
            + "LY-S01,2099-03-05,总氮,1.1,mg/L\n"           // future
            + "LY-S01,2024-03-05,总氮\n"                    // truncated line
            + "LY-S01,2024-03-05,氨氮,0.40,mg/L\n"          // duplicate key: the later one wins
            + "\n\n",
        StandardCharsets.UTF_8);
    LoadReport report = ingest("water-quality-manual");

    assertThat(report.files()).singleElement().satisfies(line -> {
      assertThat(line.received()).isEqualTo(8);
      assertThat(line.quarantined()).isEqualTo(5);
      assertThat(line.loaded()).isEqualTo(2);
      assertThat(line.duplicates()).isEqualTo(1);
      assertThat(line.received()).isEqualTo(line.loaded() + line.quarantined() + line.duplicates());
    });
    List<Row> silver = catalog.read(SourceFamilies.silver("water_quality")).orderBy("indicator").collectAsList();
    assertThat(silver).extracting(r -> r.getAs("indicator") + "=" + r.getAs("value"))
        .containsExactly("nh3n=0.4", "tp=0.025");
    Map<String, String> reasons = new java.util.TreeMap<>();
    for (Row q : catalog.read(OpsTables.QUARANTINE).collectAsList()) {
      reasons.put(q.getAs("source_line").toString(), q.getAs("reason_code") + "/" + q.getAs("field"));
    }
    assertThat(reasons).containsExactlyInAnyOrderEntriesOf(Map.of(
        "4", "NEGATIVE_VALUE/value",
        "5", "UNKNOWN_REFERENCE/section_id",
        "6", "UNKNOWN_UNIT/unit",
        "7", "FUTURE_TIMESTAMP/sampled_on",
        "8", "WRONG_COLUMN_COUNT/null"));
    Row negative = catalog.read(OpsTables.QUARANTINE).where(col("source_line").equalTo(4)).head();
    assertThat(negative.<String>getAs("message"))
        .isEqualTo("liyang/water-quality-manual/2024.csv line 4: 高锰酸盐指数 = -1.2 mg/L is below the minimum 0.0");
    assertThat(negative.<String>getAs("original")).isEqualTo("LY-S01,2024-03-05,高锰酸盐指数,-1.2,mg/L");
    // Every received record is in bronze.
    assertThat(catalog.read(catalog.table("bronze.water_quality_manual")).count()).isEqualTo(8);
  }

  @Test
  void reloadingTheSameFileChangesNothingAndACorrectedFileSupersedes() throws IOException {
    write("water-quality-manual/2024.csv", MANUAL_HEADER + "LY-S01,2024-03-05,总磷,0.03,mg/L\nLY-S01,2024-03-05,总氮,0.9,mg/L\n", StandardCharsets.UTF_8);
    ingest("water-quality-manual");
    long version = catalog.version(SourceFamilies.silver("water_quality")).orElseThrow();

    LoadReport again = ingest("water-quality-manual");
    assertThat(again.files()).singleElement().satisfies(line -> assertThat(line.skipped()).isTrue());
    assertThat(catalog.version(SourceFamilies.silver("water_quality"))).hasValue(version);

    // The agency corrects TP and withdraws TN: half the file's rows, so the redelivery is held until confirmed.
    Path corrected = write("water-quality-manual/2024.csv", MANUAL_HEADER + "LY-S01,2024-03-05,总磷,0.02,mg/L\n", StandardCharsets.UTF_8);
    assertThat(ingest("water-quality-manual").heldFiles()).extracting(LoadReport.Held::rowsWithdrawn).containsExactly(1L);
    assertThat(catalog.version(SourceFamilies.silver("water_quality"))).hasValue(version);
    ingest("water-quality-manual", corrected);
    List<Row> silver = catalog.read(SourceFamilies.silver("water_quality")).collectAsList();
    assertThat(silver).extracting(r -> r.getAs("indicator") + "=" + r.getAs("value")).containsExactly("tp=0.02");
    // The superseded value is still there in Delta history.
    assertThat(catalog.readVersion(SourceFamilies.silver("water_quality"), version).count()).isEqualTo(2);
  }

  @Test
  void gbkTabDelimitedFilesWithEnglishHeadersAreRecognised() throws IOException {
    write("hydrology/2024.csv", "section_id\tdate\tflow_m3_s\tlevel_m\nLY-S03\t2024-07-01\t35.5\t4.2\n",
        CsvFile.GBK);
    write("sections/sections.csv",
        "断面编码,断面名称,英文名称,水功能区,水体类型,经度,纬度,是否跨界,上游,下游\nLY-S03,南河城区,Nanhe,LY-WFZ-02,河流,119.48,31.42,否,,\n",
        CsvFile.GBK);
    ingest("sections");
    ingest("hydrology");
    Row flow = catalog.read(SourceFamilies.silver("hydrology")).head();
    assertThat(flow.<Double>getAs("flow_m3_s")).isEqualTo(35.5);
    Row section = catalog.read(SourceFamilies.silver("sections")).head();
    assertThat(section.<String>getAs("section_name")).isEqualTo("南河城区");
    assertThat(section.<String>getAs("water_body")).isEqualTo("river");
  }

  @Test
  void aFileMissingARequiredColumnIsRefusedWholeAndOtherFilesStillLoad() throws IOException {
    write("hydrology/2023.csv", "断面编码;日期;流量(m³/s)\nLY-S03;2023-07-01;30\n", StandardCharsets.UTF_8);
    write("hydrology/2024.csv", "断面编码,日期,流量(m³/s),水位(m)\nLY-S03,2024-07-01,35.5,4.2\n", StandardCharsets.UTF_8);
    write("hydrology/2025.csv", "", StandardCharsets.UTF_8);
    LoadReport report = ingest("hydrology");
    assertThat(report.rejectedFiles()).extracting(FileRejected::getMessage).containsExactlyInAnyOrder(
        "liyang/hydrology/2023.csv: missing required column(s) 断面编码, 日期 for family hydrology (found: 断面编码;日期;流量(m³/s)). The header has a single column: the file must be comma- or tab-delimited.",
        "liyang/hydrology/2025.csv: the file is empty (no header line)");
    assertThat(catalog.read(SourceFamilies.silver("hydrology")).count()).isEqualTo(1);
    assertThat(catalog.read(catalog.table("bronze.hydrology")).select("source_file").distinct().collectAsList())
        .extracting(r -> r.getString(0)).containsExactly("liyang/hydrology/2024.csv");
  }

  @Test
  void anExcelWorkbookBesideTheCsvFilesIsDiscoveredAndLoadedWithTypedDates() throws IOException {
    write("hydrology/2023.csv", "断面编码,日期,流量(m³/s),水位(m)\nLY-S03,2023-07-01,30,4.0\n", StandardCharsets.UTF_8);
    Path workbook = landing.resolve("liyang/hydrology/2024.xlsx");
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
        java.io.OutputStream out = Files.newOutputStream(workbook)) {
      org.apache.poi.ss.usermodel.CellStyle date = book.createCellStyle();
      date.setDataFormat(book.createDataFormat().getFormat("m/d/yy"));
      org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet();
      org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
      header.createCell(0).setCellValue("section_id");
      header.createCell(1).setCellValue("date");
      header.createCell(2).setCellValue("flow_m3_s");
      org.apache.poi.ss.usermodel.Row row = sheet.createRow(1);
      row.createCell(0).setCellValue("LY-S03");
      row.createCell(1).setCellValue(java.time.LocalDate.of(2024, 7, 1));
      row.getCell(1).setCellStyle(date);
      row.createCell(2).setCellValue(35.5);
      book.write(out);
    }
    SourceFamily hydrology = SourceFamilies.get("hydrology");
    Run run = Run.start(catalog, "test", "ingest", "liyang", null, null);
    assertThat(new IngestJob(run, liyang, landing, line -> {}).discover(hydrology))
        .extracting(p -> landing.relativize(p).toString()).containsExactly("liyang/hydrology/2023.csv", "liyang/hydrology/2024.xlsx");
    run.succeed("ok");

    LoadReport report = ingest("hydrology");
    assertThat(report.rejectedFiles()).isEmpty();
    List<Row> silver = catalog.read(SourceFamilies.silver("hydrology")).orderBy("date").collectAsList();
    assertThat(silver).extracting(r -> r.getAs("date") + " " + r.getAs("flow_m3_s") + " " + r.getAs("source_file") + ":" + r.getAs("source_line"))
        .containsExactly("2023-07-01 30.0 liyang/hydrology/2023.csv:2", "2024-07-01 35.5 liyang/hydrology/2024.xlsx:2");
  }

  @Test
  void vectorsLoadValidPolygonsAndQuarantineInvalidOnes() throws IOException {
    write("vectors/water_function_zones.geojson", """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","properties":{"zone_id":"LY-WFZ-01","name":"天目湖"},
          "geometry":{"type":"Polygon","coordinates":[[[119.4,31.2],[119.5,31.2],[119.5,31.3],[119.4,31.3],[119.4,31.2]]]}},
         {"type":"Feature","properties":{"zone_id":"LY-WFZ-02","name":"bow tie"},
          "geometry":{"type":"Polygon","coordinates":[[[119.4,31.4],[119.5,31.5],[119.5,31.4],[119.4,31.5],[119.4,31.4]]]}},
         {"type":"Feature","properties":{"zone_id":"LY-WFZ-03","name":"no geometry"},"geometry":null}]}
        """, StandardCharsets.UTF_8);
    write("vectors/districts.geojson", """
        {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:32650"}},"features":[]}
        """, StandardCharsets.UTF_8);
    LoadReport report = ingest("vectors");
    assertThat(report.rejectedFiles()).extracting(FileRejected::getMessage).containsExactly(
        "liyang/vectors/districts.geojson: declares CRS EPSG:32650; deliver GeoJSON in WGS 84 longitude/latitude (RFC 7946)");
    Row zone = catalog.read(SourceFamilies.silver("vectors")).head();
    assertThat(zone.<String>getAs("layer")).isEqualTo("water_function_zones");
    assertThat(zone.<String>getAs("feature_id")).isEqualTo("LY-WFZ-01");
    assertThat(zone.<Double>getAs("area_deg2")).isCloseTo(0.01, org.assertj.core.api.Assertions.within(1e-9));
    List<Row> rejects = catalog.read(OpsTables.QUARANTINE).orderBy("source_line").collectAsList();
    assertThat(rejects).extracting(r -> r.getAs("source_line") + ":" + r.getAs("reason_code"))
        .containsExactly("2:INVALID_GEOMETRY", "3:MISSING_VALUE");
    assertThat(rejects.get(0).<String>getAs("message")).contains("Self-intersection");
  }
}
