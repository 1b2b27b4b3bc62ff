package org.liangshan.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;
import org.liangshan.generator.BenchmarkData;
import org.liangshan.pipelines.ingest.IngestJob;
import org.liangshan.pipelines.ingest.LoadReport;
import org.liangshan.pipelines.raster.RasterCatalogJob;
import org.liangshan.pipelines.source.SourceFamilies;
import org.liangshan.warehouse.LakehouseConfig;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.SparkSessions;
import org.liangshan.warehouse.TableCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Benchmarks (not tests): measured figures with a baseline taken in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks: throughput and peak memory, each with a baseline measured in the same run.",
    subcommands = {BenchCommand.Ingest.class, BenchAuctionCommand.class})
final class BenchCommand implements Runnable {
  @Override
  public void run() {
    throw LiangshanException.badInput("Give a benchmark: 'liangshan bench ingest' or 'liangshan bench auction' (see --help).");
  }

  @Command(name = "ingest", mixinStandardHelpOptions = true,
      description = {
        "Ingestion throughput: N water-quality records (manual-sampling format, generated here) through the full",
        "load (bronze, checks, quarantine, silver MERGE, ledger), against a plain",
        "spark.read.csv(...).write.format(\"delta\") of the same files; and a year of monthly NDVI scenes for",
        "Tianjin at --scale (343 = about 30 m) through the raster catalogue, against a plain file copy.",
        "Reports medians over --repeat runs, rows per second, the ratio, and peak heap and resident memory.",
        "  liangshan bench ingest --records 10000000 --scale 343",
      })
  static final class Ingest implements Callable<Integer> {
    @Option(names = "--records", defaultValue = "10000000", paramLabel = "N", description = "Water-quality records (default ${DEFAULT-VALUE}).")
    long records;

    @Option(names = "--files", defaultValue = "10", paramLabel = "F", description = "Files they are split into (default ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--scale", defaultValue = "343", paramLabel = "S",
        description = "Raster scale: pixel 0.005°/sqrt(S); 343 ≈ 30 m, 0 skips the rasters (default ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--repeat", defaultValue = "1", paramLabel = "R", description = "Runs of each measurement; the median is reported (default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--work", defaultValue = ".liangshan/bench", paramLabel = "DIR", description = "Scratch folder, emptied first (default ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--master", defaultValue = "local[*]", paramLabel = "URL", description = "Spark master (default ${DEFAULT-VALUE}).")
    String master;

