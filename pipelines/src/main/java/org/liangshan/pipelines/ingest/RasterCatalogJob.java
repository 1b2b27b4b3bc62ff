package org.liangshan.pipelines.ingest;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.crs.EngineeringCRS;
import org.geotools.coverage.grid.GridEnvelope2D;
import org.geotools.gce.geotiff.GeoTiffReader;
import org.geotools.geometry.GeneralBounds;
import org.geotools.referencing.CRS;
import org.liangshan.core.region.Region;
import org.liangshan.pipelines.raster.RasterTables;
import org.liangshan.pipelines.source.SourceFamilies;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.SparkSql;
import org.liangshan.warehouse.TableCatalog;

/**
 * Catalogues remote-sensing scenes: each GeoTIFF under {@code <landing>/<region>/rasters/<product>/} is
 * checked (readable, georeferenced), copied into the lakehouse's bronze area as received, and recorded in
 * {@code silver.raster_scenes} with its CRS, size, bounds, nodata and checksum. The geo jobs read scenes
 * from the catalog, never from landing.
 */
public final class RasterCatalogJob {
  private static final Pattern NAME = Pattern.compile("([a-z0-9]+)(?:_(\\d{4})(\\d{2})?)?\\.tiff?");
  /** Band unit by product, as spec/landing-families.yaml declares the products. */
  private static final Map<String, String> UNITS = SourceFamilies.spec().rasterUnits();

  private final Run run;
  private final TableCatalog catalog;
  private final Region region;
  private final Path landingRoot;
  private final Consumer<String> progress;

  public RasterCatalogJob(Run run, Region region, Path landingRoot, Consumer<String> progress) {
    this.run = requireNonNull(run, "run is null");
    this.catalog = run.catalog();
    this.region = requireNonNull(region, "region is null");
    this.landingRoot = landingRoot.toAbsolutePath().normalize();
    this.progress = requireNonNull(progress, "progress is null");
  }

  /** Scene metadata read from a GeoTIFF header. */
  public record SceneInfo(String crs, int width, int height, double minX, double minY, double maxX, double maxY, Double nodata) {}

  /** The reason a TIFF without a coordinate reference system is refused (one message, whatever the reader). */
  public static final String NO_CRS =
      "has no coordinate reference system (no GeoTIFF GeoKeyDirectory tag, or keys naming no CRS); re-deliver the scene as a GeoTIFF with its CRS";

