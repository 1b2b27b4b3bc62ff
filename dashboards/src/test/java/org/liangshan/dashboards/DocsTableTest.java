package org.liangshan.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/dashboards.md names every dashboard, chart and source the code publishes, so the two cannot drift apart. */
class DocsTableTest {
  @Test
  void docsNameEveryDashboardChartAndSource() throws IOException {
    String docs = Files.readString(Path.of("..", "docs", "dashboards.md"), StandardCharsets.UTF_8);
    for (DashboardDef dashboard : LeadershipDashboards.all()) {
      assertThat(docs).as("dashboard " + dashboard.name()).contains("`" + dashboard.name() + "`").contains(dashboard.title());
      for (ChartDef chart : dashboard.charts()) {
        assertThat(docs).as("chart " + chart.name()).contains("`" + chart.name() + "`");
        for (String source : chart.dataset().sources()) {
          assertThat(docs).as("source of " + chart.name()).contains("`" + source + "`");
        }
      }
    }
  }
}
