package org.liangshan.finance;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.liangshan.warehouse.Column;
import org.liangshan.warehouse.Layer;
import org.liangshan.warehouse.TableDef;
import org.liangshan.warehouse.TableProvider;

/**
 * The gold tables of the finance products: collateral valuation and the compensation ledger (the
 * market's tables are {@link org.liangshan.market.MarketTables}). Every row carries the run and the
 * parameter-set version that produced it. Jobs replace one (region, period) slice at a time.
 */
public final class FinanceTables implements TableProvider {

  public static final TableDef COLLATERAL_VALUATION =
      TableDef.builder(Layer.GOLD, "collateral_valuation", "Pledged rights valued for banks (METHODOLOGY.md 7, collateral)")
          .string("region", "region id")
          .required("valuation_date", DateType, "valuation date")
          .string("loan_id", "loan")
          .string("bank_id", "bank")
          .string("pledge_id", "pledge")
          .string("right_id", "pledged right")
          .optional("right_type", StringType, "right type (null when the right is unknown)")
          .number("quantity", "quantity pledged")
          .optional("spot_price", Column.MONEY, "last trade price of the right type on or before the date")
          .optional("avg_price_20d", Column.MONEY, "volume-weighted average price of the window's trades")
          .required("trades_in_window", IntegerType, "trades of the right type in the window")
          .optional("valuation_price", Column.MONEY, "min(spot, average), or the benchmark in a thin market")
          .string("price_source", "market, benchmark:<...> (thin market) or none")
          .optional("haircut", DoubleType, "haircut of the right type")
          .optional("ltv", DoubleType, "loan-to-value of the right type")
          .optional("collateral_value_yuan", Column.MONEY, "quantity x price x (1 - haircut)")
          .optional("max_loan_yuan", Column.MONEY, "value x LTV")
          .money("outstanding_yuan", "loan balance")
          .money("outstanding_share_yuan", "the loan balance split evenly over the loan's pledges on the date")
          .optional("ltv_actual", DoubleType, "actual LTV: loan balance / collateral value (null when not valued)")
          .optional("margin_call_price", Column.MONEY, "valuation price x (1 - trigger drop)")
          .optional("topup_quantity", DoubleType, "top-up quantity at the margin-call price")
          .string("status", "ok, ltv_breach, refused_double_pledge, retired, expired, unknown_right, no_price, unsupported_right_type")
          .string("notes", "why the status, and the price fallback")
          .audit()
          .partitionBy("region")
          .naturalKey("region", "valuation_date", "pledge_id")
          .build();

  public static final TableDef COLLATERAL_STRESS =
      TableDef.builder(Layer.GOLD, "collateral_stress", "Valued pledges under price shocks")
          .string("region", "region id")
          .required("valuation_date", DateType, "valuation date")
          .string("loan_id", "loan")
          .string("pledge_id", "pledge")
          .string("right_id", "right")
          .number("shock", "relative price shock, e.g. -0.2")
          .money("stressed_price", "valuation price x (1 + shock)")
          .money("collateral_value_yuan", "value at the stressed price")
          .money("max_loan_yuan", "max loan at the stressed price")
          .money("outstanding_yuan", "loan balance")
          .required("ltv_breach", BooleanType, "outstanding above the stressed max loan")
          .number("topup_quantity", "quantity restoring the unstressed value at the stressed price")
          .audit()
          .partitionBy("region")
          .naturalKey("region", "valuation_date", "pledge_id", "shock")
          .build();

  public static final TableDef COMPENSATION_LEDGER =
      TableDef.builder(Layer.GOLD, "compensation_ledger", "Compensation transfers payer -> payee with their basis (METHODOLOGY.md 5)")
          .string("region", "region id")
          .required("year", IntegerType, "year")
          .string("period", "yyyy-MM (horizontal) or yyyy (vertical)")
          .string("entry_id", "agreement:period[:payee]:r<revision>")
          .string("agreement_id", "agreement")
          .string("method", "xinan-p-index, section-compensation or gep-keyed")
          .string("payer", "paying party")
          .string("payee", "receiving party")
          .money("amount_yuan", "amount, rounded to the fen (HALF_EVEN)")
          .string("basis", "JSON: the inputs the amount comes from")
          .string("status", "draft, reviewed, approved or rejected (gold.ledger_review_events holds the history)")
          .required("revision", IntegerType, "per period: 1, then +1 for each re-run beside a reviewed, approved or rejected revision")
          .audit()
          .check("amount_positive", "amount_yuan > 0")
          .check("review_status", "status IN ('draft', 'reviewed', 'approved', 'rejected')")
          .partitionBy("region")
          .naturalKey("region", "entry_id")
          .build();

  public static final TableDef COMPENSATION_POSTINGS =
      TableDef.builder(Layer.GOLD, "compensation_postings", "Double-entry postings of the compensation ledger")
          .string("region", "region id")
          .required("year", IntegerType, "year")
          .string("period", "period of the entry")
          .string("entry_id", "ledger entry")
          .string("account", "party:<name>")
          .money("debit_yuan", "debit (the payee receives)")
          .money("credit_yuan", "credit (the payer pays)")
          .string("status", "status of the entry")
          .required("revision", IntegerType, "revision of the entry")
          .audit()
          .check("one_side", "(debit_yuan = 0) <> (credit_yuan = 0)")
          .partitionBy("region")
          .naturalKey("region", "entry_id", "account")
          .build();

  public static final List<TableDef> ALL =
      List.of(
          COLLATERAL_VALUATION,
          COLLATERAL_STRESS,
          COMPENSATION_LEDGER,
          COMPENSATION_POSTINGS);

  @Override
  public List<TableDef> tables() {
    return ALL;
  }
}
