package org.liangshan.pipelines.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

/**
 * The bad-input corpus of src/test/resources/bad-input: real files as agencies get them wrong. Each case is
 * a quarantine row with reason, field and message, or a file refused whole with its reason, and what was
 * loaded before stays.
 */
class BadInputCorpusTest {
  private static final Path CORPUS = Path.of("src/test/resources/bad-input");
  private final SparkSession spark = SharedSpark.session();
  private TableCatalog catalog;
  @TempDir Path landing;

  @BeforeEach
  void freshLakehouse() {
    catalog = TableCatalog.discover(spark, SharedSpark.freshLakehouse());
  }

  private void deliver(String folder, String corpusFolder, String... names) throws IOException {
    Path target = landing.resolve("liyang").resolve(folder);
    Files.createDirectories(target);
    for (String name : names) {
      Files.copy(CORPUS.resolve(corpusFolder).resolve(name), target.resolve(name));
    }
  }

  private LoadReport ingest(String familyName) {
    Run run = Run.start(catalog, "test", "ingest", "liyang", null, null);
    IngestJob job = new IngestJob(run, Regions.load("liyang"), landing, line -> { });
    SourceFamily family = SourceFamilies.get(familyName);
    LoadReport report = job.load(family, job.discover(family));
    run.succeed("ok");
    return report;
  }

