package org.liangshan.geo;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.liangshan.warehouse.SparkSql;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.method.Gep;
import org.liangshan.core.method.GepUncertainty;
import org.liangshan.core.param.IllustrativeParameters;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.District;
import org.liangshan.core.region.Region;
import org.liangshan.geo.model.AccountingParameters;
import org.liangshan.geo.model.AnalysisGrid;
import org.liangshan.geo.model.CellYear;
import org.liangshan.geo.model.DistrictAccounts;
import org.liangshan.geo.model.DistrictStatistics;
import org.liangshan.geo.model.EcoProductCatalogue;
import org.liangshan.geo.model.GepService;
import org.liangshan.geo.model.GepTerms;
import org.liangshan.geo.model.GridAccounting;
import org.liangshan.geo.model.GridPiece;
import org.liangshan.geo.model.GridSpec;
import org.liangshan.geo.model.LandCover;
import org.liangshan.geo.model.PieceAccount;
import org.liangshan.geo.model.Product;
import org.liangshan.geo.model.WaterPurificationCaps;
import org.liangshan.geo.model.ZonalStats;
import org.liangshan.market.MarketTables;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.TableCatalog;
import org.liangshan.warehouse.TableDef;

/**
 * Grid-scale ecosystem accounting of a region for a year. Thin Spark around plain code:
 *
 * <ol>
 *   <li>builds the analysis grid ({@link AnalysisGrid}) and writes {@code gold.grid_cells};
 *   <li>reads the year's scenes from {@code silver.raster_scenes} (monthly ndvi, temperature,
 *       precipitation, radiation, et, pet; the land cover of the year, else the latest earlier one,
 *       else the static one) and takes zonal statistics in Spark tasks, one scene per task, tile by
 *       tile ({@link org.liangshan.geo.model.ZonalAccumulator}); writes {@code
 *       gold.cell_month_stats} and {@code gold.landcover_fractions};
 *   <li>accounts each cell piece ({@link GridAccounting}: CASA carbon sink, water conservation,
 *       soil retention (RUSLE, LS from the DEM scene), flood regulation, water purification (capped
 *       per zone at {@code gold.zone_capacity} when the market job has filled it), air purification,
 *       carbon fixation, oxygen release, climate regulation) and each district ({@link
 *       DistrictAccounts}, with material products and cultural services from {@code
 *       silver.stat_output}, {@code silver.stat_water_supply}, {@code silver.stat_tourism});
 *   <li>calibrates CASA's ε_max on the region's flux towers ({@link FluxCalibrationJob}, {@code
 *       gold.flux_calibration}); the carbon sink and GEP use the calibrated parameter set {@code
 *       <base>+flux-<year>} when a class was calibrated, and every gold row of the run says which set;
 *   <li>replaces the (region, year) slice of each gold table atomically, among them the two the dashboards
 *       read instead of aggregating at query time: {@code gold.carbon_sink_map} (each piece's carbon sink with
 *       its polygon simplified at map zoom, {@link org.liangshan.geo.model.MapPolygon}) and {@code
 *       gold.gep_by_service} (GEP per service summed over the districts, {@link DistrictAccounts#serviceTotals}).
 * </ol>
 *
 * Inputs are read through {@link Run#input} (pinned and recorded versions), by name, so this module
 * does not depend on the pipelines that fill them.
 */
public final class AccountingJob {
  /** The services of {@code gep.indicators} this job cannot compute from the data it receives. */
  static final Map<String, String> NOT_COMPUTED = Map.of();

  /** The market job's capacity per zone and pollutant (water purification); absent before the market runs. */
  private static final String ZONE_CAPACITY = MarketTables.ZONE_CAPACITY.qualifiedName();

  private static final String SCENES = "silver.raster_scenes";
  private static final String STAT_OUTPUT = "silver.stat_output";
  private static final String STAT_WATER = "silver.stat_water_supply";
  private static final String STAT_TOURISM = "silver.stat_tourism";

