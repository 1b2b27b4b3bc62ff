package org.liangshan.pipelines.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.liangshan.pipelines.bronze.BronzeTables;
import org.liangshan.pipelines.source.SourceFamilies;
import org.liangshan.pipelines.source.SourceFamily;
import org.liangshan.warehouse.Column;
import org.liangshan.warehouse.Layer;
import org.liangshan.warehouse.OpsTables;
import org.liangshan.warehouse.TableCatalog;
import org.liangshan.warehouse.TableDef;

/**
 * Makes a load of one family atomic across the four tables it writes (bronze, quarantine, silver, the
 * file ledger), which Delta commits one by one. Before the first write, an intent row records the files
 * and the Delta version of each table; the ledger append is the commit point. A load killed before it
 * leaves an open intent, and {@link #recover} (run at the start of every ingestion of the region, or by
 * {@code liangshan ingest --recover}) rolls its rows back to those versions: bronze and quarantine rows of
 * its files are replaced by what was there, and silver rows it inserted, updated or deleted are restored.
 * Afterwards every file is either fully reconciled in the ledger or absent, as if the load never started.
 */
public final class IngestJournal {
  public static final TableDef TABLE =
      TableDef.builder(Layer.OPS, "ingest_journal", "Load intents: a load not in ops.ingested_files is rolled back from these versions")
          .string("run_id", "run of the load")
          .string("region", "region id")
          .string("family", "source family")
          .string("event", "STARTED (before the first write) or ROLLED_BACK (an interrupted load undone)")
          .required("files", DataTypes.createArrayType(DataTypes.StringType, false), "files of the load, relative to the landing root")
          .optional("bronze_version", DataTypes.LongType, "Delta version of the bronze table before the load (null: absent)")
          .optional("quarantine_version", DataTypes.LongType, "Delta version of ops.quarantine before the load (null: absent)")
          .optional("silver_version", DataTypes.LongType, "Delta version of the silver table before the load (null: absent)")
          .optional("flags_version", DataTypes.LongType, "Delta version of ops.plausibility_flags before the load (null: absent)")
          .required("at", DataTypes.TimestampType, "time of the event (UTC)")
          .check("event_known", "event IN ('STARTED', 'ROLLED_BACK')")
          .partitionBy("region")
          .naturalKey("region", "run_id", "family", "event")
          .build();

  private final TableCatalog catalog;

  public IngestJournal(TableCatalog catalog) {
    this.catalog = catalog;
  }

  /** Records the intent to load {@code files} of a family; call before the first write. */
  void started(String runId, String region, SourceFamily family, List<String> files) {
    Row row = RowFactory.create(runId, region, family.name(), "STARTED",
        scala.collection.JavaConverters.asScalaBuffer(new ArrayList<>(files)).toList(),
        versionOrNull(BronzeTables.of(family)), versionOrNull(OpsTables.QUARANTINE), versionOrNull(family.silver()),
        versionOrNull(Plausibility.TABLE), Timestamp.from(Instant.now()));
    catalog.append(TABLE, catalog.spark().createDataFrame(List.of(row), TABLE.schema()));
  }

  private Long versionOrNull(TableDef table) {
    OptionalLong version = catalog.version(table);
    return version.isPresent() ? version.getAsLong() : null;
  }

  /** An interrupted load: its intent, not committed to the ledger and not rolled back yet. */
  public record Open(String runId, String region, String family, List<String> files, Long bronzeVersion,
      Long quarantineVersion, Long silverVersion, Long flagsVersion) {}

  /** Intents of a region whose load neither committed its ledger rows nor was rolled back. */
  public List<Open> open(String region) {
    if (!catalog.exists(TABLE)) {
      return List.of();
    }
    List<Row> rows = catalog.read(TABLE).where(col("region").equalTo(region)).collectAsList();
    if (rows.isEmpty()) {
      return List.of();
    }
    Set<String> done = new HashSet<>();
    for (Row row : rows) {
      if ("ROLLED_BACK".equals(row.getAs("event"))) {
        done.add(row.<String>getAs("run_id") + "\t" + row.getAs("family"));
      }
    }
    if (catalog.exists(OpsTables.INGESTED_FILES)) {
      for (Row row : catalog.read(OpsTables.INGESTED_FILES).where(col("region").equalTo(region))
          .select("ingest_run_id", "family").distinct().collectAsList()) {
        done.add(row.getString(0) + "\t" + row.getString(1));
      }
    }
    List<Open> open = new ArrayList<>();
    for (Row row : rows) {
      String key = row.<String>getAs("run_id") + "\t" + row.getAs("family");
      if ("STARTED".equals(row.getAs("event")) && !done.contains(key)) {
        open.add(new Open(row.getAs("run_id"), region, row.getAs("family"), row.getList(row.fieldIndex("files")),
            row.getAs("bronze_version"), row.getAs("quarantine_version"), row.getAs("silver_version"), row.getAs("flags_version")));
      }
    }
    return open;
  }

