package org.liangshan.warehouse.serving;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liangshan.core.LiangshanException;
import org.liangshan.warehouse.TableDef;

/**
 * Makes a Trino see the lakehouse: creates the schemas, registers every existing silver and gold Delta table by
 * its location ({@code delta.system.register_table}; a table already registered is left as it is, one whose
 * directory is gone is unregistered), and (re)creates the marts, the views of {@code serving/marts/*.sql}.
 * Runs as the service user. Queries take their values as JDBC parameters. Trino's {@code CALL} accepts no
 * parameters, so the procedure arguments are string literals built only from schema and table names of the
 * table catalog (checked against {@link #IDENTIFIER}) and the table root (checked against {@link #TABLE_ROOT});
 * nothing a user types reaches SQL.
 */
public final class Registration {
  public static final String MARTS_SCHEMA = "marts";
  static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,127}");
  static final Pattern TABLE_ROOT = Pattern.compile("[a-z][a-z0-9+.-]*://[A-Za-z0-9._~/@:%+-]*");
  private static final Pattern REQUIRES = Pattern.compile("^--\\s*requires:\\s*(.+)$", Pattern.MULTILINE);

  private final Connection connection;
  private final String tableRoot;
  private final PrintStream progress;

  /**
   * @param connection a connection as the service user
   * @param tableRoot the lakehouse root as Trino sees it: {@code local://} for the local server (its file system
   *     is rooted at the lakehouse), or e.g. {@code s3://bucket/lake} for a Trino on object storage
   */
  public Registration(Connection connection, String tableRoot, PrintStream progress) {
    this.connection = requireNonNull(connection, "connection is null");
    this.tableRoot = requireNonNull(tableRoot, "tableRoot is null").replaceAll("/+$", "");
    if (!TABLE_ROOT.matcher(tableRoot).matches()) {
      throw LiangshanException.badInput("Invalid table root '%s' (expected a URI such as local:// or s3://bucket/lake, "
          + "without quotes or spaces).", tableRoot);
    }
    this.progress = requireNonNull(progress, "progress is null");
  }

  /** What a registration did. */
  public record Report(List<String> registered, List<String> alreadyThere, List<String> unregistered,
      List<String> marts, List<String> martsSkipped) {}

  /** A mart: its name, its SELECT, and the tables it reads. */
  public record Mart(String name, String sql, List<String> requires) {}

  public Report register(List<TableDef> existing, boolean reregister) throws SQLException {
    Set<String> schemas = new TreeSet<>();
    existing.forEach(t -> schemas.add(identifier(t.layer().directory())));
    schemas.add(MARTS_SCHEMA);
    for (String schema : schemas) {
      execute("CREATE SCHEMA IF NOT EXISTS " + TrinoConfig.CATALOG + "." + schema);
    }
    Set<String> present = registeredTables();
    Set<String> wanted = new LinkedHashSet<>();
    existing.forEach(t -> wanted.add(t.qualifiedName()));
    List<String> registered = new ArrayList<>();
    List<String> already = new ArrayList<>();
    List<String> unregistered = new ArrayList<>();
    for (String name : present) {
      if (LakehouseTables.served(name) && (!wanted.contains(name) || reregister)) {
        String[] parts = name.split("\\.", 2);
        execute("CALL " + TrinoConfig.CATALOG + ".system.unregister_table(schema_name => " + literal(identifier(parts[0]))
            + ", table_name => " + literal(identifier(parts[1])) + ")");
        if (!wanted.contains(name)) {
          unregistered.add(name);
        }
      }
    }
    for (TableDef def : existing) {
      String schema = identifier(def.layer().directory());
      String table = identifier(def.name());
      if (present.contains(def.qualifiedName()) && !reregister) {
        already.add(def.qualifiedName());
        continue;
      }
      execute("CALL " + TrinoConfig.CATALOG + ".system.register_table(schema_name => " + literal(schema) + ", table_name => "
          + literal(table) + ", table_location => " + literal(tableRoot + "/" + schema + "/" + table) + ")");
      registered.add(def.qualifiedName());
    }
    progress.printf("  tables: %d registered, %d already registered, %d unregistered (gone from the lakehouse)%n",
        registered.size(), already.size(), unregistered.size());
    Set<String> available = new TreeSet<>(wanted);
    List<String> marts = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Mart mart : marts()) {
      List<String> missing = mart.requires().stream().filter(r -> !available.contains(r)).toList();
      if (!missing.isEmpty()) {
        skipped.add(mart.name() + " (missing " + String.join(", ", missing) + ")");
        continue;
      }
      execute("CREATE OR REPLACE VIEW " + TrinoConfig.CATALOG + "." + MARTS_SCHEMA + "." + identifier(mart.name())
          + " SECURITY DEFINER AS\n" + mart.sql());
      marts.add(MARTS_SCHEMA + "." + mart.name());
    }
    progress.printf("  marts: %d created%s%n", marts.size(), skipped.isEmpty() ? "" : ", skipped " + skipped);
    return new Report(registered, already, unregistered, marts, skipped);
  }

  /** The bank ids known to the lakehouse (silver.banks, and any bank of a valued loan). */
  public List<String> bankIds() throws SQLException {
    Set<String> present = registeredTables();
    List<String> sources = new ArrayList<>();
    if (present.contains("silver.banks")) {
      sources.add("SELECT bank_id FROM " + TrinoConfig.CATALOG + ".silver.banks");
    }
    if (present.contains("gold.collateral_valuation")) {
      sources.add("SELECT bank_id FROM " + TrinoConfig.CATALOG + ".gold.collateral_valuation");
    }
    if (sources.isEmpty()) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(String.join(" UNION ", sources) + " ORDER BY 1")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  /** {@code schema.table} of every table and view in the served schemas and the marts. */
  public Set<String> registeredTables() throws SQLException {
    Set<String> names = new TreeSet<>();
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT table_schema, table_name FROM " + TrinoConfig.CATALOG + ".information_schema.tables "
            + "WHERE table_schema IN (?, ?, ?, ?)")) {
      statement.setString(1, "silver");
      statement.setString(2, "gold");
      statement.setString(3, MARTS_SCHEMA);
      statement.setString(4, "ops");
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          names.add(rows.getString(1) + "." + rows.getString(2));
        }
      }
    }
    return names;
  }

  /** The marts shipped in {@code serving/marts/}, in the order of {@code serving/marts/index.txt}. */
  public static List<Mart> marts() {
    List<Mart> marts = new ArrayList<>();
    for (String line : resource("serving/marts/index.txt").split("\n")) {
      String name = line.strip();
      if (name.isEmpty() || name.startsWith("#")) {
        continue;
      }
      String sql = resource("serving/marts/" + identifier(name) + ".sql").strip();
      Matcher requires = REQUIRES.matcher(sql);
      List<String> tables = new ArrayList<>();
      if (requires.find()) {
        for (String table : requires.group(1).split(",")) {
          tables.add(table.strip());
        }
      }
      if (sql.endsWith(";")) {
        sql = sql.substring(0, sql.length() - 1);
      }
      marts.add(new Mart(name, sql, List.copyOf(tables)));
    }
    return marts;
  }

  static String resource(String path) {
    try (InputStream in = Registration.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Could not read resource " + path, e);
    }
  }

  static String identifier(String name) {
    if (!IDENTIFIER.matcher(name).matches()) {
      throw LiangshanException.badInput("Invalid identifier '%s' (expected lower-case letters, digits and '_').", name);
    }
    return name;
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** A SQL string literal of a value already checked against {@link #IDENTIFIER} or {@link #TABLE_ROOT}. */
  static String literal(String checked) {
    if (checked.indexOf('\'') >= 0 || checked.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("not a checked value: " + checked);
    }
    return "'" + checked + "'";
  }
}
