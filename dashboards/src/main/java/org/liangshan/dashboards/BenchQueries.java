package org.liangshan.dashboards;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The serving benchmark's queries, generated from the dashboard spec: one per chart, the query Superset sends for
 * it (the chart's columns and metrics over its dataset's SQL as a sub-query, grouped by the columns, ordered by the
 * first metric, limited to the chart's row limit). {@code liangshan warehouse bench} times them on Trino.
 */
public final class BenchQueries {
  private BenchQueries() {}

  /** A named dashboard query: the chart's name and its SQL. */
  public record Query(String name, String sql) {
    public Query {
      requireNonNull(name, "name is null");
      requireNonNull(sql, "sql is null");
    }
  }

  /** The queries of the dashboards shipped with the platform, in dashboard and layout order. */
  public static List<Query> shipped() {
    return of(LeadershipDashboards.all());
  }

  public static List<Query> of(List<DashboardDef> dashboards) {
    List<Query> queries = new ArrayList<>();
    for (DashboardDef dashboard : dashboards) {
      for (ChartDef chart : dashboard.charts()) {
        queries.add(new Query(chart.name(), sql(chart)));
      }
    }
    return queries;
  }

  /** The chart's query as Superset builds it for a virtual dataset. */
  static String sql(ChartDef chart) {
    ChartDef.Check check = chart.check();
    StringJoiner select = new StringJoiner(", ", "SELECT ", "");
    check.columns().forEach(select::add);
    for (String metric : check.metrics()) {
      select.add(chart.dataset().metric(metric).expression() + " AS \"" + metric + "\"");
    }
    StringBuilder sql = new StringBuilder(select.toString())
        .append("\nFROM (\n").append(chart.dataset().sql()).append("\n) AS virtual_table");
    if (!check.columns().isEmpty()) {
      sql.append("\nGROUP BY ").append(String.join(", ", check.columns()));
      sql.append("\nORDER BY \"").append(check.metrics().get(0)).append("\" DESC");
    }
    return sql.append("\nLIMIT ").append(check.rowLimit()).toString();
  }
}
