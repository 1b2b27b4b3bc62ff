package org.liangshan.pipelines.ingest;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.liangshan.pipelines.bronze.BronzeTables;
import org.liangshan.pipelines.source.SourceFamilies;
import org.liangshan.pipelines.source.SourceFamily;
import org.liangshan.warehouse.Layer;
import org.liangshan.warehouse.OpsTables;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.TableCatalog;
import org.liangshan.warehouse.TableDef;

/**
 * The data-quality report of a region, written by every ingestion that loaded something (and by the first
 * one after these tables appeared): completeness per station and month, deliveries on time, late or
 * missing, and quarantine rates per file and reason. Each table is replaced for the region in one Delta
 * commit, computed only from what the loads committed (bronze, silver, quarantine and the file ledger
 * after recovery), so a report is never partial: an ingestion killed before it leaves the previous report,
 * which the next ingestion replaces. docs/operations-lineage.md explains each table for its readers.
 */
public final class DataQuality {
  /**
   * A time-series family's cadence and delivery rule: the column naming the station (empty: from the file
   * name), the column carrying the time, observations per day, how a file name gives its station and
   * year, and the days after a year's end by which its file is due.
   */
  public record Rule(String family, String stationColumn, String timeColumn, int perDay, Pattern fileName, int dueDays) {
    public Rule {
      requireNonNull(family, "family is null");
      requireNonNull(stationColumn, "stationColumn is null");
      requireNonNull(timeColumn, "timeColumn is null");
      requireNonNull(fileName, "fileName is null");
    }

    /** Whether completeness per station and month is measured (false: only deliveries). */
    public boolean measuresCompleteness() {
      return perDay > 0;
    }
  }

  private static final Pattern STATION_YEAR = Pattern.compile("(?:.*/)?(?<station>[^/]+)_(?<year>\\d{4})\\.csv");
  private static final Pattern YEAR = Pattern.compile("(?:.*/)?(?<year>\\d{4})\\.csv");

  /** The families measured, with the cadence their declaration gives (spec/landing-families.yaml, data-quality). */
  public static final List<Rule> RULES = SourceFamilies.spec().families().stream()
      .filter(f -> f.dataQuality() != null)
      .map(f -> new Rule(f.name(), Objects.requireNonNullElse(f.dataQuality().stationColumn(), ""), f.dataQuality().timeColumn(),
          f.dataQuality().perDay(), f.dataQuality().perStation() ? STATION_YEAR : YEAR, f.dataQuality().dueDays()))
      .toList();

  /** Station or month that could not be read from a record (unparseable, missing). */
  public static final String UNKNOWN = "(unknown)";

  /** The station of a region-wide delivery (one file per period for every station). */
  public static final String ALL_STATIONS = "(all)";

  public static final TableDef COMPLETENESS =
      TableDef.builder(Layer.OPS, "dq_completeness", "Completeness per region, family, station and month: loaded observations against the cadence")
          .string("region", "region id")
          .string("family", "source family (time series only)")
          .string("station_id", "station, section or tower id; (unknown) when a record's could not be read")
          .string("month", "yyyy-MM; (unknown) when a record's time could not be read")
          .required("expected", DataTypes.LongType, "observations the cadence expects in the month (0 for (unknown))")
          .required("received", DataTypes.LongType, "records received for the station and month")
          .required("loaded", DataTypes.LongType, "records whose rows are in silver")
          .required("quarantined", DataTypes.LongType, "records rejected to ops.quarantine")
          .required("duplicates", DataTypes.LongType, "records whose natural key another record took")
          .optional("completeness", DataTypes.DoubleType, "min(loaded, expected) / expected; null when nothing is expected")
          .string("run_id", "ingestion run that computed the row")
          .required("computed_at", DataTypes.TimestampType, "time of the computation (UTC)")
          .check("counts_reconcile", "received = loaded + quarantined + duplicates")
          .check("counts_non_negative", "expected >= 0 AND loaded >= 0 AND quarantined >= 0 AND duplicates >= 0")
          .check("completeness_range", "completeness IS NULL OR (completeness >= 0 AND completeness <= 1)")
          .partitionBy("region")
          .naturalKey("region", "family", "station_id", "month")
          .build();

