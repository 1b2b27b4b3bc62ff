package org.liangshan.geo;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.liangshan.geo.model.GeoRaster;
import org.liangshan.geo.model.GridSpec;
import org.liangshan.geo.model.ZonalAccumulator;
import org.liangshan.geo.model.ZonalStats;

/**
 * A scene and its zonal statistics over the grid: what one Spark task computes. The task reads the
 * GeoTIFF where it lives (a local file directly; any other Hadoop file system is copied to a local
 * temporary file first, since GeoTools reads files) and accumulates it tile by tile.
 */
final class SceneStats implements Serializable {
  private static final long serialVersionUID = 1L;

  private final SceneRef scene;
  private final ZonalStats stats;

  SceneStats(SceneRef scene, ZonalStats stats) {
    this.scene = requireNonNull(scene, "scene is null");
    this.stats = requireNonNull(stats, "stats is null");
  }

  SceneRef scene() {
    return scene;
  }

  ZonalStats stats() {
    return stats;
  }

  /** Reads the scene and bins it to the grid (runs inside a Spark task). */
  static SceneStats compute(SceneRef scene, GridSpec grid, Map<String, String> hadoopConf) {
    URI uri = URI.create(scene.uri());
    if (uri.getScheme() == null || uri.getScheme().equals("file")) {
      File file = uri.getScheme() == null ? new File(scene.uri()) : new File(uri);
      return new SceneStats(scene, accumulate(file, scene, grid));
    }
    Path local = null;
    try {
      Configuration conf = new Configuration(false);
      hadoopConf.forEach(conf::set);
      org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(uri);
      local = Files.createTempFile("liangshan-scene", ".tif");
      FileSystem fs = remote.getFileSystem(conf);
      fs.copyToLocalFile(false, remote, new org.apache.hadoop.fs.Path(local.toUri()), true);
      return new SceneStats(scene, accumulate(local.toFile(), scene, grid));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot fetch scene " + scene.uri(), e);
    } finally {
      if (local != null) {
        try {
          Files.deleteIfExists(local);
        } catch (IOException ignored) {
          // best effort: the temporary directory is cleaned by the system
        }
      }
    }
  }

  private static ZonalStats accumulate(File file, SceneRef scene, GridSpec grid) {
    try (GeoRaster raster = GeoRaster.readGeoTiff(file, scene.nodata())) {
      if (scene.product() == org.liangshan.geo.model.Product.DEM) {
        return org.liangshan.geo.model.Terrain.lengthSlopeStats(raster, grid);
      }
      return new ZonalAccumulator(grid, scene.product()).add(raster).result();
    }
  }
}
