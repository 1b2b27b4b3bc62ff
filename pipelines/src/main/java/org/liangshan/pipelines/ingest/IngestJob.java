package org.liangshan.pipelines.ingest;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.liangshan.warehouse.SparkSql;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.region.Region;
import org.liangshan.pipelines.bronze.BronzeTables;
import org.liangshan.pipelines.source.SourceFamilies;
import org.liangshan.pipelines.source.SourceFamily;
import org.liangshan.warehouse.Column;
import org.liangshan.warehouse.OpsTables;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.TableCatalog;
import org.liangshan.warehouse.TableDef;

/**
 * Loads landing files of one region into bronze, silver and quarantine. Per family: files already loaded
 * with the same bytes are skipped; the rest are parsed in Spark tasks (one per file); bronze and quarantine
 * rows of those files replace any left by an earlier, interrupted attempt; silver is MERGEd on the natural
 * key (a corrected delivery of a file supersedes its earlier rows, including rows it no longer has); the
 * file ledger {@code ops.ingested_files} is written last, so a file counts as loaded only when all of that
 * is committed, and a re-run after a crash converges. After the loads, the region's data-quality report is
 * recomputed from what committed ({@link #reportQuality()}).
 *
 * <p>A redelivery that would withdraw more than the family's declared share of the rows its file loaded
 * before, or that is empty, or whose every record is quarantined, is held: nothing of it is written and the
 * report lists it with its counts, until the operator confirms it ({@code allowShrink}; the CLI's
 * {@code --allow-shrink FILE}), which the file ledger then records.
 */
public final class IngestJob {
  private final Run run;
  private final TableCatalog catalog;
  private final SparkSession spark;
  private final Region region;
  private final Path landingRoot;
  private final Consumer<String> progress;
  /** Files (relative to the landing root) whose shrinking redelivery the operator confirmed. */
  private final Set<String> allowShrink;

  public IngestJob(Run run, Region region, Path landingRoot, Consumer<String> progress) {
    this(run, region, landingRoot, progress, List.of());
  }

  /**
   * A job that also loads the redeliveries of {@code allowShrink} (paths of landing files) that the
   * redelivery guard would hold.
   */
  public IngestJob(Run run, Region region, Path landingRoot, Consumer<String> progress, java.util.Collection<Path> allowShrink) {
    this.run = requireNonNull(run, "run is null");
    this.catalog = run.catalog();
    this.spark = catalog.spark();
    this.region = requireNonNull(region, "region is null");
    this.landingRoot = requireNonNull(landingRoot, "landingRoot is null").toAbsolutePath().normalize();
    this.progress = requireNonNull(progress, "progress is null");
    this.journal = new IngestJournal(catalog);
    Set<String> confirmed = new HashSet<>();
    requireNonNull(allowShrink, "allowShrink is null").forEach(file -> confirmed.add(relative(file)));
    this.allowShrink = Set.copyOf(confirmed);
  }

  /** Loads every family, in dependency order, from {@code <landing>/<region>/}. */
  public LoadReport loadAll() {
    recoverOnce();
    List<LoadReport.FileLine> lines = new ArrayList<>();
    List<FileRejected> rejected = new ArrayList<>();
    List<LoadReport.Held> held = new ArrayList<>();
    for (SourceFamily family : SourceFamilies.all()) {
      long t = System.nanoTime();
      LoadReport report = load(family, discover(family));
      tick("total " + family.name(), t);
      lines.addAll(report.files());
      rejected.addAll(report.rejectedFiles());
      held.addAll(report.heldFiles());
    }
    long t = System.nanoTime();
    LoadReport rasters = new RasterCatalogJob(run, region, landingRoot, progress).load();
    tick("total rasters", t);
    lines.addAll(rasters.files());
    rejected.addAll(rasters.rejectedFiles());
    reportQuality();
    return new LoadReport(lines, rejected, held);
  }

  /**
   * Writes the region's data-quality report (ops.dq_completeness, ops.dq_deliveries,
   * ops.dq_quarantine_rates) when this job committed a load, or when the region has none yet; from
   * committed loads only, one commit per table (see {@link DataQuality}).
   */
  public void reportQuality() {
    recoverOnce();
    boolean present = DataQuality.present(catalog, region.id());
    if (!committedFamilies.isEmpty() || !present) {
      long t = System.nanoTime();
      progress.accept(String.format("  %-8s %-22s data-quality report", region.id(), "ops.dq_*"));
      new DataQuality(run, region.id(), landingRoot, Instant.now()).write(present ? Set.copyOf(committedFamilies) : null);
      tick("data quality", t);
      committedFamilies.clear();
    }
  }

  /** Families whose loads this job committed since its last data-quality report. */
  private final Set<String> committedFamilies = new HashSet<>();

