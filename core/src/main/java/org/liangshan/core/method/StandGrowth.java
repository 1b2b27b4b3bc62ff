package org.liangshan.core.method;

/**
 * Stand carbon growth by the Richards (Chapman-Richards) curve, for the forestry carbon-sink base
 * (docs/methods/forestry-carbon-base.md):
 *
 * <pre>
 *   C(t) = s · A · (1 − e^(−k·t))^c        t C per ha at stand age t (years)
 *   ΔC(t) = C(t + 1) − C(t)                 t C per ha sequestered in the year after age t
 * </pre>
 *
 * A is the asymptotic (mature) carbon density of the forest type in t C/ha (trees: stem, branches,
 * leaves and roots), k the rate (1/year) and c the shape (c &gt; 1 gives the sigmoid of even-aged
 * stands); s is a site factor (1 for the type's average site). The curve describes an undisturbed
 * even-aged stand: it knows nothing of harvest, thinning, fire, pests or drought, and is a mean over
 * sites, so its value for one parcel is an estimate, not a measurement.
 */
public final class StandGrowth {
  private final double asymptoteTcHa;
  private final double rate;
  private final double shape;

  public StandGrowth(double asymptoteTcHa, double rate, double shape) {
    this.asymptoteTcHa = Checks.positive("asymptote_tc_ha", asymptoteTcHa);
    this.rate = Checks.positive("k", rate);
    this.shape = Checks.positive("c", shape);
  }

  public double asymptoteTcHa() {
    return asymptoteTcHa;
  }

  /** Carbon density at age {@code ageYears} on the average site, t C/ha. */
  public double densityTcHa(double ageYears) {
    Checks.nonNegative("age_years", ageYears);
    return asymptoteTcHa * Math.pow(1 - Math.exp(-rate * ageYears), shape);
  }

  /** Carbon density at age {@code ageYears} on a site of factor {@code siteFactor}, t C/ha. */
  public double densityTcHa(double ageYears, double siteFactor) {
    return Checks.nonNegative("site_factor", siteFactor) * densityTcHa(ageYears);
  }

  /** Carbon sequestered per ha in the year from age t to t + 1 on the average site, t C/ha. */
  public double incrementTcHa(double ageYears) {
    return densityTcHa(ageYears + 1) - densityTcHa(ageYears);
  }
}
