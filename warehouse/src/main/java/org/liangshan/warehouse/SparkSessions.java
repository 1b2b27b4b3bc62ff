package org.liangshan.warehouse;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.sedona.spark.SedonaContext;
import org.apache.spark.sql.SparkSession;

/**
 * The one place a Spark session is made: Delta registered, bound to loopback in local mode, small shuffle
 * for a 2-core machine, UTC session time zone (landing timestamps are converted from China Standard Time
 * when parsed). Every job takes its session from here. Sedona's SQL functions (ST_*, RS_*) are registered
 * only where a command uses them ({@link #withSedona}): no batch job does (the grid accounting tiles
 * rasters in plain Java), and registering them costs every session start a few seconds.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /** Settings every session gets; {@link LakehouseConfig#sparkConf()} overrides any of them. */
  public static Map<String, String> defaults(LakehouseConfig config) {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
    conf.put("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    conf.put("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
    conf.put("spark.kryo.registrator", "org.apache.sedona.core.serde.SedonaKryoRegistrator");
    conf.put("spark.sql.session.timeZone", "UTC");
    conf.put("spark.sql.shuffle.partitions", config.master().startsWith("local") ? "4" : "64");
    conf.put("spark.default.parallelism", config.master().startsWith("local") ? "4" : "64");
    conf.put("spark.sql.adaptive.enabled", "true");
    conf.put("spark.ui.enabled", "false");
    conf.put("spark.ui.showConsoleProgress", "false");
    conf.put("spark.sql.warehouse.dir", config.root() + "/_spark_warehouse");
    conf.put("spark.databricks.delta.snapshotPartitions", "2");
    conf.put("spark.databricks.delta.stalenessLimit", "0");
    conf.put("spark.databricks.delta.schema.autoMerge.enabled", "false");
    conf.put("spark.databricks.delta.retentionDurationCheck.enabled", "true");
    conf.put("spark.sql.sources.partitionOverwriteMode", "static");
    if (config.master().startsWith("local")) {
      conf.put("spark.driver.host", "127.0.0.1");
      conf.put("spark.driver.bindAddress", "127.0.0.1");
    }
    conf.putAll(config.sparkConf());
    return conf;
  }

  /** Returns the active session for this configuration, creating it on first use. */
  public static synchronized SparkSession create(LakehouseConfig config) {
    SparkSession.Builder builder =
        SparkSession.builder().appName("liangshan").master(config.master());
    defaults(config).forEach(builder::config);
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }

  /** Registers Sedona's SQL functions and types on the session (idempotent); for commands that use them. */
  public static synchronized SparkSession withSedona(SparkSession spark) {
    return SedonaContext.create(spark);
  }
}
