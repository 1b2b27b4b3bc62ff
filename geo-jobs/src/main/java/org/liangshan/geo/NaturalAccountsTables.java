package org.liangshan.geo;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.liangshan.warehouse.Layer;
import org.liangshan.warehouse.TableDef;
import org.liangshan.warehouse.TableProvider;

/**
 * Gold tables of the natural-resource balance sheet and the forestry carbon-sink base, filled by
 * {@code liangshan run accounting} ({@link NaturalAccountsJob}); each run replaces its (region,
 * year) slice. Every row carries {@code run_id} and {@code parameter_set}.
 */
public final class NaturalAccountsTables implements TableProvider {
  /** Areas in km² with 6 decimals: exact to the square metre, so the sheet's identity is exact. */
  public static final DecimalType AREA_KM2 = DataTypes.createDecimalType(38, 6);

  public static final TableDef NR_BALANCE_SHEET =
      TableDef.builder(Layer.GOLD, "nr_balance_sheet",
              "Natural-resource balance sheet: opening, additions, reductions, closing per district, year and asset, in km2 and yuan")
          .string("region", "region id")
          .required("year", IntegerType, "accounting year (the closing stock is this year's land cover)")
          .string("scope", "district, or region (the sum of the district rows)")
          .string("district_code", "district code; the region id on region rows")
          .string("district", "district name; the region name on region rows")
          .string("asset", "forest, wetland, water, cropland, grassland, other_land (built-up, bare, unknown)")
          .required("opening_km2", AREA_KM2, "opening stock: the previous year's land cover, km2")
          .required("additions_km2", AREA_KM2, "gross additions: sum over cell pieces of max(0, closing - opening), km2")
          .required("reductions_km2", AREA_KM2, "gross reductions: sum over cell pieces of max(0, opening - closing), km2")
          .required("closing_km2", AREA_KM2, "closing stock: the year's land cover, km2")
          .money("unit_value_yuan_per_km2", "unit value of the asset (balance_sheet.unit_value_yuan_per_km2)")
          .money("opening_value_yuan", "opening area x unit value, to the fen")
          .money("additions_value_yuan", "additions x unit value, to the fen")
          .money("reductions_value_yuan", "reductions x unit value, to the fen")
          .money("closing_value_yuan", "opening + additions - reductions (value)")
          .string("unit_value_source", "documented source of the unit value, or illustrative default")
          .optional("opening_landcover_year", IntegerType, "year of the land-cover scene of the opening stock; null when none")
          .required("closing_landcover_year", IntegerType, "year of the land-cover scene of the closing stock (0: a static map)")
          .string("opening_basis", "where the opening stock comes from")
          .audit()
          .check("area_identity", "closing_km2 = opening_km2 + additions_km2 - reductions_km2")
          .check("value_identity", "closing_value_yuan = opening_value_yuan + additions_value_yuan - reductions_value_yuan")
          .check("flows_non_negative", "opening_km2 >= 0 AND additions_km2 >= 0 AND reductions_km2 >= 0 AND closing_km2 >= 0")
          .check("scope_known", "scope IN ('district', 'region')")
          .partitionBy("region")
          .naturalKey("region", "year", "district_code", "asset")
          .build();

  public static final TableDef NR_LAND_TRANSITIONS =
      TableDef.builder(Layer.GOLD, "nr_land_transitions",
              "Gross land-cover transition matrix behind the balance sheet: area from one asset to another per district and year")
          .string("region", "region id")
          .required("year", IntegerType, "accounting year")
          .string("scope", "district or region")
          .string("district_code", "district code; the region id on region rows")
          .string("from_asset", "asset in the opening stock")
          .string("to_asset", "asset in the closing stock (equal to from_asset: the area that stayed)")
          .number("area_km2", "area, km2 (within a cell, each loss is spread over the gains in proportion)")
          .audit()
          .check("area_non_negative", "area_km2 >= 0")
          .partitionBy("region")
          .naturalKey("region", "year", "district_code", "from_asset", "to_asset")
          .build();

