package org.liangshan.geo;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import org.liangshan.geo.model.Product;

/**
 * One scene of {@code silver.raster_scenes} the accounting reads: product, year, month (0 for an
 * annual scene), file URI and catalogued nodata. A plain class (not a record) so that Spark's Kryo
 * serializer can ship it.
 */
final class SceneRef implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Product product;
  private final int year;
  private final int month;
  private final String location;
  private final Double nodata;

  SceneRef(Product product, int year, int month, String location, Double nodata) {
    this.product = requireNonNull(product, "product is null");
    this.year = year;
    this.month = month;
    this.location = requireNonNull(location, "location is null");
    this.nodata = nodata;
  }

  Product product() {
    return product;
  }

  int year() {
    return year;
  }

  int month() {
    return month;
  }

  String location() {
    return location;
  }

  Double nodata() {
    return nodata;
  }

  @Override
  public String toString() {
    return product.id() + " " + year + (month > 0 ? "-" + month : "") + " " + location;
  }
}
