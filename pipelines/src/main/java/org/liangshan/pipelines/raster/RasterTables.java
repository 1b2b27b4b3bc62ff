package org.liangshan.pipelines.raster;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.liangshan.warehouse.Layer;
import org.liangshan.warehouse.TableDef;

/** The remote-sensing scene catalog: one row per GeoTIFF scene, pointing at the file the geo jobs read. */
public final class RasterTables {
  private RasterTables() {}

  public static final TableDef SCENES =
      TableDef.builder(Layer.SILVER, "raster_scenes", "Remote-sensing scene catalog (GeoTIFF)")
          .string("region", "region id")
          .string("product", "ndvi, temperature, precipitation, radiation, et, pet, landcover, dem")
          .string("period", "yyyy-MM (monthly), yyyy (annual) or static")
          .optional("year", IntegerType, "year, for monthly and annual scenes")
          .optional("month", IntegerType, "month 1..12, for monthly scenes")
          .string("band_unit", "unit of the band values")
          .string("location", "the GeoTIFF's copy in bronze, relative to the lakehouse root (an absolute URI for scenes catalogued before locations were stored relative)")
          .string("crs", "coordinate reference system, e.g. EPSG:4326")
          .required("width", IntegerType, "pixels across")
          .required("height", IntegerType, "pixels down")
          .number("pixel_size_x", "pixel width in CRS units")
          .number("pixel_size_y", "pixel height in CRS units")
          .number("min_x", "bounds in CRS units")
          .number("min_y", "bounds in CRS units")
          .number("max_x", "bounds in CRS units")
          .number("max_y", "bounds in CRS units")
          .optional("nodata", DoubleType, "nodata value, when declared")
          .string("file_sha256", "SHA-256 of the file")
          .string("source_file", "landing file, relative to the landing root")
          .string("ingest_run_id", "run that catalogued the scene")
          .check("size_positive", "width > 0 AND height > 0")
          .partitionBy("region")
          .naturalKey("region", "product", "period")
          .build();
}
