package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.liangshan.core.LiangshanException;

/**
 * Calibration of CASA's ε_max on flux towers (METHODOLOGY.md section 1, "Calibration on flux
 * towers").
 *
 * <ol>
 *   <li>u* filtering: night records whose friction velocity is under the threshold lose their NEE
 *       ({@code flux.ustar_threshold_m_s}).
 *   <li>Gap filling: the documented simpler look-up, mean diurnal variation (Falge et al. 2001): a
 *       missing half-hour takes the mean of the valid NEE at the same time of day within ± {@code
 *       flux.gap_fill_window_days} days; it stays missing if there is none.
 *   <li>Partitioning with night-time respiration (Reichstein et al. 2005, Lloyd and Taylor 1994):
 *       R_ref is fitted by least squares on night NEE (= Reco at night) with E0 fixed, Reco follows
 *       {@link Casa#lloydTaylorReco}, and GPP = Reco − NEE.
 *   <li>ε_max per class by least squares through the origin of CASA GPP (= NPP / 0.5, ratio
 *       configurable as {@code flux.npp_over_gpp}) against tower GPP; CASA GPP is linear in ε_max,
 *       so ε_max = Σ x·y / Σ x² where x is CASA GPP per unit ε_max. R², RMSE and bias (mean of
 *       predicted minus observed) are reported per tower.
 * </ol>
 *
 * NEE is in µmol CO₂ m⁻² s⁻¹, positive when the ecosystem releases CO₂ (the FLUXNET convention).
 */
public final class FluxCalibration {
  /** Grams of carbon in a micromole of CO₂. */
  public static final double GRAMS_C_PER_UMOL = 12.011e-6;

  private FluxCalibration() {}

  /**
   * One half-hour record: {@code day} counts days, {@code slot} is the half-hour of the day
   * (0..47).
   */
  public record HalfHour(
      int day, int slot, double neeUmolM2S, double tAirC, double ustarMS, boolean night) {
    public HalfHour {
      if (slot < 0 || slot > 47) {
        throw LiangshanException.badField("slot", "must be in [0, 47], got " + slot);
      }
    }

    /** Whether NEE is present (missing is NaN, FLUXNET's -9999 mapped by the reader). */
    public boolean hasNee() {
      return !Double.isNaN(neeUmolM2S);
    }

    HalfHour withNee(double nee) {
      return new HalfHour(day, slot, nee, tAirC, ustarMS, night);
    }
  }

  /** A partitioned half-hour: respiration and gross production, both µmol m⁻² s⁻¹. */
  public record Partitioned(HalfHour record, double recoUmolM2S, double gppUmolM2S) {
    public Partitioned {
      requireNonNull(record, "record is null");
    }
  }

  /** A tower's fit: the calibrated ε_max and the fit statistics (GPP units of the pairs). */
  public record Fit(double epsMax, double rSquared, double rmse, double bias, int n) {}

  /** A monthly pair at the tower's cell: CASA GPP per unit ε_max and the tower's GPP. */
  public record Pair(double casaGppPerEps, double towerGpp) {}

  /** Night records under the u* threshold lose their NEE (set to NaN). */
  public static List<HalfHour> ustarFilter(List<HalfHour> records, double thresholdMS) {
    requireNonNull(records, "records is null");
    Checks.nonNegative("ustar_threshold_m_s", thresholdMS);
    List<HalfHour> out = new ArrayList<>(records.size());
    for (HalfHour r : records) {
      boolean drop = r.night() && !(r.ustarMS() >= thresholdMS);
      out.add(drop ? r.withNee(Double.NaN) : r);
    }
    return List.copyOf(out);
  }

  /** Mean-diurnal-variation gap filling within ± {@code windowDays}. */
  public static List<HalfHour> gapFill(List<HalfHour> records, int windowDays) {
    requireNonNull(records, "records is null");
    if (windowDays < 0) {
      throw LiangshanException.badField("gap_fill_window_days", "must be >= 0, got " + windowDays);
    }
    List<HalfHour> out = new ArrayList<>(records.size());
    for (HalfHour r : records) {
      if (r.hasNee()) {
        out.add(r);
        continue;
      }
      double sum = 0;
      int count = 0;
      for (HalfHour other : records) {
        if (other.hasNee()
            && other.slot() == r.slot()
            && Math.abs(other.day() - r.day()) <= windowDays) {
          sum += other.neeUmolM2S();
          count++;
        }
      }
      out.add(count == 0 ? r : r.withNee(sum / count));
    }
    return List.copyOf(out);
  }

  /** R_ref by least squares on night records with NEE (night NEE = Reco), E0 fixed. */
  public static double fitReferenceRespiration(
      List<HalfHour> records, double e0K, double tRefK, double t0K) {
    requireNonNull(records, "records is null");
    double sxy = 0;
    double sxx = 0;
    for (HalfHour r : records) {
      if (r.night() && r.hasNee()) {
        double shape = Casa.lloydTaylorReco(1, e0K, r.tAirC(), tRefK, t0K);
        sxy += shape * r.neeUmolM2S();
        sxx += shape * shape;
      }
    }
    if (sxx == 0) {
      throw LiangshanException.badInput(
          "No night-time NEE to fit R_ref on: every night record is missing or filtered.");
    }
    return sxy / sxx;
  }

  /** Reco by Lloyd–Taylor and GPP = Reco − NEE for every record (GPP NaN where NEE is missing). */
  public static List<Partitioned> partition(
      List<HalfHour> records, double rRef, double e0K, double tRefK, double t0K) {
    requireNonNull(records, "records is null");
    List<Partitioned> out = new ArrayList<>(records.size());
    for (HalfHour r : records) {
      double reco = Casa.lloydTaylorReco(rRef, e0K, r.tAirC(), tRefK, t0K);
      out.add(new Partitioned(r, reco, reco - r.neeUmolM2S()));
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