  /** The family's files under the region's landing folder, sorted by name. */
  public List<Path> discover(SourceFamily family) {
    Path folder = landingRoot.resolve(region.id()).resolve(family.folder());
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    PathMatcher csv = FileSystems.getDefault().getPathMatcher("glob:" + family.glob());
    // A tabular family's files may also come as Excel workbooks under the same name: 2024.xlsx for 2024.csv.
    PathMatcher xlsx = family.format() == SourceFamily.Format.CSV && family.glob().endsWith(".csv")
        ? FileSystems.getDefault().getPathMatcher("glob:" + family.glob().substring(0, family.glob().length() - 4) + ".xlsx")
        : p -> false;
    PathMatcher matcher = p -> csv.matches(p) || xlsx.matches(p);
    // Vector layers may also come as a Shapefile in a folder of its own: vectors/<layer>/<layer>.shp.
    int depth = family.format() == SourceFamily.Format.GEOJSON ? 2 : 1;
    try (Stream<Path> files = Files.walk(folder, depth)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> matcher.matches(p.getFileName()))
          .filter(p -> p.getParent().equals(folder) || p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".shp"))
          .filter(p -> !family.name().equals("flux") || !p.getFileName().toString().matches("towers\\.(csv|xlsx)"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads the given files of one family. */
  public LoadReport load(SourceFamily family, List<Path> files) {
    // The load's caches (records, silver rows) are each read a few times within the load and then dropped:
    // built uncompressed, they skip the dictionary and run-length statistics Spark gathers for every cached
    // column (about a tenth of the load's CPU in a thread-dump profile at 1 M records). They still spill to
    // disk (MEMORY_AND_DISK) when memory runs short. The session's setting is restored after the load.
    String compressed = spark.conf().get(CACHE_COMPRESSED, "true");
    spark.conf().set(CACHE_COMPRESSED, "false");
    try {
      return loadFiles(family, files);
    } finally {
      spark.conf().set(CACHE_COMPRESSED, compressed);
    }
  }

  private static final String CACHE_COMPRESSED = "spark.sql.inMemoryColumnarStorage.compressed";

  private LoadReport loadFiles(SourceFamily family, List<Path> files) {
    recoverOnce();
    if (files.isEmpty()) {
      return new LoadReport(List.of(), List.of());
    }
    Map<String, String> shaByFile = new LinkedHashMap<>();
    for (Path file : files) {
      shaByFile.put(relative(file), fingerprint(file));
    }
    Set<String> alreadyLoaded = alreadyLoaded(family, shaByFile);
    List<LoadReport.FileLine> lines = new ArrayList<>();
    List<String> toLoad = new ArrayList<>();
    for (String file : shaByFile.keySet()) {
      if (alreadyLoaded.contains(file)) {
        lines.add(new LoadReport.FileLine(family.name(), file, 0, 0, 0, 0, true));
      } else {
        toLoad.add(file);
      }
    }
    if (toLoad.isEmpty()) {
      progress.accept(String.format("  %-8s %-22s %d file(s) unchanged, skipped", region.id(), family.name(), files.size()));
      return new LoadReport(lines, List.of());
    }
    currentFamily = family.name();

    long t0 = System.nanoTime();
    FileParser.Known known = new FileParser.Known(Instant.now(), knownIds(family));
    t0 = tick("known ids", t0);
    StructType parsedSchema = parsedSchema(family);
    List<String> tasks = toLoad.stream().map(f -> landingRoot.resolve(f) + "\t" + f).toList();
    Map<String, Path> paths = new LinkedHashMap<>();
    toLoad.forEach(f -> paths.put(f, landingRoot.resolve(f)));
    ColumnarLoad columnar = ColumnarLoad.plan(family, paths, known, columnarMinBytes);
    // Which path the load takes is said in the log: the columnar one for large CSV deliveries of a family
    // with column checks (ColumnarLoad), the row path otherwise; both give the same rows.
    progress.accept(String.format("  %-8s %-22s loading %d file(s) (%s path)", region.id(), family.name(), toLoad.size(),
        columnar == null ? "row" : "columnar"));
    Dataset<Row> parsed = columnar != null
        ? columnar.parse(spark, tasks, parsedSchema)
        : spark.createDataset(tasks, Encoders.STRING())
            .repartition(Math.max(1, Math.min(tasks.size(), 64)))
            .flatMap(new ParseFiles(family, known, parsedSchema.size()), Encoders.row(parsedSchema))
            .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    try {
      // File-level rejections come back as rows of kind F, so that no file is half-read.
      List<Row> fileErrors = parsed.where(col("kind").equalTo("F")).collectAsList();
      t0 = tick("parse", t0);
      List<FileRejected> rejected = new ArrayList<>();
      Set<String> rejectedNames = new HashSet<>();
      for (Row error : fileErrors) {
        rejected.add(new FileRejected(error.getString(1), error.getString(7)));
        rejectedNames.add(error.getString(1));
        progress.accept("  REFUSED " + error.getString(1) + ": " + error.getString(7));
      }
      List<String> loadable = toLoad.stream().filter(f -> !rejectedNames.contains(f)).toList();
      Map<String, Set<String>> earlier = this.loadedFiles.getOrDefault(family.name(), Map.of());
      Guard guard = guard(family, parsed, loadable, earlier.keySet());
      t0 = tick("redelivery guard", t0);
      List<String> loadedFiles = loadable.stream().filter(f -> !guard.heldFiles().contains(f)).toList();
      if (loadedFiles.isEmpty()) {
        return new LoadReport(lines, rejected, guard.held());
      }
      Dataset<Row> good = parsed.where(col("source_file").isin(loadedFiles.toArray()));
      String inFiles = sqlIn(loadedFiles);
      String regionLiteral = sqlLiteral(region.id());
      Timestamp now = Timestamp.from(known.now());

      // The intent (files, table versions) before the first write: a load killed before its ledger rows
      // commit is rolled back from it by the next ingestion of the region (IngestJournal).
      journal.started(run.id(), region.id(), family, loadedFiles);
      step("journal");
      // A file this region never loaded under this name has no rows anywhere (an interrupted attempt was
      // rolled back by recoverOnce()), so its rows are appended; only a redelivery replaces rows.
      boolean redelivery = loadedFiles.stream().anyMatch(earlier::containsKey);
      TableDef bronze = BronzeTables.of(family);
      write(bronze,
          good.where(col("kind").equalTo("B"))
              .withColumn("region", lit(region.id()))
              .withColumn("ingest_run_id", lit(run.id()))
              .withColumn("ingested_at", lit(now)),
          redelivery, "region = " + regionLiteral + " AND source_file IN " + inFiles);
      run.wrote(bronze);
      t0 = tick("bronze", t0);
      step("bronze");

      write(OpsTables.QUARANTINE,
          good.where(col("kind").equalTo("Q"))
              .withColumn("region", lit(region.id()))
              .withColumn("family", lit(family.name()))
              .withColumn("original", col("raw_line"))
              .withColumn("ingest_run_id", lit(run.id())),
          redelivery, "region = " + regionLiteral + " AND family = " + sqlLiteral(family.name()) + " AND source_file IN " + inFiles);
      run.wrote(OpsTables.QUARANTINE);
      t0 = tick("quarantine", t0);
      step("quarantine");

      TableDef silver = family.silver();
      List<String> key = silver.naturalKey();
      // Cached before the distinct-keys check, which fills the cache that every later step reads.
      Dataset<Row> silverRows = good.where(col("kind").equalTo("S"))
          .withColumn("region", lit(region.id()))
          .withColumn("ingest_run_id", lit(run.id()))
          .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
      // Within one load the last record of a key wins (files in name order, then line order). Ranking sorts
      // every row by its key; a load whose keys are all distinct (the usual case) is left as it is.
      Dataset<Row> latest = keysDistinct(silverRows, key) ? silverRows : silverRows
          .withColumn("_rank", row_number().over(Window.partitionBy(key.stream().map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new))
              .orderBy(col("source_file").desc(), col("source_line").desc())))
          .where(col("_rank").equalTo(1))
          .drop("_rank")
          .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
      t0 = tick("distinct keys", t0);
      try {
        step("silver-start");
        mergeSilver(silver, latest, regionLiteral, inFiles, redelivery);
        run.wrote(silver);
        t0 = tick("silver merge", t0);
        step("silver");
        if (Plausibility.applies(silver)) {
          write(Plausibility.TABLE,
              Plausibility.spikes(latest)
                  .withColumn("region", lit(region.id()))
                  .withColumn("family", lit(family.name()))
                  .withColumn("ingest_run_id", lit(run.id())),
              redelivery, "region = " + regionLiteral + " AND family = " + sqlLiteral(family.name()) + " AND source_file IN " + inFiles);
          run.wrote(Plausibility.TABLE);
          t0 = tick("plausibility", t0);
        }
        Map<String, long[]> counts = countsByFile(good, latest, columnar != null);
        t0 = tick("counts", t0);
        Timestamp at = Timestamp.from(Instant.now());
        List<Row> ledger = new ArrayList<>();
        for (String file : loadedFiles) {
          long[] c = counts.getOrDefault(file, new long[4]);
          long received = c[0];
          long quarantined = c[1];
          long okRecords = c[2];
          long loaded = c[3];
          long duplicates = okRecords - loaded;
          lines.add(new LoadReport.FileLine(family.name(), file, received, loaded, quarantined, duplicates, false));
          Withdrawal withdrawal = guard.withdrawals().get(file);
          ledger.add(RowFactory.create(region.id(), family.name(), file, shaByFile.get(file), received, loaded,
              quarantined, duplicates, false, run.id(), at, withdrawal == null ? 0L : withdrawal.withdrawn(),
              guard.confirmed().contains(file)));
          run.count(family.name() + ".received", received);
          run.count(family.name() + ".loaded", loaded);
          run.count(family.name() + ".quarantined", quarantined);
          run.count(family.name() + ".duplicates", duplicates);
        }
        catalog.append(OpsTables.INGESTED_FILES, spark.createDataFrame(ledger, OpsTables.INGESTED_FILES.schema()));
        run.wrote(OpsTables.INGESTED_FILES);
        committedFamilies.add(family.name());
        t0 = tick("ledger", t0);
        step("ledger");
        refreshKnown(family);
        for (String file : loadedFiles) {
          this.loadedFiles.computeIfAbsent(family.name(), k -> new HashMap<>())
              .computeIfAbsent(file, k -> new HashSet<>()).add(shaByFile.get(file));
        }
      } finally {
        latest.unpersist();
        silverRows.unpersist();
      }
      return new LoadReport(lines, rejected, guard.held());
    } finally {
      parsed.unpersist();
      if (columnar != null) {
        columnar.release();
      }
    }
  }

  /** Loads of at least this many bytes of a family with column checks take the columnar path ({@link ColumnarLoad}). */
  long columnarMinBytes = ColumnarLoad.MIN_BYTES;

  /**
   * What a redelivery does to the rows its file loaded before: its records, those that parsed (not
   * quarantined), the file's silver rows now, and how many of those no record of the load keeps (the
   * supersede rule would delete them).
   */
  record Withdrawal(long received, long parsed, long rowsBefore, long withdrawn) {
    /** Why the redelivery must be confirmed first, or null when it may load. */
    String holdReason(String family, double share) {
      if (rowsBefore == 0) {
        return null;
      }
      if (received == 0) {
        return "it is empty (a header and no records) and would withdraw every row the file loaded before";
      }
      if (parsed == 0) {
        return "every one of its " + received + " record(s) is quarantined, so it would withdraw every row the file loaded before"
            + " (see 'liangshan quarantine')";
      }
      if (withdrawn > share * rowsBefore) {
        return String.format(java.util.Locale.ROOT,
            "it would withdraw %d of the %d rows the file loaded before (%.1f %%), more than the %.0f %% family %s allows",
            withdrawn, rowsBefore, 100.0 * withdrawn / rowsBefore, 100 * share, family);
      }
      return null;
    }
  }

  /** The redelivery guard's decision for one load: files held, files confirmed, and every redelivery's withdrawal. */
  private record Guard(List<LoadReport.Held> held, Set<String> heldFiles, Set<String> confirmed, Map<String, Withdrawal> withdrawals) {}

  /**
   * Holds the redeliveries that would withdraw too much (see {@link Withdrawal#holdReason}), unless the
   * operator confirmed them. Holding a file takes its records out of the load, which may withdraw more of
   * another redelivery, so the check repeats until no new file is held.
   */
  private Guard guard(SourceFamily family, Dataset<Row> parsed, List<String> loadable, Set<String> loadedBefore) {
    double share = SourceFamilies.spec().maxWithdrawnShare(family.name());
    List<LoadReport.Held> held = new ArrayList<>();
    Set<String> heldFiles = new HashSet<>();
    Set<String> confirmed = new HashSet<>();
    Map<String, Withdrawal> withdrawals = Map.of();
    while (true) {
      List<String> loading = loadable.stream().filter(f -> !heldFiles.contains(f)).toList();
      List<String> redelivered = loading.stream().filter(loadedBefore::contains).toList();
      withdrawals = redelivered.isEmpty() ? Map.of() : withdrawals(family, parsed, redelivered, loading);
      boolean more = false;
      confirmed.clear();
      for (String file : redelivered) {
        Withdrawal w = withdrawals.get(file);
        String reason = w.holdReason(family.name(), share);
        if (reason == null) {
          continue;
        }
        if (allowShrink.contains(file)) {
          confirmed.add(file);
          continue;
        }
        LoadReport.Held h = new LoadReport.Held(family.name(), file, w.rowsBefore(), w.rowsBefore() - w.withdrawn(), w.withdrawn(), reason);
        held.add(h);
        heldFiles.add(file);
        more = true;
        progress.accept("  " + h.message() + " To load it anyway: liangshan ingest ... --allow-shrink " + landingRoot.resolve(file));
      }
      if (!more) {
        break;
      }
    }
    for (String file : confirmed) {
      Withdrawal w = withdrawals.get(file);
      progress.accept(String.format("  %s: redelivery confirmed (--allow-shrink): withdraws %d of the %d rows the file loaded before",
          file, w.withdrawn(), w.rowsBefore()));
    }
    return new Guard(List.copyOf(held), Set.copyOf(heldFiles), Set.copyOf(confirmed), withdrawals);
  }

  /** Per redelivered file: its counts and what it would withdraw of its silver rows if {@code loading} loads. */
  private Map<String, Withdrawal> withdrawals(SourceFamily family, Dataset<Row> parsed, List<String> redelivered, List<String> loading) {
    Map<String, long[]> counts = new HashMap<>();
    for (Row row : parsed.where(col("source_file").isin(redelivered.toArray()))
        .groupBy("source_file", "kind").agg(countDistinct("source_line").as("n")).collectAsList()) {
      long[] c = counts.computeIfAbsent(row.getString(0), k -> new long[4]);
      switch (row.getString(1)) {
        case "B" -> c[0] = row.getLong(2);
        case "S" -> c[1] = row.getLong(2);
        default -> { }
      }
    }
    TableDef silver = family.silver();
    if (catalog.exists(silver)) {
      List<String> key = silver.naturalKey().stream().filter(c -> !c.equals("region")).toList();
      Dataset<Row> target = catalog.read(silver)
          .where(col("region").equalTo(region.id()).and(col("source_file").isin(redelivered.toArray())));
      Dataset<Row> kept = parsed.where(col("kind").equalTo("S").and(col("source_file").isin(loading.toArray())))
          .select(key.stream().map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new))
          .distinct()
          .withColumn("_kept", lit(true));
      org.apache.spark.sql.Column on = null;
      for (String column : key) {
        org.apache.spark.sql.Column equal = target.col(column).eqNullSafe(kept.col(column));
        on = on == null ? equal : on.and(equal);
      }
      for (Row row : target.join(kept, on, "left").groupBy(target.col("source_file"))
          .agg(count(lit(1)), org.apache.spark.sql.functions.sum(
              org.apache.spark.sql.functions.when(kept.col("_kept").isNull(), 1L).otherwise(0L)))
          .collectAsList()) {
        long[] c = counts.computeIfAbsent(row.getString(0), k -> new long[4]);
        c[2] = row.getLong(1);
        c[3] = row.getLong(2);
      }
    }
    Map<String, Withdrawal> withdrawals = new HashMap<>();
    for (String file : redelivered) {
      long[] c = counts.getOrDefault(file, new long[4]);
      withdrawals.put(file, new Withdrawal(c[0], c[1], c[2], c[3]));
    }
    return withdrawals;
  }

