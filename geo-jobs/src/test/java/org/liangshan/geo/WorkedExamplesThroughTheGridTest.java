package org.liangshan.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.geotools.geometry.jts.JTS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.geo.model.AccountingParameters;
import org.liangshan.geo.model.CellYear;
import org.liangshan.geo.model.GepService;
import org.liangshan.geo.model.GridAccounting;
import org.liangshan.geo.model.GridPiece;
import org.liangshan.geo.model.GridSpec;
import org.liangshan.geo.model.PieceAccount;
import org.liangshan.geo.model.Product;
import org.liangshan.geo.model.Projections;
import org.locationtech.jts.geom.Envelope;

/**
 * METHODOLOGY.md's worked examples reproduced through the grid code: GeoTIFFs in lon/lat over a
 * single 1 km² cell, read and binned as the Spark tasks do ({@link SceneStats#compute}), assembled
 * into the cell's year ({@link AccountingJob#cellYears}) and accounted ({@link GridAccounting}).
 */
class WorkedExamplesThroughTheGridTest {
  private static final double X0 = 600_000;
  private static final double Y0 = 3_470_000;
  private static final GridSpec ONE_CELL =
      new GridSpec("one", "EPSG:32650", X0, Y0, 1000, 1, 1, new int[] {0});
  private static final GridPiece PIECE =
      new GridPiece("one-0000-0000", 0, 0, 0, "900001", "One", null, 1e6, 120.0, 31.3, "POLYGON EMPTY", "[]");

  @TempDir Path dir;

  /**
   * CASA worked example: DBF, NDVI 0.6, SOL 500, T_opt 25, T 20, E/Ep 0.8, R 100 → NPP 81.168, Rh
   * 29.697, NEP 51.471 gC/m². June carries the example; July is the NDVI peak at 25 °C (so T_opt =
   * 25) but has no radiation scene, so only June is computed.
   */
  @Test
  void casaWorkedExample() throws Exception {
    PieceAccount account = account(casaExampleScenes(24), ParameterSet.defaults());

    assertThat(account.carbon().peakNdviMonth()).isEqualTo(7);
    assertThat(account.carbon().tOptC()).isEqualTo(25.0, within(1e-9));
    assertThat(account.carbon().monthsComputed()).isEqualTo(1);
    assertThat(account.carbon().dominantVegetation()).hasValue(org.liangshan.core.method.VegetationClass.DBF);
    assertThat(account.carbon().nppGcM2()).isCloseTo(81.168, within(5e-4));
    assertThat(account.carbon().rhGcM2()).isCloseTo(29.697, within(5e-4));
    assertThat(account.carbon().nepGcM2()).isCloseTo(51.471, within(5e-4));
    // 1 km²: gC/m² × 10⁶ m² / 10⁶ = t C
    assertThat(account.nppTc()).isCloseTo(81.168, within(5e-4));
    assertThat(account.nepTc()).isCloseTo(51.471, within(5e-4));
    assertThat(account.co2T()).isCloseTo(51.471 * 44 / 12, within(2e-3));
    assertThat(account.value(GepService.CARBON_FIXATION).doubleValue())
        .isCloseTo(account.nepTc() * 351.42, within(1e-5)); // t C × the default carbon price, yuan/t C
  }

  /**
   * The CASA example's month on cropland (code 10): the carbon sink keeps the crop's NEP (CROP's ε_max
   * 0.542 and NDVI/SR range, so not the DBF figures), but the GEP guide does not count an annual crop's
   * NEP as carbon fixed (the harvest returns it within the year): carbon fixation and oxygen release 0.
   */
  @Test
  void cropNepStaysInTheSinkButIsNotCarbonFixed() throws Exception {
    PieceAccount account = account(casaExampleScenes(10), ParameterSet.defaults());

    org.liangshan.core.method.Casa.Output crop =
        org.liangshan.core.method.Casa.compute(
            new org.liangshan.core.method.Casa.Input(
                org.liangshan.core.method.VegetationClass.CROP, 0.6, 500, 25, 20, 0.8, 100),
            ParameterSet.defaults());
    assertThat(crop.nepGcM2()).isPositive();
    assertThat(account.nepTc()).isCloseTo(crop.nepGcM2(), within(5e-4)); // rasters hold float32
    assertThat(account.carbon().sequesteringNepGcM2()).isZero();
    assertThat(account.quantity(GepService.CARBON_FIXATION)).isZero();
    assertThat(account.value(GepService.CARBON_FIXATION)).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(account.quantity(GepService.OXYGEN_RELEASE)).isZero();
  }

