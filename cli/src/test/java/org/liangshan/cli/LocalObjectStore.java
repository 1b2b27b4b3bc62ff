package org.liangshan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.liangshan.bench.ChildJvm;

/**
 * A local S3-compatible object store for the integration tests: moto's server (PyPI), installed into a cached
 * virtualenv by {@code tools/object-store.sh} (test.sh installs it beside the unit stage), on a free loopback port.
 * It keeps objects in memory and accepts any credentials; the tests give it fixed placeholder ones that exist only
 * for it. What it stands in for is S3 or any S3-compatible store (MinIO, a cloud's object storage).
 */
final class LocalObjectStore implements AutoCloseable {
  /** Placeholder credentials the local server accepts; never a real key. */
  static final Map<String, String> CREDENTIALS_ENV = Map.of("AWS_ACCESS_KEY_ID", "local-object-store",
      "AWS_SECRET_ACCESS_KEY", "local-object-store");

  private final Process process;
  private final String endpoint;

  private LocalObjectStore(Process process, String endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  /** Starts the server (installing it first if absent) and waits until it answers. */
  static LocalObjectStore start(Path work) throws IOException, InterruptedException {
    Path script = Path.of("").toAbsolutePath().getParent().resolve("tools/object-store.sh");
    assertThat(script).exists();
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Files.createDirectories(work);
    Path log = work.resolve("object-store.log");
    Process process = new ProcessBuilder("bash", script.toString(), "server", Integer.toString(port))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    LocalObjectStore store = new LocalObjectStore(process, "http://127.0.0.1:" + port);
    HttpClient client = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (Instant.now().isBefore(deadline)) {
      assertThat(process.isAlive()).as("the object store exited:\n" + Files.readString(log)).isTrue();
      try {
        client.send(HttpRequest.newBuilder(URI.create(store.endpoint + "/")).GET().build(), HttpResponse.BodyHandlers.discarding());
        return store;
      } catch (IOException e) {
        Thread.sleep(300);
      }
    }
    store.close();
    throw new IllegalStateException("the object store did not answer within 5 minutes; see " + log);
  }

  /** Creates a bucket (moto takes an unsigned PUT). */
  void createBucket(String bucket) throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(endpoint + "/" + bucket)).PUT(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  /**
   * The Hadoop S3A settings that point {@code s3a://} at this server: its endpoint, path-style addressing, plain
   * HTTP (it is on loopback). Credentials are not here: they come from the environment ({@link #CREDENTIALS_ENV}).
   */
  Map<String, String> hadoopConf() {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("fs.s3a.endpoint", endpoint);
    conf.put("fs.s3a.endpoint.region", "us-east-1");
    conf.put("fs.s3a.path.style.access", "true");
    conf.put("fs.s3a.connection.ssl.enabled", "false");
    return conf;
  }

  /** {@link #hadoopConf()} as the CLI's {@code --spark-conf spark.hadoop.KEY=VALUE} arguments. */
  List<String> sparkConfArgs() {
    List<String> args = new ArrayList<>();
    hadoopConf().forEach((key, value) -> args.addAll(List.of("--spark-conf", "spark.hadoop." + key + "=" + value)));
    return args;
  }

  @Override
  public void close() {
    ChildJvm.stop(process, 10);
  }
}