  private AccountingJob() {}

  public static AccountingSummary run(Run run, Region region, int year, ParameterSet params) {
    return run(run, region, year, params, line -> {});
  }

  public static AccountingSummary run(
      Run run, Region region, int year, ParameterSet params, Consumer<String> progress) {
    requireNonNull(run, "run is null");
    requireNonNull(region, "region is null");
    requireNonNull(params, "params is null");
    requireNonNull(progress, "progress is null");
    if (year < 1900 || year > 2200) {
      throw LiangshanException.badInput("Invalid accounting year %d (expected 1900..2200).", year);
    }
    if (run.parameterSet().isPresent() && !run.parameterSet().get().equals(params.version())
        && !run.parameterSet().get().equals(params.recorded())) {
      throw LiangshanException.failure(
          "Run %s records parameter set %s but the job was given %s; start the run with the set the job uses.",
          run.id(), run.parameterSet().get(), params.version());
    }
    TableCatalog catalog = run.catalog();
    SparkSession spark = catalog.spark();
    Map<String, Duration> timings = new LinkedHashMap<>();
    AccountingParameters parameters = AccountingParameters.from(params);
    if (!parameters.runoff().fromParameterSet()) {
      progress.accept(
          "  water conservation: parameter set " + params.version() + " has no "
              + org.liangshan.geo.model.RunoffCoefficients.KEY
              + "; using the GEP guide's runoff coefficients");
    }

    long start = System.nanoTime();
    AnalysisGrid grid = AnalysisGrid.build(region);
    GridSpec spec = grid.spec();
    start = lap(timings, "grid", start);
    progress.accept(String.format(Locale.ROOT, "  grid: %d cells, %d pieces in %d districts",
        spec.cellCount(), grid.pieces().size(), region.districts().size()));

    List<SceneRef> scenes = selectScenes(run, catalog, region, year);
    progress.accept(String.format(Locale.ROOT, "  zonal statistics: %d scenes over %d cells",
        scenes.size(), spec.cellCount()));
    Map<String, String> hadoopConf = hadoopConf(spark, scenes);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<SceneStats> zonal =
        jsc.parallelize(scenes, scenes.size())
            .map(scene -> SceneStats.compute(scene, spec, hadoopConf))
            .persist(StorageLevel.MEMORY_AND_DISK());
    List<SceneStats> stats = zonal.collect();
    start = lap(timings, "zonal", start);

    CellYear[] cells = cellYears(spec, stats);
    // Flux towers: eps_max calibrated per class; the carbon sink and GEP use the calibrated set.
    org.liangshan.geo.model.TowerCalibration.Outcome calibration =
        FluxCalibrationJob.calibrate(run, region, year, params, spec, cells, progress);
    ParameterSet used = calibration.parameterSet();
    parameters = AccountingParameters.from(used);
    start = lap(timings, "flux", start);
    if (scenes.stream().noneMatch(scene -> scene.product() == Product.DEM)) {
      progress.accept("  soil retention: no DEM scene for " + region.id()
          + " in silver.raster_scenes; LS unknown, soil retention counts 0");
    }
    WaterPurificationCaps caps =
        WaterPurificationCaps.of(grid.pieces(), cells, parameters, zoneCapacity(run, catalog, region, year, progress));
    List<PieceAccount> accounts = new ArrayList<>(grid.pieces().size());
    for (GridPiece piece : grid.pieces()) {
      accounts.add(GridAccounting.account(piece, cells[piece.ordinal()], parameters, year, caps.sharesOf(piece)));
    }
    Map<String, DistrictStatistics> statistics = statistics(run, catalog, region, year, progress);
    DistrictAccounts districts =
        DistrictAccounts.build(region.districts(), accounts, statistics, parameters);
    checkDistrictsSumTheirPieces(districts, accounts);
    start = lap(timings, "accounting", start);

    String regionSlice = "region = " + SparkSql.literal(region.id());
    String yearSlice = regionSlice + " AND year = " + year;
    String regionId = region.id();
    String version = used.version();
    write(run, version, GeoTables.GRID_CELLS, spark.createDataFrame(GoldRows.gridCells(regionId, spec, grid.pieces()), GoldRows.GRID_CELLS), regionSlice);
    JavaRDD<Row> monthRows =
        zonal.filter(s -> s.scene().product().monthly())
            .flatMap(s -> GoldRows.cellMonthStats(regionId, spec, s).iterator());
    write(run, version, GeoTables.CELL_MONTH_STATS, spark.createDataFrame(monthRows, GoldRows.CELL_MONTH_STATS), yearSlice);
    zonal.unpersist(false);
    write(run, version, GeoTables.LANDCOVER_FRACTIONS,
        spark.createDataFrame(GoldRows.landCoverFractions(regionId, year, spec, stats), GoldRows.LANDCOVER_FRACTIONS), yearSlice);
    write(run, version, GeoTables.CARBON_SINK_CELL_YEAR,
        spark.createDataFrame(GoldRows.carbonCells(regionId, year, accounts), GoldRows.CARBON_SINK_CELL_YEAR), yearSlice);
    write(run, version, GeoTables.CARBON_SINK_DISTRICT_YEAR,
        spark.createDataFrame(GoldRows.carbonDistricts(regionId, year, districts.carbon()), GoldRows.CARBON_SINK_DISTRICT_YEAR), yearSlice);
    // What each figure rests on: its illustrative share, and its interval over the declared parameter ranges.
    List<GepUncertainty.Item> items = GepTerms.items(districts, accounts, parameters);
    IllustrativeParameters illustrative = IllustrativeParameters.of(ParameterSet.provenance(region));
    write(run, version, GeoTables.GEP_BY_DISTRICT,
        spark.createDataFrame(GoldRows.gepByDistrict(regionId, year, districts.services(), items, illustrative),
            GoldRows.GEP_BY_DISTRICT), yearSlice);
    GepUncertainty.Settings draws = GepUncertainty.Settings.of(used);
    List<GepUncertainty.Interval> intervals =
        GepUncertainty.intervals(items, GepTerms.ranges(items, parameters), draws);
    write(run, version, GeoTables.GEP_UNCERTAINTY,
        spark.createDataFrame(GoldRows.gepUncertainty(regionId, year, intervals), GoldRows.GEP_UNCERTAINTY), yearSlice);
    write(run, version, GeoTables.ECO_PRODUCT_CATALOGUE,
        spark.createDataFrame(GoldRows.catalogue(regionId, year, EcoProductCatalogue.load().entries(districts.services())),
            GoldRows.ECO_PRODUCT_CATALOGUE), yearSlice);
    write(run, version, GeoTables.CARBON_SINK_MAP,
        spark.createDataFrame(GoldRows.carbonMap(regionId, year, accounts), GoldRows.CARBON_SINK_MAP), yearSlice);
    write(run, version, GeoTables.GEP_BY_SERVICE,
        spark.createDataFrame(GoldRows.gepByService(regionId, year, districts.serviceTotals()), GoldRows.GEP_BY_SERVICE), yearSlice);
    write(run, version, GeoTables.GEP_CELL_YEAR,
        spark.createDataFrame(GoldRows.gepCells(regionId, year, accounts, parameters), GoldRows.GEP_CELL_YEAR), yearSlice);
    write(run, version, GeoTables.FLUX_CALIBRATION,
        spark.createDataFrame(FluxCalibrationJob.rows(regionId, year, calibration, params.version()), FluxCalibrationJob.schema()), yearSlice);
    if (!calibration.towers().isEmpty()) {
      FluxCalibrationJob.log(run, region, year, calibration, params.version());
    }
    // Natural-resource balance sheet and forestry carbon-sink base (docs/methods/balance-sheet.md,
    // docs/methods/forestry-carbon-base.md), on this run's grid, land cover and carbon sink.
    NaturalAccountsJob.run(run, region, year, used, spec, grid.pieces(), cells, accounts,
        scenes.get(scenes.size() - 1), hadoopConf, progress);
    lap(timings, "write", start);

    run.count("grid_cells", spec.cellCount());
    run.count("grid_pieces", grid.pieces().size());
    run.count("scenes_read", scenes.size());
    warnOnErosivity(run, accounts, parameters, progress);
    double nep = districts.carbon().stream().mapToDouble(DistrictAccounts.DistrictCarbon::nepTc).sum();
    double co2 = districts.carbon().stream().mapToDouble(DistrictAccounts.DistrictCarbon::co2T).sum();
    List<AccountingSummary.DistrictGep> gep = new ArrayList<>();
    for (District district : region.districts()) {
      Gep.Total total = districts.gepByDistrict().get(district.code());
      gep.add(new AccountingSummary.DistrictGep(district.code(), district.name(), total.gepYuan()));
    }
    List<String> computed = new ArrayList<>();
    for (GepService service : GepService.values()) {
      if (parameters.includes(service)) {
        computed.add(service.id());
      }
    }
    List<String> notComputed = new ArrayList<>();
    for (String indicator : parameters.indicators()) {
      if (!computed.contains(indicator)) {
        notComputed.add(indicator + " (" + NOT_COMPUTED.getOrDefault(indicator, "no method in the grid accounting") + ")");
      }
    }
    AccountingSummary summary =
        new AccountingSummary(regionId, year, used.version(), run.id(), gep, nep, co2,
            spec.cellCount(), grid.pieces().size(), scenes.size(), computed, notComputed, timings);
    progress.accept(String.format(Locale.ROOT, "  carbon sink %.1f t C (%.1f t CO2e); GEP %s yuan",
        nep, co2, summary.totalGepYuan().toPlainString()));
    return summary;
  }

