package org.liangshan.core.region;

import static java.util.Objects.requireNonNull;

import org.locationtech.jts.geom.Geometry;

/**
 * An administrative district of a region: its division code, names and boundary in WGS 84 lon/lat.
 */
public record District(String code, String name, String nameEn, Geometry boundary) {
  public District {
    requireNonNull(code, "code is null");
    requireNonNull(name, "name is null");
    requireNonNull(nameEn, "nameEn is null");
    requireNonNull(boundary, "boundary is null");
  }
}
