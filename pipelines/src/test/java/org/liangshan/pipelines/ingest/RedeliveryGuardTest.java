package org.liangshan.pipelines.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
 * The redelivery guard with real files and real Delta tables: a redelivery of a loaded file that would
 * withdraw more than the family's share of its rows (hydrology: the policy's 20 %), or that is empty, or
 * whose every record is quarantined, is held and changes nothing; confirmed, it loads and the ledger says
 * so. Silver is read back with a plain Delta read of the table's directory, not through the catalog.
 */
class RedeliveryGuardTest {
  private static final String HEADER = "断面编码,日期,流量(m³/s),水位(m)\n";
  private static final String FILE = "liyang/hydrology/2024.csv";

  private final SparkSession spark = SharedSpark.session();
  private TableCatalog catalog;
  @TempDir Path landing;

  @BeforeEach
  void freshLakehouse() {
    catalog = TableCatalog.discover(spark, SharedSpark.freshLakehouse());
  }

  /** Days 1..n of July 2024 at LY-S01, flow 10.5 + day m³/s, level 4.2 m. */
  private static String days(int n) {
    return IntStream.rangeClosed(1, n)
        .mapToObj(d -> String.format("LY-S01,2024-07-%02d,%d.5,4.2%n", d, 10 + d))
        .collect(Collectors.joining());
  }

  private void deliver(String text) throws IOException {
    Path file = landing.resolve(FILE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private LoadReport ingest(Path... allowShrink) {
    Run run = Run.start(catalog, "test", "ingest", "liyang", null, null);
    IngestJob job = new IngestJob(run, Regions.load("liyang"), landing, line -> { }, List.of(allowShrink));
    SourceFamily hydrology = SourceFamilies.get("hydrology");
    LoadReport report = job.load(hydrology, job.discover(hydrology));
    run.succeed("ok");
    return report;
  }

  /** silver.hydrology as "date=flow", read from the table's directory by a plain Delta read. */
  private List<String> silver() {
    return spark.read().format("delta").load(catalog.location(SourceFamilies.silver("hydrology")))
        .orderBy("date").collectAsList().stream()
        .map(r -> r.getAs("date") + "=" + r.getAs("flow_m3_s"))
        .toList();
  }

  private List<Row> ledger() {
    return spark.read().format("delta").load(catalog.location(OpsTables.INGESTED_FILES))
        .orderBy("ingested_at").collectAsList();
  }

  @Test
  void anEmptyAnAllQuarantinedAndAHalvedRedeliveryAreHeldAndChangeNothingUntilConfirmed() throws IOException {
    deliver(HEADER + days(10));
    ingest();
    List<String> loaded = silver();
    assertThat(loaded).hasSize(10).startsWith("2024-07-01=11.5").endsWith("2024-07-10=20.5");
    long bronze = catalog.read(catalog.table("bronze.hydrology")).count();
    long silverVersion = catalog.version(SourceFamilies.silver("hydrology")).orElseThrow();

    // A mistaken export: the header and no records.
    deliver(HEADER);
    LoadReport empty = ingest();
    assertThat(empty.files()).isEmpty();
    assertThat(empty.heldFiles()).extracting(LoadReport.Held::message).containsExactly(
        FILE + ": HELD, not loaded: it is empty (a header and no records) and would withdraw every row the file loaded"
            + " before. Rows loaded before: 10, rows it would keep: 0, rows it would withdraw: 10. Nothing changed.");

    // Every record bad (negative flow): all would be quarantined.
    deliver(HEADER + days(10).replaceAll(",(\\d+\\.5),", ",-$1,"));
    LoadReport quarantined = ingest();
    assertThat(quarantined.heldFiles()).singleElement().satisfies(held -> {
      assertThat(held.reason()).isEqualTo("every one of its 10 record(s) is quarantined, so it would withdraw every row"
          + " the file loaded before (see 'liangshan quarantine')");
      assertThat(held.rowsBefore()).isEqualTo(10);
      assertThat(held.rowsWithdrawn()).isEqualTo(10);
    });

    // Half the year withdrawn, one value corrected.
    String halved = HEADER + days(5).replace("2024-07-03,13.5", "2024-07-03,13.0");
    deliver(halved);
    LoadReport shrink = ingest();
    assertThat(shrink.heldFiles()).singleElement().satisfies(held -> {
      assertThat(held.reason()).isEqualTo(
          "it would withdraw 5 of the 10 rows the file loaded before (50.0 %), more than the 20 % family hydrology allows");
      assertThat(held.rowsKept()).isEqualTo(5);
    });

    // None of the three wrote anything.
    assertThat(silver()).isEqualTo(loaded);
    assertThat(catalog.version(SourceFamilies.silver("hydrology"))).hasValue(silverVersion);
    assertThat(catalog.read(catalog.table("bronze.hydrology")).count()).isEqualTo(bronze);
    assertThat(catalog.exists(OpsTables.QUARANTINE) ? catalog.read(OpsTables.QUARANTINE).count() : 0).isZero();
    assertThat(ledger()).hasSize(1);

    // The operator confirms the halved file: it loads, and the ledger records the confirmation.
    LoadReport confirmed = ingest(landing.resolve(FILE));
    assertThat(confirmed.heldFiles()).isEmpty();
    assertThat(confirmed.files()).singleElement().satisfies(line -> assertThat(line.loaded()).isEqualTo(5));
    assertThat(silver()).containsExactly(
        "2024-07-01=11.5", "2024-07-02=12.5", "2024-07-03=13.0", "2024-07-04=14.5", "2024-07-05=15.5");
    Row last = ledger().get(1);
    assertThat(last.<Long>getAs("withdrawn")).isEqualTo(5L);
    assertThat(last.<Boolean>getAs("shrink_confirmed")).isTrue();
    assertThat(last.<Long>getAs("loaded")).isEqualTo(5L);
  }

  @Test
  void aRedeliveryWithdrawingTenPercentLoadsWithoutConfirmation() throws IOException {
    deliver(HEADER + days(10));
    ingest();

    deliver(HEADER + days(9));
    LoadReport report = ingest();

    assertThat(report.heldFiles()).isEmpty();
    assertThat(silver()).hasSize(9).doesNotContain("2024-07-10=20.5");
    List<Row> ledger = ledger();
    assertThat(ledger).hasSize(2);
    assertThat(ledger.get(0).<Long>getAs("withdrawn")).isZero();
    assertThat(ledger.get(1).<Long>getAs("withdrawn")).isEqualTo(1L);
    assertThat(ledger.get(1).<Boolean>getAs("shrink_confirmed")).isFalse();
  }
}
