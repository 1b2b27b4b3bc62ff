package org.liangshan.market;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.liangshan.warehouse.Layer;
import org.liangshan.warehouse.TableDef;
import org.liangshan.warehouse.TableProvider;

/**
 * The gold tables of the rights market: capacity, occupation, emissions, benchmark prices, auctions and
 * holdings. Every row carries the run and the parameter-set version that produced it. Jobs replace one
 * (region, year) slice at a time.
 */
public final class MarketTables implements TableProvider {

  public static final TableDef ZONE_CAPACITY =
      TableDef.builder(Layer.GOLD, "zone_capacity", "Water environmental capacity per zone, pollutant and year (METHODOLOGY.md 3)")
          .string("region", "region id")
          .required("year", IntegerType, "year")
          .string("zone_id", "water-function zone")
          .string("pollutant", "COD, NH3-N, TP or TN")
          .string("water_body", "river or lake")
          .string("model", "river_distributed, river_point_head or lake")
          .required("target_class", IntegerType, "GB 3838-2002 target class 1..5")
          .number("cs_mg_l", "standard limit Cs of the target class, mg/L")
          .number("c0_mg_l", "background concentration C0: mean of the zone sections' monthly means of the year, mg/L")
          .string("c0_basis", "sections and samples behind C0")
          .number("design_flow_m3_s", "design flow: minimum monthly mean flow of the year at the control section, m3/s")
          .string("design_flow_section", "control section: the zone's section with the largest annual mean flow")
          .number("k_per_day", "decay coefficient K, 1/day")
          .number("capacity_t_a", "capacity W, t/a")
          .number("background_t_a", "background load, t/a")
          .string("background_basis", "where the background load comes from")
          .number("safety_margin", "safety margin, fraction of W")
          .number("allocatable_t_a", "allocatable = W - background - margin x W, t/a")
          .number("occupied_t_a", "occupation of the zone's enterprises, t/a (gold.enterprise_occupation)")
          .number("remaining_t_a", "allocatable - occupied, t/a (negative: over-allocated)")
          .audit()
          .partitionBy("region")
          .naturalKey("region", "year", "zone_id", "pollutant")
          .build();

  public static final TableDef ENTERPRISE_OCCUPATION =
      TableDef.builder(Layer.GOLD, "enterprise_occupation", "Capacity occupied per enterprise, pollutant and year")
          .string("region", "region id")
          .required("year", IntegerType, "year")
          .string("uscc", "enterprise")
          .string("name", "enterprise name")
          .string("industry", "industry code")
          .optional("zone_id", StringType, "water-function zone (registry, else the zone whose bounds hold the site)")
          .string("pollutant", "COD, NH3-N, TP or TN")
          .string("method", "coefficient:tea_garden, coefficient:hotel, coefficient:farm, metered, or mixed")
          .required("months_reported", IntegerType, "months of activity behind the number")
          .required("metered_months", IntegerType, "months computed from metered discharge")
          .number("occupation_t_a", "occupation, t in the year (sum of the months reported)")
          .audit()
          .partitionBy("region")
          .naturalKey("region", "year", "uscc", "pollutant")
          .build();

  public static final TableDef ENTERPRISE_EMISSIONS =
      TableDef.builder(Layer.GOLD, "enterprise_emissions", "CO2 of steel and cement plants and their quota allocation (METHODOLOGY.md 4)")
          .string("region", "region id")
          .required("year", IntegerType, "year")
          .string("uscc", "enterprise")
          .string("name", "enterprise name")
          .string("industry", "steel or cement")
          .string("method", "energy_consumption, or energy_consumption+process for cement")
          .required("months_reported", IntegerType, "months of activity")
          .number("coal_t", "raw coal burned, t")
          .number("gas_10k_m3", "natural gas burned, 10^4 m3")
          .number("electricity_mwh", "purchased electricity, MWh")
          .number("clinker_t", "clinker produced, t")
          .number("combustion_tco2", "fuel combustion, tCO2")
          .number("process_tco2", "cement calcination, tCO2")
          .number("electricity_tco2", "purchased electricity, tCO2")
          .number("total_tco2", "total, tCO2")
          .number("direct_tco2", "direct emissions (combustion + process), the verified basis of free allocation")
          .string("grid_ef_year", "year of the grid emission factor used")
          .optional("previous_direct_tco2", DoubleType, "last year's direct emissions, when its activity is in silver")
          .string("quota_rule", "allocation rule (carbon_quota.rule)")
          .number("pre_allocated_tco2", "pre-allocation from last year's verified emissions (0 without them)")
          .number("final_allocation_tco2", "final allocation once the year is verified")
          .number("true_up_tco2", "final - pre-allocated")
          .audit()
          .partitionBy("region")
          .naturalKey("region", "year", "uscc")
          .build();

  public static final TableDef BENCHMARK_PRICES =
      TableDef.builder(Layer.GOLD, "benchmark_prices", "Cost-based benchmark price per zone and pollutant (METHODOLOGY.md 3)")
          .string("region", "region id")
          .required("year", IntegerType, "year")
          .string("zone_id", "water-function zone")
          .string("pollutant", "COD, NH3-N, TP or TN")
          .money("benchmark_price_yuan_per_t_a", "annualized cost / tradable capacity, yuan per t/a")
          .money("annualized_cost_yuan", "sum of capital x CRF + operating + opportunity, yuan a year")
          .number("tradable_capacity_t_a", "tradable capacity: the zone's allocatable capacity, t/a")
          .required("survey_year", IntegerType, "protection-cost survey used (latest not after the year)")
          .required("cost_items", IntegerType, "survey items behind the cost")
          .audit()
          .check("price_positive", "benchmark_price_yuan_per_t_a > 0")
          .partitionBy("region")
          .naturalKey("region", "year", "zone_id", "pollutant")
          .build();