  /** Rolls back every interrupted load of the region; returns how many. Idempotent: safe to interrupt too. */
  public int recover(String region, Consumer<String> progress) {
    List<Open> open = open(region);
    for (Open load : open) {
      progress.accept(String.format("  %-8s %-22s rolling back the interrupted load of run %s (%d file(s))",
          region, load.family(), load.runId(), load.files().size()));
      rollBack(load);
    }
    return open.size();
  }

  private void rollBack(Open load) {
    SourceFamily family = SourceFamilies.get(load.family());
    String regionLiteral = IngestJob.sqlLiteral(load.region());
    String inFiles = IngestJob.sqlIn(load.files());
    String scope = "region = " + regionLiteral + " AND source_file IN " + inFiles;

    restore(BronzeTables.of(family), load.bronzeVersion(), scope);
    restore(OpsTables.QUARANTINE, load.quarantineVersion(), scope + " AND family = " + IngestJob.sqlLiteral(family.name()));
    restoreSilver(family.silver(), load, regionLiteral, inFiles);
    restore(Plausibility.TABLE, load.flagsVersion(), scope + " AND family = " + IngestJob.sqlLiteral(family.name()));

    Row row = RowFactory.create(load.runId(), load.region(), load.family(), "ROLLED_BACK",
        scala.collection.JavaConverters.asScalaBuffer(new ArrayList<>(load.files())).toList(),
        load.bronzeVersion(), load.quarantineVersion(), load.silverVersion(), load.flagsVersion(), Timestamp.from(Instant.now()));
    catalog.append(TABLE, catalog.spark().createDataFrame(List.of(row), TABLE.schema()));
  }

  /** Replaces the rows in {@code scope} by those the table held at {@code version} (none when it was absent). */
  private void restore(TableDef table, Long version, String scope) {
    if (!catalog.exists(table)) {
      return;
    }
    Dataset<Row> before = version == null
        ? catalog.spark().createDataFrame(List.of(), table.schema())
        : catalog.readVersion(table, version).where(scope);
    catalog.replace(table, before, scope);
  }

  /**
   * Undoes a silver MERGE: rows the load wrote (they carry its run id and one of its files) are restored
   * to their earlier version or deleted when they are new, and rows it deleted (of its files) come back.
   */
  private void restoreSilver(TableDef silver, Open load, String regionLiteral, String inFiles) {
    if (!catalog.exists(silver)) {
      return;
    }
    List<String> key = silver.naturalKey();
    org.apache.spark.sql.Column[] keyColumns = key.stream().map(org.apache.spark.sql.functions::col)
        .toArray(org.apache.spark.sql.Column[]::new);
    Dataset<Row> written = catalog.read(silver)
        .where("region = " + regionLiteral + " AND ingest_run_id = " + IngestJob.sqlLiteral(load.runId())
            + " AND source_file IN " + inFiles)
        .select(keyColumns);
    Dataset<Row> before = load.silverVersion() == null
        ? catalog.spark().createDataFrame(List.of(), silver.schema())
        : catalog.readVersion(silver, load.silverVersion()).where("region = " + regionLiteral);
    Dataset<Row> restored = before.join(written, scala.collection.JavaConverters.asScalaBuffer(key).toSeq(), "left_semi")
        .unionByName(before.where("source_file IN " + inFiles))
        .dropDuplicates(key.toArray(String[]::new));
    Dataset<Row> deleted = written.join(before.select(keyColumns), scala.collection.JavaConverters.asScalaBuffer(key).toSeq(), "left_anti");
    for (Column column : silver.columns()) {
      if (!key.contains(column.name())) {
        deleted = deleted.withColumn(column.name(), lit(null).cast(column.type()));
      }
    }
    Dataset<Row> source = catalog.conform(silver, restored)
        .withColumn("_op", lit("restore"))
        .unionByName(catalog.conform(silver, deleted).withColumn("_op", lit("delete")));
    StringBuilder on = new StringBuilder("t.region = " + regionLiteral);
    for (String column : key) {
      on.append(" AND t.`").append(column).append("` <=> s.`").append(column).append('`');
    }
    Map<String, String> assignments = new LinkedHashMap<>();
    for (Column column : silver.columns()) {
      assignments.put("`" + column.name() + "`", "s.`" + column.name() + "`");
    }
    TableCatalog.retrying(() -> DeltaTable.forPath(catalog.spark(), catalog.location(silver))
        .as("t")
        .merge(source.as("s"), on.toString())
        .whenMatched("s._op = 'delete'").delete()
        .whenMatched("s._op = 'restore'").updateExpr(assignments)
        .whenNotMatched("s._op = 'restore'").insertExpr(assignments)
        .execute());
  }
}
