package org.liangshan.finance;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.liangshan.warehouse.Layer;
import org.liangshan.warehouse.TableDef;
import org.liangshan.warehouse.TableProvider;

/**
 * The GEP realization rate ({@code liangshan run realization}, {@link RealizationJob}): one row per
 * district, the unattributed remainder and the region, and every source row behind them.
 */
public final class RealizationTables implements TableProvider {
  public static final TableDef GEP_REALIZATION =
      TableDef.builder(Layer.GOLD, "gep_realization",
              "GEP realization rate: value realized through trading, compensation and eco-finance / GEP, per district and year")
          .string("region", "region id")
          .required("year", IntegerType, "year")
          .string("scope", "district, unattributed (realized in the region but not attributable to a district) or region (the sum)")
          .string("district_code", "district code; 'unattributed'; the region id on the region row")
          .string("district", "district name")
          .money("auction_yuan", "eco-voucher auction awards of the year (a zone's auction split over its districts by area)")
          .money("trade_yuan", "trades of eco-rights (realization.trading_right_types), quantity x price, by the seller's district")
          .money("trading_yuan", "auction + trade")
          .money("compensation_yuan", "compensation ledger transfers received (latest revision, not rejected), by the payee")
          .money("eco_finance_issued_yuan", "principal of eco-product-backed loans disbursed in the year, by the borrower's district")
          .money("eco_finance_outstanding_yuan", "balance of eco-product-backed loans on 31 December")
          .money("eco_finance_yuan", "the eco-finance component counted (eco_finance_basis)")
          .money("realized_yuan", "trading + compensation + eco-finance")
          .money("gep_yuan", "GEP of the year (gold.gep_by_district); 0 on the unattributed row")
          .optional("realization_rate", DoubleType, "realized / GEP; null when GEP is 0")
          .string("eco_finance_basis", "issued or outstanding (realization.eco_finance_basis)")
          .string("provenance", "JSON: each input table and the Delta version read")
          .audit()
          .check("realized_sum", "realized_yuan = trading_yuan + compensation_yuan + eco_finance_yuan")
          .check("trading_sum", "trading_yuan = auction_yuan + trade_yuan")
          .check("scope_known", "scope IN ('district', 'unattributed', 'region')")
          .partitionBy("region")
          .naturalKey("region", "year", "district_code")
          .build();

  public static final TableDef GEP_REALIZATION_ITEMS =
      TableDef.builder(Layer.GOLD, "gep_realization_items",
              "Source rows behind gold.gep_realization: each auction award, trade, ledger entry and loan, with its district and amount")
          .string("region", "region id")
          .required("year", IntegerType, "year")
          .string("component", "trading, compensation or eco_finance")
          .string("channel", "auction, trade, ledger, loan_issued or loan_outstanding")
          .string("source_table", "table the row comes from")
          .string("source_id", "its key (auction_id:bid_id, trade_id, entry_id, loan_id)")
          .string("district_code", "district credited, or 'unattributed'")
          .money("amount_yuan", "amount credited to the district, to the fen")
          .optional("basis", StringType, "how the district was found (zone share, seller, payee, borrower)")
          .audit()
          .partitionBy("region")
          .naturalKey("region", "year", "channel", "source_id", "district_code")
          .build();

  public static final List<TableDef> ALL = List.of(GEP_REALIZATION, GEP_REALIZATION_ITEMS);

  @Override
  public List<TableDef> tables() {
    return ALL;
  }
}
