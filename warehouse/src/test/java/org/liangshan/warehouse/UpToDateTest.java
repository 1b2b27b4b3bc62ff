package org.liangshan.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * When a job's last run still stands: the run log and the Delta log of what it read and wrote decide, region by
 * region. Each test works on a copy of one template holding an input, an output and the run log.
 */
class UpToDateTest {
  private static final TableDef INPUT = TableDef.builder(Layer.SILVER, "test_readings", "readings for the up-to-date test")
      .string("region", "region id").string("item", "item").money("value_yuan", "value").audit()
      .partitionBy("region").naturalKey("region", "item").build();
  private static final TableDef OUTPUT = TableDef.builder(Layer.GOLD, "test_totals", "totals for the up-to-date test")
      .string("region", "region id").string("item", "item").money("value_yuan", "value").audit()
      .partitionBy("region").naturalKey("region", "item").build();
  private static final TableDef UNPARTITIONED = TableDef.builder(Layer.SILVER, "test_rates", "a table without regions")
      .string("item", "item").money("value_yuan", "value").audit().naturalKey("item").build();
  private static final List<TableDef> TABLES = List.of(INPUT, OUTPUT, UNPARTITIONED, OpsTables.RUN_LOG);
  private static LakehouseConfig template;

  private final SparkSession spark = SharedSpark.session();
  private final TableCatalog catalog = new TableCatalog(spark, SharedSpark.copyOf(template()), TABLES);

  private static synchronized LakehouseConfig template() {
    if (template == null) {
      LakehouseConfig config = SharedSpark.freshLakehouse();
      TableCatalog created = new TableCatalog(SharedSpark.session(), config, TABLES);
      TABLES.forEach(created::ensure);
      template = config;
    }
    return template;
  }

  private Dataset<Row> rows(TableDef def, Object[]... values) {
    return spark.createDataFrame(java.util.Arrays.stream(values).map(RowFactory::create).toList(), def.schema());
  }

  private void load(String region, String item, String value) {
    catalog.append(INPUT, rows(INPUT, new Object[] {region, item, new BigDecimal(value), "load", "none"}));
  }

  /** A job for one region: reads the input (and the unpartitioned table when asked), writes its region's total. */
  private String job(String region, String params, boolean readRates, boolean succeed) {
    Run run = Run.start(catalog, "liangshan test", "total", region, "2024", params);
    BigDecimal total = run.input(INPUT).where("region = '" + region + "'").collectAsList().stream()
        .map(r -> r.getDecimal(r.fieldIndex("value_yuan"))).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (readRates) {
      run.input(UNPARTITIONED).count();
    }
    catalog.merge(OUTPUT, rows(OUTPUT, new Object[] {region, "all", total, run.id(), params}), "value_yuan");
    run.wrote(OUTPUT);
    if (succeed) {
      run.succeed(null);
    } else {
      run.fail(new IllegalStateException("stopped half-way"));
    }
    return run.id();
  }

  private UpToDate.Verdict check(String region, String params) {
    return UpToDate.check(catalog, "total", region, "2024", params);
  }

  @Test
  void aRunStandsUntilItsRegionsRowsChangeAndOtherRegionsWritesDoNotCount() {
    load("liyang", "a", "10");
    load("tianjin", "a", "20");
    assertThat(check("liyang", "p1").standing()).isFalse();
    assertThat(check("liyang", "p1").reason()).isEqualTo("never run");

    String first = job("liyang", "p1", false, true);
    UpToDate.Verdict verdict = check("liyang", "p1");
    assertThat(verdict.standing()).as(verdict.reason()).isTrue();
    assertThat(verdict.runId()).hasValue(first);

    // Tianjin loads more readings and runs its own job: both write Tianjin's partitions only.
    load("tianjin", "b", "5");
    job("tianjin", "p1", false, true);
    assertThat(check("liyang", "p1").standing()).as(check("liyang", "p1").reason()).isTrue();

    // A Liyang reading arrives: the input changed for Liyang, so the job must run again.
    load("liyang", "b", "1");
    verdict = check("liyang", "p1");
    assertThat(verdict.standing()).isFalse();
    assertThat(verdict.reason()).startsWith("input silver.test_readings changed at version").contains("add of a liyang file");
    job("liyang", "p1", false, true);
    assertThat(check("liyang", "p1").standing()).isTrue();
  }

  @Test
  void anotherParameterSetAFailedLaterRunOrAChangedOutputMeanRunningAgain() {
    load("liyang", "a", "10");
    job("liyang", "p1", false, true);
    assertThat(check("liyang", "p2").standing()).isFalse();
    assertThat(check("liyang", "p2").reason()).isEqualTo("the parameter set changed");

    // Someone else's write to Liyang's output rows: the last run's rows no longer stand.
    catalog.merge(OUTPUT, rows(OUTPUT, new Object[] {"liyang", "all", new BigDecimal("99"), "manual", "none"}), "value_yuan");
    assertThat(check("liyang", "p1").reason()).startsWith("output gold.test_totals changed at version");

    job("liyang", "p1", false, true);
    assertThat(check("liyang", "p1").standing()).isTrue();
    String failed = job("liyang", "p1", false, false);
    assertThat(check("liyang", "p1").standing()).isFalse();
    assertThat(check("liyang", "p1").reason()).isEqualTo("the last run " + failed + " failed");
  }

  @Test
  void anyWriteToATableWithoutRegionsCountsAsAChange() {
    load("liyang", "a", "10");
    catalog.append(UNPARTITIONED, rows(UNPARTITIONED, new Object[] {"rate", new BigDecimal("1"), "load", "none"}));
    job("liyang", "p1", true, true);
    assertThat(check("liyang", "p1").standing()).isTrue();
    catalog.append(UNPARTITIONED, rows(UNPARTITIONED, new Object[] {"other", new BigDecimal("2"), "load", "none"}));
    assertThat(check("liyang", "p1").reason()).contains("silver.test_rates").contains("a file without a region partition");
  }

  @Test
  void theCodeFingerprintFollowsTheClassesAndResources() throws Exception {
    Path dir = Files.createTempDirectory("code-version");
    Files.createDirectories(dir.resolve("org/liangshan"));
    Files.writeString(dir.resolve("org/liangshan/Formula.class"), "one");
    String before = CodeVersion.of(dir.toString());
    assertThat(CodeVersion.of(dir.toString())).isEqualTo(before).matches("code-[0-9a-f]{16}");
    Files.writeString(dir.resolve("org/liangshan/Formula.class"), "two");
    assertThat(CodeVersion.of(dir.toString())).isNotEqualTo(before);
    // The run log records the fingerprint of the code that ran.
    Run run = Run.start(catalog, "liangshan test", "total", "liyang", "2024", "p1");
    run.succeed(null);
    Row logged = catalog.read(OpsTables.RUN_LOG).where("run_id = '" + run.id() + "'").head();
    assertThat((String) logged.getAs("code_version")).isEqualTo(CodeVersion.current());
  }
}
