package org.liangshan.finance;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.liangshan.warehouse.Layer;
import org.liangshan.warehouse.TableDef;
import org.liangshan.warehouse.TableProvider;

/**
 * The haircut of every valued pledge and what it comes from (the observed price volatility of its right
 * type, or the configured haircut in a thin market; {@link org.liangshan.finance.model.VolatilityHaircut}).
 * The valuation job replaces one (region, valuation_date) slice, beside gold.collateral_valuation.
 */
public final class HaircutTables implements TableProvider {

  public static final TableDef COLLATERAL_HAIRCUTS =
      TableDef.builder(Layer.GOLD, "collateral_haircuts", "Haircut per valued pledge from observed price volatility (METHODOLOGY.md 7)")
          .string("region", "region id")
          .required("valuation_date", DateType, "valuation date")
          .string("loan_id", "loan")
          .string("bank_id", "bank")
          .string("pledge_id", "pledge")
          .string("right_type", "right type")
          .string("series", "price series: the right type, and its subject when the trades carry one")
          .optional("window_start", DateType, "first day of the window (null: configured haircut, no series)")
          .required("window_trading_days", IntegerType, "window length in weekdays (collateral.volatility.window_trading_days)")
          .required("price_days", IntegerType, "trading days with trades in the window")
          .required("returns", IntegerType, "daily log returns between consecutive such days")
          .optional("sigma_daily", DoubleType, "sample standard deviation of the daily log returns")
          .optional("sigma_annual", DoubleType, "sigma_daily x sqrt(trading_days_per_year)")
          .number("confidence", "one-sided confidence of z")
          .number("z", "standard normal quantile of the confidence")
          .required("liquidation_days", IntegerType, "days to liquidate the pledge")
          .optional("volatility_haircut", DoubleType, "sigma_annual x z x sqrt(liquidation_days / trading_days_per_year)")
          .number("configured_haircut", "haircut of the right type (collateral.right_types.<type>.haircut): the floor")
          .number("cap", "cap of the volatility haircut (collateral.volatility.cap)")
          .number("haircut", "haircut applied: max(configured, min(cap, volatility)), or configured in a thin market")
          .optional("basis", StringType, "volatility, floor, cap, thin_market or configured")
          .string("note", "the arithmetic in words")
          .audit()
          .partitionBy("region")
          .naturalKey("region", "valuation_date", "pledge_id")
          .build();

  public static final List<TableDef> ALL = List.of(COLLATERAL_HAIRCUTS);

  @Override
  public List<TableDef> tables() {
    return ALL;
  }
}
