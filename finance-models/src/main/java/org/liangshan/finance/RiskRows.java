package org.liangshan.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.liangshan.warehouse.RecordRows;

/**
 * The rows the risk monitors write, one record per table of {@link RiskTables}, mapped by column name ({@link
 * RecordRows}); the mappers are checked against the tables when this class loads. Money at the storage scale.
 */
final class RiskRows {
  private RiskRows() {}

  /** A row of gold.haircut_backtest ({@link RiskTables#HAIRCUT_BACKTEST}). */
  record Backtest(String region, LocalDate asOfDate, String rightType, Optional<String> subject, Optional<String> zoneId,
      String series, String status, LocalDate firstTradeDate, LocalDate lastTradeDate, int priceDays, int horizonDays,
      double coverage, Optional<Double> configuredHaircut, int observations, int exceptions, Optional<Double> exceptionRate,
      Optional<Double> meanHaircut, Optional<Double> worstFall, Optional<Double> lrPof, Optional<Double> pValue,
      Optional<String> verdict, Optional<String> baselZone, String exceedances, String note) {}

  /** A row of gold.margin_calls ({@link RiskTables#MARGIN_CALLS}). */
  record MarginCall(String region, LocalDate callDate, String pledgeId, String loanId, String bankId, String rightId,
      String rightType, String series, double quantity, LocalDate valuationDate, BigDecimal valuationPrice,
      BigDecimal marginCallPrice, BigDecimal price, String priceSource, double priceDrop, double haircut, double termFactor,
      BigDecimal collateralValueYuan, BigDecimal valueAtPriceYuan, BigDecimal shortfallYuan, double topupQuantity,
      BigDecimal topupValueYuan, String note, Optional<String> quantityUnit, Optional<String> priceUnit) {}

  /** A row of gold.margin_checks ({@link RiskTables#MARGIN_CHECKS}). */
  record MarginCheck(String region, LocalDate checkDate, int activePledges, int checked, int calls, BigDecimal shortfallYuan,
      int unreferenced, String unreferencedPledges) {}

  static final RecordRows<Backtest> BACKTEST = RecordRows.of(RiskTables.HAIRCUT_BACKTEST, Backtest.class);
  static final RecordRows<MarginCall> MARGIN_CALL = RecordRows.of(RiskTables.MARGIN_CALLS, MarginCall.class);
  static final RecordRows<MarginCheck> MARGIN_CHECK = RecordRows.of(RiskTables.MARGIN_CHECKS, MarginCheck.class);
}