  /** Water conservation worked example: 1 km², P 1200, R 200, ET 700 → 3.0×10⁵ m³, 2.118×10⁶ yuan. */
  @Test
  void waterConservationWorkedExample() throws Exception {
    List<SceneRef> scenes = new ArrayList<>();
    scenes.add(scene(Product.PRECIPITATION, 7, 1200));
    scenes.add(scene(Product.ET, 7, 700));
    scenes.add(scene(Product.LANDCOVER, 0, 24));
    // α = 1/6 so that R = α·P = 200 mm
    ParameterSet params =
        ParameterSet.defaults()
            .withOverrides(
                "test-runoff",
                new ObjectMapper().readTree("{\"gep\": {\"runoff_coefficients\": {\"DBF\": 0.16666666666666667}}}"));

    PieceAccount account = account(scenes, params);

    assertThat(account.waterMonths()).isEqualTo(1);
    assertThat(account.quantity(GepService.WATER_CONSERVATION)).isCloseTo(3.0e5, within(1e-6));
    assertThat(account.value(GepService.WATER_CONSERVATION))
        .isCloseTo(new BigDecimal("2118000"), within(new BigDecimal("0.0001")));
    // no NDVI: no carbon computed, and none invented
    assertThat(account.carbon().monthsComputed()).isZero();
    assertThat(account.nepTc()).isZero();
  }

  @Test
  void waterBodiesBuiltUpAndBareLandConserveNoWaterAndFixNoCarbon() throws Exception {
    List<SceneRef> scenes = new ArrayList<>();
    scenes.add(scene(Product.NDVI, 6, 0.6));
    scenes.add(scene(Product.TEMPERATURE, 6, 20));
    scenes.add(scene(Product.RADIATION, 6, 500));
    scenes.add(scene(Product.PRECIPITATION, 6, 1200));
    scenes.add(scene(Product.ET, 6, 700));
    scenes.add(scene(Product.PET, 6, 900));
    scenes.add(scene(Product.LANDCOVER, 0, 60));

    PieceAccount account = account(scenes, ParameterSet.defaults());

    assertThat(account.carbon().dominantVegetation()).isEmpty();
    assertThat(account.nppTc()).isZero();
    assertThat(account.rhTc()).isZero();
    assertThat(account.quantity(GepService.WATER_CONSERVATION)).isZero();
    assertThat(account.value(GepService.CARBON_FIXATION)).isEqualByComparingTo(BigDecimal.ZERO);
    // open water still purifies water, and cools on June's hot days: at a mean of 20 °C a share
    // Φ((20 − 22)/2.5) = Φ(−0.8) = 0.211855 of the days exceeds 26 °C, so E = 0.9 m × 0.211855 × 10⁶ m²
    // = 190669.85 m³, × 1000 × 2260 / (3600 × 3) = 39899432.34 kWh, × 0.53 = 21146699.14 yuan
    assertThat(account.components().get("climate_regulation.evaporation_m3")).isCloseTo(190669.85, within(0.01));
    assertThat(account.value(GepService.CLIMATE_REGULATION).doubleValue()).isCloseTo(21146699.14, within(0.01));
    assertThat(account.valueYuan())
        .isEqualByComparingTo(account.value(GepService.WATER_PURIFICATION).add(account.value(GepService.CLIMATE_REGULATION)));
    assertThat(account.value(GepService.WATER_PURIFICATION)).isEqualByComparingTo("6457.5");
  }

