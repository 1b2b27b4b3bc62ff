package org.liangshan.dashboards;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.net.Transport;

/**
 * A thin client of Superset's REST API (JDK HttpClient + Jackson). {@link #login} authenticates with the
 * database provider and fetches the CSRF token, whose session cookie the cookie manager keeps: every
 * write carries the bearer token, {@code X-CSRFToken} and that cookie.
 */
public final class SupersetClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(180);

  private final URI base;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;
  private String accessToken;
  private String csrfToken;

  /** A client of the Superset at {@code url}: https (verified against the JVM's authorities) or loopback http. */
  public SupersetClient(String url) {
    this(url, Optional.empty(), false, System.err);
  }

  /**
   * A client of the Superset at {@code url}. Its HTTPS certificate is always verified: against {@code certificate}
   * (a PEM file, for a private authority or a self-signed server) when given, else the JVM's authorities. Plain
   * {@code http://} is accepted for a loopback host, and for another host only when {@code insecure}, with a warning.
   */
  public SupersetClient(String url, Optional<java.nio.file.Path> certificate, boolean insecure, java.io.PrintStream warnings) {
    requireNonNull(url, "url is null");
    requireNonNull(certificate, "certificate is null");
    String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    try {
      this.base = URI.create(trimmed);
    } catch (IllegalArgumentException e) {
      throw LiangshanException.badField("url", "not a URL: '" + url + "' (expected http://host:port)");
    }
    if (base.getHost() == null || !(trimmed.startsWith("http://") || trimmed.startsWith("https://"))) {
      throw LiangshanException.badField("url", "expected http://host:port or https://host:port, got '" + url + "'");
    }
    Transport.checkPlainHttp(base, "Superset", insecure, warnings);
    HttpClient.Builder builder = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER);
    certificate.ifPresent(pem -> builder.sslContext(Transport.trusting(pem)));
    this.http = builder.build();
  }

  public URI base() {
    return base;
  }

  /** Logs in (provider db) and fetches the CSRF token. */
  public void login(String user, char[] password) {
    ObjectNode body = JSON.createObjectNode();
    body.put("username", user);
    body.put("password", new String(password));
    body.put("provider", "db");
    body.put("refresh", false);
    HttpResponse<String> response = send(json(request("/api/v1/security/login"), body), "log in");
    if (response.statusCode() == 401) {
      throw LiangshanException.badInput("Superset at %s refused the login of user '%s': wrong user or password.", base, user);
    }
    accessToken = expectOk(response, "log in").path("access_token").asText(null);
    if (accessToken == null) {
      throw LiangshanException.failure("Superset at %s answered the login without an access token.", base);
    }
    csrfToken = expectOk(send(authorized("/api/v1/security/csrf_token/").GET().build(), "fetch the CSRF token"),
        "fetch the CSRF token").path("result").asText();
    webSession(user, password);
  }

  /**
   * Logs the web application in too (the login form, with the CSRF token of the API session), so that the
   * session cookie opens dashboards in a browser and the legacy chart endpoints answer.
   */
  private HttpCookie webSession(String user, char[] password) {
    String form = "username=" + encode(user) + "&password=" + encode(new String(password)) + "&csrf_token=" + encode(csrfToken);
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/login/")).timeout(TIMEOUT)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Referer", base + "/login/")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    HttpResponse<String> response = send(request, "log in to the web application");
    if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("/login")) {
      throw LiangshanException.failure("Superset at %s did not accept the web login of '%s' (HTTP %d).", base, user, response.statusCode());
    }
    return sessionCookie();
  }

  /** The web application's session cookie, set by {@link #login}. */
  public HttpCookie sessionCookie() {
    return cookies.getCookieStore().get(base).stream().filter(c -> c.getName().equals("session")).findFirst()
        .orElseThrow(() -> LiangshanException.failure("Superset at %s set no session cookie.", base));
  }

  /** What an import endpoint imports with {@code overwrite=true}; it imports what they depend on only when absent. */
  public enum Kind {
    DATABASE("database", "Database"), DATASET("dataset", "SqlaTable"), CHART("chart", "Slice"), DASHBOARD("dashboard", "Dashboard");

    private final String path;
    private final String metadataType;

    Kind(String path, String metadataType) {
      this.path = path;
      this.metadataType = metadataType;
    }

    /** The {@code type} of the bundle's metadata.yaml this endpoint accepts. */
    public String metadataType() {
      return metadataType;
    }
  }

  /** Imports a bundle through one import endpoint (overwrite), with the database password for the database file. */
  public void importBundle(Kind kind, byte[] zip, Map<String, String> passwords) {
    importBundle("/api/v1/" + kind.path + "/import/", zip, passwords, "import the " + kind.path + "s");
  }

  private void importBundle(String path, byte[] zip, Map<String, String> passwords, String what) {
    requireLogin();
    String boundary = "liangshan" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    part(body, boundary, "formData", "bundle.zip", "application/zip", zip);
    part(body, boundary, "overwrite", null, null, "true".getBytes(StandardCharsets.UTF_8));
    part(body, boundary, "passwords", null, null, BundleBuilder.json(passwords).getBytes(StandardCharsets.UTF_8));
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request = authorized(path)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    expectOk(send(request, what), what);
  }

  private static void part(ByteArrayOutputStream out, String boundary, String name, String fileName, String type, byte[] content) {
    StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(name).append('"');
    if (fileName != null) {
      head.append("; filename=\"").append(fileName).append('"');
    }
    head.append("\r\n");
    if (type != null) {
      head.append("Content-Type: ").append(type).append("\r\n");
    }
    head.append("\r\n");
    out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
  }

  /** Deletes one dashboard, chart or dataset by id (not the database). */
  public void delete(Kind kind, int id) {
    requireLogin();
    if (kind == Kind.DATABASE) {
      throw new IllegalArgumentException("the database entry is never deleted by the platform");
    }
    String what = "delete " + kind.path + " " + id;
    expectOk(send(authorized("/api/v1/" + kind.path + "/" + id).DELETE().build(), what), what);
  }

  /** Exports dashboards by id as Superset's own bundle zip. */
  public byte[] exportDashboards(List<Integer> ids) {
    requireLogin();
    String q = encode("!(" + String.join(",", ids.stream().map(String::valueOf).toList()) + ")");
    HttpResponse<byte[]> response = sendBytes(authorized("/api/v1/dashboard/export/?q=" + q).GET().build(), "export dashboards");
    if (response.statusCode() != 200) {
      throw LiangshanException.failure("Superset at %s refused to export dashboards %s (HTTP %d).", base, ids, response.statusCode());
    }
    return response.body();
  }

  /** A listed object: its id, UUID and title. */
  public record Item(int id, UUID uuid, String title, JsonNode raw) {}

  public List<Item> dashboards() {
    return list("/api/v1/dashboard/", "dashboard_title");
  }

  public List<Item> charts() {
    return list("/api/v1/chart/", "slice_name");
  }

  public List<Item> datasets() {
    return list("/api/v1/dataset/", "table_name");
  }

  public List<Item> databases() {
    return list("/api/v1/database/", "database_name");
  }

  private List<Item> list(String path, String titleField) {
    requireLogin();
    List<Item> items = new ArrayList<>();
    for (int page = 0; ; page++) {
      String q = encode("(page:" + page + ",page_size:100)");
      JsonNode result = expectOk(send(authorized(path + "?q=" + q).GET().build(), "list " + path), "list " + path);
      JsonNode rows = result.path("result");
      for (JsonNode row : rows) {
        String uuid = row.path("uuid").asText(null);
        items.add(new Item(row.path("id").asInt(), uuid == null ? null : UUID.fromString(uuid), row.path(titleField).asText(), row));
      }
      if (rows.size() < 100) {
        return items;
      }
    }
  }

  /** One chart's full description ({@code /api/v1/chart/{id}}): its form data, dataset and viz type. */
  public JsonNode chart(int id) {
    requireLogin();
    return expectOk(send(authorized("/api/v1/chart/" + id).GET().build(), "read chart " + id), "read chart " + id).path("result");
  }

  /**
   * Runs a query context through {@code /api/v1/chart/data}. Returns the response body whatever the
   * status, so that the caller can report Superset's error message.
   */
  public Response chartData(JsonNode queryContext) {
    requireLogin();
    HttpResponse<String> response = send(json(authorized("/api/v1/chart/data"), queryContext), "query chart data");
    return new Response(response.statusCode(), parse(response.body()));
  }

  /** Runs a legacy chart (deck.gl) through the explore-JSON endpoint with its saved form data. */
  public Response legacyChartData(int chartId) {
    return explore(chartId, "", "query legacy chart data");
  }

  /**
   * The SQL a legacy chart (deck.gl) runs, rendered by Superset from its saved form data without running it: the
   * explore-JSON endpoint with {@code query=true} answers {@code {"query": ..., "language": "sql"}}.
   */
  public Response legacyChartQuery(int chartId) {
    return explore(chartId, "&query=true", "read a legacy chart's query");
  }

  private Response explore(int chartId, String options, String what) {
    requireLogin();
    String formData = encode("{\"slice_id\":" + chartId + "}");
    HttpResponse<String> response = send(authorized("/superset/explore_json/?form_data=" + formData + options).GET().build(), what);
    return new Response(response.statusCode(), parse(response.body()));
  }

  /** An HTTP status and its JSON body (an empty object when the body was not JSON). */
  public record Response(int status, JsonNode body) {}

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      ObjectNode node = JSON.createObjectNode();
      node.put("message", body.length() > 500 ? body.substring(0, 500) : body);
      return node;
    }
  }

  private void requireLogin() {
    if (accessToken == null) {
      throw new IllegalStateException("login first");
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Accept", "application/json");
  }

  private HttpRequest.Builder authorized(String path) {
    HttpRequest.Builder builder = request(path).header("Authorization", "Bearer " + accessToken)
        .header("Referer", base.toString());
    if (csrfToken != null) {
      builder.header("X-CSRFToken", csrfToken);
    }
    return builder;
  }

  private static HttpRequest json(HttpRequest.Builder builder, JsonNode body) {
    return builder.header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
  }

  private HttpResponse<String> send(HttpRequest request, String what) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw LiangshanException.failure(e, "Could not %s: Superset at %s does not answer (%s). Is it running? (dashboards/superset/superset.sh start)", what, base,
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw LiangshanException.failure(e, "Interrupted while trying to %s", what);
    }
  }

  private HttpResponse<byte[]> sendBytes(HttpRequest request, String what) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw LiangshanException.failure(e, "Could not %s: Superset at %s does not answer (%s).", what, base,
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw LiangshanException.failure(e, "Interrupted while trying to %s", what);
    }
  }

  private JsonNode expectOk(HttpResponse<String> response, String what) {
    JsonNode body = parse(response.body());
    if (response.statusCode() / 100 != 2) {
      String message = body.has("message") ? body.get("message").toString() : body.toString();
      if (body.has("errors")) {
        message = message + " " + body.get("errors");
      }
      throw LiangshanException.failure("Superset at %s failed to %s (HTTP %d): %s", base, what, response.statusCode(),
          message.length() > 2000 ? message.substring(0, 2000) + "..." : message);
    }
    return body;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** What {@link #chartData} answers for a query context: the rows, or only the SQL Superset would run. */
  public enum ResultType {
    FULL("full"), QUERY("query");

    private final String value;

    ResultType(String value) {
      this.value = value;
    }
  }

  /** Query context for {@link #chartData}: a chart's query as the chart-data API takes it, answered with its rows. */
  public static JsonNode queryContext(int datasetId, int chartId, ChartDef.Check check) {
    return queryContext(datasetId, chartId, check, ResultType.FULL);
  }

  /** Query context for {@link #chartData}: a chart's query as the chart-data API takes it. */
  public static JsonNode queryContext(int datasetId, int chartId, ChartDef.Check check, ResultType resultType) {
    ObjectNode context = JSON.createObjectNode();
    ObjectNode datasource = context.putObject("datasource");
    datasource.put("id", datasetId);
    datasource.put("type", "table");
    context.put("force", true);
    ObjectNode query = context.putArray("queries").addObject();
    check.columns().forEach(query.putArray("columns")::add);
    check.metrics().forEach(query.putArray("metrics")::add);
    query.putArray("filters");
    query.putArray("orderby");
    query.put("row_limit", check.rowLimit());
    query.putObject("extras");
    Map<String, Object> formData = new LinkedHashMap<>();
    formData.put("slice_id", chartId);
    context.set("form_data", JSON.valueToTree(formData));
    context.put("result_format", "json");
    context.put("result_type", resultType.value);
    return context;
  }
}