  public static final TableDef DELIVERIES =
      TableDef.builder(Layer.OPS, "dq_deliveries", "Expected deliveries per region, family, station and period: on time, late or missing")
          .string("region", "region id")
          .string("family", "source family")
          .string("station_id", "station of a per-station file; (all) for a region-wide file")
          .string("period", "the period the file covers (yyyy)")
          .required("due_date", DataTypes.DateType, "last day the file is due on (period end + due days)")
          .string("status", "ON_TIME, LATE or MISSING")
          .optional("source_file", DataTypes.StringType, "the file delivered, relative to the landing root (null when missing)")
          .optional("delivered_at", DataTypes.TimestampType, "when it arrived: the earlier of its last-modified time in landing and its first load")
          .required("lateness_days", DataTypes.LongType, "days after the due date it arrived, or (missing) days overdue; 0 on time")
          .string("run_id", "ingestion run that computed the row")
          .required("computed_at", DataTypes.TimestampType, "time of the computation (UTC)")
          .check("status_known", "status IN ('ON_TIME', 'LATE', 'MISSING')")
          .check("missing_has_no_file", "(status = 'MISSING') = (source_file IS NULL)")
          .check("lateness_consistent", "lateness_days >= 0 AND (status = 'ON_TIME') = (lateness_days = 0)")
          .partitionBy("region")
          .naturalKey("region", "family", "station_id", "period")
          .build();

  public static final TableDef QUARANTINE_RATES =
      TableDef.builder(Layer.OPS, "dq_quarantine_rates", "Quarantine rate per region, family, file and reason; reason ALL is the file's total")
          .string("region", "region id")
          .string("family", "source family")
          .string("source_file", "file, relative to the landing root (its current delivery: the latest load of the name)")
          .string("reason_code", "a quarantine reason, or ALL for every reason together")
          .required("received", DataTypes.LongType, "records in the file (ops.ingested_files)")
          .required("quarantined", DataTypes.LongType, "records of the file quarantined for this reason")
          .optional("quarantine_rate", DataTypes.DoubleType, "quarantined / received; null for an empty file")
          .string("run_id", "ingestion run that computed the row")
          .required("computed_at", DataTypes.TimestampType, "time of the computation (UTC)")
          .check("quarantined_within_received", "quarantined >= 0 AND quarantined <= received")
          .check("rate_is_ratio", "(received = 0 AND quarantine_rate IS NULL) OR abs(quarantine_rate * received - quarantined) < 1e-6")
          .partitionBy("region")
          .naturalKey("region", "family", "source_file", "reason_code")
          .build();

  public static final List<TableDef> TABLES = List.of(COMPLETENESS, DELIVERIES, QUARANTINE_RATES);

  private final Run run;
  private final TableCatalog catalog;
  private final String region;
  private final Path landingRoot;
  private final Instant now;

  public DataQuality(Run run, String region, Path landingRoot, Instant now) {
    this.run = requireNonNull(run, "run is null");
    this.catalog = run.catalog();
    this.region = requireNonNull(region, "region is null");
    this.landingRoot = requireNonNull(landingRoot, "landingRoot is null");
    this.now = requireNonNull(now, "now is null");
  }

