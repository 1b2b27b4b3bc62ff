package org.liangshan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.liangshan.bench.ChildJvm;
import org.liangshan.bench.GoldComparison;
import org.liangshan.warehouse.LakehouseConfig;
import org.liangshan.warehouse.SparkSessions;
import org.liangshan.warehouse.TableCatalog;

/**
 * The lakehouse on object storage, run rather than documented: a local S3-compatible server ({@link LocalObjectStore},
 * moto from PyPI) holds a bucket; the tables the accounting reads are copied from the shared demo lakehouse into it
 * through Hadoop's S3A connector (the hadoop-aws of Spark's Hadoop and its AWS SDK, from Maven Central), and
 * {@code liangshan run accounting
 * --lakehouse s3a://...} runs on it in a JVM of its own, as an operator would run it (credentials in its
 * environment, the endpoint as {@code --spark-conf}). Every gold table it writes must equal the demo's local rows,
 * and the scenes it reads are the bucket's own (locations are stored relative to the lakehouse root).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectStorageIT {
  private static final String BUCKET = "liangshan-it";
  private static final String REGION = "liyang";
  private static final int YEAR = 2024;

  private LocalObjectStore store;
  private Path work;
  private SparkSession spark;

  @BeforeAll
  void startTheObjectStore() throws Exception {
    work = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "object-storage-it");
    store = LocalObjectStore.start(work);
    store.createBucket(BUCKET);
    DemoLakehouse demo = DemoLakehouse.shared();
    LakehouseConfig local = new LakehouseConfig(demo.lakehouse(), "local[2]", Map.of());
    spark = SparkSessions.create(local);
    // This JVM reads the bucket through the same settings; its placeholder credentials live only in memory here.
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    store.hadoopConf().forEach(hadoop::set);
    hadoop.set("fs.s3a.access.key", LocalObjectStore.CREDENTIALS_ENV.get("AWS_ACCESS_KEY_ID"));
    hadoop.set("fs.s3a.secret.key", LocalObjectStore.CREDENTIALS_ENV.get("AWS_SECRET_ACCESS_KEY"));
  }

  @AfterAll
  void stop() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void theDemoLakehouseCopiedIntoABucketRunsTheAccountingThereWithTheSameGoldRows() throws Exception {
    DemoLakehouse demo = DemoLakehouse.shared();
    String root = "s3a://" + BUCKET + "/copied-demo";
    long started = System.nanoTime();
    // What the accounting reads (its run-log inputs): the silver layer, the GeoTIFF copies in bronze, and the market's
    // zone capacity. Its gold outputs and the run log are then created in the bucket by the run itself.
    int files = upload(Path.of(demo.lakehouse()), root, List.of("silver", "bronze/rasters", "gold/zone_capacity"));
    System.err.printf("ObjectStorageIT: %,d files uploaded to %s in %.1f s%n", files, root, (System.nanoTime() - started) / 1e9);

    List<String> args = new ArrayList<>(List.of("run", "accounting", "--region", REGION, "--year", Integer.toString(YEAR),
        "--lakehouse", root));
    args.addAll(store.sparkConfArgs());
    ChildJvm.Result run = ChildJvm.cli(args, "3g", work, work.resolve("accounting-on-s3.log"), LocalObjectStore.CREDENTIALS_ENV);
    assertThat(run.status()).as(run.output()).isZero();
    System.err.printf("ObjectStorageIT: accounting on the bucket in %.1f s%n", run.seconds());
    assertThat(run.output()).containsPattern("accounting\\s+liyang\\s+2024\\s+done in");

    LakehouseConfig localConfig = new LakehouseConfig(demo.lakehouse(), "local[2]", Map.of());
    TableCatalog local = TableCatalog.discover(spark, localConfig);
    TableCatalog onS3 = TableCatalog.discover(spark, new LakehouseConfig(root, "local[2]", Map.of()));
    Map<String, Long> localOut = GoldComparison.outputs(local, "accounting", REGION, Integer.toString(YEAR));
    Map<String, Long> s3Out = GoldComparison.outputs(onS3, "accounting", REGION, Integer.toString(YEAR));
    assertThat(s3Out).containsKeys("gold.grid_cells", "gold.gep_by_district", "gold.carbon_sink_cell_year");
    List<GoldComparison.TableDiff> diffs = GoldComparison.compare(local, localOut, onS3, s3Out, REGION, YEAR);
    System.err.printf("ObjectStorageIT: %d tables compared, %,d rows%n", diffs.size(),
        diffs.stream().mapToLong(GoldComparison.TableDiff::leftRows).sum());
    for (GoldComparison.TableDiff diff : diffs) {
      assertThat(diff.leftRows()).as(diff.table()).isPositive();
      assertThat(diff.equal()).as(diff.toString()).isTrue();
    }
    // The bucket's rows are the new run's, written there, not the copied ones left in place.
    assertThat(runIds(onS3)).doesNotContainAnyElementsOf(runIds(local)).isNotEmpty();
    // The scenes it read are the bucket's: stored relative, resolved against the bucket's root.
    List<String> locations = onS3.read(onS3.table("silver.raster_scenes")).select("location")
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertThat(locations).isNotEmpty().noneMatch(LakehouseConfig::isAbsolute);
  }

  @Test
  void twoWritersInOneDriverBothCommitToOneTableOnS3() throws Exception {
    // Delta's S3 log store (S3SingleDriverLogStore, Delta's default for s3a://) makes "put if absent" atomic inside one
    // JVM: two jobs of one driver writing one table at once (the scheduler's regions) both commit, each exactly once.
    // It does not protect two drivers at once; docs/operations.md says what to use then.
    String table = "s3a://" + BUCKET + "/concurrency/t";
    spark.range(0).withColumn("region", functions.lit("none")).write().format("delta").save(table);
    int batches = 4;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (String region : List.of("liyang", "tianjin")) {
        writers.add(pool.submit(() -> {
          for (int b = 0; b < batches; b++) {
            spark.range(b * 100L, b * 100L + 100).withColumn("region", functions.lit(region))
                .write().format("delta").mode("append").save(table);
          }
        }));
      }
      for (Future<?> writer : writers) {
        writer.get();
      }
    } finally {
      pool.shutdown();
    }
    Dataset<Row> rows = spark.read().format("delta").load(table);
    assertThat(rows.where("region = 'liyang'").count()).isEqualTo(batches * 100L);
    assertThat(rows.where("region = 'tianjin'").count()).isEqualTo(batches * 100L);
    assertThat(rows.select("region", "id").distinct().count()).isEqualTo(2L * batches * 100);
    long version = io.delta.tables.DeltaTable.forPath(spark, table).history(1).select("version").as(org.apache.spark.sql.Encoders.LONG())
        .first();
    assertThat(version).isEqualTo(2L * batches);
  }

  /**
   * Copies folders of a local lakehouse into the bucket under the same relative paths, through S3A (Hadoop's checksum
   * side files left out); returns the file count.
   */
  private int upload(Path from, String root, List<String> folders) throws IOException {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    FileSystem s3 = new org.apache.hadoop.fs.Path(root).getFileSystem(hadoop);
    int files = 0;
    for (String folder : folders) {
      files += upload(from, from.resolve(folder), root, s3);
    }
    return files;
  }

  private static int upload(Path from, Path folder, String root, FileSystem s3) throws IOException {
    int files = 0;
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        String name = file.getFileName().toString();
        if (name.startsWith(".") && name.endsWith(".crc")) {
          continue;
        }
        String relative = from.relativize(file).toString().replace('\\', '/');
        s3.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(file.toUri()),
            new org.apache.hadoop.fs.Path(root + "/" + relative));
        files++;
      }
    }
    return files;
  }

  private static List<String> runIds(TableCatalog catalog) {
    return catalog.read(catalog.table("gold.gep_by_district")).where("region = 'liyang' AND year = 2024")
        .select("run_id").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
  }
}
