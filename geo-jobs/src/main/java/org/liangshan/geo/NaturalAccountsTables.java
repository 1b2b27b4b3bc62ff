package org.liangshan.geo;

import java.util.List;
import java.util.Optional;
import org.liangshan.warehouse.TableDef;
import org.liangshan.warehouse.TableProvider;
import org.liangshan.warehouse.TableSpec;

/**
 * Gold tables of the natural-resource balance sheet and the forestry carbon-sink base, declared in
 * {@code spec/tables/natural-accounts.yaml} and filled by {@code liangshan run accounting}
 * ({@link NaturalAccountsJob}); each run replaces its (region, year) slice. Every row carries {@code run_id}
 * and {@code parameter_set}. Areas of the balance sheet are DECIMAL(38, 6) km², exact to the square metre,
 * so the sheet's identity is exact.
 */
public final class NaturalAccountsTables implements TableProvider {
  static final TableSpec SPEC = TableSpec.load("spec/tables/natural-accounts.yaml");

  public static final TableDef NR_BALANCE_SHEET = SPEC.table("nr_balance_sheet");
  public static final TableDef NR_LAND_TRANSITIONS = SPEC.table("nr_land_transitions");
  public static final TableDef FOREST_CARBON_BASE = SPEC.table("forest_carbon_base");
  public static final TableDef FOREST_CARBON_FORECAST = SPEC.table("forest_carbon_forecast");
  public static final TableDef FOREST_PRIORITY = SPEC.table("forest_priority");

  public static final List<TableDef> ALL = SPEC.tables();

  @Override
  public Optional<TableSpec> spec() {
    return Optional.of(SPEC);
  }
}
