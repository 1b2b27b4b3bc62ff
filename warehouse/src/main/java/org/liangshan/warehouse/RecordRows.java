package org.liangshan.warehouse;

import static java.util.Objects.requireNonNull;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * Gold rows built from a record per table instead of positional {@code Object[]} arrays: each record
 * component is matched to the table's column of the same name (camelCase ↔ snake_case, {@code
 * ecoFinanceOutstandingYuan} ↔ {@code eco_finance_outstanding_yuan}), so a column cannot shift silently.
 *
 * <p>{@link #of} checks the record against the {@link TableDef} once, when the mapper is made (keep it in a
 * {@code static final} field and the check runs when the job class loads): every column but the audit
 * columns ({@code run_id}, {@code parameter_set}, which {@link Run#stamp} adds) has a component of that name
 * and a compatible type, no component is left over, and a NOT NULL column is not an {@link Optional}.
 * A component named otherwise says its column with {@link ColumnName}. {@link LocalDate} becomes a SQL date, {@link Instant} a timestamp, an empty {@link Optional} a null.
 */
public final class RecordRows<R extends Record> {
  private static final Set<String> AUDIT = Set.of("run_id", "parameter_set");

  /** The column of a component whose name does not follow from camelCase ({@code avg_price_20d}). */
  @Target(ElementType.RECORD_COMPONENT)
  @Retention(RetentionPolicy.RUNTIME)
  public @interface ColumnName {
    String value();
  }

  private final TableDef def;
  private final Class<R> type;
  private final List<Method> accessors;

  private RecordRows(TableDef def, Class<R> type, List<Method> accessors) {
    this.def = def;
    this.type = type;
    this.accessors = accessors;
  }

  /** The mapper of a record type onto a table, checked now; throws naming every mismatch. */
  public static <R extends Record> RecordRows<R> of(TableDef def, Class<R> type) {
    requireNonNull(def, "def is null");
    requireNonNull(type, "type is null");
    Map<String, RecordComponent> byColumn = new java.util.LinkedHashMap<>();
    for (RecordComponent component : type.getRecordComponents()) {
      ColumnName named = component.getAnnotation(ColumnName.class);
      byColumn.put(named == null ? snakeCase(component.getName()) : named.value(), component);
    }
    List<String> problems = new ArrayList<>();
    List<RecordComponent> ordered = new ArrayList<>();
    for (Column column : def.columns()) {
      if (AUDIT.contains(column.name())) {
        continue;
      }
      RecordComponent component = byColumn.remove(column.name());
      if (component == null) {
        problems.add("no component for column " + column.name());
        continue;
      }
      Type generic = component.getGenericType();
      boolean optional = component.getType() == Optional.class;
      Class<?> valueType = optional ? optionalOf(generic) : component.getType();
      if (optional && !column.nullable()) {
        problems.add(column.name() + " is NOT NULL but " + component.getName() + " is an Optional");
      }
      if (valueType == null || !compatible(column.type(), valueType)) {
        problems.add(column.name() + " is " + column.type().simpleString() + " but " + component.getName() + " is "
            + generic.getTypeName());
      }
      ordered.add(component);
    }
    for (String left : byColumn.keySet()) {
      problems.add("component " + byColumn.get(left).getName() + " has no column " + left);
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Record " + type.getSimpleName() + " does not match table " + def.qualifiedName() + ": "
          + String.join("; ", problems));
    }
    List<Method> accessors = new ArrayList<>();
    for (RecordComponent component : ordered) {
      Method accessor = component.getAccessor();
      // the row records are package-private beside their jobs: their public accessors need opening to be called here
      accessor.setAccessible(true);
      accessors.add(accessor);
    }
    return new RecordRows<>(def, type, List.copyOf(accessors));
  }

  public TableDef def() {
    return def;
  }

  /** The Spark row of a record, in the table's column order (audit columns left out). */
  public Row row(R record) {
    requireNonNull(record, "record is null");
    Object[] values = new Object[accessors.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = sparkValue(read(accessors.get(i), record));
    }
    return RowFactory.create(values);
  }

  public List<Row> rows(List<R> records) {
    return records.stream().map(this::row).toList();
  }

  private Object read(Method accessor, R record) {
    try {
      return accessor.invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot read " + type.getSimpleName() + "." + accessor.getName(), e);
    }
  }

  private static Object sparkValue(Object value) {
    Object v = value instanceof Optional<?> o ? o.orElse(null) : value;
    if (v instanceof LocalDate d) {
      return Date.valueOf(d);
    }
    if (v instanceof Instant t) {
      return Timestamp.from(t);
    }
    return v;
  }

  private static Class<?> optionalOf(Type generic) {
    if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
      return c;
    }
    return null;
  }

  private static boolean compatible(DataType column, Class<?> value) {
    if (column instanceof DecimalType) {
      return value == BigDecimal.class;
    }
    if (column.equals(DataTypes.StringType)) {
      return value == String.class;
    }
    if (column.equals(DataTypes.IntegerType)) {
      return value == int.class || value == Integer.class;
    }
    if (column.equals(DataTypes.LongType)) {
      return value == long.class || value == Long.class;
    }
    if (column.equals(DataTypes.DoubleType)) {
      return value == double.class || value == Double.class;
    }
    if (column.equals(DataTypes.BooleanType)) {
      return value == boolean.class || value == Boolean.class;
    }
    if (column.equals(DataTypes.DateType)) {
      return value == LocalDate.class || value == Date.class;
    }
    if (column.equals(DataTypes.TimestampType)) {
      return value == Instant.class || value == Timestamp.class;
    }
    return false;
  }

  /** {@code ecoFinanceOutstandingYuan} → {@code eco_finance_outstanding_yuan}; {@code co2T} → {@code co2_t}. */
  static String snakeCase(String camel) {
    StringBuilder s = new StringBuilder(camel.length() + 8);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        s.append('_').append(Character.toLowerCase(c));
      } else {
        s.append(c);
      }
    }
    return s.toString();
  }
}
