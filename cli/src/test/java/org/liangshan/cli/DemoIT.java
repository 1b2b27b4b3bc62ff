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
    assertThat(result.status()).as(result.err()).isZero();
    assertThat(result.out()).contains("Done in");
    goldAfterFirstRun = goldSnapshot();
  }

  @AfterAll
  void stop() {
    Lakehouse.closeAll();
  }

  private TableCatalog catalog() {
    LakehouseConfig config = new LakehouseConfig(lakehouse, "local[2]", Map.of());
    SparkSession spark = SparkSessions.create(config);
    return TableCatalog.discover(spark, config);
  }

  /** Every gold table's rows as sorted strings, without the run id (which differs between runs by design). */
  private Map<String, List<String>> goldSnapshot() {
    TableCatalog catalog = catalog();
    Map<String, List<String>> snapshot = new TreeMap<>();
    for (TableDef def : catalog.tables()) {
      if (def.layer() != Layer.GOLD || !catalog.exists(def)) {
        continue;
      }
      Dataset<Row> rows = catalog.read(def).drop("run_id");
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
  void aSecondRunChangesNoGoldNumber() {
    // Liyang again (the smaller region: every job of the batch, at a quarter of Tianjin's cost); Tianjin's rows must
    // stay exactly as they are too, so the whole gold layer is compared.
    CalcCommandTest.Result again = CalcCommandTest.run("demo", "--region", "liyang", "--lakehouse", lakehouse, "--landing",
        work.resolve("landing").toString());
    assertThat(again.status()).as(again.err()).isZero();
    assertThat(again.out()).doesNotContain("REFUSED");
    Map<String, List<String>> second = goldSnapshot();
    assertThat(second.keySet()).isEqualTo(goldAfterFirstRun.keySet());
    for (String table : second.keySet()) {
      assertThat(second.get(table)).as(table).isEqualTo(goldAfterFirstRun.get(table));
    }
  }
}
