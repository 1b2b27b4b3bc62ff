package org.liangshan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.liangshan.warehouse.LakehouseConfig;
import org.liangshan.warehouse.Layer;
import org.liangshan.warehouse.OpsTables;
import org.liangshan.warehouse.SparkSessions;
import org.liangshan.warehouse.TableCatalog;
import org.liangshan.warehouse.TableDef;

/**
 * The integration stage: the demo end to end on a fresh lakehouse for both regions, then Liyang's batch again.
 * Asserts the run succeeds, counts reconcile, ledgers balance, a plain Spark session reads every table, and the
 * second run changes no gold number.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoIT {
  private Path work;
  private String lakehouse;
  private Map<String, List<String>> goldAfterFirstRun;

  @BeforeAll
  void runTheDemoOnce() throws Exception {
    // The first run is the shared demo lakehouse's (run once per failsafe JVM on a fresh directory).
    DemoLakehouse demo = DemoLakehouse.shared();
    work = demo.work();
    lakehouse = demo.lakehouse();
    CalcCommandTest.Result result = demo.firstRun();
    // Null when -Dliangshan.it.demo-work points at a demo run beforehand: there is no first-run output then.
    if (result != null) {
      assertThat(result.status()).as(result.err()).isZero();
      assertThat(result.out()).contains("Done in");
    }
    goldAfterFirstRun = goldSnapshot();
  }

  @AfterAll
  void stop() {
    Lakehouse.closeAll();
  }

  private TableCatalog catalog() {
    return catalog(lakehouse);
  }

  private static TableCatalog catalog(String lakehouse) {
    LakehouseConfig config = new LakehouseConfig(lakehouse, "local[2]", Map.of());
    SparkSession spark = SparkSessions.create(config);
    return TableCatalog.discover(spark, config);
  }

  /** Every gold table's rows as sorted strings, without the run id and input versions (which differ between runs by design). */
  private Map<String, List<String>> goldSnapshot() {
    return goldSnapshot(lakehouse);
  }

  private static Map<String, List<String>> goldSnapshot(String lakehouse) {
    TableCatalog catalog = catalog(lakehouse);
    Map<String, List<String>> snapshot = new TreeMap<>();
    for (TableDef def : catalog.tables()) {
      if (def.layer() != Layer.GOLD || !catalog.exists(def)) {
        continue;
      }
      // run_id and provenance (the Delta version of each input read) differ between runs by design: a re-run reads
      // the versions the first run wrote. Every other column must come out identical.
      Dataset<Row> rows = catalog.read(def).drop("run_id", "provenance");
      List<String> lines = new ArrayList<>();
      for (Row row : rows.collectAsList()) {
        lines.add(row.toString());
      }
      java.util.Collections.sort(lines);
      snapshot.put(def.qualifiedName(), lines);
    }
    return snapshot;
  }

  @Test
  @Order(1)
  void everyIngestedFileReconciles() {
    TableCatalog catalog = catalog();
    Dataset<Row> files = catalog.read(OpsTables.INGESTED_FILES);
    assertThat(files.count()).isGreaterThan(20);
    assertThat(files.where("received <> loaded + quarantined + duplicates").count()).isZero();
    assertThat(catalog.read(OpsTables.RUN_LOG).where("status = 'FAILED'").count()).isZero();
  }

  @Test
  @Order(2)
  void goldTablesAreFilledForBothRegionsAndCarryTheirRunId() {
    assertThat(goldAfterFirstRun).containsKeys("gold.gep_by_district", "gold.carbon_sink_district_year",
        "gold.auction_results", "gold.collateral_valuation", "gold.compensation_ledger");
    TableCatalog catalog = catalog();
    Dataset<Row> gep = catalog.read(catalog.table("gold.gep_by_district"));
    assertThat(gep.select("region").distinct().count()).isEqualTo(2);
    // A service can be worth zero in a district (no wetland, no reported statistics), never less.
    assertThat(gep.where("value_yuan < 0").count()).isZero();
    assertThat(gep.groupBy("region", "district_code", "year").sum("value_yuan").where("`sum(value_yuan)` <= 0").count()).isZero();
    // Every gold run id is a successful run in the run log.
    Dataset<Row> runs = catalog.read(OpsTables.RUN_LOG).where("status = 'SUCCEEDED'").select("run_id");
    assertThat(gep.select("run_id").distinct().join(runs, "run_id").count())
        .isEqualTo(gep.select("run_id").distinct().count());
  }

  @Test
  @Order(3)
  void compensationPostingsBalancePerPeriod() {
    TableCatalog catalog = catalog();
    Dataset<Row> postings = catalog.read(catalog.table("gold.compensation_postings"));
    List<Row> sums = postings.agg(functions.sum("debit_yuan"), functions.sum("credit_yuan")).collectAsList();
    BigDecimal debits = sums.get(0).getDecimal(0);
    BigDecimal credits = sums.get(0).getDecimal(1);
    assertThat(debits).isNotNull();
    assertThat(debits).isEqualByComparingTo(credits);
  }

  @Test
  @Order(4)
  void lineageOfEveryGoldTableReachesLandingFilesOrTheRegionConfiguration() throws Exception {
    TableCatalog catalog = catalog();
    org.liangshan.warehouse.Lineage lineage = new org.liangshan.warehouse.Lineage(catalog);
    Map<String, String> shaOf = new TreeMap<>();
    for (Row r : catalog.read(OpsTables.INGESTED_FILES).select("source_file", "file_sha256", "ingest_run_id").collectAsList()) {
      shaOf.put(r.getString(0) + "\t" + r.getString(2), r.getString(1));
    }
    int traced = 0;
    for (TableDef def : catalog.tables()) {
      if (def.layer() != Layer.GOLD || !catalog.exists(def) || catalog.read(def).isEmpty()) {
        continue;
      }
      org.liangshan.warehouse.Lineage.Node root = lineage.of(def.qualifiedName(), java.util.OptionalLong.empty());
      assertThat(root.writers()).as(def.qualifiedName() + " has a writing run").isNotEmpty();
      java.util.Set<org.liangshan.warehouse.Lineage.LandingFile> files = root.landingFiles(lineage);
      assertThat(files.isEmpty() && root.configuration(lineage).isEmpty()).as(def.qualifiedName() + " reaches a leaf").isFalse();
      for (org.liangshan.warehouse.Lineage.LandingFile file : files) {
        if (shaOf.containsKey(file.path() + "\t" + file.ingestRunId())) {
          assertThat(file.sha256()).as(file.path()).isEqualTo(shaOf.get(file.path() + "\t" + file.ingestRunId()));
        } else {
          assertThat(file.path()).as("a landing file not in the ledger is a raster scene").contains("/rasters/");
          assertThat(file.sha256()).as(file.path()).hasSize(64);
        }
      }
      traced++;
    }
    assertThat(traced).isGreaterThan(20);
    // The headline tables come from the monitoring deliveries, not only from configuration.
    for (String table : List.of("gold.gep_by_district", "gold.compensation_ledger", "gold.collateral_valuation")) {
      java.util.Set<org.liangshan.warehouse.Lineage.LandingFile> files = lineage.of(table, java.util.OptionalLong.empty()).landingFiles(lineage);
      assertThat(files).as(table).isNotEmpty();
      org.liangshan.warehouse.Lineage.LandingFile one = files.iterator().next();
      java.nio.file.Path onDisk = work.resolve("landing").resolve(one.path());
      if (java.nio.file.Files.isRegularFile(onDisk) && !one.path().endsWith(".shp")) {
        assertThat(org.liangshan.pipelines.ingest.IngestJob.sha256(onDisk)).as(one.path()).isEqualTo(one.sha256());
      }
    }
    // The command prints the same tree.
    CalcCommandTest.Result text = CalcCommandTest.run("lineage", "gold.gep_by_district", "--lakehouse", lakehouse);
    assertThat(text.status()).as(text.err()).isZero();
    assertThat(text.out()).contains("gold.gep_by_district @ version", "written by run", "landing file ");
    CalcCommandTest.Result unknown = CalcCommandTest.run("lineage", "gold.no_such_table", "--lakehouse", lakehouse);
    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.err()).contains("gold.no_such_table");
  }

  @Test
  @Order(5)
  void dataQualityReportsReconcileWithTheFileLedger() {
    TableCatalog catalog = catalog();
    // The current delivery of each file name: its latest load.
    Dataset<Row> ledger = catalog.read(OpsTables.INGESTED_FILES).where("NOT superseded")
        .withColumn("_latest", functions.row_number().over(org.apache.spark.sql.expressions.Window
            .partitionBy("region", "family", "source_file").orderBy(functions.col("ingested_at").desc())))
        .where("_latest = 1").drop("_latest");
    Dataset<Row> completeness = catalog.read(catalog.table("ops.dq_completeness"));
    List<Row> families = completeness.groupBy("region", "family")
        .agg(functions.sum("received"), functions.sum("loaded"), functions.sum("quarantined")).orderBy("region", "family").collectAsList();
    assertThat(families).hasSizeGreaterThanOrEqualTo(6);
    for (Row f : families) {
      Row l = ledger.where(functions.col("region").equalTo(f.getString(0)).and(functions.col("family").equalTo(f.getString(1))))
          .agg(functions.sum("received"), functions.sum("loaded"), functions.sum("quarantined")).first();
      assertThat(List.of(f.getLong(2), f.getLong(3), f.getLong(4))).as(f.getString(0) + " " + f.getString(1))
          .isEqualTo(List.of(l.getLong(0), l.getLong(1), l.getLong(2)));
    }
    assertThat(completeness.where("completeness < 0 OR completeness > 1").count()).isZero();
    // One ALL row per current delivery, with the ledger's counts.
    Dataset<Row> all = catalog.read(catalog.table("ops.dq_quarantine_rates")).where("reason_code = 'ALL'");
    assertThat(all.count()).isEqualTo(ledger.count());
    assertThat(all.join(ledger, scala.collection.JavaConverters.asScalaBuffer(List.of("region", "family", "source_file")).toSeq())
        .where(all.col("received").notEqual(ledger.col("received")).or(all.col("quarantined").notEqual(ledger.col("quarantined"))))
        .count()).isZero();
    // Every time-series delivery in the ledger has its delivery row.
    Dataset<Row> deliveries = catalog.read(catalog.table("ops.dq_deliveries"));
    long delivered = deliveries.where("status <> 'MISSING'").count();
    assertThat(delivered).isEqualTo(ledger.where("family IN ('water-quality-auto', 'water-quality-manual', 'hydrology', 'meteo', 'flux')"
        + " AND source_file RLIKE '[0-9]{4}\\\\.csv$'").count());
  }

  @Test
  @Order(6)
  void aSecondRunChangesNoGoldNumber() {
    // Liyang's last year again (the smaller region: every landing file seen again and skipped, every job of the batch
    // for 2024 on top of both years' rows, as an operator re-running a day's work would); 2023's rows and Tianjin's
    // must stay exactly as they are too, so the whole gold layer is compared. One year rather than two halves the
    // test's time; the jobs of 2023 re-run on the same rows are the same code on the same kind of slice.
    CalcCommandTest.Result again = CalcCommandTest.run("demo", "--region", "liyang", "--years", "2024", "--lakehouse",
        lakehouse, "--landing", work.resolve("landing").toString());
    assertThat(again.status()).as(again.err()).isZero();
    assertThat(again.out()).doesNotContain("REFUSED");
    Map<String, List<String>> second = goldSnapshot();
    assertThat(second.keySet()).isEqualTo(goldAfterFirstRun.keySet());
    for (String table : second.keySet()) {
      assertThat(second.get(table)).as(table).isEqualTo(goldAfterFirstRun.get(table));
    }
  }
}