  private static final boolean TIMING = Boolean.getBoolean("liangshan.timing");

  /**
   * Test hook for the crash tests: with {@code -Dliangshan.test.steps=true} every step of a load is announced
   * on stderr ({@code liangshan-step: <family> <step>}); with {@code -Dliangshan.test.pause-at=<step>} the
   * load stops there (until the process is killed). Steps: journal, bronze, quarantine, silver-start,
   * silver, ledger. Off by default; no effect on a load.
   */
  private void step(String name) {
    String pauseAt = System.getProperty("liangshan.test.pause-at");
    if (Boolean.getBoolean("liangshan.test.steps") || pauseAt != null) {
      System.err.println("liangshan-step: " + currentFamily + " " + name);
      System.err.flush();
    }
    if (name.equals(pauseAt)) {
      while (true) {
        try {
          Thread.sleep(60_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted at test pause point " + name, e);
        }
      }
    }
  }

  private final IngestJournal journal;
  private String currentFamily = "";
  private boolean recovered;

  /** Rolls back the loads of this region an earlier process left unfinished; returns how many. */
  public int recover() {
    recovered = true;
    return journal.recover(region.id(), progress);
  }

  /** Rolls back loads of this region that an earlier process left unfinished (killed, crashed). */
  private void recoverOnce() {
    if (!recovered) {
      recovered = true;
      int undone = journal.recover(region.id(), progress);
      if (undone > 0) {
        knownIds.clear();
        loadedFiles = null;
      }
    }
  }

  private long tick(String step, long since) {
    long now = System.nanoTime();
    if (TIMING) {
      int jobs = spark.sparkContext().statusTracker().getJobIdsForGroup(null).length;
      progress.accept(String.format("      %-14s %6.2f s  %4d Spark jobs so far", step, (now - since) / 1e9, jobs));
    }
    return now;
  }

  /**
   * MERGEs a load into silver, confined to the region's partition. Only a redelivery of a file loaded
   * before needs the not-matched-by-source clause (rows the new version no longer has are deleted); that
   * clause scans the whole table, so it is left out otherwise and regions can load concurrently.
   */
  private void mergeSilver(TableDef silver, Dataset<Row> latest, String regionLiteral, String inFiles, boolean redelivery) {
    catalog.ensure(silver);
    Dataset<Row> source = catalog.conform(silver, latest);
    if (!redelivery && (!regionLoaded(silver) || !collides(silver, source))) {
      // Every natural key is new to the region: an append commits the same rows as the MERGE would,
      // without the MERGE's scan of the target and rewrite of the files it touches.
      catalog.append(silver, source);
      return;
    }
    StringBuilder on = new StringBuilder("t.region = " + regionLiteral);
    for (String column : silver.naturalKey()) {
      on.append(" AND ").append("t.`").append(column).append("` <=> s.`").append(column).append('`');
    }
    TableCatalog.retrying(() -> {
      io.delta.tables.DeltaMergeBuilder merge = DeltaTable.forPath(spark, catalog.location(silver))
          .as("t")
          .merge(source.as("s"), on.toString())
          .whenMatched("NOT (t.record_hash <=> s.record_hash) OR NOT (t.source_file <=> s.source_file)")
          .updateAll()
          .whenNotMatched()
          .insertAll();
      if (redelivery) {
        // A corrected delivery of a file supersedes it whole: rows it no longer carries go.
        merge = merge.whenNotMatchedBySource("t.region = " + regionLiteral + " AND t.source_file IN " + inFiles).delete();
      }
      merge.execute();
    });
  }

  /**
   * Whether no two rows share a natural key: as many distinct 64-bit hashes of the key as rows. Equal keys
   * have equal hashes, so distinct hashes prove distinct keys; a collision only sends the load to the ranking.
   */
  private static boolean keysDistinct(Dataset<Row> rows, List<String> key) {
    Row counts = rows.select(org.apache.spark.sql.functions.xxhash64(key.stream().map(org.apache.spark.sql.functions::col)
            .toArray(org.apache.spark.sql.Column[]::new)).as("h"))
        .agg(count(lit(1)), countDistinct("h"))
        .head();
    return counts.getLong(0) == counts.getLong(1);
  }

  /** Appends rows of files loaded for the first time; replaces the rows in {@code scope} for a redelivery. */
  private void write(TableDef table, Dataset<Row> rows, boolean redelivery, String scope) {
    if (redelivery) {
      catalog.replace(table, rows, scope);
    } else {
      catalog.append(table, rows);
    }
  }

  /**
   * Whether the file ledger shows a load of this region into the silver table (by any family that fills
   * it). When it shows none the region has no rows there: rows of an interrupted load were rolled back by
   * recoverOnce(), and every committed load has ledger rows.
   */
  private boolean regionLoaded(TableDef silver) {
    for (SourceFamily family : SourceFamilies.all()) {
      if (family.silver().name().equals(silver.name()) && !loadedFiles.getOrDefault(family.name(), Map.of()).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Whether any natural key of the load is already in the region's silver rows (null-safe, as the MERGE). */
  private boolean collides(TableDef silver, Dataset<Row> source) {
    Dataset<Row> target = catalog.read(silver).where(col("region").equalTo(region.id()));
    org.apache.spark.sql.Column on = null;
    for (String column : silver.naturalKey()) {
      org.apache.spark.sql.Column equal = target.col(column).eqNullSafe(source.col(column));
      on = on == null ? equal : on.and(equal);
    }
    return !source.join(target, on, "left_semi").limit(1).isEmpty();
  }

  /**
   * Per file: received records, quarantined records, records that parsed, records that reached silver; one
   * Spark query over the parsed rows and the de-duplicated silver rows (both persisted).
   */
  private static Map<String, long[]> countsByFile(Dataset<Row> parsed, Dataset<Row> latest, boolean oneSilverRowPerRecord) {
    // A record has one bronze row and at most one quarantine row, so those are counted as rows; a record may
    // have several silver rows (the wide format), so those are counted as distinct lines, unless the load
    // gives at most one silver row per record (the columnar path's families, see ColumnarTyping): then every
    // kind is counted as rows in one pass, without the hash table of every line that distinct counts need.
    Dataset<Row> byKind = oneSilverRowPerRecord
        ? parsed.where(col("kind").isin("B", "Q", "S")).groupBy("source_file", "kind").agg(count(lit(1)).as("n"))
        : parsed.where(col("kind").isin("B", "Q")).groupBy("source_file", "kind").agg(count(lit(1)).as("n"))
            .unionByName(parsed.where(col("kind").equalTo("S")).groupBy("source_file", "kind").agg(countDistinct("source_line").as("n")));
    Dataset<Row> reached = latest.groupBy("source_file").agg((oneSilverRowPerRecord ? count(lit(1)) : countDistinct("source_line")).as("n"))
        .select(col("source_file"), lit("L").as("kind"), col("n"));
    Map<String, long[]> counts = new HashMap<>();
    for (Row row : byKind.unionByName(reached).collectAsList()) {
      long[] c = counts.computeIfAbsent(row.getString(0), k -> new long[4]);
      switch (row.getString(1)) {
        case "B" -> c[0] = row.getLong(2);
        case "Q" -> c[1] = row.getLong(2);
        case "S" -> c[2] = row.getLong(2);
        case "L" -> c[3] = row.getLong(2);
        default -> { }
      }
    }
    return counts;
  }

  /** family -> file -> SHA-256 of every file this region has loaded, read once per job. */
  private Map<String, Map<String, Set<String>>> loadedFiles;

  private Set<String> alreadyLoaded(SourceFamily family, Map<String, String> shaByFile) {
    if (loadedFiles == null) {
      loadedFiles = new HashMap<>();
      if (catalog.exists(OpsTables.INGESTED_FILES)) {
        for (Row row : catalog.read(OpsTables.INGESTED_FILES).where(col("region").equalTo(region.id()))
            .select("family", "source_file", "file_sha256").collectAsList()) {
          loadedFiles.computeIfAbsent(row.getString(0), k -> new HashMap<>())
              .computeIfAbsent(row.getString(1), k -> new HashSet<>()).add(row.getString(2));
        }
      }
    }
    Map<String, Set<String>> mine = loadedFiles.getOrDefault(family.name(), Map.of());
    Set<String> loaded = new HashSet<>();
    shaByFile.forEach((file, sha) -> {
      if (mine.getOrDefault(file, Set.of()).contains(sha)) {
        loaded.add(file);
      }
    });
    return loaded;
  }

  /** Reference kinds, the silver table and column holding their ids, and the family that fills it (the spec). */
  private static final Map<String, SourceFamilies.ReferenceSource> REFERENCES = SourceFamilies.referenceSources();

  /**
   * Ids known so far in this job, per reference kind (section, tower, enterprise ...); a kind is read on
   * first use and read again only after the family that fills it has loaded.
   */
  private final Map<String, Set<String>> knownIds = new HashMap<>();

  private void refreshKnown(SourceFamily loaded) {
    REFERENCES.forEach((kind, source) -> {
      if (source.family().equals(loaded.name())) {
        knownIds.remove(kind);
      }
    });
  }

  /**
   * Ids that the family's references are checked against: configuration plus what silver already holds.
   * Only the kinds the family refers to are read (each read is a Spark query).
   */
  private Map<String, Set<String>> knownIds(SourceFamily family) {
    Map<String, Set<String>> ids = new HashMap<>();
    for (String kind : new HashSet<>(family.references().values())) {
      SourceFamilies.ReferenceSource source = REFERENCES.get(kind);
      if (source != null) {
        ids.put(kind, knownIds.computeIfAbsent(kind, k -> readKnownIds(source)));
      }
    }
    return ids;
  }

  private Set<String> readKnownIds(SourceFamilies.ReferenceSource source) {
    Set<String> ids = new HashSet<>();
    if (source.kind().equals("section")) {
      region.sections().forEach(s -> ids.add(s.id()));
    } else if (source.kind().equals("tower")) {
      region.fluxTowers().forEach(t -> ids.add(t.id()));
    }
    ids.addAll(distinct(source.silverTable(), source.column()));
    return ids;
  }

  private Set<String> distinct(String silverTable, String column) {
    TableDef table = SourceFamilies.silver(silverTable);
    if (!catalog.exists(table)) {
      return Set.of();
    }
    Set<String> values = new HashSet<>();
    // A reference check reads silver: recorded as an input (read back when this run also loads that table).
    // Collected as they are (a reference table is small): a distinct() would cost a shuffle, the set dedupes.
    for (Row row : run.input(table).where(col("region").equalTo(region.id())).select(column).collectAsList()) {
      values.add(row.getString(0));
    }
    return values;
  }

  private String relative(Path file) {
    return landingRoot.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  /** SHA-256 of a delivery: a file's bytes, or for a Shapefile those of the .shp and its sidecars in order. */
  static String fingerprint(Path file) {
    List<Path> parts = ShapefileFile.accepts(file) ? ShapefileFile.parts(file) : List.of(file);
    if (parts.size() == 1) {
      return sha256(parts.get(0));
    }
    StringBuilder all = new StringBuilder();
    for (Path part : parts) {
      all.append(part.getFileName()).append('=').append(sha256(part)).append('\n');
    }
    return HexFormat.of().formatHex(FileParser.sha256().digest(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** SHA-256 of a file's bytes, hex. */
  public static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = FileParser.sha256();
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw LiangshanException.badInput(e, "Cannot read %s: %s", file.getFileName(), e.getMessage());
    }
  }

  static String sqlIn(List<String> values) {
    return SparkSql.in(values);
  }

  /** A Spark SQL string literal ({@link SparkSql#literal}); values here are file names and ids from our own listing. */
  public static String sqlLiteral(String value) {
    return SparkSql.literal(value);
  }

  /** The row shape a parse task emits: kind, bronze fields, quarantine fields, then the silver columns. */
  static StructType parsedSchema(SourceFamily family) {
    List<StructField> fields = new ArrayList<>();
    fields.add(new StructField("kind", DataTypes.StringType, false, Metadata.empty()));
    fields.add(new StructField("source_file", DataTypes.StringType, false, Metadata.empty()));
    fields.add(new StructField("source_line", DataTypes.LongType, false, Metadata.empty()));
    fields.add(new StructField("record_hash", DataTypes.StringType, true, Metadata.empty()));
    fields.add(new StructField("record", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), true, Metadata.empty()));
    fields.add(new StructField("raw_line", DataTypes.StringType, true, Metadata.empty()));
    fields.add(new StructField("reason_code", DataTypes.StringType, true, Metadata.empty()));
    fields.add(new StructField("message", DataTypes.StringType, true, Metadata.empty()));
    fields.add(new StructField("field", DataTypes.StringType, true, Metadata.empty()));
    for (Column column : family.outputColumns()) {
      fields.add(new StructField(column.name(), column.type(), true, Metadata.empty()));
    }
    return new StructType(fields.toArray(StructField[]::new));
  }

  /** A record's quarantine row (kind Q) or silver rows (kind S), in the shape of {@link #parsedSchema}. */
  static List<Row> outcomeRows(String name, FileParser.Parsed parsed, int width) {
    if (parsed.rejection() != null) {
      Object[] q = new Object[width];
      q[0] = "Q";
      q[1] = name;
      q[2] = parsed.line();
      q[3] = parsed.hash();
      q[5] = parsed.text();
      q[6] = parsed.rejection().reason().name();
      q[7] = name + " line " + parsed.line() + ": " + parsed.rejection().getMessage();
      q[8] = parsed.rejection().field();
      return List.of(RowFactory.create(q));
    }
    List<Row> rows = new ArrayList<>();
    for (Object[] values : parsed.silverRows()) {
      Object[] s = new Object[width];
      s[0] = "S";
      s[1] = name;
      s[2] = parsed.line();
      s[3] = parsed.hash();
      System.arraycopy(values, 0, s, 9, values.length);
      rows.add(RowFactory.create(s));
    }
    return rows;
  }

  /** The Spark task: parses one file into bronze, silver and quarantine rows. */
  private static final class ParseFiles implements FlatMapFunction<String, Row>, Serializable {
    private static final long serialVersionUID = 1L;
    private final SourceFamily family;
    private final FileParser.Known known;
    private final int width;

    ParseFiles(SourceFamily family, FileParser.Known known, int width) {
      this.family = family;
      this.known = known;
      this.width = width;
    }

    /** The row of kind F that refuses a file whole. */
    private Row refusal(String name, FileRejected e) {
      Object[] f = new Object[width];
      f[0] = "F";
      f[1] = name;
      f[2] = 0L;
      f[7] = e.reason();
      return RowFactory.create(f);
    }

    @Override
    public java.util.Iterator<Row> call(String task) {
      int tab = task.indexOf('\t');
      Path file = Path.of(task.substring(0, tab));
      String name = task.substring(tab + 1);
      FileParser.Records records;
      try {
        records = FileParser.open(family, file, name, known);
      } catch (FileRejected e) {
        return List.of(refusal(name, e)).iterator();
      }
      // Lazy: one record's rows at a time, so a file larger than the heap streams through. A refusal found
      // only at the end (no required measure anywhere) comes last, as a row of kind F: the driver drops the
      // whole file's rows.
      return new java.util.Iterator<Row>() {
        private final java.util.ArrayDeque<Row> pending = new java.util.ArrayDeque<>();
        private boolean ended;

        private boolean refused;

        @Override
        public boolean hasNext() {
          if (pending.isEmpty() && !refused) {
            try {
              if (records.hasNext()) {
                expand(records.next());
              }
            } catch (CsvFile.Malformed e) {
              // A stray quote found mid-file: the file is refused whole (the rows emitted so far are dropped
              // with it, since the load keeps only files without an F row).
              refused = true;
              Object[] f = new Object[width];
              f[0] = "F";
              f[1] = name;
              f[2] = e.line();
              f[7] = e.getMessage();
              pending.add(RowFactory.create(f));
            }
          }
          if (pending.isEmpty() && !ended) {
            ended = true;
            try {
              records.close();
              records.requireMeasures();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            } catch (FileRejected e) {
              pending.add(refusal(name, e));
            }
          }
          return !pending.isEmpty();
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new java.util.NoSuchElementException();
          }
          return pending.poll();
        }

        private void expand(FileParser.Parsed parsed) {
          Object[] bronze = new Object[width];
          bronze[0] = "B";
          bronze[1] = name;
          bronze[2] = parsed.line();
          bronze[3] = parsed.hash();
          bronze[4] = scala.collection.JavaConverters.mapAsScalaMapConverter(parsed.record()).asScala();
          bronze[5] = parsed.text();
          pending.add(RowFactory.create(bronze));
          pending.addAll(outcomeRows(name, parsed, width));
        }
      };
    }
  }
}
