package org.liangshan.geo.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.geometry.jts.JTS;
import org.geotools.referencing.CRS;
import org.liangshan.core.LiangshanException;
import org.locationtech.jts.geom.Geometry;

/**
 * Coordinate reference systems by code, with longitude (easting) first whatever the authority's axis
 * order, and the transforms between them, cached (GeoTools transforms are immutable and thread-safe).
 */
public final class Projections {
  /** WGS 84 longitude/latitude, the storage CRS of boundaries and map output. */
  public static final String LON_LAT = "EPSG:4326";

  private static final Map<String, CoordinateReferenceSystem> CRS_CACHE = new ConcurrentHashMap<>();
  private static final Map<String, MathTransform> TRANSFORMS = new ConcurrentHashMap<>();

  private Projections() {}

  /** The CRS of a code such as {@code EPSG:32650}, longitude first. */
  public static CoordinateReferenceSystem crs(String code) {
    return CRS_CACHE.computeIfAbsent(
        code,
        c -> {
          try {
            return CRS.decode(c, true);
          } catch (FactoryException e) {
            throw LiangshanException.badInput(
                e,
                "Unknown coordinate reference system '%s' (%s). Use an EPSG code such as EPSG:32650.",
                c,
                e.getMessage());
          }
        });
  }

  /** The transform from one CRS code to another. */
  public static MathTransform transform(String fromCode, String toCode) {
    return TRANSFORMS.computeIfAbsent(
        fromCode + " -> " + toCode, k -> transform(crs(fromCode), crs(toCode)));
  }

  /** The transform between two CRSs (lenient: datum shifts without Bursa-Wolf parameters allowed). */
  public static MathTransform transform(
      CoordinateReferenceSystem from, CoordinateReferenceSystem to) {
    try {
      return CRS.findMathTransform(from, to, true);
    } catch (FactoryException e) {
      throw LiangshanException.failure(
          e,
          "No transform from %s to %s: %s",
          from.getName().getCode(),
          to.getName().getCode(),
          e.getMessage());
    }
  }

  public static Geometry apply(Geometry geometry, MathTransform transform) {
    try {
      return JTS.transform(geometry, transform);
    } catch (TransformException e) {
      throw LiangshanException.failure(e, "Cannot transform geometry: %s", e.getMessage());
    }
  }
}
