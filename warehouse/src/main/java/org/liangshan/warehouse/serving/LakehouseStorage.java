package org.liangshan.warehouse.serving;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liangshan.core.LiangshanException;
import org.liangshan.warehouse.LakehouseConfig;

/**
 * Where the lakehouse the local Trino serves lives, and the {@code delta} catalog that reads it there: a local
 * directory (Trino's native local file system rooted at it) or a bucket on S3-compatible storage (Trino's native S3
 * file system, <a href="https://trino.io/docs/476/object-storage/file-system-s3.html">S3 file system support</a>).
 * Either way Trino's file metastore lives in the lakehouse, under {@link TrinoConfig#METASTORE_DIR}, so a restarted
 * Trino finds what was registered.
 */
public sealed interface LakehouseStorage {
  /** The delta catalog's properties for this storage. */
  Map<String, String> catalogProperties();

  /** The lakehouse root as Trino names it, for {@code register_table}: {@code local://} or {@code s3://bucket/prefix}. */
  String tableRoot();

  /** The lakehouse root as the platform names it (recorded in the server's state). */
  String root();

  /**
   * The storage of a lakehouse: a {@code file:} root is a local directory, an {@code s3a://} (or {@code s3://}) root
   * a bucket, whose endpoint, region and path-style setting come from the Hadoop S3A settings of {@code --spark-conf}
   * ({@code spark.hadoop.fs.s3a.endpoint}, {@code ...endpoint.region}, {@code ...path.style.access}) and whose
   * credentials come from the environment ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}), as for Spark.
   */
  static LakehouseStorage of(LakehouseConfig config, Map<String, String> env) {
    String root = config.root();
    if (root.startsWith("file:")) {
      return new Local(Path.of(URI.create(root)));
    }
    if (root.startsWith("s3a://") || root.startsWith("s3://")) {
      return S3.of(root, config.sparkConf(), env);
    }
    throw LiangshanException.badInput("The local Trino serves a lakehouse in a directory or an S3 bucket (s3a://), not %s. "
        + "Point an existing Trino at it and pass --url and --table-root.", root);
  }

  /** The delta catalog over a file metastore in {@code metastoreDir}, registering tables by location. */
  private static Map<String, String> deltaCatalog(String metastoreDir) {
    Map<String, String> catalog = new LinkedHashMap<>();
    catalog.put("connector.name", "delta_lake");
    catalog.put("hive.metastore", "file");
    catalog.put("hive.metastore.catalog.dir", metastoreDir);
    catalog.put("delta.register-table-procedure.enabled", "true");
    return catalog;
  }

  /** A lakehouse in a local directory, read through Trino's native local file system rooted at it. */
  record Local(Path directory) implements LakehouseStorage {
    public Local {
      requireNonNull(directory, "directory is null");
    }

    @Override
    public Map<String, String> catalogProperties() {
      Map<String, String> catalog = deltaCatalog("local:///" + TrinoConfig.METASTORE_DIR);
      catalog.put("fs.native-local.enabled", "true");
      catalog.put("local.location", directory.toString());
      return catalog;
    }

    @Override
    public String tableRoot() {
      return "local://";
    }

    @Override
    public String root() {
      return directory.toString();
    }
  }

