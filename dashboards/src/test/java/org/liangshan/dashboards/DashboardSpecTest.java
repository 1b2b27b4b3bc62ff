package org.liangshan.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.liangshan.core.region.Regions;

/** The spec's loader: a wrong reference fails when the spec is read, naming the chart or dataset. */
class DashboardSpecTest {
  private static final String DATASET = """
      labels:
        colours: {r: 红, g: 绿}
      datasets:
        - name: things
          title: 东西
          sources: [marts.things]
          sql: |
            SELECT t.region, ${region_name(t.region)} AS region_name, ${label(t.colour, colours)} AS colour, t.value_yuan
            FROM marts.things t
          columns:
            - {name: region_name, label: 地区, type: text}
            - {name: colour, label: 颜色, type: text}
            - {name: value_yuan, label: 价值（元）, type: number}
          metrics:
            - {name: value_10k_yuan, label: 价值（万元）, sql: SUM(value_yuan) / 1e4, format: ",.1f"}
      """;

  private static DashboardSpec spec(String dashboards) {
    return DashboardSpec.parse(DATASET + dashboards, Regions.all());
  }

  private static String chart(String dataset, String x, String metric) {
    return """
        dashboards:
          - name: board
            title: 看板
            description: 说明
            rows:
              - - {name: by_colour, type: bar, title: 按颜色, description: 说明, dataset: %s, x: %s, metrics: [%s], width: 6, height: 50}
        """.formatted(dataset, x, metric);
  }

  @Test
  void aValidSpecGivesTheChartOverItsDatasetWithTheMacrosExpanded() {
    DashboardSpec spec = spec(chart("things", "colour", "value_10k_yuan"));
    ChartDef chart = spec.charts().get(0);
    assertThat(chart.name()).isEqualTo("by_colour");
    assertThat(chart.viz()).isEqualTo("echarts_timeseries_bar");
    assertThat(chart.dataset().sql()).contains("CASE t.colour WHEN 'r' THEN '红' WHEN 'g' THEN '绿' ELSE t.colour END AS colour")
        .doesNotContain("${");
    assertThat(chart.dataset().metric("value_10k_yuan").expression()).isEqualTo("SUM(value_yuan) / 1e4");
  }

  @Test
  void anUnknownDatasetFailsAtLoadNamingTheChart() {
    assertThatThrownBy(() -> spec(chart("nothing", "colour", "value_10k_yuan")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Chart by_colour (dashboard board) names dataset nothing, which spec/dashboards.yaml does not declare");
  }

  @Test
  void anUnknownMetricOrColumnFailsAtLoadNamingTheChart() {
    assertThatThrownBy(() -> spec(chart("things", "colour", "value_100m_yuan")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Chart by_colour (dashboard board): Dataset things has no metric value_100m_yuan");
    assertThatThrownBy(() -> spec(chart("things", "shape", "value_10k_yuan")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Chart by_colour (dashboard board): Dataset things has no column shape");
  }

  @Test
  void aMetricThatIsNotAnAggregateFailsAtLoad() {
    String perRow = DATASET.replace("sql: SUM(value_yuan) / 1e4", "sql: value_yuan / 1e4");
    assertThatThrownBy(() -> DashboardSpec.parse(perRow + chart("things", "colour", "value_10k_yuan"), Regions.all()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith(": Metric value_10k_yuan must be an aggregate (SUM, AVG, COUNT, MAX, MIN) of the dataset's columns, got: value_yuan / 1e4");
  }

  @Test
  void aColumnTheSqlDoesNotSelectFailsAtLoad() {
    String wrong = DATASET.replace("- {name: colour, label: 颜色, type: text}", "- {name: shape, label: 形状, type: text}");
    assertThatThrownBy(() -> DashboardSpec.parse(wrong + chart("things", "region_name", "value_10k_yuan"), Regions.all()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid dashboard spec spec/dashboards.yaml (line ")
        .hasMessageEndingWith(": Dataset things: column shape is not selected by its SQL");
  }

  @Test
  void aMetricOverAColumnTheDatasetLacksFailsAtLoad() {
    String wrong = DATASET.replace("sql: SUM(value_yuan) / 1e4", "sql: SUM(amount_yuan) / 1e4");
    assertThatThrownBy(() -> DashboardSpec.parse(wrong + chart("things", "colour", "value_10k_yuan"), Regions.all()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith(": Dataset things: metric value_10k_yuan names amount_yuan, which is not one of the dataset's columns");
  }

  @Test
  void anUnknownLabelListFailsAtLoadNamingTheDataset() {
    String wrong = DATASET.replace("${label(t.colour, colours)}", "${label(t.colour, shapes)}");
    assertThatThrownBy(() -> DashboardSpec.parse(wrong + chart("things", "colour", "value_10k_yuan"), Regions.all()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Dataset things: no label list 'shapes' in spec/dashboards.yaml");
  }

  @Test
  void aMisspelledKeyFailsAtLoad() {
    assertThatThrownBy(() -> spec(chart("things", "colour", "value_10k_yuan").replace("width: 6", "wdith: 6")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid dashboard spec spec/dashboards.yaml (line 21): Unrecognized field \"wdith\"");
  }

  @Test
  void theShippedSpecRepeatsPerRegionDatasetsAndChartsForEachRegion() {
    List<String> maps = LeadershipDashboards.all().stream().flatMap(d -> d.charts().stream()).map(ChartDef::name)
        .filter(n -> n.startsWith("carbon_sink_map_")).toList();
    assertThat(maps).containsExactlyElementsOf(Regions.all().stream().map(r -> "carbon_sink_map_" + r.id()).toList());
  }
}
