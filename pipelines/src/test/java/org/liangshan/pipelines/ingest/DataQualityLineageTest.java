package org.liangshan.pipelines.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;
import org.liangshan.warehouse.Layer;
import org.liangshan.warehouse.LakehouseConfig;
import org.liangshan.warehouse.Lineage;
import org.liangshan.warehouse.OpsTables;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.SharedSpark;
import org.liangshan.warehouse.TableCatalog;
import org.liangshan.warehouse.TableDef;

/**
 * Real Spark on a small lakehouse: automatic water-quality files with a known gap, quarantined and
 * duplicate records, a late and a missing delivery; then a gold-like table computed from silver, traced
 * back to the exact landing files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataQualityLineageTest {
  private static final TableDef GOLD = TableDef.builder(Layer.GOLD, "test_wq_summary", "test: records per region")
      .string("region", "region id")
      .required("records", DataTypes.LongType, "silver rows")
      .audit()
      .partitionBy("region")
      .naturalKey("region")
      .build();
  private static final String HEADER = "断面编码,监测时间,水温(℃),pH,溶解氧(mg/L),高锰酸盐指数(mg/L),氨氮(mg/L),总磷(mg/L),总氮(mg/L)\n";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final SparkSession spark = SharedSpark.session();
  private final Region liyang = Regions.load("liyang");
  private TableCatalog catalog;
  private Path landing;
  private Path s01;
  private Path s02;
  private Run ingest;

  /** One delivery of S01 and S02 ingested once; the tests read it, and the one that writes takes a copy. */
  @BeforeAll
  void ingestOnce(@TempDir Path landingDir) throws IOException {
    landing = landingDir;
    LakehouseConfig config = SharedSpark.freshLakehouse();
    List<TableDef> tables = new ArrayList<>(TableCatalog.discover(spark, config).tables());
    tables.add(GOLD);
    catalog = new TableCatalog(spark, config, tables);
    s01 = s01();
    s02 = s02();
    ingest = ingest();
  }

  private Path write(String relative, String text, LocalDate modified) throws IOException {
    Path file = landing.resolve("liyang").resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    Files.setLastModifiedTime(file, FileTime.from(modified.atTime(10, 0).toInstant(ZoneOffset.UTC)));
    return file;
  }

  private static String row(String section, LocalDateTime at, String ph) {
    return section + "," + at.format(STAMP) + ",12.5," + ph + ",8.1,3.2,0.40,0.05,1.2\n";
  }

  /**
   * LY-S01, February 2024 (29 days, cadence 4 h: 174 expected): the first 150 time steps arrive, of which
   * 3 carry pH 20 (out of range, quarantined); step 10 arrives twice (a duplicate). March: 2 steps.
   */
  private Path s01() throws IOException {
    StringBuilder text = new StringBuilder(HEADER);
    LocalDateTime start = LocalDateTime.of(2024, 2, 1, 0, 0);
    for (int i = 0; i < 150; i++) {
      text.append(row("LY-S01", start.plusHours(4L * i), i == 20 || i == 40 || i == 60 ? "20" : "7.4"));
      if (i == 10) {
        text.append(row("LY-S01", start.plusHours(4L * i), "7.5"));
      }
    }
    text.append(row("LY-S01", LocalDateTime.of(2024, 3, 1, 0, 0), "7.4"));
    text.append(row("LY-S01", LocalDateTime.of(2024, 3, 1, 4, 0), "7.4"));
    // Due 2025-01-30 (year end + 30 days); arrived 2025-03-16: 45 days late.
    return write("water-quality-auto/LY-S01_2024.csv", text.toString(), LocalDate.of(2025, 3, 16));
  }

  private Path s02() throws IOException {
    StringBuilder text = new StringBuilder(HEADER);
    for (int i = 0; i < 6; i++) {
      text.append(row("LY-S02", LocalDateTime.of(2023, 6, 1, 0, 0).plusHours(4L * i), "7.2"));
    }
    // Arrived 2024-01-10, before its due date 2024-01-30: on time.
    return write("water-quality-auto/LY-S02_2023.csv", text.toString(), LocalDate.of(2024, 1, 10));
  }

  private Run ingest() {
    Run run = Run.start(catalog, "test", "ingest", "liyang", null, null);
    IngestJob job = new IngestJob(run, liyang, landing, line -> {});
    var family = org.liangshan.pipelines.source.SourceFamilies.get("water-quality-auto");
    job.load(family, job.discover(family));
    job.reportQuality();
    run.succeed("ok");
    return run;
  }

  @Test
  void completenessOfAStationMonthWithGapsQuarantineAndDuplicatesIsTheHandComputedValue() {
    Run run = ingest;

    Row feb = catalog.read(DataQuality.COMPLETENESS)
        .where(col("station_id").equalTo("LY-S01").and(col("month").equalTo("2024-02"))).collectAsList().get(0);
    assertThat(feb.<Long>getAs("expected")).isEqualTo(174L);
    assertThat(feb.<Long>getAs("received")).isEqualTo(151L);
    assertThat(feb.<Long>getAs("quarantined")).isEqualTo(3L);
    assertThat(feb.<Long>getAs("duplicates")).isEqualTo(1L);
    assertThat(feb.<Long>getAs("loaded")).isEqualTo(147L);
    assertThat(feb.<Double>getAs("completeness")).isEqualTo(147 / 174.0);
    assertThat(feb.<String>getAs("run_id")).isEqualTo(run.id());

    Row jan = catalog.read(DataQuality.COMPLETENESS)
        .where(col("station_id").equalTo("LY-S01").and(col("month").equalTo("2024-01"))).collectAsList().get(0);
    assertThat(jan.<Long>getAs("expected")).isEqualTo(186L);
    assertThat(jan.<Long>getAs("received")).isZero();
    assertThat(jan.<Double>getAs("completeness")).isZero();
    Row mar = catalog.read(DataQuality.COMPLETENESS)
        .where(col("station_id").equalTo("LY-S01").and(col("month").equalTo("2024-03"))).collectAsList().get(0);
    assertThat(mar.<Double>getAs("completeness")).isEqualTo(2 / 186.0);
    // Every month of each year a station reported in: 12 for LY-S01 in 2024, 12 for LY-S02 in 2023.
    assertThat(catalog.read(DataQuality.COMPLETENESS).count()).isEqualTo(24);

    // The station-months add up to the file ledger.
    Row sums = catalog.read(DataQuality.COMPLETENESS).selectExpr("sum(received)", "sum(loaded)", "sum(quarantined)").first();
    Row ledger = catalog.read(OpsTables.INGESTED_FILES).selectExpr("sum(received)", "sum(loaded)", "sum(quarantined)").first();
    assertThat(List.of(sums.getLong(0), sums.getLong(1), sums.getLong(2)))
        .isEqualTo(List.of(ledger.getLong(0), ledger.getLong(1), ledger.getLong(2)))
        .isEqualTo(List.of(159L, 155L, 3L));
  }

  @Test
  void lateAndMissingDeliveriesAndQuarantineRatesAreReported() {

    Map<String, Row> deliveries = catalog.read(DataQuality.DELIVERIES).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("station_id") + " " + r.getAs("period"), r -> r));
    assertThat(deliveries.keySet()).containsExactlyInAnyOrder("LY-S01 2023", "LY-S01 2024", "LY-S02 2023", "LY-S02 2024");
    Row late = deliveries.get("LY-S01 2024");
    assertThat(late.<String>getAs("status")).isEqualTo("LATE");
    assertThat(late.<Long>getAs("lateness_days")).isEqualTo(45L);
    assertThat(late.<String>getAs("source_file")).isEqualTo("liyang/water-quality-auto/LY-S01_2024.csv");
    assertThat(late.<java.sql.Date>getAs("due_date").toLocalDate()).isEqualTo(LocalDate.of(2025, 1, 30));
    Row onTime = deliveries.get("LY-S02 2023");
    assertThat(onTime.<String>getAs("status")).isEqualTo("ON_TIME");
    assertThat(onTime.<Long>getAs("lateness_days")).isZero();
    Row missing = deliveries.get("LY-S02 2024");
    assertThat(missing.<String>getAs("status")).isEqualTo("MISSING");
    assertThat(missing.<String>getAs("source_file")).isNull();
    assertThat(missing.<Long>getAs("lateness_days"))
        .isEqualTo(ChronoUnit.DAYS.between(LocalDate.of(2025, 1, 30), LocalDate.now(ZoneOffset.UTC)));
    assertThat(deliveries.get("LY-S01 2023").<String>getAs("status")).isEqualTo("MISSING");

    Row all = catalog.read(DataQuality.QUARANTINE_RATES)
        .where(col("source_file").endsWith("LY-S01_2024.csv").and(col("reason_code").equalTo("ALL"))).first();
    assertThat(all.<Long>getAs("received")).isEqualTo(153L);
    assertThat(all.<Long>getAs("quarantined")).isEqualTo(3L);
    assertThat(all.<Double>getAs("quarantine_rate")).isEqualTo(3 / 153.0);
    Row reason = catalog.read(DataQuality.QUARANTINE_RATES)
        .where(col("source_file").endsWith("LY-S01_2024.csv").and(col("reason_code").notEqual("ALL"))).first();
    assertThat(reason.<String>getAs("reason_code")).isEqualTo("OUT_OF_RANGE");
    assertThat(reason.<Double>getAs("quarantine_rate")).isEqualTo(3 / 153.0);
    assertThat(catalog.read(DataQuality.QUARANTINE_RATES).where(col("source_file").endsWith("LY-S02_2023.csv"))
        .first().<Double>getAs("quarantine_rate")).isZero();
  }

  @Test
  void lineageOfAGoldTableReachesTheExactLandingFilesWithTheVersionsOfTheRunLog() {
    Path first = s01;
    Path second = s02;
    // This test writes: on a copy of the ingested lakehouse.
    TableCatalog catalog = new TableCatalog(spark, SharedSpark.copyOf(this.catalog.config()), this.catalog.tables());

    // Two runs write the gold table, one per region partition.
    Run liyangRun = gold(catalog, "liyang");
    Run tianjinRun = gold(catalog, "tianjin");

    Lineage lineage = new Lineage(catalog);
    Lineage.Node root = lineage.of(GOLD.qualifiedName(), OptionalLong.empty());
    assertThat(root.version()).isEqualTo(catalog.version(GOLD).orElseThrow());
    assertThat(root.writers()).extracting(w -> w.run().runId()).containsExactly(liyangRun.id(), tianjinRun.id());
    Lineage.Writer writer = root.writers().get(0);
    assertThat(writer.run().job()).isEqualTo("test-gold");
    assertThat(writer.run().period()).isEqualTo("2024");
    assertThat(writer.run().parameterSet()).isEqualTo("default");
    assertThat(writer.run().status()).isEqualTo("SUCCEEDED");
    assertThat(writer.configuration()).contains("regions/liyang/region.json");
    Lineage.Node silver = writer.inputs().get(0);
    assertThat(silver.table()).isEqualTo("silver.water_quality");
    assertThat(silver.version()).isEqualTo(liyangRun.inputs().get("silver.water_quality"));
    assertThat(silver.writers()).extracting(w -> w.run().runId()).containsExactly(ingest.id());

    Set<Lineage.LandingFile> files = root.landingFiles(lineage);
    assertThat(files).extracting(Lineage.LandingFile::path, Lineage.LandingFile::sha256).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("liyang/water-quality-auto/LY-S01_2024.csv", IngestJob.sha256(first)),
        org.assertj.core.groups.Tuple.tuple("liyang/water-quality-auto/LY-S02_2023.csv", IngestJob.sha256(second)));
    Lineage.LandingFile s01 = files.stream().filter(f -> f.path().endsWith("LY-S01_2024.csv")).findFirst().orElseThrow();
    assertThat(List.of(s01.received(), s01.loaded(), s01.quarantined())).isEqualTo(List.of(153L, 149L, 3L));
    // The tianjin run read silver but no tianjin rows: its input says so.
    assertThat(root.writers().get(1).inputs().get(0).writers()).isEmpty();

    String text = lineage.text(root);
    assertThat(text).contains("gold.test_wq_summary @ version " + root.version(), "written by run " + liyangRun.id(),
        "silver.water_quality @ version " + silver.version() + " (region liyang)",
        "landing file liyang/water-quality-auto/LY-S01_2024.csv  sha256 " + IngestJob.sha256(first) + "  received 153, loaded 149, quarantined 3");
    assertThat(lineage.json(root).at("/runs/0/inputs/0/runs/0/landing_files/0/sha256").asText()).isEqualTo(IngestJob.sha256(first));

    // An earlier version: only the liyang run had written it.
    Lineage.Node before = new Lineage(catalog).of(GOLD.qualifiedName(), OptionalLong.of(root.version() - 1));
    assertThat(before.writers()).extracting(w -> w.run().runId()).containsExactly(liyangRun.id());
    assertThatThrownBy(() -> new Lineage(catalog).of("gold.no_such_table", OptionalLong.empty()))
        .isInstanceOf(LiangshanException.class).hasMessageContaining("gold.no_such_table");
  }

  private Run gold(TableCatalog catalog, String region) {
    Run run = Run.start(catalog, "test gold", "test-gold", region, "2024", "default");
    long records = run.input(org.liangshan.pipelines.source.SourceFamilies.silver("water_quality"))
        .where(col("region").equalTo(region)).count();
    catalog.replace(GOLD, run.stamp(spark.createDataFrame(List.of(RowFactory.create(region, records)),
        new org.apache.spark.sql.types.StructType().add("region", DataTypes.StringType).add("records", DataTypes.LongType))),
        "region = '" + region + "'");
    run.wrote(GOLD);
    run.succeed("ok");
    return run;
  }
}