  /** Whether the region has a report in every DQ table. */
  public static boolean present(TableCatalog catalog, String region) {
    for (TableDef table : TABLES) {
      if (!catalog.exists(table) || catalog.read(table).where(col("region").equalTo(region)).limit(1).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** Computes the region's three reports and replaces each in one commit; records the reads and writes. */
  public void write() {
    Timestamp at = Timestamp.from(now);
    String scope = "region = " + IngestJob.sqlLiteral(region);
    List<Row> ledger = catalog.exists(OpsTables.INGESTED_FILES)
        ? current(run.input(OpsTables.INGESTED_FILES).where(col("region").equalTo(region)).collectAsList())
        : List.of();
    List<Row> completeness = new ArrayList<>();
    for (Rule rule : RULES) {
      if (rule.measuresCompleteness()) {
        completeness.addAll(completeness(rule, at));
      }
    }
    replace(COMPLETENESS, completeness, scope);
    replace(DELIVERIES, deliveries(ledger, at), scope);
    replace(QUARANTINE_RATES, quarantineRates(ledger, at), scope);
  }

  /**
   * The current delivery of each file name: its latest ledger row (a redelivery under the same name supersedes
   * the earlier one; the ledger keeps both).
   */
  static List<Row> current(List<Row> ledger) {
    Map<String, Row> latest = new TreeMap<>();
    for (Row r : ledger) {
      String key = r.<String>getAs("family") + "\t" + r.<String>getAs("source_file");
      Row before = latest.get(key);
      if (!r.<Boolean>getAs("superseded")
          && (before == null || r.<Timestamp>getAs("ingested_at").after(before.<Timestamp>getAs("ingested_at")))) {
        latest.put(key, r);
      }
    }
    return List.copyOf(latest.values());
  }

  private void replace(TableDef table, List<Row> rows, String scope) {
    catalog.replace(table, catalog.spark().createDataFrame(rows, table.schema()), scope);
    run.wrote(table);
  }

  /** The SQL expression of a raw field in a bronze record, matching any of its headers as the parser does. */
  private static String rawField(SourceFamily family, String column) {
    String headers = family.field(column).headers().stream().map(FileParser::normalize).map(IngestJob::sqlLiteral)
        .collect(Collectors.joining(", "));
    return "trim(element_at(map_values(map_filter(record, (k, v) -> lower(replace(replace(trim(k), '\\uFEFF', ''), ' ', '')) IN ("
        + headers + "))), 1))";
  }

  private List<Row> completeness(Rule rule, Timestamp at) {
    SourceFamily family = SourceFamilies.get(rule.family());
    TableDef bronze = BronzeTables.of(family);
    if (!catalog.exists(bronze)) {
      return List.of();
    }
    String station = rule.stationColumn().isEmpty()
        ? "regexp_extract(source_file, '([^/]+)_[0-9]{4}\\\\.csv$', 1)"
        : rawField(family, rule.stationColumn());
    String time = rawField(family, rule.timeColumn());
    String year = "regexp_extract(" + time + ", '^([0-9]{4})[-/.]?([0-9]{1,2})', 1)";
    String month = "int(regexp_extract(" + time + ", '^([0-9]{4})[-/.]?([0-9]{1,2})', 2))";
    Dataset<Row> lines = run.input(bronze).where(col("region").equalTo(region))
        .select(col("source_file"), col("source_line"),
            expr("CASE WHEN coalesce(" + station + ", '') = '' THEN '" + UNKNOWN + "' ELSE " + station + " END").as("station_id"),
            expr("CASE WHEN " + month + " BETWEEN 1 AND 12 THEN concat(" + year + ", '-', lpad(string(" + month + "), 2, '0')) ELSE '"
                + UNKNOWN + "' END").as("month"));
    Dataset<Row> quarantined = catalog.exists(OpsTables.QUARANTINE)
        ? run.input(OpsTables.QUARANTINE).where(col("region").equalTo(region)).where(col("family").equalTo(family.name()))
            .select("source_file", "source_line").distinct().withColumn("q", lit(1))
        : catalog.spark().emptyDataFrame().selectExpr("'' AS source_file", "0L AS source_line", "1 AS q").limit(0);
    Dataset<Row> loaded = catalog.exists(family.silver())
        ? run.input(family.silver()).where(col("region").equalTo(region)).select("source_file", "source_line").distinct()
            .withColumn("s", lit(1))
        : catalog.spark().emptyDataFrame().selectExpr("'' AS source_file", "0L AS source_line", "1 AS s").limit(0);
    List<Row> counts = lines
        .join(quarantined, scala.collection.JavaConverters.asScalaBuffer(List.of("source_file", "source_line")).toSeq(), "left")
        .join(loaded, scala.collection.JavaConverters.asScalaBuffer(List.of("source_file", "source_line")).toSeq(), "left")
        .groupBy("station_id", "month")
        .agg(expr("count(*)").as("received"), expr("sum(CASE WHEN q = 1 THEN 1 ELSE 0 END)").as("quarantined"),
            expr("sum(CASE WHEN q IS NULL AND s = 1 THEN 1 ELSE 0 END)").as("loaded"))
        .collectAsList();
    // Every month of every year a station reported in, up to the current month, is expected.
    Map<String, long[]> byKey = new TreeMap<>();
    Map<String, TreeSet<Integer>> yearsOf = new TreeMap<>();
    for (Row r : counts) {
      String s = r.getString(0);
      String m = r.getString(1);
      byKey.put(s + "\t" + m, new long[] {r.getLong(2), r.getLong(3), r.getLong(4)});
      if (!m.equals(UNKNOWN)) {
        yearsOf.computeIfAbsent(s, k -> new TreeSet<>()).add(Integer.parseInt(m.substring(0, 4)));
      }
    }
    YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
    yearsOf.forEach((s, years) -> {
      for (int y : years) {
        for (int mo = 1; mo <= 12; mo++) {
          YearMonth ym = YearMonth.of(y, mo);
          if (!ym.isAfter(current)) {
            byKey.putIfAbsent(s + "\t" + ym, new long[3]);
          }
        }
      }
    });
    List<Row> rows = new ArrayList<>();
    byKey.forEach((key, c) -> {
      String[] parts = key.split("\t", 2);
      long expected = parts[1].equals(UNKNOWN) ? 0 : (long) rule.perDay() * YearMonth.parse(parts[1]).lengthOfMonth();
      long received = c[0];
      long quarantinedCount = c[1];
      long loadedCount = c[2];
      Double ratio = expected == 0 ? null : Math.min(loadedCount, expected) / (double) expected;
      rows.add(RowFactory.create(region, family.name(), parts[0], parts[1], expected, received, loadedCount, quarantinedCount,
          received - loadedCount - quarantinedCount, ratio, run.id(), at));
    });
    return rows;
  }

  private List<Row> deliveries(List<Row> ledger, Timestamp at) {
    Map<String, Rule> rules = new HashMap<>();
    RULES.forEach(r -> rules.put(r.family(), r));
    // family -> station -> year -> (file, delivered at)
    Map<String, Map<String, Map<Integer, Object[]>>> delivered = new TreeMap<>();
    int firstYear = Integer.MAX_VALUE;
    int lastYear = Integer.MIN_VALUE;
    Map<String, Instant> firstLoad = new HashMap<>();
    for (Row r : firstLoads()) {
      firstLoad.put(r.getString(0) + "\t" + r.getString(1), r.getTimestamp(2).toInstant());
    }
    for (Row r : ledger) {
      String family = r.getAs("family");
      Rule rule = rules.get(family);
      if (rule == null) {
        continue;
      }
      String file = r.getAs("source_file");
      Matcher m = rule.fileName().matcher(file);
      if (!m.matches()) {
        continue;
      }
      String station = rule.fileName() == STATION_YEAR ? m.group("station") : ALL_STATIONS;
      int year = Integer.parseInt(m.group("year"));
      Instant arrived = firstLoad.getOrDefault(family + "\t" + file, r.<Timestamp>getAs("ingested_at").toInstant());
      Path onDisk = landingRoot.resolve(file);
      try {
        if (Files.isRegularFile(onDisk)) {
          Instant modified = Files.getLastModifiedTime(onDisk).toInstant();
          arrived = modified.isBefore(arrived) ? modified : arrived;
        }
      } catch (IOException e) {
        // The first load's time stands.
      }
      delivered.computeIfAbsent(family, k -> new TreeMap<>()).computeIfAbsent(station, k -> new TreeMap<>())
          .put(year, new Object[] {file, arrived});
      firstYear = Math.min(firstYear, year);
      lastYear = Math.max(lastYear, year);
    }
    List<Row> rows = new ArrayList<>();
    LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
    for (var family : delivered.entrySet()) {
      Rule rule = rules.get(family.getKey());
      for (var station : family.getValue().entrySet()) {
        for (int year = firstYear; year <= lastYear; year++) {
          LocalDate due = LocalDate.of(year, 12, 31).plusDays(rule.dueDays());
          Object[] file = station.getValue().get(year);
          if (file == null) {
            if (!due.isBefore(today)) {
              continue;
            }
            rows.add(RowFactory.create(region, family.getKey(), station.getKey(), Integer.toString(year), Date.valueOf(due),
                "MISSING", null, null, ChronoUnit.DAYS.between(due, today), run.id(), at));
            continue;
          }
          Instant arrived = (Instant) file[1];
          long late = Math.max(0, ChronoUnit.DAYS.between(due, arrived.atZone(ZoneOffset.UTC).toLocalDate()));
          rows.add(RowFactory.create(region, family.getKey(), station.getKey(), Integer.toString(year), Date.valueOf(due),
              late == 0 ? "ON_TIME" : "LATE", file[0], Timestamp.from(arrived), late, run.id(), at));
        }
      }
    }
    return rows;
  }

  /** (family, file, first time it was loaded) for the region, over every delivery of each file name. */
  private List<Row> firstLoads() {
    if (!catalog.exists(OpsTables.INGESTED_FILES)) {
      return List.of();
    }
    return catalog.readVersion(OpsTables.INGESTED_FILES, run.inputs().get(OpsTables.INGESTED_FILES.qualifiedName()))
        .where(col("region").equalTo(region))
        .groupBy("family", "source_file").agg(expr("min(ingested_at)").as("first"))
        .collectAsList();
  }

  private List<Row> quarantineRates(List<Row> ledger, Timestamp at) {
    Map<String, Long> byReason = new TreeMap<>();
    if (catalog.exists(OpsTables.QUARANTINE)) {
      for (Row r : run.input(OpsTables.QUARANTINE).where(col("region").equalTo(region))
          .groupBy("family", "source_file", "reason_code").agg(expr("count(DISTINCT source_line)").as("n")).collectAsList()) {
        byReason.put(r.getString(0) + "\t" + r.getString(1) + "\t" + r.getString(2), r.getLong(3));
      }
    }
    List<Row> rows = new ArrayList<>();
    for (Row file : ledger) {
      String family = file.getAs("family");
      String name = file.getAs("source_file");
      long received = file.<Long>getAs("received");
      String prefix = family + "\t" + name + "\t";
      rows.add(rate(family, name, "ALL", received, file.<Long>getAs("quarantined"), at));
      byReason.forEach((key, n) -> {
        if (key.startsWith(prefix)) {
          rows.add(rate(family, name, key.substring(prefix.length()), received, n, at));
        }
      });
    }
    return rows;
  }

  private Row rate(String family, String file, String reason, long received, long quarantined, Timestamp at) {
    return RowFactory.create(region, family, file, reason, received, quarantined,
        received == 0 ? null : quarantined / (double) received, run.id(), at);
  }
}
