package org.liangshan.finance.publish;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.liangshan.warehouse.RecordRows;

/**
 * The rows the bank-book job writes, one record per gold table, mapped by column name ({@link RecordRows});
 * the mappers are checked against the tables when this class loads. Money at the storage scale, rates as
 * exact decimals ({@link PublicationTables#RATE}).
 */
final class BankBookRows {
  private BankBookRows() {}

  /** A row of gold.green_project_library. */
  record Project(String region, LocalDate asOf, String projectId, String name, String category, String rating,
      String greenClass, BigDecimal discount, String criteria, LocalDate listedOn, int loans, BigDecimal outstandingYuan) {}

  /** A row of gold.loan_pricing. */
  record Pricing(String region, LocalDate asOf, String loanId, String bankId, String borrower, Optional<String> projectId,
      String rating, String ratingSource, String greenClass, BigDecimal baseRate, BigDecimal discount,
      BigDecimal pricedRate, Optional<BigDecimal> contractRate, BigDecimal outstandingYuan, BigDecimal annualSavingYuan) {}

  /** A row of gold.financed_emissions. */
  record Financed(String region, int year, String bankId, String loanId, String borrower, BigDecimal outstandingYuan,
      Optional<BigDecimal> evicYuan, Optional<BigDecimal> equityPlusDebtYuan, String attributionBasis,
      Optional<BigDecimal> attributionFactor, Optional<Double> borrowerTco2e, Optional<Double> financedTco2e,
      Optional<Integer> dataQuality) {}

  /** A row of gold.financed_emissions_by_bank. */
  record FinancedByBank(String region, int year, String bankId, String bankName, int loans, int loansAttributed,
      BigDecimal outstandingYuan, BigDecimal outstandingAttributedYuan, double financedTco2e,
      Optional<Double> weightedDataQuality) {}

  /** A row of gold.pboc_evaluation. */
  record Evaluation(String region, String quarter, String bankId, String bankName, BigDecimal greenOutstandingYuan,
      BigDecimal totalOutstandingYuan, BigDecimal regionGreenOutstandingYuan, BigDecimal previousGreenOutstandingYuan,
      BigDecimal greenOverdueYuan, BigDecimal greenShare, BigDecimal marketShare, Optional<BigDecimal> growth,
      BigDecimal overdueRatio, BigDecimal scoreGreenShare, BigDecimal scoreMarketShare, BigDecimal scoreGrowth,
      BigDecimal scoreRisk, Optional<BigDecimal> policy, Optional<BigDecimal> system, Optional<BigDecimal> support,
      BigDecimal quantitativeScore, Optional<BigDecimal> qualitativeScore, Optional<BigDecimal> totalScore, String notes) {}

  static final RecordRows<Project> PROJECT = RecordRows.of(PublicationTables.GREEN_PROJECT_LIBRARY, Project.class);
  static final RecordRows<Pricing> PRICING = RecordRows.of(PublicationTables.LOAN_PRICING, Pricing.class);
  static final RecordRows<Financed> FINANCED = RecordRows.of(PublicationTables.FINANCED_EMISSIONS, Financed.class);
  static final RecordRows<FinancedByBank> FINANCED_BY_BANK =
      RecordRows.of(PublicationTables.FINANCED_EMISSIONS_BY_BANK, FinancedByBank.class);
  static final RecordRows<Evaluation> EVALUATION = RecordRows.of(PublicationTables.PBOC_EVALUATION, Evaluation.class);
}
