package org.liangshan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.liangshan.bench.ChildJvm;
import org.liangshan.bench.GoldComparison;
import org.liangshan.warehouse.LakehouseConfig;
import org.liangshan.warehouse.SparkSessions;
import org.liangshan.warehouse.TableCatalog;
import org.liangshan.warehouse.serving.AccessRules;
import org.liangshan.warehouse.serving.ServingLayout;
import org.liangshan.warehouse.serving.TrinoServer;

/**
 * The lakehouse on object storage, run rather than documented: a local S3-compatible server ({@link LocalObjectStore},
 * moto from PyPI) holds a bucket; {@code liangshan demo --lakehouse s3a://... --region liyang} runs on it in a JVM of its
 * own, as an operator would run it (credentials in its environment, the endpoint as {@code --spark-conf}; the landing
 * files and the reports stay on local disk), through Hadoop's S3A connector (the hadoop-aws of Spark's Hadoop and its
 * AWS SDK, from Maven Central). Every gold row it writes for the region must equal the shared local demo's, and the
 * scenes it reads are the bucket's own copies (locations are stored relative to the lakehouse root). Then
 * {@code liangshan warehouse start} serves the bucket through Trino's native S3 file system, and a gold query there
 * returns what Spark reads from the bucket.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObjectStorageIT {
  private static final String BUCKET = "liangshan-it";
  private static final String REGION = "liyang";
  private static final String YEARS = "2023-2024";
  /** One run of a job, as the run log names it. */
  private record JobRun(String job, String period) {
    int year() {
      return Integer.parseInt(period.substring(0, 4));
    }
  }

  /** What the liyang demo runs: the jobs and periods of {@code DemoCommand.runRegion} for 2023-2024. */
  private static final List<JobRun> JOBS = List.of(
      new JobRun("market", "2023"), new JobRun("market", "2024"),
      new JobRun("accounting", "2023"), new JobRun("accounting", "2024"),
      new JobRun("compensation", "2023"), new JobRun("compensation", "2024"),
      new JobRun("valuation", "2024-12-31"),
      new JobRun("bank-book", "2023"), new JobRun("bank-book", "2024"),
      new JobRun("realization", "2023"), new JobRun("realization", "2024"));

  private LocalObjectStore store;
  private Path work;
  private SparkSession spark;
  private final String root = "s3a://" + BUCKET + "/demo";
  private final long started = System.nanoTime();

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
    System.err.printf("ObjectStorageIT: %.0f s in all (object store, demo on the bucket, comparison, Trino)%n",
        (System.nanoTime() - started) / 1e9);
  }

  @Test
  @Order(1)
  void theDemoRunsOnTheBucketAndWritesTheLocalDemosGoldRowsForTheRegion() throws Exception {
    DemoLakehouse demo = DemoLakehouse.shared();
    List<String> args = new ArrayList<>(List.of("demo", "--lakehouse", root, "--landing", demo.landing(),
        "--reports", work.resolve("reports").toString(), "--region", REGION, "--years", YEARS));
    args.addAll(store.sparkConfArgs());
    ChildJvm.Result run = ChildJvm.cli(args, "3g", work, work.resolve("demo-on-s3.log"), LocalObjectStore.CREDENTIALS_ENV);
    assertThat(run.status()).as(run.output()).isZero();
    System.err.printf("ObjectStorageIT: the demo (%s %s) on the bucket in %.1f s%n", REGION, YEARS, run.seconds());
    assertThat(run.output()).containsPattern("accounting\\s+liyang\\s+2024\\s+done in")
        .contains("Lakehouse: " + root);

    TableCatalog local = TableCatalog.discover(spark, new LakehouseConfig(demo.lakehouse(), "local[2]", Map.of()));
    TableCatalog onS3 = TableCatalog.discover(spark, new LakehouseConfig(root, "local[2]", Map.of()));
    long rows = 0;
    int tables = 0;
    for (JobRun job : JOBS) {
      Map<String, Long> localOut = GoldComparison.outputs(local, job.job(), REGION, job.period());
      Map<String, Long> s3Out = GoldComparison.outputs(onS3, job.job(), REGION, job.period());
      for (GoldComparison.TableDiff diff : GoldComparison.compare(local, localOut, onS3, s3Out, REGION, job.year())) {
        assertThat(diff.equal()).as(job + " " + diff).isTrue();
        rows += diff.leftRows();
        tables++;
      }
    }
    System.err.printf("ObjectStorageIT: %d job runs, %d table slices, %,d rows equal%n", JOBS.size(), tables, rows);
    assertThat(rows).isPositive();
    // The bucket's rows are the new runs', written there.
    assertThat(runIds(onS3)).doesNotContainAnyElementsOf(runIds(local)).isNotEmpty();
    // The scenes were copied into the bucket's bronze, and the catalogue names them relative to the root.
    FileSystem s3 = new org.apache.hadoop.fs.Path(root).getFileSystem(spark.sparkContext().hadoopConfiguration());
    assertThat(s3.listStatus(new org.apache.hadoop.fs.Path(root + "/bronze/rasters/" + REGION))).isNotEmpty();
    List<String> locations = onS3.read(onS3.table("silver.raster_scenes")).select("location")
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertThat(locations).isNotEmpty().noneMatch(LakehouseConfig::isAbsolute);
    assertThat(locations).allSatisfy(location -> assertThat(s3.exists(new org.apache.hadoop.fs.Path(root + "/" + location)))
        .as(location).isTrue());
  }

  @Test
  @Order(2)
  void trinoServesTheBucketThroughItsNativeS3FileSystemWithTheFiguresSparkReads() throws Exception {
    ServingLayout layout = new ServingLayout(work.resolve("trino"));
    int port = freePort();
    int internalPort = freePort();
    while (internalPort == port) {
      internalPort = freePort();
    }
    List<String> args = new ArrayList<>(List.of("warehouse", "start", "--lakehouse", root, "--serving-dir", layout.dir().toString(),
        "--port", Integer.toString(port), "--internal-port", Integer.toString(internalPort)));
    args.addAll(store.sparkConfArgs());
    ChildJvm.Result start = ChildJvm.cli(args, "1g", work, work.resolve("warehouse-on-s3.log"), LocalObjectStore.CREDENTIALS_ENV);
    TrinoServer server = new TrinoServer(layout, System.err);
    try {
      assertThat(start.status()).as(start.output()).isZero();
      System.err.printf("ObjectStorageIT: Trino started on the bucket and registered it in %.1f s%n", start.seconds());
      assertThat(start.output()).contains("Trino is serving the lakehouse at https://127.0.0.1:" + port);
      // The catalog reads the bucket through Trino's native S3 file system; the file holding its key is owner-only.
      Path catalogFile = layout.etc().resolve("catalog/delta.properties");
      assertThat(Files.readString(catalogFile)).contains("fs.native-s3.enabled=true", "s3.path-style-access=true",
          "hive.metastore.catalog.dir=s3://" + BUCKET + "/demo/_trino_metastore");
      assertThat(Files.getPosixFilePermissions(catalogFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(start.output()).doesNotContain(LocalObjectStore.CREDENTIALS_ENV.get("AWS_SECRET_ACCESS_KEY"));

      TrinoServer.State state = server.state().orElseThrow();
      Map<String, BigDecimal> trino = new TreeMap<>();
      try (Connection connection = server.endpoint(state, AccessRules.SERVICE).connect();
          PreparedStatement statement = connection.prepareStatement("SELECT district_code, sum(value_yuan) FROM delta.gold.gep_by_district "
              + "WHERE region = ? AND year = ? GROUP BY district_code")) {
        statement.setString(1, REGION);
        statement.setInt(2, 2024);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            trino.put(rows.getString(1), rows.getBigDecimal(2));
          }
        }
      }
      TableCatalog onS3 = TableCatalog.discover(spark, new LakehouseConfig(root, "local[2]", Map.of()));
      Map<String, BigDecimal> sparkSums = new TreeMap<>();
      onS3.read(onS3.table("gold.gep_by_district")).where("region = 'liyang' AND year = 2024").groupBy("district_code")
          .agg(functions.sum("value_yuan")).collectAsList().forEach(r -> sparkSums.put(r.getString(0), r.getDecimal(1)));
      System.err.println("ObjectStorageIT: GEP by district, liyang 2024, through Trino on the bucket: " + trino);
      // Liyang is one county-level city: one district row (320481).
      assertThat(trino).isNotEmpty();
      assertThat(trino.keySet()).isEqualTo(sparkSums.keySet());
      trino.forEach((district, value) -> assertThat(value).as(district).isEqualByComparingTo(sparkSums.get(district)));
    } finally {
      CalcCommandTest.Result stop = CalcCommandTest.run("warehouse", "stop", "--serving-dir", layout.dir().toString());
      assertThat(stop.status()).as(stop.err()).isZero();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  @Order(3)
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

  private static List<String> runIds(TableCatalog catalog) {
    return catalog.read(catalog.table("gold.gep_by_district")).where("region = 'liyang' AND year = 2024")
        .select("run_id").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
  }
}
