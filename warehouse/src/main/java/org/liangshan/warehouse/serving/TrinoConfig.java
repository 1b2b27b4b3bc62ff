package org.liangshan.warehouse.serving;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.liangshan.core.LiangshanException;

/**
 * The configuration of a single-node Trino over the lakehouse, as the files of its {@code etc/} directory:
 * coordinator and worker in one JVM bound to 127.0.0.1, clients on HTTPS at {@code port} with password-file
 * authentication, node-to-node traffic on plain HTTP at {@code internalPort} authenticated by the shared
 * secret (clients are refused there: Trino allows no password over HTTP), the {@code delta} catalog with a
 * file metastore over the lakehouse's storage ({@link LakehouseStorage}: the native local file system rooted at
 * the lakehouse, or the native S3 file system), and file-based access control.
 *
 * @param port HTTPS port for clients
 * @param internalPort HTTP port for internal communication (discovery)
 * @param lakehouse where the lakehouse lives: a local directory (Trino's {@code local:///} root) or a bucket
 * @param dataDir Trino's node data directory
 * @param heap JVM maximum heap, e.g. {@code 2G}
 * @param keystore PKCS12 keystore with the server certificate
 * @param keystorePassword its password
 * @param sharedSecret internal-communication shared secret
 * @param passwordFile the password file (user:PBKDF2 hash)
 * @param rulesFile access-control rules (JSON)
 */