  public static final TableDef FOREST_CARBON_BASE =
      TableDef.builder(Layer.GOLD, "forest_carbon_base",
              "Forestry carbon-sink base: carbon stock and sequestration of each forest parcel of the rights register")
          .string("region", "region id")
          .required("year", IntegerType, "base year")
          .string("parcel_id", "parcel of silver.rights_register (right_type forest)")
          .string("district", "district as registered")
          .optional("district_code", StringType, "district code of the registered district; null when the name is not a district of the region")
          .optional("cell_id", StringType, "grid cell containing the parcel's point; null when outside the grid")
          .string("forest_type", "curve used: ENF, EBF, DNF, DBF or MF")
          .string("type_basis", "registered vegetation class, or the default type and why")
          .number("area_ha", "parcel area, ha (area_mu / 15)")
          .number("stand_age_years", "stand age used, years")
          .string("age_basis", "registered, or the default age because the register has none")
          .optional("cell_nep_gc_m2_vegetated", DoubleType, "the cell's CASA NEP per m2 of vegetated land, gC/m2 (nep_gc_m2 / vegetated_fraction)")
          .optional("observed_sequestration_tc", DoubleType, "area x cell NEP per vegetated m2, t C in the year")
          .number("model_sequestration_tc", "area x s x (C(age+1) - C(age)), t C")
          .number("site_factor", "s: observed / curve increment, clamped to the parameter set's range; 1 when not observed")
          .string("site_basis", "how the site factor was set")
          .number("stock_tc", "carbon stock area x s x C(age), t C")
          .number("stock_co2_t", "stock as CO2 (x 44/12), t")
          .number("potential_stock_tc", "mature stock area x s x A, t C")
          .number("gap_tc", "potential - stock, t C")
          .audit()
          .check("area_positive", "area_ha > 0")
          .check("gap_non_negative", "gap_tc >= 0")
          .partitionBy("region")
          .naturalKey("region", "year", "parcel_id")
          .build();

  public static final TableDef FOREST_CARBON_FORECAST =
      TableDef.builder(Layer.GOLD, "forest_carbon_forecast",
              "Forecast carbon stock and sequestration of each forest parcel for the next years (Richards stand growth)")
          .string("region", "region id")
          .required("year", IntegerType, "base year")
          .string("parcel_id", "parcel")
          .required("forecast_year", IntegerType, "year forecast (base year + 1 .. + forest_carbon.horizon_years)")
          .number("stand_age_years", "stand age at the end of the forecast year")
          .number("stock_tc", "stock at the end of the forecast year, t C")
          .number("sequestration_tc", "stock minus the previous year's stock, t C")
          .number("sequestration_co2_t", "sequestration as CO2, t")
          .audit()
          .partitionBy("region")
          .naturalKey("region", "year", "parcel_id", "forecast_year")
          .build();

  public static final TableDef FOREST_PRIORITY =
      TableDef.builder(Layer.GOLD, "forest_priority",
              "Priority areas: afforestation of non-forest land with high potential, and forest-management parcels with the largest gap to potential")
          .string("region", "region id")
          .required("year", IntegerType, "base year")
          .string("kind", "afforestation (a grid-cell piece) or forest_management (a register parcel)")
          .required("rank", IntegerType, "1 = highest potential within the kind, region and year")
          .string("target_id", "cell_id/district_code (afforestation) or parcel_id (forest management)")
          .optional("district_code", StringType, "district")
          .number("area_ha", "afforestable area (afforestation) or parcel area, ha")
          .number("potential_tc", "carbon gained within the horizon if planted now (afforestation), or gap to the mature stock (forest management), t C")
          .number("potential_co2_t", "potential as CO2, t")
          .string("basis", "the factors of the potential")
          .audit()
          .check("kind_known", "kind IN ('afforestation', 'forest_management')")
          .check("rank_positive", "rank > 0")
          .partitionBy("region")
          .naturalKey("region", "year", "kind", "target_id")
          .build();

  public static final List<TableDef> ALL =
      List.of(NR_BALANCE_SHEET, NR_LAND_TRANSITIONS, FOREST_CARBON_BASE, FOREST_CARBON_FORECAST, FOREST_PRIORITY);

  @Override
  public List<TableDef> tables() {
    return ALL;
  }
}
