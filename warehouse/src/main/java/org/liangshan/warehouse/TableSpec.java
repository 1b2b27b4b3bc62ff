package org.liangshan.warehouse;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.liangshan.core.LiangshanException;

/**
 * A module's tables as declared in a {@code spec/tables/*.yaml} file: what a reviewer reads, checked when it is
 * loaded. Each record validates itself in its compact constructor; the audit columns a table names
 * ({@code audit: gold}) come from {@code spec/tables/audit-columns.yaml}, declared once. A bad spec fails at
 * load naming the file, the table and the column, never later in a job.
 */
public final class TableSpec {
  /** The audit-column groups every spec may name, on the classpath (warehouse). */
  public static final String AUDIT_RESOURCE = "spec/tables/audit-columns.yaml";

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern DECIMAL = Pattern.compile("decimal\\((\\d+),\\s*(\\d+)\\)");
  private static final Pattern MAP = Pattern.compile("map<(\\w+),\\s*(\\w+)>");
  private static final Map<String, DataType> SCALARS = scalars();

  private static final ObjectMapper YAML = YAMLMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .build();

  private static volatile Map<String, List<ColumnSpec>> auditGroups;

  private final String file;
  private final String module;
  private final List<Table> tables;
  private final Map<String, TableDef> definitions;