  public static final TableDef AUCTION_RESULTS =
      TableDef.builder(Layer.GOLD, "auction_results", "Eco-voucher auctions cleared (METHODOLOGY.md 6)")
          .string("region", "region id")
          .required("year", IntegerType, "year the auction closed")
          .string("auction_id", "auction")
          .optional("zone_id", StringType, "zone")
          .string("pollutant", "subject")
          .required("supply", LongType, "units offered")
          .money("reserve_price_yuan", "reserve: the benchmark price of the zone and pollutant")
          .money("clearing_price_yuan", "uniform clearing price every winner pays")
          .required("sold", LongType, "units awarded")
          .required("undersubscribed", BooleanType, "valid demand below supply")
          .string("rule", "lowest_accepted or highest_rejected")
          .required("tie_seed", LongType, "seed of the tie order")
          .string("tie_order", "seeded order of the bidders tied at the margin (comma-separated)")
          .required("bids_received", IntegerType, "bids submitted")
          .required("bids_awarded", IntegerType, "bids that won units")
          .audit()
          .check("sold_within_supply", "sold <= supply")
          .partitionBy("region")
          .naturalKey("region", "auction_id")
          .build();

  public static final TableDef AUCTION_AWARDS =
      TableDef.builder(Layer.GOLD, "auction_awards", "Units won per bid, at the clearing price")
          .string("region", "region id")
          .required("year", IntegerType, "year the auction closed")
          .string("auction_id", "auction")
          .string("bid_id", "bid")
          .string("bidder", "bidder USCC")
          .required("quantity", LongType, "units won")
          .money("price_yuan", "clearing price per unit")
          .money("amount_yuan", "quantity x price")
          .string("right_id", "the eco-voucher right the award creates in the holdings ledger")
          .optional("zone_id", StringType, "zone of the auction")
          .string("pollutant", "subject of the auction")
          .required("awarded_on", DateType, "closing date of the auction (China Standard Time)")
          .audit()
          .check("quantity_positive", "quantity > 0")
          .partitionBy("region")
          .naturalKey("region", "auction_id", "bid_id")
          .build();

  public static final TableDef AUCTION_REJECTIONS =
      TableDef.builder(Layer.GOLD, "auction_rejections", "Bids that won nothing, with the reason")
          .string("region", "region id")
          .required("year", IntegerType, "year the auction closed")
          .string("auction_id", "auction")
          .string("bid_id", "bid")
          .string("bidder", "bidder")
          .string("reason_code", "UNKNOWN_BIDDER, NON_POSITIVE_QUANTITY, FRACTIONAL_QUANTITY, BELOW_RESERVE, BEFORE_OPEN, AFTER_CLOSE, OVER_DEPOSIT, SUPERSEDED, OUTBID, NO_RESERVE_PRICE")
          .string("reason", "what is wrong, with the values")
          .audit()
          .partitionBy("region")
          .naturalKey("region", "auction_id", "bid_id")
          .build();

  public static final TableDef HOLDINGS_MOVEMENTS =
      TableDef.builder(Layer.GOLD, "holdings_movements", "Double-entry movements of rights between accounts (units of the right)")
          .string("region", "region id")
          .required("year", IntegerType, "year of the movement")
          .string("movement_id", "type:right_id")
          .required("movement_date", DateType, "date of the movement")
          .string("movement_type", "issue, award, expire or retire")
          .string("right_id", "right")
          .string("right_type", "right type")
          .optional("zone_id", StringType, "zone of a water right")
          .optional("subject", StringType, "pollutant or gas; none for some right types")
          .string("debit_account", "account receiving the units")
          .string("credit_account", "account giving the units")
          .number("quantity", "units moved (> 0)")
          .string("source", "where the movement comes from")
          .audit()
          .check("quantity_positive", "quantity > 0")
          .check("two_accounts", "debit_account <> credit_account")
          .partitionBy("region")
          .naturalKey("region", "movement_id")
          .build();

  public static final TableDef HOLDINGS =
      TableDef.builder(Layer.GOLD, "holdings", "Balances per account and right at the end of a year")
          .string("region", "region id")
          .required("year", IntegerType, "year")
          .required("as_of", DateType, "balance date (31 December of the year)")
          .string("account", "holder:<uscc>, retired or expired")
          .string("right_id", "right")
          .string("right_type", "right type")
          .optional("zone_id", StringType, "zone")
          .optional("subject", StringType, "pollutant or gas; none for some right types")
          .number("quantity", "units held")
          .audit()
          .check("never_negative", "quantity >= 0")
          .partitionBy("region")
          .naturalKey("region", "year", "account", "right_id")
          .build();

  public static final List<TableDef> ALL =
      List.of(
          ZONE_CAPACITY,
          ENTERPRISE_OCCUPATION,
          ENTERPRISE_EMISSIONS,
          BENCHMARK_PRICES,
          AUCTION_RESULTS,
          AUCTION_AWARDS,
          AUCTION_REJECTIONS,
          HOLDINGS_MOVEMENTS,
          HOLDINGS);

  @Override
  public List<TableDef> tables() {
    return ALL;
  }
}
