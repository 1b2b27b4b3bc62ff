package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

/**
 * The RUSLE factors the grid derives from rainfall, terrain and vegetation (METHODOLOGY.md section
 * 2, soil retention; docs/methods/soil-retention.md). {@link SoilRetention} combines them into
 * retained soil and its value.
 *
 * <pre>
 * R  = α · F^β,  F = Σ_i P_i²/P,  α 0.1833, β 1.9957                  MJ·mm ha⁻¹ h⁻¹ a⁻¹
 *      (Zhang Wenbo &amp; Fu Jishi 2003, the monthly-rainfall model fitted on Chinese stations; F is the
 *      modified Fournier index of the year's monthly precipitation P_i and its total P, mm)
 * S  = 10.8·sinθ + 0.03          θ &lt; 5.14° (slope &lt; 9 %)          McCool et al. 1987
 *      16.8·sinθ − 0.50          5.14° ≤ θ &lt; 10°                      McCool et al. 1987
 *      21.91·sinθ − 0.96         θ ≥ 10°                               Liu Baoyuan et al. 1994
 * L  = (λ/22.13)^m,  m = 0.2 (tanθ &lt; 1 %), 0.3 (&lt; 3 %), 0.4 (&lt; 5 %), 0.5 (≥ 5 %)   Wischmeier &amp; Smith 1978
 * C  = exp(−α·NDVI/(β − NDVI)), clamped to [0, 1] (α 2, β 1)       van der Knijff et al. 1999
 * </pre>
 */
public final class Rusle {
  /**
   * α of the monthly-rainfall erosivity model R = α·F^β (Zhang Wenbo &amp; Fu Jishi 2003, 资源科学 25(1):
   * 35–41, fitted on the erosivity of Chinese stations).
   */
  public static final double ZHANG_FU_ALPHA = 0.1833;

  /** β of the same model. */
  public static final double ZHANG_FU_BETA = 1.9957;

  /** Unit plot length of the USLE, m. */
  public static final double UNIT_PLOT_LENGTH_M = 22.13;

  private Rusle() {}

  /**
   * The modified Fournier index F = Σ P_i²/P of monthly precipitation (mm), P the sum of the months.
   * Missing months (NaN) are left out of both; with no month at all, or no rain, F is 0.
   */
  public static double fournierIndex(double[] monthlyMm) {
    requireNonNull(monthlyMm, "monthlyMm is null");
    double annual = 0;
    double squares = 0;
    for (double p : monthlyMm) {
      if (!Double.isNaN(p)) {
        Checks.nonNegative("precip_mm", p);
        annual += p;
        squares += p * p;
      }
    }
    return annual <= 0 ? 0 : squares / annual;
  }

  /**
   * Rainfall erosivity R of a year from its monthly precipitation (mm), Zhang &amp; Fu's monthly model
   * R = 0.1833·F^1.9957 with F the modified Fournier index ({@link #fournierIndex}); MJ·mm ha⁻¹ h⁻¹ a⁻¹.
   * Missing months are left out (R is then underestimated); no rain gives 0.
   */
  public static double erosivityFromMonthly(double[] monthlyMm) {
    double f = fournierIndex(monthlyMm);
    return f <= 0 ? 0 : ZHANG_FU_ALPHA * Math.pow(f, ZHANG_FU_BETA);
  }

  /**
   * Whether R lies inside a region's plausibility band from published R maps; outside it the run warns
   * (the precipitation input, not the formula, is then the usual suspect).
   */
  public static boolean plausible(double r, double minR, double maxR) {
    Checks.nonNegative("r_min", minR);
    if (!(maxR > minR)) {
      throw org.liangshan.core.LiangshanException.badField("r_max", "must exceed r_min " + minR + ", got " + maxR);
    }
    return r >= minR && r <= maxR;
  }

  /** Slope steepness factor S of a slope angle in radians (McCool 1987; Liu Baoyuan 1994 for ≥ 10°). */
  public static double slopeSteepness(double slopeRad) {
    checkSlope(slopeRad);
    double sin = Math.sin(slopeRad);
    double degrees = Math.toDegrees(slopeRad);
    if (Math.tan(slopeRad) < 0.09) {
      return 10.8 * sin + 0.03;
    }
    if (degrees < 10) {
      return 16.8 * sin - 0.50;
    }
    return 21.91 * sin - 0.96;
  }

  /** The slope-length exponent m by slope class (Wischmeier &amp; Smith 1978). */
  public static double slopeLengthExponent(double slopeRad) {
    checkSlope(slopeRad);
    double percent = Math.tan(slopeRad) * 100;
    if (percent < 1) {
      return 0.2;
    }
    if (percent < 3) {
      return 0.3;
    }
    if (percent < 5) {
      return 0.4;
    }
    return 0.5;
  }

  /** Slope length factor L = (λ/22.13)^m for a slope length λ in metres. */
  public static double slopeLength(double lambdaM, double slopeRad) {
    Checks.nonNegative("slope_length_m", lambdaM);
    return Math.pow(lambdaM / UNIT_PLOT_LENGTH_M, slopeLengthExponent(slopeRad));
  }

  /** LS = L·S. */
  public static double lengthSlope(double lambdaM, double slopeRad) {
    return slopeLength(lambdaM, slopeRad) * slopeSteepness(slopeRad);
  }

  /**
   * Cover management factor C from NDVI (van der Knijff et al. 1999): exp(−α·NDVI/(β − NDVI)),
   * clamped to [0, 1]; NDVI ≥ β gives 0, NDVI ≤ 0 gives 1 (bare soil).
   */
  public static double coverFromNdvi(double ndvi, double alpha, double beta) {
    Checks.range("ndvi", ndvi, -1, 1);
    Checks.positive("c_alpha", alpha);
    Checks.positive("c_beta", beta);
    if (ndvi >= beta) {
      return 0;
    }
    double c = Math.exp(-alpha * ndvi / (beta - ndvi));
    return Math.max(0, Math.min(1, c));
  }

  private static void checkSlope(double slopeRad) {
    Checks.finite("slope_rad", slopeRad);
    if (slopeRad < 0 || slopeRad >= Math.PI / 2) {
      throw org.liangshan.core.LiangshanException.badField(
          "slope_rad", "must lie in [0, π/2), got " + slopeRad);
    }
  }
}
