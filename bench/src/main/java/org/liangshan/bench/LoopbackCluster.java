package org.liangshan.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.liangshan.core.LiangshanException;
import org.liangshan.warehouse.ClusterSettings;

/**
 * A Spark standalone cluster on loopback for tests and benchmarks: a {@code Master} on 127.0.0.1 at a free
 * port and one {@code Worker} with the given cores and memory, each a child JVM on Spark's own jars (a
 * SPARK_HOME whose {@code jars/} the {@code cluster-jar} Maven profile fills), with the Java 17 flags.
 * {@link #start} returns once the worker has registered with the master; {@link #close} stops both (the
 * worker kills its executors). Logs and the worker's directory are under {@code work}.
 */
public final class LoopbackCluster implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration STARTUP = Duration.ofSeconds(90);

  private final Path work;
  private final int masterPort;
  private final int masterUiPort;
  private final int workerUiPort;
  private final int cores;
  private final int memoryMb;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Process master;
  private Process worker;

  private LoopbackCluster(Path work, int cores, int memoryMb) throws IOException {
    this.work = work;
    this.cores = cores;
    this.memoryMb = memoryMb;
    this.masterPort = freePort();
    this.masterUiPort = freePort();
    this.workerUiPort = freePort();
  }

  /**
   * Starts a master and one worker with {@code cores} cores and {@code memoryMb} MB for executors, and waits
   * until the worker is ALIVE at the master. The SPARK_HOME is LIANGSHAN_SPARK_HOME or the build's
   * {@code target/spark-home} (exit 2 with how to build it when absent).
   */
  public static LoopbackCluster start(Path work, int cores, int memoryMb, Consumer<String> progress) {
    requireNonNull(work, "work is null");
    requireNonNull(progress, "progress is null");
    if (cores < 1 || memoryMb < 512) {
      throw LiangshanException.badInput("A loopback worker needs at least 1 core and 512 MB (got %d cores, %d MB).", cores, memoryMb);
    }
    Path sparkHome = sparkHome();
    LoopbackCluster cluster;
    try {
      Files.createDirectories(work.resolve("tmp"));
      Files.createDirectories(work.resolve("worker"));
      cluster = new LoopbackCluster(work.toAbsolutePath(), cores, memoryMb);
    } catch (IOException e) {
      throw LiangshanException.failure(e, "could not prepare the loopback cluster under %s", work);
    }
    long started = System.nanoTime();
    try {
      cluster.launch(sparkHome);
      cluster.awaitWorker();
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    progress.accept(String.format(java.util.Locale.ROOT, "  loopback cluster up in %.1f s: %s, 1 worker (%d cores, %d MB); logs in %s",
        (System.nanoTime() - started) / 1e9, cluster.masterUrl(), cores, memoryMb, cluster.work));
    return cluster;
  }

  /** The SPARK_HOME of the loopback cluster: LIANGSHAN_SPARK_HOME, else the build's target/spark-home. */
  static Path sparkHome() {
    String given = System.getenv("LIANGSHAN_SPARK_HOME");
    Optional<Path> home = given != null && !given.isBlank() ? Optional.of(Path.of(given).toAbsolutePath())
        : ClusterSettings.buildDirectory().map(d -> d.resolve("spark-home"));
    if (home.isEmpty() || !hasSparkJars(home.get().resolve("jars"))) {
      throw LiangshanException.badInput("No Spark jars for the loopback cluster in %s: build them with"
          + " 'mvn -B -DskipTests -Pcluster-jar -pl cli -am package' (fills cli/target/spark-home/jars), or point"
          + " LIANGSHAN_SPARK_HOME at a Spark 3.5 (Scala 2.12) installation.", home.map(h -> h.resolve("jars").toString()).orElse("the build directory"));
    }
    return home.get();
  }

  private static boolean hasSparkJars(Path jars) {
    if (!Files.isDirectory(jars)) {
      return false;
    }
    try (Stream<Path> files = Files.list(jars)) {
      return files.anyMatch(p -> p.getFileName().toString().startsWith("spark-core_"));
    } catch (IOException e) {
      return false;
    }
  }

  private void launch(Path sparkHome) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("SPARK_SCALA_VERSION", "2.12");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("SPARK_LOCAL_DIRS", work.resolve("tmp").toString());
    String classpath = sparkHome.resolve("jars") + "/*";
    List<String> daemon = List.of("-Xmx512m", "-Djava.io.tmpdir=" + work.resolve("tmp"), "-Duser.timezone=UTC",
        "-Dfile.encoding=UTF-8");
    master = ChildJvm.start(daemon, classpath, "org.apache.spark.deploy.master.Master",
        List.of("--host", "127.0.0.1", "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(masterUiPort)),
        env, work.resolve("master.log"));
    worker = ChildJvm.start(daemon, classpath, "org.apache.spark.deploy.worker.Worker",
        List.of(masterUrl(), "--host", "127.0.0.1", "--cores", Integer.toString(cores), "--memory", memoryMb + "m",
            "--webui-port", Integer.toString(workerUiPort), "--work-dir", work.resolve("worker").toString()),
        env, work.resolve("worker.log"));
  }

  private void awaitWorker() {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!master.isAlive() || !worker.isAlive()) {
        throw LiangshanException.failure("the loopback %s exited at start; last lines of its log:%n%s",
            master.isAlive() ? "worker" : "master", tail(work.resolve(master.isAlive() ? "worker.log" : "master.log")));
      }
      Optional<JsonNode> state = fetch(masterUiPort);
      if (state.isPresent() && aliveWorkers(state.get()) >= 1) {
        return;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw LiangshanException.failure(e, "interrupted while starting the loopback cluster");
      }
    }
    throw LiangshanException.failure("the loopback worker did not register with the master within %d s; see %s",
        STARTUP.toSeconds(), work);
  }

  private static int aliveWorkers(JsonNode state) {
    int alive = 0;
    for (JsonNode w : state.path("workers")) {
      if ("ALIVE".equals(w.path("state").asText())) {
        alive++;
      }
    }
    return alive;
  }

  /** {@code spark://127.0.0.1:<port>}. */
  public String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /**
   * Settings for a driver on this cluster: one executor taking the whole worker, two shuffle partitions per
   * core (the cluster default of 64 is for real clusters: on 2 cores it more than doubles the accounting's
   * write time, ClusterIT measured), temporary files under the cluster's directory.
   */
  public Map<String, String> driverConf() {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.sql.shuffle.partitions", Integer.toString(2 * cores));
    conf.put("spark.default.parallelism", Integer.toString(2 * cores));
    conf.put("spark.executor.memory", memoryMb + "m");
    conf.put("spark.executor.cores", Integer.toString(cores));
    conf.put("spark.cores.max", Integer.toString(cores));
    conf.put("spark.executor.extraJavaOptions", "-Djava.io.tmpdir=" + work.resolve("tmp"));
    return conf;
  }

  /** The master's state ({@code /json/} of its web UI): workers, active and completed applications. */
  public JsonNode masterState() {
    return fetch(masterUiPort).orElseThrow(() -> LiangshanException.failure("the loopback master does not answer on port %d", masterUiPort));
  }

  /** The worker's state ({@code /json/} of its web UI): its running and finished executors. */
  public JsonNode workerState() {
    return fetch(workerUiPort).orElseThrow(() -> LiangshanException.failure("the loopback worker does not answer on port %d", workerUiPort));
  }

  private Optional<JsonNode> fetch(int port) {
    try {
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/")).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * Waits (up to {@code timeout}) until no application is active and every executor has finished, and returns
   * the master's state then: a driver that has just exited is still listed as active for a moment.
   */
  public JsonNode awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode state = masterState();
    while (System.nanoTime() < deadline
        && (state.path("activeapps").size() > 0 || workerState().path("executors").size() > 0)) {
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      state = masterState();
    }
    return state;
  }

  /** The cluster's directory (logs, worker and executor directories). */
  public Path work() {
    return work;
  }

  /** Stops the worker (and with it its executors), then the master. */
  @Override
  public void close() {
    ChildJvm.stop(worker, 15);
    ChildJvm.stop(master, 15);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
