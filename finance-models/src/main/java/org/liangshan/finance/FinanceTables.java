package org.liangshan.finance;

import java.util.List;
import java.util.Optional;
import org.liangshan.warehouse.TableDef;
import org.liangshan.warehouse.TableProvider;
import org.liangshan.warehouse.TableSpec;

/**
 * The gold tables of the finance products, declared in {@code spec/tables/finance.yaml}: collateral valuation
 * and the compensation ledger (the market's tables are {@link org.liangshan.market.MarketTables}). Every row
 * carries the run and the parameter-set version that produced it. Jobs replace one (region, period) slice at a
 * time.
 */
public final class FinanceTables implements TableProvider {
  static final TableSpec SPEC = TableSpec.load("spec/tables/finance.yaml");

  public static final TableDef COLLATERAL_VALUATION = SPEC.table("collateral_valuation");
  public static final TableDef COLLATERAL_STRESS = SPEC.table("collateral_stress");
  public static final TableDef COMPENSATION_LEDGER = SPEC.table("compensation_ledger");
  public static final TableDef COMPENSATION_POSTINGS = SPEC.table("compensation_postings");

  public static final List<TableDef> ALL = SPEC.tables();

  @Override
  public Optional<TableSpec> spec() {
    return Optional.of(SPEC);
  }
}
