package org.liangshan.finance.publish;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.liangshan.warehouse.Column;
import org.liangshan.warehouse.Layer;
import org.liangshan.warehouse.TableDef;
import org.liangshan.warehouse.TableProvider;

/**
 * The tables of publication: the review history of the compensation ledger (append-only), loan pricing
 * with the green project library, PCAF financed emissions and the PBoC quarterly evaluation per bank.
 */
public final class PublicationTables implements TableProvider {
  /** Rates and factors: exact decimals (a rate of 0.0435 stays 0.0435). */
  public static final DecimalType RATE = DataTypes.createDecimalType(20, 10);

  public static final TableDef LEDGER_REVIEW_EVENTS =
      TableDef.builder(Layer.GOLD, "ledger_review_events", "Review history of the compensation ledger: append-only (delta.appendOnly)")
          .string("region", "region id")
          .required("year", IntegerType, "year of the period")
          .string("period", "ledger period (yyyy-MM or yyyy)")
          .required("revision", IntegerType, "revision acted on")
          .string("event_id", "region:period:r<revision>:<n>")
          .string("action", "review, approve or reject")
          .string("from_status", "status before")
          .string("to_status", "status after")
          .string("actor", "who acted (--by)")
          .required("at", TimestampType, "when, UTC")
          .optional("reason", StringType, "why (required for a rejection)")
          .required("entries", IntegerType, "entries of the revision")
          .money("total_yuan", "sum of the revision's amounts, yuan (fen)")
          .string("content_sha256", "SHA-256 of the revision's entries (id, payer, payee, amount, basis) as acted on")
          .required("ledger_version", LongType, "Delta version of gold.compensation_ledger read")
          .string("computed_by_run", "run that computed the revision")
          .audit()
          .partitionBy("region")
          .naturalKey("event_id")
          .build();

  public static final TableDef GREEN_PROJECT_LIBRARY =
      TableDef.builder(Layer.GOLD, "green_project_library", "Green project library with ratings, criteria and the discount each rating earns")
          .string("region", "region id")
          .required("as_of", DateType, "date of the library")
          .string("project_id", "project")
          .string("name", "project name")
          .string("category", "category")
          .string("rating", "library rating (A, B, C)")
          .string("green_class", "class of the rating scale (loan_pricing.rating_scale)")
          .required("discount", RATE, "rate discount of the class (loan_pricing.discounts_by_rating)")
          .string("criteria", "rating criteria as listed")
          .required("listed_on", DateType, "date listed")
          .required("loans", IntegerType, "loans financing the project")
          .money("outstanding_yuan", "outstanding of those loans")
          .audit()
          .partitionBy("region")
          .naturalKey("region", "as_of", "project_id")
          .build();

  public static final TableDef LOAN_PRICING =
      TableDef.builder(Layer.GOLD, "loan_pricing", "Green loan pricing: rate = base - discount of the green rating (METHODOLOGY.md 7)")
          .string("region", "region id")
          .required("as_of", DateType, "pricing date")
          .string("loan_id", "loan")
          .string("bank_id", "bank")
          .string("borrower", "borrower")
          .optional("project_id", StringType, "green project")
          .string("rating", "rating used (A, B, C or none)")
          .string("rating_source", "green project library, loan record, or none")
          .string("green_class", "class of the rating scale")
          .required("base_rate", RATE, "base rate (loan_pricing.base_rate)")
          .required("discount", RATE, "green discount of the class")
          .required("priced_rate", RATE, "base - discount, not below 0")
          .optional("contract_rate", RATE, "rate on the loan record")
          .money("outstanding_yuan", "loan balance")
          .money("annual_saving_yuan", "outstanding x discount: interest a year the discount saves the borrower")
          .audit()
          .partitionBy("region")
          .naturalKey("region", "as_of", "loan_id")
          .build();

