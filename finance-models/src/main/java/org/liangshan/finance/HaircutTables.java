package org.liangshan.finance;

import java.util.List;
import java.util.Optional;
import org.liangshan.warehouse.TableDef;
import org.liangshan.warehouse.TableProvider;
import org.liangshan.warehouse.TableSpec;

/**
 * The haircut of every valued pledge and what it comes from (the observed price volatility of its right
 * type, or the configured haircut in a thin market; {@link org.liangshan.finance.model.VolatilityHaircut}),
 * declared in {@code spec/tables/haircuts.yaml}. The valuation job replaces one (region, valuation_date)
 * slice, beside gold.collateral_valuation.
 */
public final class HaircutTables implements TableProvider {
  static final TableSpec SPEC = TableSpec.load("spec/tables/haircuts.yaml");

  public static final TableDef COLLATERAL_HAIRCUTS = SPEC.table("collateral_haircuts");

  public static final List<TableDef> ALL = SPEC.tables();

  @Override
  public Optional<TableSpec> spec() {
    return Optional.of(SPEC);
  }
}
