package org.liangshan.bench;

import java.io.IOException;
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
import org.liangshan.core.text.TextTable;
import org.liangshan.generator.BenchmarkData;
import org.liangshan.pipelines.ingest.IngestJob;
import org.liangshan.pipelines.ingest.LoadReport;
import org.liangshan.pipelines.ingest.RasterCatalogJob;
import org.liangshan.pipelines.source.SourceFamilies;
import org.liangshan.pipelines.source.SourceFamily;
import org.liangshan.pipelines.bronze.BronzeTables;
import org.liangshan.pipelines.ingest.Plausibility;
import org.liangshan.warehouse.TableDef;
import org.liangshan.warehouse.LakehouseConfig;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.SparkSessions;
import org.liangshan.warehouse.TableCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Benchmarks (not tests): measured figures with a baseline taken in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks: throughput and peak memory, each with a baseline measured in the same run.",
    subcommands = {BenchCommand.Ingest.class, BenchAuctionCommand.class,
        BenchZonalCommand.class, BenchClusterCommand.class})
public final class BenchCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "BENCH", hidden = true)
  String unknown;

  @Override
  public void run() {
    String names = String.join(", ", spec.subcommands().keySet().stream().map(n -> "'liangshan bench " + n + "'").toList());
    if (unknown != null) {
      throw LiangshanException.badInput("Unknown benchmark '%s'. Benchmarks: %s (see --help).", unknown, names);
    }
    throw LiangshanException.badInput("Give a benchmark: %s (see --help).", names);
  }

  @Command(name = "ingest", mixinStandardHelpOptions = true,
      description = {
        "Ingestion throughput: N water-quality records (manual-sampling format, generated here) through the full",
        "load (bronze, checks, quarantine, silver MERGE, ledger), against a plain",
        "spark.read.csv(...).write.format(\"delta\") of the same files; and a year of monthly NDVI scenes for",
        "Tianjin at --scale or --raster-resolution through the raster pipeline (header check, checksum, copy to",
        "bronze, silver.raster_scenes MERGE), against a plain spark.read.format(\"binaryFile\") -> delta of the same",
        "GeoTIFFs (and a plain file copy). --records 0 skips the records.",
        "Both record loads run warm (after an unmeasured warm-up) in this JVM, alternating which goes first; reports",
        "medians over --repeat runs, records per second, peak heap and resident memory of each, and ends with the line",
        "'ingest/plain throughput ratio: X' (X = the full load's records/s over the plain load's).",
        "  liangshan bench ingest --records 10000000 --scale 0",
        "  liangshan bench ingest --records 0 --raster-resolution 30 --repeat 3",
      })
  static final class Ingest implements Callable<Integer> {
    @Option(names = "--records", defaultValue = "10000000", paramLabel = "N", description = "Water-quality records (default ${DEFAULT-VALUE}).")
    long records;

    @Option(names = "--files", defaultValue = "10", paramLabel = "F", description = "Files they are split into (default ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--scale", defaultValue = "343", paramLabel = "S",
        description = "Raster scale: pixel 0.005°/sqrt(S); 343 ≈ 30 m, 0 skips the rasters (default ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--raster-resolution", paramLabel = "M",
        description = "Raster pixel in metres instead of --scale: square in degrees with the area of an M x M m pixel at Tianjin's latitude (30: about 13 million pixels inside Tianjin a scene).")
    Double rasterResolution;

    @Option(names = "--repeat", defaultValue = "3", paramLabel = "R",
        description = "Runs of each measurement, alternating which goes first; the median is reported (default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--work", defaultValue = ".liangshan/bench", paramLabel = "DIR", description = "Scratch folder, emptied first (default ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--master", defaultValue = "local[*]", paramLabel = "URL", description = "Spark master (default ${DEFAULT-VALUE}).")
    String master;

    @Override
    public Integer call() throws Exception {
      if (records < 0 || files < 1 || repeat < 1 || scale < 0 || (rasterResolution != null && !(rasterResolution > 0))) {
        throw LiangshanException.badInput("--files and --repeat must be at least 1, --records and --scale at least 0, --raster-resolution positive.");
      }
      if (records == 0) {
        return rastersOnly();
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
      // Warm-up, not measured: two files through each (enough for the load's columnar path from 1 M records
      // in 10 files on), so that neither measurement pays for starting Spark, loading classes or compiling the hot code.
      List<Path> warm = csv.subList(0, Math.min(2, csv.size()));
      say("Warm-up (not measured): %d file(s) through each", warm.size());
      plainLoad(spark, warm, work.resolve("warm-plain"));
      pipelineLoad(spark, liyang, landing, warm, work.resolve("warm-lakehouse"));
      List<Double> baseline = new ArrayList<>();
      List<Double> pipeline = new ArrayList<>();
      BenchSupport.Peaks baselinePeaks = null;
      BenchSupport.Peaks pipelinePeaks = null;
      List<String> loads = new ArrayList<>();
      LoadReport report = null;
      for (int r = 0; r < repeat; r++) {
        // Alternating which goes first, so that a drift in the machine's load favours neither.
        for (boolean plainTurn : r % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
          if (plainTurn) {
            BenchSupport.Phase phase = BenchSupport.startPhase();
            t = System.nanoTime();
            plainLoad(spark, csv, work.resolve("plain-" + r));
            baseline.add(BenchSupport.seconds(t));
            baselinePeaks = BenchSupport.max(baselinePeaks, phase.end());
            say("  run %d: spark.read.csv -> delta in %.1f s (load average %s)", r + 1, baseline.get(r), BenchSupport.loadAverage());
          } else {
            Pipeline measured = pipelineLoad(spark, liyang, landing, csv, work.resolve("lakehouse-" + r));
            report = measured.report();
            pipeline.add(measured.seconds());
            pipelinePeaks = BenchSupport.max(pipelinePeaks, measured.peaks());
            loads.add(BenchSupport.loadAverage());
            say("  run %d: liangshan ingest in %.1f s (load average %s)", r + 1, measured.seconds(), loads.get(r));
          }
        }
      }
      long loaded = report.files().stream().mapToLong(LoadReport.FileLine::loaded).sum();
      long quarantined = report.files().stream().mapToLong(LoadReport.FileLine::quarantined).sum();
      double base = BenchSupport.median(baseline);
      double full = BenchSupport.median(pipeline);
      double ratio = (records / full) / (records / base);
      TextTable table = new TextTable("measurement", "records", "median s", "records/s", "vs baseline", "heap peak MB", "VmHWM MB");
      table.row("spark.read.csv -> delta (baseline)", String.format("%,d", records), String.format("%.1f", base),
          String.format("%,.0f", records / base), "1.00", baselinePeaks.heapMb(), baselinePeaks.residentMb());
      table.row("liangshan ingest water-quality-manual", String.format("%,d", records), String.format("%.1f", full),
          String.format("%,.0f", records / full), String.format(java.util.Locale.ROOT, "%.2f", ratio), pipelinePeaks.heapMb(),
          pipelinePeaks.residentMb());
      System.out.print(table);
      System.out.printf("Loaded %,d and quarantined %,d of %,d records (%.1f MB in %d file(s)); runs per measurement: %d, alternating"
          + " (median); load average after each pipeline run: %s; heap limit %d MB; %d cores.%n", loaded, quarantined, records,
          bytes / 1e6, csv.size(), repeat, String.join(", ", loads), Runtime.getRuntime().maxMemory() / (1 << 20),
          Runtime.getRuntime().availableProcessors());
      if (scale > 0 || rasterResolution != null) {
        rasters(spark, landing);
      }
      delete(work);
      System.out.printf(java.util.Locale.ROOT, "ingest/plain throughput ratio: %.2f%n", ratio);
      return CommandLine.ExitCode.OK;
    }

    /** The baseline: a plain {@code spark.read.csv(...).write.format("delta")} of the files into a new table. */
    private static void plainLoad(org.apache.spark.sql.SparkSession spark, List<Path> csv, Path table) throws IOException {
      spark.read().option("header", "true").csv(csv.stream().map(Path::toString).toArray(String[]::new))
          .write().format("delta").save(table.toString());
      delete(table);
    }

    /** One measured pipeline load and its peaks. */
    private record Pipeline(LoadReport report, double seconds, BenchSupport.Peaks peaks) {}

    /**
     * The full load of the files into a new lakehouse. Not measured: loading the sections the records refer
     * to, and creating the tables the load writes (in operation they exist from the first load on; creating
     * one with its CHECK constraints is a few commits, whatever the size of the load).
     */
    private Pipeline pipelineLoad(org.apache.spark.sql.SparkSession spark, Region region, Path landing, List<Path> csv, Path lakehouse)
        throws IOException {
      TableCatalog catalog = TableCatalog.discover(spark, new LakehouseConfig(lakehouse.toString(), master, java.util.Map.of()));
      Run run = Run.start(catalog, "liangshan bench ingest", "ingest", region.id(), null, null);
      IngestJob job = new IngestJob(run, region, landing, line -> say("%s", line));
      SourceFamily sections = SourceFamilies.get("sections");
      job.load(sections, job.discover(sections));
      SourceFamily family = SourceFamilies.get("water-quality-manual");
      for (TableDef table : List.of(BronzeTables.of(family), family.silver(), Plausibility.TABLE)) {
        catalog.ensure(table);
      }
      BenchSupport.Phase phase = BenchSupport.startPhase();
      long t = System.nanoTime();
      LoadReport report = job.load(family, csv);
      double seconds = BenchSupport.seconds(t);
      BenchSupport.Peaks peaks = phase.end();
      run.succeed("bench");
      long received = report.files().stream().mapToLong(LoadReport.FileLine::received).sum();
      if (!report.rejectedFiles().isEmpty() || received != countRecords(csv)) {
        throw LiangshanException.failure("the load did not take every record: %,d received, refused %s", received, report.rejectedFiles());
      }
      delete(lakehouse);
      return new Pipeline(report, seconds, peaks);
    }

    /** Records in the generated files: their lines less the header (they hold no quotes and no blank lines). */
    private static long countRecords(List<Path> csv) throws IOException {
      long n = 0;
      for (Path file : csv) {
        try (Stream<String> lines = Files.lines(file)) {
          n += lines.count() - 1;
        }
      }
      return n;
    }

    /** The raster half alone (--records 0). */
    private Integer rastersOnly() throws Exception {
      delete(work);
      LakehouseConfig sparkConfig = new LakehouseConfig(work.resolve("spark").toString(), master, java.util.Map.of());
      org.apache.spark.sql.SparkSession spark = SparkSessions.create(sparkConfig);
      if (scale == 0 && rasterResolution == null) {
        throw LiangshanException.badInput("--records 0 and --scale 0: nothing to measure.");
      }
      rasters(spark, work.resolve("landing"));
      System.out.printf("Heap limit %d MB; %d cores.%n", Runtime.getRuntime().maxMemory() / (1 << 20),
          Runtime.getRuntime().availableProcessors());
      delete(work);
      return CommandLine.ExitCode.OK;
    }

    /**
     * A year of monthly NDVI scenes for Tianjin through the raster pipeline, against a plain binaryFile read
     * written to Delta and a plain copy of the same files, each in the same run; prints its own table.
     */
    private void rasters(org.apache.spark.sql.SparkSession spark, Path landing) throws Exception {
      Region tianjin = Regions.load("tianjin");
      double pixel = rasterResolution != null
          ? BenchmarkData.pixelDegreesForResolution(tianjin, rasterResolution)
          : BenchmarkData.rasterShape(tianjin, scale)[0];
      String size = rasterResolution != null ? String.format("%.0f m² pixels", rasterResolution * rasterResolution) : "scale " + scale;
      say("Generating 12 monthly NDVI scenes for Tianjin: pixel %.7f° (%s)", pixel, size);
      long t = System.nanoTime();
      BenchmarkData.Scenes scenes = BenchmarkData.monthlyNdvi(landing, tianjin, 2024, pixel, m -> say("  month %d written", m));
      long sceneBytes = BenchSupport.size(scenes.files());
      long pixels = scenes.pixels() * 12;
      say("  %d x %d pixels a scene (%,d inside Tianjin), %.1f MB in %.1f s", scenes.width(), scenes.height(), scenes.insidePixels(),
          sceneBytes / 1e6, seconds(t));
      List<Double> copies = new ArrayList<>();
      List<Double> plains = new ArrayList<>();
      List<Double> catalogued = new ArrayList<>();
      List<String> loads = new ArrayList<>();
      BenchSupport.Peaks plainPeaks = null;
      BenchSupport.Peaks pipelinePeaks = null;
      String[] paths = scenes.files().stream().map(p -> p.toAbsolutePath().toUri().toString()).toArray(String[]::new);
      for (int r = 0; r < repeat; r++) {
        Path copy = work.resolve("copy-" + r);
        Files.createDirectories(copy);
        t = System.nanoTime();
        for (Path scene : scenes.files()) {
          Files.copy(scene, copy.resolve(scene.getFileName()));
        }
        copies.add(seconds(t));
        delete(copy);

        Path plain = work.resolve("raster-plain-" + r);
        BenchSupport.Phase phase = BenchSupport.startPhase();
        t = System.nanoTime();
        spark.read().format("binaryFile").load(paths).write().format("delta").save(plain.toString());
        plains.add(seconds(t));
        plainPeaks = BenchSupport.max(plainPeaks, phase.end());
        long rows = spark.read().format("delta").load(plain.toString()).count();
        if (rows != 12) {
          throw LiangshanException.failure("the binaryFile baseline wrote %d rows, not 12", rows);
        }
        delete(plain);

        Path lakehouse = work.resolve("raster-lakehouse-" + r);
        TableCatalog catalog = TableCatalog.discover(spark, new LakehouseConfig(lakehouse.toString(), master, java.util.Map.of()));
        Run run = Run.start(catalog, "liangshan bench ingest", "ingest", tianjin.id(), null, null);
        phase = BenchSupport.startPhase();
        t = System.nanoTime();
        LoadReport report = new RasterCatalogJob(run, tianjin, landing, line -> { }).load();
        catalogued.add(seconds(t));
        pipelinePeaks = BenchSupport.max(pipelinePeaks, phase.end());
        loads.add(BenchSupport.loadAverage());
        run.succeed("bench");
        long rasterFiles = report.files().stream().filter(f -> f.family().equals("rasters")).count();
        if (!report.rejectedFiles().isEmpty() || rasterFiles != 12) {
          throw LiangshanException.failure("the raster catalogue did not take all 12 scenes: %s", report.rejectedFiles());
        }
        long inCatalog = catalog.read(org.liangshan.pipelines.raster.RasterTables.SCENES).count();
        if (inCatalog != 12) {
          throw LiangshanException.failure("silver.raster_scenes holds %d scenes, not 12", inCatalog);
        }
        say("  raster run %d: copy %.1f s, binaryFile -> delta %.1f s, raster pipeline %.1f s (load average %s)", r + 1,
            copies.get(r), plains.get(r), catalogued.get(r), loads.get(r));
        delete(lakehouse);
      }
      double copy = BenchSupport.median(copies);
      double base = BenchSupport.median(plains);
      double cat = BenchSupport.median(catalogued);
      TextTable table = new TextTable("measurement (12 scenes)", "MB", "median s", "scenes/s", "pixels/s", "vs binaryFile", "heap peak MB", "VmHWM MB");
      table.row("plain file copy", String.format("%.0f", sceneBytes / 1e6), String.format("%.1f", copy), String.format("%.2f", 12 / copy),
          String.format("%,.0f", pixels / copy), String.format("%.2f", copy / base), "-", "-");
      table.row("spark.read.format(\"binaryFile\") -> delta (baseline)", String.format("%.0f", sceneBytes / 1e6), String.format("%.1f", base),
          String.format("%.2f", 12 / base), String.format("%,.0f", pixels / base), "1.00", plainPeaks.heapMb(), plainPeaks.residentMb());
      table.row("raster pipeline (check, sha256, bronze copy, catalog MERGE)", String.format("%.0f", sceneBytes / 1e6), String.format("%.1f", cat),
          String.format("%.2f", 12 / cat), String.format("%,.0f", pixels / cat), String.format("%.2f", cat / base),
          pipelinePeaks.heapMb(), pipelinePeaks.residentMb());
      System.out.print(table);
      System.out.printf(java.util.Locale.ROOT, "Scenes: 12 monthly NDVI GeoTIFFs (float32, Deflate, 256x256 tiles), %d x %d pixels (pixel %.7f°, %s),"
          + " %,d inside Tianjin; pixels/s counts all %,d pixels of the 12 scenes.%n", scenes.width(), scenes.height(), pixel, size,
          scenes.insidePixels(), pixels);
      System.out.printf("Runs per measurement: %d (median); load average after each pipeline run: %s.%n", repeat, String.join(", ", loads));
    }

    private static void say(String format, Object... args) {
      System.err.println(String.format(format, args));
    }

    private static double seconds(long since) {
      return (System.nanoTime() - since) / 1e9;
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
