package org.liangshan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liangshan.bench.BenchSupport;
import org.liangshan.bench.ChildJvm;
import org.liangshan.bench.GoldComparison;
import org.liangshan.bench.LoopbackCluster;
import org.liangshan.warehouse.LakehouseConfig;
import org.liangshan.warehouse.SparkSessions;
import org.liangshan.warehouse.TableCatalog;

/**
 * The accounting job on a Spark standalone cluster on loopback (a master and one 2-core worker started from
 * the cluster jar's SPARK_HOME; the driver is a {@code liangshan run ... --master spark://} process, the cluster
 * jar shipped to the executor) over a copy of the shared demo's lakehouse: every gold table it writes equals
 * the demo's local rows for that region and year, and the work ran on the cluster's executor.
 *
 * <p>The copy is also the moved-lakehouse test: a restored or migrated lakehouse is a copy of its directory under
 * another root, so every stored location must be relative to the root. The copy's scene locations are checked to be
 * relative, and the original's rasters are hidden while the cluster runs on the copy, so the equal gold rows prove
 * the copy read its own files.
 */
class ClusterIT {
  private static final String REGION = "liyang";
  private static final int YEAR = 2024;

  @Test
  void accountingOnALoopbackClusterWritesTheLocalRows() throws IOException {
    DemoLakehouse demo = DemoLakehouse.shared();
    Path work = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "cluster-it");
    Path copy = work.resolve("lakehouse");
    BenchSupport.copyTree(Path.of(demo.lakehouse()), copy);
    LakehouseConfig copyConfig = new LakehouseConfig(copy.toString(), "local[2]", Map.of());
    TableCatalog copied = TableCatalog.discover(SparkSessions.create(copyConfig), copyConfig);
    List<String> locations = copied.read(copied.table("silver.raster_scenes")).select("location")
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertThat(locations).isNotEmpty().noneMatch(LakehouseConfig::isAbsolute);
    Path rasters = Path.of(demo.lakehouse()).resolve("bronze").resolve("rasters");
    Path hidden = Path.of(demo.lakehouse()).resolve("bronze").resolve("rasters-hidden-while-the-copy-runs");

    ChildJvm.Result run;
    JsonNode master;
    JsonNode worker;
    Files.move(rasters, hidden);
    try (LoopbackCluster cluster = LoopbackCluster.start(work.resolve("cluster"), 2, 3072, System.err::println)) {
      List<String> args = new ArrayList<>(List.of("run", "accounting", "--region", REGION, "--year", Integer.toString(YEAR),
          "--lakehouse", copy.toString(), "--master", cluster.masterUrl()));
      cluster.driverConf().forEach((k, v) -> args.addAll(List.of("--spark-conf", k + "=" + v)));
      run = ChildJvm.cli(args, "3g", work, work.resolve("driver.log"));
      master = cluster.awaitIdle(java.time.Duration.ofSeconds(30));
      worker = cluster.workerState();
    } finally {
      Files.move(hidden, rasters);
    }
    assertThat(run.status()).as(run.output()).isZero();
    System.err.printf("ClusterIT: accounting on the loopback cluster in %.1f s%n", run.seconds());
    assertThat(run.output()).containsPattern("accounting\\s+liyang\\s+2024\\s+done in");

    // It ran on the cluster: one finished application named liangshan, whose executor ran on the worker.
    List<String> apps = new ArrayList<>();
    for (JsonNode app : master.path("completedapps")) {
      assertThat(app.path("name").asText()).isEqualTo("liangshan");
      assertThat(app.path("state").asText()).isEqualTo("FINISHED");
      apps.add(app.path("id").asText());
    }
    assertThat(apps).hasSize(1);
    List<String> executorApps = new ArrayList<>();
    worker.path("finishedexecutors").forEach(e -> executorApps.add(e.path("appid").asText()));
    assertThat(executorApps).as(worker.toString()).containsExactly(apps.get(0));

    LakehouseConfig demoConfig = new LakehouseConfig(demo.lakehouse(), "local[2]", Map.of());
    TableCatalog local = TableCatalog.discover(SparkSessions.create(demoConfig), demoConfig);
    TableCatalog onCluster = TableCatalog.discover(local.spark(), copyConfig);
    Map<String, Long> localOut = GoldComparison.outputs(local, "accounting", REGION, Integer.toString(YEAR));
    Map<String, Long> clusterOut = GoldComparison.outputs(onCluster, "accounting", REGION, Integer.toString(YEAR));
    assertThat(clusterOut).containsKeys("gold.grid_cells", "gold.gep_by_district", "gold.carbon_sink_cell_year");
    List<GoldComparison.TableDiff> diffs = GoldComparison.compare(local, localOut, onCluster, clusterOut, REGION, YEAR);
    System.err.printf("ClusterIT: %d tables compared, %,d rows%n", diffs.size(),
        diffs.stream().mapToLong(GoldComparison.TableDiff::leftRows).sum());
    for (GoldComparison.TableDiff diff : diffs) {
      assertThat(diff.leftRows()).as(diff.table()).isPositive();
      assertThat(diff.equal()).as(diff.toString()).isTrue();
    }
    // The copy's rows are the cluster run's, not the demo's left in place.
    assertThat(runIds(onCluster)).doesNotContainAnyElementsOf(runIds(local)).isNotEmpty();
  }

  private static List<String> runIds(TableCatalog catalog) {
    return catalog.read(catalog.table("gold.gep_by_district")).where("region = 'liyang' AND year = 2024")
        .select("run_id").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
  }
}