  @Test
  void everyBadHydrologyFileIsQuarantinedOrRefusedAndWhatWasLoadedStays() throws IOException {
    deliver("hydrology", "hydrology", "good_2024.csv");
    ingest("hydrology");
    assertThat(catalog.read(SourceFamilies.silver("hydrology")).count()).isEqualTo(2);

    deliver("hydrology", "hydrology", "bad_values.csv", "dup_a.csv", "dup_b.csv", "empty.csv", "missing_column.csv", "semicolon.csv",
        "no_measures.csv", "no_measure_columns.csv");
    LoadReport report = ingest("hydrology");

    assertThat(report.rejectedFiles()).extracting(FileRejected::getMessage).containsExactlyInAnyOrder(
        "liyang/hydrology/empty.csv: the file is empty (no header line)",
        "liyang/hydrology/no_measures.csv: none of its 2 record(s) has a value in any required measure of family hydrology"
            + " (流量(m³/s), 水位(m)); an export without its measured values is refused, not loaded empty: deliver the file with"
            + " the values filled in",
        "liyang/hydrology/no_measure_columns.csv: has none of the required measures of family hydrology (流量(m³/s), 水位(m)):"
            + " a file needs at least one of them (found: 断面编码, 日期, 备注)",
        "liyang/hydrology/missing_column.csv: missing required column(s) 日期 for family hydrology (found: 断面编码, 流量(m³/s), 水位(m)).",
        "liyang/hydrology/semicolon.csv: missing required column(s) 断面编码, 日期 for family hydrology (found: 断面编码;日期;流量(m³/s);水位(m))."
            + " The header has a single column: the file must be comma- or tab-delimited.");
    Map<String, String> counts = new TreeMap<>();
    for (LoadReport.FileLine line : report.files()) {
      counts.put(line.file(), line.skipped() ? "skipped" : line.received() + "=" + line.loaded() + "+" + line.quarantined() + "+" + line.duplicates());
    }
    assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
        "liyang/hydrology/good_2024.csv", "skipped",
        "liyang/hydrology/bad_values.csv", "7=0+7+0",
        // Duplicate keys across files: dup_b (later in name order) wins 2024-07-02; within dup_b the later 07-03 wins.
        "liyang/hydrology/dup_a.csv", "2=1+0+1",
        "liyang/hydrology/dup_b.csv", "3=2+0+1"));

    Map<Long, String> reasons = new TreeMap<>();
    for (Row q : catalog.read(OpsTables.QUARANTINE).where("source_file = 'liyang/hydrology/bad_values.csv'").collectAsList()) {
      reasons.put(q.getAs("source_line"), q.getAs("reason_code") + "/" + q.getAs("field") + ": " + q.getAs("message"));
    }
    String file = "liyang/hydrology/bad_values.csv line ";
    assertThat(reasons).containsExactly(
        Map.entry(2L, "NOT_A_NUMBER/flow_m3_s: " + file + "2: '三十' in '流量(m³/s)' is not a number"),
        Map.entry(3L, "OUT_OF_RANGE/flow_m3_s: " + file + "3: 流量(m³/s) = 5000000 is above the plausible maximum 100000"),
        Map.entry(4L, "NEGATIVE_VALUE/flow_m3_s: " + file + "4: 流量(m³/s) = -2.5 is below the minimum 0"),
        Map.entry(5L, "UNKNOWN_REFERENCE/section_id: " + file + "5: 'LY-S99' in '断面编码' is not a known section"),
        Map.entry(6L, "FUTURE_TIMESTAMP/date: " + file + "6: date 2099-06-05 in '日期' is in the future"),
        Map.entry(7L, "WRONG_COLUMN_COUNT/null: " + file + "7: record has 5 values but the header has 4 columns (truncated line or stray delimiter)"),
        Map.entry(8L, "WRONG_COLUMN_COUNT/null: " + file + "8: record has 3 values but the header has 4 columns (truncated line or stray delimiter)"));
    Row truncated = catalog.read(OpsTables.QUARANTINE).where("source_line = 8").head();
    assertThat(truncated.<String>getAs("original")).isEqualTo("LY-S01,2024-06-07,12");

    List<String> silver = catalog.read(SourceFamilies.silver("hydrology")).orderBy("section_id", "date").collectAsList().stream()
        .map(r -> r.getAs("section_id") + " " + r.getAs("date") + " " + r.getAs("flow_m3_s") + " " + r.getAs("source_file")).toList();
    assertThat(silver).containsExactly(
        "LY-S01 2024-05-01 30.5 liyang/hydrology/good_2024.csv",
        "LY-S01 2024-05-02 31.0 liyang/hydrology/good_2024.csv",
        "LY-S03 2024-07-01 20.0 liyang/hydrology/dup_a.csv",
        "LY-S03 2024-07-02 22.0 liyang/hydrology/dup_b.csv",
        "LY-S03 2024-07-03 23.5 liyang/hydrology/dup_b.csv");
    // Every received record of a loaded file is in bronze, the refused files' are not.
    assertThat(catalog.read(catalog.table("bronze.hydrology")).count()).isEqualTo(2 + 7 + 2 + 3);
  }

  @Test
  void extraColumnsAreKeptInBronzeAndASpikeIsFlaggedButNotDropped() throws IOException {
    deliver("water-quality-manual", "manual", "extra_columns.csv", "spike.csv");
    LoadReport report = ingest("water-quality-manual");
    assertThat(report.rejectedFiles()).isEmpty();

    Row extra = catalog.read(catalog.table("bronze.water_quality_manual")).where("source_file LIKE '%extra_columns.csv'").head();
    assertThat(extra.<scala.collection.Map<String, String>>getAs("record").get("备注").get()).isEqualTo("晴");
    assertThat(catalog.read(SourceFamilies.silver("water_quality")).where("source_file LIKE '%extra_columns.csv'").count()).isEqualTo(1);

    // 22 TP values of about 0.05 mg/L and one of 15 mg/L (inside the valid range, 0..20).
    assertThat(catalog.read(SourceFamilies.silver("water_quality")).where("value = 15.0").count()).isEqualTo(1);
    List<Row> flags = catalog.read(Plausibility.TABLE).collectAsList();
    assertThat(flags).singleElement().satisfies(flag -> {
      assertThat(flag.<String>getAs("source_file")).isEqualTo("liyang/water-quality-manual/spike.csv");
      assertThat(flag.<Long>getAs("source_line")).isEqualTo(22L);
      assertThat(flag.<String>getAs("field")).isEqualTo("tp");
      assertThat(flag.<Double>getAs("value")).isEqualTo(15.0);
      assertThat(flag.<Double>getAs("median")).isEqualTo(0.05);
      assertThat(flag.<Double>getAs("robust_sd")).isCloseTo(0.014826, org.assertj.core.api.Assertions.within(1e-9));
      assertThat(flag.<String>getAs("rule")).isEqualTo("SPIKE_6_ROBUST_SD");
    });
    assertThat(report.files()).allSatisfy(line -> assertThat(line.quarantined()).isZero());
  }
}
