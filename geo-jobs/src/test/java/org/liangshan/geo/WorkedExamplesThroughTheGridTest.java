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
    List<SceneRef> scenes = new ArrayList<>();
    scenes.add(scene(Product.NDVI, 6, 0.6));
    scenes.add(scene(Product.NDVI, 7, 0.7));
    scenes.add(scene(Product.TEMPERATURE, 6, 20));
    scenes.add(scene(Product.TEMPERATURE, 7, 25));
    scenes.add(scene(Product.RADIATION, 6, 500));
    scenes.add(scene(Product.PRECIPITATION, 6, 100));
    scenes.add(scene(Product.ET, 6, 80));
    scenes.add(scene(Product.PET, 6, 100));
    scenes.add(scene(Product.LANDCOVER, 0, 24));

    PieceAccount account = account(scenes, ParameterSet.defaults());

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
        .isCloseTo(account.nepTc() * 380, within(1e-5));
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
    assertThat(account.valueYuan()).isEqualByComparingTo(BigDecimal.ZERO);
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
    return new SceneRef(product, 2024, month, file.toUri().toString(), product == Product.LANDCOVER ? 255.0 : -9999.0);
  }
}
