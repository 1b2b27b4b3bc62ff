package org.liangshan.warehouse;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A Delta table declared as code: layer, name, columns, partitioning, CHECK constraints and the natural
 * key that MERGE and de-duplication use. {@link TableCatalog} creates it idempotently.
 */
public record TableDef(
    Layer layer,
    String name,
    String comment,
    List<Column> columns,
    List<String> partitionBy,
    Map<String, String> checks,
    List<String> naturalKey) implements java.io.Serializable {

  public TableDef {
    requireNonNull(layer, "layer is null");
    requireNonNull(name, "name is null");
    requireNonNull(comment, "comment is null");
    columns = List.copyOf(columns);
    partitionBy = List.copyOf(partitionBy);
    checks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    naturalKey = List.copyOf(naturalKey);
    for (String column : partitionBy) {
      checkColumn(columns, column, "partition column", name);
    }
    for (String column : naturalKey) {
      checkColumn(columns, column, "natural-key column", name);
    }
  }

  private static void checkColumn(List<Column> columns, String column, String role, String table) {
    if (columns.stream().noneMatch(c -> c.name().equals(column))) {
      throw new IllegalArgumentException("Invalid " + role + " of " + table + " (no such column): " + column);
    }
  }

  /** {@code layer.name}, as Trino shows it. */
  public String qualifiedName() {
    return layer.directory() + "." + name;
  }

  public StructType schema() {
    return new StructType(
        columns.stream()
            .map(c -> new StructField(c.name(), c.type(), c.nullable(), Metadata.empty()))
            .toArray(StructField[]::new));
  }

  public static Builder builder(Layer layer, String name, String comment) {
    return new Builder(layer, name, comment);
  }

  /** Reads like the DDL it stands for. */
  public static final class Builder {
    private final Layer layer;
    private final String name;
    private final String comment;
    private final List<Column> columns = new java.util.ArrayList<>();
    private List<String> partitionBy = List.of();
    private final Map<String, String> checks = new LinkedHashMap<>();
    private List<String> naturalKey = List.of();

    private Builder(Layer layer, String name, String comment) {
      this.layer = layer;
      this.name = name;
      this.comment = comment;
    }

    public Builder required(String column, DataType type, String columnComment) {
      columns.add(Column.required(column, type, columnComment));
      return this;
    }

    public Builder optional(String column, DataType type, String columnComment) {
      columns.add(Column.optional(column, type, columnComment));
      return this;
    }

    public Builder string(String column, String columnComment) {
      return required(column, DataTypes.StringType, columnComment);
    }

    public Builder money(String column, String columnComment) {
      return required(column, Column.MONEY, columnComment);
    }

    public Builder number(String column, String columnComment) {
      return required(column, DataTypes.DoubleType, columnComment);
    }

    /**
     * The audit columns every gold table carries: the run that produced the row and its parameter set (the
     * {@code gold} group of {@code spec/tables/audit-columns.yaml}).
     */
    public Builder audit() {
      columns.addAll(TableSpec.auditColumns("gold"));
      return this;
    }

    public Builder partitionBy(String... columnNames) {
      this.partitionBy = List.of(columnNames);
      return this;
    }

    public Builder check(String constraintName, String expression) {
      checks.put(constraintName, expression);
      return this;
    }

    public Builder naturalKey(String... columnNames) {
      this.naturalKey = List.of(columnNames);
      return this;
    }

    public TableDef build() {
      return new TableDef(layer, name, comment, columns, partitionBy, checks, naturalKey);
    }
  }
}
