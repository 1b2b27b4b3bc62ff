package org.liangshan.warehouse;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the lakehouse lives and which Spark master runs the jobs. The root is any Hadoop file-system URI
 * ({@code file:/...}, {@code s3a://bucket/lake}, {@code hdfs://...}); a plain path is made absolute.
 *
 * @param root lakehouse root; tables live at {@code <root>/<layer>/<table>}
 * @param master Spark master, {@code local[*]} for the embedded default
 * @param sparkConf extra Spark settings that override the defaults (e.g. for a cluster)
 */
public record LakehouseConfig(String root, String master, Map<String, String> sparkConf) {
  public static final String DEFAULT_MASTER = "local[*]";
  public static final String DEFAULT_ROOT = "lakehouse";

  public LakehouseConfig {
    requireNonNull(root, "root is null");
    requireNonNull(master, "master is null");
    sparkConf = Map.copyOf(sparkConf);
    if (!root.contains("://") && !root.startsWith("file:")) {
      root = "file:" + Path.of(root).toAbsolutePath().normalize();
    }
    if (root.endsWith("/")) {
      root = root.substring(0, root.length() - 1);
    }
  }

  public static LakehouseConfig local(Path root) {
    return new LakehouseConfig(root.toString(), DEFAULT_MASTER, Map.of());
  }

  /**
   * A file's location as a table stores it: relative to the root when the file is under it, so that a lakehouse
   * copied, restored or moved to another root (another disk, a bucket) still reads its own files; the full URI
   * otherwise.
   */
  public String relativize(String uri) {
    String prefix = root + "/";
    return uri.startsWith(prefix) ? uri.substring(prefix.length()) : uri;
  }

  /**
   * The URI of a location read from a table: a relative one resolves against this root; an absolute URI or path (a
   * file outside the lakehouse, or a scene catalogued before locations were stored relative) is returned as stored.
   */
  public String resolve(String location) {
    return isAbsolute(location) ? location : root + "/" + location;
  }

  /** Whether a stored location is absolute: a URI with a scheme ({@code file:}, {@code s3a:}) or a rooted path. */
  public static boolean isAbsolute(String location) {
    return location.startsWith("/") || SCHEME.matcher(location).lookingAt();
  }

  private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");

  /** The URI of a table's directory. */
  public String tableLocation(TableDef table) {
    return root + "/" + table.layer().directory() + "/" + table.name();
  }
}