  /**
   * Soil retention by hand: a DEM in the grid's metric CRS, 100 m pixels rising 6 m a pixel eastward
   * (tanθ = 0.06: S = 10.8·sinθ + 0.03 = 0.676837, m = 0.5, L = (100/22.13)^0.5 = 2.125736, LS =
   * 1.438776); 100 mm every month (R = 7059.735); NDVI 0.5 (C = e⁻² = 0.135335); deciduous broadleaf
   * (K 0.032, P 1) over 100 ha → A_s = 7059.735·0.032·1.438776·(1 − 0.135335)·100 = 28104.725 t,
   * sediment 28104.725·0.24/0.93 = 7252.832 m³, value 7252.832·15.58 + A_s·0.0037·875 +
   * A_s·0.00108·2800 = 288976.866 yuan; the same as core's {@code calc soil-retention} on those factors.
   */
  @Test
  void soilRetentionByHandThroughTheDem() throws Exception {
    List<SceneRef> scenes = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      scenes.add(scene(Product.PRECIPITATION, m, 100));
    }
    scenes.add(scene(Product.NDVI, 7, 0.5));
    scenes.add(scene(Product.LANDCOVER, 0, 24));
    double[][] dem = new double[10][10];
    for (int r = 0; r < 10; r++) {
      for (int c = 0; c < 10; c++) {
        dem[r][c] = 50 + 6 * c;
      }
    }
    Path file = Fixtures.geoTiff(dir.resolve("dem.tif"), "EPSG:32650", X0, Y0, X0 + 1000, Y0 + 1000, dem);
    scenes.add(new SceneRef(Product.DEM, 0, 0, file.toUri().toString(), file.toUri().toString(), -9999.0));

    PieceAccount account = account(scenes, ParameterSet.defaults());

