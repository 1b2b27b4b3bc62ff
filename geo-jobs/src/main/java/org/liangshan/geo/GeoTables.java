package org.liangshan.geo;

import java.util.List;
import java.util.Optional;
import org.liangshan.warehouse.TableDef;
import org.liangshan.warehouse.TableProvider;
import org.liangshan.warehouse.TableSpec;

/**
 * The gold tables of the grid accounting, declared in {@code spec/tables/geo.yaml}. Names and key columns
 * are a contract other modules and the dashboards read. Every row carries {@code run_id} and
 * {@code parameter_set}; each accounting run replaces its (region, year) slice atomically
 * ({@code gold.grid_cells}: its region).
 */
public final class GeoTables implements TableProvider {
  static final TableSpec SPEC = TableSpec.load("spec/tables/geo.yaml");

  public static final TableDef GRID_CELLS = SPEC.table("grid_cells");
  public static final TableDef CELL_MONTH_STATS = SPEC.table("cell_month_stats");
  /** One {@code fraction_<class>} column per {@link org.liangshan.geo.model.LandCover} class. */
  public static final TableDef LANDCOVER_FRACTIONS = SPEC.table("landcover_fractions");
  public static final TableDef CARBON_SINK_CELL_YEAR = SPEC.table("carbon_sink_cell_year");
  public static final TableDef CARBON_SINK_DISTRICT_YEAR = SPEC.table("carbon_sink_district_year");
  /** The carbon sink per piece with its polygon at dashboard zoom: what the map reads. */
  public static final TableDef CARBON_SINK_MAP = SPEC.table("carbon_sink_map");
  public static final TableDef GEP_BY_DISTRICT = SPEC.table("gep_by_district");
  /** GEP per service summed over the districts: what the service breakdown reads. */
  public static final TableDef GEP_BY_SERVICE = SPEC.table("gep_by_service");
  public static final TableDef GEP_CELL_YEAR = SPEC.table("gep_cell_year");
  public static final TableDef GEP_UNCERTAINTY = SPEC.table("gep_uncertainty");
  public static final TableDef ECO_PRODUCT_CATALOGUE = SPEC.table("eco_product_catalogue");
  public static final TableDef FLUX_CALIBRATION = SPEC.table("flux_calibration");

  public static final List<TableDef> ALL = SPEC.tables();

  @Override
  public Optional<TableSpec> spec() {
    return Optional.of(SPEC);
  }
}
