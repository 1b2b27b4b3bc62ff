package org.liangshan.warehouse.serving;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.liangshan.core.LiangshanException;

/**
 * A local single-node Trino over the lakehouse: installs it (through {@link TrinoInstallation}), finds a JDK for
 * it ({@link JavaRuntimes}), writes its configuration ({@link TrinoConfig}, {@link AccessRules}), generates a
 * self-signed certificate with the JDK's keytool (once), starts the JVM detached on 127.0.0.1, waits until it
 * answers, and records its pid and ports in {@code state.json}; {@link #stop} ends it.
 */
public final class TrinoServer {
  /** The oldest Java Trino 476 starts on. */
  public static final int MINIMUM_JAVA = 22;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ServingLayout layout;
  private final PrintStream progress;

  public TrinoServer(ServingLayout layout, PrintStream progress) {
    this.layout = requireNonNull(layout, "layout is null");
    this.progress = requireNonNull(progress, "progress is null");
  }

  public ServingLayout layout() {
    return layout;
  }

  /** What to start. */
  public record Options(int port, int internalPort, LakehouseStorage lakehouse, String heap, String version, Path trinoHome,
      Duration timeout) {
    public Options {
      requireNonNull(lakehouse, "lakehouse is null");
      requireNonNull(heap, "heap is null");
      requireNonNull(version, "version is null");
      requireNonNull(trinoHome, "trinoHome is null");
      requireNonNull(timeout, "timeout is null");
    }

    /** A Trino over a lakehouse in a local directory. */
    public Options(int port, int internalPort, Path lakehouse, String heap, String version, Path trinoHome, Duration timeout) {
      this(port, internalPort, new LakehouseStorage.Local(lakehouse), heap, version, trinoHome, timeout);
    }
  }

  /** The recorded state of a started server. */
  public record State(long pid, int port, int internalPort, String url, String lakehouse, String trinoHome, String java,
      String startedAt, List<String> banks) {
    public State {
      banks = List.copyOf(banks);
    }
  }

