package org.liangshan.market;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.liangshan.warehouse.Column;
import org.liangshan.warehouse.Layer;
import org.liangshan.warehouse.TableDef;
import org.liangshan.warehouse.TableProvider;

/**
 * The market's verification, its supply and demand board and event-neutrality certificates (docs/market.md).
 * The market job replaces one (region, year) slice of each.
 */
public final class MarketBoardTables implements TableProvider {

  public static final TableDef COMPLIANCE =
      TableDef.builder(Layer.GOLD, "compliance", "Verification: occupation and emissions against holdings; shortfalls are obligations to buy")
          .string("region", "region id")
          .required("year", IntegerType, "verified year")
          .required("as_of", DateType, "holdings date (31 December of the year)")
          .string("holder", "enterprise USCC")
          .optional("name", StringType, "enterprise name")
          .string("kind", "water (t/a of a zone's capacity) or carbon (tCO2e)")
          .optional("zone_id", StringType, "water-function zone (water)")
          .string("subject", "pollutant, or CO2")
          .number("required_quantity", "occupation t/a (gold.enterprise_occupation) or direct emissions tCO2e (gold.enterprise_emissions)")
          .number("held_quantity", "eco-vouchers and discharge rights (water) or carbon quotas (carbon) held, same unit")
          .number("shortfall_quantity", "required - held when positive: the obligation to buy")
          .number("surplus_quantity", "held - required when positive")
          .string("unit", "t/a or tCO2e")
          .string("status", "covered or obligation_to_buy")
          .string("right_to_buy", "eco_voucher or carbon_quota")
          .optional("obligation_value_yuan", Column.MONEY, "shortfall x reference price (benchmark or national carbon price), when known")
          .string("covered_by", "right ids counted")
          .string("basis", "what the requirement comes from")
          .audit()
          .check("shortfall_non_negative", "shortfall_quantity >= 0")
          .check("status_known", "status IN ('covered', 'obligation_to_buy')")
          .partitionBy("region")
          .naturalKey("region", "year", "holder", "kind", "zone_id", "subject")
          .build();

  public static final TableDef MARKET_BOARD =
      TableDef.builder(Layer.GOLD, "market_board", "Supply and demand board: open offers (surplus holdings) and needs (obligations to buy)")
          .string("region", "region id")
          .required("year", IntegerType, "year")
          .required("as_of", DateType, "board date (31 December of the year)")
          .string("entry_id", "side:right_type:zone:subject:party")
          .string("side", "offer or need")
          .string("party", "holder offering, or enterprise obliged to buy")
          .string("right_type", "eco_voucher, carbon_quota or carbon_sink_credit")
          .optional("zone_id", StringType, "zone (water rights)")
          .optional("subject", StringType, "pollutant or CO2")
          .number("quantity", "quantity offered or needed")
          .string("unit", "t/a or tCO2e")
          .optional("reference_price_yuan", Column.MONEY, "benchmark price per t/a, or national reference carbon price per tCO2e")
          .string("price_basis", "where the reference price comes from, or none")
          .optional("reference_value_yuan", Column.MONEY, "quantity x reference price")
          .string("basis", "why the entry is on the board")
          .audit()
          .check("quantity_positive", "quantity > 0")
          .check("side_known", "side IN ('offer', 'need')")
          .partitionBy("region")
          .naturalKey("region", "year", "entry_id")
          .build();

  public static final TableDef NEUTRALITY_CERTIFICATES =
      TableDef.builder(Layer.GOLD, "neutrality_certificates", "Event carbon neutrality: emissions offset by retiring carbon-sink credits")
          .string("region", "region id")
          .required("year", IntegerType, "year of the event")
          .string("certificate_id", "NC-<event id>")
          .string("event_id", "event")
          .string("event_name", "event name")
          .string("organiser", "beneficiary of the retirement")
          .required("event_date", DateType, "date of the event and of the retirement")
          .number("emissions_tco2e", "the event's emissions")
          .required("required_tco2e", LongType, "whole tCO2e to retire (emissions rounded up)")
          .required("retired_tco2e", LongType, "tCO2e retired (0 when refused)")
          .string("credit_holder", "account the credits were retired from")
          .string("rights_retired", "right:quantity, comma-separated (the retire movements in gold.holdings_movements)")
          .string("status", "neutral or refused")
          .string("reason", "what was retired, or why not")
          .audit()
          .check("status_known", "status IN ('neutral', 'refused')")
          .check("retired_all_or_nothing", "retired_tco2e = 0 OR retired_tco2e = required_tco2e")
          .partitionBy("region")
          .naturalKey("region", "certificate_id")
          .build();

  public static final List<TableDef> ALL = List.of(COMPLIANCE, MARKET_BOARD, NEUTRALITY_CERTIFICATES);

  @Override
  public List<TableDef> tables() {
    return ALL;
  }

}
