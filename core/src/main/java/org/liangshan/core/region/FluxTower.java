package org.liangshan.core.region;

import static java.util.Objects.requireNonNull;

/** An eddy-covariance flux tower and the vegetation class of the cell it stands in. */
public record FluxTower(String id, String name, double lon, double lat, String vegClass) {
  public FluxTower {
    requireNonNull(id, "id is null");
    requireNonNull(name, "name is null");
    requireNonNull(vegClass, "vegClass is null");
  }
}
