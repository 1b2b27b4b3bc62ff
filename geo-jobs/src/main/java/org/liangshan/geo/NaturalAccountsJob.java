package org.liangshan.geo;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.liangshan.warehouse.SparkSql;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.District;
import org.liangshan.core.region.Region;
import org.liangshan.core.unit.Carbon;
import org.liangshan.geo.model.BalanceSheetAccounts;
import org.liangshan.geo.model.CellYear;
import org.liangshan.geo.model.ForestCarbonBase;
import org.liangshan.geo.model.GridPiece;
import org.liangshan.geo.model.GridSpec;
import org.liangshan.geo.model.LandCover;
import org.liangshan.geo.model.PieceAccount;
import org.liangshan.geo.model.Product;
import org.liangshan.geo.model.Projections;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.TableCatalog;
import org.liangshan.warehouse.TableDef;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * The natural-resource balance sheet and the forestry carbon-sink base, as the last step of {@code
 * run accounting} (it reuses the run's grid, land cover and carbon sink):
 *
 * <ol>
 *   <li>the opening land cover is the scene the accounting of the previous year would use (that
 *       year's, else the latest earlier, else the static map), its class fractions taken on the same
 *       grid; {@link BalanceSheetAccounts} makes the sheet and the transition matrix; {@code
 *       gold.nr_balance_sheet}, {@code gold.nr_land_transitions};
 *   <li>the forest parcels of {@code silver.rights_register} (when the table exists) get their stock,
 *       sequestration, forecast and priorities ({@link ForestCarbonBase}); {@code
 *       gold.forest_carbon_base}, {@code gold.forest_carbon_forecast}, {@code gold.forest_priority}
 *       (afforestation candidates come from the grid, so that table is written even without a
 *       register).
 * </ol>
 */
final class NaturalAccountsJob {
  private static final String SCENES = "silver.raster_scenes";
  private static final String RIGHTS_REGISTER = "silver.rights_register";
  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  private NaturalAccountsJob() {}

  /** Counts of what was written, for the run log and the progress line. */
  record Outcome(int balanceLines, int transitions, int parcels, int forecastRows, int priorities) {}

  static Outcome run(Run run, Region region, int year, ParameterSet params, GridSpec spec, List<GridPiece> pieces,
      CellYear[] cells, List<PieceAccount> accounts, SceneRef closingScene, Map<String, String> hadoopConf,
      Consumer<String> progress) {
    TableCatalog catalog = run.catalog();
    SparkSession spark = catalog.spark();
    String slice = "region = " + SparkSql.literal(region.id()) + " AND year = " + year;

    // 1. balance sheet
    Optional<SceneRef> openingScene = landCoverFor(run, catalog, region, year - 1);
    List<Optional<Map<LandCover, Double>>> closing = new ArrayList<>(cells.length);
    for (CellYear cell : cells) {
      closing.add(cell.landCover());
    }
    List<Optional<Map<LandCover, Double>>> opening;
    String openingBasis;
    Integer openingYear;
    if (openingScene.isEmpty()) {
      opening = closing;
      openingYear = null;
      openingBasis = "no land-cover scene in or before " + (year - 1) + ": opening = closing (no flows)";
    } else if (openingScene.get().location().equals(closingScene.location())) {
      opening = closing;
      openingYear = openingScene.get().year();
      openingBasis = "the same land-cover scene as the closing (" + fileName(closingScene.location())
          + "): no newer land cover, no flows";
    } else {
      SceneRef scene = openingScene.get();
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      SceneStats stats = jsc.parallelize(List.of(scene), 1).map(s -> SceneStats.compute(s, spec, hadoopConf)).collect().get(0);
      opening = new ArrayList<>(cells.length);
      for (int ordinal = 0; ordinal < cells.length; ordinal++) {
        opening.add(stats.stats().validPixels(ordinal) == 0 ? Optional.empty() : Optional.of(stats.stats().fractions(ordinal)));
      }
      openingYear = scene.year();
      openingBasis = "land cover " + (scene.year() == 0 ? "static" : Integer.toString(scene.year())) + " (" + fileName(scene.location()) + ")";
    }
    BalanceSheetAccounts sheet =
        BalanceSheetAccounts.build(params, region.id(), region.name(), region.districts(), pieces, opening, closing);
    List<Row> sheetRows = new ArrayList<>();
    for (BalanceSheetAccounts.Line line : sheet.lines()) {
      sheetRows.add(RowFactory.create(region.id(), year, line.scope(), line.districtCode(), line.district(), line.area().asset(),
          line.area().opening(), line.area().additions(), line.area().reductions(), line.area().closing(),
          line.unitValueYuanPerKm2().setScale(6), line.value().opening().setScale(6), line.value().additions().setScale(6),
          line.value().reductions().setScale(6), line.value().closing().setScale(6), sheet.unitValueSource(), openingYear,
          closingScene.year(), openingBasis));
    }
    List<Row> transitionRows = new ArrayList<>();
    for (BalanceSheetAccounts.Transition t : sheet.transitions()) {
      transitionRows.add(RowFactory.create(region.id(), year, t.scope(), t.districtCode(), t.fromAsset(), t.toAsset(), t.areaKm2()));
    }

    // 2. forestry carbon-sink base
    ForestCarbonBase model = new ForestCarbonBase(params);
    Map<Integer, PieceAccount> byCell = new HashMap<>();
    for (PieceAccount account : accounts) {
      byCell.putIfAbsent(account.piece().ordinal(), account);
    }
    List<ForestCarbonBase.Base> bases = new ArrayList<>();
    for (ForestCarbonBase.Parcel parcel : forestParcels(run, catalog, region)) {
      bases.add(model.base(parcel, cellSink(spec, byCell, parcel)));
    }
    List<ForestCarbonBase.Candidate> candidates = new ArrayList<>();
    List<String> afforestable = params.texts("forest_carbon.afforestation_classes");
    for (PieceAccount account : accounts) {
      CellYear cell = cells[account.piece().ordinal()];
      double fraction = 0;
      for (String className : afforestable) {
        fraction += cell.fraction(landCover(params, className));
      }
      double precip = account.waterMonths() > 0 ? account.precipMm() * 12.0 / account.waterMonths() : Double.NaN;
      candidates.add(new ForestCarbonBase.Candidate(account.piece().cellId(), account.piece().districtCode(),
          account.piece().areaM2() * fraction / 1e4, precip));
    }
    List<Row> baseRows = new ArrayList<>();
    List<Row> forecastRows = new ArrayList<>();
    for (ForestCarbonBase.Base b : bases) {
      baseRows.add(RowFactory.create(region.id(), year, b.parcel().parcelId(), b.parcel().district(), b.parcel().districtCode(),
          b.cellId(), b.forestType(), b.typeBasis(), b.areaHa(), b.ageYears(), b.ageBasis(),
          b.nepGcM2Vegetated().isPresent() ? b.nepGcM2Vegetated().getAsDouble() : null,
          b.observedTc().isPresent() ? b.observedTc().getAsDouble() : null, b.modelTc(), b.siteFactor(), b.siteBasis(),
          b.stockTc(), b.stockTc() * Carbon.CO2_PER_C, b.potentialTc(), b.gapTc()));
      for (ForestCarbonBase.Forecast f : model.forecast(b, year)) {
        forecastRows.add(RowFactory.create(region.id(), year, f.parcelId(), f.year(), f.ageYears(), f.stockTc(),
            f.sequestrationTc(), f.sequestrationTc() * Carbon.CO2_PER_C));
      }
    }
    List<Row> priorityRows = new ArrayList<>();
    List<ForestCarbonBase.Priority> priorities = new ArrayList<>(model.afforestation(candidates));
    priorities.addAll(model.management(bases));
    for (ForestCarbonBase.Priority p : priorities) {
      priorityRows.add(RowFactory.create(region.id(), year, p.kind(), p.rank(), p.targetId(), p.districtCode(), p.areaHa(),
          p.potentialTc(), p.potentialTc() * Carbon.CO2_PER_C, p.basis()));
    }

    write(run, params.version(), NaturalAccountsTables.NR_BALANCE_SHEET, sheetRows, slice);
    write(run, params.version(), NaturalAccountsTables.NR_LAND_TRANSITIONS, transitionRows, slice);
    write(run, params.version(), NaturalAccountsTables.FOREST_CARBON_BASE, baseRows, slice);
    write(run, params.version(), NaturalAccountsTables.FOREST_CARBON_FORECAST, forecastRows, slice);
    write(run, params.version(), NaturalAccountsTables.FOREST_PRIORITY, priorityRows, slice);
    run.count("balance_sheet_lines", sheetRows.size());
    run.count("forest_parcels", baseRows.size());
    double stock = bases.stream().mapToDouble(ForestCarbonBase.Base::stockTc).sum();
    progress.accept(String.format(Locale.ROOT,
        "  balance sheet: %d lines (opening: %s); forest carbon base: %d parcels, stock %.0f t C, %d-year forecast; %d priority areas",
        sheetRows.size(), openingBasis, baseRows.size(), stock, model.horizon(), priorityRows.size()));
    return new Outcome(sheetRows.size(), transitionRows.size(), baseRows.size(), forecastRows.size(), priorityRows.size());
  }

  private static LandCover landCover(ParameterSet params, String name) {
    try {
      return LandCover.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw LiangshanException.badInput("Parameter set %s: forest_carbon.afforestation_classes names %s, not a land-cover class.",
          params.version(), name);
    }
  }

  private static String fileName(String location) {
    return location.substring(location.lastIndexOf('/') + 1);
  }

  /** The land-cover scene the accounting of {@code year} would use: that year's, else the latest earlier, else static. */
  static Optional<SceneRef> landCoverFor(Run run, TableCatalog catalog, Region region, int year) {
    List<Row> rows = run.input(catalog.table(SCENES))
        .where(col("region").equalTo(region.id()))
        .where(col("product").equalTo(Product.LANDCOVER.id()))
        .select("year", "location", "nodata")
        .orderBy("location")
        .collectAsList();
    Row best = null;
    int bestRank = Integer.MIN_VALUE;
    for (Row row : rows) {
      Integer sceneYear = row.isNullAt(0) ? null : row.getInt(0);
      int rank = sceneYear == null ? Integer.MIN_VALUE + 1 : sceneYear <= year ? sceneYear : Integer.MIN_VALUE;
      if (rank > bestRank) {
        bestRank = rank;
        best = row;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    return Optional.of(new SceneRef(Product.LANDCOVER, best.isNullAt(0) ? 0 : best.getInt(0), 0, best.getString(1),
        catalog.config().resolve(best.getString(1)),
        best.isNullAt(2) ? null : best.getDouble(2)));
  }

  private static List<ForestCarbonBase.Parcel> forestParcels(Run run, TableCatalog catalog, Region region) {
    Optional<TableDef> def = catalog.find(RIGHTS_REGISTER);
    if (def.isEmpty() || !catalog.exists(def.get())) {
      return List.of();
    }
    List<ForestCarbonBase.Parcel> parcels = new ArrayList<>();
    for (Row r : run.input(def.get())
        .where(col("region").equalTo(region.id()))
        .where(col("right_type").equalTo("forest"))
        .select("parcel_id", "district", "veg_class", "area_mu", "stand_age_years", "lon", "lat")
        .orderBy("parcel_id")
        .collectAsList()) {
      String district = r.getString(1);
      String code = null;
      for (District d : region.districts()) {
        if (d.name().equals(district.strip()) || d.nameEn().equalsIgnoreCase(district.strip()) || d.code().equals(district.strip())) {
          code = d.code();
        }
      }
      double age = r.isNullAt(4) ? Double.NaN : ((Number) r.get(4)).doubleValue();
      double area = ((Number) r.get(3)).doubleValue();
      if (!(area > 0)) {
        continue; // a parcel of no area has no stock; the register check allows 0
      }
      parcels.add(new ForestCarbonBase.Parcel(r.getString(0), district, code, r.isNullAt(2) ? null : r.getString(2), area, age,
          ((Number) r.get(5)).doubleValue(), ((Number) r.get(6)).doubleValue()));
    }
    return parcels;
  }

  /** The carbon sink of the grid cell containing the parcel's registered point; null when outside the grid. */
  private static ForestCarbonBase.CellSink cellSink(GridSpec spec, Map<Integer, PieceAccount> byCell,
      ForestCarbonBase.Parcel parcel) {
    Point lonLat = GEOMETRY.createPoint(new Coordinate(parcel.lon(), parcel.lat()));
    Point metric = (Point) Projections.apply(lonLat, Projections.transform(Projections.LON_LAT, spec.metricCrs()));
    int ordinal = spec.ordinalAt(metric.getX(), metric.getY());
    PieceAccount account = ordinal < 0 ? null : byCell.get(ordinal);
    if (account == null) {
      return null;
    }
    return new ForestCarbonBase.CellSink(account.piece().cellId(), account.carbon().nepGcM2(),
        account.carbon().vegetatedFraction(), account.carbon().monthsComputed());
  }

  private static void write(Run run, String parameterSet, TableDef table, List<Row> rows, String slice) {
    StructType schema = withoutAudit(table);
    Dataset<Row> frame = run.catalog().spark().createDataFrame(rows, schema);
    Dataset<Row> stamped = run.stamp(frame).withColumn("parameter_set", functions.lit(parameterSet));
    run.catalog().replace(table, stamped, slice);
    run.wrote(table);
  }

  static StructType withoutAudit(TableDef table) {
    return new StructType(java.util.Arrays.stream(table.schema().fields())
        .filter(f -> !f.name().equals("run_id") && !f.name().equals("parameter_set"))
        .toArray(StructField[]::new));
  }
}
