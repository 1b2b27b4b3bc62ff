package org.liangshan.geo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;
import org.liangshan.geo.Fixtures;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class AnalysisGridTest {
  /** Two districts meeting at lon 119.415, about 2.9 km x 2.2 km together; a zone over the west one. */
  static Region twoDistricts() {
    return Fixtures.region(
        "twin",
        List.of(
            Fixtures.district("900001", "West", Fixtures.box(119.400, 31.400, 119.415, 31.420)),
            Fixtures.district("900002", "East", Fixtures.box(119.415, 31.400, 119.430, 31.420))),
        List.of(Fixtures.zone("Z-WEST", 119.39, 31.39, 119.415, 31.43)));
  }

  @Test
  void districtPiecesSumToTheDistrictsMetricArea() {
    Region region = twoDistricts();
    AnalysisGrid grid = AnalysisGrid.build(region);
    assertPiecesSumToDistricts(grid);
    assertThat(grid.districtAreasM2()).containsOnlyKeys("900001", "900002");
    // ~1.43 km x 2.22 km each
    assertThat(grid.districtAreasM2().get("900001")).isBetween(3.0e6, 3.4e6);
  }

  @Test
  void aCellStraddlingTheBoundaryBecomesOnePiecePerDistrict() throws Exception {
    AnalysisGrid grid = AnalysisGrid.build(twoDistricts());
    Map<String, List<GridPiece>> byCell =
        grid.pieces().stream().collect(Collectors.groupingBy(GridPiece::cellId));
    List<List<GridPiece>> straddling =
        byCell.values().stream().filter(p -> p.size() > 1).toList();
    assertThat(straddling).isNotEmpty();
    for (List<GridPiece> pieces : straddling) {
      assertThat(pieces).extracting(GridPiece::districtCode).containsExactly("900001", "900002");
      double total = pieces.stream().mapToDouble(GridPiece::areaM2).sum();
      assertThat(total).isLessThanOrEqualTo(1e6 + 1e-6);
    }
    // every piece is a valid lon/lat polygon whose JSON ring starts where its WKT does
    WKTReader reader = new WKTReader();
    for (GridPiece piece : grid.pieces()) {
      Geometry geometry = reader.read(piece.wkt());
      assertThat(geometry.isValid()).isTrue();
      assertThat(geometry.getEnvelopeInternal().getMinX()).isGreaterThan(119.39);
      assertThat(piece.polygonJson()).startsWith("[[119.").endsWith("]]");
      assertThat(piece.centroidLat()).isBetween(31.40, 31.42);
    }
  }

  @Test
  void zonesAreAssignedByThePiecesInteriorPoint() {
    AnalysisGrid grid = AnalysisGrid.build(twoDistricts());
    for (GridPiece piece : grid.pieces()) {
      if (piece.districtCode().equals("900001")) {
        assertThat(piece.zoneId()).isEqualTo("Z-WEST");
      } else {
        assertThat(piece.zoneId()).isNull();
      }
    }
  }

  @Test
  void cellIdsAndOrdinalsAgreeWithTheSpec() {
    AnalysisGrid grid = AnalysisGrid.build(twoDistricts());
    GridSpec spec = grid.spec();
    assertThat(spec.originX() % 1000).isZero();
    assertThat(spec.originY() % 1000).isZero();
    for (GridPiece piece : grid.pieces()) {
      assertThat(spec.cellId(piece.ordinal())).isEqualTo(piece.cellId());
      assertThat(spec.ordinalAt(
              spec.originX() + (piece.column() + 0.5) * 1000, spec.originY() + (piece.row() + 0.5) * 1000))
          .isEqualTo(piece.ordinal());
    }
    assertThat(grid.pieces().stream().map(GridPiece::cellId).distinct().count()).isEqualTo(spec.cellCount());
  }

  @Test
  void liyangsGridCoversItsRealBoundary() {
    AnalysisGrid grid = AnalysisGrid.build(Regions.load("liyang"));
    assertPiecesSumToDistricts(grid);
    // 1535 km² county: about as many 1 km cells, plus the boundary cells
    assertThat(grid.spec().cellCount()).isBetween(1500, 1900);
  }

  @Test
  void tianjinsSixteenDistrictsEachSumToTheirArea() {
    AnalysisGrid grid = AnalysisGrid.build(Regions.load("tianjin"));
    assertPiecesSumToDistricts(grid);
    assertThat(grid.districtAreasM2()).hasSize(16);
    assertThat(grid.pieces().stream().map(GridPiece::cellId).distinct().count()).isEqualTo(grid.spec().cellCount());
  }

  static void assertPiecesSumToDistricts(AnalysisGrid grid) {
    Map<String, Double> sums =
        grid.pieces().stream()
            .collect(Collectors.groupingBy(GridPiece::districtCode, Collectors.summingDouble(GridPiece::areaM2)));
    grid.districtAreasM2()
        .forEach((code, area) -> assertThat(sums.get(code)).as(code).isCloseTo(area, within(area * 1e-6)));
  }
}
