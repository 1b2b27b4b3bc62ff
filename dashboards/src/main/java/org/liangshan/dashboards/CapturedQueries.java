package org.liangshan.dashboards;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liangshan.core.LiangshanException;

/**
 * The SQL Superset sends to Trino for each chart, as its own chart-data API renders it ({@code result_type: "query"};
 * deck.gl charts through the explore-JSON endpoint with {@code query=true}), captured by
 * {@code liangshan dashboards capture-queries} and timed by {@code liangshan warehouse bench --queries FILE}.
 * Capturing rather than generating means the benchmark follows whatever Superset does to a query (its wrapping of
 * the virtual dataset, ordering, limits, dialect), and a chart whose published query has drifted from the spec shows.
 *
 * <p>The file is JSON: {@code format}, {@code superset} (the address captured from), {@code captured_at} (UTC) and
 * {@code queries}, one object per chart with {@code dashboard}, {@code chart}, {@code chart_id} and {@code sql}.
 *
 * @param superset the Superset the queries were captured from
 * @param capturedAt when
 * @param queries one per chart, in dashboard and layout order
 */
public record CapturedQueries(String superset, Instant capturedAt, List<Query> queries) {
  /** The value of the file's {@code format} field; a file without it is refused. */
  public static final String FORMAT = "liangshan captured dashboard queries v1";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * A schema-qualified table or view of the served catalogue, bare or quoted, optionally behind the catalogue name
   * ({@code marts.gep_overview}, {@code "gold"."gep_by_service"}, {@code delta.gold.x}).
   */
  private static final Pattern TABLE = Pattern.compile(
      "(?<![\\w\".])(?:\"?delta\"?\\s*\\.\\s*)?\"?(silver|gold|marts|ops)\"?\\s*\\.\\s*\"?([a-z_][a-z0-9_]*)\"?",
      Pattern.CASE_INSENSITIVE);

  public CapturedQueries {
    requireNonNull(superset, "superset is null");
    requireNonNull(capturedAt, "capturedAt is null");
    queries = List.copyOf(queries);
    Set<String> charts = new HashSet<>();
    for (Query query : queries) {
      if (!charts.add(query.chart())) {
        throw new IllegalArgumentException("Chart " + query.chart() + " captured twice");
      }
    }
  }

  /** One chart's query as Superset renders it. */
  public record Query(String dashboard, String chart, int chartId, String sql) {
    public Query {
      requireNonNull(dashboard, "dashboard is null");
      requireNonNull(chart, "chart is null");
      requireNonNull(sql, "sql is null");
      if (sql.isBlank()) {
        throw new IllegalArgumentException("Chart " + chart + ": empty SQL");
      }
    }

    /** The tables and views of the served schemas the SQL reads, lower-case {@code schema.table}, sorted. */
    public Set<String> tablesRead() {
      return CapturedQueries.tablesRead(sql);
    }
  }

  /**
   * The tables and views of the served schemas ({@code silver}, {@code gold}, {@code marts}, {@code ops}) a query
   * names, as lower-case {@code schema.table}, sorted. Text inside string literals is not skipped: the dashboards'
   * literals are labels and codes, never schema-qualified names.
   */
  static Set<String> tablesRead(String sql) {
    Set<String> tables = new TreeSet<>();
    Matcher matcher = TABLE.matcher(sql);
    while (matcher.find()) {
      tables.add((matcher.group(1) + "." + matcher.group(2)).toLowerCase(Locale.ROOT));
    }
    return tables;
  }

  /** Writes the file (JSON, UTF-8), creating its directory. */
  public void write(Path file) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("superset", superset);
    root.put("captured_at", capturedAt.toString());
    ArrayNode list = root.putArray("queries");
    for (Query query : queries) {
      ObjectNode node = list.addObject();
      node.put("dashboard", query.dashboard());
      node.put("chart", query.chart());
      node.put("chart_id", query.chartId());
      node.put("sql", query.sql());
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
  }

  /**
   * Reads a file written by {@link #write}. A file that is not one, or a query without its chart or SQL, is bad
   * input naming the file, the query and the field.
   */
  public static CapturedQueries read(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw LiangshanException.badInput(e, "%s is not a file of captured dashboard queries (not JSON: %s at line %d; write one with "
          + "'liangshan dashboards capture-queries --out FILE').", file, e.getOriginalMessage(),
          e.getLocation() == null ? 0 : e.getLocation().getLineNr());
    } catch (IOException e) {
      throw LiangshanException.badInput(e, "Cannot read the captured queries %s: %s", file, e.getMessage());
    }
    if (root == null || !FORMAT.equals(root.path("format").asText(null))) {
      throw LiangshanException.badInput("%s is not a file of captured dashboard queries (its \"format\" should be \"%s\"; "
          + "write one with 'liangshan dashboards capture-queries --out FILE').", file, FORMAT);
    }
    Instant capturedAt;
    try {
      capturedAt = Instant.parse(text(file, root, "captured_at", "the file"));
    } catch (DateTimeParseException e) {
      throw LiangshanException.badInput("%s: \"captured_at\" is not a UTC time: %s", file, root.path("captured_at").asText());
    }
    JsonNode list = root.path("queries");
    if (!list.isArray() || list.isEmpty()) {
      throw LiangshanException.badInput("%s: \"queries\" should be a non-empty list of captured chart queries.", file);
    }
    List<Query> queries = new java.util.ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode node = list.get(i);
      String where = "query " + (i + 1);
      String chart = text(file, node, "chart", where);
      where = where + " (chart " + chart + ")";
      String sql = text(file, node, "sql", where);
      if (sql.isBlank()) {
        throw LiangshanException.badInput("%s, %s: \"sql\" is empty.", file, where);
      }
      if (!seen.add(chart)) {
        throw LiangshanException.badInput("%s, %s: the chart is captured twice.", file, where);
      }
      queries.add(new Query(text(file, node, "dashboard", where), chart, node.path("chart_id").asInt(-1), sql));
    }
    return new CapturedQueries(text(file, root, "superset", "the file"), capturedAt, queries);
  }

  private static String text(Path file, JsonNode node, String field, String where) {
    JsonNode value = node.path(field);
    if (!value.isTextual()) {
      throw LiangshanException.badInput("%s, %s: the field \"%s\" is missing or not text.", file, where, field);
    }
    return value.asText();
  }
}
