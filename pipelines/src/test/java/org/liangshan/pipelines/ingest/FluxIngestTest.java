package org.liangshan.pipelines.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
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

/**
 * A real tower-year through the whole load: REddyProc's DE-Tha 1998 text file (core's test resource), delivered
 * as a year of Liyang's forest tower, lands in bronze, silver and quarantine with the ledger reconciled. The
 * parsing cases of every layout are in {@link FluxLandingTest} (no Spark).
 */
class FluxIngestTest {
  private final SparkSession spark = SharedSpark.session();
  private final Region liyang = Regions.load("liyang");
  @TempDir Path landing;

  @Test
  void theREddyProcYearLoadsWithNeeOnEveryMeasuredRowAndTheLedgerReconciles() throws IOException {
    Path file = landing.resolve("liyang/flux/LY-FT-FOREST_1998.txt");
    Files.createDirectories(file.getParent());
    try (InputStream in = FluxIngestTest.class.getResourceAsStream("/flux/DE-Tha_1998.txt")) {
      Files.copy(in, file);
    }
    TableCatalog catalog = TableCatalog.discover(spark, SharedSpark.freshLakehouse());
    Run run = Run.start(catalog, "test", "ingest", "liyang", null, null);
    IngestJob job = new IngestJob(run, liyang, landing, line -> {});
    SourceFamily flux = SourceFamilies.get("flux");
    LoadReport report = job.load(flux, job.discover(flux));
    run.succeed("ok");

    assertThat(report.rejectedFiles()).isEmpty();
    // 17,520 half-hours and the units row, which is quarantined as what it is.
    assertThat(report.received()).isEqualTo(17_521);
    assertThat(report.loaded()).isEqualTo(17_520);
    assertThat(report.quarantined()).isEqualTo(1);
    assertThat(report.received()).isEqualTo(report.loaded() + report.quarantined() + report.duplicates());
    List<Row> quarantine = catalog.read(OpsTables.QUARANTINE).select("reason_code", "source_line").collectAsList();
    assertThat(quarantine).extracting(r -> r.getString(0) + " line " + r.getLong(1)).containsExactly("UNITS_ROW line 2");

    var silver = catalog.read(SourceFamilies.silver("flux"));
    assertThat(silver.count()).isEqualTo(17_520);
    // NEE on every measured row of the file (those not -9999), u* on every row.
    assertThat(silver.where(col("nee_umol_m2_s").isNotNull()).count()).isEqualTo(11_263);
    assertThat(silver.where(col("ustar_m_s").isNull()).count()).isZero();
    assertThat(silver.where(col("tower_id").notEqual("LY-FT-FOREST")).count()).isZero();
  }
}
