package org.liangshan.market;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.Region;
import org.liangshan.pipelines.source.SourceFamilies;
import org.liangshan.warehouse.LakehouseConfig;
import org.liangshan.warehouse.Layer;
import org.liangshan.warehouse.OpsTables;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.SharedSpark;
import org.liangshan.warehouse.TableCatalog;
import org.liangshan.warehouse.TableDef;

/**
 * A lakehouse of its own on the shared test session, with the silver tables the pipelines declare, the gold
 * tables of the market, those a downstream module adds (finance-models' tests use this fixture through
 * the test jar) and the run log; tiny fixtures are written into it row by row.
 *
 * <p>Creating a Delta table and adding each of its CHECK constraints is a commit, and every job test
 * declares the same few dozen tables. So the gold tables of a declaration and the silver tables the jobs
 * read are created once per JVM, empty, in a template lakehouse (surefire runs a module's test classes in one
 * JVM), and each new {@code Lakehouse} is a copy of that directory. A table read or written through the
 * catalog is created on first use anyway, so finding it already there changes nothing; the tables whose mere
 * existence a job or a report checks ({@link #CREATED_ON_FIRST_USE}) are left out of the template and still
 * appear only when first used. A test that writes to the outputs of a run it shares with other classes works
 * on a {@link #copy()}.
 */
public final class Lakehouse {
  /**
   * The tables some job, book or report tests for existence ({@code catalog.exists}, {@code
   * JobSupport.goldIfExists}) and treats differently when absent (a note, a lineage input, an empty answer):
   * not in the template, so that each test meets them absent until it writes them, as it always did.
   */
  static final Set<String> CREATED_ON_FIRST_USE = Set.of(
      "ops.run_log", "silver.credit_events", "silver.enterprises", "silver.loans", "gold.auction_awards",
      "gold.enterprise_occupation", "gold.enterprise_emissions", "gold.zone_capacity", "gold.benchmark_prices",
      "gold.holdings", "gold.holdings_movements", "gold.compensation_ledger", "gold.ledger_review_events",
      "gold.collateral_valuation", "gold.collateral_stress", "gold.collateral_haircuts", "gold.gep_by_district",
      "gold.grid_cells");

  /**
   * The silver tables the jobs of the market and of finance-models read (by name, in their code): the template
   * holds these of the thirty silver tables only, the rest no test here uses. A table missing from this list
   * is created on first use, as before: slower, never wrong.
   */
  static final Set<String> SILVER_READ_BY_JOBS = Set.of(
      "auctions", "bids", "hydrology", "water_quality", "protection_costs", "enterprise_activity", "rights_issued",
      "neutral_events", "carbon_inclusion", "points_redemptions", "trades", "pledges", "repayments", "banks",
      "borrowers", "green_projects", "bank_qualitative");

  /** Per list of table declarations, the lakehouse holding those of them created ahead, once per JVM. */
  private static final Map<List<TableDef>, LakehouseConfig> TEMPLATES = new HashMap<>();

  public final SparkSession spark = SharedSpark.session();
  public final TableCatalog catalog;

  public Lakehouse() {
    this(List.of());
  }

  /** With the market's tables and {@code moreTables} (a downstream module's gold tables). */
  public Lakehouse(List<TableDef> moreTables) {
    List<TableDef> defs = new ArrayList<>(SourceFamilies.silverTables());
    defs.addAll(MarketTables.ALL);
    defs.addAll(MarketBoardTables.ALL);
    defs.addAll(InclusionTables.ALL);
    defs.addAll(moreTables);
    defs.add(OpsTables.RUN_LOG);
    catalog = new TableCatalog(spark, SharedSpark.copyOf(template(spark, List.copyOf(defs))), defs);
  }

  private Lakehouse(TableCatalog catalog) {
    this.catalog = catalog;
  }

  /** A new lakehouse holding a copy of every table of this one, as they are now. */
  public Lakehouse copy() {
    return new Lakehouse(new TableCatalog(spark, SharedSpark.copyOf(catalog.config()), catalog.tables()));
  }

  private static synchronized LakehouseConfig template(SparkSession spark, List<TableDef> defs) {
    return TEMPLATES.computeIfAbsent(defs, d -> {
      LakehouseConfig config = SharedSpark.freshLakehouse();
      TableCatalog created = new TableCatalog(spark, config, d);
      d.stream().filter(Lakehouse::inTemplate).forEach(created::ensure);
      return config;
    });
  }

  private static boolean inTemplate(TableDef def) {
    if (CREATED_ON_FIRST_USE.contains(def.qualifiedName())) {
      return false;
    }
    return def.layer() != Layer.SILVER || SILVER_READ_BY_JOBS.contains(def.name());
  }

  /** A row as column → value; values are converted to the column's type (dates and times from text). */
  public static Map<String, Object> row(Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  /** Appends rows to a silver table of a region, filling the lineage columns. */
  public void silver(String table, String region, List<Map<String, Object>> rows) {
    write(SourceFamilies.silver(table), region, rows);
  }

  public void write(TableDef def, String region, List<Map<String, Object>> rows) {
    List<Row> list = new ArrayList<>();
    int line = 2;
    for (Map<String, Object> values : rows) {
      Object[] row = new Object[def.columns().size()];
      for (int i = 0; i < row.length; i++) {
        StructField field = def.schema().fields()[i];
        Object value = switch (field.name()) {
          case "region" -> region;
          case "source_file" -> values.getOrDefault("source_file", "test/" + def.name() + ".csv");
          case "source_line" -> (long) line;
          case "record_hash" -> "hash-" + line;
          case "ingest_run_id", "run_id" -> "fixture";
          case "parameter_set" -> "fixture";
          default -> values.get(field.name());
        };
        row[i] = convert(value, field.dataType());
      }
      line++;
      list.add(RowFactory.create(row));
    }
    catalog.append(def, spark.createDataFrame(list, def.schema()));
  }

  private static Object convert(Object value, DataType type) {
    if (value == null) {
      return null;
    }
    if (type.equals(DataTypes.DateType) && value instanceof String s) {
      return Date.valueOf(s);
    }
    if (type.equals(DataTypes.TimestampType) && value instanceof String s) {
      return Timestamp.from(Instant.parse(s));
    }
    if (type.equals(DataTypes.DoubleType) && value instanceof Number n) {
      return n.doubleValue();
    }
    if (type instanceof DecimalType && !(value instanceof BigDecimal)) {
      return new BigDecimal(value.toString());
    }
    return value;
  }

  public Run run(String job, Region region, String period, ParameterSet params) {
    return Run.start(catalog, "liangshan test", job, region.id(), period, params.version());
  }

  public List<Row> gold(TableDef def, String orderBy, String... more) {
    return catalog.read(def).orderBy(orderBy, more).collectAsList();
  }

  /** Every row as column → value without run_id, sorted, for comparing two runs. */
  public List<Map<String, Object>> withoutRunId(TableDef def) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (Row r : catalog.read(def).collectAsList()) {
      Map<String, Object> map = new TreeMap<>();
      for (String column : r.schema().fieldNames()) {
        if (!column.equals("run_id")) {
          map.put(column, r.get(r.fieldIndex(column)));
        }
      }
      result.add(map);
    }
    result.sort((a, b) -> a.toString().compareTo(b.toString()));
    return result;
  }

  @SafeVarargs
  public static List<Map<String, Object>> rows(Map<String, Object>... rows) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      list.add(row);
    }
    return list;
  }
}
