package org.liangshan.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.liangshan.warehouse.ClusterSettings;
import org.liangshan.warehouse.LakehouseConfig;
import org.liangshan.warehouse.SparkSessions;
import org.liangshan.warehouse.TableCatalog;
import picocli.CommandLine.Option;

/** Options every lakehouse command shares, and the session they open (once per process). */
public final class Lakehouse {
  private static SparkSession active;

  @Option(names = "--lakehouse", paramLabel = "DIR|URI", defaultValue = "${env:LIANGSHAN_LAKEHOUSE:-lakehouse}",
      description = "Lakehouse root: a directory or a Hadoop URI (s3a://, hdfs://). Default: ${DEFAULT-VALUE}.")
  String root;

  @Option(names = "--master", paramLabel = "URL",
      description = {"Spark master: local[*] (the default, embedded; or LIANGSHAN_MASTER, or spark-submit's --master),",
        "spark://host:port for a standalone cluster (the cluster jar is shipped to the executors; docs/operations.md)."})
  String master;

  @Option(names = "--spark-conf", paramLabel = "KEY=VALUE", description = "Extra Spark setting (repeatable).")
  Map<String, String> sparkConf = new LinkedHashMap<>();

  private TableCatalog catalog;

  /**
   * The configuration of this command's session: for a cluster master, the user's settings on top of
   * {@link ClusterSettings#forMaster} (exit 2 when the cluster jar is missing).
   */
  public LakehouseConfig config() {
    String effective = master();
    Map<String, String> conf = new LinkedHashMap<>(ClusterSettings.forMaster(effective, sparkConf,
        System::getProperty, System::getenv, ClusterSettings.buildDirectory()));
    // The user's settings win; forMaster never sets one of them, but merges the executor options.
    sparkConf.forEach(conf::putIfAbsent);
    return new LakehouseConfig(root, effective, conf);
  }

  /** --master, else spark-submit's master, else LIANGSHAN_MASTER, else local[*]. */
  String master() {
    if (master != null && !master.isBlank()) {
      return master;
    }
    String submitted = System.getProperty("spark.master");
    if (submitted != null && !submitted.isBlank()) {
      return submitted;
    }
    String env = System.getenv("LIANGSHAN_MASTER");
    return env == null || env.isBlank() ? LakehouseConfig.DEFAULT_MASTER : env;
  }

  /** The catalog of every table, on a Spark session started on first use. */
  public synchronized TableCatalog catalog() {
    if (catalog == null) {
      LakehouseConfig config = config();
      SparkSession spark = SparkSessions.create(config);
      synchronized (Lakehouse.class) {
        active = spark;
      }
      catalog = TableCatalog.discover(spark, config);
    }
    return catalog;
  }

  static synchronized void closeAll() {
    if (active != null) {
      try {
        active.stop();
      } catch (RuntimeException ignored) {
        // Stopping is best effort at exit.
      }
      active = null;
    }
  }
}
