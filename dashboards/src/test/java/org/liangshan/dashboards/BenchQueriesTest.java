package org.liangshan.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The serving benchmark's queries come from the spec: one per chart, the chart's own query. */
class BenchQueriesTest {
  @Test
  void everyChartHasOneBenchQueryAndEveryBenchQueryIsAChart() {
    List<String> charts = LeadershipDashboards.all().stream().flatMap(d -> d.charts().stream()).map(ChartDef::name).toList();
    List<String> queries = BenchQueries.shipped().stream().map(BenchQueries.Query::name).toList();
    assertThat(queries).doesNotHaveDuplicates().containsExactlyElementsOf(charts);
  }

  @Test
  void aChartsQueryIsItsColumnsAndMetricsOverItsDataset() {
    ChartDef chart = chart("gep_realization_rate");
    assertThat(BenchQueries.sql(chart)).isEqualTo("""
        SELECT region_name, year_label, SUM(realized_yuan) / NULLIF(SUM(gep_yuan), 0) AS "realization_rate"
        FROM (
        %s
        ) AS virtual_table
        GROUP BY region_name, year_label
        ORDER BY "realization_rate" DESC
        LIMIT 10000""".formatted(chart.dataset().sql()));
  }

  @Test
  void aSingleFigureIsNotGrouped() {
    ChartDef chart = chart("water_capacity_exceeded");
    assertThat(BenchQueries.sql(chart)).isEqualTo("""
        SELECT SUM(exceeded) AS "exceeded_zones"
        FROM (
        %s
        ) AS virtual_table
        LIMIT 1""".formatted(chart.dataset().sql()));
  }

  private static ChartDef chart(String name) {
    return LeadershipDashboards.all().stream().flatMap(d -> d.charts().stream()).filter(c -> c.name().equals(name))
        .findFirst().orElseThrow();
  }
}
