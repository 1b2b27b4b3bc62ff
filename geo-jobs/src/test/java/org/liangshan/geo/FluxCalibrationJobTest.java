package org.liangshan.geo;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.liangshan.core.method.Casa;
import org.liangshan.core.method.FluxCalibration;
import org.liangshan.core.method.VegetationClass;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.FluxTower;
import org.liangshan.core.region.Region;
import org.liangshan.pipelines.raster.RasterTables;
import org.liangshan.pipelines.source.SourceFamilies;
import org.liangshan.warehouse.OpsTables;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.SharedSpark;
import org.liangshan.warehouse.TableCatalog;
import org.liangshan.warehouse.TableDef;

/**
 * The flux-tower step of {@code run accounting} on data whose answer is known by construction: a
 * deciduous-broadleaf tower in a region whose rasters are uniform, its half-hourly NEE generated as
 * Lloyd–Taylor respiration (R_ref 2.5, E0 180 K) minus a GPP whose monthly sums are exactly ε_max =
 * 0.95 times CASA's GPP per unit ε_max at the tower's cell. Every fifth night has weak turbulence (u*
 * 0.05 m/s) and an under-measured NEE that the u* filter must drop; a midday gap must be filled (marginal
 * distribution sampling, on radiation alone since the file has no VPD). The calibration must give E0 and
 * ε_max 0.95 back, and the carbon sink must use it and say so. The methods themselves are tested on a real
 * tower-year in core ({@code FluxTowerYearTest}: REddyProc's DE-Tha 1998).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FluxCalibrationJobTest {
  private static final int YEAR = 2024;
  private static final double EPS_TRUE = 0.95;
  private static final double R_REF = 2.5;
  private static final double E0 = 180;
  private static final double MIN_LON = 119.395;
  private static final double MAX_LON = 119.435;
  private static final double MIN_LAT = 31.395;
  private static final double MAX_LAT = 31.425;
  private static final ZoneOffset CST = ZoneOffset.ofHours(8);
  // month -> ndvi, temperature, precipitation, radiation, et, pet (uniform over the region)
  private static final Map<Integer, double[]> MONTHS = Map.of(
      6, new double[] {0.55, 22, 150, 480, 90, 120},
      7, new double[] {0.70, 26, 200, 520, 110, 130},
      8, new double[] {0.65, 25, 180, 500, 100, 125});

  private final SparkSession spark = SharedSpark.session();
  private final FluxTower tower = new FluxTower("TW-DBF", "test tower", 119.4075, 31.41, "DBF");
  private final Region region = region();
  private final ParameterSet params = ParameterSet.forRegion(region);
  private TableCatalog catalog;
  private AccountingSummary summary;
  private long corruptedNights;
  private long records;
  private final List<String> progress = new ArrayList<>();

  @BeforeAll
  void run(@TempDir Path dir) {
    List<TableDef> tables = new ArrayList<>(GeoTables.ALL);
    tables.add(RasterTables.SCENES);
    tables.add(SourceFamilies.silver("flux"));
    tables.add(OpsTables.RUN_LOG);
    catalog = JobTestLakehouse.copy(spark, tables);
    loadScenes(dir);
    loadFlux();
    Run run = Run.start(catalog, "test accounting", "accounting", region.id(), Integer.toString(YEAR), params.version());
    summary = AccountingJob.run(run, region, YEAR, params, progress::add);
  }

  @Test
  void theKnownEpsMaxComesBackAndIsPublishedPerTower() {
    List<Row> rows = catalog.read(GeoTables.FLUX_CALIBRATION).collectAsList();
    assertThat(rows).hasSize(1);
    Row row = rows.get(0);
    assertThat(row.<String>getAs("tower_id")).isEqualTo("TW-DBF");
    assertThat(row.<Double>getAs("e0_k")).isEqualTo(E0);
    assertThat(row.<Integer>getAs("months_paired")).isEqualTo(3);
    assertThat(row.<Double>getAs("eps_max_prior")).isEqualTo(0.692);
    assertThat(row.<Double>getAs("eps_max_class")).isCloseTo(EPS_TRUE, within(EPS_TRUE * 0.005));
    assertThat(row.<Double>getAs("eps_max_tower")).isEqualTo(row.<Double>getAs("eps_max_class"));
    assertThat(row.<Double>getAs("r_squared")).isGreaterThan(0.99);
    double gpp = row.getAs("tower_gpp_gc_m2");
    assertThat(gpp).isCloseTo(EPS_TRUE * casaGppPerEpsSum(), within(gpp * 0.005));
    assertThat(Math.abs(row.<Double>getAs("bias_gc_m2"))).isLessThan(gpp / 3 * 0.005);
    assertThat(row.<Boolean>getAs("applied")).isTrue();
    // the u* filter dropped exactly the weak-turbulence nights, and nothing was lost
    assertThat(row.<Long>getAs("records")).isEqualTo(records);
    assertThat(row.<Long>getAs("ustar_filtered")).isEqualTo(corruptedNights);
    assertThat(row.<Long>getAs("still_missing")).isZero();
    assertThat(row.<Long>getAs("measured_nee") - row.<Long>getAs("ustar_filtered") + row.<Long>getAs("gap_filled"))
        .isEqualTo(records);
    // Three months give fewer than 3,000 night records and only two u* values: no moving-point estimate, so
    // the fallback threshold applies and the row says so.
    assertThat(row.<Boolean>getAs("ustar_estimated")).isFalse();
    assertThat(row.<Double>getAs("ustar_threshold_m_s")).isEqualTo(params.number("flux.ustar_threshold_m_s"));
    assertThat(row.<Double>getAs("ustar_p50_m_s")).isNull();
    // Every month covered by measured or good-quality filled half-hours: none flagged.
    assertThat(row.<Integer>getAs("months_flagged")).isZero();
    assertThat(row.<String>getAs("flagged_months")).isNull();
    assertThat(row.<Double>getAs("gpp_gc_m2")).isCloseTo(gpp, within(1e-6));
    assertThat(row.<Double>getAs("gpp_gc_m2"))
        .isCloseTo(row.<Double>getAs("reco_gc_m2") - row.<Double>getAs("nee_gc_m2"), within(1e-6));
    assertThat(row.<String>getAs("base_parameter_set")).isEqualTo(params.version());
    assertThat(row.<String>getAs("parameter_set")).isEqualTo(params.version() + "+flux-" + YEAR);
  }

  @Test
  void theCarbonSinkUsesTheCalibratedSetAndSaysSo() {
    String calibrated = params.version() + "+flux-" + YEAR;
    assertThat(summary.parameterSet()).isEqualTo(calibrated);
    for (TableDef table : List.of(GeoTables.CARBON_SINK_CELL_YEAR, GeoTables.CARBON_SINK_DISTRICT_YEAR, GeoTables.GEP_BY_DISTRICT)) {
      assertThat(catalog.read(table).select("parameter_set").distinct().collectAsList())
          .extracting(r -> r.getString(0)).containsExactly(calibrated);
    }
    double eps = catalog.read(GeoTables.FLUX_CALIBRATION).first().getAs("eps_max_class");
    // a cell wholly DBF: annual NPP per m² is ε_max × Σ (CASA GPP per unit ε) × NPP/GPP
    Row cell = catalog.read(GeoTables.CARBON_SINK_CELL_YEAR).where(col("months_computed").equalTo(3))
        .orderBy(col("area_m2").desc()).first();
    assertThat(cell.<Double>getAs("npp_gc_m2")).isCloseTo(eps * casaGppPerEpsSum() * 0.5, within(eps * casaGppPerEpsSum() * 1e-6)); // rasters store float32
    List<Row> log = catalog.read(OpsTables.RUN_LOG).where(col("job").equalTo("flux-calibration")).collectAsList();
    assertThat(log).hasSize(1);
    assertThat(log.get(0).<String>getAs("parameter_set")).isEqualTo(calibrated);
    assertThat(log.get(0).<String>getAs("status")).isEqualTo("SUCCEEDED");
    assertThat(log.get(0).<String>getAs("message")).contains(summary.runId()).contains("DBF");
    assertThat(log.get(0).getJavaMap(log.get(0).fieldIndex("inputs"))).containsKey("silver.flux");
    assertThat(progress).anyMatch(line -> line.contains("carbon sink uses parameter set " + calibrated));
  }

  /** Σ over the months of CASA GPP per unit ε_max at the (uniform) cell, gC/m². */
  private double casaGppPerEpsSum() {
    double sum = 0;
    for (int month = 6; month <= 8; month++) {
      sum += casaGppPerEps(month);
    }
    return sum;
  }

  private double casaGppPerEps(int month) {
    double[] v = MONTHS.get(month);
    double tOpt = MONTHS.get(7)[1];
    Casa.Input input = new Casa.Input(VegetationClass.DBF, v[0], v[3], tOpt, v[1], Math.min(1, v[4] / v[5]), v[2]);
    return FluxCalibration.casaGppPerEps(input, Casa.Parameters.of(params, VegetationClass.DBF), 0.5);
  }

  /** Half-hourly records of June to August, NEE = Reco − GPP with the GPP of ε_max = 0.95. */
  private void loadFlux() {
    TableDef table = SourceFamilies.silver("flux");
    List<Row> rows = new ArrayList<>();
    for (int month = 6; month <= 8; month++) {
      LocalDate first = LocalDate.of(YEAR, month, 1);
      int days = first.lengthOfMonth();
      double shapeSum = 0;
      for (int slot = 0; slot < 48; slot++) {
        shapeSum += shape(slot);
      }
      // µmol m⁻² s⁻¹ per unit of shape so that the month's GPP is ε_true × CASA GPP per unit ε
      double scale = EPS_TRUE * casaGppPerEps(month) / (FluxCalibration.GRAMS_C_PER_UMOL * 1800 * shapeSum * days);
      for (int day = 1; day <= days; day++) {
        boolean weakNight = day % 5 == 0;
        for (int slot = 0; slot < 48; slot++) {
          double hour = slot / 2.0 + 0.25;
          double ta = MONTHS.get(month)[1] + 4 * Math.sin(2 * Math.PI * (hour - 9) / 24) + 0.1 * (day - 15);
          double gpp = scale * shape(slot);
          double reco = Casa.lloydTaylorReco(R_REF, E0, ta, 288.15, 227.13);
          boolean night = shape(slot) == 0;
          double swIn = night ? 0 : 20 + 800 * shape(slot);
          double ustar = night && weakNight ? 0.05 : 0.3;
          Double nee = reco - gpp;
          if (night && weakNight) {
            nee = 0.3 * reco; // under-measured respiration in weak turbulence
            corruptedNights++;
          }
          if (day == 10 && slot >= 20 && slot < 28) {
            nee = null; // a midday gap
          }
          LocalDateTime local = first.plusDays(day - 1).atStartOfDay().plusMinutes(30L * slot);
          Map<String, Object> values = new LinkedHashMap<>();
          values.put("region", region.id());
          values.put("tower_id", tower.id());
          values.put("ts_start", Timestamp.from(local.toInstant(CST)));
          values.put("nee_umol_m2_s", nee);
          values.put("ta_c", ta);
          values.put("sw_in_w_m2", swIn);
          values.put("ustar_m_s", ustar);
          values.put("source_file", "flux/TW-DBF_2024.csv");
          values.put("source_line", (long) rows.size() + 2);
          values.put("record_hash", "h" + rows.size());
          values.put("ingest_run_id", "ingest-1");
          List<Object> ordered = new ArrayList<>();
          for (StructField field : table.schema().fields()) {
            ordered.add(values.get(field.name()));
          }
          rows.add(RowFactory.create(ordered.toArray()));
        }
      }
    }
    records = rows.size();
    catalog.append(table, spark.createDataFrame(rows, table.schema()));
  }

  /** Daylight shape of GPP: sin between 06:00 and 18:00 (half-hour midpoints), 0 at night. */
  private static double shape(int slot) {
    double hour = slot / 2.0 + 0.25;
    return hour > 6 && hour < 18 ? Math.sin(Math.PI * (hour - 6) / 12) : 0;
  }

  private void loadScenes(Path dir) {
    List<Row> rows = new ArrayList<>();
    String[] products = {"ndvi", "temperature", "precipitation", "radiation", "et", "pet"};
    for (int month = 6; month <= 8; month++) {
      for (int p = 0; p < products.length; p++) {
        rows.add(scene(dir, products[p], month, MONTHS.get(month)[p]));
      }
    }
    rows.add(scene(dir, "landcover", 0, 24));
    catalog.append(RasterTables.SCENES, spark.createDataFrame(rows, RasterTables.SCENES.schema()));
  }

  private Row scene(Path dir, String product, int month, double value) {
    String name = month == 0 ? product + "_" + YEAR : product + "_" + YEAR + String.format("%02d", month);
    Path file = Fixtures.geoTiff(dir.resolve(name + ".tif"), "EPSG:4326", MIN_LON, MIN_LAT, MAX_LON, MAX_LAT,
        Fixtures.constant(8, 6, value));
    double nodata = product.equals("landcover") ? 255 : -9999;
    return RowFactory.create(region.id(), product, month == 0 ? Integer.toString(YEAR) : YEAR + "-" + String.format("%02d", month),
        YEAR, month == 0 ? null : month, "unit", file.toUri().toString(), "EPSG:4326", 8, 6,
        (MAX_LON - MIN_LON) / 8, (MAX_LAT - MIN_LAT) / 6, MIN_LON, MIN_LAT, MAX_LON, MAX_LAT, nodata,
        "sha-" + name, "rasters/" + product + "/" + name + ".tif", "ingest-1");
  }

  private Region region() {
    Region base = Fixtures.region("tower",
        List.of(Fixtures.district("900001", "West", Fixtures.box(119.400, 31.400, 119.415, 31.420)),
            Fixtures.district("900002", "East", Fixtures.box(119.415, 31.400, 119.430, 31.420))),
        List.of(Fixtures.zone("Z-WEST", 119.39, 31.39, 119.415, 31.43)));
    return new Region(base.id(), base.name(), base.nameEn(), base.province(), base.storageCrs(), base.metricCrs(),
        base.gridResolutionM(), base.seedFacts(), base.parameterSetVersion(), JsonNodeFactory.instance.objectNode(),
        base.districts(), base.neighbours(), base.zones(), base.sections(), List.of(tower), base.agreements());
  }
}
