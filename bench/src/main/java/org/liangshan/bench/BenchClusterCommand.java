package org.liangshan.bench;

import static org.liangshan.bench.BenchSupport.median;
import static org.liangshan.bench.BenchSupport.say;
import static org.liangshan.bench.BenchSupport.seconds;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.region.Regions;
import org.liangshan.core.text.TextTable;
import org.liangshan.warehouse.ClusterSettings;
import org.liangshan.warehouse.LakehouseConfig;
import org.liangshan.warehouse.SparkSessions;
import org.liangshan.warehouse.TableCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The accounting job locally ({@code local[2]}) and on a loopback standalone cluster (one worker, 2 cores),
 * each run a {@code liangshan run accounting} process of its own over the same lakehouse, alternating; medians,
 * the ratio, and a check that both wrote the same gold rows.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
    description = {
      "The accounting job locally (--master local[2]) and on a Spark standalone cluster on loopback (a master and one",
      "worker with 2 cores, started here from the cluster jar's SPARK_HOME), over the same lakehouse: generates",
      "--scale data for one region and year, ingests it locally once, then runs 'liangshan run accounting' --runs",
      "times in each mode (alternating, each in a JVM of its own with the same driver heap) and reports the medians",
      "of the job's own time and of the whole command, the ratio cluster/local, and checks that both wrote the same",
      "gold rows. Needs the cluster jar: mvn -B -DskipTests -Pcluster-jar -pl cli -am package.",
      "  liangshan bench cluster --scale 4 --runs 3",
    })
final class BenchClusterCommand implements Callable<Integer> {
  private static final Pattern DONE = Pattern.compile("accounting\\s+\\S+\\s+\\S+\\s+done in ([0-9.]+) s \\(run ([^)]+)\\)");

  @Option(names = "--scale", defaultValue = "4", paramLabel = "S", description = "Generator scale (default ${DEFAULT-VALUE}).")
  int scale;

  @Option(names = "--runs", defaultValue = "3", paramLabel = "N", description = "Runs in each mode; medians are reported (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--region", defaultValue = "liyang", paramLabel = "REGION", description = "Region (default ${DEFAULT-VALUE}).")
  String region;

  @Option(names = "--year", defaultValue = "2024", paramLabel = "YYYY", description = "Year (default ${DEFAULT-VALUE}).")
  int year;

  @Option(names = "--heap", defaultValue = "3g", paramLabel = "SIZE", description = "Driver heap of each run, both modes (default ${DEFAULT-VALUE}).")
  String heap;

  @Option(names = "--worker-memory", defaultValue = "3072", paramLabel = "MB",
      description = "Memory of the worker, all given to its one executor (default ${DEFAULT-VALUE}).")
  int workerMemory;

  @Option(names = "--work", defaultValue = ".liangshan/bench-cluster", paramLabel = "DIR", description = "Scratch folder, emptied first (default ${DEFAULT-VALUE}).")
  Path work;

  /** One measured run. */
  private record Measured(double jobSeconds, double wallSeconds, String runId) {}

