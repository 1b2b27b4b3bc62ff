package org.liangshan.geo;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.region.Region;
import org.liangshan.geo.model.GridSpec;
import org.liangshan.geo.model.Product;
import org.liangshan.geo.model.Projections;
import org.liangshan.geo.model.ZonalStats;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.TableCatalog;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The zonal-statistics step of {@link AccountingJob} on its own: scenes of {@code silver.raster_scenes}
 * binned to the analysis grid in Spark tasks, one scene per task, tile by tile ({@link SceneStats}, the
 * same code the accounting runs). Used by {@code liangshan bench zonal}, which times it against Sedona's
 * {@code RS_ZonalStats}.
 */
public final class GridZonalStatistics {
  /** One catalogued scene: product, year, month (0 for an annual scene), file URI (resolved against the lakehouse root) and nodata. */
  public record Scene(Product product, int year, int month, String location, Double nodata) {
    public Scene {
      requireNonNull(product, "product is null");
      requireNonNull(location, "location is null");
    }
  }

  private GridZonalStatistics() {}

  /** The region's scenes of a product in a year, from the catalog (pinned through the run), by month. */
  public static List<Scene> scenes(Run run, TableCatalog catalog, Region region, int year, Product product) {
    List<Scene> scenes = new ArrayList<>();
    for (Row row : run.input(catalog.table("silver.raster_scenes"))
        .where(col("region").equalTo(region.id()).and(col("product").equalTo(product.id())).and(col("year").equalTo(year)))
        .select("year", "month", "location", "nodata")
        .collectAsList()) {
      scenes.add(new Scene(product, row.getInt(0), row.isNullAt(1) ? 0 : row.getInt(1), catalog.config().resolve(row.getString(2)),
          row.isNullAt(3) ? null : row.getDouble(3)));
    }
    if (scenes.isEmpty()) {
      throw LiangshanException.badInput("No %s scenes for %s in %d in silver.raster_scenes; ingest them first.",
          product.id(), region.id(), year);
    }
    scenes.sort(Comparator.comparingInt(Scene::month));
    return scenes;
  }

  /**
   * Zonal statistics of each scene over the grid, in the scenes' order: one Spark task per scene, as
   * {@link AccountingJob} computes them.
   */
  public static List<ZonalStats> compute(SparkSession spark, GridSpec grid, List<Scene> scenes) {
    requireNonNull(grid, "grid is null");
    List<SceneRef> refs = new ArrayList<>();
    for (Scene scene : scenes) {
      refs.add(new SceneRef(scene.product(), scene.year(), scene.month(), scene.location(), scene.location(), scene.nodata()));
    }
    Map<String, String> hadoopConf = new HashMap<>();
    if (refs.stream().anyMatch(SceneRef::remote)) {
      for (Map.Entry<String, String> entry : spark.sparkContext().hadoopConfiguration()) {
        hadoopConf.put(entry.getKey(), entry.getValue());
      }
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<SceneStats> stats =
        jsc.parallelize(refs, refs.size()).map(scene -> SceneStats.compute(scene, grid, hadoopConf)).collect();
    List<ZonalStats> result = new ArrayList<>(stats.size());
    for (SceneStats s : stats) {
      result.add(s.stats());
    }
    return result;
  }

  /**
   * A whole grid cell (the metric square, not clipped to districts) in another CRS, its edges densified
   * every {@code stepM} metres before the vertices are transformed, so that its outline follows the
   * square's edges (straight in the metric CRS) to well under a pixel.
   */
  public static Geometry cellOutline(GridSpec grid, int ordinal, String crs, double stepM) {
    double res = grid.resolutionM();
    double x = grid.originX() + grid.column(ordinal) * res;
    double y = grid.originY() + grid.row(ordinal) * res;
    Geometry square = new GeometryFactory().toGeometry(new Envelope(x, x + res, y, y + res));
    Geometry dense = Densifier.densify(square, stepM);
    return Projections.apply(dense, Projections.transform(grid.metricCrs(), crs));
  }
}
