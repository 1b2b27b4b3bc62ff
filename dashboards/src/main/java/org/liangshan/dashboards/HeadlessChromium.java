package org.liangshan.dashboards;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.liangshan.core.LiangshanException;

/**
 * Debian's headless Chromium driven over the DevTools protocol (the JDK's WebSocket, no Selenium): sets
 * Superset's session cookie, opens each dashboard, waits until every chart has rendered, reads what the
 * page shows (charts, errors, "no results"), and captures a full-page PNG.
 */
public final class HeadlessChromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Flags for a quiet, reproducible headless run (no sandbox: containers and CI run as root). */
  public static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
      "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio", "--lang=zh-CN");

  private final Process process;
  private final Path profile;
  private final HttpClient http = HttpClient.newHttpClient();
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  private HeadlessChromium(Process process, Path profile, URI pageSocket) {
    this.process = process;
    this.profile = profile;
    this.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20))
        .buildAsync(pageSocket, new Listener()).join();
  }

  /**
   * Finds Chromium: {@code LIANGSHAN_CHROMIUM}, else {@code chromium} or {@code chromium-browser} on
   * the PATH. Install it with dashboards/superset/install-chromium.sh.
   */
  public static Optional<Path> find() {
    String override = System.getenv("LIANGSHAN_CHROMIUM");
    if (override != null && !override.isBlank()) {
      return Optional.of(Path.of(override));
    }
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** Starts Chromium with a fresh profile under {@code workDir} and opens a blank page to drive. */
  public static HeadlessChromium start(Path workDir, int width, int height) throws IOException {
    Path binary = find().orElseThrow(() -> LiangshanException.failure(
        "No Chromium found: install it (dashboards/superset/install-chromium.sh, or apt-get install chromium) or set LIANGSHAN_CHROMIUM."));
    Files.createDirectories(workDir);
    Path profile = Files.createTempDirectory(workDir, "chromium-profile");
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(FLAGS);
    command.add("--user-data-dir=" + profile);
    command.add("--remote-debugging-address=127.0.0.1");
    command.add("--remote-debugging-port=0");
    command.add("--window-size=" + width + "," + height);
    command.add("about:blank");
    Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      int port = devtoolsPort(process);
      URI page = pageSocket(port);
      return new HeadlessChromium(process, profile, page);
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /** Chromium prints "DevTools listening on ws://127.0.0.1:PORT/..." on stderr once it is ready. */
  private static int devtoolsPort(Process process) throws IOException {
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line = err.readLine(); line != null; line = err.readLine()) {
          int at = line.indexOf("DevTools listening on ws://127.0.0.1:");
          if (at >= 0) {
            String rest = line.substring(at + "DevTools listening on ws://127.0.0.1:".length());
            port.complete(Integer.parseInt(rest.substring(0, rest.indexOf('/'))));
          }
        }
        port.completeExceptionally(new IOException("Chromium exited before opening its DevTools port"));
      } catch (IOException | RuntimeException e) {
        port.completeExceptionally(e);
      }
    }, "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    try {
      return port.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IOException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IOException("Chromium did not open its DevTools port within 60 s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static URI pageSocket(int port) throws IOException {
    HttpClient client = HttpClient.newHttpClient();
    try {
      HttpResponse<String> list = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
          HttpResponse.BodyHandlers.ofString());
      for (JsonNode target : JSON.readTree(list.body())) {
        if ("page".equals(target.path("type").asText())) {
          return URI.create(target.path("webSocketDebuggerUrl").asText());
        }
      }
      throw new IOException("Chromium has no page target: " + list.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder buffer = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        try {
          JsonNode message = JSON.readTree(buffer.toString());
          if (message.has("id")) {
            CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
            if (reply != null) {
              reply.complete(message);
            }
          }
        } catch (IOException e) {
          // not a protocol message: ignore
        }
        buffer.setLength(0);
      }
      webSocket.request(1);
      return null;
    }
  }

  /** Sends one DevTools command and waits for its result. */
  JsonNode call(String method, Map<String, Object> params) {
    int id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode();
    message.put("id", id);
    message.put("method", method);
    message.set("params", JSON.valueToTree(params));
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    socket.sendText(message.toString(), true).join();
    try {
      JsonNode answer = reply.get(120, TimeUnit.SECONDS);
      if (answer.has("error")) {
        throw LiangshanException.failure("Chromium refused %s: %s", method, answer.get("error"));
      }
      return answer.path("result");
    } catch (ExecutionException | TimeoutException e) {
      throw LiangshanException.failure(e, "Chromium did not answer %s", method);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw LiangshanException.failure(e, "interrupted during %s", method);
    }
  }

  /** Evaluates a JavaScript expression in the page and returns its JSON value. */
  JsonNode evaluate(String expression) {
    return call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true))
        .path("result").path("value");
  }

  /** What a dashboard showed once it settled. */
  public record PageReport(Path screenshot, int charts, int rendered, List<String> errors, int empty, boolean timedOut) {
    public boolean ok() {
      return !timedOut && errors.isEmpty() && empty == 0 && charts > 0 && rendered == charts;
    }
  }

  /**
   * The page's state: charts on the dashboard, charts with content drawn (canvas, svg or table), error
   * alerts, "no results" placeholders and charts still loading. Selectors are Superset 6's.
   */
  private static final String INSPECT = """
      (() => {
        const holders = [...document.querySelectorAll('.dashboard-component-chart-holder')];
        const text = el => (el.innerText || '').trim();
        const errors = [];
        const emptyTexts = ['No results were returned', 'No data', '没有返回结果', '暂无数据', 'No Results'];
        let rendered = 0, empty = 0, loading = 0;
        for (const h of holders) {
          const title = text(h.querySelector('.header-title, [data-test="editable-title"]') || h).split('\\n')[0];
          const alert = h.querySelector('[role="alert"], .ant-alert-error, [data-test="error-message"], .alert-danger');
          if (alert) { errors.push(title + ': ' + text(alert).slice(0, 300)); continue; }
          if (h.querySelector('.loading, [aria-label="Loading"], img.loading')) { loading++; continue; }
          const body = text(h);
          if (emptyTexts.some(t => body.includes(t)) || h.querySelector('.ant-empty')) { empty++; errors.push(title + ': no data'); continue; }
          if (h.querySelector('canvas, svg, table, .big-number-total, .superset-legacy-chart-big-number, .header-line')) rendered++;
        }
        return {charts: holders.length, rendered, empty, loading, errors,
                height: Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)};
      })()
      """;

  /**
   * Opens {@code url} with the session cookie, waits (up to {@code timeout}) for every chart to render
   * and writes a full-page screenshot to {@code png}.
   */
  public PageReport capture(URI url, HttpCookie session, Path png, Duration timeout, int width) throws IOException {
    requireNonNull(session, "session is null");
    call("Network.enable", Map.of());
    call("Network.setCookie", Map.of("name", session.getName(), "value", session.getValue(), "domain", url.getHost(),
        "path", "/", "httpOnly", true));
    call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 1000, "deviceScaleFactor", 1, "mobile", false));
    call("Page.enable", Map.of());
    call("Page.navigate", Map.of("url", url.toString()));
    long deadline = System.nanoTime() + timeout.toNanos();
    int height = 1000;
    JsonNode state = settle(deadline);
    boolean timedOut = state == null;
    if (!timedOut) {
      // Grow the window to the whole dashboard so that charts below the fold are laid out and drawn, then
      // wait for them to settle again (a resize redraws every chart).
      height = Math.max(1000, state.path("height").asInt(1000));
      call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
      state = settle(deadline);
      timedOut = state == null;
    }
    if (timedOut) {
      state = evaluate(INSPECT);
    }
    sleep(1000); // the last animation frames
    String data = call("Page.captureScreenshot", Map.of("format", "png")).path("data").asText();
    Files.createDirectories(png.getParent());
    Files.write(png, Base64.getDecoder().decode(data));
    List<String> errors = new ArrayList<>();
    state.path("errors").forEach(e -> errors.add(e.asText()));
    return new PageReport(png, state.path("charts").asInt(), state.path("rendered").asInt(), errors,
        state.path("empty").asInt(), timedOut);
  }

  /**
   * Polls the page until every chart has drawn or failed and three readings in a row agree; null when the
   * deadline passes first.
   */
  private JsonNode settle(long deadline) {
    int stable = 0;
    String last = "";
    while (System.nanoTime() < deadline) {
      sleep(500);
      JsonNode state = evaluate(INSPECT);
      int charts = state.path("charts").asInt();
      int settled = state.path("rendered").asInt() + state.path("errors").size();
      boolean done = charts > 0 && state.path("loading").asInt() == 0 && settled >= charts;
      String reading = state.toString();
      stable = done && reading.equals(last) ? stable + 1 : 0;
      last = reading;
      if (stable >= 2) {
        return state;
      }
    }
    return null;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw LiangshanException.failure(e, "interrupted");
    }
  }

  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // closing anyway
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover profile under the work directory is harmless
    }
  }
}