  @Override
  public Integer call() throws Exception {
    if (scale < 1 || runs < 1 || year < 1900 || year > 2100) {
      throw LiangshanException.badInput("--scale and --runs must be at least 1, --year a year (got %d, %d, %d).", scale, runs, year);
    }
    Regions.load(region);
    ClusterSettings.clusterJar();
    LoopbackCluster.sparkHome();
    work = work.toAbsolutePath();
    BenchSupport.delete(work);
    Path landing = work.resolve("landing");
    String lakehouse = work.resolve("lakehouse").toString();
    String years = year + "-" + year;

    say("Generating %s %d at scale %d into %s", region, year, scale, landing);
    long t = System.nanoTime();
    check(ChildJvm.cli(List.of("generate", "--region", region, "--years", years, "--scale", Integer.toString(scale),
        "--out", landing.toString()), heap, work, work.resolve("logs/generate.log")), "generate");
    say("  generated in %.1f s", seconds(t));
    say("Ingesting it locally (local[2]) into %s", lakehouse);
    t = System.nanoTime();
    check(ChildJvm.cli(List.of("ingest", "--all", landing.toString(), "--lakehouse", lakehouse, "--master", "local[2]"),
        heap, work, work.resolve("logs/ingest.log")), "ingest");
    say("  ingested in %.1f s", seconds(t));

    List<Measured> local = new ArrayList<>();
    List<Measured> cluster = new ArrayList<>();
    int executors;
    try (LoopbackCluster loopback = LoopbackCluster.start(work.resolve("cluster"), 2, workerMemory, BenchSupport::say)) {
      List<String> clusterArgs = new ArrayList<>(List.of("--master", loopback.masterUrl()));
      loopback.driverConf().forEach((k, v) -> clusterArgs.addAll(List.of("--spark-conf", k + "=" + v)));
      for (int r = 1; r <= runs; r++) {
        local.add(accounting(lakehouse, List.of("--master", "local[2]"), "local-" + r));
        say("  run %d local[2]:  job %.1f s, command %.1f s", r, local.get(r - 1).jobSeconds(), local.get(r - 1).wallSeconds());
        cluster.add(accounting(lakehouse, clusterArgs, "cluster-" + r));
        say("  run %d cluster:   job %.1f s, command %.1f s", r, cluster.get(r - 1).jobSeconds(), cluster.get(r - 1).wallSeconds());
      }
      loopback.awaitIdle(java.time.Duration.ofSeconds(30));
      executors = loopback.workerState().path("finishedexecutors").size();
    }

    say("Comparing the gold rows of the last local run and the last cluster run");
    LakehouseConfig config = new LakehouseConfig(lakehouse, "local[2]", Map.of());
    TableCatalog catalog = TableCatalog.discover(SparkSessions.create(config), config);
    Map<String, Long> localOut = GoldComparison.outputsOfRun(catalog, local.get(runs - 1).runId());
    Map<String, Long> clusterOut = GoldComparison.outputsOfRun(catalog, cluster.get(runs - 1).runId());
    List<GoldComparison.TableDiff> diffs = GoldComparison.compare(catalog, localOut, catalog, clusterOut, region, year);
    long rows = diffs.stream().mapToLong(GoldComparison.TableDiff::leftRows).sum();
    List<GoldComparison.TableDiff> unequal = diffs.stream().filter(d -> !d.equal()).toList();
    if (!unequal.isEmpty() || rows == 0) {
      throw LiangshanException.failure("the cluster run did not write the same gold rows as the local run: %s", unequal.isEmpty() ? "no rows" : unequal);
    }

    double localJob = median(local.stream().map(Measured::jobSeconds).toList());
    double clusterJob = median(cluster.stream().map(Measured::jobSeconds).toList());
    double localWall = median(local.stream().map(Measured::wallSeconds).toList());
    double clusterWall = median(cluster.stream().map(Measured::wallSeconds).toList());
    TextTable table = new TextTable("accounting " + region + " " + year + " (scale " + scale + ")", "runs", "median job s",
        "median command s", "job vs local");
    table.row("local[2] (one JVM, 2 cores)", runs, fmt(localJob), fmt(localWall), "1.00");
    table.row("loopback cluster (driver + 1 executor, 2 cores)", runs, fmt(clusterJob), fmt(clusterWall),
        String.format(Locale.ROOT, "%.2f", clusterJob / localJob));
    System.out.print(table);
    System.out.printf(Locale.ROOT, "Same gold rows in both modes: %d tables, %,d rows (run_id and timestamps aside).%n", diffs.size(), rows);
    System.out.printf(Locale.ROOT, "Job time: the job's own 'done in' figure (session start aside); command: the whole process."
        + " Driver heap %s in both modes; the worker's executor %d MB; executors run on the cluster: %d; %d cores on this machine.%n",
        heap, workerMemory, executors, Runtime.getRuntime().availableProcessors());
    return CommandLine.ExitCode.OK;
  }

  private Measured accounting(String lakehouse, List<String> masterArgs, String name) {
    List<String> args = new ArrayList<>(List.of("run", "accounting", "--region", region, "--year", Integer.toString(year),
        "--lakehouse", lakehouse));
    args.addAll(masterArgs);
    ChildJvm.Result result = ChildJvm.cli(args, heap, work, work.resolve("logs/accounting-" + name + ".log"));
    check(result, "run accounting (" + name + ")");
    Matcher m = DONE.matcher(result.output());
    if (!m.find()) {
      throw LiangshanException.failure("run accounting (%s) printed no 'done in' line; see %s", name, work.resolve("logs"));
    }
    return new Measured(Double.parseDouble(m.group(1)), result.seconds(), m.group(2));
  }

  private void check(ChildJvm.Result result, String what) {
    if (result.status() != 0) {
      String out = result.output();
      throw LiangshanException.failure("%s failed (exit %d); last output:%n%s", what, result.status(),
          out.substring(Math.max(0, out.length() - 3000)));
    }
  }

  private static String fmt(double seconds) {
    return String.format(Locale.ROOT, "%.1f", seconds);
  }
}
