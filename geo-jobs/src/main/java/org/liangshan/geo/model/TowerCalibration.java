package org.liangshan.geo.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.liangshan.core.method.Casa;
import org.liangshan.core.method.FluxCalibration;
import org.liangshan.core.method.FluxPartitioning;
import org.liangshan.core.method.FluxTowerYear;
import org.liangshan.core.method.VegetationClass;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.FluxTower;

/**
 * ε_max per vegetation class fitted on the region's flux towers for a year, and the calibrated
 * parameter set (METHODOLOGY.md section 1, "Calibration on flux towers"; docs/methods/flux-calibration.md).
 *
 * <ul>
 *   <li>Each tower-year is processed into monthly GPP by core's {@link FluxTowerYear}, at the tower's latitude
 *       and longitude (the sun's position for the night-time partitioning) in China Standard Time.
 *   <li>The pairs of a tower are its unflagged months ({@link FluxTowerYear.Month#flagged}) with a tower GPP
 *       and every CASA input at the tower's grid cell: x = CASA GPP per unit ε_max ({@link FluxCalibration#casaGppPerEps}) for the tower's
 *       vegetation class with the cell's monthly means (T_opt and E/Ep as in {@link CarbonSink}), y =
 *       tower GPP.
 *   <li>A class's ε_max is the least-squares fit through the origin on the pooled pairs of its towers
 *       ({@link FluxCalibration#fitEpsMax}). It is applied when {@code flux.calibrate_eps_max} is on,
 *       the class has at least {@code flux.min_calibration_months} pairs, and the fit is positive.
 *   <li>Per tower: its own fit, and R², RMSE and bias of the class's published ε_max at that tower
 *       ({@link FluxTowerYear#evaluate}).
 * </ul>
 *
 * The calibrated set is {@code <base>+flux-<year>}, the base with {@code casa.classes.<CLASS>.eps_max}
 * replaced for the applied classes; when no class is applied the base set is returned unchanged.
 */
public final class TowerCalibration {
  /** The towers' local standard time (China Standard Time), in which the records' days and half-hours are read. */
  static final double CST_OFFSET_HOURS = 8;

  private TowerCalibration() {}

  /** A tower with its cell ordinal (−1 outside the grid) and its records of the year. */
  public record TowerInput(FluxTower tower, int ordinal, String cellId, List<FluxCalibration.HalfHour> records) {
    public TowerInput {
      requireNonNull(tower, "tower is null");
      records = List.copyOf(records);
    }
  }

  /** A tower month paired with CASA at the tower's cell. */
  public record PairedMonth(FluxTowerYear.Month month, FluxCalibration.Pair pair) {}

  /**
   * One tower's outcome. {@code ownFit} and {@code classFit} are empty when the tower has no pair;
   * {@code epsClass} is the class's published ε_max (the prior when not applied).
   */
  public record TowerRow(
      FluxTower tower,
      String cellId,
      FluxTowerYear.Result result,
      List<PairedMonth> paired,
      double epsPrior,
      Optional<FluxCalibration.Fit> ownFit,
      Optional<FluxCalibration.Fit> classFit,
      double epsClass,
      boolean applied) {
    public List<FluxCalibration.Pair> pairs() {
      return paired.stream().map(PairedMonth::pair).toList();
    }
  }

  public record Outcome(ParameterSet parameterSet, List<TowerRow> towers, Map<VegetationClass, Double> calibrated) {
    public Outcome {
      towers = List.copyOf(towers);
      calibrated = Map.copyOf(calibrated);
    }

    public boolean changed() {
      return !calibrated.isEmpty();
    }
  }

  /** The version of a base set calibrated on a year's towers. */
  public static String calibratedVersion(String baseVersion, int year) {
    return baseVersion + "+flux-" + year;
  }

