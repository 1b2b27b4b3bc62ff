package org.liangshan.core.money;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.liangshan.core.LiangshanException;

/**
 * An amount of money at full scale with its ISO 4217 currency (CNY unless said otherwise).
 *
 * <p>Arithmetic keeps every digit (addition, subtraction and multiplication are exact in {@link
 * BigDecimal}); division takes an explicit {@link MathContext}. Rounding happens only when a result
 * is published: {@link #roundedToFen()} rounds to the fen (0.01 yuan) with {@link
 * RoundingMode#HALF_EVEN} (banker's rounding), chosen because it is unbiased: over the many ledger
 * lines of a settlement period, halves round up as often as down, so the rounded lines do not drift
 * away from the unrounded total. {@link #STORAGE_SCALE} is the one scale of the lakehouse's {@code
 * DECIMAL(38, 6)} money columns (METHODOLOGY.md "The calc contract": money in yuan at full
 * precision; STYLE.md "Money").
 *
 * <p>Mixing currencies throws: there is no implicit conversion.
 */
public record Money(BigDecimal amount, String currency) implements Comparable<Money> {
  /** The scale of every money column in the lakehouse: {@code DECIMAL(38, 6)}. */
  public static final int STORAGE_SCALE = 6;

  /** The precision of every money column in the lakehouse. */
  public static final int STORAGE_PRECISION = 38;

  /** The platform's currency, renminbi. */
  public static final String CNY = "CNY";

  /** The scale of the fen, the minor unit of the yuan. */
  public static final int FEN_SCALE = 2;

  /** Rounding used when publishing amounts (see the type's Javadoc). */
  public static final RoundingMode PUBLISH_ROUNDING = RoundingMode.HALF_EVEN;

  public static final Money ZERO_CNY = new Money(BigDecimal.ZERO, CNY);

  public Money {
    requireNonNull(amount, "amount is null");
    requireNonNull(currency, "currency is null");
    if (!currency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException(
          "Invalid currency code (must be three upper-case letters): " + currency);
    }
  }

  /** An amount in yuan. */
  public static Money cny(BigDecimal amount) {
    return new Money(amount, CNY);
  }

  /** An amount in yuan, parsed exactly from its decimal text, e.g. {@code "3802425.87"}. */
  public static Money cny(String amount) {
    return new Money(new BigDecimal(amount), CNY);
  }

  /** An amount in yuan from a long number of yuan. */
  public static Money cny(long yuan) {
    return new Money(BigDecimal.valueOf(yuan), CNY);
  }

  public static Money of(BigDecimal amount, String currency) {
    return new Money(amount, currency);
  }

  public Money plus(Money other) {
    return new Money(amount.add(sameCurrency(other).amount), currency);
  }

  public Money minus(Money other) {
    return new Money(amount.subtract(sameCurrency(other).amount), currency);
  }

  /** Exact product with a dimensionless factor (a price times a quantity, a share of a fund). */
  public Money times(BigDecimal factor) {
    requireNonNull(factor, "factor is null");
    return new Money(amount.multiply(factor), currency);
  }

  public Money times(long factor) {
    return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
  }

  /**
   * Division needs a precision: pass {@link MathContext#DECIMAL128} unless there is a reason not
   * to.
   */
  public Money dividedBy(BigDecimal divisor, MathContext context) {
    requireNonNull(divisor, "divisor is null");
    requireNonNull(context, "context is null");
    if (divisor.signum() == 0) {
      throw new ArithmeticException("Cannot divide " + this + " by zero");
    }
    return new Money(amount.divide(divisor, context), currency);
  }

  /** The ratio of two amounts of the same currency, e.g. a share of a total. */
  public BigDecimal ratioTo(Money other, MathContext context) {
    requireNonNull(context, "context is null");
    return amount.divide(sameCurrency(other).amount, context);
  }

  public Money negated() {
    return new Money(amount.negate(), currency);
  }

  public Money abs() {
    return new Money(amount.abs(), currency);
  }

  public int signum() {
    return amount.signum();
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  /**
   * Rounded to the fen (scale 2) with {@link RoundingMode#HALF_EVEN}: for publishing, never for
   * computing.
   */
  public Money roundedToFen() {
    return new Money(amount.setScale(FEN_SCALE, PUBLISH_ROUNDING), currency);
  }

  /**
   * At the storage scale {@link #STORAGE_SCALE} with {@link RoundingMode#HALF_EVEN}, as the
   * lakehouse stores it.
   */
  public Money atStorageScale() {
    return new Money(amount.setScale(STORAGE_SCALE, PUBLISH_ROUNDING), currency);
  }

  /**
   * Yuan at the storage scale {@link #STORAGE_SCALE} with {@link #PUBLISH_ROUNDING}: how every money
   * column of the lakehouse is written (gold rows, whatever was computed at full scale before).
   */
  public static BigDecimal stored(BigDecimal yuan) {
    return cny(yuan).atStorageScale().amount();
  }

  /** Yuan rounded to the fen with {@link #PUBLISH_ROUNDING}: for publishing, never for computing. */
  public static BigDecimal toFen(BigDecimal yuan) {
    return cny(yuan).roundedToFen().amount();
  }

  /**
   * Yuan already in whole fen (a ledger amount read back), at scale 2; an amount with a fraction of a fen
   * is a broken ledger, so it throws {@link ArithmeticException} rather than rounding.
   */
  public static BigDecimal wholeFen(BigDecimal yuan) {
    requireNonNull(yuan, "yuan is null");
    return yuan.setScale(FEN_SCALE, RoundingMode.UNNECESSARY);
  }

  /** Numerically equal amounts of the same currency, whatever their scales (2.0 equals 2.00). */
  public boolean isEqualTo(Money other) {
    return compareTo(other) == 0;
  }

  @Override
  public int compareTo(Money other) {
    return amount.compareTo(sameCurrency(other).amount);
  }

  @Override
  public String toString() {
    return currency + " " + amount.toPlainString();
  }

  private Money sameCurrency(Money other) {
    requireNonNull(other, "other is null");
    if (!currency.equals(other.currency)) {
      throw LiangshanException.badInput(
          "Currency mismatch: %s and %s. Amounts in different currencies cannot be combined;"
              + " convert one first.",
          this, other);
    }
    return other;
  }
}
