package org.liangshan.dashboards;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.liangshan.core.LiangshanException;

/**
 * Publishes the leadership dashboards to a Superset and checks them: every chart's query, run through
 * Superset against Trino, must return rows without an error.
 */
public final class Publisher {
  private final SupersetClient superset;

  public Publisher(SupersetClient superset) {
    this.superset = requireNonNull(superset, "superset is null");
  }

  /** What Superset holds after a publish, counted by UUID. */
  public record Inventory(Map<UUID, Integer> dashboards, Map<UUID, Integer> charts, Map<UUID, Integer> datasets,
      Map<UUID, Integer> databases, int dashboardRows, int chartRows, int datasetRows, int databaseRows) {}

  /**
   * Imports the database entry, then the datasets, the charts and the dashboards, each through its own
   * endpoint with overwrite (a new Trino address, a changed query or chart takes effect; the UUIDs are the
   * same, so nothing is duplicated).
   */
  public void publish(TrinoTarget trino, List<DashboardDef> dashboards, char[] trinoPassword) {
    Map<String, String> passwords = new HashMap<>();
    if (trinoPassword != null && trinoPassword.length > 0) {
      passwords.put(BundleBuilder.databaseFile(), new String(trinoPassword));
    } else if (trino.https()) {
      throw LiangshanException.badInput("Trino at %s uses HTTPS with password authentication: give the password of '%s' "
          + "in LIANGSHAN_TRINO_PASSWORD_<USER> (or at the prompt).", trino.url(), trino.user());
    }
    Bundle full = BundleBuilder.build(trino, dashboards);
    superset.importBundle(SupersetClient.Kind.DATABASE,
        BundleBuilder.part(full, SupersetClient.Kind.DATABASE.metadataType(), "databases/").zip(), passwords);
    superset.importBundle(SupersetClient.Kind.DATASET,
        BundleBuilder.part(full, SupersetClient.Kind.DATASET.metadataType(), "databases/", "datasets/").zip(), passwords);
    superset.importBundle(SupersetClient.Kind.CHART,
        BundleBuilder.part(full, SupersetClient.Kind.CHART.metadataType(), "databases/", "datasets/", "charts/").zip(), passwords);
    superset.importBundle(SupersetClient.Kind.DASHBOARD, full.zip(), passwords);
  }

  /**
   * What an earlier publish of this bundle left that the code no longer has (see {@link Orphans}), listed now:
   * call after {@link #publish} so that a chart moved to another dataset no longer holds on to the old one.
   */
  public List<Orphans.Orphan> orphans(List<DashboardDef> dashboards) {
    return Orphans.find(dashboards, superset.dashboards(), superset.charts(), superset.datasets());
  }

  /** Deletes the deletable orphans (dashboards, then charts, then datasets); returns every orphan found. */
  public List<Orphans.Orphan> removeOrphans(List<DashboardDef> dashboards) {
    List<Orphans.Orphan> orphans = orphans(dashboards);
    for (Orphans.Orphan orphan : orphans) {
      if (orphan.deletable()) {
        superset.delete(orphan.kind(), orphan.id());
      }
    }
    return orphans;
  }

  public Inventory inventory() {
    List<SupersetClient.Item> dashboards = superset.dashboards();
    List<SupersetClient.Item> charts = superset.charts();
    List<SupersetClient.Item> datasets = superset.datasets();
    List<SupersetClient.Item> databases = superset.databases();
    return new Inventory(byUuid(dashboards), byUuid(charts), byUuid(datasets), byUuid(databases),
        dashboards.size(), charts.size(), datasets.size(), databases.size());
  }

  private static Map<UUID, Integer> byUuid(List<SupersetClient.Item> items) {
    Map<UUID, Integer> ids = new HashMap<>();
    for (SupersetClient.Item item : items) {
      if (item.uuid() != null) {
        ids.put(item.uuid(), item.id());
      }
    }
    return ids;
  }

  /** The result of one chart's query: rows returned, or Superset's error. */
  public record ChartResult(DashboardDef dashboard, ChartDef chart, int chartId, int rows, String error) {
    public boolean ok() {
      return error == null && rows > 0;
    }

    public String problem() {
      return error != null ? error : rows == 0 ? "no rows" : null;
    }
  }

  /** Runs every chart's query of the dashboards through Superset; never throws for a failing chart. */
  public List<ChartResult> check(List<DashboardDef> dashboards) {
    Inventory inventory = inventory();
    List<ChartResult> results = new ArrayList<>();
    for (DashboardDef dashboard : dashboards) {
      for (ChartDef chart : dashboard.charts()) {
        Integer chartId = inventory.charts().get(chart.uuid());
        Integer datasetId = inventory.datasets().get(chart.dataset().uuid());
        if (chartId == null || datasetId == null) {
          results.add(new ChartResult(dashboard, chart, -1, 0, "not published (run 'liangshan dashboards publish')"));
          continue;
        }
        results.add(run(dashboard, chart, chartId, datasetId));
      }
    }
    return results;
  }

