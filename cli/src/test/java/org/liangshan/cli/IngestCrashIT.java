package org.liangshan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.liangshan.bench.BenchSupport;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;
import org.liangshan.generator.GenerationRequest;
import org.liangshan.generator.ProgressListener;
import org.liangshan.generator.SampleDataGenerator;
import org.liangshan.pipelines.bronze.BronzeTables;
import org.liangshan.pipelines.ingest.IngestJob;
import org.liangshan.pipelines.ingest.IngestJournal;
import org.liangshan.pipelines.source.SourceFamilies;
import org.liangshan.pipelines.source.SourceFamily;
import org.liangshan.warehouse.LakehouseConfig;
import org.liangshan.warehouse.OpsTables;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.SparkSessions;
import org.liangshan.warehouse.TableCatalog;
import org.liangshan.warehouse.TableDef;

/**
 * Atomicity under kill -9: a real {@code liangshan ingest} runs in a child JVM (the CLI main class, this
 * test's classpath and Spark flags) and is killed with SIGKILL at a named step of the load. Right after the
 * kill, every file in the ledger reconciles exactly and every other file is covered by an open intent;
 * after recovery every file is fully reconciled or absent (a killed redelivery leaves the earlier delivery
 * exactly as it was); and re-running converges to the tables of an uninterrupted load.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestCrashIT {
  private static final SourceFamily FAMILY = SourceFamilies.get("water-quality-auto");
  private final Region liyang = Regions.load("liyang");
  private Path work;
  private Path landingV1;
  private Path landingV2;
  private Path lakehouseAfterV1;
  private Map<String, List<String>> afterV1;
  private Map<String, List<String>> afterV1Exact;
  private Map<String, List<String>> afterV2;
  private SparkSession spark;

  @BeforeAll
  void landingAndReference() throws Exception {
    work = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "crash-it");
    landingV1 = work.resolve("landing-v1");
    SampleDataGenerator.generate(new GenerationRequest(liyang, 2024, 2024, 1, SampleDataGenerator.DEFAULT_SEED, landingV1),
        ProgressListener.NONE);
    // Delivery 2: the agency corrects one file (a value changed, the last 50 records withdrawn, two bad
    // records added), the other files are re-sent unchanged.
    landingV2 = work.resolve("landing-v2");
    copy(landingV1.resolve("liyang/water-quality-auto"), landingV2.resolve("liyang/water-quality-auto"));
    Path corrected;
    try (Stream<Path> files = Files.list(landingV2.resolve("liyang/water-quality-auto"))) {
      corrected = files.sorted().findFirst().orElseThrow();
    }
    List<String> lines = new ArrayList<>(Files.readAllLines(corrected, StandardCharsets.UTF_8));
    lines = new ArrayList<>(lines.subList(0, lines.size() - 50));
    String[] second = lines.get(1).split(",", -1);
    second[second.length - 1] = "9.99";
    lines.set(1, String.join(",", second));
    lines.add(lines.get(2).replaceFirst(",[^,]*$", ",-1"));
    lines.add(lines.get(3).substring(0, 20));
    Files.write(corrected, lines, StandardCharsets.UTF_8);

    LakehouseConfig config = new LakehouseConfig(work.resolve("spark").toString(), "local[2]", Map.of());
    spark = SparkSessions.create(config);
    lakehouseAfterV1 = work.resolve("reference");
    TableCatalog reference = catalog(lakehouseAfterV1);
    ingestInProcess(reference, landingV1);
    afterV1 = snapshot(reference, false);
    afterV1Exact = snapshot(reference, true);
    Path referenceV2 = work.resolve("reference-v2");
    copy(lakehouseAfterV1, referenceV2);
    TableCatalog v2 = catalog(referenceV2);
    ingestInProcess(v2, landingV2);
    afterV2 = snapshot(v2, false);
    assertThat(afterV1.get("silver.water_quality")).hasSizeGreaterThan(10_000);
    assertThat(afterV2).isNotEqualTo(afterV1);
    assertThat(afterV2.get("ops.quarantine")).hasSize(afterV1.get("ops.quarantine").size() + 2);
  }

  @AfterAll
  void stop() {
    Lakehouse.closeAll();
  }

  /** A first load killed at each step: nothing partial, recovery leaves nothing, the re-run equals the reference. */
  @ParameterizedTest
  @ValueSource(strings = {"journal", "bronze", "during-silver", "ledger"})
  void aFirstLoadKilledAtAnyStepLeavesNothingPartialAndTheRerunConverges(String step) throws Exception {
    Path lakehouse = work.resolve("first-" + step);
    killDuring(lakehouse, landingV1, step);
    TableCatalog catalog = catalog(lakehouse);
    assertCommittedFilesReconcileAndTheRestIsInFlight(catalog);

    recover(catalog, landingV1);
    assertThat(new IngestJournal(catalog).open(liyang.id())).isEmpty();
    assertEveryFileFullyReconciledOrAbsent(catalog);
    if (step.equals("ledger")) {
      // Killed after the commit point: the load is complete, recovery changes nothing.
      assertThat(snapshot(catalog, false)).isEqualTo(afterV1);
    } else {
      assertThat(catalog.exists(OpsTables.INGESTED_FILES) ? catalog.read(OpsTables.INGESTED_FILES).count() : 0).isZero();
      assertThat(rows(catalog, BronzeTables.of(FAMILY))).isZero();
      assertThat(rows(catalog, FAMILY.silver())).isZero();
    }

    ingestInProcess(catalog, landingV1);
    assertThat(snapshot(catalog, false)).isEqualTo(afterV1);
  }

  /** A corrected delivery killed mid-way: recovery restores the earlier delivery exactly; the re-run supersedes it. */
  @ParameterizedTest
  @ValueSource(strings = {"quarantine", "during-silver"})
  void aRedeliveryKilledMidLoadLeavesTheEarlierDeliveryIntact(String step) throws Exception {
    Path lakehouse = work.resolve("redelivery-" + step);
    copy(lakehouseAfterV1, lakehouse);
    killDuring(lakehouse, landingV2, step);
    TableCatalog catalog = catalog(lakehouse);
    assertCommittedFilesReconcileAndTheRestIsInFlight(catalog);

    recover(catalog, landingV2);
    assertEveryFileFullyReconciledOrAbsent(catalog);
    Map<String, List<String>> restored = snapshot(catalog, true);
    for (String table : afterV1Exact.keySet()) {
      assertThat(restored.get(table)).as(table).isEqualTo(afterV1Exact.get(table));
    }

    ingestInProcess(catalog, landingV2);
    assertThat(snapshot(catalog, false)).isEqualTo(afterV2);
  }

  // --- the child JVM ---

  private void killDuring(Path lakehouse, Path landing, String step) throws Exception {
    boolean during = step.equals("during-silver");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (argument.startsWith("--add-opens") || argument.startsWith("-Djdk.reflect") || argument.startsWith("-Djava.io.tmpdir")
          || argument.startsWith("-Dfile.encoding") || argument.startsWith("-Duser.timezone")) {
        command.add(argument);
      }
    }
    command.add("-Xmx1500m");
    command.add(during ? "-Dliangshan.test.steps=true" : "-Dliangshan.test.pause-at=" + step);
    command.add("-cp");
    command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(Main.class.getName());
    command.addAll(List.of("ingest", "--lakehouse", lakehouse.toString(), "--master", "local[2]", "--region", "liyang",
        "--landing", landing.toString(), FAMILY.name(), landing.resolve("liyang").resolve(FAMILY.folder()).toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process child = builder.start();
    String marker = "liangshan-step: " + FAMILY.name() + " " + (during ? "silver-start" : step);
    AtomicBoolean reached = new AtomicBoolean();
    StringBuilder output = new StringBuilder();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          synchronized (output) {
            output.append(line).append('\n');
          }
          if (line.equals(marker)) {
            reached.set(true);
          }
        }
      } catch (IOException ignored) {
        // The child was killed.
      }
    });
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    while (!reached.get() && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    synchronized (output) {
      assertThat(reached.get()).as("the child reached step %s; its output:%n%s", step, output).isTrue();
    }
    if (during) {
      Thread.sleep(700); // inside the MERGE: Spark is planning and rewriting files
    }
    child.destroyForcibly(); // SIGKILL on Unix: no shutdown hook, no finally block runs
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isEqualTo(137);
    if (during) {
      // The kill landed inside the MERGE: silver did not commit.
      assertThat(new IngestJournalProbe(catalog(lakehouse)).mergeCommitted()).isFalse();
    }
  }

  /** Whether the open intent's run has rows in silver, i.e. its MERGE committed. */
  private record IngestJournalProbe(TableCatalog catalog) {
    boolean mergeCommitted() {
      List<IngestJournal.Open> open = new IngestJournal(catalog).open("liyang");
      assertThat(open).hasSize(1);
      return catalog.exists(FAMILY.silver())
          && catalog.read(FAMILY.silver()).where("ingest_run_id = '" + open.get(0).runId() + "'").count() > 0;
    }
  }

  // --- assertions ---

  /** Right after a kill: files in the ledger reconcile exactly; any other file's rows belong to an open intent. */
  private void assertCommittedFilesReconcileAndTheRestIsInFlight(TableCatalog catalog) {
    Set<String> inFlight = new HashSet<>();
    for (IngestJournal.Open open : new IngestJournal(catalog).open(liyang.id())) {
      inFlight.addAll(open.files());
    }
    Map<String, long[]> ledger = ledger(catalog);
    for (Map.Entry<String, long[]> file : ledger.entrySet()) {
      if (!inFlight.contains(file.getKey())) {
        assertReconciles(catalog, file.getKey(), file.getValue());
      }
    }
    for (String file : filesWithRows(catalog)) {
      assertThat(ledger.containsKey(file) || inFlight.contains(file)).as("%s is in the ledger or in flight", file).isTrue();
    }
  }

  private void assertEveryFileFullyReconciledOrAbsent(TableCatalog catalog) {
    Map<String, long[]> ledger = ledger(catalog);
    for (String file : filesWithRows(catalog)) {
      assertThat(ledger).as("file with rows but no ledger entry").containsKey(file);
    }
    ledger.forEach((file, counts) -> assertReconciles(catalog, file, counts));
  }

  private void assertReconciles(TableCatalog catalog, String file, long[] counts) {
    String where = "source_file = '" + file + "'";
    assertThat(catalog.read(BronzeTables.of(FAMILY)).where(where).count()).as("bronze rows of %s", file).isEqualTo(counts[0]);
    assertThat(catalog.read(OpsTables.QUARANTINE).where(where).count()).as("quarantine rows of %s", file).isEqualTo(counts[2]);
    assertThat(catalog.read(FAMILY.silver()).where(where).select("source_line").distinct().count())
        .as("silver records of %s", file).isEqualTo(counts[1]);
    assertThat(counts[0]).isEqualTo(counts[1] + counts[2] + counts[3]);
  }

  /** Latest ledger entry per file: received, loaded, quarantined, duplicates. */
  private static Map<String, long[]> ledger(TableCatalog catalog) {
    Map<String, long[]> latest = new HashMap<>();
    if (!catalog.exists(OpsTables.INGESTED_FILES)) {
      return latest;
    }
    for (Row row : catalog.read(OpsTables.INGESTED_FILES).orderBy("ingested_at").collectAsList()) {
      latest.put(row.getAs("source_file"), new long[] {row.<Long>getAs("received"), row.<Long>getAs("loaded"),
          row.<Long>getAs("quarantined"), row.<Long>getAs("duplicates")});
    }
    return latest;
  }

  private static Set<String> filesWithRows(TableCatalog catalog) {
    Set<String> files = new HashSet<>();
    for (TableDef table : List.of(BronzeTables.of(FAMILY), OpsTables.QUARANTINE, FAMILY.silver())) {
      if (catalog.exists(table)) {
        catalog.read(table).select("source_file").distinct().collectAsList().forEach(r -> files.add(r.getString(0)));
      }
    }
    return files;
  }

  private static long rows(TableCatalog catalog, TableDef table) {
    return catalog.exists(table) ? catalog.read(table).count() : 0;
  }

  // --- helpers ---

  private TableCatalog catalog(Path lakehouse) {
    return TableCatalog.discover(spark, new LakehouseConfig(lakehouse.toString(), "local[2]", Map.of()));
  }

  private void ingestInProcess(TableCatalog catalog, Path landing) {
    Run run = Run.start(catalog, "test", "ingest", liyang.id(), null, null);
    IngestJob job = new IngestJob(run, liyang, landing, line -> { });
    job.load(FAMILY, job.discover(FAMILY));
    run.succeed("ok");
  }

  private void recover(TableCatalog catalog, Path landing) {
    Run run = Run.start(catalog, "test", "ingest", liyang.id(), null, null);
    new IngestJob(run, liyang, landing, line -> { }).recover();
    run.succeed("ok");
  }

  /**
   * The four tables a load writes, as sorted row strings; without {@code exact}, the columns that differ
   * between runs by design (run id, load time) are left out.
   */
  private static Map<String, List<String>> snapshot(TableCatalog catalog, boolean exact) {
    Map<String, List<String>> snapshot = new TreeMap<>();
    for (TableDef table : List.of(BronzeTables.of(FAMILY), OpsTables.QUARANTINE, FAMILY.silver(), OpsTables.INGESTED_FILES)) {
      if (!catalog.exists(table)) {
        snapshot.put(table.qualifiedName(), List.of());
        continue;
      }
      Dataset<Row> rows = catalog.read(table);
      if (!exact) {
        rows = rows.drop("ingest_run_id", "ingested_at");
      }
      List<String> lines = new ArrayList<>();
      rows.collectAsList().forEach(r -> lines.add(r.toString()));
      Collections.sort(lines);
      snapshot.put(table.qualifiedName(), lines);
    }
    return snapshot;
  }

  private static void copy(Path from, Path to) throws IOException {
    BenchSupport.copyTree(from, to);
  }
}
