package org.liangshan.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/dashboards.md's chart tables are generated from the spec, so the two cannot drift apart. After a change to
 * the spec, regenerate them with {@code mvn -pl dashboards -am test -Dtest=DocsTableTest -Ddocs.update=true
 * -Dsurefire.failIfNoSpecifiedTests=false} and review the diff.
 */
class DocsTableTest {
  private static final Path DOCS = Path.of("..", "docs", "dashboards.md");

  @Test
  void theChartTablesAreThoseGeneratedFromTheSpec() throws IOException {
    String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
    String generated = DashboardDocs.splice(docs, DashboardDocs.section(LeadershipDashboards.all()));
    if (Boolean.getBoolean("docs.update")) {
      Files.writeString(DOCS, generated, StandardCharsets.UTF_8);
      docs = generated;
    }
    assertThat(docs).as("docs/dashboards.md differs from the spec; run mvn -pl dashboards -am test -Dtest=DocsTableTest "
        + "-Ddocs.update=true -Dsurefire.failIfNoSpecifiedTests=false to regenerate").isEqualTo(generated);
  }

  @Test
  void docsNameEveryDashboardChartAndSource() throws IOException {
    String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
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

  @Test
  void theGeneratedTableSaysWhereAFigureComesFrom() {
    assertThat(DashboardDocs.section(LeadershipDashboards.all())).contains("| `gep_realization_rate` | GEP 转化率 | "
        + "echarts_timeseries_bar | `gep_region_year` | `marts.gep_overview` | "
        + "GEP 转化率 = `SUM(realized_yuan) / NULLIF(SUM(gep_yuan), 0)` | 市场交易与生态补偿实现的价值 ÷ GEP；生态金融融资另列，不计入。 |");
  }
}