  private TableSpec(String file, String module, List<Table> tables, Map<String, List<ColumnSpec>> audit) {
    this.file = requireNonNull(file, "file is null");
    if (module == null || module.isBlank()) {
      throw new IllegalArgumentException("module is missing (the Maven module that declares the tables)");
    }
    this.module = module;
    this.tables = List.copyOf(tables);
    Map<String, TableDef> byName = new LinkedHashMap<>();
    for (Table table : this.tables) {
      String where = "table '" + table.name() + "': ";
      List<ColumnSpec> columns = new ArrayList<>(table.columns());
      if (table.audit() != null) {
        List<ColumnSpec> group = audit.get(table.audit());
        if (group == null) {
          throw new IllegalArgumentException(
              where + "unknown audit group '" + table.audit() + "'; expected one of " + String.join(", ", audit.keySet()));
        }
        columns.addAll(group);
      }
      Set<String> names = new HashSet<>();
      for (ColumnSpec column : columns) {
        if (!names.add(column.name())) {
          throw new IllegalArgumentException(where + "column '" + column.name() + "' is declared twice");
        }
      }
      TableDef def;
      try {
        def = new TableDef(
            table.layer(),
            table.name(),
            table.comment(),
            columns.stream().map(ColumnSpec::toColumn).toList(),
            table.partitionBy(),
            table.checks(),
            table.naturalKey());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + e.getMessage(), e);
      }
      if (byName.put(table.name(), def) != null) {
        throw new IllegalArgumentException(where + "declared twice");
      }
    }
    this.definitions = Collections.unmodifiableMap(byName);
  }

  /** The resource the spec was read from, e.g. {@code spec/tables/geo.yaml}. */
  public String file() {
    return file;
  }

  /** The Maven module that declares the tables, as the file says. */
  public String module() {
    return module;
  }

  /** The tables as written in the file, with their units. */
  public List<Table> declarations() {
    return tables;
  }

  /** Every table of the file, in the file's order. */
  public List<TableDef> tables() {
    return List.copyOf(definitions.values());
  }

  /** The table named {@code name} in this file. */
  public TableDef table(String name) {
    TableDef def = definitions.get(name);
    if (def == null) {
      throw LiangshanException.failure("%s declares no table '%s'; it declares %s", file, name, String.join(", ", definitions.keySet()));
    }
    return def;
  }

  /** The unit the spec gives a column of a table, if any (audit columns have none). */
  public Optional<String> unit(String table, String column) {
    return tables.stream()
        .filter(t -> t.name().equals(table))
        .flatMap(t -> t.columns().stream())
        .filter(c -> c.name().equals(column))
        .findFirst()
        .map(ColumnSpec::unit);
  }

  /** The columns of an audit group ({@code gold}: run_id, parameter_set), in order. */
  public static List<Column> auditColumns(String group) {
    List<ColumnSpec> columns = auditGroups().get(group);
    if (columns == null) {
      throw new IllegalArgumentException("Unknown audit group (" + AUDIT_RESOURCE + "): " + group);
    }
    return columns.stream().map(ColumnSpec::toColumn).toList();
  }

  /** A table: layer, name, comment, columns (then its audit group's), partitioning, checks and natural key. */
  public record Table(
      Layer layer,
      String name,
      String comment,
      List<ColumnSpec> columns,
      String audit,
      List<String> partitionBy,
      Map<String, String> checks,
      List<String> naturalKey) {

    public Table {
      requireNonNull(layer, "layer is missing");
      requireIdentifier(name, "name");
      if (comment == null || comment.isBlank()) {
        throw new IllegalArgumentException("comment is missing");
      }
      columns = List.copyOf(requireNonNull(columns, "columns are missing"));
      partitionBy = partitionBy == null ? List.of() : List.copyOf(partitionBy);
      checks = checks == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(checks));
      naturalKey = naturalKey == null ? List.of() : List.copyOf(naturalKey);
      for (Map.Entry<String, String> check : checks.entrySet()) {
        requireIdentifier(check.getKey(), "check name");
        if (check.getValue() == null || check.getValue().isBlank()) {
          throw new IllegalArgumentException("check '" + check.getKey() + "' has no expression");
        }
      }
    }
  }

  /**
   * A column: name (unit in the name), type, NOT NULL unless {@code nullable}, unit (documentation only;
   * {@code money} is yuan unless said otherwise) and description (the column's comment).
   */
  public record ColumnSpec(String name, String type, boolean nullable, String unit, String description) {
    public ColumnSpec {
      requireIdentifier(name, "column name");
      String where = "column '" + name + "': ";
      if (type == null) {
        throw new IllegalArgumentException(where + "type is missing");
      }
      dataType(where, type);
      if (description == null || description.isBlank()) {
        throw new IllegalArgumentException(where + "description is missing");
      }
      if (unit == null && type.equals("money")) {
        unit = "yuan";
      }
    }

    public Column toColumn() {
      return new Column(name, dataType("column '" + name + "': ", type), nullable, description);
    }
  }

  /**
   * The Spark type of a spec type: string, int, bigint, double, boolean, date, timestamp, decimal(p,s),
   * money (DECIMAL(38, 6), {@link Column#MONEY}) or map&lt;k,v&gt; of those.
   */
  static DataType dataType(String where, String type) {
    String lower = type.strip().toLowerCase(Locale.ROOT);
    if (lower.equals("money")) {
      return Column.MONEY;
    }
    DataType scalar = SCALARS.get(lower);
    if (scalar != null) {
      return scalar;
    }
    Matcher decimal = DECIMAL.matcher(lower);
    if (decimal.matches()) {
      int precision = Integer.parseInt(decimal.group(1));
      int scale = Integer.parseInt(decimal.group(2));
      if (precision < 1 || precision > 38 || scale > precision) {
        throw new IllegalArgumentException(where + "invalid decimal '" + type + "' (precision 1..38, scale <= precision)");
      }
      return DataTypes.createDecimalType(precision, scale);
    }
    Matcher map = MAP.matcher(lower);
    if (map.matches() && SCALARS.containsKey(map.group(1)) && SCALARS.containsKey(map.group(2))) {
      return DataTypes.createMapType(SCALARS.get(map.group(1)), SCALARS.get(map.group(2)));
    }
    throw new IllegalArgumentException(
        where + "unknown type '" + type + "'; expected " + String.join(", ", SCALARS.keySet())
            + ", money, decimal(p,s) or map<k,v>");
  }

  private static Map<String, DataType> scalars() {
    Map<String, DataType> scalars = new LinkedHashMap<>();
    scalars.put("string", DataTypes.StringType);
    scalars.put("int", DataTypes.IntegerType);
    scalars.put("bigint", DataTypes.LongType);
    scalars.put("double", DataTypes.DoubleType);
    scalars.put("boolean", DataTypes.BooleanType);
    scalars.put("date", DataTypes.DateType);
    scalars.put("timestamp", DataTypes.TimestampType);
    return Collections.unmodifiableMap(scalars);
  }

  private static void requireIdentifier(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is missing");
    }
    if (!IDENTIFIER.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " '" + value + "' is not lower_snake_case");
    }
  }

  /** Loads a spec on the classpath, e.g. {@code spec/tables/geo.yaml}. */
  public static TableSpec load(String resource) {
    return parse(resource, read(resource));
  }

  /**
   * Parses a spec; {@code file} names it in error messages.
   *
   * @throws LiangshanException naming the file, table and column at fault
   */
  public static TableSpec parse(String file, String yaml) {
    JsonNode root = tree(file, yaml);
    List<Table> tables = new ArrayList<>();
    for (JsonNode node : root.path("tables")) {
      tables.add(bind(file, "table '" + node.path("name").asText("?") + "'", node, Table.class));
    }
    try {
      return new TableSpec(file, root.path("module").asText(null), tables, auditGroups());
    } catch (IllegalArgumentException e) {
      throw LiangshanException.failure(e, "%s: %s", file, e.getMessage());
    }
  }

  private static Map<String, List<ColumnSpec>> auditGroups() {
    Map<String, List<ColumnSpec>> groups = auditGroups;
    if (groups == null) {
      groups = parseAuditGroups(AUDIT_RESOURCE, read(AUDIT_RESOURCE));
      auditGroups = groups;
    }
    return groups;
  }

  static Map<String, List<ColumnSpec>> parseAuditGroups(String file, String yaml) {
    Map<String, List<ColumnSpec>> groups = new LinkedHashMap<>();
    JsonNode root = tree(file, yaml).path("groups");
    root.fieldNames().forEachRemaining(group -> {
      List<ColumnSpec> columns = new ArrayList<>();
      for (JsonNode node : root.path(group)) {
        columns.add(bind(file, "audit group '" + group + "'", node, ColumnSpec.class));
      }
      groups.put(group, List.copyOf(columns));
    });
    return Collections.unmodifiableMap(groups);
  }

  private static String read(String resource) {
    try (InputStream in = TableSpec.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw LiangshanException.failure("%s is not on the classpath", resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw LiangshanException.failure(e, "%s cannot be read: %s", resource, e.getMessage());
    }
  }

  private static JsonNode tree(String file, String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw LiangshanException.failure(e, "%s is not valid YAML: %s", file, e.getMessage());
    }
  }

  private static <T> T bind(String file, String what, JsonNode node, Class<T> type) {
    try {
      return YAML.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw LiangshanException.failure(e, "%s: %s: %s", file, what, reason(e));
    }
  }

  /** The message of the constructor that refused a value, or Jackson's own without its location. */
  private static String reason(Exception e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
        return cause.getMessage();
      }
    }
    return e instanceof JsonMappingException mapping ? mapping.getOriginalMessage() : e.getMessage();
  }
}
