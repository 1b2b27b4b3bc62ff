package org.liangshan.geo;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import org.liangshan.geo.model.Product;

/**
 * One scene of {@code silver.raster_scenes} the accounting reads: product, year, month (0 for an
 * annual scene), its location as catalogued (relative to the lakehouse root, which gold rows echo), the URI
 * it resolves to in this lakehouse (which tasks read), and the catalogued nodata. A plain class (not a record) so that Spark's Kryo
 * serializer can ship it.
 */
final class SceneRef implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Product product;
  private final int year;
  private final int month;
  private final String location;
  private final String uri;
  private final Double nodata;

  SceneRef(Product product, int year, int month, String location, String uri, Double nodata) {
    this.product = requireNonNull(product, "product is null");
    this.year = year;
    this.month = month;
    this.location = requireNonNull(location, "location is null");
    this.uri = requireNonNull(uri, "uri is null");
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

  /** The URI the scene is read from: the location resolved against the lakehouse root. */
  String uri() {
    return uri;
  }

  /** Whether the scene is read through a Hadoop file system other than the local one (the tasks then need its settings). */
  boolean remote() {
    return !uri.startsWith("file:") && uri.contains("://");
  }

  Double nodata() {
    return nodata;
  }

  @Override
  public String toString() {
    return product.id() + " " + year + (month > 0 ? "-" + month : "") + " " + location;
  }
}
