package org.liangshan.warehouse;

import static java.util.Objects.requireNonNull;

import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.liangshan.core.LiangshanException;

/**
 * The lakehouse's tables as code: creates each declared Delta table idempotently (schema, partitioning,
 * NOT NULL, CHECK constraints), and is the only way jobs read and write them, so that every write goes to
 * a table whose constraints exist.
 */
public final class TableCatalog {
  private final SparkSession spark;
  private final LakehouseConfig config;
  private final Map<String, TableDef> tables;
  private final Set<String> ensured = ConcurrentHashMap.newKeySet();

  public TableCatalog(SparkSession spark, LakehouseConfig config, List<TableDef> definitions) {
    this.spark = requireNonNull(spark, "spark is null");
    this.config = requireNonNull(config, "config is null");
    Map<String, TableDef> byName = new LinkedHashMap<>();
    for (TableDef def : definitions) {
      if (byName.put(def.qualifiedName(), def) != null) {
        throw new IllegalArgumentException("Table declared twice: " + def.qualifiedName());
      }
    }
    this.tables = byName;
  }

  /** A catalog of every table any module on the classpath declares. */
  public static TableCatalog discover(SparkSession spark, LakehouseConfig config) {
    List<TableDef> all = new ArrayList<>();
    for (TableProvider provider : ServiceLoader.load(TableProvider.class)) {
      all.addAll(provider.tables());
    }
    all.sort(Comparator.comparing((TableDef t) -> t.layer().ordinal()).thenComparing(TableDef::name));
    return new TableCatalog(spark, config, all);
  }

  public SparkSession spark() {
    return spark;
  }

  public LakehouseConfig config() {
    return config;
  }

  public List<TableDef> tables() {
    return List.copyOf(tables.values());
  }

  public TableDef table(String qualifiedName) {
    TableDef def = tables.get(qualifiedName);
    if (def == null) {
      throw LiangshanException.badInput(
          "Unknown table '%s'. Run 'liangshan tables' to list them.", qualifiedName);
    }
    return def;
  }

  public String location(TableDef def) {
    return config.tableLocation(def);
  }

  public boolean exists(TableDef def) {
    return DeltaTable.isDeltaTable(spark, location(def));
  }

  /**
   * Creates the table if absent and adds any CHECK constraint and any nullable column it lacks (a column
   * declared after the table was made). Safe to call repeatedly.
   */
  public void ensure(TableDef def) {
    if (ensured.contains(def.qualifiedName())) {
      return;
    }
    // Jobs of different regions run concurrently: creating a table and adding its constraints must not race.
    synchronized (this) {
      if (!ensured.contains(def.qualifiedName())) {
        create(def);
      }
    }
  }

  /**
   * Creates an absent table with its CHECK constraints in the same commit (Delta keeps a CHECK constraint
   * as the table property {@code delta.constraints.<name>}, which it enforces from the commit that sets
   * it), so a new lakehouse costs one commit per table instead of one per constraint. A table that exists
   * gets any constraint it lacks through ALTER TABLE ... ADD CONSTRAINT, which also checks the rows it has.
   */
  private void create(TableDef def) {
    String location = location(def);
    if (!exists(def)) {
      io.delta.tables.DeltaTableBuilder builder = DeltaTable.createIfNotExists(spark)
          .location(location)
          .addColumns(def.schema())
          .partitionedBy(def.partitionBy().toArray(String[]::new))
          .comment(def.comment());
      for (Map.Entry<String, String> check : def.checks().entrySet()) {
        builder = builder.property(constraintProperty(check.getKey()), check.getValue());
      }
      builder.execute();
    }
    addMissingColumns(def, location);
    Map<String, String> properties = properties(location);
    for (Map.Entry<String, String> check : def.checks().entrySet()) {
      if (!properties.containsKey(constraintProperty(check.getKey()))) {
        spark.sql(
            "ALTER TABLE delta.`" + location + "` ADD CONSTRAINT " + check.getKey() + " CHECK (" + check.getValue() + ")");
      }
    }
    ensured.add(def.qualifiedName());
  }

  /**
   * Adds the declared columns an existing table lacks (one ALTER TABLE per column; rows written before hold
   * null). A missing NOT NULL column cannot be added to rows that exist, so it is refused with the fix.
   */
  private void addMissingColumns(TableDef def, String location) {
    org.apache.spark.sql.types.StructType actual = org.apache.spark.sql.delta.DeltaLog.forTable(spark, location)
        .update(false, scala.Option.empty(), scala.Option.empty()).schema();
    java.util.Set<String> present = java.util.Set.of(actual.fieldNames());
    for (org.apache.spark.sql.types.StructField column : def.schema().fields()) {
      if (present.contains(column.name())) {
        continue;
      }
      if (!column.nullable()) {
        throw LiangshanException.failure("Table %s at %s lacks the NOT NULL column %s declared since it was made;"
            + " rebuild the table (or declare the column nullable).", def.qualifiedName(), location, column.name());
      }
      spark.sql("ALTER TABLE delta.`" + location + "` ADD COLUMNS (" + column.toDDL() + ")");
    }
  }

  private static String constraintProperty(String name) {
    return "delta.constraints." + name.toLowerCase(java.util.Locale.ROOT);
  }

