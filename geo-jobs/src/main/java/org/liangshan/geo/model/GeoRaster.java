package org.liangshan.geo.model;

import static java.util.Objects.requireNonNull;

import java.awt.image.RenderedImage;
import java.io.File;
import java.io.IOException;
import org.geotools.api.referencing.operation.MathTransform2D;
import org.geotools.api.metadata.spatial.PixelOrientation;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.gce.geotiff.GeoTiffReader;
import org.liangshan.core.LiangshanException;

/**
 * A single-band georeferenced raster as zonal statistics read it: the image (read tile by tile, never
 * copied whole), the transform from pixel centres to the raster's CRS, the CRS, and the nodata value.
 * Plain GeoTools, no Spark.
 */
public final class GeoRaster implements AutoCloseable {
  private final GridCoverage2D coverage;
  private final GeoTiffReader reader;
  private final Double nodata;

  private GeoRaster(GridCoverage2D coverage, GeoTiffReader reader, Double nodata) {
    this.coverage = requireNonNull(coverage, "coverage is null");
    this.reader = reader;
    this.nodata = nodata;
  }

  /**
   * Reads a GeoTIFF. {@code nodata} overrides the file's own nodata value (the scene catalog's);
   * when null, the file's is used, if it declares one.
   */
  public static GeoRaster readGeoTiff(File file, Double nodata) {
    requireNonNull(file, "file is null");
    GeoTiffReader reader = null;
    try {
      reader = new GeoTiffReader(file);
      GridCoverage2D coverage = reader.read(null);
      Double effective = nodata;
      if (effective == null && reader.getMetadata() != null && reader.getMetadata().hasNoData()) {
        effective = reader.getMetadata().getNoData();
      }
      return new GeoRaster(coverage, reader, effective);
    } catch (IOException | RuntimeException e) {
      if (reader != null) {
        reader.dispose();
      }
      throw LiangshanException.badInput(
          e,
          "Cannot read GeoTIFF %s (%s: %s). Re-deliver the scene as a single-band GeoTIFF.",
          file,
          e.getClass().getSimpleName(),
          e.getMessage());
    }
  }

  /** A raster over an in-memory coverage (tests, or a coverage another reader produced). */
  public static GeoRaster of(GridCoverage2D coverage, Double nodata) {
    return new GeoRaster(coverage, null, nodata);
  }

  public RenderedImage image() {
    return coverage.getRenderedImage();
  }

  public CoordinateReferenceSystem crs() {
    return coverage.getCoordinateReferenceSystem2D();
  }

  /** Pixel (column, row) centre → coordinates in {@link #crs()}. */
  public MathTransform2D pixelCentreToCrs() {
    return coverage.getGridGeometry().getGridToCRS2D(PixelOrientation.CENTER);
  }

  /** The nodata value, or null when none is declared. NaN is always treated as nodata. */
  public Double nodata() {
    return nodata;
  }

  @Override
  public void close() {
    coverage.dispose(true);
    if (reader != null) {
      reader.dispose();
    }
  }
}