  private ChartResult run(DashboardDef dashboard, ChartDef chart, int chartId, int datasetId) {
    if (chart.check().legacy()) {
      SupersetClient.Response response = superset.legacyChartData(chartId);
      JsonNode body = response.body();
      String error = body.path("error").isMissingNode() || body.path("error").isNull() ? null : body.path("error").asText();
      if (response.status() != 200 && error == null) {
        error = "HTTP " + response.status() + ": " + message(body);
      }
      JsonNode features = body.path("data").path("features");
      return new ChartResult(dashboard, chart, chartId, features.isArray() ? features.size() : 0, error);
    }
    SupersetClient.Response response = superset.chartData(SupersetClient.queryContext(datasetId, chartId, chart.check()));
    JsonNode body = response.body();
    if (response.status() != 200) {
      return new ChartResult(dashboard, chart, chartId, 0, "HTTP " + response.status() + ": " + message(body));
    }
    JsonNode result = body.path("result").path(0);
    String error = result.path("error").isNull() || result.path("error").isMissingNode() ? null : result.path("error").asText();
    int rows = result.path("rowcount").asInt(result.path("data").size());
    return new ChartResult(dashboard, chart, chartId, rows, error);
  }

  /**
   * The SQL Superset would send to Trino for every chart of the dashboards, rendered by Superset without running it:
   * the chart-data API with {@code result_type: "query"} for the chart's query, the explore-JSON endpoint with
   * {@code query=true} for a deck.gl chart (from its saved form data). A chart that is not published, or whose query
   * Superset cannot render, is a failure naming the dashboard, the chart and Superset's message.
   */
  public CapturedQueries capture(List<DashboardDef> dashboards, java.time.Instant now) {
    Inventory inventory = inventory();
    List<CapturedQueries.Query> queries = new ArrayList<>();
    for (DashboardDef dashboard : dashboards) {
      for (ChartDef chart : dashboard.charts()) {
        Integer chartId = inventory.charts().get(chart.uuid());
        Integer datasetId = inventory.datasets().get(chart.dataset().uuid());
        if (chartId == null || datasetId == null) {
          throw LiangshanException.failure("Chart %s/%s is not in Superset at %s: run 'liangshan dashboards publish' first.",
              dashboard.name(), chart.name(), superset.base());
        }
        queries.add(new CapturedQueries.Query(dashboard.name(), chart.name(), chartId, query(dashboard, chart, chartId, datasetId)));
      }
    }
    return new CapturedQueries(superset.base().toString(), now, queries);
  }

  private String query(DashboardDef dashboard, ChartDef chart, int chartId, int datasetId) {
    SupersetClient.Response response = chart.check().legacy() ? superset.legacyChartQuery(chartId)
        : superset.chartData(SupersetClient.queryContext(datasetId, chartId, chart.check(), SupersetClient.ResultType.QUERY));
    JsonNode answer = chart.check().legacy() ? response.body() : response.body().path("result").path(0);
    JsonNode error = answer.path("error");
    String sql = answer.path("query").asText("");
    if (response.status() != 200 || !(error.isMissingNode() || error.isNull()) || sql.isBlank()) {
      throw LiangshanException.failure("Superset at %s did not render the query of chart %s/%s (id %d; HTTP %d): %s",
          superset.base(), dashboard.name(), chart.name(), chartId, response.status(),
          error.isMissingNode() || error.isNull() ? message(response.body()) : error.asText());
    }
    return executed(sql);
  }

  /**
   * The statement Superset executes, from the text its query endpoints show: they join the engine's pre-queries and
   * the query with ";" and end it with one (Superset 6.1 {@code ExploreMixin.get_query_str}), while the query is
   * executed without it, and Trino refuses a trailing ";". A text with a pre-query is refused: Superset would run
   * two statements, and the benchmark would time only one.
   */
  static String executed(String shown) {
    String sql = shown.strip();
    if (sql.endsWith(";")) {
      sql = sql.substring(0, sql.length() - 1).strip();
    }
    if (sql.contains(";\n\n")) {
      throw LiangshanException.failure("Superset's query has pre-queries (statements joined by ';'), which the benchmark cannot "
          + "time as one statement: %s", shown.length() > 300 ? shown.substring(0, 300) + "..." : shown);
    }
    return sql;
  }

  private static String message(JsonNode body) {
    if (body.has("message")) {
      return body.get("message").toString();
    }
    if (body.has("errors")) {
      return body.get("errors").toString();
    }
    String text = body.toString();
    return text.length() > 500 ? text.substring(0, 500) : text;
  }
}
