package org.liangshan.market;

import java.util.List;
import java.util.Optional;
import org.liangshan.warehouse.TableDef;
import org.liangshan.warehouse.TableProvider;
import org.liangshan.warehouse.TableSpec;

/**
 * Carbon inclusion (碳普惠) and eco-points (METHODOLOGY.md section 8), declared in
 * {@code spec/tables/inclusion.yaml}: reductions and points per activity, the points ledger, redemptions as
 * judged, per-user accounts with the green-credit score, and the credit events behind it. The market job
 * replaces one (region, year) slice of each.
 */
public final class InclusionTables implements TableProvider {
  static final TableSpec SPEC = TableSpec.load("spec/tables/inclusion.yaml");

  public static final TableDef INCLUSION_ACTIVITIES = SPEC.table("inclusion_activities");
  public static final TableDef POINTS_MOVEMENTS = SPEC.table("points_movements");
  public static final TableDef POINTS_REDEMPTIONS = SPEC.table("points_redemptions");
  public static final TableDef POINTS_ACCOUNTS = SPEC.table("points_accounts");
  public static final TableDef CREDIT_EVENTS = SPEC.table("credit_events");

  public static final List<TableDef> ALL = SPEC.tables();

  @Override
  public Optional<TableSpec> spec() {
    return Optional.of(SPEC);
  }
}
