package org.liangshan.core.method;

import java.math.BigDecimal;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;

/**
 * Green loan pricing (METHODOLOGY.md section 7, "Loan pricing"): rate = base rate − the green
 * discount of the borrower's or project's green rating (green project library). The rating scale
 * and the discounts are configuration ({@code loan_pricing.discounts_by_rating}); the rate never
 * goes below 0.
 */
public final class LoanPricing {
  private LoanPricing() {}

  public static BigDecimal rate(BigDecimal baseRate, String rating, ParameterSet params) {
    Checks.fraction("base_rate", baseRate);
    Checks.present("rating", rating);
    String key = "loan_pricing.discounts_by_rating." + rating;
    if (!params.has(key)) {
      throw LiangshanException.badField(
          "rating",
          "unknown green rating '"
              + rating
              + "'; expected one of "
              + String.join(", ", params.keys("loan_pricing.discounts_by_rating")));
    }
    return baseRate.subtract(params.decimal(key)).max(BigDecimal.ZERO);
  }
}
