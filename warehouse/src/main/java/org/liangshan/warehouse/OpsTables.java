package org.liangshan.warehouse;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createMapType;

import java.util.List;

/** The platform's own tables: the run log, quarantine, and the ledger of ingested files. */
public final class OpsTables implements TableProvider {
  public static final TableDef RUN_LOG =
      TableDef.builder(Layer.OPS, "run_log", "One row per run: what ran, on which inputs, with what outcome")
          .string("run_id", "unique run id")
          .string("command", "the command line that started the run")
          .string("job", "job name: ingest, accounting, market, finance, demo ...")
          .optional("region", StringType, "region id, when the run is for one region")
          .optional("period", StringType, "period the run computed (year, yyyy-MM, quarter)")
          .required("started_at", TimestampType, "start time (UTC)")
          .required("finished_at", TimestampType, "end time (UTC)")
          .string("status", "SUCCEEDED, FAILED or SKIPPED (inputs unchanged since an identical successful run)")
          .string("methodology_version", "version of the methodology code (METHODOLOGY.md)")
          .optional("parameter_set", StringType, "parameter-set version used")
          .required("inputs", createMapType(StringType, LongType), "input table -> Delta version read")
          .required("outputs", createMapType(StringType, LongType), "output table -> Delta version written")
          .required("counts", createMapType(StringType, LongType), "named counts (received, loaded, quarantined ...)")
          .optional("message", StringType, "error or note")
          .check("status_known", "status IN ('SUCCEEDED', 'FAILED', 'SKIPPED')")
          .naturalKey("run_id")
          .build();

  public static final TableDef QUARANTINE =
      TableDef.builder(Layer.OPS, "quarantine", "Every rejected record, with its reason and original text")
          .string("region", "region id")
          .string("family", "source family")
          .string("source_file", "file path relative to the landing root")
          .required("source_line", LongType, "line number (1 = header) or feature number")
          .string("reason_code", "machine-readable reason, e.g. NEGATIVE_VALUE")
          .string("message", "what is wrong and how to fix it")
          .optional("field", StringType, "the offending field, when one")
          .optional("original", StringType, "the record as received")
          .string("record_hash", "SHA-256 of the original record")
          .string("ingest_run_id", "run that rejected it")
          .partitionBy("region")
          .naturalKey("region", "family", "source_file", "source_line")
          .build();

  public static final TableDef INGESTED_FILES =
      TableDef.builder(Layer.OPS, "ingested_files", "Files loaded, by content hash: a file already loaded is skipped")
          .string("region", "region id")
          .string("family", "source family")
          .string("source_file", "file path relative to the landing root")
          .string("file_sha256", "SHA-256 of the file's bytes")
          .required("received", LongType, "records in the file")
          .required("loaded", LongType, "records that reached silver")
          .required("quarantined", LongType, "records rejected to ops.quarantine")
          .required("duplicates", LongType, "records whose natural key repeated an earlier record in the load")
          .required("superseded", BooleanType, "a later delivery of the same file name replaced this one")
          .string("ingest_run_id", "run that loaded it")
          .required("ingested_at", TimestampType, "time of the load (UTC)")
          .check("counts_reconcile", "received = loaded + quarantined + duplicates")
          .naturalKey("region", "family", "source_file", "file_sha256")
          .build();

  @Override
  public List<TableDef> tables() {
    return List.of(RUN_LOG, QUARANTINE, INGESTED_FILES);
  }
}
