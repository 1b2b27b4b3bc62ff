package org.liangshan.warehouse.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServingBenchmarkTest {
  @Test
  void nearestRankPercentiles() {
    double[] values = {5, 1, 4, 2, 3, 10, 9, 8, 7, 6};
    assertThat(ServingBenchmark.percentile(values, 50)).isEqualTo(5);
    assertThat(ServingBenchmark.percentile(values, 95)).isEqualTo(10);
    assertThat(ServingBenchmark.percentile(new double[] {42}, 95)).isEqualTo(42);
  }

  @Test
  void everyShippedMartIsReadByADashboardQueryAndEveryQueryReadsAMartOrGold() {
    List<String> marts = Registration.marts().stream().map(Registration.Mart::name).toList();
    List<ServingBenchmark.Query> queries = ServingBenchmark.dashboardQueries();
    assertThat(queries).hasSizeGreaterThanOrEqualTo(marts.size());
    for (String mart : marts) {
      assertThat(queries).as("a dashboard query reading marts." + mart).anyMatch(q -> q.sql().contains("marts." + mart + " "));
    }
    for (ServingBenchmark.Query query : queries) {
      assertThat(query.sql()).as(query.name()).containsPattern("FROM (marts|gold)\\.");
    }
    assertThat(queries.stream().map(ServingBenchmark.Query::name).distinct().count()).isEqualTo(queries.size());
  }

  @Test
  void aSavedReportReadsBackAsWritten(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    ServingBenchmark.Report report = new ServingBenchmark.Report("scale 10", List.of(
        new ServingBenchmark.Result("baseline: SELECT 1", 20, 1, 99.5, 179.25, 1.0, 0),
        new ServingBenchmark.Result("carbon_sink_map", 20, 152_930, 11_702.125, 15_860.5, 117.6, 61_000_000)),
        new java.util.LinkedHashMap<>(java.util.Map.of("gold.carbon_sink_cell_year", 305_860L)));
    java.nio.file.Path file = dir.resolve("sub/s10.tsv");
    report.write(file);
    ServingBenchmark.Report read = ServingBenchmark.Report.read(file);
    assertThat(read.label()).isEqualTo("scale 10");
    assertThat(read.tableRows()).containsExactly(java.util.Map.entry("gold.carbon_sink_cell_year", 305_860L));
    assertThat(read.results()).hasSize(2);
    ServingBenchmark.Result map = read.results().get(1);
    assertThat(map.name()).isEqualTo("carbon_sink_map");
    assertThat(map.rows()).isEqualTo(152_930);
    assertThat(map.medianMs()).isEqualTo(11_702.125);
    assertThat(map.p95Ms()).isEqualTo(15_860.5);
    assertThat(map.ratioToBaseline()).isEqualTo(117.6);
    assertThat(map.peakMemoryBytes()).isEqualTo(61_000_000);
  }

  @Test
  void aFileThatIsNotAReportIsBadInputNamingFileAndLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path other = dir.resolve("notes.txt");
    java.nio.file.Files.writeString(other, "median 12 ms\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServingBenchmark.Report.read(other))
        .isInstanceOf(org.liangshan.core.LiangshanException.class).hasMessageContaining("notes.txt is not a saved benchmark report");
    java.nio.file.Path broken = dir.resolve("broken.tsv");
    java.nio.file.Files.writeString(broken, "# liangshan warehouse bench report v1\nlabel\tx\nquery\tgep\t20\tmany\t1\t2\t3\t4\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServingBenchmark.Report.read(broken))
        .hasMessageContaining("broken.tsv line 3").hasMessageContaining("many");
  }
}
