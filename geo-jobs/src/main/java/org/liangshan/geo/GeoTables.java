package org.liangshan.geo;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.liangshan.geo.model.LandCover;
import org.liangshan.warehouse.Layer;
import org.liangshan.warehouse.TableDef;
import org.liangshan.warehouse.TableProvider;

/**
 * The gold tables of the grid accounting. Names and key columns are a contract other modules and
 * the dashboards read. Every row carries {@code run_id} and {@code parameter_set}; each accounting
 * run replaces its (region, year) slice atomically ({@code gold.grid_cells}: its region).
 */
public final class GeoTables implements TableProvider {
  public static final TableDef GRID_CELLS =
      TableDef.builder(Layer.GOLD, "grid_cells", "Analysis grid: one row per grid cell x district piece")
          .string("region", "region id")
          .string("cell_id", "cell id <region>-<column>-<row> in the metric grid (row 0 southernmost)")
          .required("cell_column", IntegerType, "column in the metric grid")
          .required("cell_row", IntegerType, "row in the metric grid")
          .string("district_code", "administrative division code of the piece's district")
          .string("district", "district name")
          .optional("zone_id", StringType, "water-function zone containing the piece's interior point")
          .number("area_m2", "piece area in the region's metric CRS, m2")
          .number("centroid_lon", "piece centroid longitude, WGS 84")
          .number("centroid_lat", "piece centroid latitude, WGS 84")
          .string("wkt", "piece polygon in EPSG:4326 as WKT")
          .string("polygon_json", "outer ring of the piece (largest part) as a JSON array of [lon, lat] pairs")
          .string("metric_crs", "CRS in which cells are square and areas measured")
          .number("resolution_m", "cell size, m")
          .audit()
          .check("area_positive", "area_m2 > 0")
          .partitionBy("region")
          .naturalKey("region", "cell_id", "district_code")
          .build();

  public static final TableDef CELL_MONTH_STATS =
      TableDef.builder(Layer.GOLD, "cell_month_stats", "Zonal statistics: monthly mean of each raster product per grid cell")
          .string("region", "region id")
          .required("year", IntegerType, "year")
          .required("month", IntegerType, "month 1..12")
          .string("cell_id", "grid cell (gold.grid_cells)")
          .string("product", "ndvi, temperature, precipitation, radiation, et, pet")
          .string("unit", "unit of mean_value")
          .optional("mean_value", DoubleType, "mean of the valid pixels centred in the cell; null when none")
          .required("valid_pixels", LongType, "valid pixels centred in the cell")
          .required("pixels", LongType, "pixels centred in the cell, valid or not")
          .number("coverage", "valid_pixels / pixels; 0 when no valid pixel")
          .string("scene", "URI of the GeoTIFF the statistics come from")
          .audit()
          .check("coverage_fraction", "coverage >= 0 AND coverage <= 1")
          .check("valid_le_pixels", "valid_pixels <= pixels")
          .partitionBy("region")
          .naturalKey("region", "year", "month", "cell_id", "product")
          .build();

  public static final TableDef LANDCOVER_FRACTIONS = landCoverFractions();

  public static final TableDef CARBON_SINK_CELL_YEAR =
      TableDef.builder(Layer.GOLD, "carbon_sink_cell_year", "CASA carbon sink per grid cell piece and year")
          .string("region", "region id")
          .required("year", IntegerType, "year")
          .string("cell_id", "grid cell")
          .string("district_code", "district of the piece")
          .string("veg_class", "dominant vegetated land-cover class (CASA class), NONE when no vegetation")
          .number("area_m2", "piece area, m2")
          .number("vegetated_fraction", "share of the cell's classified pixels that are vegetated")
          .required("peak_ndvi_month", IntegerType, "month of peak NDVI (0 when unknown)")
          .optional("t_opt_c", DoubleType, "temperature of the peak-NDVI month, degC")
          .required("months_computed", IntegerType, "months summed: every CASA input present and some vegetated land cover (0 otherwise)")
          .number("npp_gc_m2", "annual NPP per m2 of cell, gC/m2")
          .number("nep_gc_m2", "annual NEP per m2 of cell, gC/m2")
          .number("npp_tc", "annual NPP of the piece, t C")
          .number("rh_tc", "annual heterotrophic respiration of the piece, t C")
          .number("nep_tc", "annual NEP (net sink) of the piece, t C")
          .number("co2_t", "NEP as CO2, t (x 44/12)")
          .audit()
          .check("months_range", "months_computed >= 0 AND months_computed <= 12")
          .partitionBy("region")
          .naturalKey("region", "year", "cell_id", "district_code")
          .build();

