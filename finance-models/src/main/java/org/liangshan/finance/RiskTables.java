package org.liangshan.finance;

import java.util.List;
import java.util.Optional;
import org.liangshan.warehouse.TableDef;
import org.liangshan.warehouse.TableProvider;
import org.liangshan.warehouse.TableSpec;

/**
 * The collateral risk monitors, declared in {@code spec/tables/risk.yaml}: the haircut backtest per instrument
 * ({@link HaircutBacktestJob}) and the daily margin calls with one row per check ({@link MarginCallJob}).
 */
public final class RiskTables implements TableProvider {
  static final TableSpec SPEC = TableSpec.load("spec/tables/risk.yaml");

  public static final TableDef HAIRCUT_BACKTEST = SPEC.table("haircut_backtest");
  public static final TableDef MARGIN_CALLS = SPEC.table("margin_calls");
  public static final TableDef MARGIN_CHECKS = SPEC.table("margin_checks");

  public static final List<TableDef> ALL = SPEC.tables();

  @Override
  public Optional<TableSpec> spec() {
    return Optional.of(SPEC);
  }
}
