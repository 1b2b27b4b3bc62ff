package org.liangshan.market;

import java.util.List;
import java.util.Optional;
import org.liangshan.warehouse.TableDef;
import org.liangshan.warehouse.TableProvider;
import org.liangshan.warehouse.TableSpec;

/**
 * The market's verification, its supply and demand board and event-neutrality certificates (docs/market.md),
 * declared in {@code spec/tables/market-board.yaml}. The market job replaces one (region, year) slice of each.
 */
public final class MarketBoardTables implements TableProvider {
  static final TableSpec SPEC = TableSpec.load("spec/tables/market-board.yaml");

  public static final TableDef COMPLIANCE = SPEC.table("compliance");
  public static final TableDef MARKET_BOARD = SPEC.table("market_board");
  public static final TableDef NEUTRALITY_CERTIFICATES = SPEC.table("neutrality_certificates");

  public static final List<TableDef> ALL = SPEC.tables();

  @Override
  public Optional<TableSpec> spec() {
    return Optional.of(SPEC);
  }
}
