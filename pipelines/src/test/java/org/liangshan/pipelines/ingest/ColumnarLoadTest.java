package org.liangshan.pipelines.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;
import org.liangshan.pipelines.bronze.BronzeTables;
import org.liangshan.pipelines.source.SourceFamilies;
import org.liangshan.pipelines.source.SourceFamily;
import org.liangshan.warehouse.OpsTables;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.SharedSpark;
import org.liangshan.warehouse.TableCatalog;
import org.liangshan.warehouse.TableDef;

/**
 * The columnar path ({@link ColumnarLoad}) against the row path: the water-quality bad-input corpus and a
 * generated file (clean records, then the edge cases the column checks must leave to the row mapper) are
 * loaded through each, in the same five deliveries (the last two redeliver the generated file: corrected, which
 * merges, and halved, which the redelivery guard holds) (files are grouped by header, as the columnar path
 * needs), into two fresh lakehouses; bronze, silver, quarantine, plausibility flags, the ledger and the
 * refusals must be the same, row for row, apart from run ids and load times.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ColumnarLoadTest {
  private static final Path CORPUS = Path.of("src/test/resources/bad-input");
  private final SparkSession spark = SharedSpark.session();
  private final SourceFamily family = SourceFamilies.get("water-quality-manual");
  @TempDir static Path landing;
  private Outcome rows;
  private Outcome columnar;

  /** What a path left: every table's rows (without run ids and load times), the ledger, refusals and the path log. */
  private record Outcome(Map<String, List<String>> tables, List<String> ledger, List<String> refused, List<String> held,
      List<String> log) {}

  @BeforeAll
  void loadThroughBothPaths() {
    Region liyang = Regions.load("liyang");
    String generated = generated(liyang);
    List<Delivery> deliveries = List.of(
        new Delivery(Map.of("generated_2024.csv", generated), List.of("generated_2024.csv", "stray_quote.csv", "swallowed.csv",
            "quote_in_value.csv", "unicode_text_utf16be.csv", "spike.csv", "lab_2024.csv", "censored_tight.csv")),
        new Delivery(Map.of(), List.of("rfc4180.csv")),
        new Delivery(Map.of(), List.of("extra_columns.csv")),
        // A corrected redelivery (100 clean records dropped, 100 values changed): within the guard's share, so
        // it loads through the MERGE that supersedes the file.
        new Delivery(Map.of("generated_2024.csv", corrected(generated)), List.of("generated_2024.csv")),
        // A redelivery with half the records: held by the guard, nothing changes.
        new Delivery(Map.of("generated_2024.csv", halved(generated)), List.of("generated_2024.csv")));
    rows = load(deliveries, Long.MAX_VALUE);
    columnar = load(deliveries, 0);
  }

  /** One load: the files to (re)write first, by name, then the files delivered. */
  private record Delivery(Map<String, String> written, List<String> files) {}

  /** The landing folder as the first delivery finds it: the corpus's water-quality files. */
  private static Path corpusCopied() throws IOException {
    Path folder = landing.resolve("liyang/water-quality-manual");
    Files.createDirectories(folder);
    for (String name : List.of("stray_quote.csv", "swallowed.csv", "quote_in_value.csv", "unicode_text_utf16be.csv", "rfc4180.csv")) {
      Files.copy(CORPUS.resolve("csv").resolve(name), folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
    for (String name : List.of("spike.csv", "extra_columns.csv")) {
      Files.copy(CORPUS.resolve("manual").resolve(name), folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
    for (String name : List.of("lab_2024.csv", "censored_tight.csv")) {
      Files.copy(CORPUS.resolve("numbers").resolve(name), folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
    return folder;
  }

  private Outcome load(List<Delivery> deliveries, long columnarMinBytes) {
    Path folder;
    try {
      folder = corpusCopied();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    TableCatalog catalog = TableCatalog.discover(spark, SharedSpark.freshLakehouse());
    List<String> ledger = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    List<String> held = new ArrayList<>();
    List<String> log = new ArrayList<>();
    for (Delivery delivery : deliveries) {
      delivery.written().forEach((name, text) -> {
        try {
          Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      Run run = Run.start(catalog, "test", "ingest", "liyang", null, null);
      IngestJob job = new IngestJob(run, Regions.load("liyang"), landing, log::add);
      job.columnarMinBytes = columnarMinBytes;
      List<Path> files = delivery.files().stream().map(folder::resolve).toList();
      LoadReport report = job.load(family, files);
      run.succeed("ok");
      for (LoadReport.FileLine line : report.files()) {
        assertThat(line.received()).as(line.file()).isEqualTo(line.loaded() + line.quarantined() + line.duplicates());
        ledger.add(line.file() + " " + line.received() + "=" + line.loaded() + "+" + line.quarantined() + "+" + line.duplicates());
      }
      report.rejectedFiles().forEach(r -> refused.add(r.getMessage()));
      report.heldFiles().forEach(h -> held.add(h.message()));
    }
    Map<String, List<String>> tables = new TreeMap<>();
    for (TableDef table : List.of(BronzeTables.of(family), family.silver(), OpsTables.QUARANTINE, Plausibility.TABLE)) {
      tables.put(table.name(), comparable(catalog.read(table)));
    }
    return new Outcome(tables, ledger, refused, held, log.stream().filter(l -> l.contains(" path)")).toList());
  }

  /** The rows as sorted strings, without the columns that differ between any two runs (run ids, load times). */
  private static List<String> comparable(Dataset<Row> table) {
    List<String> keep = new ArrayList<>();
    for (StructField field : table.schema().fields()) {
      if (!field.name().endsWith("run_id") && !field.dataType().equals(DataTypes.TimestampType)
          || field.name().equals("observed_at")) {
        keep.add(field.name());
      }
    }
    return table.selectExpr(keep.stream().map(c -> "`" + c + "`").toArray(String[]::new)).collectAsList().stream()
        .map(Row::toString).sorted().toList();
  }

  @Test
  void eachDeliveryTookTheIntendedPath() {
    assertThat(rows.log()).hasSize(5).allMatch(line -> line.endsWith("(row path)"));
    assertThat(columnar.log()).hasSize(5).allMatch(line -> line.endsWith("(columnar path)"));
  }

  @Test
  void bronzeSilverQuarantineAndFlagsAreTheSameRows() {
    assertThat(columnar.tables().keySet()).isEqualTo(rows.tables().keySet());
    for (String table : rows.tables().keySet()) {
      assertThat(columnar.tables().get(table)).as(table).containsExactlyElementsOf(rows.tables().get(table));
    }
    // Not vacuous: the generated file's clean records reached silver (its ten spellings name eight indicators,
    // so two records in ten repeat a key of their day and section), its edge cases quarantine.
    assertThat(rows.tables().get("water_quality")).hasSizeGreaterThan(CLEAN * 8 / 10);
    assertThat(rows.tables().get("quarantine").stream().filter(q -> q.contains("generated_2024.csv")))
        .hasSize(QUARANTINED_EDGES);
  }

  @Test
  void ledgerAndRefusalsAreTheSame() {
    assertThat(columnar.ledger()).containsExactlyElementsOf(rows.ledger());
    assertThat(columnar.refused()).containsExactlyElementsOf(rows.refused());
    assertThat(rows.refused()).hasSize(2).allMatch(r -> r.contains("stray_quote.csv") || r.contains("swallowed.csv"));
  }

  @Test
  void aCorrectedRedeliveryMergesAndAHalvedOneIsHeldOnBothPaths() {
    assertThat(columnar.held()).containsExactlyElementsOf(rows.held());
    assertThat(rows.held()).singleElement().asString().contains("generated_2024.csv: HELD, not loaded");
    // The corrected redelivery's ledger line (the fourth delivery): 100 records fewer than the first.
    List<String> generatedLines = rows.ledger().stream().filter(l -> l.contains("generated_2024.csv")).toList();
    assertThat(generatedLines).hasSize(2);
    assertThat(received(generatedLines.get(0)) - received(generatedLines.get(1))).isEqualTo(100);
    // Silver holds the corrected values: the 101st clean record (化学需氧量, 10.000 mg/L) was redelivered as 10.0001.
    // (The first delivery's values have three decimals, so only the correction can give this one.)
    assertThat(rows.tables().get("water_quality")).anyMatch(r -> r.contains(",10.0001,"));
  }

  private static long received(String ledgerLine) {
    return Long.parseLong(ledgerLine.substring(ledgerLine.indexOf(' ') + 1, ledgerLine.indexOf('=')));
  }

  /** The generated file with its first 100 clean records dropped and the value of the next 100 given one more digit. */
  private static String corrected(String generated) {
    List<String> lines = new ArrayList<>(Arrays.asList(generated.split("\n", -1)));
    for (int i = 101; i <= 200; i++) {
      String[] v = lines.get(i).split(",", -1);
      v[3] = v[3] + "1";
      lines.set(i, String.join(",", v));
    }
    lines.subList(1, 101).clear();
    return String.join("\n", lines);
  }

  /** The generated file with the second half of its clean records dropped. */
  private static String halved(String generated) {
    List<String> lines = new ArrayList<>(Arrays.asList(generated.split("\n", -1)));
    lines.subList(1 + CLEAN / 2, 1 + CLEAN).clear();
    return String.join("\n", lines);
  }

  private static final int CLEAN = 2_000;

  /** Edge cases below that the row mapper quarantines. */
  private static final int QUARANTINED_EDGES = 13;

  /**
   * {@value #CLEAN} clean records over the region's sections, every indicator (by name and by code) and its
   * usual units; then records the column checks must leave to the row mapper: censored values, spaces,
   * full-width digits, upper-case spellings, a rare unit, dates that are not dates or in the future, values
   * out of range, NaN, a decimal comma, a short and a long record, an unknown section and a duplicate key
   * (the later record wins).
   */
  private static String generated(Region region) {
    String[][] indicators = {{"化学需氧量", "mg/L"}, {"codmn", "mg/L"}, {"氨氮", "μg/L"}, {"tp", "mg/l"}, {"总氮", "g/m³"},
        {"溶解氧", "mg/L"}, {"pH", "无量纲"}, {"水温", "℃"}, {"ph", "-"}, {"water_temp", "°C"}};
    double[] values = {12.5, 3.1, 450, 0.08, 1.2, 7.5, 7.2, 18.5, 6.9, 22.0};
    List<String> sections = region.sections().stream().map(s -> s.id()).toList();
    StringBuilder out = new StringBuilder("断面编码,采样日期,监测指标,监测值,单位\n");
    for (int i = 0; i < CLEAN; i++) {
      int k = i % indicators.length;
      String section = sections.get(i / indicators.length % sections.size());
      java.time.LocalDate day = java.time.LocalDate.of(2020, 1, 1).plusDays(i / (indicators.length * sections.size()));
      out.append(section).append(',').append(day).append(',').append(indicators[k][0]).append(',')
          .append(String.format(java.util.Locale.ROOT, "%.3f", values[k] * (0.8 + 0.4 * ((i * 37) % 100) / 100.0)))
          .append(',').append(indicators[k][1]).append('\n');
    }
    String s = sections.get(0);
    out.append(String.join("\n", Arrays.asList(
        // Loaded by the row mapper (not by the column checks), to the same rows:
        s + ",2024-05-01,总磷,<0.01,mg/L",
        s + ",2024-05-01,氨氮,未检出,mg/L",
        s + ",2024-05-01,总氮, 1.5 ,mg/L",
        s + ",2024-05-01,化学需氧量,０.５,mg/L",
        s + ",2024-05-01,PH,7.1,无量纲",
        s + ",2024-05-01,溶解氧,8.1,MG / L",
        s + ",2024-05-01,高锰酸盐指数,+2.5,mg/L",
        s + ",2024-05-01,水温,1.5e1,℃",
        " " + s + ",2024-05-02,总磷,0.05,mg/L",
        // Quarantined by the row mapper (QUARANTINED_EDGES of them):
        s + ",2024-02-30,总磷,0.05,mg/L",
        s + ",2024/05/03,总磷,0.05,mg/L",
        s + ",2099-01-01,总磷,0.05,mg/L",
        s + ",2024-05-03,总磷,25,mg/L",
        s + ",2024-05-03,氨氮,-0.1,mg/L",
        s + ",2024-05-03,总氮,NaN,mg/L",
        s + ",2024-05-03,溶解氧,\"7,5\",mg/L",
        s + ",2024-05-03,浊度,3,NTU",
        s + ",2024-05-03,总磷,0.05,ppm",
        s + ",2024-05-03,总磷,,mg/L",
        "LY-S99,2024-05-03,总磷,0.05,mg/L",
        s + ",2024-05-03,总磷",
        s + ",2024-05-03,总磷,0.05,mg/L,extra",
        // A duplicate key: the later record wins.
        s + ",2024-05-04,总磷,0.05,mg/L",
        s + ",2024-05-04,总磷,0.06,mg/L"))).append('\n');
    return out.toString();
  }
}
