package org.liangshan.geo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

class MapPolygonTest {
  private static final GeometryFactory FACTORY = new GeometryFactory();

  @Test
  void aSquareCellKeepsItsFourCornersRoundedToTheMapPrecision() {
    MapPolygon polygon = MapPolygon.ofWkt("POLYGON ((119.4 31.4, 119.4105 31.4, 119.4105 31.4095, 119.4 31.4095, 119.4 31.4))");

    assertThat(polygon.json()).isEqualTo("[[119.4,31.4],[119.4105,31.4],[119.4105,31.4095],[119.4,31.4095],[119.4,31.4]]");
    assertThat(polygon.vertices()).isEqualTo(5);
  }

  @Test
  void coordinatesAreRoundedToFiveDecimals() {
    // 119.4100051 rounds to 119.41001, 119.4000049 to 119.4 (the nearest 1e-5 degree)
    MapPolygon polygon = MapPolygon.ofWkt(
        "POLYGON ((119.4000049 31.4, 119.4100051 31.4, 119.4100051 31.41, 119.4000049 31.41, 119.4000049 31.4))");

    assertThat(polygon.json()).isEqualTo("[[119.4,31.4],[119.41001,31.4],[119.41001,31.41],[119.4,31.41],[119.4,31.4]]");
  }

  @Test
  void aWigglyDistrictBoundaryLosesItsDetailUnderTheToleranceOnly() {
    // A 1 km piece cut by a boundary with a zig-zag of 10 m (under the tolerance) and a notch of 300 m (over it).
    StringBuilder wkt = new StringBuilder("POLYGON ((119.40 31.40, 119.41 31.40");
    for (int i = 1; i < 40; i++) {
      double lat = 31.40 + i * 0.00025;
      double lon = 119.41 + (i % 2 == 0 ? 0 : 0.0001);
      wkt.append(", ").append(lon).append(' ').append(lat);
    }
    wkt.append(", 119.41 31.41, 119.405 31.41, 119.405 31.407, 119.402 31.407, 119.402 31.41, 119.40 31.41, 119.40 31.40))");
    Geometry piece = read(wkt.toString());

    MapPolygon polygon = MapPolygon.of(piece);
    Geometry drawn = ring(polygon.json());

    assertThat(drawn.isValid()).isTrue();
    assertThat(polygon.vertices()).isLessThan(piece.getCoordinates().length).isEqualTo(drawn.getCoordinates().length);
    // every point of either shape lies within the tolerance plus half a rounding step (both axes) of the other
    double bound = MapPolygon.TOLERANCE_DEGREES + Math.sqrt(2) * 0.5e-5;
    assertThat(DiscreteHausdorffDistance.distance(piece, drawn)).isLessThanOrEqualTo(bound);
    // the 300 m notch is kept: the simplified area is the piece's, within the zig-zag's sliver
    assertThat(drawn.getArea()).isCloseTo(piece.getArea(), org.assertj.core.api.Assertions.within(40 * 0.0001 * 0.00025));
    assertThat(drawn.getArea()).isLessThan(0.01 * 0.01 - 0.003 * 0.003 + 0.0001 * 0.01);
  }

  @Test
  void theLargestPartOfAMultiPolygonIsDrawn() {
    MapPolygon polygon = MapPolygon.ofWkt("MULTIPOLYGON (((0 0, 0.001 0, 0.001 0.001, 0 0.001, 0 0)), "
        + "((1 1, 1.01 1, 1.01 1.01, 1 1.01, 1 1)))");

    assertThat(polygon.json()).isEqualTo("[[1,1],[1.01,1],[1.01,1.01],[1,1.01],[1,1]]");
  }

  @Test
  void invalidWktIsRefusedWithTheText() {
    assertThatThrownBy(() -> MapPolygon.ofWkt("POLYGON ((1 2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid piece WKT (")
        .hasMessageEndingWith("): POLYGON ((1 2");
  }

  private static Geometry read(String wkt) {
    try {
      return new WKTReader().read(wkt);
    } catch (org.locationtech.jts.io.ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Geometry ring(String json) {
    String[] pairs = json.substring(2, json.length() - 2).split("\\],\\[");
    Coordinate[] coordinates = new Coordinate[pairs.length];
    for (int i = 0; i < pairs.length; i++) {
      String[] xy = pairs[i].split(",");
      coordinates[i] = new Coordinate(Double.parseDouble(xy[0]), Double.parseDouble(xy[1]));
    }
    return FACTORY.createPolygon(coordinates);
  }
}
