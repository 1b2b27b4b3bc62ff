package org.liangshan.warehouse.serving;

import static java.util.Objects.requireNonNull;

import io.trino.jdbc.TrinoResultSet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.liangshan.core.LiangshanException;
import org.liangshan.dashboards.BenchQueries;
import org.liangshan.dashboards.CapturedQueries;

/**
 * Latency of the dashboards' queries (one per chart: captured from Superset, {@link CapturedQueries}, or else
 * generated from the dashboard spec by {@link org.liangshan.dashboards.BenchQueries}) on Trino: each query runs a few times
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

  /**
   * The queries of the dashboards shipped with the platform, named after their charts, generated from the dashboard
   * spec: the fallback when no queries captured from Superset are given.
   */
  public static List<Query> dashboardQueries() {
    return BenchQueries.shipped().stream().map(q -> new Query(q.name(), q.sql())).toList();
  }

  /** The queries Superset sends, captured per chart ({@code liangshan dashboards capture-queries}), named after their charts. */
  public static List<Query> capturedQueries(CapturedQueries captured) {
    return captured.queries().stream().map(q -> new Query(q.chart(), q.sql())).toList();
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

  /**
   * Rows of every table and view the connection's user sees in the served schemas ({@code silver}, {@code gold},
   * {@code marts}), keyed {@code schema.table}, in name order: the data scale the latencies were measured at.
   */
  public Map<String, Long> tableRows() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT table_schema, table_name FROM delta.information_schema.tables "
            + "WHERE table_schema IN ('silver', 'gold', 'marts') ORDER BY 1, 2")) {
      while (rows.next()) {
        tables.add(rows.getString(1) + "." + rows.getString(2));
      }
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : tables) {
      // Names come from Trino's own catalogue and are quoted as identifiers; nothing a user typed.
      String[] parts = table.split("\\.", 2);
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT count(*) FROM delta." + quote(parts[0]) + "." + quote(parts[1]))) {
        rows.next();
        counts.put(table, rows.getLong(1));
      }
    }
    return counts;
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** One benchmark run: a label (e.g. "scale 1"), the results and the rows per table, as saved for a comparison. */
  public record Report(String label, List<Result> results, Map<String, Long> tableRows) {
    private static final String HEADER = "# liangshan warehouse bench report v1";

    /** Writes the report as tab-separated text ({@code label}, {@code query} and {@code table} lines). */
    public void write(Path file) throws IOException {
      StringBuilder text = new StringBuilder(HEADER).append('\n');
      text.append("label\t").append(label.replace('\t', ' ').replace('\n', ' ')).append('\n');
      for (Result r : results) {
        text.append(String.format(Locale.ROOT, "query\t%s\t%d\t%d\t%.3f\t%.3f\t%.4f\t%d\n", r.name(), r.runs(), r.rows(),
            r.medianMs(), r.p95Ms(), r.ratioToBaseline(), r.peakMemoryBytes()));
      }
      tableRows.forEach((table, rows) -> text.append("table\t").append(table).append('\t').append(rows).append('\n'));
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
    }

    /** Reads a report written by {@link #write}; a malformed file is bad input naming the file and line. */
    public static Report read(Path file) throws IOException {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
        throw LiangshanException.badInput("%s is not a saved benchmark report (its first line should be '%s').", file, HEADER);
      }
      String label = file.getFileName().toString();
      List<Result> results = new ArrayList<>();
      Map<String, Long> tables = new LinkedHashMap<>();
      for (int i = 1; i < lines.size(); i++) {
        String[] f = lines.get(i).split("\t", -1);
        try {
          switch (f[0]) {
            case "label" -> label = f[1];
            case "query" -> results.add(new Result(f[1], Integer.parseInt(f[2]), Long.parseLong(f[3]), Double.parseDouble(f[4]),
                Double.parseDouble(f[5]), Double.parseDouble(f[6]), Long.parseLong(f[7])));
            case "table" -> tables.put(f[1], Long.parseLong(f[2]));
            case "" -> { }
            default -> throw new IllegalArgumentException("unknown record '" + f[0] + "'");
          }
        } catch (RuntimeException e) {
          throw LiangshanException.badInput("%s line %d: not a benchmark report line (%s): %s", file, i + 1,
              e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), lines.get(i));
        }
      }
      return new Report(label, results, tables);
    }
  }

  /** The nearest-rank percentile of the values (p in 0..100). */
  static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