  public static final TableDef FINANCED_EMISSIONS =
      TableDef.builder(Layer.GOLD, "financed_emissions", "PCAF financed emissions per loan (METHODOLOGY.md 7, pcaf)")
          .string("region", "region id")
          .required("year", IntegerType, "year of the borrower data and the balance")
          .string("bank_id", "bank")
          .string("loan_id", "loan")
          .string("borrower", "borrower")
          .money("outstanding_yuan", "loan balance")
          .optional("evic_yuan", Column.MONEY, "borrower EVIC")
          .optional("equity_plus_debt_yuan", Column.MONEY, "equity + debt when EVIC is not given")
          .string("attribution_basis", "evic or equity+debt, or why none")
          .optional("attribution_factor", RATE, "outstanding / (EVIC or equity + debt)")
          .optional("borrower_tco2e", DataTypes.DoubleType, "borrower scope 1+2 emissions, tCO2e")
          .optional("financed_tco2e", DataTypes.DoubleType, "attribution x emissions, tCO2e")
          .optional("data_quality", IntegerType, "PCAF data-quality score 1 (best) .. 5")
          .audit()
          .partitionBy("region")
          .naturalKey("region", "year", "loan_id")
          .build();

  public static final TableDef FINANCED_EMISSIONS_BY_BANK =
      TableDef.builder(Layer.GOLD, "financed_emissions_by_bank", "PCAF financed emissions per bank and year")
          .string("region", "region id")
          .required("year", IntegerType, "year")
          .string("bank_id", "bank")
          .string("bank_name", "bank name")
          .required("loans", IntegerType, "loans in the book")
          .required("loans_attributed", IntegerType, "loans with borrower data (attributed)")
          .money("outstanding_yuan", "outstanding of all loans")
          .money("outstanding_attributed_yuan", "outstanding of the attributed loans (coverage)")
          .number("financed_tco2e", "sum of financed emissions, tCO2e")
          .optional("weighted_data_quality", DataTypes.DoubleType, "data-quality score weighted by outstanding")
          .audit()
          .partitionBy("region")
          .naturalKey("region", "year", "bank_id")
          .build();

  public static final TableDef PBOC_EVALUATION =
      TableDef.builder(Layer.GOLD, "pboc_evaluation", "PBoC quarterly green-finance evaluation per bank (METHODOLOGY.md 7, pboc-score)")
          .string("region", "region id")
          .string("quarter", "yyyy-Qn")
          .string("bank_id", "bank")
          .string("bank_name", "bank name")
          .money("green_outstanding_yuan", "outstanding of green loans (rating A, B or C) at quarter end")
          .money("total_outstanding_yuan", "outstanding of all loans")
          .money("region_green_outstanding_yuan", "green outstanding of all banks of the region")
          .money("previous_green_outstanding_yuan", "green outstanding at the end of the previous quarter")
          .money("green_overdue_yuan", "green outstanding past maturity (the risk indicator's basis)")
          .required("green_share", RATE, "green / total outstanding")
          .required("market_share", RATE, "green outstanding / the region's green outstanding")
          .optional("growth", RATE, "green outstanding growth over the previous quarter (null: no previous balance)")
          .required("overdue_ratio", RATE, "green overdue / green outstanding")
          .required("score_green_share", RATE, "indicator score 0-100")
          .required("score_market_share", RATE, "indicator score 0-100")
          .required("score_growth", RATE, "indicator score 0-100")
          .required("score_risk", RATE, "indicator score 0-100")
          .optional("policy", RATE, "qualitative: policy execution 0-100 (silver.bank_qualitative)")
          .optional("system", RATE, "qualitative: internal system 0-100")
          .optional("support", RATE, "qualitative: industry support 0-100")
          .required("quantitative_score", RATE, "weighted indicator scores")
          .optional("qualitative_score", RATE, "weighted qualitative scores (null without them)")
          .optional("total_score", RATE, "80 % quantitative + 20 % qualitative (null without qualitative scores)")
          .string("notes", "how each indicator was scored")
          .audit()
          .partitionBy("region")
          .naturalKey("region", "quarter", "bank_id")
          .build();

  public static final List<TableDef> ALL = List.of(LEDGER_REVIEW_EVENTS, GREEN_PROJECT_LIBRARY, LOAN_PRICING,
      FINANCED_EMISSIONS, FINANCED_EMISSIONS_BY_BANK, PBOC_EVALUATION);

  @Override
  public List<TableDef> tables() {
    return ALL;
  }
}
