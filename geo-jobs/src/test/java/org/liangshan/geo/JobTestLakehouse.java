package org.liangshan.geo;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.liangshan.pipelines.raster.RasterTables;
import org.liangshan.pipelines.source.SourceFamilies;
import org.liangshan.warehouse.LakehouseConfig;
import org.liangshan.warehouse.Layer;
import org.liangshan.warehouse.OpsTables;
import org.liangshan.warehouse.SharedSpark;
import org.liangshan.warehouse.TableCatalog;
import org.liangshan.warehouse.TableDef;

/**
 * The lakehouse the job tests start from. Creating a table and adding its CHECK constraints is a Delta
 * commit each, and the job tests declare the same twenty tables: they are created once per JVM, empty,
 * and each test class takes a copy of that directory. A class still declares only its own tables, so
 * what the job finds by name ({@link TableCatalog#find}) is what the class declares, as before.
 */
final class JobTestLakehouse {
  /**
   * The columns of the market job's {@code gold.zone_capacity} the accounting reads (finance-models is
   * not a dependency of geo-jobs; the job reads the table by name).
   */
  static final TableDef ZONE_CAPACITY =
      TableDef.builder(Layer.GOLD, "zone_capacity", "capacity per zone (test copy of the columns read)")
          .string("region", "region id")
          .required("year", DataTypes.IntegerType, "year")
          .string("zone_id", "zone")
          .string("pollutant", "COD, NH3-N, TP or TN")
          .number("capacity_t_a", "capacity W, t/a")
          .build();

  private static final List<TableDef> ALL = all();
  private static LakehouseConfig template;

  private JobTestLakehouse() {}

  /** A catalog of {@code tables} over a fresh copy of the template lakehouse. */
  static synchronized TableCatalog copy(SparkSession spark, List<TableDef> tables) {
    for (TableDef table : tables) {
      if (!ALL.contains(table)) {
        throw new IllegalArgumentException("Table " + table.qualifiedName() + " is not in the template lakehouse; add it to JobTestLakehouse");
      }
    }
    if (template == null) {
      LakehouseConfig config = SharedSpark.freshLakehouse();
      TableCatalog catalog = new TableCatalog(spark, config, ALL);
      ALL.forEach(catalog::ensure);
      template = config;
    }
    return new TableCatalog(spark, SharedSpark.copyOf(template), tables);
  }

  private static List<TableDef> all() {
    List<TableDef> tables = new ArrayList<>(GeoTables.ALL);
    tables.addAll(NaturalAccountsTables.ALL);
    tables.add(RasterTables.SCENES);
    for (String silver : List.of("stat_output", "stat_water_supply", "stat_tourism", "rights_register", "flux")) {
      tables.add(SourceFamilies.silver(silver));
    }
    tables.add(OpsTables.RUN_LOG);
    tables.add(ZONE_CAPACITY);
    return List.copyOf(tables);
  }
}
