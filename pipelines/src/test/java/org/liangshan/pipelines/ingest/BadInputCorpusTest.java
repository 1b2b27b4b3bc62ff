package org.liangshan.pipelines.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
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
import org.liangshan.warehouse.TableDef;

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

  private void deliverAs(String folder, String corpusFile, String name) throws IOException {
    Path target = landing.resolve("liyang").resolve(folder);
    Files.createDirectories(target);
    Files.copy(CORPUS.resolve(corpusFile), target.resolve(name));
  }

  private static Map<String, String> ledger(LoadReport report) {
    Map<String, String> counts = new TreeMap<>();
    for (LoadReport.FileLine line : report.files()) {
      if (!line.skipped()) {
        assertThat(line.received()).as(line.file()).isEqualTo(line.loaded() + line.quarantined() + line.duplicates());
        counts.put(line.file(), line.received() + "=" + line.loaded() + "+" + line.quarantined() + "+" + line.duplicates());
      }
    }
    return counts;
  }

  private Map<Long, String> quarantine(String file) {
    Map<Long, String> reasons = new TreeMap<>();
    for (Row q : catalog.read(OpsTables.QUARANTINE).where("source_file = '" + file + "'").collectAsList()) {
      reasons.put(q.getAs("source_line"), q.getAs("reason_code") + "/" + q.getAs("field") + ": " + q.getAs("message"));
    }
    return reasons;
  }

  /** "line indicator" to "value censored detection_limit reported" for the silver.water_quality rows matching {@code where}. */
  private Map<String, String> observations(String where) {
    Map<String, String> rows = new TreeMap<>();
    for (Row r : catalog.read(SourceFamilies.silver("water_quality")).where(where).collectAsList()) {
      rows.put(r.getAs("source_line") + " " + r.getAs("indicator"),
          r.getAs("value") + " " + r.getAs("censored") + " " + r.getAs("detection_limit") + " " + r.getAs("reported"));
    }
    return rows;
  }

  private List<String> silverRows(String table) {
    return catalog.read(SourceFamilies.silver(table)).collectAsList().stream().map(Row::toString).sorted().toList();
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
        Map.entry(2L, "NOT_A_NUMBER/flow_m3_s: " + file + "2: '三十' in '流量(m³/s)' is not a number: expected digits with '.'"
            + " as the decimal mark and no thousands separator"),
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

  @Test
  void aStrayQuoteRefusesTheFileNamingTheLineAndWhatWasLoadedBeforeStays() throws IOException {
    deliver("water-quality-manual", "csv", "rfc4180.csv");
    assertThat(ledger(ingest("water-quality-manual"))).containsExactly(Map.entry("liyang/water-quality-manual/rfc4180.csv", "3=3+0+0"));
    List<String> before = silverRows("water_quality");

    deliver("water-quality-manual", "csv", "stray_quote.csv", "swallowed.csv", "quote_in_value.csv", "unicode_text_utf16be.csv");
    LoadReport report = ingest("water-quality-manual");

    // Never reconciled as 3 records received: the file is refused whole, naming the line where the quote opens.
    assertThat(report.rejectedFiles()).extracting(FileRejected::getMessage).containsExactlyInAnyOrder(
        "liyang/water-quality-manual/stray_quote.csv: line 4: a double quote (\") opens a value that never closes before"
            + " the end of the file (line 101), swallowing 97 line(s); remove the stray quote, or double it (\"\") inside a"
            + " quoted value, and deliver the file again",
        "liyang/water-quality-manual/swallowed.csv: lines 4-60: a double quote (\") on line 4 opens a value that runs over"
            + " 57 lines and a line inside the quoted value is a whole record (\"LY-S01,2024-01-04,总磷,0.053,mg/L\"): a stray"
            + " quote swallows the records that follow; remove it, or double it (\"\") inside a quoted value, and deliver the"
            + " file again");
    // A quote inside an unquoted value swallows nothing: 100 records received, the one with it quarantined.
    assertThat(ledger(report)).containsExactly(Map.entry("liyang/water-quality-manual/quote_in_value.csv", "100=99+1+0"),
        // Excel "Unicode text": UTF-16 with a byte-order mark, tab-delimited.
        Map.entry("liyang/water-quality-manual/unicode_text_utf16be.csv", "2=2+0+0"));
    assertThat(quarantine("liyang/water-quality-manual/quote_in_value.csv")).containsExactly(Map.entry(4L,
        "NOT_A_NUMBER/value: liyang/water-quality-manual/quote_in_value.csv line 4: '0.0\"52' in '监测值' is not a number:"
            + " expected digits with '.' as the decimal mark and no thousands separator"));
    // Nothing of the refused files anywhere; the earlier file's rows unchanged.
    assertThat(catalog.read(catalog.table("bronze.water_quality_manual")).count()).isEqualTo(3 + 100 + 2);
    List<String> after = silverRows("water_quality");
    assertThat(after).hasSize(3 + 99 + 2).containsAll(before);
    assertThat(observations("source_file LIKE '%utf16be.csv'")).containsExactly(
        Map.entry("2 tp", "0.05 false null null"), Map.entry("3 nh3n", "0.31 false null null"));
  }

  @Test
  void decimalCommasNanAndInfinityAreQuarantinedCensoredValuesKeptAndTheCheckRefusesNan() throws IOException {
    deliver("water-quality-auto", "numbers", "LY-S01_2024.csv");
    LoadReport auto = ingest("water-quality-auto");
    assertThat(ledger(auto)).containsExactly(Map.entry("liyang/water-quality-auto/LY-S01_2024.csv", "6=3+3+0"));
    String file = "liyang/water-quality-auto/LY-S01_2024.csv line ";
    assertThat(quarantine("liyang/water-quality-auto/LY-S01_2024.csv")).containsExactly(
        // The case: 0,019 in a tab-delimited station file is not 19 mg/L.
        Map.entry(3L, "NOT_A_NUMBER/tp_mg_l: " + file + "3: '0,019' in '总磷(mg/L)' is not a number: ',' is neither this"
            + " family's decimal mark ('.') nor a thousands separator it declares; if the agency writes decimal commas, the"
            + " family must declare decimal-mark: \",\""),
        Map.entry(4L, "NOT_A_NUMBER/do_mg_l: " + file + "4: 'NaN' in '溶解氧(mg/L)' is not a number: NaN and infinity are not"
            + " measured values; leave the value empty when it is missing"),
        Map.entry(7L, "NOT_A_NUMBER/tp_mg_l: " + file + "7: 'Infinity' in '总磷(mg/L)' is not a number: NaN and infinity are"
            + " not measured values; leave the value empty when it is missing"));
    assertThat(observations("indicator IN ('tp', 'nh3n', 'water_temp')")).containsExactly(
        Map.entry("2 nh3n", "0.21 false null null"),
        Map.entry("2 tp", "0.019 false null null"),
        Map.entry("2 water_temp", "22.1 false null null"),
        // ND: the declared limit of 氨氮 (0.05 mg/L) stands in, and DL/2 enters means; <0.01: the limit written.
        Map.entry("5 nh3n", "0.025 true 0.05 ND"),
        Map.entry("5 tp", "0.005 true 0.01 <0.01"),
        Map.entry("5 water_temp", "22.9 false null null"),
        // Full-width digits and marks are the same number.
        Map.entry("6 nh3n", "0.19 false null null"),
        Map.entry("6 tp", "0.021 false null null"),
        Map.entry("6 water_temp", "23.1 false null null"));

    List<String> autoRows = silverRows("water_quality");
    deliver("water-quality-manual", "numbers", "lab_2024.csv");
    LoadReport manual = ingest("water-quality-manual");
    assertThat(silverRows("water_quality")).containsAll(autoRows);
    assertThat(ledger(manual)).containsExactly(Map.entry("liyang/water-quality-manual/lab_2024.csv", "9=4+5+0"));
    String lab = "liyang/water-quality-manual/lab_2024.csv line ";
    assertThat(quarantine("liyang/water-quality-manual/lab_2024.csv")).containsExactly(
        // NaN in the long format used to pass both range checks and load.
        Map.entry(3L, "NOT_A_NUMBER/value: " + lab + "3: 'NaN' in '监测值' is not a number: NaN and infinity are not measured"
            + " values; leave the value empty when it is missing"),
        Map.entry(4L, "NOT_A_NUMBER/value: " + lab + "4: '-Infinity' in '监测值' is not a number: NaN and infinity are not"
            + " measured values; leave the value empty when it is missing"),
        Map.entry(8L, "WRONG_COLUMN_COUNT/null: " + lab + "8: record has 6 values but the header has 5 columns (truncated line"
            + " or stray delimiter)"),
        Map.entry(9L, "NOT_A_NUMBER/value: " + lab + "9: '0,95' in '监测值' is not a number: ',' is neither this family's"
            + " decimal mark ('.') nor a thousands separator it declares; if the agency writes decimal commas, the family must"
            + " declare decimal-mark: \",\""),
        // pH has no detection limit: <DL is not a value of it.
        Map.entry(10L, "NOT_A_NUMBER/value: " + lab + "10: '<DL' in '监测值' is not a number: expected digits with '.' as the"
            + " decimal mark and no thousands separator"));
    assertThat(observations("method = 'manual'")).containsExactly(
        Map.entry("2 tp", "0.05 false null null"),
        Map.entry("5 cod", "2.0 true 4.0 <4"),
        Map.entry("6 codmn", "0.25 true 0.5 未检出"),
        // HJ/T 91-2002's 10L in μg/L: the limit 0.01 mg/L in the canonical unit.
        Map.entry("7 tp", "0.005 true 0.01 10L"));

    // The silver CHECK refuses NaN written by any other path; the rows stay as they were.
    List<String> before = silverRows("water_quality");
    TableDef silver = SourceFamilies.silver("water_quality");
    assertThatThrownBy(() -> catalog.append(silver, catalog.read(silver).limit(1).withColumn("value", functions.lit(Double.NaN))))
        .hasMessageContaining("finite_measures");
    assertThat(silverRows("water_quality")).isEqualTo(before);
  }

  @Test
  void malformedMaturityDatesAreQuarantinedAndEveryMaturityIsTypedAsADate() throws IOException {
    deliverAs("finance", "finance/loans.csv", "loans.csv");
    LoadReport report = ingest("loans");
    assertThat(ledger(report)).containsExactly(Map.entry("liyang/finance/loans.csv", "5=2+3+0"));
    String file = "liyang/finance/loans.csv line ";
    assertThat(quarantine("liyang/finance/loans.csv")).containsExactly(
        Map.entry(3L, "BAD_DATE/matures_on: " + file + "3: '2025/13/45' in '到期日' is not a date (yyyy-MM-dd)"),
        Map.entry(4L, "BAD_DATE/matures_on: " + file + "4: '不详' in '到期日' is not a date (yyyy-MM-dd)"),
        Map.entry(5L, "NOT_A_NUMBER/principal_yuan: " + file + "5: '1,000,000' in '本金(元)' is not a number: ',' is neither"
            + " this family's decimal mark ('.') nor a thousands separator it declares; if the agency writes decimal commas,"
            + " the family must declare decimal-mark: \",\""));
    Dataset<Row> loans = catalog.read(SourceFamilies.silver("loans"));
    assertThat(loans.schema().apply("matures_on").dataType()).isEqualTo(DataTypes.DateType);
    assertThat(loans.orderBy("loan_id").collectAsList()).extracting(r -> r.getAs("loan_id") + " " + r.getAs("matures_on"))
        .containsExactly("L1 2027-01-10", "L5 2026-05-01");
  }

  @Test
  void aValueBelowTheDetectionLimitIsNotJudgedAsASpike() throws IOException {
    // Eleven total-phosphorus values within 0.002 mg/L of 0.05 (robust SD 0.0015) and one <0.01: its DL/2 of
    // 0.005 would be 30 robust SD from the median, but it is a substitute, not a measurement.
    deliver("water-quality-manual", "numbers", "censored_tight.csv");
    LoadReport report = ingest("water-quality-manual");
    assertThat(ledger(report)).containsExactly(Map.entry("liyang/water-quality-manual/censored_tight.csv", "12=12+0+0"));
    assertThat(observations("source_line = 13")).containsExactly(Map.entry("13 tp", "0.005 true 0.01 <0.01"));
    assertThat(catalog.read(Plausibility.TABLE).count()).isZero();
  }

  @Test
  void tradesInAnUnknownUnitOrOneThatDoesNotConvertToTheirQuoteUnitAreQuarantinedAndAnEmptyUnitIsTheQuoteUnit()
      throws IOException {
    deliverAs("market", "market/trades_units.csv", "trades_units.csv");
    LoadReport report = ingest("trades");
    String file = "liyang/market/trades_units.csv";
    assertThat(ledger(report)).containsExactly(Map.entry(file, "5=2+3+0"));
    String line = file + " line ";
    assertThat(quarantine(file)).containsExactly(
        Map.entry(4L, "UNIT_MISMATCH/unit: " + line + "4: unit 'tCO2e' in '单位' does not convert to t/a, the unit eco_voucher"
            + " trades are quoted in: state the unit the quantity and the price are in (t/a or another unit of its kind), or"
            + " leave it empty for t/a"),
        Map.entry(5L, "UNKNOWN_UNIT/unit: " + line + "5: unit '斤' in '单位' is not a known unit of quantity; expected `t/a`"
            + " (`吨/年`), `kg/a` (`千克/年`), `t` (`吨`, a stock), `kg` (`千克`, a stock), `tCO2e`, `MWh`, `tce`, `ha` (`公顷`)"),
        Map.entry(6L, "UNIT_MISMATCH/unit: " + line + "6: unit 't' in '单位' does not convert to t/a, the unit discharge_right"
            + " trades are quoted in: state the unit the quantity and the price are in (t/a or another unit of its kind), or"
            + " leave it empty for t/a"));
    // The trade without a unit is in the eco-voucher's quote unit, and silver says so; the kg/a trade is kept as stated.
    assertThat(catalog.read(SourceFamilies.silver("trades")).orderBy("trade_id").collectAsList())
        .extracting(r -> r.getAs("trade_id") + " " + r.getAs("quantity") + " " + r.getAs("unit") + " " + r.getAs("price_yuan"))
        .containsExactly("T1 0.002 t/a 1.567E7", "T2 2.0 kg/a 15670.0");
  }
}
