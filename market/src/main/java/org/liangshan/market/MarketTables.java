package org.liangshan.market;

import java.util.List;
import java.util.Optional;
import org.liangshan.warehouse.TableDef;
import org.liangshan.warehouse.TableProvider;
import org.liangshan.warehouse.TableSpec;

/**
 * The gold tables of the rights market, declared in {@code spec/tables/market.yaml}: capacity, occupation,
 * emissions, benchmark prices, auctions, holdings and exchange trades per month. Every row carries the run and the parameter-set version
 * that produced it. Jobs replace one (region, year) slice at a time.
 */
public final class MarketTables implements TableProvider {
  static final TableSpec SPEC = TableSpec.load("spec/tables/market.yaml");

  public static final TableDef ZONE_CAPACITY = SPEC.table("zone_capacity");
  public static final TableDef ENTERPRISE_OCCUPATION = SPEC.table("enterprise_occupation");
  public static final TableDef ENTERPRISE_EMISSIONS = SPEC.table("enterprise_emissions");
  public static final TableDef BENCHMARK_PRICES = SPEC.table("benchmark_prices");
  public static final TableDef AUCTION_RESULTS = SPEC.table("auction_results");
  public static final TableDef AUCTION_AWARDS = SPEC.table("auction_awards");
  public static final TableDef AUCTION_REJECTIONS = SPEC.table("auction_rejections");
  public static final TableDef AUCTION_SUPPLY_CHECKS = SPEC.table("auction_supply_checks");
  public static final TableDef HOLDINGS_MOVEMENTS = SPEC.table("holdings_movements");
  public static final TableDef HOLDINGS = SPEC.table("holdings");
  public static final TableDef TRADES_MONTHLY = SPEC.table("trades_monthly");

  public static final List<TableDef> ALL = SPEC.tables();

  @Override
  public Optional<TableSpec> spec() {
    return Optional.of(SPEC);
  }
}
