package org.liangshan.geo;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.liangshan.core.method.FluxCalibration;
import org.liangshan.core.method.FluxCalibration.HalfHour;
import org.liangshan.core.method.FluxTowerYear;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.FluxTower;
import org.liangshan.core.region.Region;
import org.liangshan.geo.model.CellYear;
import org.liangshan.geo.model.GridSpec;
import org.liangshan.geo.model.Projections;
import org.liangshan.geo.model.TowerCalibration;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.TableCatalog;
import org.liangshan.warehouse.TableDef;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * The flux-tower step of the accounting (docs/methods/flux-calibration.md): reads the year's
 * half-hourly records of the region's towers from {@code silver.flux} (towers from the region's
 * configuration, then any other tower of {@code silver.flux_towers}), processes each tower-year as REddyProc
 * does (core's {@link org.liangshan.core.method.FluxTowerYear}: u* threshold, u* filter, MDS gap filling,
 * night-time partitioning), calibrates ε_max per vegetation class against CASA at each tower's cell ({@link
 * TowerCalibration}), and returns the parameter set the carbon sink must use. Timestamps are UTC in silver;
 * days and half-hours are taken in China Standard Time (UTC+8), the towers' local standard time. An NEE with a
 * quality flag above 0 (FLUXNET2015's NEE_VUT_REF_QC: already gap-filled by the sender) is treated as a gap and
 * filled here; records without air temperature are kept (the temperature is gap-filled, counted in the run log).
 */
final class FluxCalibrationJob {
  static final String FLUX = "silver.flux";
  static final String TOWERS = "silver.flux_towers";
  private static final ZoneOffset CST = ZoneOffset.ofHours(8);
  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  private FluxCalibrationJob() {}

  /** The towers' records of the year, calibrated; the base set unchanged when there are none. */
  static TowerCalibration.Outcome calibrate(
      Run run, Region region, int year, ParameterSet params, GridSpec spec, CellYear[] cells, Consumer<String> progress) {
    TableCatalog catalog = run.catalog();
    Optional<TableDef> fluxTable = catalog.find(FLUX);
    if (fluxTable.isEmpty()) {
      return new TowerCalibration.Outcome(params, List.of(), Map.of());
    }
    Map<String, FluxTower> towers = towers(run, catalog, region);
    Timestamp from = Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay().toInstant(CST));
    Timestamp to = Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay().toInstant(CST));
    List<Row> rows =
        run.input(fluxTable.get())
            .where(col("region").equalTo(region.id()))
            .where(col("ts_start").geq(lit(from)).and(col("ts_start").lt(lit(to))))
            .select("tower_id", "ts_start", "nee_umol_m2_s", "ta_c", "sw_in_w_m2", "ustar_m_s", "vpd_hpa", "nee_qc")
            .orderBy("tower_id", "ts_start")
            .collectAsList();
    Map<String, List<HalfHour>> byTower = new TreeMap<>();
    long withoutTemperature = 0;
    long unknownTower = 0;
    for (Row row : rows) {
      String tower = row.getString(0);
      if (!towers.containsKey(tower)) {
        unknownTower++;
        continue;
      }
      if (row.isNullAt(3)) {
        withoutTemperature++;
      }
      LocalDateTime local = LocalDateTime.ofInstant(row.getTimestamp(1).toInstant(), CST);
      boolean senderFilled = !row.isNullAt(7) && row.getDouble(7) > 0;
      byTower.computeIfAbsent(tower, k -> new ArrayList<>()).add(new HalfHour(
          (int) local.toLocalDate().toEpochDay(),
          local.getHour() * 2 + local.getMinute() / 30,
          row.isNullAt(2) || senderFilled ? Double.NaN : row.getDouble(2),
          value(row, 3),
          value(row, 4),
          value(row, 6),
          value(row, 5)));
    }
    run.count("flux_records_read", rows.size());
    run.count("flux_records_without_temperature", withoutTemperature);
    run.count("flux_records_of_unknown_towers", unknownTower);
    if (byTower.isEmpty()) {
      progress.accept("  flux calibration: no tower records in " + year + "; eps_max from " + params.version());
      return new TowerCalibration.Outcome(params, List.of(), Map.of());
    }
    List<TowerCalibration.TowerInput> inputs = new ArrayList<>();
    for (Map.Entry<String, List<HalfHour>> entry : byTower.entrySet()) {
      FluxTower tower = towers.get(entry.getKey());
      int ordinal = cellOf(spec, tower);
      inputs.add(new TowerCalibration.TowerInput(
          tower, ordinal, ordinal < 0 ? null : spec.cellId(ordinal), entry.getValue()));
    }
    TowerCalibration.Outcome outcome = TowerCalibration.calibrate(inputs, cells, params, year);
    for (TowerCalibration.TowerRow tower : outcome.towers()) {
      progress.accept(String.format(Locale.ROOT,
          "  flux calibration: %s (%s) %d half-hours, u* %.3f m/s%s, %d u*-filtered, %d gap-filled, E0 %.0f K, NEE %.0f gC/m2,"
              + " %d months flagged, %d paired; eps_max %.4f -> %.4f%s",
          tower.tower().id(), tower.tower().vegClass(), tower.result().records(), tower.result().ustarUsedMS(),
          tower.result().ustar().estimated() ? "" : " (fallback)", tower.result().ustarFiltered(),
          tower.result().gapFilled(), tower.result().e0K(), tower.result().neeGcM2(), tower.result().flagged().size(),
          tower.pairs().size(), tower.epsPrior(), tower.epsClass(), tower.applied() ? "" : " (not applied)"));
    }
    run.count("flux_towers_processed", inputs.size());
    run.count("flux_classes_calibrated", outcome.calibrated().size());
    progress.accept("  flux calibration: carbon sink uses parameter set " + outcome.parameterSet().version());
    return outcome;
  }

  /** The rows of {@code gold.flux_calibration} (without the audit columns). */
  static List<Row> rows(String regionId, int year, TowerCalibration.Outcome outcome, String baseVersion) {
    List<Row> rows = new ArrayList<>();
    for (TowerCalibration.TowerRow t : outcome.towers()) {
      double gpp = 0;
      double reco = 0;
      for (TowerCalibration.PairedMonth month : t.paired()) {
        gpp += month.month().gppGcM2();
        reco += month.month().recoGcM2();
      }
      int monthsWithGpp = (int) t.result().months().stream().filter(m -> m.hasValue()).count();
      rows.add(RowFactory.create(
          regionId, year, t.tower().id(), t.tower().name(), t.tower().vegClass(), t.cellId(),
          (long) t.result().records(), (long) t.result().measured(), (long) t.result().ustarFiltered(),
          (long) t.result().gapFilled(), (long) t.result().stillMissing(),
          t.result().ustarUsedMS(), t.result().ustar().estimated(), orNull(t.result().ustar().p05MS()),
          orNull(t.result().ustar().p50MS()), orNull(t.result().ustar().p95MS()),
          orNull(t.result().e0K()), orNull(t.result().neeGcM2()), orNull(t.result().gppGcM2()),
          orNull(t.result().recoGcM2()), t.result().flagged().size(), flaggedMonths(year, t.result()),
          monthsWithGpp, t.pairs().size(), gpp, reco, t.epsPrior(),
          t.ownFit().map(FluxCalibration.Fit::epsMax).orElse(null),
          t.epsClass(),
          t.classFit().map(f -> Double.isNaN(f.rSquared()) ? null : f.rSquared()).orElse(null),
          t.classFit().map(FluxCalibration.Fit::rmse).orElse(null),
          t.classFit().map(FluxCalibration.Fit::bias).orElse(null),
          t.applied(), baseVersion));
    }
    return rows;
  }

  /** The flagged months as {@code 1998-08 (0.67)}, comma-separated; null when none. */
  static String flaggedMonths(int year, FluxTowerYear.Result result) {
    List<String> months = result.flagged().stream()
        .map(m -> String.format(Locale.ROOT, "%d-%02d (%.2f)", year, m.month(), m.coverage()))
        .toList();
    return months.isEmpty() ? null : String.join(", ", months);
  }

  private static Double orNull(double value) {
    return Double.isNaN(value) ? null : value;
  }

  private static double value(Row row, int column) {
    return row.isNullAt(column) ? Double.NaN : row.getDouble(column);
  }

  /** The schema of {@link #rows}: the table's columns without the audit columns. */
  static StructType schema() {
    StructType full = GeoTables.FLUX_CALIBRATION.schema();
    StructType out = new StructType();
    for (var field : full.fields()) {
      if (!field.name().equals("run_id") && !field.name().equals("parameter_set")) {
        out = out.add(field);
      }
    }
    return out;
  }

  /**
   * A run-log entry of its own for the calibration, under the calibrated parameter-set version, so
   * that `liangshan runs` shows which version the accounting run's carbon sink used and from which
   * tower records.
   */
  static void log(Run accounting, Region region, int year, TowerCalibration.Outcome outcome, String baseVersion) {
    TableCatalog catalog = accounting.catalog();
    Run entry = Run.start(catalog, "run accounting (step of run " + accounting.id() + ")", "flux-calibration",
        region.id(), Integer.toString(year), outcome.parameterSet().version());
    catalog.find(FLUX).ifPresent(entry::input);
    catalog.find(TOWERS).ifPresent(entry::input);
    entry.wrote(GeoTables.FLUX_CALIBRATION);
    entry.count("towers", outcome.towers().size());
    entry.count("classes_calibrated", outcome.calibrated().size());
    Map<String, String> classes = new LinkedHashMap<>();
    outcome.calibrated().forEach((veg, eps) -> classes.put(veg.name(), String.format(Locale.ROOT, "%.6f", eps)));
    entry.succeed("base " + baseVersion + " -> " + outcome.parameterSet().version() + "; eps_max " + classes
        + "; used by accounting run " + accounting.id());
  }

  /** Towers of the region's configuration, then those only in silver.flux_towers. */
  private static Map<String, FluxTower> towers(Run run, TableCatalog catalog, Region region) {
    Map<String, FluxTower> towers = new LinkedHashMap<>();
    for (FluxTower tower : region.fluxTowers()) {
      towers.put(tower.id(), tower);
    }
    Optional<TableDef> table = catalog.find(TOWERS);
    if (table.isPresent()) {
      for (Row row : run.input(table.get()).where(col("region").equalTo(region.id()))
          .select("tower_id", "tower_name", "lon", "lat", "veg_class").collectAsList()) {
        if (!towers.containsKey(row.getString(0)) && !row.isNullAt(2) && !row.isNullAt(3) && !row.isNullAt(4)) {
          towers.put(row.getString(0), new FluxTower(row.getString(0), row.getString(1), row.getDouble(2),
              row.getDouble(3), row.getString(4)));
        }
      }
    }
    return towers;
  }

  private static int cellOf(GridSpec spec, FluxTower tower) {
    Point lonLat = GEOMETRY.createPoint(new Coordinate(tower.lon(), tower.lat()));
    Point metric = (Point) Projections.apply(lonLat, Projections.transform(Projections.LON_LAT, spec.metricCrs()));
    return spec.ordinalAt(metric.getX(), metric.getY());
  }
}
