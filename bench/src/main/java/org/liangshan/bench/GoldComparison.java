package org.liangshan.bench;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.map_entries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampType;
import org.liangshan.core.LiangshanException;
import org.liangshan.warehouse.OpsTables;
import org.liangshan.warehouse.TableCatalog;

/**
 * Compares what two runs of a job wrote (e.g. the same accounting locally and on a cluster): for every table
 * the run log says the run wrote, the rows of the region's (and year's) slice at the Delta version it wrote,
 * without the run id and the timestamps, as multisets of rows.
 */
public final class GoldComparison {
  private GoldComparison() {}

  /** One table's comparison: row counts on each side and rows found on one side only. */
  public record TableDiff(String table, long leftRows, long rightRows, long onlyLeft, long onlyRight) {
    public boolean equal() {
      return leftRows == rightRows && onlyLeft == 0 && onlyRight == 0;
    }

    @Override
    public String toString() {
      return String.format("%s: %,d vs %,d rows, %,d only on the left, %,d only on the right", table, leftRows, rightRows,
          onlyLeft, onlyRight);
    }
  }

  /** The tables (and the Delta versions) the latest successful run of a job wrote for a region and period. */
  public static Map<String, Long> outputs(TableCatalog catalog, String job, String region, String period) {
    return outputs(catalog, col("job").equalTo(job).and(col("region").equalTo(region)).and(col("period").equalTo(period))
        .and(col("status").equalTo("SUCCEEDED")), job + " run for " + region + " " + period);
  }

  /** The tables (and the Delta versions) a run wrote. */
  public static Map<String, Long> outputsOfRun(TableCatalog catalog, String runId) {
    return outputs(catalog, col("run_id").equalTo(runId).and(col("status").equalTo("SUCCEEDED")), "run " + runId);
  }

  private static Map<String, Long> outputs(TableCatalog catalog, org.apache.spark.sql.Column filter, String what) {
    List<Row> rows = catalog.read(OpsTables.RUN_LOG).where(filter)
        .orderBy(col("finished_at").desc()).limit(1).select("outputs").collectAsList();
    if (rows.isEmpty()) {
      throw LiangshanException.failure("no successful %s in %s", what, catalog.config().root());
    }
    Map<String, Long> outputs = new LinkedHashMap<>();
    rows.get(0).<String, Long>getJavaMap(0).forEach(outputs::put);
    return outputs;
  }

  /** Compares every table of {@code leftOutputs} (which must equal the right's tables) between both sides. */
  public static List<TableDiff> compare(TableCatalog left, Map<String, Long> leftOutputs, TableCatalog right,
      Map<String, Long> rightOutputs, String region, int year) {
    requireNonNull(region, "region is null");
    if (!leftOutputs.keySet().equals(rightOutputs.keySet())) {
      throw LiangshanException.failure("the runs wrote different tables: %s vs %s", leftOutputs.keySet(), rightOutputs.keySet());
    }
    List<TableDiff> diffs = new ArrayList<>();
    for (Map.Entry<String, Long> output : leftOutputs.entrySet()) {
      String table = output.getKey();
      // The slices are small (a region-year: tens of thousands of rows at most): compare them on the driver,
      // two reads per table instead of four distributed set operations.
      Dataset<Row> leftSlice = slice(left, table, output.getValue(), region, year);
      Map<Row, Long> a = counts(leftSlice);
      Map<Row, Long> b = counts(slice(right, table, rightOutputs.get(table), region, year).select(columns(leftSlice)));
      diffs.add(new TableDiff(table, total(a), total(b), onlyIn(a, b), onlyIn(b, a)));
    }
    return diffs;
  }


  private static org.apache.spark.sql.Column[] columns(Dataset<Row> rows) {
    return Arrays.stream(rows.columns()).map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new);
  }

  private static Map<Row, Long> counts(Dataset<Row> rows) {
    Map<Row, Long> counts = new HashMap<>();
    for (Row row : rows.collectAsList()) {
      counts.merge(row, 1L, Long::sum);
    }
    return counts;
  }

  private static long total(Map<Row, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Rows of {@code a} beyond their count in {@code b}. */
  private static long onlyIn(Map<Row, Long> a, Map<Row, Long> b) {
    long only = 0;
    for (Map.Entry<Row, Long> e : a.entrySet()) {
      only += Math.max(0, e.getValue() - b.getOrDefault(e.getKey(), 0L));
    }
    return only;
  }

  /** A table's rows of the region (and year, when it has one) at a version, without run id and timestamps. */
  public static Dataset<Row> slice(TableCatalog catalog, String table, long version, String region, int year) {
    Dataset<Row> rows = catalog.readVersion(catalog.table(table), version);
    List<String> columns = Arrays.asList(rows.columns());
    if (columns.contains("region")) {
      rows = rows.where(col("region").equalTo(region));
    }
    if (columns.contains("year")) {
      rows = rows.where(col("year").equalTo(year));
    }
    List<String> dropped = new ArrayList<>();
    for (StructField field : rows.schema().fields()) {
      // The run id and the provenance (the Delta version of each input read) differ between any two lakehouses by
      // design: a lakehouse holding one region has other versions than one holding two. Every other column must match.
      if (field.name().equals("run_id") || field.name().equals("provenance") || field.dataType() instanceof TimestampType) {
        dropped.add(field.name());
      }
    }
    rows = rows.drop(dropped.toArray(String[]::new));
    for (StructField field : rows.schema().fields()) {
      if (field.dataType() instanceof MapType) {
        // Set operations refuse maps: compare their entries, sorted.
        rows = rows.withColumn(field.name(), array_sort(map_entries(col(field.name()))));
      }
    }
    return rows;
  }
}
