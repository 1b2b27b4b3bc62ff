package org.liangshan.core.method;

import java.math.BigDecimal;
import org.liangshan.core.money.Money;

/**
 * The value lines of the natural-resource balance sheet (docs/methods/balance-sheet.md): each area
 * flow (km², exact to the m²) times the asset's unit value (yuan per km² of the parameter set),
 * rounded to the fen (HALF_EVEN) for opening, additions and reductions; the closing value is then
 * opening + additions − reductions, so the identity holds exactly in the published figures (it may
 * differ from closing area × unit value by at most 1.5 fen, the three roundings). Values are at the
 * unit values of the parameter set for both the opening and the closing: the sheet carries no
 * revaluation line.
 */
public final class BalanceSheetValue {
  private BalanceSheetValue() {}

  /** The value line of an area line at {@code unitValueYuanPerKm2}. */
  public static BalanceSheet of(BalanceSheet area, BigDecimal unitValueYuanPerKm2) {
    Checks.nonNegative("unit_value_yuan_per_km2", unitValueYuanPerKm2);
    BigDecimal opening = fen(area.opening().multiply(unitValueYuanPerKm2));
    BigDecimal additions = fen(area.additions().multiply(unitValueYuanPerKm2));
    BigDecimal reductions = fen(area.reductions().multiply(unitValueYuanPerKm2));
    return BalanceSheet.of(area.asset(), opening, additions, reductions);
  }

  private static BigDecimal fen(BigDecimal value) {
    return Money.toFen(value);
  }
}
