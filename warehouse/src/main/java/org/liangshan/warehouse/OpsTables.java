package org.liangshan.warehouse;

import java.util.Optional;

/**
 * The platform's own tables: the run log, quarantine, and the ledger of ingested files, declared in
 * {@code spec/tables/ops.yaml}.
 */
public final class OpsTables implements TableProvider {
  static final TableSpec SPEC = TableSpec.load("spec/tables/ops.yaml");

  public static final TableDef RUN_LOG = SPEC.table("run_log");
  public static final TableDef QUARANTINE = SPEC.table("quarantine");
  public static final TableDef INGESTED_FILES = SPEC.table("ingested_files");

  @Override
  public Optional<TableSpec> spec() {
    return Optional.of(SPEC);
  }
}
