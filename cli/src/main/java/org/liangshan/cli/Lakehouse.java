package org.liangshan.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
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

  @Option(names = "--master", paramLabel = "URL", defaultValue = "${env:LIANGSHAN_MASTER:-local[*]}",
      description = "Spark master: local[*] (default, embedded) or spark://host:port for a cluster.")
  String master;

  @Option(names = "--spark-conf", paramLabel = "KEY=VALUE", description = "Extra Spark setting (repeatable).")
  Map<String, String> sparkConf = new LinkedHashMap<>();

  private TableCatalog catalog;

  public LakehouseConfig config() {
    return new LakehouseConfig(root, master, sparkConf);
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
