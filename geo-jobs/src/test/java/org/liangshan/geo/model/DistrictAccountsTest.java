package org.liangshan.geo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.District;
import org.liangshan.geo.Fixtures;

class DistrictAccountsTest {
  private static final District WEST = Fixtures.district("900001", "West", Fixtures.box(0, 0, 1, 1));
  private static final District EAST = Fixtures.district("900002", "East", Fixtures.box(1, 0, 2, 1));

  @Test
  void gridServicesAndCarbonAreTheSumsOfThePieces() throws Exception {
    AccountingParameters parameters = AccountingParameters.from(ParameterSet.defaults());
    List<PieceAccount> pieces =
        List.of(
            GridAccounting.account(piece(0, "900001", 1e6), forest(0), parameters, 2024),
            GridAccounting.account(piece(1, "900001", 4e5), forest(1), parameters, 2024),
            GridAccounting.account(piece(1, "900002", 6e5), forest(1), parameters, 2024));
    DistrictAccounts accounts =
        DistrictAccounts.build(List.of(WEST, EAST), pieces, Map.of(), parameters);

    DistrictAccounts.DistrictCarbon west = accounts.carbon().get(0);
    assertThat(west.pieces()).isEqualTo(2);
    assertThat(west.areaM2()).isEqualTo(1.4e6);
    assertThat(west.nepTc()).isCloseTo(pieces.get(0).nepTc() + pieces.get(1).nepTc(), within(1e-12));
    assertThat(west.nepTc()).isPositive();
    BigDecimal westWater = value(accounts, "900001", GepService.WATER_CONSERVATION);
    assertThat(westWater)
        .isEqualByComparingTo(pieces.get(0).value(GepService.WATER_CONSERVATION).add(pieces.get(1).value(GepService.WATER_CONSERVATION)));
    assertThat(westWater.signum()).isPositive();
    // no statistics: no material products or cultural services row, rather than a made-up zero
    assertThat(services(accounts, "900001"))
        .containsExactlyInAnyOrder(GepService.WATER_CONSERVATION, GepService.SOIL_RETENTION, GepService.FLOOD_REGULATION,
            GepService.WATER_PURIFICATION, GepService.AIR_PURIFICATION, GepService.CARBON_FIXATION,
            GepService.CLIMATE_REGULATION);
    // every grid service of a district, quantity and value, is the sum of its pieces
    for (GepService service : GepService.values()) {
      if (!service.gridDerived() || service == GepService.OXYGEN_RELEASE) {
        continue;
      }
      for (String district : List.of("900001", "900002")) {
        List<PieceAccount> own = pieces.stream().filter(p -> p.piece().districtCode().equals(district)).toList();
        DistrictAccounts.ServiceRow row = row(accounts, district, service);
        assertThat(row.valueYuan()).as(district + " " + service)
            .isEqualByComparingTo(own.stream().map(p -> p.value(service)).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(row.physicalQuantity()).as(district + " " + service)
            .isCloseTo(own.stream().mapToDouble(p -> p.quantity(service)).sum(), within(1e-9));
      }
    }
    // no DEM in these cells: LS unknown, no soil retention is invented
    assertThat(row(accounts, "900001", GepService.SOIL_RETENTION).valueYuan()).isEqualByComparingTo(BigDecimal.ZERO);
    // wetland and mixed forest purify water and air; most of July's days (mean 26 °C) need cooling
    for (GepService service : List.of(GepService.WATER_PURIFICATION, GepService.AIR_PURIFICATION, GepService.CLIMATE_REGULATION)) {
      assertThat(row(accounts, "900001", service).valueYuan().signum()).as(service.id()).isPositive();
    }
    // the district detail sums the pieces' pollutant tonnes
    assertThat(new ObjectMapper().readTree(row(accounts, "900002", GepService.AIR_PURIFICATION).detail()).get("so2_t").asDouble())
        .isCloseTo(pieces.get(2).components().get("air_purification.so2_t"), within(1e-12));
    assertThat(accounts.gepByDistrict().get("900001").excluded()).containsExactly("oxygen_release");
  }

  @Test
  void oxygenReleaseIsCountedWhenTheIndicatorListIncludesIt() throws Exception {
    ParameterSet params =
        ParameterSet.defaults()
            .withOverrides("with-oxygen", new ObjectMapper().readTree(
                "{\"gep\": {\"indicators\": [\"carbon_fixation\", \"oxygen_release\", \"material_products\"]}}"));
    AccountingParameters parameters = AccountingParameters.from(params);
    PieceAccount piece = GridAccounting.account(piece(0, "900001", 1e6), forest(0), parameters, 2024);
    DistrictStatistics statistics =
        new DistrictStatistics(Map.of("fishery", 2.5), Map.of("industrial", 1.0, "agricultural", 3.0), Optional.empty());
    DistrictAccounts accounts =
        DistrictAccounts.build(List.of(WEST), List.of(piece), Map.of("900001", statistics), parameters);

    assertThat(services(accounts, "900001"))
        .containsExactlyInAnyOrder(GepService.CARBON_FIXATION, GepService.OXYGEN_RELEASE, GepService.MATERIAL_PRODUCTS);
    // O₂ = C·32/12 t at 727 yuan/t
    assertThat(value(accounts, "900001", GepService.OXYGEN_RELEASE).doubleValue())
        .isCloseTo(piece.nepTc() * 32 / 12 * 727, within(1e-4));
    // 2.5 × 10⁴ yuan + 10⁴ m³ × 3.6 + 3 × 10⁴ m³ × 0.07
    assertThat(value(accounts, "900001", GepService.MATERIAL_PRODUCTS)).isEqualByComparingTo("63100");
    assertThat(accounts.gepByDistrict().get("900001").gepYuan())
        .isEqualByComparingTo(accounts.services().stream().map(DistrictAccounts.ServiceRow::valueYuan).reduce(BigDecimal.ZERO, BigDecimal::add));
    assertThat(piece.valueYuan())
        .isEqualByComparingTo(piece.value(GepService.CARBON_FIXATION).add(piece.value(GepService.OXYGEN_RELEASE)));
  }

  private static GridPiece piece(int ordinal, String district, double areaM2) {
    return new GridPiece("c" + ordinal, ordinal, ordinal, 0, district, district, null, areaM2, 0, 0, "POLYGON EMPTY", "[]");
  }

  /** A summer month over mixed forest with a little wetland. */
  private static CellYear forest(int ordinal) {
    double[][] series = new double[6][12];
    for (double[] months : series) {
      Arrays.fill(months, Double.NaN);
    }
    double[] july = {0.7 + 0.05 * ordinal, 26, 220, 520, 110, 140};
    for (int p = 0; p < 6; p++) {
      series[p][6] = july[p];
    }
    Map<LandCover, Double> fractions = new EnumMap<>(LandCover.class);
    fractions.put(LandCover.MF, 0.9);
    fractions.put(LandCover.WETLAND, 0.1);
    return new CellYear(ordinal, series[0], series[1], series[2], series[3], series[4], series[5], Optional.of(fractions));
  }

  @Test
  void waterPurificationCapSharesAZonesCapacityAmongItsPieces() {
    AccountingParameters parameters = AccountingParameters.from(ParameterSet.defaults());
    List<GridPiece> pieces = List.of(zoned(0, 1e6), zoned(1, 4e5), piece(1, "900002", 6e5));
    CellYear[] cells = {forest(0), forest(1)};
    Map<String, Double> raw0 = GridAccounting.waterRemovedT(pieces.get(0), cells[0], parameters);
    Map<String, Double> raw1 = GridAccounting.waterRemovedT(pieces.get(1), cells[1], parameters);
    // 0.9 km² MF at COD 1.0 + 0.1 km² wetland at 12.0 = 2.1 t for the 1 km² piece; 0.84 t for 0.4 km²
    assertThat(raw0.get("cod")).isCloseTo(2.1, within(1e-12));
    assertThat(raw1.get("cod")).isCloseTo(0.84, within(1e-12));
    // zone Z capacity: COD 1.47 t/a (half of 2.94), TP none
    WaterPurificationCaps caps =
        WaterPurificationCaps.of(pieces, cells, parameters, Map.of("Z", Map.of("cod", 1.47)));
    assertThat(caps.sharesOf(pieces.get(0)).get("cod")).isCloseTo(0.5, within(1e-12));
    assertThat(caps.sharesOf(pieces.get(2))).isEmpty();
    List<PieceAccount> accounts = new java.util.ArrayList<>();
    for (GridPiece piece : pieces) {
      accounts.add(GridAccounting.account(piece, cells[piece.ordinal()], parameters, 2024, caps.sharesOf(piece)));
    }
    double zoneCod = accounts.get(0).components().get("water_purification.cod_t")
        + accounts.get(1).components().get("water_purification.cod_t");
    assertThat(zoneCod).isCloseTo(1.47, within(1e-12));
    // TP is not capped: uncapped and counted tonnes agree
    assertThat(accounts.get(0).components().get("water_purification.tp_t"))
        .isEqualTo(accounts.get(0).components().get("water_purification.tp_uncapped_t"));
    // the outside piece counts in full
    assertThat(accounts.get(2).components().get("water_purification.cod_t"))
        .isEqualTo(accounts.get(2).components().get("water_purification.cod_uncapped_t"));
  }

  private static GridPiece zoned(int ordinal, double areaM2) {
    return new GridPiece("c" + ordinal, ordinal, ordinal, 0, "900001", "900001", "Z", areaM2, 0, 0, "POLYGON EMPTY", "[]");
  }

  private static DistrictAccounts.ServiceRow row(DistrictAccounts accounts, String district, GepService service) {
    return accounts.services().stream()
        .filter(r -> r.districtCode().equals(district) && r.service() == service)
        .findFirst().orElseThrow();
  }

  private static BigDecimal value(DistrictAccounts accounts, String district, GepService service) {
    return accounts.services().stream()
        .filter(r -> r.districtCode().equals(district) && r.service() == service)
        .findFirst().orElseThrow().valueYuan();
  }

  private static List<GepService> services(DistrictAccounts accounts, String district) {
    return accounts.services().stream()
        .filter(r -> r.districtCode().equals(district))
        .map(DistrictAccounts.ServiceRow::service)
        .collect(Collectors.toList());
  }
}
