package org.liangshan.generator;

import it.geosolutions.jaiext.range.NoDataContainer;
import java.awt.image.BandedSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferFloat;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.geotools.api.parameter.GeneralParameterValue;
import org.geotools.api.parameter.ParameterValueGroup;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.coverage.grid.GridCoverageFactory;
import org.geotools.coverage.grid.io.AbstractGridFormat;
import org.geotools.gce.geotiff.GeoTiffFormat;
import org.geotools.gce.geotiff.GeoTiffWriteParams;
import org.geotools.gce.geotiff.GeoTiffWriter;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.referencing.crs.DefaultGeographicCRS;
import org.liangshan.core.LiangshanException;

/**
 * Writes single-band GeoTIFFs in EPSG:4326 (lon/lat) with the nodata value in the GDAL_NODATA tag, Deflate
 * compressed, 256×256 tiles. The writer embeds no time, so equal grids give byte-identical files.
 */
final class GeoTiffs {
  static final float FLOAT_NODATA = -9999f;
  static final int BYTE_NODATA = 255;

  private static final GridCoverageFactory FACTORY = new GridCoverageFactory();

  private GeoTiffs() {}

  static void writeFloat(Path path, Grid grid, String name, float[] values) {
    WritableRaster raster =
        Raster.createWritableRaster(
            new BandedSampleModel(DataBuffer.TYPE_FLOAT, grid.width, grid.height, 1),
            new DataBufferFloat(values, values.length),
            null);
    write(path, grid, name, raster, FLOAT_NODATA);
  }

  static void writeByte(Path path, Grid grid, String name, byte[] values) {
    WritableRaster raster =
        Raster.createWritableRaster(
            new BandedSampleModel(DataBuffer.TYPE_BYTE, grid.width, grid.height, 1),
            new DataBufferByte(values, values.length),
            null);
    write(path, grid, name, raster, BYTE_NODATA);
  }

  private static void write(Path path, Grid grid, String name, WritableRaster raster, double nodata) {
    ReferencedEnvelope envelope =
        new ReferencedEnvelope(grid.west, grid.east(), grid.south(), grid.north, DefaultGeographicCRS.WGS84);
    GridCoverage2D plain = FACTORY.create(name, raster, envelope);
    Map<String, Object> properties = new HashMap<>();
    properties.put(NoDataContainer.GC_NODATA, new NoDataContainer(nodata));
    GridCoverage2D coverage =
        FACTORY.create(name, plain.getRenderedImage(), envelope, plain.getSampleDimensions(), null, properties);
    GeoTiffWriter writer = null;
    try {
      writer = new GeoTiffWriter(path.toFile());
      GeoTiffWriteParams writeParams = new GeoTiffWriteParams();
      writeParams.setCompressionMode(GeoTiffWriteParams.MODE_EXPLICIT);
      writeParams.setCompressionType("Deflate");
      writeParams.setTilingMode(GeoTiffWriteParams.MODE_EXPLICIT);
      writeParams.setTiling(256, 256);
      ParameterValueGroup parameters = new GeoTiffFormat().getWriteParameters();
      parameters.parameter(AbstractGridFormat.GEOTOOLS_WRITE_PARAMS.getName().toString()).setValue(writeParams);
      writer.write(coverage, parameters.values().toArray(new GeneralParameterValue[0]));
    } catch (IOException e) {
      throw LiangshanException.failure(e, "Cannot write GeoTIFF %s: %s", path, e.getMessage());
    } finally {
      if (writer != null) {
        writer.dispose();
      }
      coverage.dispose(true);
      plain.dispose(true);
    }
  }
}