  /**
   * Counts the cells whose R lies outside the region's band from published R maps and warns: in the run
   * log ({@code rusle_r_outside_band}), in the progress output and on each cell's gold row
   * ({@code rusle_r_plausible}).
   */
  private static void warnOnErosivity(Run run, List<PieceAccount> accounts, AccountingParameters parameters,
      Consumer<String> progress) {
    java.util.Set<String> outside = new java.util.TreeSet<>();
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (PieceAccount a : accounts) {
      low = Math.min(low, a.rFactor());
      high = Math.max(high, a.rFactor());
      if (!parameters.plausibleErosivity(a.rFactor())) {
        outside.add(a.piece().cellId());
      }
    }
    run.count("rusle_r_outside_band", outside.size());
    if (!outside.isEmpty()) {
      progress.accept(String.format(Locale.ROOT, "  warning: RUSLE R of %d cell(s) outside the plausible band %.0f-%.0f"
              + " MJ mm/(ha h a) (R here %.0f-%.0f): check the precipitation input; flagged in gold rusle_r_plausible",
          outside.size(), parameters.rPlausibleMin(), parameters.rPlausibleMax(), low, high));
    }
  }

  private static long lap(Map<String, Duration> timings, String step, long start) {
    long now = System.nanoTime();
    timings.put(step, Duration.ofNanos(now - start));
    return now;
  }

