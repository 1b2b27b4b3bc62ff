package org.liangshan.core.unit;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * A price in yuan per {@link Unit}: a benchmark is per t/a, an auction's reserve and clearing price per lot (kg/a
 * in the sample data). {@link #per(Unit)} converts exactly within the unit's dimension (15,670 yuan per kg/a is
 * 15,670,000 yuan per t/a); {@link Quantity#times} prices a quantity only in the price's own unit.
 */
public record UnitPrice(BigDecimal yuan, Unit per) {
  public UnitPrice {
    requireNonNull(yuan, "yuan is null");
    requireNonNull(per, "per is null");
  }

  public static UnitPrice of(BigDecimal yuan, Unit per) {
    return new UnitPrice(yuan, per);
  }

  /**
   * The same price per {@code target}: yuan per t/a × (t/a per kg/a) is yuan per kg/a, exact. Throws naming both
   * units when they measure different things.
   */
  public UnitPrice per(Unit target) {
    requireNonNull(target, "target is null");
    if (target == per) {
      return this;
    }
    if (target.dimension() != per.dimension()) {
      throw new IllegalArgumentException("Cannot convert " + this + " to a price per " + target.symbol() + ": "
          + per.symbol() + " and " + target.symbol() + " measure different things");
    }
    return new UnitPrice(yuan.movePointLeft(target.perBaseExponent() - per.perBaseExponent()), target);
  }

  /** How gold names the unit of a price column, e.g. {@code yuan per kg/a}. */
  public static String label(Unit per) {
    return "yuan per " + per.symbol();
  }

  /** e.g. {@code 15670 yuan per kg/a}. */
  @Override
  public String toString() {
    return yuan.stripTrailingZeros().toPlainString() + " " + label(per);
  }
}
