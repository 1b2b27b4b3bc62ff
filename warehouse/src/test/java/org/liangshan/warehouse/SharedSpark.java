package org.liangshan.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * One {@code local[2]} Spark session for all tests in a JVM, with Delta and Sedona, and a fresh lakehouse
 * directory per caller. Tests share the session (starting Spark costs seconds) but never a lakehouse.
 */
public final class SharedSpark {
  private static SparkSession spark;

  private SharedSpark() {}

  public static synchronized SparkSession session() {
    if (spark == null) {
      Path warehouse = newDirectory("spark");
      spark = SparkSessions.create(
          new LakehouseConfig(warehouse.toString(), "local[2]", java.util.Map.of("spark.sql.shuffle.partitions", "2")));
    }
    return spark;
  }

  /** A fresh, empty lakehouse root under the build's temporary directory. */
  public static LakehouseConfig freshLakehouse() {
    return new LakehouseConfig(newDirectory("lakehouse").toString(), "local[2]", java.util.Map.of());
  }

  private static Path newDirectory(String prefix) {
    try {
      Path base = Path.of(System.getProperty("java.io.tmpdir"), "liangshan-test");
      Files.createDirectories(base);
      return Files.createTempDirectory(base, prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
