package org.liangshan.dashboards;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A Superset dataset: a read-only SQL query over the Trino catalog's gold tables (a "virtual" dataset),
 * with its columns and saved metrics. {@code name} is the English identifier (the dataset's table name in
 * Superset), {@code title} the Chinese description leadership sees.
 *
 * @param sources the gold tables the query reads (for the documentation and the existence check)
 */
public record DatasetDef(
    String name, String title, String sql, List<String> sources, List<Field> columns, List<Measure> metrics) {

  public DatasetDef {
    requireNonNull(name, "name is null");
    requireNonNull(title, "title is null");
    requireNonNull(sql, "sql is null");
    sources = List.copyOf(sources);
    columns = List.copyOf(columns);
    metrics = List.copyOf(metrics);
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("Invalid dataset name (lower-case identifier expected): " + name);
    }
  }

  public UUID uuid() {
    return Uuids.of("dataset", name);
  }

  /** The column named, or an error naming the dataset: charts are checked against their dataset when built. */
  public Field column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Dataset " + name + " has no column " + columnName));
  }

  public Measure metric(String metricName) {
    return metrics.stream().filter(m -> m.name().equals(metricName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Dataset " + name + " has no metric " + metricName));
  }

  /** A column: its SQL type as Trino reports it, and its Chinese label. */
  public record Field(String name, String title, String type) {
    public Field {
      requireNonNull(name, "name is null");
      requireNonNull(title, "title is null");
      requireNonNull(type, "type is null");
    }

    public boolean numeric() {
      return type.startsWith("DOUBLE") || type.startsWith("DECIMAL") || type.startsWith("BIGINT")
          || type.startsWith("INTEGER");
    }
  }

  /** A saved metric: an aggregate SQL expression, its Chinese label and its d3 number format. */
  public record Measure(String name, String title, String expression, String format) {
    public Measure {
      requireNonNull(name, "name is null");
      requireNonNull(title, "title is null");
      requireNonNull(expression, "expression is null");
      requireNonNull(format, "format is null");
    }
  }

  public static Builder builder(String name, String title) {
    return new Builder(name, title);
  }

  /** Builds a dataset one column and metric at a time. */
  public static final class Builder {
    private final String name;
    private final String title;
    private String sql;
    private final List<String> sources = new ArrayList<>();
    private final List<Field> columns = new ArrayList<>();
    private final List<Measure> metrics = new ArrayList<>();

    private Builder(String name, String title) {
      this.name = name;
      this.title = title;
    }

    /** The query; {@code sources} are the gold tables it reads, as {@code gold.<table>}. */
    public Builder sql(String query, String... sourceTables) {
      this.sql = query.strip();
      sources.addAll(List.of(sourceTables));
      return this;
    }

    /** A column of the SQL type {@code type} as Trino reports it (e.g. {@code VARCHAR}, {@code DOUBLE}). */
    public Builder column(String column, String columnTitle, String type) {
      columns.add(new Field(column, columnTitle, type));
      return this;
    }

    public Builder text(String column, String columnTitle) {
      columns.add(new Field(column, columnTitle, "VARCHAR"));
      return this;
    }

    public Builder integer(String column, String columnTitle) {
      columns.add(new Field(column, columnTitle, "INTEGER"));
      return this;
    }

    public Builder number(String column, String columnTitle) {
      columns.add(new Field(column, columnTitle, "DOUBLE"));
      return this;
    }

    public Builder money(String column, String columnTitle) {
      columns.add(new Field(column, columnTitle, "DECIMAL(38, 6)"));
      return this;
    }

    public Builder metric(String metric, String metricTitle, String expression, String format) {
      metrics.add(new Measure(metric, metricTitle, expression, format));
      return this;
    }

    public DatasetDef build() {
      return new DatasetDef(name, title, requireNonNull(sql, "sql is null"), sources, columns, metrics);
    }
  }
}
