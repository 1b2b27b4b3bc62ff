package org.liangshan.warehouse.serving;

import static java.util.Objects.requireNonNull;

import io.trino.jdbc.TrinoResultSet;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Latency of the dashboards' queries ({@code serving/dashboard-queries.txt}) on Trino: each query runs a few times
 * to warm up, then {@code runs} times, fetching every row as a dashboard would; reported are the median and p95
 * wall time per query, the rows returned, Trino's peak query memory, and the ratio of the median to the median of
 * {@code SELECT 1} measured in the same run (the round-trip floor of the protocol).
 */
public final class ServingBenchmark {
  /** A named dashboard query. */
  public record Query(String name, String sql) {}

  /** One query's figures; times in milliseconds. */
  public record Result(String name, int runs, long rows, double medianMs, double p95Ms, double ratioToBaseline, long peakMemoryBytes) {}

  private final Connection connection;
  private final int warmup;
  private final int runs;
  private final PrintStream progress;

  public ServingBenchmark(Connection connection, int warmup, int runs, PrintStream progress) {
    this.connection = requireNonNull(connection, "connection is null");
    this.progress = requireNonNull(progress, "progress is null");
    if (runs < 1 || warmup < 0) {
      throw org.liangshan.core.LiangshanException.badInput("Invalid benchmark runs %d / warm-up %d (runs >= 1, warm-up >= 0).", runs, warmup);
    }
    this.warmup = warmup;
    this.runs = runs;
  }

  /** The dashboard queries shipped with the platform. */
  public static List<Query> dashboardQueries() {
    List<Query> queries = new ArrayList<>();
    for (String line : Registration.resource("serving/dashboard-queries.txt").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int bar = line.indexOf('|');
      queries.add(new Query(line.substring(0, bar).strip(), line.substring(bar + 1).strip()));
    }
    return queries;
  }

  /** Runs the baseline ({@code SELECT 1}) first, then every query; results in that order. */
  public List<Result> run(List<Query> queries) throws SQLException {
    List<Result> results = new ArrayList<>();
    Result baseline = measure(new Query("baseline: SELECT 1", "SELECT 1"), Double.NaN);
    results.add(baseline);
    for (Query query : queries) {
      progress.printf("  %-28s %d runs...%n", query.name(), runs);
      results.add(measure(query, baseline.medianMs()));
    }
    return results;
  }

  private Result measure(Query query, double baselineMedian) throws SQLException {
    long rows = 0;
    long peak = 0;
    double[] times = new double[runs];
    for (int i = 0; i < warmup + runs; i++) {
      long start = System.nanoTime();
      long count = 0;
      long memory = 0;
      try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query.sql())) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          for (int c = 1; c <= columns; c++) {
            result.getObject(c);
          }
          count++;
        }
        if (result.isWrapperFor(TrinoResultSet.class)) {
          memory = result.unwrap(TrinoResultSet.class).getStats().getPeakMemoryBytes();
        }
      }
      double elapsed = (System.nanoTime() - start) / 1e6;
      if (i >= warmup) {
        times[i - warmup] = elapsed;
        rows = count;
        peak = Math.max(peak, memory);
      }
    }
    double median = percentile(times, 50);
    return new Result(query.name(), runs, rows, median, percentile(times, 95),
        Double.isNaN(baselineMedian) ? 1.0 : median / baselineMedian, peak);
  }

  /** The nearest-rank percentile of the values (p in 0..100). */
  static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