  /** Reads and checks a GeoTIFF's header. */
  public static SceneInfo inspect(Path file, String name) throws FileRejected {
    if (TiffTags.isTiffWithoutGeoKeys(file)) {
      // Decided from the TIFF directory itself: GeoTools would fail on such a file with a message that depends on
      // which of its readers gets it first.
      throw new FileRejected(name, NO_CRS);
    }
    GeoTiffReader reader = null;
    try {
      reader = new GeoTiffReader(file.toFile());
      CoordinateReferenceSystem crs = reader.getCoordinateReferenceSystem();
      if (crs == null || crs instanceof EngineeringCRS) {
        throw new FileRejected(name, NO_CRS);
      }
      Integer epsg = CRS.lookupEpsgCode(crs, true);
      String code = epsg != null ? "EPSG:" + epsg : crs.toWKT();
      GeneralBounds envelope = reader.getOriginalEnvelope();
      GridEnvelope2D grid = reader.getOriginalGridRange() instanceof GridEnvelope2D g ? g : null;
      int width = grid != null ? grid.width : reader.getOriginalGridRange().getSpan(0);
      int height = grid != null ? grid.height : reader.getOriginalGridRange().getSpan(1);
      Double nodata = null;
      if (reader.getMetadata() != null && reader.getMetadata().hasNoData()) {
        nodata = reader.getMetadata().getNoData();
      }
      return new SceneInfo(code, width, height, envelope.getMinimum(0), envelope.getMinimum(1),
          envelope.getMaximum(0), envelope.getMaximum(1), nodata);
    } catch (FileRejected e) {
      throw e;
    } catch (Exception | Error e) {
      throw new FileRejected(name, "is not a readable GeoTIFF (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    } finally {
      if (reader != null) {
        reader.dispose();
      }
    }
  }

  /**
   * Rewrites, in one commit, the locations this region's scenes were catalogued with as full URIs under this
   * lakehouse's root (before locations were stored relative) to the relative form, so the lakehouse can be moved.
   */
  private void relativizeLocations() {
    String prefix = catalog.config().root() + "/";
    String condition = "region = " + SparkSql.literal(region.id()) + " AND startswith(location, " + SparkSql.literal(prefix) + ")";
    TableCatalog.retrying(() -> io.delta.tables.DeltaTable.forPath(catalog.spark(), catalog.location(RasterTables.SCENES))
        .updateExpr(condition, Map.of("location", "substring(location, " + (prefix.length() + 1) + ")")));
    run.wrote(RasterTables.SCENES);
    progress.accept("  rasters: scene locations rewritten relative to the lakehouse root");
  }

  public LoadReport load() {
    Path folder = landingRoot.resolve(region.id()).resolve("rasters");
    if (!Files.isDirectory(folder)) {
      return new LoadReport(List.of(), List.of());
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.tiff?$")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> known = new HashMap<>();
    if (catalog.exists(RasterTables.SCENES)) {
      boolean absolute = false;
      for (Row row : catalog.read(RasterTables.SCENES).where(col("region").equalTo(region.id()))
          .select("source_file", "file_sha256", "location").collectAsList()) {
        known.put(row.getString(0), row.getString(1));
        absolute |= !row.getString(2).equals(catalog.config().relativize(row.getString(2)));
      }
      if (absolute) {
        relativizeLocations();
      }
    }
    List<Row> rows = new ArrayList<>();
    List<LoadReport.FileLine> lines = new ArrayList<>();
    List<FileRejected> rejected = new ArrayList<>();
    String bronzeRoot = catalog.config().root() + "/bronze/rasters/" + region.id();
    org.apache.hadoop.conf.Configuration hadoop = catalog.spark().sparkContext().hadoopConfiguration();
    int done = 0;
    for (Path file : files) {
      String name = landingRoot.relativize(file).toString().replace('\\', '/');
      String product = file.getParent().getFileName().toString();
      String sha = org.liangshan.pipelines.ingest.IngestJob.sha256(file);
      done++;
      if (sha.equals(known.get(name))) {
        lines.add(new LoadReport.FileLine("rasters", name, 0, 0, 0, 0, true));
        continue;
      }
      try {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches() || !m.group(1).equals(product)) {
          throw new FileRejected(name, "the file name must be <product>.tif, <product>_<yyyy>.tif or <product>_<yyyyMM>.tif inside the folder rasters/<product>/");
        }
        if (!UNITS.containsKey(product)) {
          throw new FileRejected(name, "unknown product '" + product + "'; expected one of " + String.join(", ", new java.util.TreeSet<>(UNITS.keySet())));
        }
        Integer year = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        Integer month = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        if (month != null && (month < 1 || month > 12)) {
          throw new FileRejected(name, "month " + month + " in the file name is not 01..12");
        }
        String period = year == null ? "static" : month == null ? year.toString() : String.format("%04d-%02d", year, month);
        SceneInfo info = inspect(file, name);
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(bronzeRoot + "/" + product + "/" + file.getFileName());
        FileSystem fs = target.getFileSystem(hadoop);
        fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(file.toUri()), target);
        rows.add(RowFactory.create(region.id(), product, period, year, month, UNITS.get(product),
            catalog.config().relativize(fs.makeQualified(target).toString()), info.crs(), info.width(), info.height(),
            (info.maxX() - info.minX()) / info.width(), (info.maxY() - info.minY()) / info.height(),
            info.minX(), info.minY(), info.maxX(), info.maxY(), info.nodata(), sha, name, run.id()));
        lines.add(new LoadReport.FileLine("rasters", name, 1, 1, 0, 0, false));
      } catch (FileRejected e) {
        rejected.add(e);
        progress.accept("  REFUSED " + e.getMessage());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (done % 24 == 0 || done == files.size()) {
        progress.accept(String.format("  %-22s %d/%d scene(s) checked", "rasters", done, files.size()));
      }
    }
    if (!rows.isEmpty()) {
      catalog.merge(RasterTables.SCENES, catalog.spark().createDataFrame(rows, RasterTables.SCENES.schema()), "file_sha256",
          "t.region = " + org.liangshan.pipelines.ingest.IngestJob.sqlLiteral(region.id()));
      run.wrote(RasterTables.SCENES);
      run.count("rasters.loaded", rows.size());
    }
    return new LoadReport(lines, rejected);
  }


}
