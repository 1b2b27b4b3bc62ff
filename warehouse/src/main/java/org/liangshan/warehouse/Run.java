package org.liangshan.warehouse;

import static java.util.Objects.requireNonNull;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;

/**
 * One run of a job: its id, the Delta version of every input it read (reads go through
 * {@link #input(TableDef)}, pinned to the version recorded), the versions it wrote, named counts, and the
 * outcome, appended to {@code ops.run_log} when the run ends.
 */
public final class Run {
  /** The version of the methodology code; bump when a formula changes. */
  public static final String METHODOLOGY_VERSION = "methodology-2025.1";

  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  private final TableCatalog catalog;
  private final String id;
  private final String command;
  private final String job;
  private final Optional<String> region;
  private final Optional<String> period;
  private final Optional<String> parameterSet;
  private final Instant startedAt;
  private final Map<String, Long> inputs = new LinkedHashMap<>();
  private final Map<String, Long> outputs = new LinkedHashMap<>();
  private final Map<String, Long> counts = new LinkedHashMap<>();

  private Run(
      TableCatalog catalog,
      String command,
      String job,
      Optional<String> region,
      Optional<String> period,
      Optional<String> parameterSet,
      Clock clock) {
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.command = requireNonNull(command, "command is null");
    this.job = requireNonNull(job, "job is null");
    this.region = requireNonNull(region, "region is null");
    this.period = requireNonNull(period, "period is null");
    this.parameterSet = requireNonNull(parameterSet, "parameterSet is null");
    this.startedAt = clock.instant();
    byte[] random = new byte[4];
    ThreadLocalRandom.current().nextBytes(random);
    this.id = ID_TIME.format(startedAt) + "-" + job + "-" + HexFormat.of().formatHex(random);
  }

  public static Run start(
      TableCatalog catalog, String command, String job, String region, String period, String parameterSet) {
    return new Run(
        catalog,
        command,
        job,
        Optional.ofNullable(region),
        Optional.ofNullable(period),
        Optional.ofNullable(parameterSet),
        Clock.systemUTC());
  }

  public String id() {
    return id;
  }

  public String job() {
    return job;
  }

  public Optional<String> region() {
    return region;
  }

  public Optional<String> parameterSet() {
    return parameterSet;
  }

  public TableCatalog catalog() {
    return catalog;
  }

  /** Reads an input table at its current version and records that version. */
  public Dataset<Row> input(TableDef def) {
    catalog.ensure(def);
    long version = catalog.version(def).orElseThrow();
    inputs.put(def.qualifiedName(), version);
    return catalog.readVersion(def, version);
  }

  /** Records the version a write produced. */
  public void wrote(TableDef def) {
    OptionalLong version = catalog.version(def);
    version.ifPresent(v -> outputs.put(def.qualifiedName(), v));
  }

  public void count(String name, long value) {
    counts.merge(name, value, Long::sum);
  }

  public Map<String, Long> inputs() {
    return Map.copyOf(inputs);
  }

  /** The tables written so far and the Delta version each was left at, as the run log will record them. */
  public Map<String, Long> outputs() {
    return Map.copyOf(outputs);
  }

  public Map<String, Long> counts() {
    return Map.copyOf(counts);
  }

  /** Adds the run id and parameter-set columns to rows bound for a gold table. */
  public Dataset<Row> stamp(Dataset<Row> rows) {
    return rows.withColumn("run_id", functions.lit(id))
        .withColumn("parameter_set", functions.lit(parameterSet.orElse("none")));
  }

  /**
   * The input versions of the last successful run of this job, region and period with the same
   * parameter set and methodology, if any: when they equal the current input versions, the run can be
   * skipped because it would produce the same rows.
   */
  public Optional<Map<String, Long>> lastSuccessfulInputs() {
    if (!catalog.exists(OpsTables.RUN_LOG)) {
      return Optional.empty();
    }
    Dataset<Row> log =
        catalog
            .read(OpsTables.RUN_LOG)
            .where(functions.col("job").equalTo(job))
            .where(functions.col("status").equalTo("SUCCEEDED"))
            .where(functions.col("methodology_version").equalTo(METHODOLOGY_VERSION))
            .where(eqOrNull("region", region))
            .where(eqOrNull("period", period))
            .where(eqOrNull("parameter_set", parameterSet))
            .orderBy(functions.col("finished_at").desc())
            .limit(1);
    List<Row> rows = log.collectAsList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(toJavaMap(rows.get(0).getJavaMap(rows.get(0).fieldIndex("inputs"))));
  }

  private static Map<String, Long> toJavaMap(Map<Object, Object> map) {
    Map<String, Long> result = new LinkedHashMap<>();
    map.forEach((k, v) -> result.put((String) k, ((Number) v).longValue()));
    return result;
  }

  private static org.apache.spark.sql.Column eqOrNull(String column, Optional<String> value) {
    return value.map(v -> functions.col(column).equalTo(v)).orElse(functions.col(column).isNull());
  }

  public void succeed(String message) {
    finish("SUCCEEDED", message);
  }

  public void skipped(String message) {
    finish("SKIPPED", message);
  }

  public void fail(Throwable error) {
    String message = error.getClass().getSimpleName() + ": " + error.getMessage();
    finish("FAILED", message.length() > 4000 ? message.substring(0, 4000) : message);
  }

  private void finish(String status, String message) {
    Row row =
        RowFactory.create(
            id,
            command,
            job,
            region.orElse(null),
            period.orElse(null),
            Timestamp.from(startedAt),
            Timestamp.from(Instant.now()),
            status,
            METHODOLOGY_VERSION,
            parameterSet.orElse(null),
            scalaMap(inputs),
            scalaMap(outputs),
            scalaMap(counts),
            message);
    Dataset<Row> frame = catalog.spark().createDataFrame(List.of(row), OpsTables.RUN_LOG.schema());
    catalog.append(OpsTables.RUN_LOG, frame);
  }

  private static scala.collection.Map<String, Long> scalaMap(Map<String, Long> map) {
    return scala.collection.JavaConverters.mapAsScalaMapConverter(map).asScala();
  }
}
