package org.liangshan.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;
import org.liangshan.core.text.TextTable;
import org.liangshan.generator.BenchmarkData;
import org.liangshan.geo.GridZonalStatistics;
import org.liangshan.geo.model.AnalysisGrid;
import org.liangshan.geo.model.GridSpec;
import org.liangshan.geo.model.Product;
import org.liangshan.geo.model.ZonalStats;
import org.liangshan.pipelines.ingest.LoadReport;
import org.liangshan.pipelines.ingest.RasterCatalogJob;
import org.liangshan.warehouse.LakehouseConfig;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.SparkSessions;
import org.liangshan.warehouse.TableCatalog;
import org.locationtech.jts.io.WKTWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Zonal statistics benchmark: a year of monthly NDVI scenes for Tianjin into the 1 km analysis grid by the
 * accounting's tile-then-aggregate code, against Sedona's RS_ZonalStats per cell on a random sample of cells
 * and scenes of the same files, extrapolated per cell to the whole grid; the sampled means are compared.
 */
@Command(name = "zonal", mixinStandardHelpOptions = true,
    description = {
      "Zonal statistics throughput: 12 monthly NDVI scenes for Tianjin at --raster-resolution (generated, then",
      "catalogued by the raster pipeline) into the region's analysis grid (1 km) with the accounting's",
      "tile-then-aggregate code (one Spark task per scene), against Sedona's",
      "RS_ZonalStats(RS_FromGeoTiff(...), cell, 1, 'mean') per cell on a seeded random sample of",
      "--sample-cells cells x --sample-scenes scenes of the same files, extrapolated per cell to the full grid.",
      "Reports medians over --repeat runs, pixels per second, the ratio, peak heap and resident memory, and the",
      "largest difference between the two means on the sampled cells.",
      "  liangshan bench zonal --raster-resolution 30 --sample-cells 200 --sample-scenes 1",
    })
final class BenchZonalCommand implements Callable<Integer> {
  private static final String REGION = "tianjin";

  @Option(names = "--raster-resolution", defaultValue = "30", paramLabel = "M",
      description = "Pixel of the generated scenes, metres: square in degrees with the area of an M x M m pixel at Tianjin's latitude (default ${DEFAULT-VALUE}).")
  double resolution;

  @Option(names = "--year", defaultValue = "2024", paramLabel = "Y", description = "Year of the scenes (default ${DEFAULT-VALUE}).")
  int year;

  @Option(names = "--sample-cells", defaultValue = "200", paramLabel = "N", description = "Cells RS_ZonalStats is timed on (default ${DEFAULT-VALUE}).")
  int sampleCells;

  @Option(names = "--sample-scenes", defaultValue = "1", paramLabel = "K", description = "Scenes RS_ZonalStats is timed on (default ${DEFAULT-VALUE}).")
  int sampleScenes;

  @Option(names = "--seed", defaultValue = "20240601", paramLabel = "SEED", description = "Seed of the cell and scene sample (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--repeat", defaultValue = "1", paramLabel = "R", description = "Runs of each measurement; the median is reported (default ${DEFAULT-VALUE}).")
  int repeat;

  @Option(names = "--work", defaultValue = ".liangshan/bench-zonal", paramLabel = "DIR",
      description = "Scratch folder (default ${DEFAULT-VALUE}); generated scenes of the same pixel are reused with --keep.")
  Path work;

  @Option(names = "--keep", description = "Keep the generated scenes in --work for the next run (they are deleted otherwise).")
  boolean keep;

  @Option(names = "--master", defaultValue = "local[2]", paramLabel = "URL", description = "Spark master (default ${DEFAULT-VALUE}: 2 cores).")
  String master;

