package org.liangshan.geo;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.Region;
import org.liangshan.pipelines.raster.RasterTables;
import org.liangshan.pipelines.source.SourceFamilies;
import org.liangshan.warehouse.OpsTables;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.SharedSpark;
import org.liangshan.warehouse.TableCatalog;
import org.liangshan.warehouse.TableDef;

/**
 * The balance sheet and the forestry carbon-sink base through {@code run accounting} on a tiny
 * two-district region: land cover 2023 is forest (west half) and water (east half); in 2024 the
 * westernmost quarter became cropland and the easternmost grassland. Accounting runs for 2023, then
 * twice for 2024.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NaturalAccountsJobTest {
  private static final double MIN_LON = 119.395;
  private static final double MAX_LON = 119.435;
  private static final double MIN_LAT = 31.395;
  private static final double MAX_LAT = 31.425;
  private static final int WIDTH = 8;
  private static final int HEIGHT = 6;

  private final SparkSession spark = SharedSpark.session();
  private final Region region =
      Fixtures.region(
          "nrtest",
          List.of(
              Fixtures.district("910001", "West", Fixtures.box(119.400, 31.400, 119.415, 31.420)),
              Fixtures.district("910002", "East", Fixtures.box(119.415, 31.400, 119.430, 31.420))),
          List.of());
  private final ParameterSet params = ParameterSet.forRegion(region);
  private TableCatalog catalog;
  private Map<TableDef, List<String>> firstRows;
  private Path dir;

  @BeforeAll
  void run(@TempDir Path tempDir) {
    dir = tempDir;
    List<TableDef> tables = new ArrayList<>(GeoTables.ALL);
    tables.addAll(NaturalAccountsTables.ALL);
    tables.add(RasterTables.SCENES);
    tables.add(SourceFamilies.silver("rights_register"));
    tables.add(OpsTables.RUN_LOG);
    catalog = JobTestLakehouse.copy(spark, tables);
    List<Row> scenes = new ArrayList<>();
    for (int year : new int[] {2023, 2024}) {
      for (int month = 6; month <= 8; month++) {
        scenes.add(scene("ndvi", year, month, field((c, r) -> 0.5 + 0.02 * c)));
        scenes.add(scene("temperature", year, month, field((c, r) -> 22.0)));
        scenes.add(scene("precipitation", year, month, field((c, r) -> 120.0)));
        scenes.add(scene("radiation", year, month, field((c, r) -> 480.0)));
        scenes.add(scene("et", year, month, field((c, r) -> 70.0)));
        scenes.add(scene("pet", year, month, field((c, r) -> 110.0)));
      }
    }
    scenes.add(scene("landcover", 2023, 0, field((c, r) -> c < 4 ? 24 : 60)));
    scenes.add(scene("landcover", 2024, 0, field((c, r) -> c < 2 ? 10 : c < 4 ? 24 : c < 6 ? 60 : 40)));
    catalog.append(RasterTables.SCENES, spark.createDataFrame(scenes, RasterTables.SCENES.schema()));
    TableDef register = SourceFamilies.silver("rights_register");
    catalog.append(register, spark.createDataFrame(List.of(
        parcel("P-DBF", "forest", "West", 150.0, "DBF", 20.0, 119.410, 31.410),
        parcel("P-OUT", "forest", "Elsewhere", 150.0, null, null, 118.0, 30.0),
        parcel("P-FISH", "aquaculture", "East", 40.0, null, null, 119.425, 31.410)), register.schema()));
    AccountingJob.run(start(2023), region, 2023, params);
    AccountingJob.run(start(2024), region, 2024, params);
    firstRows = snapshot();
    AccountingJob.run(start(2024), region, 2024, params);
  }

  @Test
  void everyLineBalancesAndTheDistrictsAddUpToTheRegion() {
    List<Row> lines = read(NaturalAccountsTables.NR_BALANCE_SHEET).collectAsList();
    assertThat(lines).hasSize(2 * 3 * 6); // 2 years x (2 districts + region) x 6 assets
    Map<String, BigDecimal[]> districtSums = new LinkedHashMap<>();
    for (Row row : lines) {
      BigDecimal opening = row.getAs("opening_km2");
      BigDecimal additions = row.getAs("additions_km2");
      BigDecimal reductions = row.getAs("reductions_km2");
      assertThat(opening.add(additions).subtract(reductions)).isEqualByComparingTo(row.<BigDecimal>getAs("closing_km2"));
      BigDecimal value = row.<BigDecimal>getAs("opening_value_yuan").add(row.getAs("additions_value_yuan"))
          .subtract(row.getAs("reductions_value_yuan"));
      assertThat(value).isEqualByComparingTo(row.<BigDecimal>getAs("closing_value_yuan"));
      if (row.<String>getAs("scope").equals("district")) {
        String key = row.getAs("year") + "/" + row.getAs("asset");
        BigDecimal[] sums = districtSums.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        sums[0] = sums[0].add(opening);
        sums[1] = sums[1].add(additions);
        sums[2] = sums[2].add(reductions);
        sums[3] = sums[3].add(row.getAs("closing_km2"));
        sums[4] = sums[4].add(row.getAs("closing_value_yuan"));
      }
    }
    for (Row row : lines) {
      if (row.<String>getAs("scope").equals("region")) {
        BigDecimal[] sums = districtSums.get(row.getAs("year") + "/" + row.getAs("asset"));
        assertThat(row.<BigDecimal>getAs("opening_km2")).isEqualByComparingTo(sums[0]);
        assertThat(row.<BigDecimal>getAs("additions_km2")).isEqualByComparingTo(sums[1]);
        assertThat(row.<BigDecimal>getAs("reductions_km2")).isEqualByComparingTo(sums[2]);
        assertThat(row.<BigDecimal>getAs("closing_km2")).isEqualByComparingTo(sums[3]);
        assertThat(row.<BigDecimal>getAs("closing_value_yuan")).isEqualByComparingTo(sums[4]);
      }
    }
  }

  @Test
  void openingIsThePreviousYearsClosingAndTheFirstYearHasNoFlows() {
    Map<String, BigDecimal> closing2023 = new LinkedHashMap<>();
    for (Row row : read(NaturalAccountsTables.NR_BALANCE_SHEET).where(col("year").equalTo(2023)).collectAsList()) {
      closing2023.put(row.getAs("district_code") + "/" + row.getAs("asset"), row.getAs("closing_km2"));
      assertThat(row.<BigDecimal>getAs("additions_km2")).isZero();
      assertThat(row.<BigDecimal>getAs("reductions_km2")).isZero();
      assertThat(row.<String>getAs("opening_basis")).contains("no land-cover scene in or before 2022");
    }
    for (Row row : read(NaturalAccountsTables.NR_BALANCE_SHEET).where(col("year").equalTo(2024)).collectAsList()) {
      assertThat(row.<BigDecimal>getAs("opening_km2")).as(row.toString())
          .isEqualByComparingTo(closing2023.get(row.getAs("district_code") + "/" + row.getAs("asset")));
      assertThat(row.<Integer>getAs("opening_landcover_year")).isEqualTo(2023);
    }
  }

  @Test
  void theTransitionsAreTheOnesPaintedIntoTheRasters() {
    Map<String, Row> region2024 = new LinkedHashMap<>();
    for (Row row : read(NaturalAccountsTables.NR_BALANCE_SHEET)
        .where(col("year").equalTo(2024).and(col("scope").equalTo("region"))).collectAsList()) {
      region2024.put(row.getAs("asset"), row);
    }
    // 2023: forest and water only; 2024: part of the forest became cropland, part of the water grassland
    BigDecimal cropland = region2024.get("cropland").getAs("closing_km2");
    BigDecimal grassland = region2024.get("grassland").getAs("closing_km2");
    assertThat(cropland.signum()).isPositive();
    assertThat(grassland.signum()).isPositive();
    assertThat(region2024.get("cropland").<BigDecimal>getAs("opening_km2")).isZero();
    assertThat(region2024.get("forest").<BigDecimal>getAs("additions_km2")).isZero();
    assertThat(region2024.get("forest").<BigDecimal>getAs("reductions_km2")).isEqualByComparingTo(cropland);
    assertThat(region2024.get("water").<BigDecimal>getAs("reductions_km2")).isEqualByComparingTo(grassland);
    // the closing cropland is the pieces' areas x their cells' crop fraction (gold.grid_cells x gold.landcover_fractions)
    double expected = catalog.read(GeoTables.GRID_CELLS).where(col("region").equalTo(region.id()))
        .join(catalog.read(GeoTables.LANDCOVER_FRACTIONS).where(col("region").equalTo(region.id()).and(col("year").equalTo(2024))), "cell_id")
        .selectExpr("SUM(area_m2 * crop_fraction) / 1e6").first().getDouble(0);
    assertThat(cropland.doubleValue()).isCloseTo(expected, within(1e-4));
    // the value is the area at the parameter set's unit value, to the fen
    BigDecimal unit = params.decimal("balance_sheet.unit_value_yuan_per_km2.cropland");
    assertThat(region2024.get("cropland").<BigDecimal>getAs("additions_value_yuan"))
        .isEqualByComparingTo(cropland.multiply(unit).setScale(2, java.math.RoundingMode.HALF_EVEN));
    Map<String, Double> transitions = new LinkedHashMap<>();
    for (Row row : read(NaturalAccountsTables.NR_LAND_TRANSITIONS)
        .where(col("year").equalTo(2024).and(col("scope").equalTo("region"))).collectAsList()) {
      transitions.put(row.getAs("from_asset") + ">" + row.getAs("to_asset"), row.getAs("area_km2"));
    }
    assertThat(transitions).containsOnlyKeys("forest>forest", "forest>cropland", "water>water", "water>grassland");
    assertThat(transitions.get("forest>cropland")).isCloseTo(cropland.doubleValue(), within(1e-9));
    assertThat(transitions.get("water>grassland")).isCloseTo(grassland.doubleValue(), within(1e-9));
  }

  @Test
  void forestParcelsStockForecastAndPriorities() {
    Map<String, Row> base = new LinkedHashMap<>();
    for (Row row : read(NaturalAccountsTables.FOREST_CARBON_BASE).where(col("year").equalTo(2024)).collectAsList()) {
      base.put(row.getAs("parcel_id"), row);
    }
    assertThat(base).containsOnlyKeys("P-DBF", "P-OUT"); // aquaculture is not a forest parcel
    Row out = base.get("P-OUT");
    // outside the grid, no class and no age: MF at 20 years on an average site, 10 ha:
    // 10 x 90 x (1 - e^-0.9)^2.4 = 257.2349 t C; mature 900 t C
    assertThat(out.<Double>getAs("site_factor")).isEqualTo(1.0);
    assertThat(out.<String>getAs("forest_type")).isEqualTo("MF");
    assertThat(out.<Double>getAs("stock_tc")).isCloseTo(257.23490646, within(1e-6));
    assertThat(out.<Double>getAs("gap_tc")).isCloseTo(900 - 257.23490646, within(1e-6));
    assertThat(out.<Double>getAs("model_sequestration_tc")).isCloseTo(19.00593720, within(1e-6));
    assertThat(out.<String>getAs("cell_id")).isNull();
    Row dbf = base.get("P-DBF");
    assertThat(dbf.<String>getAs("cell_id")).isNotNull();
    double s = dbf.getAs("site_factor");
    double observed = dbf.getAs("observed_sequestration_tc");
    // site factor = observed NEP per ha / curve increment at 20 years (1.841975949 t C/ha), within [0.5, 1.5]
    assertThat(s).isCloseTo(Math.max(0.5, Math.min(1.5, observed / 10 / 1.841975949)), within(1e-9));
    List<Row> forecast = read(NaturalAccountsTables.FOREST_CARBON_FORECAST)
        .where(col("year").equalTo(2024).and(col("parcel_id").equalTo("P-DBF"))).orderBy("forecast_year").collectAsList();
    assertThat(forecast).hasSize(10);
    // 2025: age 21; 10 ha x s x 80 x (1 - e^-1.05)^2.5 = s x 272.5695613
    assertThat(forecast.get(0).<Integer>getAs("forecast_year")).isEqualTo(2025);
    assertThat(forecast.get(0).<Double>getAs("stock_tc")).isCloseTo(s * 272.5695613314, within(1e-6));
    assertThat(forecast.get(0).<Double>getAs("sequestration_tc")).isCloseTo(s * 18.41975949, within(1e-6));
    assertThat(forecast.get(9).<Integer>getAs("forecast_year")).isEqualTo(2034);
    List<Row> management = read(NaturalAccountsTables.FOREST_PRIORITY)
        .where(col("year").equalTo(2024).and(col("kind").equalTo("forest_management"))).orderBy("rank").collectAsList();
    assertThat(management).extracting(r -> r.<String>getAs("target_id")).hasSize(2);
    assertThat(management.get(0).<Double>getAs("potential_tc")).isGreaterThanOrEqualTo(management.get(1).getAs("potential_tc"));
    // afforestation candidates: the pieces with grassland in 2024 (all in the east)
    List<Row> afforestation = read(NaturalAccountsTables.FOREST_PRIORITY)
        .where(col("year").equalTo(2024).and(col("kind").equalTo("afforestation"))).orderBy("rank").collectAsList();
    assertThat(afforestation).isNotEmpty();
    double grassHa = read(NaturalAccountsTables.NR_BALANCE_SHEET)
        .where(col("year").equalTo(2024).and(col("scope").equalTo("region")).and(col("asset").equalTo("grassland")))
        .first().<BigDecimal>getAs("closing_km2").doubleValue() * 100;
    assertThat(afforestation.stream().mapToDouble(r -> r.<Double>getAs("area_ha")).sum()).isCloseTo(grassHa, within(0.01));
    assertThat(afforestation).allSatisfy(r -> assertThat(r.<String>getAs("district_code")).isEqualTo("910002"));
  }

  @Test
  void aReRunYieldsTheSameRows() {
    assertThat(snapshot()).isEqualTo(firstRows);
    assertThat(read(NaturalAccountsTables.NR_BALANCE_SHEET).where(col("parameter_set").notEqual(params.version())).count()).isZero();
  }

  private Run start(int year) {
    return Run.start(catalog, "test accounting", "accounting", region.id(), Integer.toString(year), params.version());
  }

  private Dataset<Row> read(TableDef table) {
    return catalog.read(table).where(col("region").equalTo(region.id()));
  }

  private Map<TableDef, List<String>> snapshot() {
    Map<TableDef, List<String>> rows = new LinkedHashMap<>();
    for (TableDef table : NaturalAccountsTables.ALL) {
      rows.put(table, read(table).drop("run_id").collectAsList().stream().map(Row::toString).sorted().toList());
    }
    return rows;
  }

  private Row scene(String product, int year, int month, double[][] values) {
    String name = month == 0 ? product + "_" + year : product + "_" + year + String.format("%02d", month);
    Path file = Fixtures.geoTiff(dir.resolve(name + ".tif"), "EPSG:4326", MIN_LON, MIN_LAT, MAX_LON, MAX_LAT, values);
    double nodata = product.equals("landcover") ? 255 : -9999;
    return RowFactory.create(region.id(), product, month == 0 ? Integer.toString(year) : year + "-" + String.format("%02d", month),
        year, month == 0 ? null : month, "unit", file.toUri().toString(), "EPSG:4326", WIDTH, HEIGHT,
        (MAX_LON - MIN_LON) / WIDTH, (MAX_LAT - MIN_LAT) / HEIGHT, MIN_LON, MIN_LAT, MAX_LON, MAX_LAT, nodata,
        "sha-" + name, "rasters/" + product + "/" + name + ".tif", "ingest-1");
  }

  private interface Cell {
    double value(int column, int row);
  }

  private static double[][] field(Cell cell) {
    double[][] rows = new double[HEIGHT][WIDTH];
    for (int r = 0; r < HEIGHT; r++) {
      for (int c = 0; c < WIDTH; c++) {
        rows[r][c] = cell.value(c, r);
      }
    }
    return rows;
  }

  /** A row of silver.rights_register. */
  private Row parcel(String parcel, String type, String district, double areaMu, String veg, Double age, double lon, double lat) {
    TableDef table = SourceFamilies.silver("rights_register");
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("region", region.id());
    all.put("parcel_id", parcel);
    all.put("right_type", type);
    all.put("holder", "holder-" + parcel);
    all.put("area_mu", areaMu);
    all.put("veg_class", veg);
    all.put("stand_age_years", age);
    all.put("district", district);
    all.put("lon", lon);
    all.put("lat", lat);
    all.put("source_file", "finance/rights_register.csv");
    all.put("source_line", 2L);
    all.put("record_hash", "hash-" + parcel);
    all.put("ingest_run_id", "ingest-1");
    List<Object> ordered = new ArrayList<>();
    for (StructField field : table.schema().fields()) {
      ordered.add(all.get(field.name()));
    }
    return RowFactory.create(ordered.toArray());
  }
}