  public static final TableDef CARBON_SINK_DISTRICT_YEAR =
      TableDef.builder(Layer.GOLD, "carbon_sink_district_year", "CASA carbon sink per district and year: sums of the cell pieces")
          .string("region", "region id")
          .required("year", IntegerType, "year")
          .string("district_code", "district code")
          .string("district", "district name")
          .number("area_m2", "district area (sum of its pieces), m2")
          .required("pieces", IntegerType, "cell pieces summed")
          .number("npp_tc", "annual NPP, t C")
          .number("rh_tc", "annual heterotrophic respiration, t C")
          .number("nep_tc", "annual NEP (net sink), t C")
          .number("co2_t", "NEP as CO2, t")
          .audit()
          .partitionBy("region")
          .naturalKey("region", "year", "district_code")
          .build();

  public static final TableDef GEP_BY_DISTRICT =
      TableDef.builder(Layer.GOLD, "gep_by_district", "GEP per district, year and service: physical quantity and value")
          .string("region", "region id")
          .required("year", IntegerType, "year")
          .string("district_code", "district code")
          .string("district", "district name")
          .string("service", "GEP indicator (gep.indicators of the parameter set)")
          .string("category", "EPV, ERV or ECV")
          .number("physical_quantity", "physical quantity in physical_unit")
          .string("physical_unit", "unit of physical_quantity")
          .money("value_yuan", "value, yuan")
          .optional("detail", StringType, "components of the value (JSON), for statistics-based services")
          .audit()
          .check("category_known", "category IN ('EPV', 'ERV', 'ECV')")
          .partitionBy("region")
          .naturalKey("region", "year", "district_code", "service")
          .build();

  public static final TableDef GEP_CELL_YEAR =
      TableDef.builder(Layer.GOLD, "gep_cell_year", "Grid-derived GEP per cell piece and year, for the map")
          .string("region", "region id")
          .required("year", IntegerType, "year")
          .string("cell_id", "grid cell")
          .string("district_code", "district of the piece")
          .number("area_m2", "piece area, m2")
          .money("value_yuan", "sum of the included grid-derived services, yuan")
          .number("precip_mm", "annual precipitation over the months with P and ET, mm")
          .number("et_mm", "annual ET over the same months, mm")
          .required("water_months", IntegerType, "months in the water balance")
          .number("water_conservation_m3", "water conserved, m3")
          .money("water_conservation_yuan", "water conservation value, yuan")
          .number("flood_regulation_m3", "swamp flood storage of the wetland area, m3")
          .money("flood_regulation_yuan", "flood regulation value, yuan")
          .number("carbon_fixation_tc", "NEP, t C")
          .money("carbon_fixation_yuan", "carbon fixation value, yuan")
          .number("oxygen_release_t", "O2 released, t")
          .money("oxygen_release_yuan", "oxygen release value, yuan")
          .number("rusle_r", "RUSLE rainfall erosivity R from monthly precipitation, MJ mm/(ha h a)")
          .optional("rusle_ls", DoubleType, "mean RUSLE LS of the cell's DEM pixels (null without a DEM)")
          .number("soil_retention_t", "soil retained (RUSLE potential - actual), t")
          .money("soil_retention_yuan", "soil retention value (sediment + N + P), yuan")
          .number("water_purification_t", "COD + NH3-N + TN + TP removed, capped at the zone capacity, t")
          .money("water_purification_yuan", "water purification value, yuan")
          .number("air_purification_t", "SO2 + NOx + dust absorbed, t")
          .money("air_purification_yuan", "air purification value, yuan")
          .number("climate_regulation_kwh", "transpiration and water-surface evaporation energy, kWh")
          .money("climate_regulation_yuan", "climate regulation value, yuan")
          .string("services_included", "comma-separated services summed in value_yuan")
          .audit()
          .partitionBy("region")
          .naturalKey("region", "year", "cell_id", "district_code")
          .build();