  /** The state file's content, if a server was started from this layout and has not been stopped. */
  public Optional<State> state() {
    if (!Files.isRegularFile(layout.state())) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(layout.state().toFile());
      List<String> banks = new ArrayList<>();
      node.path("banks").forEach(b -> banks.add(b.asText()));
      return Optional.of(new State(node.path("pid").asLong(), node.path("port").asInt(), node.path("internalPort").asInt(),
          node.path("url").asText(), node.path("lakehouse").asText(), node.path("trinoHome").asText(),
          node.path("java").asText(), node.path("startedAt").asText(), banks));
    } catch (IOException e) {
      throw LiangshanException.failure(e, "Could not read %s; delete it if no Trino runs from %s.", layout.state(), layout.dir());
    }
  }

  /** Whether the recorded process is alive and is a Trino server. */
  public boolean isRunning(State state) {
    return ProcessHandle.of(state.pid()).filter(ProcessHandle::isAlive)
        .map(p -> p.info().commandLine().map(c -> c.contains("io.trino.server.TrinoServer")).orElse(true))
        .orElse(false);
  }

  /** The endpoint of the recorded server as {@code user}, with the password the secrets file holds. */
  public TrinoEndpoint endpoint(State state, String user) {
    Optional<String> password = Secrets.storedPassword(layout.secrets(), user, System.getenv());
    return TrinoEndpoint.of(state.url(), user, password, Optional.of(layout.certificate()), true);
  }

  /** Starts the server (or finds it running) and returns its state; the caller registers the tables. */
  public State start(Options options) {
    Optional<State> previous = state();
    if (previous.isPresent() && isRunning(previous.get())) {
      progress.println("  Trino already running (pid " + previous.get().pid() + ") at " + previous.get().url());
      return previous.get();
    }
    checkFree(options.port());
    checkFree(options.internalPort());
    JavaRuntimes.Jdk jdk = JavaRuntimes.find(MINIMUM_JAVA);
    progress.println("  Java for Trino: " + jdk.home() + " (" + jdk.version() + ")");
    Path home = new TrinoInstallation(options.version(), options.trinoHome(), progress).ensure();
    List<String> banks = previous.map(State::banks).orElse(List.of());
    TrinoConfig config = prepare(jdk, options, banks);

    List<String> command = command(jdk, home, config);
    try {
      ProcessBuilder builder = new ProcessBuilder(command)
          .directory(layout.dir().toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.serverLog().toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      builder.environment().put("JAVA_HOME", jdk.home().toString());
      Process process = builder.start();
      State state = new State(process.pid(), options.port(), options.internalPort(), "https://127.0.0.1:" + options.port(),
          options.lakehouse().root(), home.toString(), jdk.home().toString(), Instant.now().toString(), banks);
      writeState(state);
      progress.println("  started Trino " + options.version() + " (pid " + process.pid() + "), log " + layout.serverLog());
      awaitReady(state, process, options.timeout());
      return state;
    } catch (IOException e) {
      throw LiangshanException.failure(e, "Could not start Trino (%s).", command.get(0));
    }
  }

  /**
   * Writes everything the server reads before it starts, owner-only: the serving directory, {@code var/} (data and
   * log), the secrets file, the keystore and its certificate (once), the configuration (which holds the keystore
   * password and the shared secret), the password hashes and the access rules.
   */
  TrinoConfig prepare(JavaRuntimes.Jdk jdk, Options options, List<String> banks) {
    try {
      OwnerOnly.directory(layout.dir());
      OwnerOnly.directory(layout.dataDir());
      OwnerOnly.directory(layout.serverLog().getParent());
      if (!Files.exists(layout.serverLog())) {
        OwnerOnly.write(layout.serverLog(), "");
      }
    } catch (IOException e) {
      throw LiangshanException.failure(e, "Could not create the serving directory %s.", layout.dir());
    }
    Secrets secrets = Secrets.open(layout.secrets(), System.getenv());
    AccessRules rules = new AccessRules(banks);
    secrets.ensureUsers(rules.users());
    ensureCertificate(jdk, secrets);
    TrinoConfig config = config(options, secrets);
    config.write(layout.etc());
    writeAccess(secrets, rules);
    return config;
  }

  /** Writes the access rules and password hashes for these banks and records them; Trino reloads both within 1 s. */
  public State updateBanks(State state, List<String> bankIds) {
    AccessRules rules = new AccessRules(bankIds);
    Secrets secrets = Secrets.open(layout.secrets(), System.getenv());
    secrets.ensureUsers(rules.users());
    writeAccess(secrets, rules);
    State updated = new State(state.pid(), state.port(), state.internalPort(), state.url(), state.lakehouse(),
        state.trinoHome(), state.java(), state.startedAt(), rules.bankIds());
    writeState(updated);
    return updated;
  }

  /** Waits until {@code user} can log in (after a rules or password change). */
  public void awaitLogin(State state, String user, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    SQLException last = null;
    while (Instant.now().isBefore(deadline)) {
      try (Connection connection = endpoint(state, user).connect(); Statement statement = connection.createStatement()) {
        statement.execute("SELECT 1");
        return;
      } catch (SQLException e) {
        last = e;
        sleep(500);
      }
    }
    throw LiangshanException.failure(last, "User %s could not log in to Trino at %s within %s.", user, state.url(), timeout);
  }

  /**
   * Waits until the coordinator's node manager lists itself as an active node. {@code /v1/info} reports "not starting"
   * and {@code SELECT 1} succeeds a few seconds before the node's own announcement is refreshed into the node manager;
   * in that window any query that scans a table fails with "No nodes available to run query".
   */
  private void awaitActiveNode(State state, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    SQLException last = null;
    while (Instant.now().isBefore(deadline)) {
      try (Connection connection = endpoint(state, AccessRules.SERVICE).connect();
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT count(*) FROM system.runtime.nodes WHERE state = 'active'")) {
        if (rows.next() && rows.getLong(1) > 0) {
          return;
        }
      } catch (SQLException e) {
        last = e;
      }
      sleep(500);
    }
    throw LiangshanException.failure(last, "Trino at %s listed no active node within %s; see %s.", state.url(), timeout,
        layout.serverLog());
  }

  private void writeAccess(Secrets secrets, AccessRules rules) {
    try {
      OwnerOnly.write(layout.rules(), rules.json());
      OwnerOnly.write(layout.passwordDb(), secrets.passwordFile(rules.users()));
    } catch (IOException e) {
      throw LiangshanException.failure(e, "Could not write the access rules into %s.", layout.etc());
    }
  }

  TrinoConfig config(Options options, Secrets secrets) {
    return new TrinoConfig(options.port(), options.internalPort(), options.lakehouse(), layout.dataDir(), options.heap(),
        layout.keystore(), secrets.keystorePassword(), secrets.sharedSecret(), layout.passwordDb(), layout.rules());
  }

  /** The java command line, as Trino's launcher builds it: jvm.config, node properties, config and log files. */
  List<String> command(JavaRuntimes.Jdk jdk, Path home, TrinoConfig config) {
    List<String> command = new ArrayList<>();
    Optional<Path> setsid = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid")).stream().filter(Files::isExecutable).findFirst();
    // A new session: closing the terminal that ran 'warehouse start' does not hang the server up.
    setsid.ifPresent(p -> command.add(p.toString()));
    command.add(jdk.java().toString());
    command.addAll(config.jvmOptions());
    config.nodeProperties().forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.add("-Dconfig=" + layout.etc().resolve("config.properties"));
    command.add("-Dlog.levels-file=" + layout.etc().resolve("log.properties"));
    command.add("-Dcatalog.config-dir=" + layout.etc().resolve("catalog"));
    command.add("-Dplugin.dir=" + home.resolve("plugin"));
    command.add("-cp");
    command.add(home.resolve("lib") + File.separator + "*");
    command.add("io.trino.server.TrinoServer");
    return command;
  }

  private void ensureCertificate(JavaRuntimes.Jdk jdk, Secrets secrets) {
    if (Files.isRegularFile(layout.keystore()) && Files.isRegularFile(layout.certificate())) {
      return;
    }
    progress.println("  generating a self-signed certificate for 127.0.0.1 (once): " + layout.certificate());
    try {
      OwnerOnly.directory(layout.tls());
      Files.deleteIfExists(layout.keystore());
      keytool(jdk, secrets, "-genkeypair", "-alias", "trino", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
          "-dname", "CN=localhost, O=Liangshan", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
          "-keystore", layout.keystore().toString(), "-storetype", "PKCS12",
          "-storepass:env", "LIANGSHAN_KEYSTORE_PASSWORD", "-keypass:env", "LIANGSHAN_KEYSTORE_PASSWORD");
      keytool(jdk, secrets, "-exportcert", "-rfc", "-alias", "trino", "-keystore", layout.keystore().toString(),
          "-storepass:env", "LIANGSHAN_KEYSTORE_PASSWORD", "-file", layout.certificate().toString());
      OwnerOnly.restrict(layout.keystore());
    } catch (IOException e) {
      throw LiangshanException.failure(e, "Could not generate the TLS keystore in %s.", layout.tls());
    }
  }

  private static void keytool(JavaRuntimes.Jdk jdk, Secrets secrets, String... arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(jdk.keytool().toString());
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // The password reaches keytool through its environment, never its command line.
    builder.environment().put("LIANGSHAN_KEYSTORE_PASSWORD", secrets.keystorePassword());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (process.waitFor() != 0) {
        throw LiangshanException.failure("keytool %s failed: %s", arguments[0], output.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw LiangshanException.failure(e, "Interrupted while running keytool.");
    }
  }

  private void awaitReady(State state, Process process, Duration timeout) {
    HttpClient client = HttpClient.newBuilder().sslContext(org.liangshan.core.net.Transport.trusting(layout.certificate()))
        .connectTimeout(Duration.ofSeconds(2)).build();
    Instant start = Instant.now();
    Instant deadline = start.plus(timeout);
    Instant nextReport = start.plusSeconds(5);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw LiangshanException.failure("Trino exited (status %d) while starting. The end of %s:%n%s", process.exitValue(),
            layout.serverLog(), logTail(40));
      }
      try {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(state.url() + "/v1/info"))
            .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && !JSON.readTree(response.body()).path("starting").asBoolean(true)) {
          awaitLogin(state, AccessRules.SERVICE, Duration.ofSeconds(60));
          awaitActiveNode(state, Duration.ofSeconds(60));
          progress.printf("  Trino is ready after %d s%n", Duration.between(start, Instant.now()).toSeconds());
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw LiangshanException.failure(e, "Interrupted while waiting for Trino.");
      }
      if (Instant.now().isAfter(nextReport)) {
        progress.printf("  waiting for Trino to answer (%d s)...%n", Duration.between(start, Instant.now()).toSeconds());
        nextReport = Instant.now().plusSeconds(5);
      }
      sleep(500);
    }
    throw LiangshanException.failure("Trino did not become ready within %s (still starting; see %s). The end of the log:%n%s",
        timeout, layout.serverLog(), logTail(20));
  }

  /** Stops the recorded server: SIGTERM, then a forced kill after 30 s. Returns false when none was running. */
  public boolean stop() {
    Optional<State> state = state();
    if (state.isEmpty()) {
      return false;
    }
    boolean wasRunning = isRunning(state.get());
    if (wasRunning) {
      ProcessHandle handle = ProcessHandle.of(state.get().pid()).orElseThrow();
      handle.destroy();
      try {
        handle.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        handle.destroyForcibly();
      } catch (java.util.concurrent.ExecutionException e) {
        throw LiangshanException.failure(e, "Could not stop Trino (pid %d).", state.get().pid());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw LiangshanException.failure(e, "Interrupted while stopping Trino.");
      }
    }
    try {
      Files.deleteIfExists(layout.state());
    } catch (IOException e) {
      throw LiangshanException.failure(e, "Could not delete %s.", layout.state());
    }
    return wasRunning;
  }

  String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(layout.serverLog(), StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private void writeState(State state) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("pid", state.pid());
    node.put("port", state.port());
    node.put("internalPort", state.internalPort());
    node.put("url", state.url());
    node.put("lakehouse", state.lakehouse());
    node.put("trinoHome", state.trinoHome());
    node.put("java", state.java());
    node.put("startedAt", state.startedAt());
    node.put("banks", state.banks());
    try {
      OwnerOnly.write(layout.state(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
    } catch (IOException e) {
      throw LiangshanException.failure(e, "Could not write %s.", layout.state());
    }
  }

  private static void checkFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      throw LiangshanException.badInput("Port %d on 127.0.0.1 is in use. Choose another with --port (the internal port "
          + "is --internal-port, default port + 1), or stop what runs there.", port);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw LiangshanException.failure(e, "Interrupted.");
    }
  }
}
