package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.liangshan.core.LiangshanException;

/**
 * Calibration of CASA's ε_max on flux towers (METHODOLOGY.md section 1, "Calibration on flux
 * towers"; docs/methods/flux-calibration.md). A tower-year is processed by {@link FluxTowerYear}: the u*
 * threshold by the moving-point test ({@link FluxUstarThreshold}), the u* filter ({@link #ustarFilter}),
 * marginal distribution sampling ({@link FluxGapFilling}) and night-time partitioning ({@link
 * FluxPartitioning}). Here: the half-hour record, the unit conversion, and ε_max per class by least squares
 * through the origin of CASA GPP (= NPP / 0.5, ratio configurable as {@code flux.npp_over_gpp}) against tower
 * GPP; CASA GPP is linear in ε_max, so ε_max = Σ x·y / Σ x² where x is CASA GPP per unit ε_max. R², RMSE and
 * bias (mean of predicted minus observed) are reported per tower.
 *
 * NEE is in µmol CO₂ m⁻² s⁻¹, positive when the ecosystem releases CO₂ (the FLUXNET convention).
 */
public final class FluxCalibration {
  /** Grams of carbon in a micromole of CO₂. */
  public static final double GRAMS_C_PER_UMOL = 12.011e-6;

  private FluxCalibration() {}

  /**
   * One half-hour record: {@code day} counts days (the epoch day in local standard time), {@code slot} is the
   * half-hour of the day (0..47, slot 0 starting at 00:00). Missing values are NaN (FLUXNET's -9999 mapped by
   * the reader).
   */
  public record HalfHour(
      int day, int slot, double neeUmolM2S, double tAirC, double swInWM2, double vpdHPa, double ustarMS) {
    public HalfHour {
      if (slot < 0 || slot > 47) {
        throw LiangshanException.badField("slot", "must be in [0, 47], got " + slot);
      }
    }

    /** Whether NEE is present. */
    public boolean hasNee() {
      return !Double.isNaN(neeUmolM2S);
    }

    /** Night for the u* filter: incoming shortwave below {@code nightMaxWM2}, or unknown (as REddyProc). */
    public boolean night(double nightMaxWM2) {
      return !(swInWM2 >= nightMaxWM2);
    }

    HalfHour withNee(double nee) {
      return new HalfHour(day, slot, nee, tAirC, swInWM2, vpdHPa, ustarMS);
    }
  }

  /** A tower's fit: the calibrated ε_max and the fit statistics (GPP units of the pairs). */
  public record Fit(double epsMax, double rSquared, double rmse, double bias, int n) {}

  /** A monthly pair at the tower's cell: CASA GPP per unit ε_max and the tower's GPP. */
  public record Pair(double casaGppPerEps, double towerGpp) {}

  /**
   * Night records (incoming shortwave below {@code nightMaxWM2} or unknown) whose u* is under the threshold, or
   * unknown, lose their NEE (set to NaN): under weak turbulence the tower under-measures night respiration
   * (REddyProc's {@code sMDSGapFillAfterUstar}, day-time records kept).
   */
  public static List<HalfHour> ustarFilter(List<HalfHour> records, double thresholdMS, double nightMaxWM2) {
    requireNonNull(records, "records is null");
    Checks.nonNegative("ustar_threshold_m_s", thresholdMS);
    List<HalfHour> out = new ArrayList<>(records.size());
    for (HalfHour r : records) {
      boolean drop = r.night(nightMaxWM2) && !(r.ustarMS() >= thresholdMS);
      out.add(drop ? r.withNee(Double.NaN) : r);
    }
    return List.copyOf(out);
  }

  /** µmol CO₂ m⁻² s⁻¹ sustained for {@code seconds} as gC m⁻². */
  public static double umolToGramsCarbon(double umolM2S, double seconds) {
    return umolM2S * GRAMS_C_PER_UMOL * seconds;
  }

  /** CASA GPP per unit ε_max for one pixel-month: NPP at ε_max = 1 divided by NPP/GPP (0.5). */
  public static double casaGppPerEps(
      Casa.Input input, Casa.Parameters parameters, double nppOverGpp) {
    Checks.positive("npp_over_gpp", nppOverGpp);
    return Casa.compute(input, parameters.withEpsMax(1)).nppGcM2() / nppOverGpp;
  }

  /** ε_max = Σxy/Σx² with R² (1 − SS_res/SS_tot), RMSE and bias of the fitted GPP. */
  public static Fit fitEpsMax(List<Pair> pairs) {
    requireNonNull(pairs, "pairs is null");
    if (pairs.isEmpty()) {
      throw LiangshanException.badInput("No tower months to calibrate on.");
    }
    double sxy = 0;
    double sxx = 0;
    double sy = 0;
    for (Pair p : pairs) {
      sxy += p.casaGppPerEps() * p.towerGpp();
      sxx += p.casaGppPerEps() * p.casaGppPerEps();
      sy += p.towerGpp();
    }
    if (sxx == 0) {
      throw LiangshanException.badInput(
          "CASA GPP is zero in every tower month; ε_max cannot be fitted.");
    }
    double eps = sxy / sxx;
    double mean = sy / pairs.size();
    double ssRes = 0;
    double ssTot = 0;
    double sumError = 0;
    for (Pair p : pairs) {
      double error = eps * p.casaGppPerEps() - p.towerGpp();
      ssRes += error * error;
      ssTot += (p.towerGpp() - mean) * (p.towerGpp() - mean);
      sumError += error;
    }
    double rSquared = ssTot == 0 ? Double.NaN : 1 - ssRes / ssTot;
    return new Fit(
        eps, rSquared, Math.sqrt(ssRes / pairs.size()), sumError / pairs.size(), pairs.size());
  }
}
