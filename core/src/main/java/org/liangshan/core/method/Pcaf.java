package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.MathContext;
import org.liangshan.core.LiangshanException;

/**
 * PCAF financed emissions (METHODOLOGY.md section 7; PCAF Global GHG Accounting and Reporting
 * Standard for the Financial Industry): attribution factor = outstanding ÷ (EVIC, or equity + debt
 * for a private company); financed emissions = attribution × the borrower's emissions; a
 * data-quality score 1–5 travels with the result. Exact decimals, the division at {@link
 * MathContext#DECIMAL128}. The attribution factor is at most 1: an outstanding amount above the
 * borrower's EVIC is refused. Example: 5×10⁷ of 5×10⁸ with 10⁶ t → 10⁵ t.
 */
public final class Pcaf {
  private Pcaf() {}

  /**
   * {@code evicOrEquityPlusDebt} is EVIC, or equity + debt; {@code dataQualityScore} is 1..5 or
   * null.
   */
  public record Input(
      BigDecimal outstanding,
      BigDecimal evicOrEquityPlusDebt,
      BigDecimal emissionsTco2e,
      Integer dataQualityScore) {
    public Input {
      Checks.nonNegative("outstanding", outstanding);
      Checks.positive("evic", evicOrEquityPlusDebt);
      Checks.nonNegative("emissions_tco2e", emissionsTco2e);
      if (outstanding.compareTo(evicOrEquityPlusDebt) > 0) {
        throw LiangshanException.badField(
            "outstanding",
            "must not exceed the borrower's EVIC (or equity + debt) "
                + evicOrEquityPlusDebt.toPlainString()
                + ", got "
                + outstanding.toPlainString());
      }
      if (dataQualityScore != null && (dataQualityScore < 1 || dataQualityScore > 5)) {
        throw LiangshanException.badField(
            "data_quality_score", "must be in [1, 5], got " + dataQualityScore);
      }
    }
  }

  public record Output(
      BigDecimal attributionFactor, BigDecimal financedTco2e, Integer dataQualityScore) {}

  public static Output compute(Input in) {
    requireNonNull(in, "input is null");
    BigDecimal attribution =
        in.outstanding().divide(in.evicOrEquityPlusDebt(), MathContext.DECIMAL128);
    return new Output(
        attribution, attribution.multiply(in.emissionsTco2e()), in.dataQualityScore());
  }
}
