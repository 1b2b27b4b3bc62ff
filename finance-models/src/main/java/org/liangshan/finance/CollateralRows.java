package org.liangshan.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.liangshan.warehouse.RecordRows;
import org.liangshan.warehouse.RecordRows.ColumnName;

/**
 * The rows the valuation job writes, one record per gold table, mapped by column name ({@link RecordRows});
 * the mappers are checked against the tables when this class loads. Money at the storage scale.
 */
final class CollateralRows {
  private CollateralRows() {}

  /** A row of gold.collateral_valuation ({@link FinanceTables#COLLATERAL_VALUATION}). */
  record Valuation(String region, LocalDate valuationDate, String loanId, String bankId, String pledgeId, String rightId,
      Optional<String> rightType, Optional<String> subject, Optional<String> zoneId, double quantity,
      Optional<BigDecimal> spotPrice, @ColumnName("avg_price_20d") Optional<BigDecimal> averagePrice, int tradesInWindow,
      int seriesTrades, Optional<BigDecimal> valuationPrice, String priceSource, Optional<Double> haircut,
      Optional<Double> liquidityAddon, Optional<Double> ltv, Optional<LocalDate> validUntil,
      Optional<LocalDate> loanMaturesOn, Optional<Double> remainingTermYears,
      Optional<Double> termFactor, Optional<BigDecimal> collateralValueYuan, Optional<BigDecimal> maxLoanYuan, BigDecimal outstandingYuan,
      BigDecimal outstandingShareYuan, Optional<Double> ltvActual, Optional<BigDecimal> marginCallPrice,
      Optional<Double> topupQuantity, String status, String notes, Optional<String> quantityUnit,
      Optional<String> priceUnit) {}

  /** A row of gold.collateral_stress ({@link FinanceTables#COLLATERAL_STRESS}). */
  record Stress(String region, LocalDate valuationDate, String loanId, String pledgeId, String rightId, double shock,
      BigDecimal stressedPrice, BigDecimal collateralValueYuan, BigDecimal maxLoanYuan, BigDecimal outstandingYuan,
      boolean ltvBreach, double topupQuantity) {}

  /** A row of gold.collateral_haircuts ({@link HaircutTables#COLLATERAL_HAIRCUTS}). */
  record Haircut(String region, LocalDate valuationDate, String loanId, String bankId, String pledgeId, String rightType,
      String series, Optional<LocalDate> windowStart, int windowTradingDays, int priceDays, int returns,
      Optional<Double> sigmaDaily, Optional<Double> sigmaAnnual, double confidence, double z, int liquidationDays,
      Optional<Double> volatilityHaircut, @ColumnName("configured_haircut") double configured, double cap, double haircut,
      Optional<String> basis, String note) {}

  static final RecordRows<Valuation> VALUATION = RecordRows.of(FinanceTables.COLLATERAL_VALUATION, Valuation.class);
  static final RecordRows<Stress> STRESS = RecordRows.of(FinanceTables.COLLATERAL_STRESS, Stress.class);
  static final RecordRows<Haircut> HAIRCUT = RecordRows.of(HaircutTables.COLLATERAL_HAIRCUTS, Haircut.class);
}
