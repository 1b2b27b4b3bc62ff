package org.liangshan.geo.model;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.liangshan.core.method.Casa;
import org.liangshan.core.method.VegetationClass;

/**
 * The annual carbon sink of one grid cell, per m², by CASA (core's {@link Casa}; METHODOLOGY.md
 * section 1) run monthly on the cell's means.
 *
 * <p>Inputs per month: NDVI; SOL = radiation; T = temperature; T_opt = temperature of the month of
 * the cell's peak NDVI in the year; E/Ep = ET/PET clamped to [0, 1] (1 when PET is 0: no evaporative
 * demand, no water stress); R = precipitation.
 *
 * <p>Vegetation class: the cell's land-cover fractions weight the classes: NPP per m² of cell = Σ
 * over vegetated classes f_class·NPP_class (each class with its own ε_max, NDVI_max, SR_max and the
 * cell's mean NDVI), and Rh = f_vegetated·Rh, so water, built-up and bare land add neither NPP nor
 * soil respiration. The dominant vegetated class is reported for the map. A month lacking any input
 * (or with mean NDVI ≥ 1, where SR is undefined) is skipped and not counted; a cell without land
 * cover or without a peak-NDVI month has no months computed. Nothing is filled in.
 *
 * <p>Sequestration: the NEP of the classes whose NEP the GEP guide counts as carbon fixed, Σ over
 * those classes f_class·(NPP_class − Rh); annual cropland is left out (its harvest returns the
 * carbon within the year; parameter {@code gep.carbon_fixation.not_sequestering}).
 */
public final class CarbonSink {
  private CarbonSink() {}

  /**
   * Annual sums per m² of the cell.
   *
   * @param peakNdviMonth 1..12, or 0 when no month has both NDVI and temperature
   * @param tOptC temperature of the peak-NDVI month, NaN when none
   * @param monthsComputed months with every input, whose CASA results are summed
   * @param sequesteringNepGcM2 NEP of the classes counted as carbon fixed, per m² of the cell
   * @param sequesteringNppGcM2 NPP of those classes, per m² of the cell (their NEP is this less their Rh;
   *     the uncertainty model scales it with ε_max, {@link GepUncertainty})
   */
  public record CellCarbon(
      Optional<VegetationClass> dominantVegetation,
      double vegetatedFraction,
      int peakNdviMonth,
      double tOptC,
      int monthsComputed,
      double nppGcM2,
      double rhGcM2,
      double nepGcM2,
      double sequesteringNepGcM2,
      double sequesteringNppGcM2) {
    public CellCarbon {
      requireNonNull(dominantVegetation, "dominantVegetation is null");
    }
  }

  /** Every vegetated class counted as sequestering. */
  public static CellCarbon compute(CellYear cell, Map<VegetationClass, Casa.Parameters> casa) {
    return compute(cell, casa, Set.of());
  }

  /**
   * @param notSequestering land-cover classes whose NEP is not carbon fixed (their NPP and Rh still
   *     count in NPP, Rh and NEP)
   */
  public static CellCarbon compute(
      CellYear cell, Map<VegetationClass, Casa.Parameters> casa, Set<LandCover> notSequestering) {
    requireNonNull(cell, "cell is null");
    requireNonNull(notSequestering, "notSequestering is null");
    requireNonNull(casa, "casa is null");
    int peak = peakNdviMonth(cell);
    double tOpt = peak == 0 ? Double.NaN : cell.temperatureC()[peak - 1];
    double vegetated = cell.vegetatedFraction();
    int months = 0;
    double npp = 0;
    double rh = 0;
    double sequestering = 0;
    double sequesteringNpp = 0;
    if (peak != 0 && vegetated > 0) {
      for (int m = 0; m < 12; m++) {
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
        double eOverEp = waterRatio(et, pet);
        double monthNpp = 0;
        double monthRh = 0;
        double monthSequestering = 0;
        double monthSequesteringNpp = 0;
        for (LandCover landCover : LandCover.values()) {
          double f = cell.fraction(landCover);
          if (!landCover.vegetated() || f <= 0) {
            continue;
          }
          VegetationClass vegetation = landCover.vegetationClass().orElseThrow();
          Casa.Parameters parameters = casa.get(vegetation);
          if (parameters == null) {
            throw new IllegalArgumentException("No CASA parameters for class " + vegetation);
          }
          Casa.Output out =
              Casa.compute(
                  new Casa.Input(vegetation, ndvi, sol, tOpt, t, eOverEp, precip), parameters);
          monthNpp += f * out.nppGcM2();
          monthRh += f * out.rhGcM2();
          if (!notSequestering.contains(landCover)) {
            monthSequestering += f * out.nepGcM2();
            monthSequesteringNpp += f * out.nppGcM2();
          }
        }
        npp += monthNpp;
        rh += monthRh;
        sequestering += monthSequestering;
        sequesteringNpp += monthSequesteringNpp;
        months++;
      }
    }
    return new CellCarbon(
        cell.dominantVegetation(), vegetated, peak, tOpt, months, npp, rh, npp - rh, sequestering, sequesteringNpp);
  }

  /** The month (1..12) of the highest NDVI among months with NDVI and temperature; 0 if none. */
  static int peakNdviMonth(CellYear cell) {
    int peak = 0;
    double best = Double.NEGATIVE_INFINITY;
    for (int m = 0; m < 12; m++) {
      double ndvi = cell.ndvi()[m];
      if (!Double.isNaN(ndvi) && !Double.isNaN(cell.temperatureC()[m]) && ndvi > best) {
        best = ndvi;
        peak = m + 1;
      }
    }
    return peak;
  }

  /** ET/PET clamped to [0, 1]; 1 when PET is 0. */
  static double waterRatio(double etMm, double petMm) {
    if (!(petMm > 0)) {
      return 1;
    }
    return Math.max(0, Math.min(1, etMm / petMm));
  }
}
