package org.liangshan.finance;

import java.util.List;
import java.util.Optional;
import org.liangshan.warehouse.TableDef;
import org.liangshan.warehouse.TableProvider;
import org.liangshan.warehouse.TableSpec;

/**
 * The GEP realization rate ({@code liangshan run realization}, {@link RealizationJob}), declared in
 * {@code spec/tables/realization.yaml}: one row per district, the unattributed remainder and the region, and
 * every source row behind them.
 */
public final class RealizationTables implements TableProvider {
  static final TableSpec SPEC = TableSpec.load("spec/tables/realization.yaml");

  public static final TableDef GEP_REALIZATION = SPEC.table("gep_realization");
  public static final TableDef GEP_REALIZATION_ITEMS = SPEC.table("gep_realization_items");

  public static final List<TableDef> ALL = SPEC.tables();

  @Override
  public Optional<TableSpec> spec() {
    return Optional.of(SPEC);
  }
}
