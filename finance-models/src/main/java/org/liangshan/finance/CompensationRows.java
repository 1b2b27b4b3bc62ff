package org.liangshan.finance;

import java.math.BigDecimal;
import org.liangshan.warehouse.RecordRows;

/**
 * The rows the compensation job writes, one record per gold table, mapped by column name ({@link RecordRows});
 * the mappers are checked against the tables when this class loads. Money at the storage scale.
 */
final class CompensationRows {
  private CompensationRows() {}

  /** A row of gold.compensation_ledger ({@link FinanceTables#COMPENSATION_LEDGER}). */
  record Entry(String region, int year, String period, String entryId, String agreementId, String method, String payer,
      String payee, BigDecimal amountYuan, String basis, double illustrativeShare, String status, int revision) {}

  /** A row of gold.compensation_postings ({@link FinanceTables#COMPENSATION_POSTINGS}). */
  record Posting(String region, int year, String period, String entryId, String account, BigDecimal debitYuan,
      BigDecimal creditYuan, String status, int revision) {}

  static final RecordRows<Entry> ENTRY = RecordRows.of(FinanceTables.COMPENSATION_LEDGER, Entry.class);
  static final RecordRows<Posting> POSTING = RecordRows.of(FinanceTables.COMPENSATION_POSTINGS, Posting.class);
}
