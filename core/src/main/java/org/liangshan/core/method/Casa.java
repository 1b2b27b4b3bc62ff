package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;

/**
 * CASA light-use-efficiency model, monthly and per pixel (METHODOLOGY.md section 1, "Carbon sink:
 * CASA"; Potter et al. 1993 with Zhu Wenquan et al. 2006's per-class ε_max, {@code casa.classes}).
 *
 * <pre>
 * SR     = (1 + NDVI) / (1 - NDVI)
 * FPAR_x = (x - x_min) / (x_max - x_min) * (FPAR_max - FPAR_min) + FPAR_min,  x = NDVI and SR
 * FPAR   = mean of the two, clamped to [FPAR_min, FPAR_max]
 * APAR   = SOL * FPAR * 0.5
 * Tε1    = 0.8 + 0.02 T_opt - 0.0005 T_opt²;  0 in a month with T ≤ -10 °C
 * Tε2    = 1.1814 / (1 + e^{0.2 (T_opt - 10 - T)}) / (1 + e^{0.3 (-T_opt - 10 + T)});
 *          in a month with T > T_opt + 10 or T < T_opt - 13: half of Tε2 at T = T_opt
 * Wε     = 0.5 + 0.5 E/Ep
 * NPP    = APAR Tε1 Tε2 Wε ε_max                                 (gC m⁻² month⁻¹)
 * Rh     = 0.22 (e^{0.0912 T} + ln(0.3145 R + 1)) * 30 * 0.465    (gC m⁻² month⁻¹)
 * NEP    = NPP - Rh
 * </pre>
 *
 * The two rules are CASA's (Potter et al. 1993; Field et al. 1995), as Chinese CASA studies state
 * them (朴世龙 et al. 2001; 朱文泉 et al. 2007): plants of very cold months do not photosynthesise
 * (Tε1 = 0), and far from T_opt Tε2 falls to half its optimum rather than following the logistic
 * tails. Worked example (DBF, NDVI 0.6, SOL 500, T_opt 25, T 20, E/Ep 0.8, R 100): SR 4.0, FPAR
 * 0.61803, APAR 154.507, Tε2 0.85418, NPP 81.168, Rh 29.697, NEP 51.471. Stateless; {@code double}
 * arithmetic.
 */
public final class Casa {
  /** The PAR share of total solar radiation in the APAR formula. */
  public static final double PAR_FRACTION = 0.5;

  private Casa() {}

  /** One pixel-month. NDVI must be in [-1, 1) (SR is undefined at 1); E/Ep in [0, 1]. */
  public record Input(
      VegetationClass vegClass,
      double ndvi,
      double solMjM2,
      double tOptC,
      double tC,
      double eOverEp,
      double precipMm) {
    public Input {
      Checks.present("veg_class", vegClass);
      Checks.range("ndvi", ndvi, -1, 1);
      if (ndvi == 1) {
        throw LiangshanException.badField(
            "ndvi", "must be below 1 (SR = (1 + NDVI)/(1 - NDVI) is undefined at 1), got 1.0");
      }
      Checks.nonNegative("sol_mj_m2", solMjM2);
      Checks.range("t_opt_c", tOptC, -60, 60);
      Checks.range("t_c", tC, -80, 60);
      Checks.fraction("e_over_ep", eOverEp);
      Checks.nonNegative("precip_mm", precipMm);
    }
  }

  /** The class's table row and the shared constants, from {@code casa.*} of a parameter set. */
  public record Parameters(
      double epsMax,
      double ndviMax,
      double srMax,
      double ndviMin,
      double srMin,
      double fparMin,
      double fparMax,
      double rhTemperatureCoefficient) {
    public Parameters {
      if (!(epsMax > 0)) {
        throw new IllegalArgumentException("Invalid eps_max (must be > 0): " + epsMax);
      }
      if (!(ndviMax > ndviMin)) {
        throw new IllegalArgumentException(
            "Invalid NDVI range (max must exceed min): " + ndviMin + ".." + ndviMax);
      }
      if (!(srMax > srMin)) {
        throw new IllegalArgumentException(
            "Invalid SR range (max must exceed min): " + srMin + ".." + srMax);
      }
      if (!(fparMax > fparMin)) {
        throw new IllegalArgumentException(
            "Invalid FPAR range (max must exceed min): " + fparMin + ".." + fparMax);
      }
    }

    public static Parameters of(ParameterSet params, VegetationClass vegClass) {
      requireNonNull(params, "params is null");
      requireNonNull(vegClass, "vegClass is null");
      String row = "casa.classes." + vegClass.name() + ".";
      return new Parameters(
          params.number(row + "eps_max"),
          params.number(row + "ndvi_max"),
          params.number(row + "sr_max"),
          params.number("casa.ndvi_min"),
          params.number("casa.sr_min"),
          params.number("casa.fpar_min"),
          params.number("casa.fpar_max"),
          params.number("casa.rh_temperature_coefficient"));
    }

    /** The same constants with another ε_max (for calibration). */
    public Parameters withEpsMax(double newEpsMax) {
      return new Parameters(
          newEpsMax, ndviMax, srMax, ndviMin, srMin, fparMin, fparMax, rhTemperatureCoefficient);
    }
  }

  /** Every intermediate and result, in the units of METHODOLOGY.md section 1. */
  public record Output(
      double sr,
      double fpar,
      double aparMjM2,
      double tEps1,
      double tEps2,
      double wEps,
      double epsMax,
      double nppGcM2,
      double rhGcM2,
      double nepGcM2) {}