  /**
   * A lakehouse in an S3 bucket (AWS, or an S3-compatible store such as MinIO at {@code endpoint}).
   *
   * @param bucket the bucket
   * @param prefix the lakehouse's folder in it, without slashes at either end (empty: the bucket's root)
   * @param endpoint the S3 endpoint URL, when not AWS's default for the region
   * @param region the S3 region (Trino requires one; any value for most S3-compatible stores)
   * @param pathStyleAccess whether requests address the bucket in the path (most S3-compatible stores)
   * @param credentials the access key, when not Trino's default AWS chain (instance profile, web identity)
   */
  record S3(String bucket, String prefix, Optional<String> endpoint, String region, boolean pathStyleAccess,
      Optional<Credentials> credentials) implements LakehouseStorage {
    private static final Pattern ROOT = Pattern.compile("s3a?://([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(/.*)?");
    private static final String HADOOP = "spark.hadoop.fs.s3a.";
    /** Hadoop S3A settings that hold secrets: refused on the command line (they would show in the process list). */
    static final List<String> SECRET_SETTINGS = List.of("access.key", "secret.key", "session.token");

    public S3 {
      requireNonNull(bucket, "bucket is null");
      requireNonNull(prefix, "prefix is null");
      requireNonNull(endpoint, "endpoint is null");
      requireNonNull(region, "region is null");
      requireNonNull(credentials, "credentials is null");
      if (prefix.startsWith("/") || prefix.endsWith("/")) {
        throw new IllegalArgumentException("prefix must not start or end with '/': " + prefix);
      }
    }

    static S3 of(String root, Map<String, String> sparkConf, Map<String, String> env) {
      Matcher matcher = ROOT.matcher(root);
      if (!matcher.matches()) {
        throw LiangshanException.badInput("Invalid lakehouse root '%s' (expected s3a://bucket/folder).", root);
      }
      for (String secret : SECRET_SETTINGS) {
        if (sparkConf.containsKey(HADOOP + secret)) {
          throw LiangshanException.badInput("%s%s was given on the command line, where every user of this machine can read "
              + "it. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment instead.", HADOOP, secret);
        }
      }
      String prefix = matcher.group(2) == null ? "" : matcher.group(2).replaceAll("^/+|/+$", "");
      Optional<String> endpoint = Optional.ofNullable(sparkConf.get(HADOOP + "endpoint")).filter(e -> !e.isBlank())
          .map(e -> e.contains("://") ? e
              : (Boolean.parseBoolean(sparkConf.getOrDefault(HADOOP + "connection.ssl.enabled", "true")) ? "https://" : "http://") + e);
      String region = Optional.ofNullable(sparkConf.get(HADOOP + "endpoint.region")).filter(r -> !r.isBlank())
          .or(() -> Optional.ofNullable(env.get("AWS_REGION")).filter(r -> !r.isBlank()))
          .orElseThrow(() -> LiangshanException.badInput("No S3 region for %s: pass --spark-conf %sendpoint.region=REGION "
              + "(any value, e.g. us-east-1, for most S3-compatible stores) or set AWS_REGION.", root, HADOOP));
      boolean pathStyle = Boolean.parseBoolean(sparkConf.getOrDefault(HADOOP + "path.style.access", "false"));
      String accessKey = env.get("AWS_ACCESS_KEY_ID");
      String secretKey = env.get("AWS_SECRET_ACCESS_KEY");
      Optional<Credentials> credentials = Optional.empty();
      if (accessKey != null && !accessKey.isBlank()) {
        if (secretKey == null || secretKey.isBlank()) {
          throw LiangshanException.badInput("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not: set both, or "
              + "neither to use the default AWS credentials (instance profile, web identity).");
        }
        credentials = Optional.of(new Credentials(accessKey, secretKey));
      }
      return new S3(matcher.group(1), prefix, endpoint, region, pathStyle, credentials);
    }

    @Override
    public Map<String, String> catalogProperties() {
      Map<String, String> catalog = deltaCatalog(tableRoot() + "/" + TrinoConfig.METASTORE_DIR);
      catalog.put("fs.native-s3.enabled", "true");
      endpoint.ifPresent(e -> catalog.put("s3.endpoint", e));
      catalog.put("s3.region", region);
      catalog.put("s3.path-style-access", Boolean.toString(pathStyleAccess));
      credentials.ifPresent(c -> {
        catalog.put("s3.aws-access-key", c.accessKey());
        catalog.put("s3.aws-secret-key", c.secretKey());
      });
      return catalog;
    }

    @Override
    public String tableRoot() {
      return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }

    @Override
    public String root() {
      return "s3a://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }

    @Override
    public String toString() {
      return "S3[" + root() + ", endpoint " + endpoint.orElse("(AWS)") + ", region " + region + ", path-style " + pathStyleAccess
          + ", " + (credentials.isPresent() ? "key from the environment" : "default AWS credentials") + "]";
    }
  }

  /** An S3 access key; its secret never appears in {@link #toString()}. */
  record Credentials(String accessKey, String secretKey) {
    public Credentials {
      requireNonNull(accessKey, "accessKey is null");
      requireNonNull(secretKey, "secretKey is null");
    }

    @Override
    public String toString() {
      return "Credentials[" + accessKey + ", secret redacted]";
    }
  }
}
