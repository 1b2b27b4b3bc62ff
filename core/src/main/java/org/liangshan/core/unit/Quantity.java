package org.liangshan.core.unit;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.MathContext;
import org.liangshan.core.money.Money;

/**
 * An amount in a {@link Unit}, exact in {@link BigDecimal}. Adding, subtracting or comparing quantities of two
 * units throws naming both: there is no implicit conversion; {@link #to} converts explicitly, within a unit's
 * dimension only (76 kg/a is 0.076 t/a; a tCO₂e is never a tonne of pollutant). A load a year becomes a stock,
 * and back, only through a term in years ({@link #overYears}, {@link #perYear}).
 */
public record Quantity(BigDecimal amount, Unit unit) implements Comparable<Quantity> {
  public Quantity {
    requireNonNull(amount, "amount is null");
    requireNonNull(unit, "unit is null");
  }

  public static Quantity of(BigDecimal amount, Unit unit) {
    return new Quantity(amount, unit);
  }

  /** A quantity read as a double (silver's measure columns): its shortest decimal text, as written in the file. */
  public static Quantity of(double amount, Unit unit) {
    if (!Double.isFinite(amount)) {
      throw new IllegalArgumentException("Invalid quantity (must be finite): " + amount + " " + unit.symbol());
    }
    return new Quantity(BigDecimal.valueOf(amount), unit);
  }

  public static Quantity of(long amount, Unit unit) {
    return new Quantity(BigDecimal.valueOf(amount), unit);
  }

  public static Quantity zero(Unit unit) {
    return new Quantity(BigDecimal.ZERO, unit);
  }

  public Quantity plus(Quantity other) {
    sameUnit("add", other);
    return new Quantity(amount.add(other.amount), unit);
  }

  public Quantity minus(Quantity other) {
    sameUnit("subtract", other);
    return new Quantity(amount.subtract(other.amount), unit);
  }

  @Override
  public int compareTo(Quantity other) {
    sameUnit("compare", other);
    return amount.compareTo(other.amount);
  }

  public int signum() {
    return amount.signum();
  }

  /**
   * This quantity in {@code target}, exact: kg/a ↔ t/a, kg ↔ t, any unit to itself. Throws naming both units
   * when they measure different things (t/a and tCO₂e; a load a year and a stock: use {@link #overYears}).
   */
  public Quantity to(Unit target) {
    requireNonNull(target, "target is null");
    if (target == unit) {
      return this;
    }
    if (target.dimension() != unit.dimension()) {
      throw new IllegalArgumentException("Cannot convert " + this + " to " + target.symbol() + ": "
          + unit.symbol() + " and " + target.symbol() + " measure different things"
          + (unit.counterpart().filter(c -> c.dimension() == target.dimension()).isPresent()
              ? " (a load a year and a stock convert only over a term in years)" : ""));
    }
    return new Quantity(amount.movePointRight(target.perBaseExponent() - unit.perBaseExponent()), target);
  }

  /** A load a year held over a term of {@code years}: t/a × years = t (kg/a → kg). */
  public Quantity overYears(BigDecimal years) {
    requireNonNull(years, "years is null");
    if (unit.dimension() != Unit.Dimension.LOAD_PER_YEAR) {
      throw new IllegalArgumentException("Only a load a year (t/a, kg/a) accumulates over a term; " + this + " is not one");
    }
    return new Quantity(amount.multiply(years), unit.counterpart().orElseThrow());
  }

  /** A stock spread over a term of {@code years} (> 0): t ÷ years = t/a (kg → kg/a), to 34 significant digits. */
  public Quantity perYear(BigDecimal years) {
    requireNonNull(years, "years is null");
    if (unit.dimension() != Unit.Dimension.LOAD) {
      throw new IllegalArgumentException("Only a stock of load (t, kg) spreads over a term; " + this + " is not one");
    }
    if (years.signum() <= 0) {
      throw new IllegalArgumentException("Invalid term (must be > 0 years): " + years.toPlainString());
    }
    return new Quantity(amount.divide(years, MathContext.DECIMAL128), unit.counterpart().orElseThrow());
  }

  /** The amount as a double, for the numerical kernels and the double columns of gold. */
  public double doubleValue() {
    return amount.doubleValue();
  }

  /**
   * What this quantity costs at {@code price}, in yuan: amount × yuan per unit, exact. Throws naming both units
   * unless the price is per this quantity's unit (convert one of them first: {@link #to}, {@link UnitPrice#per}).
   */
  public Money times(UnitPrice price) {
    requireNonNull(price, "price is null");
    if (price.per() != unit) {
      throw new IllegalArgumentException("Cannot price " + this + " at " + price + ": the quantity is in "
          + unit.symbol() + ", the price per " + price.per().symbol() + "; convert one of them first");
    }
    return Money.cny(price.yuan().multiply(amount));
  }

  private void sameUnit(String verb, Quantity other) {
    requireNonNull(other, "other is null");
    if (other.unit != unit) {
      throw new IllegalArgumentException("Cannot " + verb + " " + this + " and " + other + ": the units differ ("
          + unit.symbol() + " and " + other.unit.symbol() + "); convert one of them first");
    }
  }

  /** e.g. {@code 76 kg/a}. */
  @Override
  public String toString() {
    return amount.stripTrailingZeros().toPlainString() + " " + unit.symbol();
  }
}
