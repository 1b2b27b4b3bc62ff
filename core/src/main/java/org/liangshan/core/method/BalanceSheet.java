package org.liangshan.core.method;

import java.math.BigDecimal;
import org.liangshan.core.LiangshanException;

/**
 * One line of the natural-resource balance sheet (METHODOLOGY.md section 2, "Natural-resource
 * balance sheet", Tianjin): per district and asset (forest, wetland, water, cropland, grassland),
 * opening stock, additions, reductions and closing stock, in area or in value. Closing = opening +
 * additions − reductions must hold exactly; the record refuses a line where it does not.
 */
public record BalanceSheet(
    String asset,
    BigDecimal opening,
    BigDecimal additions,
    BigDecimal reductions,
    BigDecimal closing) {
  public BalanceSheet {
    Checks.present("asset", asset);
    Checks.nonNegative("opening", opening);
    Checks.nonNegative("additions", additions);
    Checks.nonNegative("reductions", reductions);
    Checks.nonNegative("closing", closing);
    BigDecimal expected = opening.add(additions).subtract(reductions);
    if (expected.compareTo(closing) != 0) {
      throw LiangshanException.badField(
          "closing",
          "must equal opening + additions - reductions = "
              + expected.toPlainString()
              + " for "
              + asset
              + ", got "
              + closing.toPlainString());
    }
  }

  /** A line whose closing stock is computed. */
  public static BalanceSheet of(
      String asset, BigDecimal opening, BigDecimal additions, BigDecimal reductions) {
    return new BalanceSheet(
        asset, opening, additions, reductions, opening.add(additions).subtract(reductions));
  }
}