  public static Outcome calibrate(List<TowerInput> towers, CellYear[] cells, ParameterSet base, int year) {
    requireNonNull(towers, "towers is null");
    requireNonNull(cells, "cells is null");
    requireNonNull(base, "base is null");
    FluxTowerYear.Settings settings = FluxTowerYear.Settings.of(base);
    double nppOverGpp = base.number("flux.npp_over_gpp");
    boolean enabled = !base.has("flux.calibrate_eps_max") || base.node("flux.calibrate_eps_max").asBoolean();
    int minMonths = (int) base.number("flux.min_calibration_months");

    List<FluxTowerYear.Result> results = new ArrayList<>();
    List<List<PairedMonth>> pairsByTower = new ArrayList<>();
    Map<VegetationClass, List<FluxCalibration.Pair>> pooled = new EnumMap<>(VegetationClass.class);
    for (TowerInput input : towers) {
      VegetationClass veg = VegetationClass.valueOf(input.tower().vegClass());
      FluxPartitioning.Site site = new FluxPartitioning.Site(input.tower().lat(), input.tower().lon(), CST_OFFSET_HOURS);
      FluxTowerYear.Result result = FluxTowerYear.process(input.records(), site, settings);
      List<PairedMonth> paired =
          input.ordinal() < 0
              ? List.of()
              : pairs(cells[input.ordinal()], veg, result, Casa.Parameters.of(base, veg), nppOverGpp);
      results.add(result);
      pairsByTower.add(paired);
      paired.forEach(p -> pooled.computeIfAbsent(veg, k -> new ArrayList<>()).add(p.pair()));
    }

    Map<VegetationClass, Double> calibrated = new EnumMap<>(VegetationClass.class);
    for (Map.Entry<VegetationClass, List<FluxCalibration.Pair>> entry : pooled.entrySet()) {
      List<FluxCalibration.Pair> pairs = entry.getValue();
      if (enabled && pairs.size() >= minMonths && hasSignal(pairs)) {
        double eps = FluxCalibration.fitEpsMax(pairs).epsMax();
        if (eps > 0) {
          calibrated.put(entry.getKey(), eps);
        }
      }
    }

    ParameterSet used = base;
    if (!calibrated.isEmpty()) {
      ObjectNode overrides = JsonNodeFactory.instance.objectNode();
      ObjectNode classes = overrides.putObject("casa").putObject("classes");
      calibrated.forEach((veg, eps) -> classes.putObject(veg.name()).put("eps_max", eps));
      used = base.withOverrides(calibratedVersion(base.version(), year), overrides);
    }

    List<TowerRow> rows = new ArrayList<>();
    for (int i = 0; i < towers.size(); i++) {
      TowerInput input = towers.get(i);
      VegetationClass veg = VegetationClass.valueOf(input.tower().vegClass());
      List<PairedMonth> paired = pairsByTower.get(i);
      List<FluxCalibration.Pair> pairs = paired.stream().map(PairedMonth::pair).toList();
      double prior = base.number("casa.classes." + veg.name() + ".eps_max");
      double published = calibrated.getOrDefault(veg, prior);
      Optional<FluxCalibration.Fit> own = hasSignal(pairs) ? Optional.of(FluxCalibration.fitEpsMax(pairs)) : Optional.empty();
      Optional<FluxCalibration.Fit> atClass = pairs.isEmpty() ? Optional.empty() : Optional.of(FluxTowerYear.evaluate(published, pairs));
      rows.add(new TowerRow(input.tower(), input.cellId(), results.get(i), paired, prior, own, atClass, published,
          calibrated.containsKey(veg)));
    }
    return new Outcome(used, rows, calibrated);
  }

  /** The tower's unflagged months that have a tower GPP and every CASA input at its cell. */
  public static List<PairedMonth> pairs(
      CellYear cell, VegetationClass veg, FluxTowerYear.Result result, Casa.Parameters parameters, double nppOverGpp) {
    int peak = CarbonSink.peakNdviMonth(cell);
    List<PairedMonth> pairs = new ArrayList<>();
    if (peak == 0) {
      return pairs;
    }
    double tOpt = cell.temperatureC()[peak - 1];
    for (FluxTowerYear.Month month : result.months()) {
      // A flagged month keeps its value in the tower-year's sums but is not evidence enough for the fit.
      if (!month.hasValue() || month.flagged()) {
        continue;
      }
      int m = month.month() - 1;
      double ndvi = cell.ndvi()[m];
      double t = cell.temperatureC()[m];
      double sol = cell.radiationMjM2()[m];
      double precip = cell.precipMm()[m];
      double et = cell.etMm()[m];
      double pet = cell.petMm()[m];
      if (Double.isNaN(ndvi) || Double.isNaN(t) || Double.isNaN(sol) || Double.isNaN(precip)
          || Double.isNaN(et) || Double.isNaN(pet) || !(ndvi < 1)) {
        continue;
      }
      Casa.Input input = new Casa.Input(veg, ndvi, sol, tOpt, t, CarbonSink.waterRatio(et, pet), precip);
      pairs.add(new PairedMonth(month,
          new FluxCalibration.Pair(FluxCalibration.casaGppPerEps(input, parameters, nppOverGpp), month.gppGcM2())));
    }
    return pairs;
  }

  private static boolean hasSignal(List<FluxCalibration.Pair> pairs) {
    return pairs.stream().anyMatch(p -> p.casaGppPerEps() != 0);
  }
}