  @Override
  public Integer call() throws Exception {
    if (!(resolution > 0) || sampleCells < 1 || sampleScenes < 1 || sampleScenes > 12 || repeat < 1) {
      throw LiangshanException.badInput(
          "--raster-resolution must be positive, --sample-cells and --repeat at least 1, --sample-scenes 1..12.");
    }
    Region tianjin = Regions.load(REGION);
    double pixel = BenchmarkData.pixelDegreesForResolution(tianjin, resolution);
    Path landing = work.resolve("landing");
    Path marker = work.resolve("scenes.txt");
    String shape = String.format(Locale.ROOT, "%s %d %.12f", REGION, year, pixel);
    BenchmarkData.Scenes scenes;
    long t;
    if (Files.exists(marker) && Files.readString(marker).startsWith(shape + "\n")) {
      String[] saved = Files.readString(marker).split("\n")[1].split(" ");
      List<Path> files = new ArrayList<>();
      for (int month = 1; month <= 12; month++) {
        files.add(landing.resolve(REGION).resolve(String.format("rasters/ndvi/ndvi_%04d%02d.tif", year, month)));
      }
      scenes = new BenchmarkData.Scenes(files, pixel, Integer.parseInt(saved[0]), Integer.parseInt(saved[1]), Long.parseLong(saved[2]));
      BenchSupport.say("Reusing the 12 generated scenes in %s", landing);
    } else {
      BenchSupport.delete(work);
      BenchSupport.say("Generating 12 monthly NDVI scenes for Tianjin: pixel %.7f° (%.0f m² at the region's latitude)", pixel, resolution * resolution);
      t = System.nanoTime();
      scenes = BenchmarkData.monthlyNdvi(landing, tianjin, year, pixel, m -> BenchSupport.say("  month %d written", m));
      BenchSupport.say("  %d x %d pixels a scene, %,d inside the region; %.0f MB in %.1f s", scenes.width(), scenes.height(),
          scenes.insidePixels(), BenchSupport.size(scenes.files()) / 1e6, BenchSupport.seconds(t));
      Files.writeString(marker, shape + "\n" + scenes.width() + " " + scenes.height() + " " + scenes.insidePixels() + "\n");
    }
    long sceneBytes = BenchSupport.size(scenes.files());

    SparkSession spark = SparkSessions.withSedona(SparkSessions.create(new LakehouseConfig(work.resolve("spark").toString(), master, Map.of())));
    Path lakehouse = work.resolve("lakehouse");
    BenchSupport.delete(lakehouse);
    TableCatalog catalog = TableCatalog.discover(spark, new LakehouseConfig(lakehouse.toString(), master, Map.of()));
    Run run = Run.start(catalog, "liangshan bench zonal", "bench", REGION, String.valueOf(year), null);
    t = System.nanoTime();
    LoadReport report = new RasterCatalogJob(run, tianjin, landing, line -> { }).load();
    if (!report.rejectedFiles().isEmpty() || report.files().size() != 12) {
      throw LiangshanException.failure("the raster catalogue did not take all 12 scenes: %s", report.rejectedFiles());
    }
    List<GridZonalStatistics.Scene> catalogued = GridZonalStatistics.scenes(run, catalog, tianjin, year, Product.NDVI);
    BenchSupport.say("Catalogued 12 scenes in %.1f s", BenchSupport.seconds(t));
    t = System.nanoTime();
    GridSpec grid = AnalysisGrid.build(tianjin).spec();
    BenchSupport.say("Analysis grid: %,d cells of %.0f m in %s (%.1f s)", grid.cellCount(), grid.resolutionM(), grid.metricCrs(),
        BenchSupport.seconds(t));

    // 1. The project's zonal statistics: every scene, every cell.
    List<Double> times = new ArrayList<>();
    List<String> loads = new ArrayList<>();
    BenchSupport.Peaks projectPeaks = null;
    List<ZonalStats> stats = null;
    for (int r = 0; r < repeat; r++) {
      BenchSupport.Phase phase = BenchSupport.startPhase();
      t = System.nanoTime();
      stats = GridZonalStatistics.compute(spark, grid, catalogued);
      times.add(BenchSupport.seconds(t));
      projectPeaks = BenchSupport.max(projectPeaks, phase.end());
      loads.add(BenchSupport.loadAverage());
      BenchSupport.say("  tile-then-aggregate run %d: 12 scenes x %,d cells in %.1f s (load average %s)", r + 1, grid.cellCount(),
          times.get(r), loads.get(r));
    }
    double project = BenchSupport.median(times);
    long pixels = scenes.pixels() * 12;
    long validPixels = 0;
    long cellMonths = 0;
    for (ZonalStats s : stats) {
      for (int c = 0; c < grid.cellCount(); c++) {
        validPixels += s.validPixels(c);
        cellMonths += s.mean(c).isPresent() ? 1 : 0;
      }
    }

    System.out.printf(Locale.ROOT, "tile-then-aggregate: 12 scenes x %,d cells, %,d pixels: median %.1f s, %,.0f pixels/s, heap peak %s MB, VmHWM %s MB%n",
        grid.cellCount(), pixels, project, pixels / project, projectPeaks.heapMb(), projectPeaks.residentMb());
    System.out.flush();
    // Decoded tiles of the scenes above stay in JAI's tile cache: free them so that Sedona gets the heap.
    javax.media.jai.JAI.getDefaultInstance().getTileCache().flush();

    // 2. RS_ZonalStats per cell on a seeded sample of cells and scenes.
    SplittableRandom random = new SplittableRandom(seed);
    int[] cells = sample(random, grid.cellCount(), Math.min(sampleCells, grid.cellCount()));
    int[] months = sample(random, 12, sampleScenes);
    StructType cellSchema = new StructType().add("ordinal", DataTypes.IntegerType).add("wkt", DataTypes.StringType);
    List<Row> cellRows = new ArrayList<>();
    WKTWriter wkt = new WKTWriter();
    for (int ordinal : cells) {
      cellRows.add(RowFactory.create(ordinal, wkt.write(GridZonalStatistics.cellOutline(grid, ordinal, "EPSG:4326", 10))));
    }
    Dataset<Row> zones = spark.createDataFrame(cellRows, cellSchema).selectExpr("ordinal", "ST_GeomFromWKT(wkt, 4326) AS zone").cache();
    zones.count();
    List<Double> fixed = new ArrayList<>();
    List<Double> perCell = new ArrayList<>();
    BenchSupport.Peaks sedonaPeaks = null;
    double maxDiff = 0;
    int compared = 0;
    int bothEmpty = 0;
    List<String> mismatches = new ArrayList<>();
    for (int r = 0; r < repeat; r++) {
      for (int month : months) {
        GridZonalStatistics.Scene scene = catalogued.get(month);
        BenchSupport.Phase phase = BenchSupport.startPhase();
        t = System.nanoTime();
        spark.read().format("binaryFile").load(scene.location()).selectExpr("RS_Width(RS_FromGeoTiff(content))").collectAsList();
        double load = BenchSupport.seconds(t);
        t = System.nanoTime();
        List<Row> means = spark.read().format("binaryFile").load(scene.location())
            .selectExpr("RS_FromGeoTiff(content) AS rast")
            .crossJoin(zones)
            .selectExpr("ordinal", "RS_ZonalStats(rast, zone, 1, 'mean', false, true) AS mean")
            .collectAsList();
        double all = BenchSupport.seconds(t);
        sedonaPeaks = BenchSupport.max(sedonaPeaks, phase.end());
        fixed.add(load);
        perCell.add(Math.max(0, all - load) / cells.length);
        BenchSupport.say("  RS_ZonalStats run %d, month %d: raster read %.1f s, %d cells in %.1f s (%.3f s a cell; load average %s)",
            r + 1, scene.month(), load, cells.length, all, perCell.get(perCell.size() - 1), BenchSupport.loadAverage());
        if (r == 0) {
          for (Row row : means) {
            int ordinal = row.getInt(0);
            OptionalDouble ours = stats.get(month).mean(ordinal);
            Double theirs = row.isNullAt(1) || Double.isNaN(row.getDouble(1)) ? null : row.getDouble(1);
            if (ours.isEmpty() && theirs == null) {
              bothEmpty++;
            } else if (ours.isPresent() && theirs != null) {
              compared++;
              double diff = Math.abs(ours.getAsDouble() - theirs);
              maxDiff = Math.max(maxDiff, diff);
              if (diff > 1e-6) {
                mismatches.add(String.format(Locale.ROOT, "%s month %d: %.6f vs %.6f (%d valid pixels)", grid.cellId(ordinal),
                    scene.month(), ours.getAsDouble(), theirs, stats.get(month).validPixels(ordinal)));
              }
            } else {
              mismatches.add(String.format(Locale.ROOT, "%s month %d: %s vs %s", grid.cellId(ordinal), scene.month(),
                  ours.isPresent() ? String.format(Locale.ROOT, "%.6f", ours.getAsDouble()) : "no mean", theirs == null ? "null" : theirs));
            }
          }
        }
      }
    }
    double readMedian = BenchSupport.median(fixed);
    double cellMedian = BenchSupport.median(perCell);
    int cores = cores(master);
    double sedonaFull = (12 * readMedian + (double) grid.cellCount() * 12 * cellMedian) / cores;

    TextTable table = new TextTable("measurement", "work", "median s", "pixels/s", "vs tile-then-aggregate", "heap peak MB", "VmHWM MB");
    table.row("tile-then-aggregate (accounting's zonal step), 12 scenes x all cells",
        String.format("%,d px, %,d cells", pixels, grid.cellCount()), String.format("%.1f", project),
        String.format("%,.0f", pixels / project), "1.00", projectPeaks.heapMb(), projectPeaks.residentMb());
    table.row(String.format("RS_ZonalStats, sample %d cells x %d scene(s): raster read", cells.length, months.length), "1 scene",
        String.format("%.1f", readMedian), "-", "-", "", "");
    table.row("RS_ZonalStats, per cell (sampled)", "1 cell", String.format("%.3f", cellMedian), "-", "-",
        sedonaPeaks.heapMb(), sedonaPeaks.residentMb());
    table.row(String.format("RS_ZonalStats extrapolated to 12 scenes x %,d cells on %d cores", grid.cellCount(), cores),
        String.format("%,d px", pixels), String.format("%.0f", sedonaFull), String.format("%,.0f", pixels / sedonaFull),
        String.format("%.0f", sedonaFull / project), "", "");
    System.out.print(table);
    System.out.printf(Locale.ROOT, "Scenes: 12 monthly NDVI, %d x %d pixels (pixel %.7f°, %.0f m² at the region's latitude), %,d inside Tianjin; %.0f MB.%n",
        scenes.width(), scenes.height(), pixel, resolution * resolution, scenes.insidePixels(), sceneBytes / 1e6);
    System.out.printf(Locale.ROOT, "Tile-then-aggregate: %,d valid pixels binned, %,d cell-months with a mean; %,.0f valid pixels/s.%n",
        validPixels, cellMonths, validPixels / project);
    System.out.printf(Locale.ROOT, "Sample: seed %d, cells %s%s, months %s.%n", seed, preview(cells), cells.length > 10 ? " ..." : "",
        java.util.Arrays.toString(java.util.Arrays.stream(months).map(m -> m + 1).toArray()));
    System.out.printf(Locale.ROOT, "Same means on the sample: %d cell-months compared, %d empty in both, max |difference| %.2e; %d mismatch(es)%s%n",
        compared, bothEmpty, maxDiff, mismatches.size(), mismatches.isEmpty() ? "." : ":");
    mismatches.stream().limit(20).forEach(m -> System.out.println("  " + m));
    System.out.printf(Locale.ROOT, "Extrapolation: (12 x raster read + cells x 12 x per-cell time) / %d cores, assuming RS_ZonalStats parallelises perfectly.%n", cores);
    System.out.printf(Locale.ROOT, "Runs per measurement: %d (median); master %s; load average during the runs: %s; heap limit %d MB.%n",
        repeat, master, String.join(", ", loads), Runtime.getRuntime().maxMemory() / (1 << 20));
    run.succeed("bench");
    BenchSupport.delete(lakehouse);
    BenchSupport.delete(work.resolve("spark"));
    if (!keep) {
      BenchSupport.delete(work);
    }
    return CommandLine.ExitCode.OK;
  }

  /** Cores of a local master: N of local[N], the machine's for local[*] or local, else 2. */
  static int cores(String master) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("local(?:\\[(\\d+|\\*)(?:,\\d+)?\\])?").matcher(master);
    if (!m.matches()) {
      return 2;
    }
    return m.group(1) == null ? 1 : m.group(1).equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(m.group(1));
  }

  /** {@code k} distinct values of 0..n-1, in drawing order (partial Fisher-Yates). */
  static int[] sample(SplittableRandom random, int n, int k) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    for (int i = 0; i < k; i++) {
      int j = i + random.nextInt(n - i);
      int swap = all[i];
      all[i] = all[j];
      all[j] = swap;
    }
    return java.util.Arrays.copyOf(all, k);
  }

  private static String preview(int[] values) {
    Map<Integer, Integer> shown = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(10, values.length); i++) {
      shown.put(i, values[i]);
    }
    return shown.values().toString();
  }
}