  /** Stamps the rows (run id, and the parameter-set version actually used) and replaces the slice. */
  private static void write(Run run, String parameterSet, TableDef table, Dataset<Row> rows, String slice) {
    Dataset<Row> stamped = run.stamp(rows).withColumn("parameter_set", org.apache.spark.sql.functions.lit(parameterSet));
    run.catalog().replace(table, stamped, slice);
    run.wrote(table);
  }

  /** The year's monthly scenes and the land-cover scene, from the catalog. */
  static List<SceneRef> selectScenes(Run run, TableCatalog catalog, Region region, int year) {
    List<Row> rows =
        run.input(catalog.table(SCENES))
            .where(col("region").equalTo(region.id()))
            .select("product", "period", "year", "month", "location", "nodata")
            .collectAsList();
    List<SceneRef> monthly = new ArrayList<>();
    Row landCover = null;
    int landCoverRank = Integer.MIN_VALUE;
    Row dem = null;
    int demRank = Integer.MIN_VALUE;
    for (Row row : rows) {
      Optional<Product> product = Product.fromId(row.getString(0));
      if (product.isEmpty()) {
        continue;
      }
      Integer sceneYear = row.isNullAt(2) ? null : row.getInt(2);
      Integer month = row.isNullAt(3) ? null : row.getInt(3);
      Double nodata = row.isNullAt(5) ? null : row.getDouble(5);
      if (product.get().monthly()) {
        if (sceneYear != null && sceneYear == year && month != null) {
          monthly.add(new SceneRef(product.get(), year, month, row.getString(4), catalog.config().resolve(row.getString(4)), nodata));
        }
      } else if (product.get() == Product.DEM) {
        // The static DEM (or the latest one up to the year, if dated).
        int rank =
            sceneYear == null ? Integer.MIN_VALUE + 1 : sceneYear <= year ? sceneYear : Integer.MIN_VALUE;
        if (rank > demRank) {
          demRank = rank;
          dem = row;
        }
      } else {
        // The year's land cover, else the latest earlier year, else a static map.
        int rank =
            sceneYear == null ? Integer.MIN_VALUE + 1 : sceneYear <= year ? sceneYear : Integer.MIN_VALUE;
        if (rank > landCoverRank) {
          landCoverRank = rank;
          landCover = row;
        }
      }
    }
    if (monthly.isEmpty()) {
      throw LiangshanException.badInput(
          "No monthly raster scenes for %s in %d in %s. Ingest the year's rasters first (liangshan ingest).",
          region.id(), year, SCENES);
    }
    if (landCover == null) {
      throw LiangshanException.badInput(
          "No land-cover scene for %s in or before %d in %s. Ingest rasters/landcover/landcover_<yyyy>.tif first.",
          region.id(), year, SCENES);
    }
    monthly.sort(
        java.util.Comparator.comparingInt(SceneRef::month).thenComparing(s -> s.product().ordinal()));
    List<SceneRef> all = new ArrayList<>(monthly);
    all.add(new SceneRef(Product.LANDCOVER,
        landCover.isNullAt(2) ? 0 : landCover.getInt(2), 0, landCover.getString(4),
        catalog.config().resolve(landCover.getString(4)),
        landCover.isNullAt(5) ? null : landCover.getDouble(5)));
    if (dem != null) {
      all.add(new SceneRef(Product.DEM, dem.isNullAt(2) ? 0 : dem.getInt(2), 0, dem.getString(4),
          catalog.config().resolve(dem.getString(4)),
          dem.isNullAt(5) ? null : dem.getDouble(5)));
    }
    return all;
  }