  public static final TableDef FLUX_CALIBRATION =
      TableDef.builder(Layer.GOLD, "flux_calibration", "CASA eps_max calibrated on flux towers: one row per tower and year")
          .string("region", "region id")
          .required("year", IntegerType, "year of the tower records")
          .string("tower_id", "flux tower")
          .string("tower_name", "tower name")
          .string("veg_class", "CASA vegetation class of the tower")
          .optional("cell_id", StringType, "grid cell containing the tower; null when outside the grid")
          .required("records", LongType, "half-hourly records of the year with an air temperature")
          .required("measured_nee", LongType, "records with a measured NEE")
          .required("ustar_filtered", LongType, "night records whose NEE was dropped for u* under the threshold")
          .required("gap_filled", LongType, "records whose NEE was filled by mean diurnal variation")
          .required("still_missing", LongType, "records left without NEE after gap filling")
          .optional("e0_k", DoubleType, "Lloyd-Taylor E0 chosen for the tower-year, K; null when no night NEE")
          .required("months_with_gpp", IntegerType, "months with a tower GPP (coverage and night NEE sufficient)")
          .required("months_paired", IntegerType, "of those, months with every CASA input at the tower's cell (the fit's n)")
          .number("tower_gpp_gc_m2", "tower GPP summed over the paired months, gC/m2")
          .number("tower_reco_gc_m2", "tower ecosystem respiration summed over the paired months, gC/m2")
          .number("eps_max_prior", "eps_max of the base parameter set, gC/MJ")
          .optional("eps_max_tower", DoubleType, "eps_max fitted on this tower alone, gC/MJ")
          .number("eps_max_class", "eps_max published for the class (fitted on the class's towers, else the prior), gC/MJ")
          .optional("r_squared", DoubleType, "R2 of the class eps_max at this tower (1 - SS_res/SS_tot); null when undefined")
          .optional("rmse_gc_m2", DoubleType, "RMSE of the monthly GPP predicted with the class eps_max, gC/m2")
          .optional("bias_gc_m2", DoubleType, "mean of predicted minus tower monthly GPP, gC/m2")
          .required("applied", org.apache.spark.sql.types.DataTypes.BooleanType, "whether the class's eps_max in the calibrated set comes from the towers")
          .string("base_parameter_set", "parameter set the calibration started from")
          .audit()
          .check("counts_reconcile", "measured_nee - ustar_filtered + gap_filled + still_missing = records")
          .partitionBy("region")
          .naturalKey("region", "year", "tower_id")
          .build();

  private static TableDef landCoverFractions() {
    TableDef.Builder builder =
        TableDef.builder(Layer.GOLD, "landcover_fractions", "Land-cover class fractions per grid cell and year")
            .string("region", "region id")
            .required("year", IntegerType, "accounting year")
            .required("landcover_year", IntegerType, "year of the land-cover scene used")
            .string("cell_id", "grid cell")
            .required("valid_pixels", LongType, "pixels with a legend code centred in the cell")
            .required("pixels", LongType, "pixels centred in the cell")
            .number("coverage", "valid_pixels / pixels; 0 when no valid pixel")
            .optional("dominant_class", StringType, "class with the largest fraction; null when no valid pixel");
    for (LandCover landCover : LandCover.values()) {
      builder.number(landCover.fractionColumn(), "share of valid pixels of code " + landCover.code());
    }
    return builder
        .string("scene", "URI of the land-cover GeoTIFF")
        .audit()
        .check("coverage_fraction", "coverage >= 0 AND coverage <= 1")
        .partitionBy("region")
        .naturalKey("region", "year", "cell_id")
        .build();
  }

  public static final List<TableDef> ALL =
      List.of(
          GRID_CELLS,
          CELL_MONTH_STATS,
          LANDCOVER_FRACTIONS,
          CARBON_SINK_CELL_YEAR,
          CARBON_SINK_DISTRICT_YEAR,
          GEP_BY_DISTRICT,
          GEP_CELL_YEAR,
          FLUX_CALIBRATION);

  @Override
  public List<TableDef> tables() {
    return ALL;
  }
}