    @Override
    public Integer call() throws Exception {
      if (records < 1 || files < 1 || repeat < 1 || scale < 0) {
        throw LiangshanException.badInput("--records, --files and --repeat must be at least 1, --scale at least 0.");
      }
      delete(work);
      Path landing = work.resolve("landing");
      Region liyang = Regions.load("liyang");
      say("Generating %,d water-quality records in %d file(s) under %s", records, files, landing);
      long t = System.nanoTime();
      BenchmarkData.sections(landing, liyang);
      List<Path> csv = BenchmarkData.waterQuality(landing, liyang, records, files, n -> say("  %,d records written", n));
      long bytes = 0;
      for (Path file : csv) {
        bytes += Files.size(file);
      }
      say("  %.1f MB in %.1f s", bytes / 1e6, seconds(t));

      LakehouseConfig sparkConfig = new LakehouseConfig(work.resolve("spark").toString(), master, java.util.Map.of());
      org.apache.spark.sql.SparkSession spark = SparkSessions.create(sparkConfig);
      List<Double> baseline = new ArrayList<>();
      List<Double> pipeline = new ArrayList<>();
      long[] baselineHeap = new long[1];
      long[] pipelineHeap = new long[1];
      long loaded = 0;
      long quarantined = 0;
      for (int r = 0; r < repeat; r++) {
        Path plain = work.resolve("plain-" + r);
        resetPeaks();
        t = System.nanoTime();
        spark.read().option("header", "true").csv(csv.stream().map(Path::toString).toArray(String[]::new))
            .write().format("delta").save(plain.toString());
        baseline.add(seconds(t));
        baselineHeap[0] = Math.max(baselineHeap[0], heapPeak());
        say("  baseline run %d: spark.read.csv -> delta in %.1f s", r + 1, baseline.get(r));
        delete(plain);

        Path lakehouse = work.resolve("lakehouse-" + r);
        TableCatalog catalog = TableCatalog.discover(spark, new LakehouseConfig(lakehouse.toString(), master, java.util.Map.of()));
        Run run = Run.start(catalog, "liangshan bench ingest", "ingest", liyang.id(), null, null);
        IngestJob job = new IngestJob(run, liyang, landing, line -> { });
        job.load(SourceFamilies.get("sections"), job.discover(SourceFamilies.get("sections")));
        resetPeaks();
        t = System.nanoTime();
        LoadReport report = job.load(SourceFamilies.get("water-quality-manual"), csv);
        pipeline.add(seconds(t));
        pipelineHeap[0] = Math.max(pipelineHeap[0], heapPeak());
        run.succeed("bench");
        loaded = report.files().stream().mapToLong(LoadReport.FileLine::loaded).sum();
        quarantined = report.files().stream().mapToLong(LoadReport.FileLine::quarantined).sum();
        say("  pipeline run %d: %,d loaded + %,d quarantined in %.1f s", r + 1, loaded, quarantined, pipeline.get(r));
        delete(lakehouse);
      }
      double base = median(baseline);
      double full = median(pipeline);
      TextTable table = new TextTable("measurement", "records", "median s", "records/s", "vs baseline", "heap peak MB");
      table.row("spark.read.csv -> delta (baseline)", String.format("%,d", records), String.format("%.1f", base),
          String.format("%,.0f", records / base), "1.00", baselineHeap[0] / (1 << 20));
      table.row("liangshan ingest water-quality-manual", String.format("%,d", records), String.format("%.1f", full),
          String.format("%,.0f", records / full), String.format("%.2f", full / base), pipelineHeap[0] / (1 << 20));

      if (scale > 0) {
        Region tianjin = Regions.load("tianjin");
        double[] shape = BenchmarkData.rasterShape(tianjin, scale);
        say("Generating 12 monthly NDVI scenes for Tianjin: pixel %.6f° (about %.0f m), %d x %d", shape[0],
            shape[0] * 111_320 * Math.cos(Math.toRadians(39.3)), (int) shape[1], (int) shape[2]);
        t = System.nanoTime();
        List<Path> scenes = BenchmarkData.monthlyNdvi(landing, tianjin, 2024, scale, m -> say("  month %d written", m));
        long sceneBytes = 0;
        for (Path scene : scenes) {
          sceneBytes += Files.size(scene);
        }
        say("  %.1f MB in %.1f s", sceneBytes / 1e6, seconds(t));
        List<Double> copies = new ArrayList<>();
        List<Double> catalogued = new ArrayList<>();
        long heap = 0;
        for (int r = 0; r < repeat; r++) {
          Path copy = work.resolve("copy-" + r);
          Files.createDirectories(copy);
          t = System.nanoTime();
          for (Path scene : scenes) {
            Files.copy(scene, copy.resolve(scene.getFileName()));
          }
          copies.add(seconds(t));
          delete(copy);
          Path lakehouse = work.resolve("raster-lakehouse-" + r);
          TableCatalog catalog = TableCatalog.discover(spark, new LakehouseConfig(lakehouse.toString(), master, java.util.Map.of()));
          Run run = Run.start(catalog, "liangshan bench ingest", "ingest", tianjin.id(), null, null);
          resetPeaks();
          t = System.nanoTime();
          LoadReport report = new RasterCatalogJob(run, tianjin, landing, line -> { }).load();
          catalogued.add(seconds(t));
          heap = Math.max(heap, heapPeak());
          run.succeed("bench");
          if (!report.rejectedFiles().isEmpty() || report.files().size() != 12) {
            throw LiangshanException.failure("the raster catalogue did not take all 12 scenes: %s", report.rejectedFiles());
          }
          say("  raster run %d: copy %.1f s, catalogue %.1f s", r + 1, copies.get(r), catalogued.get(r));
          delete(lakehouse);
        }
        double copy = median(copies);
        double cat = median(catalogued);
        table.row("plain copy of 12 scenes (baseline)", String.format("%.0f MB", sceneBytes / 1e6), String.format("%.1f", copy),
            String.format("%.1f MB/s", sceneBytes / 1e6 / copy), "1.00", "-");
        table.row("liangshan raster catalogue, 12 scenes", String.format("%.0f MB", sceneBytes / 1e6), String.format("%.1f", cat),
            String.format("%.1f MB/s", sceneBytes / 1e6 / cat), String.format("%.2f", cat / copy), heap / (1 << 20));
      }
      System.out.print(table);
      System.out.printf("Loaded %,d and quarantined %,d of %,d records; runs per measurement: %d (median).%n", loaded, quarantined, records, repeat);
      System.out.printf("Peak resident memory of this process (VmHWM): %s; heap limit %d MB; %d cores.%n", vmHwm(),
          Runtime.getRuntime().maxMemory() / (1 << 20), Runtime.getRuntime().availableProcessors());
      delete(work);
      return Main.OK;
    }

    private static void say(String format, Object... args) {
      System.err.println(String.format(format, args));
    }

    private static double seconds(long since) {
      return (System.nanoTime() - since) / 1e9;
    }

    private static double median(List<Double> values) {
      double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static void resetPeaks() {
      System.gc();
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        pool.resetPeakUsage();
      }
    }

    /** Sum of the heap pools' peaks since the last reset (an upper bound of the heap in use at once). */
    private static long heapPeak() {
      long sum = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
          sum += pool.getPeakUsage().getUsed();
        }
      }
      return sum;
    }

    private static String vmHwm() {
      try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
        return lines.filter(l -> l.startsWith("VmHWM:")).map(l -> l.substring(6).strip()).findFirst().orElse("n/a");
      } catch (IOException e) {
        return "n/a";
      }
    }

    private static void delete(Path folder) throws IOException {
      if (!Files.exists(folder)) {
        return;
      }
      try (Stream<Path> walk = Files.walk(folder)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