  /** Hadoop settings for tasks that fetch scenes from a non-local file system. */
  private static Map<String, String> hadoopConf(SparkSession spark, List<SceneRef> scenes) {
    Map<String, String> conf = new HashMap<>();
    boolean remote = scenes.stream().anyMatch(SceneRef::remote);
    if (remote) {
      for (Map.Entry<String, String> entry : spark.sparkContext().hadoopConfiguration()) {
        conf.put(entry.getKey(), entry.getValue());
      }
    }
    return conf;
  }

  /** Per-cell inputs of the accounting, from the scenes' statistics. */
  static CellYear[] cellYears(GridSpec spec, List<SceneStats> stats) {
    int n = spec.cellCount();
    Map<Product, double[][]> monthly = new EnumMap<>(Product.class);
    for (Product product : Product.values()) {
      if (product.monthly()) {
        double[][] series = new double[n][12];
        for (double[] months : series) {
          Arrays.fill(months, Double.NaN);
        }
        monthly.put(product, series);
      }
    }
    ZonalStats landCover = null;
    ZonalStats lengthSlope = null;
    for (SceneStats scene : stats) {
      Product product = scene.scene().product();
      if (product == Product.DEM) {
        lengthSlope = scene.stats();
        continue;
      }
      if (!product.monthly()) {
        landCover = scene.stats();
        continue;
      }
      double[][] series = monthly.get(product);
      int month = scene.scene().month() - 1;
      for (int ordinal = 0; ordinal < n; ordinal++) {
        OptionalDouble mean = scene.stats().mean(ordinal);
        if (mean.isPresent()) {
          series[ordinal][month] = mean.getAsDouble();
        }
      }
    }
    CellYear[] cells = new CellYear[n];
    for (int ordinal = 0; ordinal < n; ordinal++) {
      Optional<Map<LandCover, Double>> fractions =
          landCover == null || landCover.validPixels(ordinal) == 0
              ? Optional.empty()
              : Optional.of(landCover.fractions(ordinal));
      cells[ordinal] =
          new CellYear(
              ordinal,
              monthly.get(Product.NDVI)[ordinal],
              monthly.get(Product.TEMPERATURE)[ordinal],
              monthly.get(Product.PRECIPITATION)[ordinal],
              monthly.get(Product.RADIATION)[ordinal],
              monthly.get(Product.ET)[ordinal],
              monthly.get(Product.PET)[ordinal],
              fractions,
              lengthSlope == null ? Double.NaN : lengthSlope.mean(ordinal).orElse(Double.NaN));
    }
    return cells;
  }