    // Zhang & Fu 2003: 12 × 100 mm, F = 100, R = 0.1833 × 100^1.9957 = 1797.060 (it was 7059.735 by the former
    // Wischmeier-Smith form); retained = R × 0.032 × LS 1.438776 × (1 − e^−2) × 100 ha = 7154.074 t.
    assertThat(account.rFactor()).isCloseTo(1797.060, within(1e-3));
    assertThat(account.lsFactor()).isCloseTo(1.438776, within(1e-6));
    assertThat(account.quantity(GepService.SOIL_RETENTION)).isCloseTo(7154.074, within(1e-3));
    assertThat(account.components().get("soil_retention.sediment_m3")).isCloseTo(1846.213, within(1e-3));
    assertThat(account.value(GepService.SOIL_RETENTION).doubleValue()).isCloseTo(73559.222, within(1e-3));
    org.liangshan.core.method.SoilRetention.Output core =
        org.liangshan.core.method.SoilRetention.compute(
            new org.liangshan.core.method.SoilRetention.Rusle(1797.0595342599033, 0.032, 1.438776109824409,
                Math.exp(-2), 1, 100),
            ParameterSet.defaults());
    assertThat(account.value(GepService.SOIL_RETENTION).doubleValue())
        .isCloseTo(core.valueTotalYuan().doubleValue(), within(1e-4));
  }

  /** Without a DEM, LS is unknown and no soil retention is credited. */
  @Test
  void noDemNoSoilRetention() throws Exception {
    List<SceneRef> scenes = new ArrayList<>();
    scenes.add(scene(Product.PRECIPITATION, 7, 300));
    scenes.add(scene(Product.LANDCOVER, 0, 24));
    PieceAccount account = account(scenes, ParameterSet.defaults());
    assertThat(account.rFactor()).isPositive();
    assertThat(account.lsFactor()).isNaN();
    assertThat(account.quantity(GepService.SOIL_RETENTION)).isZero();
  }

  /**
   * Deciduous broadleaf, 1 km², July 28 °C, June 21 °C: air purification SO₂ 8.865 t × 1200 + NOx 0.6
   * × 630 + dust 1011 × 150 = 162666 yuan; cooling days (the guide's maximum above 26 °C, on monthly
   * means Φ((T̄ − 22)/2.5) of the days): July 31 × Φ(2.4) = 30.74588 + June 30 × Φ(−0.4) = 10.33735 =
   * 41.08322 d; transpiration 2800 kJ/m²/d × 10⁶ m² × 41.08322 d / (3600 × 3) = 10651206.20 kWh ×
   * 0.53 = 5645139.29 yuan; water purification COD 1 × 700 + NH₃-N 0.08 × 875 + TN 0.3 × 875 + TP 0.03
   * × 2800 = 1116.5 yuan.
   */
  @Test
  void airPurificationClimateAndWaterPurificationOfAForestByHand() throws Exception {
    List<SceneRef> scenes = new ArrayList<>();
    scenes.add(scene(Product.TEMPERATURE, 7, 28));
    scenes.add(scene(Product.TEMPERATURE, 6, 21));
    scenes.add(scene(Product.LANDCOVER, 0, 24));
    PieceAccount account = account(scenes, ParameterSet.defaults());
    assertThat(account.quantity(GepService.AIR_PURIFICATION)).isCloseTo(8.865 + 0.6 + 1011, within(1e-9));
    assertThat(account.value(GepService.AIR_PURIFICATION)).isEqualByComparingTo("162666");
    assertThat(account.quantity(GepService.CLIMATE_REGULATION)).isCloseTo(10651206.20, within(0.01));
    assertThat(account.value(GepService.CLIMATE_REGULATION).doubleValue()).isCloseTo(5645139.29, within(0.01));
    assertThat(account.value(GepService.WATER_PURIFICATION)).isEqualByComparingTo("1116.5");
  }

  /**
   * Open water, 1 km², July 28 °C with PET 150 mm: on the July days above 26 °C (Φ(2.4) = 0.991802 of
   * them) E = 0.15 m × 0.991802 × 10⁶ m² = 148770.37 m³, E·ρ·q/(3600·r) = 148770.37 × 1000 × 2260 /
   * (3600 × 3) = 31131577.36 kWh (y 0) × 0.53 = 16499736.00 yuan; water purification COD 6 × 700 +
   * NH₃-N 0.6 × 875 + TN 1.5 × 875 + TP 0.15 × 2800 = 6457.5 yuan; no air purification, no soil
   * retention.
   */
  @Test
  void climateAndWaterPurificationOfOpenWaterByHand() throws Exception {
    List<SceneRef> scenes = new ArrayList<>();
    scenes.add(scene(Product.TEMPERATURE, 7, 28));
    scenes.add(scene(Product.PET, 7, 150));
    scenes.add(scene(Product.PRECIPITATION, 7, 200));
    scenes.add(scene(Product.LANDCOVER, 0, 60));
    PieceAccount account = account(scenes, ParameterSet.defaults());
    assertThat(account.components().get("climate_regulation.evaporation_m3")).isCloseTo(148770.37, within(0.01));
    assertThat(account.quantity(GepService.CLIMATE_REGULATION)).isCloseTo(31131577.36, within(0.01));
    assertThat(account.value(GepService.CLIMATE_REGULATION).doubleValue()).isCloseTo(16499736.00, within(0.01));
    assertThat(account.value(GepService.WATER_PURIFICATION)).isEqualByComparingTo("6457.5");
    assertThat(account.quantity(GepService.AIR_PURIFICATION)).isZero();
    assertThat(account.quantity(GepService.SOIL_RETENTION)).isZero();
  }

  /**
   * Aquaculture ponds (code 52) beside natural wetland (code 50), each over the whole cell, the open-water
   * month above: the ponds get none of the wetland's credits (flood storage 0.3 m × 10⁶ m² = 300,000 m³,
   * pollutant removal, carbon), and their water surface evaporates as open water's does (148,770.37 m³).
   */
  @Test
  void aquaculturePondsGetNoNaturalWetlandCredits() throws Exception {
    PieceAccount ponds = account(openWaterMonth(52), ParameterSet.defaults());
    PieceAccount wetland = account(openWaterMonth(50), ParameterSet.defaults());
    assertThat(wetland.quantity(GepService.FLOOD_REGULATION)).isCloseTo(300_000, within(1e-6));
    assertThat(wetland.quantity(GepService.WATER_PURIFICATION)).isPositive();
    assertThat(ponds.quantity(GepService.FLOOD_REGULATION)).isZero();
    assertThat(ponds.value(GepService.FLOOD_REGULATION)).isEqualByComparingTo("0");
    assertThat(ponds.quantity(GepService.WATER_PURIFICATION)).isZero();
    assertThat(ponds.quantity(GepService.CARBON_FIXATION)).isZero();
    assertThat(ponds.nppTc()).isZero();
    assertThat(ponds.components().get("climate_regulation.evaporation_m3")).isCloseTo(148770.37, within(0.01));
  }

  private List<SceneRef> openWaterMonth(int landCoverCode) throws Exception {
    List<SceneRef> scenes = new ArrayList<>();
    scenes.add(scene(Product.TEMPERATURE, 7, 28));
    scenes.add(scene(Product.PET, 7, 150));
    scenes.add(scene(Product.PRECIPITATION, 7, 200));
    scenes.add(scene(Product.LANDCOVER, 0, landCoverCode));
    return scenes;
  }

  /** The CASA example's month (June) and its NDVI peak (July) over one land-cover class. */
  private List<SceneRef> casaExampleScenes(int landCoverCode) throws Exception {
    List<SceneRef> scenes = new ArrayList<>();
    scenes.add(scene(Product.NDVI, 6, 0.6));
    scenes.add(scene(Product.NDVI, 7, 0.7));
    scenes.add(scene(Product.TEMPERATURE, 6, 20));
    scenes.add(scene(Product.TEMPERATURE, 7, 25));
    scenes.add(scene(Product.RADIATION, 6, 500));
    scenes.add(scene(Product.PRECIPITATION, 6, 100));
    scenes.add(scene(Product.ET, 6, 80));
    scenes.add(scene(Product.PET, 6, 100));
    scenes.add(scene(Product.LANDCOVER, 0, landCoverCode));
    return scenes;
  }

  private PieceAccount account(List<SceneRef> scenes, ParameterSet params) {
    List<SceneStats> stats = new ArrayList<>();
    for (SceneRef scene : scenes) {
      stats.add(SceneStats.compute(scene, ONE_CELL, Map.of()));
    }
    CellYear[] cells = AccountingJob.cellYears(ONE_CELL, stats);
    return GridAccounting.account(PIECE, cells[0], AccountingParameters.from(params), 2024);
  }

  /** A 2 x 2 lon/lat GeoTIFF of one value over the cell. */
  private SceneRef scene(Product product, int month, double value) throws Exception {
    Envelope lonLat =
        JTS.transform(new Envelope(X0, X0 + 1000, Y0, Y0 + 1000), null,
            Projections.transform("EPSG:32650", "EPSG:4326"), 10);
    // shrink so every pixel centre is well inside the cell despite the grid's rotation
    lonLat.expandBy(-lonLat.getWidth() * 0.05, -lonLat.getHeight() * 0.05);
    Path file = dir.resolve(product.id() + "_" + month + ".tif");
    Fixtures.geoTiff(file, "EPSG:4326", lonLat.getMinX(), lonLat.getMinY(), lonLat.getMaxX(), lonLat.getMaxY(),
        Fixtures.constant(2, 2, value));
    return new SceneRef(product, 2024, month, file.toUri().toString(), file.toUri().toString(), product == Product.LANDCOVER ? 255.0 : -9999.0);
  }
}
