package org.liangshan.warehouse;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.money.Money;
import org.liangshan.core.region.Region;

/** What the thin jobs share: reading inputs through the run, building rows, replacing a gold slice. */
public final class JobSupport {
  private JobSupport() {}

  /** A silver table of the region, read at a pinned version. The pipelines module declares it. */
  public static Dataset<Row> silver(Run run, String name, Region region) {
    String qualified = "silver." + name;
    TableDef def = run.catalog().find(qualified).orElseThrow(() -> LiangshanException.failure(
        "Table %s is not declared in the catalog: the pipelines module, which declares the silver tables, is not on"
            + " the classpath. Run the job through the liangshan CLI.", qualified));
    return run.input(def).where(functions.col("region").equalTo(region.id()));
  }

  /** A gold table read at a pinned version, or empty when it does not exist yet. */
  public static Optional<Dataset<Row>> goldIfExists(Run run, TableDef def) {
    TableDef declared = run.catalog().find(def.qualifiedName()).orElse(def);
    if (!run.catalog().exists(declared)) {
      return Optional.empty();
    }
    return Optional.of(run.input(declared));
  }

  /** Rows for a gold table: every declared column but the audit columns, which {@link Run#stamp} adds. */
  public static Dataset<Row> frame(Run run, TableDef def, List<Object[]> rows) {
    return stamped(run, def, rows.stream().map(RowFactory::create).toList());
  }

  private static Dataset<Row> stamped(Run run, TableDef def, List<Row> rows) {
    List<StructField> fields = new ArrayList<>();
    for (StructField field : def.schema().fields()) {
      if (!field.name().equals("run_id") && !field.name().equals("parameter_set")) {
        fields.add(field);
      }
    }
    StructType schema = new StructType(fields.toArray(StructField[]::new));
    return run.stamp(run.catalog().spark().createDataFrame(rows, schema));
  }

  /** Rows for a gold table from records ({@link RecordRows}); the audit columns are added by {@link Run#stamp}. */
  public static <R extends Record> Dataset<Row> frame(Run run, RecordRows<R> mapper, List<R> records) {
    return stamped(run, mapper.def(), mapper.rows(records));
  }

  /** Replaces the slice the predicate names with the records' rows, atomically, and records the version written. */
  public static <R extends Record> void replace(Run run, RecordRows<R> mapper, List<R> records, String predicate) {
    TableDef def = mapper.def();
    run.catalog().replace(def, frame(run, mapper, records), predicate);
    run.wrote(def);
    run.count(def.name() + "_rows", records.size());
  }

  /** Replaces the slice the predicate names with the rows, atomically, and records the version written. */
  public static void replace(Run run, TableDef def, List<Object[]> rows, String predicate) {
    run.catalog().replace(def, frame(run, def, rows), predicate);
    run.wrote(def);
    run.count(def.name() + "_rows", rows.size());
  }

  public static String regionYear(Region region, int year) {
    return "region = " + SparkSql.literal(region.id()) + " AND year = " + year;
  }



  public static String string(Row row, String column) {
    Object value = row.get(row.fieldIndex(column));
    return value == null ? null : value.toString();
  }

  public static Double number(Row row, String column) {
    Object value = row.get(row.fieldIndex(column));
    return value == null ? null : ((Number) value).doubleValue();
  }

  public static BigDecimal decimal(Row row, String column) {
    Object value = row.get(row.fieldIndex(column));
    if (value == null) {
      return null;
    }
    return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
  }

  public static Boolean bool(Row row, String column) {
    Object value = row.get(row.fieldIndex(column));
    return value == null ? null : (Boolean) value;
  }

  public static LocalDate date(Row row, String column) {
    Object value = row.get(row.fieldIndex(column));
    if (value == null) {
      return null;
    }
    return value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
  }

  public static Instant instant(Row row, String column) {
    Object value = row.get(row.fieldIndex(column));
    if (value == null) {
      return null;
    }
    return value instanceof Instant i ? i : ((Timestamp) value).toInstant();
  }

  /**
   * An optional date column (valid_until, matures_on): empty when null. Ingestion types these as dates; a
   * lakehouse loaded before that holds them as yyyy-MM-dd text, read here too. A text that is not a date is
   * an error, never "no date" (which would read as "never matures" or "never expires").
   */
  public static Optional<LocalDate> textDate(Row row, String column) {
    Object value = row.get(row.fieldIndex(column));
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof LocalDate d) {
      return Optional.of(d);
    }
    if (value instanceof Date d) {
      return Optional.of(d.toLocalDate());
    }
    String text = value.toString();
    if (text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.strip()));
    } catch (java.time.format.DateTimeParseException e) {
      throw LiangshanException.failure(e, "%s '%s' is not a date (yyyy-MM-dd): re-ingest the file it came from, which now"
          + " quarantines such a value", column, text);
    }
  }

  public static Date sqlDate(LocalDate date) {
    return Date.valueOf(date);
  }

  /** Money at the storage scale, HALF_EVEN ({@link Money#stored}); null stays null (a Spark null). */
  public static BigDecimal money(BigDecimal value) {
    return value == null ? null : Money.stored(value);
  }
}
