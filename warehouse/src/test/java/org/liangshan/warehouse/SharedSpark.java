package org.liangshan.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * One {@code local[2]} Spark session for all tests in a JVM (surefire runs a module's test classes in one
 * JVM), with Delta, and a fresh lakehouse directory per caller. Tests share the session (starting Spark
 * costs seconds) but never a lakehouse.
 *
 * <p>The session has every setting of {@link SparkSessions#defaults} but Sedona's SQL functions are not
 * registered: no job of warehouse, pipelines, geo-jobs or finance-models calls an {@code ST_} function
 * (their geometry is JTS in plain code), and registering them costs about ten seconds per JVM on a
 * 2-core machine.
 */
public final class SharedSpark {
  private static SparkSession spark;

  private SharedSpark() {}

  public static synchronized SparkSession session() {
    if (spark == null) {
      LakehouseConfig config =
          new LakehouseConfig(newDirectory("spark").toString(), "local[2]", Map.of("spark.sql.shuffle.partitions", "2"));
      SparkSession.Builder builder = SparkSession.builder().appName("liangshan-test").master(config.master());
      SparkSessions.defaults(config).forEach(builder::config);
      spark = builder.getOrCreate();
      spark.sparkContext().setLogLevel("WARN");
    }
    return spark;
  }

  /** A fresh, empty lakehouse root under the build's temporary directory. */
  public static LakehouseConfig freshLakehouse() {
    return new LakehouseConfig(newDirectory("lakehouse").toString(), "local[2]", Map.of());
  }

  /**
   * A fresh lakehouse holding a copy of every table of {@code template} (a local one): a test that writes takes
   * a copy of a lakehouse built once rather than building its own (a Delta table is its directory; its log
   * names its files relative to it).
   */
  public static LakehouseConfig copyOf(LakehouseConfig template) {
    Path source = Path.of(URI.create(template.root()));
    Path target = newDirectory("lakehouse");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new LakehouseConfig(target.toString(), template.master(), template.sparkConf());
  }

  /** A fresh, empty directory under the build's temporary directory. */
  public static Path newDirectory(String prefix) {
    try {
      Path base = Path.of(System.getProperty("java.io.tmpdir"), "liangshan-test");
      Files.createDirectories(base);
      return Files.createTempDirectory(base, prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