  /** The table's properties from the transaction log's latest snapshot (no Spark job). */
  private Map<String, String> properties(String location) {
    Map<String, String> result = new LinkedHashMap<>();
    scala.collection.immutable.Map<String, String> configuration = org.apache.spark.sql.delta.DeltaLog.forTable(spark, location)
        .update(false, scala.Option.empty(), scala.Option.empty()).metadata().configuration();
    scala.collection.Iterator<scala.Tuple2<String, String>> it = configuration.iterator();
    while (it.hasNext()) {
      scala.Tuple2<String, String> entry = it.next();
      result.put(entry._1(), entry._2());
    }
    return result;
  }

  public Dataset<Row> read(TableDef def) {
    ensure(def);
    return spark.read().format("delta").load(location(def));
  }

  /** The table as of a version (Delta time travel). */
  public Dataset<Row> readVersion(TableDef def, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(location(def));
  }

  /** The current Delta version, or empty when the table does not exist yet. */
  public OptionalLong version(TableDef def) {
    if (!exists(def)) {
      return OptionalLong.empty();
    }
    // The transaction log's latest snapshot: no Spark job, unlike DESCRIBE HISTORY.
    org.apache.spark.sql.delta.Snapshot snapshot = org.apache.spark.sql.delta.DeltaLog.forTable(spark, location(def))
        .update(false, scala.Option.empty(), scala.Option.empty());
    return OptionalLong.of(snapshot.version());
  }

  /**
   * Runs a Delta write, retrying when a concurrent writer (another region's job) committed first in a way
   * Delta cannot prove disjoint. Every write here is idempotent for its inputs, so a retry is safe.
   */
  public static void retrying(Runnable write) {
    int attempt = 0;
    while (true) {
      try {
        write.run();
        return;
      } catch (io.delta.exceptions.DeltaConcurrentModificationException e) {
        if (++attempt >= 8) {
          throw e;
        }
        try {
          Thread.sleep(200L * attempt + java.util.concurrent.ThreadLocalRandom.current().nextLong(200));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** Appends rows, selecting and casting to the declared schema. */
  public void append(TableDef def, Dataset<Row> rows) {
    ensure(def);
    Dataset<Row> conformed = conform(def, rows);
    retrying(() -> conformed.write().format("delta").mode("append").save(location(def)));
  }

  /**
   * Atomically replaces the rows matching {@code predicate} (a SQL condition on partition or key columns)
   * with {@code rows}; every new row must satisfy the predicate.
   */
  public void replace(TableDef def, Dataset<Row> rows, String predicate) {
    ensure(def);
    // One task writes the slice: a job's slice is at most tens of MB, and Trino's Delta connector reads each
    // file as a split, so one file per partition value and write serves dashboards better than one per Spark
    // partition (four on a laptop: 876 active files in the demo's gold, docs/serving.md "File layout").
    Dataset<Row> conformed = conform(def, rows).coalesce(1);
    retrying(() -> conformed
        .write()
        .format("delta")
        .mode("overwrite")
        .option("replaceWhere", predicate)
        .save(location(def)));
  }

  /**
   * Upserts {@code rows} on the table's natural key: a key already present is updated only when the row
   * differs, a new key is inserted. The source must have at most one row per key.
   */
  public void merge(TableDef def, Dataset<Row> rows, String changeColumn) {
    merge(def, rows, changeColumn, null);
  }

  /**
   * As {@link #merge(TableDef, Dataset, String)}, with a predicate on the target (e.g. {@code t.region =
   * 'liyang'}) that confines the merge to a partition, so merges of different regions can run at once.
   */
  public void merge(TableDef def, Dataset<Row> rows, String changeColumn, String targetPredicate) {
    ensure(def);
    if (def.naturalKey().isEmpty()) {
      throw new IllegalStateException("Table has no natural key to merge on: " + def.qualifiedName());
    }
    StringBuilder on = new StringBuilder(targetPredicate == null ? "" : "(" + targetPredicate + ")");
    for (String key : def.naturalKey()) {
      if (on.length() > 0) {
        on.append(" AND ");
      }
      on.append("t.`").append(key).append("` <=> s.`").append(key).append('`');
    }
    Dataset<Row> conformed = conform(def, rows);
    retrying(() -> DeltaTable.forPath(spark, location(def))
        .as("t")
        .merge(conformed.as("s"), on.toString())
        .whenMatched("NOT (t.`" + changeColumn + "` <=> s.`" + changeColumn + "`)")
        .updateAll()
        .whenNotMatched()
        .insertAll()
        .execute());
  }

  /** Selects the declared columns in order, casting each to its declared type. */
  public Dataset<Row> conform(TableDef def, Dataset<Row> rows) {
    List<org.apache.spark.sql.Column> select = new ArrayList<>();
    Set<String> present = Set.of(rows.columns());
    for (Column column : def.columns()) {
      if (!present.contains(column.name())) {
        throw new IllegalStateException(
            "Rows for " + def.qualifiedName() + " lack column " + column.name() + " (have " + present + ")");
      }
      select.add(functions.col(column.name()).cast(column.type()).as(column.name()));
    }
    return rows.select(select.toArray(org.apache.spark.sql.Column[]::new));
  }

  public long count(TableDef def) {
    return exists(def) ? read(def).count() : 0;
  }

  public Optional<TableDef> find(String qualifiedName) {
    return Optional.ofNullable(tables.get(qualifiedName));
  }
}
