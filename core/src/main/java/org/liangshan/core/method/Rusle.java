package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

/**
 * The RUSLE factors the grid derives from rainfall, terrain and vegetation (METHODOLOGY.md section
 * 2, soil retention; docs/methods/soil-retention.md). {@link SoilRetention} combines them into
 * retained soil and its value.
 *
 * <pre>
 * R  = 17.02 · Σ_i 1.735 · 10^(1.5·log10(P_i²/P) − 0.08188)        MJ·mm ha⁻¹ h⁻¹ a⁻¹
 *      (Wischmeier &amp; Smith 1978 monthly-rainfall form of the modified Fournier index; P_i monthly,
 *      P annual precipitation, mm; 17.02 converts US customary units to SI, Foster et al. 1981)
 * S  = 10.8·sinθ + 0.03          θ &lt; 5.14° (slope &lt; 9 %)          McCool et al. 1987
 *      16.8·sinθ − 0.50          5.14° ≤ θ &lt; 10°                      McCool et al. 1987
 *      21.91·sinθ − 0.96         θ ≥ 10°                               Liu Baoyuan et al. 1994
 * L  = (λ/22.13)^m,  m = 0.2 (tanθ &lt; 1 %), 0.3 (&lt; 3 %), 0.4 (&lt; 5 %), 0.5 (≥ 5 %)   Wischmeier &amp; Smith 1978
 * C  = exp(−α·NDVI/(β − NDVI)), clamped to [0, 1] (α 2, β 1)       van der Knijff et al. 1999
 * </pre>
 */
public final class Rusle {
  /** US customary erosivity units (hundreds of ft·tonf·in ac⁻¹ h⁻¹ a⁻¹) to MJ·mm ha⁻¹ h⁻¹ a⁻¹. */
  public static final double US_TO_SI_EROSIVITY = 17.02;

  /** Unit plot length of the USLE, m. */
  public static final double UNIT_PLOT_LENGTH_M = 22.13;

  private Rusle() {}

  /**
   * Rainfall erosivity R from monthly precipitation (mm). Missing months (NaN) are left out of both
   * the sum and the annual total; with no month at all, or no rain, R is 0.
   */
  public static double erosivityFromMonthly(double[] monthlyMm) {
    requireNonNull(monthlyMm, "monthlyMm is null");
    double annual = 0;
    for (double p : monthlyMm) {
      if (!Double.isNaN(p)) {
        Checks.nonNegative("precip_mm", p);
        annual += p;
      }
    }
    if (annual <= 0) {
      return 0;
    }
    double r = 0;
    for (double p : monthlyMm) {
      if (!Double.isNaN(p) && p > 0) {
        r += 1.735 * Math.pow(10, 1.5 * Math.log10(p * p / annual) - 0.08188);
      }
    }
    return r * US_TO_SI_EROSIVITY;
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
