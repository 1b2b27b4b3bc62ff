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
  void everyDashboardQueryReadsAShippedMart() {
    List<String> marts = Registration.marts().stream().map(Registration.Mart::name).toList();
    List<ServingBenchmark.Query> queries = ServingBenchmark.dashboardQueries();
    assertThat(queries).hasSizeGreaterThanOrEqualTo(marts.size());
    for (ServingBenchmark.Query query : queries) {
      assertThat(marts).as(query.name()).anyMatch(m -> query.sql().contains("marts." + m + " ") || query.sql().endsWith("marts." + m));
    }
    assertThat(queries.stream().map(ServingBenchmark.Query::name).distinct().count()).isEqualTo(queries.size());
  }
}