public record TrinoConfig(
    int port,
    int internalPort,
    LakehouseStorage lakehouse,
    Path dataDir,
    String heap,
    Path keystore,
    String keystorePassword,
    String sharedSecret,
    Path passwordFile,
    Path rulesFile) {
  /** The catalog name under which the lakehouse appears. */
  public static final String CATALOG = "delta";
  /** Where the file metastore lives, relative to the lakehouse root. */
  public static final String METASTORE_DIR = "_trino_metastore";
  public static final String NODE_ENVIRONMENT = "liangshan";

  public TrinoConfig {
    checkPort(port, "port");
    checkPort(internalPort, "internal port");
    if (port == internalPort) {
      throw LiangshanException.badInput("The HTTPS port and the internal port must differ (both %d).", port);
    }
    requireNonNull(lakehouse, "lakehouse is null");
    requireNonNull(dataDir, "dataDir is null");
    requireNonNull(keystore, "keystore is null");
    requireNonNull(keystorePassword, "keystorePassword is null");
    requireNonNull(sharedSecret, "sharedSecret is null");
    requireNonNull(passwordFile, "passwordFile is null");
    requireNonNull(rulesFile, "rulesFile is null");
    if (!heap.matches("[1-9][0-9]*[MG]")) {
      throw LiangshanException.badInput("Invalid Trino heap '%s' (expected e.g. 2G or 1536M).", heap);
    }
    for (String secret : List.of(keystorePassword, sharedSecret)) {
      if (secret.length() < 16 || !secret.matches("[A-Za-z0-9_-]+")) {
        throw new IllegalArgumentException("secrets must be at least 16 URL-safe characters");
      }
    }
  }

  /** A Trino over a lakehouse in a local directory. */
  public TrinoConfig(int port, int internalPort, Path lakehouse, Path dataDir, String heap, Path keystore,
      String keystorePassword, String sharedSecret, Path passwordFile, Path rulesFile) {
    this(port, internalPort, new LakehouseStorage.Local(lakehouse), dataDir, heap, keystore, keystorePassword, sharedSecret,
        passwordFile, rulesFile);
  }

  private static void checkPort(int port, String what) {
    if (port < 1 || port > 65535) {
      throw LiangshanException.badInput("Invalid %s %d (expected 1..65535).", what, port);
    }
  }

  /** The files of {@code etc/}, by path relative to it, in writing order. */
  public Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("node.properties", properties(nodeProperties()));
    files.put("config.properties", properties(Map.ofEntries(
        Map.entry("coordinator", "true"),
        Map.entry("node-scheduler.include-coordinator", "true"),
        Map.entry("http-server.http.port", Integer.toString(internalPort)),
        Map.entry("http-server.https.enabled", "true"),
        Map.entry("http-server.https.port", Integer.toString(port)),
        Map.entry("http-server.https.keystore.path", keystore.toString()),
        Map.entry("http-server.https.keystore.key", keystorePassword),
        Map.entry("http-server.authentication.type", "PASSWORD"),
        Map.entry("internal-communication.shared-secret", sharedSecret),
        Map.entry("discovery.uri", "http://127.0.0.1:" + internalPort),
        Map.entry("query.max-memory", "1GB"),
        Map.entry("query.max-memory-per-node", "512MB"),
        Map.entry("catalog.management", "static"))));
    files.put("jvm.config", String.join("\n", jvmOptions()) + "\n");
    files.put("log.properties", "io.trino=INFO\nio.airlift=WARN\norg.eclipse.jetty=WARN\n");
    files.put("password-authenticator.properties", properties(Map.of(
        "password-authenticator.name", "file",
        "file.password-file", passwordFile.toString(),
        "file.refresh-period", "1s")));
    files.put("access-control.properties", properties(Map.of(
        "access-control.name", "file",
        "security.config-file", rulesFile.toString(),
        "security.refresh-period", "1s")));
    files.put("catalog/" + CATALOG + ".properties", properties(lakehouse.catalogProperties()));
    return files;
  }

  Map<String, String> nodeProperties() {
    Map<String, String> node = new LinkedHashMap<>();
    node.put("node.environment", NODE_ENVIRONMENT);
    node.put("node.id", "liangshan-" + port);
    node.put("node.data-dir", dataDir.toString());
    node.put("node.bind-ip", "127.0.0.1");
    node.put("node.internal-address", "127.0.0.1");
    return node;
  }

  /** The delta catalog over a local lakehouse: file metastore and native local file system at its root. */
  public static Map<String, String> catalogProperties(Path lakehouse) {
    return new LakehouseStorage.Local(lakehouse).catalogProperties();
  }

  /** JVM options as Trino's deployment guide recommends, sized for a small shared machine. */
  public List<String> jvmOptions() {
    return List.of(
        "-server",
        "-Xmx" + heap,
        "-XX:+UseG1GC",
        "-XX:G1HeapRegionSize=32M",
        "-XX:+ExplicitGCInvokesConcurrent",
        "-XX:+ExitOnOutOfMemoryError",
        "-XX:-OmitStackTraceInFastThrow",
        "-XX:ReservedCodeCacheSize=256M",
        "-XX:PerMethodRecompilationCutoff=10000",
        "-XX:PerBytecodeRecompilationCutoff=10000",
        "-Djdk.attach.allowAttachSelf=true",
        "-Djdk.nio.maxCachedBufferSize=2000000",
        "-Dfile.encoding=UTF-8",
        "-XX:+EnableDynamicAgentLoading",
        "-Djava.io.tmpdir=" + dataDir.resolve("tmp"));
  }

  /** Writes every file of {@code etc/}; the directory is readable by its owner only (it holds secrets). */
  public void write(Path etc) {
    try {
      Files.createDirectories(etc.resolve("catalog"));
      Files.createDirectories(dataDir.resolve("tmp"));
      OwnerOnly.directory(etc);
      for (Map.Entry<String, String> file : files().entrySet()) {
        OwnerOnly.write(etc.resolve(file.getKey()), file.getValue());
      }
    } catch (IOException e) {
      throw LiangshanException.failure(e, "Could not write the Trino configuration into %s.", etc);
    }
  }

  static String properties(Map<String, String> values) {
    StringBuilder out = new StringBuilder();
    values.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.append(e.getKey()).append('=').append(e.getValue()).append('\n'));
    return out.toString();
  }

  static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
