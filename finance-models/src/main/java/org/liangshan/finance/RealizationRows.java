package org.liangshan.finance;

import java.math.BigDecimal;
import java.util.Optional;
import org.liangshan.warehouse.RecordRows;

/**
 * The rows the realization job writes, one record per gold table, mapped by column name ({@link RecordRows});
 * the mappers are checked against the tables when this class loads. Money at the storage scale.
 */
final class RealizationRows {
  private RealizationRows() {}

  /** A row of gold.gep_realization ({@link RealizationTables#GEP_REALIZATION}). */
  record Realization(String region, int year, String scope, String districtCode, String district, BigDecimal auctionYuan,
      BigDecimal tradeYuan, BigDecimal tradingYuan, BigDecimal compensationYuan, BigDecimal ecoFinanceIssuedYuan,
      BigDecimal ecoFinanceOutstandingYuan, BigDecimal ecoFinanceYuan, BigDecimal realizedYuan, BigDecimal gepYuan,
      Optional<Double> realizationRate, Optional<Double> ecoFinanceRatio, String ecoFinanceBasis, String provenance) {}

  /** A row of gold.gep_realization_items ({@link RealizationTables#GEP_REALIZATION_ITEMS}). */
  record Item(String region, int year, String component, String channel, String sourceTable, String sourceId,
      String districtCode, BigDecimal amountYuan, Optional<String> basis) {}

  static final RecordRows<Realization> REALIZATION = RecordRows.of(RealizationTables.GEP_REALIZATION, Realization.class);
  static final RecordRows<Item> ITEM = RecordRows.of(RealizationTables.GEP_REALIZATION_ITEMS, Item.class);
}