  public static Output compute(Input input, ParameterSet params) {
    requireNonNull(input, "input is null");
    return compute(input, Parameters.of(params, input.vegClass()));
  }

  public static Output compute(Input input, Parameters p) {
    requireNonNull(input, "input is null");
    requireNonNull(p, "parameters is null");
    double sr = simpleRatio(input.ndvi());
    double fpar = fpar(input.ndvi(), sr, p);
    double apar = input.solMjM2() * fpar * PAR_FRACTION;
    double tEps1 = temperatureStress1(input.tOptC(), input.tC());
    double tEps2 = temperatureStress2(input.tOptC(), input.tC());
    double wEps = waterStress(input.eOverEp());
    double npp = apar * tEps1 * tEps2 * wEps * p.epsMax();
    double rh =
        heterotrophicRespiration(input.tC(), input.precipMm(), p.rhTemperatureCoefficient());
    return new Output(sr, fpar, apar, tEps1, tEps2, wEps, p.epsMax(), npp, rh, npp - rh);
  }

  public static double simpleRatio(double ndvi) {
    return (1 + ndvi) / (1 - ndvi);
  }

  /** FPAR as the clamped mean of the NDVI-based and SR-based linear estimates. */
  public static double fpar(double ndvi, double sr, Parameters p) {
    double span = p.fparMax() - p.fparMin();
    double fromNdvi = (ndvi - p.ndviMin()) / (p.ndviMax() - p.ndviMin()) * span + p.fparMin();
    double fromSr = (sr - p.srMin()) / (p.srMax() - p.srMin()) * span + p.fparMin();
    double mean = (fromNdvi + fromSr) / 2;
    return Math.min(p.fparMax(), Math.max(p.fparMin(), mean));
  }

  /** The month's mean temperature at or below which Tε1 is 0 (Potter et al. 1993). */
  public static final double COLD_MONTH_C = -10;

  /** Tε2 is half its optimum when T exceeds T_opt by more than this (Potter et al. 1993). */
  public static final double WARM_OFFSET_C = 10;

  /** Tε2 is half its optimum when T is below T_opt by more than this (Potter et al. 1993). */
  public static final double COOL_OFFSET_C = 13;

  /** Tε1 = 0.8 + 0.02·T_opt − 0.0005·T_opt², 0 in a month with T ≤ −10 °C. */
  public static double temperatureStress1(double tOptC, double tC) {
    if (tC <= COLD_MONTH_C) {
      return 0;
    }
    return 0.8 + 0.02 * tOptC - 0.0005 * tOptC * tOptC;
  }

  /**
   * Tε2 by the logistic form, except in a month more than 10 °C above or 13 °C below T_opt, where it
   * is half of Tε2 at T = T_opt.
   */
  public static double temperatureStress2(double tOptC, double tC) {
    if (tC - tOptC > WARM_OFFSET_C || tOptC - tC > COOL_OFFSET_C) {
      return logisticStress2(tOptC, tOptC) / 2;
    }
    return logisticStress2(tOptC, tC);
  }

  private static double logisticStress2(double tOptC, double tC) {
    return 1.1814
        / (1 + Math.exp(0.2 * (tOptC - 10 - tC)))
        / (1 + Math.exp(0.3 * (-tOptC - 10 + tC)));
  }

  public static double waterStress(double eOverEp) {
    return 0.5 + 0.5 * eOverEp;
  }

  /** Rh in gC m⁻² month⁻¹; {@code coefficient} is 0.0912 by default (some codes use 0.0913). */
  public static double heterotrophicRespiration(double tC, double precipMm, double coefficient) {
    return 0.22 * (Math.exp(coefficient * tC) + Math.log(0.3145 * precipMm + 1)) * 30 * 0.465;
  }

  /** Tonnes of carbon from a flux in gC m⁻² over an area in m²: g m⁻² × m² / 10⁶. */
  public static double carbonTonnes(double gcM2, double areaM2) {
    return gcM2 * areaM2 / 1e6;
  }

  /** Tonnes of O₂ released from tonnes of carbon fixed: × 32/12. */
  public static double oxygenFromCarbon(double tonnesC) {
    return tonnesC * 32.0 / 12.0;
  }

  /**
   * Ecosystem respiration by Lloyd and Taylor (1994): Reco = R_ref·e^{E0·(1/(T_ref − T0) − 1/(T −
   * T0))} with T in kelvin; METHODOLOGY.md section 1 uses T_ref = 288.15 K and T0 = 227.13 K
   * (parameter set {@code flux.t_ref_k}, {@code flux.t0_k}). Example: R_ref 2, E0 150 K gives 2.0
   * at 15 °C.
   */
  public static double lloydTaylorReco(
      double rRef, double e0K, double tC, double tRefK, double t0K) {
    double tK = tC + 273.15;
    if (!(tK > t0K)) {
      throw LiangshanException.badField(
          "t_c", "must be above T0 = " + (t0K - 273.15) + " °C for Lloyd-Taylor, got " + tC);
    }
    return rRef * Math.exp(e0K * (1 / (tRefK - t0K) - 1 / (tK - t0K)));
  }

  /**
   * Lloyd–Taylor with T_ref and T0 from the parameter set ({@code flux.t_ref_k}, {@code
   * flux.t0_k}).
   */
  public static double lloydTaylorReco(double rRef, double e0K, double tC, ParameterSet params) {
    return lloydTaylorReco(
        rRef, e0K, tC, params.number("flux.t_ref_k"), params.number("flux.t0_k"));
  }
}
