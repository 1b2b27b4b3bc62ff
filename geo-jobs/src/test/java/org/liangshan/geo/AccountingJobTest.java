package org.liangshan.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.apache.spark.sql.functions.col;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
import org.liangshan.geo.model.GepService;
import org.liangshan.geo.model.LandCover;
import org.liangshan.pipelines.raster.RasterTables;
import org.liangshan.pipelines.source.SourceFamilies;
import org.liangshan.warehouse.OpsTables;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.SharedSpark;
import org.liangshan.warehouse.TableCatalog;
import org.liangshan.warehouse.TableDef;

/**
 * End to end on a tiny region (two districts, about 3 km x 2 km, a dozen cells): scenes and
 * statistics in silver, the job run twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountingJobTest {
  private static final int YEAR = 2024;
  private static final double MIN_LON = 119.395;
  private static final double MAX_LON = 119.435;
  private static final double MIN_LAT = 31.395;
  private static final double MAX_LAT = 31.425;
  private static final int WIDTH = 8;
  private static final int HEIGHT = 6;

  private final SparkSession spark = SharedSpark.session();
  private final Region region =
      Fixtures.region(
          "twin",
          List.of(
              Fixtures.district("900001", "West", Fixtures.box(119.400, 31.400, 119.415, 31.420)),
              Fixtures.district("900002", "East", Fixtures.box(119.415, 31.400, 119.430, 31.420))),
          List.of(Fixtures.zone("Z-WEST", 119.39, 31.39, 119.415, 31.43)));
  private final ParameterSet params = ParameterSet.forRegion(region);
  private TableCatalog catalog;
  private AccountingSummary first;
  private Map<TableDef, List<String>> firstRows;
  private AccountingSummary second;
  private final List<String> progress = new ArrayList<>();

  private Path dir;

  @BeforeAll
  void runTwice(@TempDir Path tempDir) {
    dir = tempDir;
    List<TableDef> tables = new ArrayList<>(GeoTables.ALL);
    tables.add(RasterTables.SCENES);
    tables.add(SourceFamilies.silver("stat_output"));
    tables.add(SourceFamilies.silver("stat_water_supply"));
    tables.add(SourceFamilies.silver("stat_tourism"));
    tables.add(OpsTables.RUN_LOG);
    tables.add(JobTestLakehouse.ZONE_CAPACITY);
    catalog = JobTestLakehouse.copy(spark, tables);
    loadScenes();
    loadCapacity();
    loadStatistics();
    first = AccountingJob.run(start(), region, YEAR, params, progress::add);
    firstRows = snapshot();
    second = AccountingJob.run(start(), region, YEAR, params);
  }

  @Test
  void districtTotalsAreTheSumsOfTheirCellPieces() {
    Map<String, BigDecimal> cellSums = new LinkedHashMap<>();
    Map<String, Double> cellQuantities = new LinkedHashMap<>();
    for (Row row : read(GeoTables.GEP_CELL_YEAR).collectAsList()) {
      String district = row.getAs("district_code");
      for (GepService service : GepService.values()) {
        if (service.gridDerived() && service != GepService.OXYGEN_RELEASE) {
          cellSums.merge(district + "/" + service.id(), row.getAs(service.id() + "_yuan"), BigDecimal::add);
          cellQuantities.merge(district + "/" + service.id(), row.getAs(QUANTITY.get(service)), Double::sum);
        }
      }
    }
    List<Row> gridRows =
        read(GeoTables.GEP_BY_DISTRICT)
            .where(col("service").isin(cellSums.keySet().stream().map(k -> k.substring(k.indexOf('/') + 1)).distinct().toArray()))
            .collectAsList();
    // two districts × seven grid services in the default list (oxygen release is not in it)
    assertThat(gridRows).hasSize(14);
    for (Row row : gridRows) {
      String key = row.getAs("district_code") + "/" + row.getAs("service");
      assertThat((BigDecimal) row.getAs("value_yuan")).as(key).isEqualByComparingTo(cellSums.get(key));
      double quantity = row.getAs("physical_quantity");
      assertThat(quantity).as(key).isCloseTo(cellQuantities.get(key), within(Math.abs(quantity) * 1e-9 + 1e-12));
      assertThat(((BigDecimal) row.getAs("value_yuan")).signum()).as(key).isPositive();
    }
    Map<String, Double> nepByDistrict =
        read(GeoTables.CARBON_SINK_CELL_YEAR).collectAsList().stream()
            .collect(Collectors.groupingBy(r -> r.getAs("district_code"), Collectors.summingDouble(r -> r.getAs("nep_tc"))));
    List<Row> districts = read(GeoTables.CARBON_SINK_DISTRICT_YEAR).collectAsList();
    assertThat(districts).hasSize(2);
    for (Row row : districts) {
      double nep = row.getAs("nep_tc");
      assertThat(nep).isCloseTo(nepByDistrict.get(row.<String>getAs("district_code")), within(Math.abs(nep) * 1e-9 + 1e-12));
      assertThat(nep).isNotZero();
    }
    double regionNep = districts.stream().mapToDouble(r -> r.<Double>getAs("nep_tc")).sum();
    assertThat(first.carbonSinkTc()).isCloseTo(regionNep, within(Math.abs(regionNep) * 1e-9));
    assertThat(first.carbonSinkTco2e()).isCloseTo(regionNep * 44 / 12, within(Math.abs(regionNep) * 1e-9));
  }

  @Test
  void theMapTableHoldsEachPieceOfTheCellTableWithItsSimplifiedPolygon() {
    Map<String, Row> cells = new LinkedHashMap<>();
    for (Row row : read(GeoTables.CARBON_SINK_CELL_YEAR).collectAsList()) {
      cells.put(row.<String>getAs("cell_id") + "/" + row.<String>getAs("district_code"), row);
    }
    Map<String, Row> pieces = new LinkedHashMap<>();
    for (Row row : read(GeoTables.GRID_CELLS).collectAsList()) {
      pieces.put(row.<String>getAs("cell_id") + "/" + row.<String>getAs("district_code"), row);
    }
    List<Row> map = read(GeoTables.CARBON_SINK_MAP).collectAsList();
    assertThat(map).hasSize(cells.size());
    for (Row row : map) {
      String key = row.<String>getAs("cell_id") + "/" + row.<String>getAs("district_code");
      Row cell = cells.get(key);
      assertThat(cell).as(key).isNotNull();
      assertThat(row.<Double>getAs("co2_t")).as(key).isEqualTo(cell.<Double>getAs("co2_t"));
      assertThat(row.<Double>getAs("area_m2")).as(key).isEqualTo(cell.<Double>getAs("area_m2"));
      assertThat(row.<String>getAs("district")).as(key).isEqualTo(pieces.get(key).<String>getAs("district"));
      assertThat(row.<String>getAs("polygon_json"))
          .as(key).isEqualTo(org.liangshan.geo.model.MapPolygon.ofWkt(pieces.get(key).getAs("wkt")).json());
      assertThat(row.<Integer>getAs("vertices")).as(key).isBetween(4, pieces.get(key).<String>getAs("polygon_json").split("\\],\\[").length);
      assertThat(row.<String>getAs("run_id")).isEqualTo(cell.<String>getAs("run_id"));
      assertThat(row.<String>getAs("parameter_set")).isEqualTo(cell.<String>getAs("parameter_set"));
    }
  }

  @Test
  void theServiceTableIsTheSumOfTheDistrictTableOverTheDistricts() {
    Map<String, BigDecimal> sums = new LinkedHashMap<>();
    Map<String, Integer> districts = new LinkedHashMap<>();
    for (Row row : read(GeoTables.GEP_BY_DISTRICT).collectAsList()) {
      sums.merge(row.getAs("service"), row.getAs("value_yuan"), BigDecimal::add);
      districts.merge(row.getAs("service"), 1, Integer::sum);
    }
    List<Row> services = read(GeoTables.GEP_BY_SERVICE).collectAsList();
    assertThat(services).extracting(r -> r.<String>getAs("service")).containsExactlyInAnyOrderElementsOf(sums.keySet());
    for (Row row : services) {
      String service = row.getAs("service");
      assertThat((BigDecimal) row.getAs("value_yuan")).as(service).isEqualByComparingTo(sums.get(service));
      assertThat(row.<Integer>getAs("districts")).as(service).isEqualTo(districts.get(service));
      assertThat(row.<Integer>getAs("year")).isEqualTo(YEAR);
    }
  }

  @Test
  void gepRowsFollowTheIndicatorListAndTheStatistics() {
    Map<String, BigDecimal> west = values("900001");
    Map<String, BigDecimal> east = values("900002");
    // oxygen release is not in the default indicator list
    List<String> grid = List.of("water_conservation", "soil_retention", "flood_regulation", "water_purification",
        "air_purification", "carbon_fixation", "climate_regulation");
    assertThat(west.keySet()).containsExactlyInAnyOrderElementsOf(concat(grid, "material_products"));
    assertThat(east.keySet()).containsExactlyInAnyOrderElementsOf(concat(grid, "cultural_services"));
    // 100 x 10⁴ yuan of agriculture + 10 x 10⁴ m³ domestic water at 2.6 yuan/m³
    assertThat(west.get("material_products")).isEqualByComparingTo("1260000");
    // 500 x 10⁴ yuan of tourism revenue, 40 % attributable to ecosystems
    assertThat(east.get("cultural_services")).isEqualByComparingTo("2000000");
    assertThat(west.get("water_conservation").signum()).isPositive();
    for (AccountingSummary.DistrictGep district : first.gepByDistrict()) {
      BigDecimal sum = values(district.districtCode()).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(district.gepYuan()).isEqualByComparingTo(sum);
    }
    assertThat(first.servicesNotComputed()).isEmpty();
    assertThat(progress).anyMatch(line -> line.contains("Elsewhere"));
  }

  @Test
  void eachGepRowCarriesTheShareOfItsValueRestingOnIllustrativeParameters() {
    Map<String, Double> shares = new LinkedHashMap<>();
    for (Row row : read(GeoTables.GEP_BY_DISTRICT).collectAsList()) {
      shares.put(row.getAs("district_code") + "/" + row.getAs("service"), row.getAs("illustrative_share"));
    }
    // West's material products: 100 x 10^4 yuan of output from the statistics (no parameter) and 260,000 yuan of
    // water at the illustrative 2.6 yuan/m3: 260,000 / 1,260,000 of the value
    assertThat(shares.get("900001/material_products")).isCloseTo(260_000.0 / 1_260_000.0, within(1e-12));
    // East's cultural services: revenue x the statistics' eco share, no parameter
    assertThat(shares.get("900002/cultural_services")).isZero();
    // Water conservation rests on the reservoir cost (published: the Ganzi study's Table 3) and the runoff
    // coefficients (published: the GEP guide), and on no illustrative parameter: share 0
    assertThat(shares.get("900001/water_conservation")).isZero();
    // every other grid service of the defaults rests on an illustrative unit price or coefficient (flood regulation
    // on the swamp storage depth, carbon fixation on CASA's Rh coefficient, climate regulation on EPP and the
    // electricity price, ...)
    for (String service : List.of("soil_retention", "flood_regulation", "water_purification",
        "air_purification", "carbon_fixation", "climate_regulation")) {
      assertThat(shares.get("900001/" + service)).as(service).isEqualTo(1.0);
    }
  }

  @Test
  void intervalsOverTheParameterRangesContainThePublishedFigures() {
    Map<String, BigDecimal> published = new LinkedHashMap<>();
    Map<String, BigDecimal> gep = new LinkedHashMap<>();
    for (Row row : read(GeoTables.GEP_BY_DISTRICT).collectAsList()) {
      published.put(row.getAs("district_code") + "/" + row.getAs("service"), row.getAs("value_yuan"));
      gep.merge(row.getAs("district_code") + "/gep", row.getAs("value_yuan"), BigDecimal::add);
      // the region's rows (district "all") sum the districts'
      gep.merge("all/" + row.getAs("service"), row.getAs("value_yuan"), BigDecimal::add);
      gep.merge("all/gep", row.getAs("value_yuan"), BigDecimal::add);
    }
    published.putAll(gep);
    Map<String, Double> sink = new LinkedHashMap<>();
    for (Row row : read(GeoTables.CARBON_SINK_DISTRICT_YEAR).collectAsList()) {
      sink.put(row.getAs("district_code") + "/carbon_sink", row.getAs("co2_t"));
      sink.merge("all/carbon_sink", row.getAs("co2_t"), Double::sum);
    }
    List<Row> intervals = read(GeoTables.GEP_UNCERTAINTY).collectAsList();
    assertThat(intervals).hasSize(published.size() + sink.size());
    for (Row row : intervals) {
      String key = row.getAs("district_code") + "/" + row.getAs("service");
      BigDecimal point = row.getAs("point");
      BigDecimal p05 = row.getAs("p05");
      BigDecimal p95 = row.getAs("p95");
      if (key.endsWith("/carbon_sink")) {
        assertThat(row.<String>getAs("unit")).isEqualTo("t_co2e");
        assertThat(point.doubleValue()).as(key).isCloseTo(sink.get(key), within(1e-5));
      } else {
        assertThat(row.<String>getAs("unit")).isEqualTo("yuan");
        // a double kernel: the point is the published value to within a fen
        assertThat(point.doubleValue()).as(key).isCloseTo(published.get(key).doubleValue(), within(0.01));
      }
      assertThat(point).as(key).isBetween(p05, p95);
      assertThat(row.<Integer>getAs("draws")).isEqualTo(1000);
      assertThat(row.<Long>getAs("seed")).isEqualTo(20250101L);
      if (key.endsWith("/cultural_services")) {
        // rests on no parameter: zero width
        assertThat(p05).isEqualByComparingTo(point);
        assertThat(p95).isEqualByComparingTo(point);
      } else {
        assertThat(p05).as(key).isLessThan(p95);
      }
    }
  }

  @Test
  void theCatalogueReconcilesToGepByServiceInEveryDistrict() {
    Map<String, BigDecimal> gep = new LinkedHashMap<>();
    for (Row row : read(GeoTables.GEP_BY_DISTRICT).collectAsList()) {
      gep.put(row.getAs("district_code") + "/" + row.getAs("service"), row.getAs("value_yuan"));
    }
    Map<String, BigDecimal> catalogue = new LinkedHashMap<>();
    List<Row> products = read(GeoTables.ECO_PRODUCT_CATALOGUE).collectAsList();
    for (Row row : products) {
      catalogue.merge(row.getAs("district_code") + "/" + row.getAs("gep_service"), row.getAs("value_yuan"), BigDecimal::add);
    }
    assertThat(catalogue.keySet()).containsExactlyInAnyOrderElementsOf(gep.keySet());
    for (Map.Entry<String, BigDecimal> service : gep.entrySet()) {
      assertThat(catalogue.get(service.getKey())).as(service.getKey()).isEqualByComparingTo(service.getValue());
    }
    // West's material products split into the agricultural output and the water supplied (10 x 10^4 m3)
    Map<String, Row> west = products.stream().filter(r -> r.<String>getAs("district_code").equals("900001"))
        .collect(Collectors.toMap(r -> r.<String>getAs("product_id"), r -> r));
    assertThat((BigDecimal) west.get("agricultural_products").getAs("value_yuan")).isEqualByComparingTo("1000000");
    assertThat(west.get("agricultural_products").<Object>getAs("physical_quantity")).isNull();
    assertThat((BigDecimal) west.get("water_supply").getAs("value_yuan")).isEqualByComparingTo("260000");
    assertThat(west.get("water_supply").<Double>getAs("physical_quantity")).isEqualTo(100_000.0);
    assertThat(west.get("water_supply").<String>getAs("physical_unit")).isEqualTo("m3");
    assertThat(west.get("carbon_fixation").<Boolean>getAs("pledgeable")).isTrue();
    assertThat(west.get("climate_regulation").<Boolean>getAs("tradable")).isFalse();
    assertThat(west.get("climate_regulation").<String>getAs("category")).isEqualTo("regulating");
  }

  @Test
  void theCatalogueExportReadsBackWithTheSameRows() {
    Path file = dir.resolve("export").resolve("catalogue.xlsx");
    int written = CatalogueExport.write(catalog, region.id(), YEAR, file);

    List<List<String>> back = CatalogueExport.read(file);
    List<Row> rows = read(GeoTables.ECO_PRODUCT_CATALOGUE).orderBy("district_code", "gep_service", "product_id").collectAsList();
    assertThat(back).hasSize(written).hasSize(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      List<String> cells = back.get(i);
      for (int c = 0; c < CatalogueExport.COLUMNS.size(); c++) {
        String column = CatalogueExport.COLUMNS.get(c);
        if (column.equals("rights_holder")) {
          assertThat(cells.get(c)).isNotBlank();
          continue;
        }
        Object expected = row.getAs(column);
        if (expected instanceof Number number) {
          assertThat(new BigDecimal(cells.get(c)).doubleValue()).as(column).isCloseTo(number.doubleValue(), within(1e-6));
        } else {
          assertThat(cells.get(c)).as(column).isEqualTo(expected == null ? null : expected.toString());
        }
      }
    }
  }

  @Test
  void zonalStatisticsCoverEveryCellAndMonth() {
    long cells = read(GeoTables.GRID_CELLS).select("cell_id").distinct().count();
    assertThat(cells).isEqualTo(first.cellCount());
    assertThat(read(GeoTables.CELL_MONTH_STATS).count()).isEqualTo(cells * 3 * 6);
    assertThat(read(GeoTables.CELL_MONTH_STATS).where(col("mean_value").isNull().notEqual(col("valid_pixels").equalTo(0))).count()).isZero();
    assertThat(read(GeoTables.LANDCOVER_FRACTIONS).count()).isEqualTo(cells);
    Row anyCell = read(GeoTables.LANDCOVER_FRACTIONS).where(col("valid_pixels").gt(0)).first();
    double sum = 0;
    for (LandCover landCover : LandCover.values()) {
      sum += anyCell.<Double>getAs(landCover.fractionColumn());
    }
    assertThat(sum).isCloseTo(1.0, within(1e-12));
    assertThat(read(GeoTables.GRID_CELLS).where(col("parameter_set").notEqual(params.version())).count()).isZero();
  }

  @Test
  void aReRunWithTheSameInputsYieldsTheSameRows() {
    assertThat(snapshot()).isEqualTo(firstRows);
    assertThat(second.gepByDistrict()).isEqualTo(first.gepByDistrict());
    assertThat(read(GeoTables.GEP_CELL_YEAR).select("run_id").distinct().collectAsList())
        .extracting(r -> r.getString(0))
        .containsExactly(second.runId());
  }

  @Test
  void waterPurificationIsCappedAtTheZoneCapacity() {
    // Zone Z-WEST holds the West district's pieces; its COD capacity (0.5 t/a) is below what its
    // wetland and water cells remove, so their COD sums to exactly the capacity. TP (100 t/a) does not bind.
    double westCod = 0;
    double westCodUncapped = 0;
    double eastCod = 0;
    double eastCodUncapped = 0;
    for (Row row : read(GeoTables.GEP_BY_DISTRICT).where(col("service").equalTo("water_purification")).collectAsList()) {
      com.fasterxml.jackson.databind.JsonNode detail = json(row.getAs("detail"));
      if (row.getAs("district_code").equals("900001")) {
        westCod = detail.get("cod_t").asDouble();
        westCodUncapped = detail.get("cod_uncapped_t").asDouble();
        assertThat(detail.get("tp_t").asDouble()).isEqualTo(detail.get("tp_uncapped_t").asDouble());
      } else {
        eastCod = detail.get("cod_t").asDouble();
        eastCodUncapped = detail.get("cod_uncapped_t").asDouble();
      }
    }
    assertThat(westCodUncapped).isGreaterThan(0.5);
    assertThat(westCod).isCloseTo(0.5, within(1e-9));
    // East lies in no zone: not capped
    assertThat(eastCod).isPositive().isEqualTo(eastCodUncapped);
    assertThat(progress).noneMatch(line -> line.contains("not capped at the zones"));
  }

  @Test
  void soilRetentionUsesTheDemSlope() {
    List<Row> cells = read(GeoTables.GEP_CELL_YEAR).where(col("soil_retention_t").gt(0)).collectAsList();
    assertThat(cells).isNotEmpty();
    for (Row row : cells) {
      double ls = row.getAs("rusle_ls");
      assertThat(ls).isGreaterThan(0.03);
      assertThat(row.<Double>getAs("rusle_r")).isGreaterThan(0);
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> concat(List<String> list, String more) {
    List<String> all = new ArrayList<>(list);
    all.add(more);
    return all;
  }

  /** The physical-quantity column of each grid service in gold.gep_cell_year. */
  private static final Map<GepService, String> QUANTITY = Map.of(
      GepService.WATER_CONSERVATION, "water_conservation_m3",
      GepService.SOIL_RETENTION, "soil_retention_t",
      GepService.FLOOD_REGULATION, "flood_regulation_m3",
      GepService.WATER_PURIFICATION, "water_purification_t",
      GepService.AIR_PURIFICATION, "air_purification_t",
      GepService.CARBON_FIXATION, "carbon_fixation_tc",
      GepService.CLIMATE_REGULATION, "climate_regulation_kwh");

  private void loadCapacity() {
    catalog.append(JobTestLakehouse.ZONE_CAPACITY, spark.createDataFrame(List.of(
        RowFactory.create(region.id(), YEAR, "Z-WEST", "COD", 0.5),
        RowFactory.create(region.id(), YEAR, "Z-WEST", "TP", 100.0),
        RowFactory.create(region.id(), YEAR - 1, "Z-WEST", "TP", 0.0)), JobTestLakehouse.ZONE_CAPACITY.schema()));
  }

  private Run start() {
    return Run.start(catalog, "test accounting", "accounting", region.id(), Integer.toString(YEAR), params.version());
  }

  private Dataset<Row> read(TableDef table) {
    return catalog.read(table).where(col("region").equalTo(region.id()));
  }

  private Map<String, BigDecimal> values(String districtCode) {
    Map<String, BigDecimal> values = new LinkedHashMap<>();
    for (Row row : read(GeoTables.GEP_BY_DISTRICT).where(col("district_code").equalTo(districtCode)).collectAsList()) {
      values.put(row.getAs("service"), row.getAs("value_yuan"));
    }
    return values;
  }

  /** Every gold row but its run id, sorted. */
  private Map<TableDef, List<String>> snapshot() {
    Map<TableDef, List<String>> rows = new LinkedHashMap<>();
    for (TableDef table : GeoTables.ALL) {
      rows.put(table, read(table).drop("run_id").collectAsList().stream().map(Row::toString).sorted().toList());
    }
    return rows;
  }

  private void loadScenes() {
    List<Row> rows = new ArrayList<>();
    for (int m = 6; m <= 8; m++) {
      int month = m;
      rows.add(scene("ndvi", month, field((c, r) -> 0.30 + 0.05 * c + 0.02 * r + 0.05 * (month - 6))));
      rows.add(scene("temperature", month, field((c, r) -> 20.0 + month - 6 + 0.1 * c)));
      rows.add(scene("precipitation", month, field((c, r) -> 150.0 + 10 * r)));
      rows.add(scene("radiation", month, field((c, r) -> 450.0 + 5 * c)));
      rows.add(scene("et", month, field((c, r) -> 60.0 + 2 * c)));
      rows.add(scene("pet", month, field((c, r) -> 110.0)));
    }
    double[] legend = {24, 10, 60, 50, 21, 80, 40, 30};
    double[][] codes = field((c, r) -> legend[(c + r) % legend.length]);
    codes[0][0] = 255;
    rows.add(scene("landcover", 0, codes));
    // a tilted plane rising 25 m a pixel eastward and 10 m a pixel southward (pixels ~480 m x 550 m)
    rows.add(scene("dem", -1, field((c, r) -> 20.0 + 25 * c + 10 * r)));
    catalog.append(RasterTables.SCENES, spark.createDataFrame(rows, RasterTables.SCENES.schema()));
  }

  /** A scene; month 0 is an annual scene of the year, month −1 a static one (no year). */
  private Row scene(String product, int month, double[][] values) {
    if (month < 0) {
      Path file = Fixtures.geoTiff(dir.resolve(product + ".tif"), "EPSG:4326", MIN_LON, MIN_LAT, MAX_LON, MAX_LAT, values);
      return RowFactory.create(region.id(), product, "static", null, null, "m", file.toUri().toString(), "EPSG:4326",
          WIDTH, HEIGHT, (MAX_LON - MIN_LON) / WIDTH, (MAX_LAT - MIN_LAT) / HEIGHT, MIN_LON, MIN_LAT, MAX_LON, MAX_LAT,
          -9999.0, "sha-" + product, "rasters/" + product + "/" + product + ".tif", "ingest-1");
    }
    String name = month == 0 ? product + "_" + YEAR : product + "_" + YEAR + String.format("%02d", month);
    Path file = Fixtures.geoTiff(dir.resolve(name + ".tif"), "EPSG:4326", MIN_LON, MIN_LAT, MAX_LON, MAX_LAT, values);
    double nodata = product.equals("landcover") ? 255 : -9999;
    return RowFactory.create(region.id(), product, month == 0 ? Integer.toString(YEAR) : YEAR + "-" + String.format("%02d", month),
        YEAR, month == 0 ? null : month, "unit", file.toUri().toString(), "EPSG:4326", WIDTH, HEIGHT,
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

  private void loadStatistics() {
    append("stat_output", Map.of("district", "West", "category", "agriculture", "output_10k_yuan", 100.0),
        Map.of("district", "Elsewhere", "category", "agriculture", "output_10k_yuan", 999.0));
    append("stat_water_supply", Map.of("district", "West", "use", "domestic", "supply_10k_m3", 10.0));
    append("stat_tourism", Map.of("district", "East", "visits_10k", 20.0, "revenue_10k_yuan", 500.0, "eco_share", 0.4));
  }

  /** Appends the records to a statistics table in one commit. */
  @SafeVarargs
  private void append(String tableName, Map<String, Object>... records) {
    TableDef table = SourceFamilies.silver(tableName);
    List<Row> rows = new ArrayList<>();
    for (Map<String, Object> values : records) {
      Map<String, Object> all = new LinkedHashMap<>(values);
      all.put("region", region.id());
      all.put("year", YEAR);
      all.put("source_file", "statistics/" + tableName + ".csv");
      all.put("source_line", 2L);
      all.put("record_hash", "hash-" + values.hashCode());
      all.put("ingest_run_id", "ingest-1");
      List<Object> ordered = new ArrayList<>();
      for (StructField field : table.schema().fields()) {
        ordered.add(all.get(field.name()));
      }
      rows.add(RowFactory.create(ordered.toArray()));
    }
    catalog.append(table, spark.createDataFrame(rows, table.schema()));
  }
}