  /**
   * The capacity W (t/a) by zone and pollutant code for the year, from {@code gold.zone_capacity}
   * (the market job's table) when the catalog has it; empty (water purification uncapped, said so)
   * otherwise.
   */
  static Map<String, Map<String, Double>> zoneCapacity(
      Run run, TableCatalog catalog, Region region, int year, Consumer<String> progress) {
    Map<String, Map<String, Double>> capacity = new TreeMap<>();
    for (Row row : slice(run, catalog, ZONE_CAPACITY, region, year, "zone_id", "pollutant", "capacity_t_a")) {
      String code = pollutantCode(row.getString(1));
      if (code != null && !row.isNullAt(2)) {
        capacity.computeIfAbsent(row.getString(0), k -> new TreeMap<>()).put(code, number(row, 2));
      }
    }
    if (capacity.isEmpty()) {
      progress.accept("  water purification: no " + ZONE_CAPACITY + " rows for " + region.id() + " " + year
          + " (run the market job first); removal is not capped at the zones' capacity");
    } else {
      run.count("water_purification_zones_capped", capacity.size());
    }
    return capacity;
  }

  /** {@code COD}, {@code NH3-N}, {@code TN}, {@code TP} → the parameter-set codes; null for others. */
  static String pollutantCode(String pollutant) {
    if (pollutant == null) {
      return null;
    }
    return switch (pollutant.strip().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "")) {
      case "COD" -> "cod";
      case "NH3N" -> "nh3n";
      case "TN" -> "tn";
      case "TP" -> "tp";
      default -> null;
    };
  }

  /** The statistics of the year by district code; rows naming no district of the region are left out. */
  static Map<String, DistrictStatistics> statistics(
      Run run, TableCatalog catalog, Region region, int year, Consumer<String> progress) {
    Map<String, Map<String, Double>> output = new TreeMap<>();
    Map<String, Map<String, Double>> water = new TreeMap<>();
    Map<String, DistrictStatistics.Tourism> tourism = new TreeMap<>();
    List<String> unmatched = new ArrayList<>();
    for (Row row : slice(run, catalog, STAT_OUTPUT, region, year, "district", "category", "output_10k_yuan")) {
      districtOf(region, row.getString(0), unmatched).ifPresent(code ->
          output.computeIfAbsent(code, k -> new TreeMap<>()).merge(row.getString(1), number(row, 2), Double::sum));
    }
    for (Row row : slice(run, catalog, STAT_WATER, region, year, "district", "use", "supply_10k_m3")) {
      districtOf(region, row.getString(0), unmatched).ifPresent(code ->
          water.computeIfAbsent(code, k -> new TreeMap<>()).merge(row.getString(1), number(row, 2), Double::sum));
    }
    for (Row row : slice(run, catalog, STAT_TOURISM, region, year, "district", "visits_10k", "revenue_10k_yuan", "eco_share")) {
      Optional<String> code = districtOf(region, row.getString(0), unmatched);
      if (code.isPresent()) {
        if (tourism.containsKey(code.get())) {
          throw LiangshanException.badInput(
              "Two tourism rows for %s in %d in %s; the table should hold one per district and year.",
              row.getString(0), year, STAT_TOURISM);
        }
        tourism.put(code.get(), new DistrictStatistics.Tourism(number(row, 1), number(row, 2), number(row, 3)));
      }
    }
    if (!unmatched.isEmpty()) {
      run.count("statistics_rows_outside_region", unmatched.size());
      progress.accept("  statistics naming no district of " + region.id() + " left out (value from outside the region): "
          + String.join(", ", new java.util.TreeSet<>(unmatched)));
    }
    Map<String, DistrictStatistics> result = new LinkedHashMap<>();
    for (District district : region.districts()) {
      String code = district.code();
      result.put(code, new DistrictStatistics(
          output.getOrDefault(code, Map.of()), water.getOrDefault(code, Map.of()), Optional.ofNullable(tourism.get(code))));
    }
    return result;
  }

  private static List<Row> slice(Run run, TableCatalog catalog, String table, Region region, int year, String... columns) {
    Optional<TableDef> def = catalog.find(table);
    if (def.isEmpty()) {
      return List.of();
    }
    return run.input(def.get())
        .where(col("region").equalTo(region.id()))
        .where(col("year").equalTo(year))
        .select(Arrays.stream(columns).map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new))
        .orderBy(columns[0], columns.length > 1 ? columns[1] : columns[0])
        .collectAsList();
  }

  private static double number(Row row, int index) {
    Object value = row.get(index);
    if (value == null) {
      throw LiangshanException.badInput("Missing value in statistics row %s", row);
    }
    return ((Number) value).doubleValue();
  }

  /** The district a statistics row names: by name, English name or code. */
  private static Optional<String> districtOf(Region region, String name, List<String> unmatched) {
    String trimmed = name == null ? "" : name.strip();
    for (District district : region.districts()) {
      if (district.name().equals(trimmed) || district.nameEn().equalsIgnoreCase(trimmed) || district.code().equals(trimmed)) {
        return Optional.of(district.code());
      }
    }
    unmatched.add(trimmed);
    return Optional.empty();
  }

  /** District totals of grid-derived services and of the carbon sink are the sums of their pieces. */
  static void checkDistrictsSumTheirPieces(DistrictAccounts districts, List<PieceAccount> pieces) {
    Map<String, BigDecimal> pieceValues = new HashMap<>();
    for (PieceAccount piece : pieces) {
      for (GepService service : GepService.values()) {
        if (service.gridDerived()) {
          pieceValues.merge(piece.piece().districtCode() + "/" + service.id(), piece.value(service), BigDecimal::add);
        }
      }
    }
    for (DistrictAccounts.ServiceRow row : districts.services()) {
      if (row.service().gridDerived()) {
        BigDecimal expected = pieceValues.getOrDefault(row.districtCode() + "/" + row.service().id(), BigDecimal.ZERO);
        if (expected.compareTo(row.valueYuan()) != 0) {
          throw LiangshanException.failure(
              "District %s %s is %s yuan but its cell pieces sum to %s; the accounting is inconsistent.",
              row.districtCode(), row.service().id(), row.valueYuan().toPlainString(), expected.toPlainString());
        }
      }
    }
  }
}
