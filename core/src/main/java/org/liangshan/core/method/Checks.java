package org.liangshan.core.method;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import org.liangshan.core.LiangshanException;

/**
 * Entry checks shared by the method classes: one condition per check, the bad value in the message,
 * each failure a {@link LiangshanException#badField(String, String)} naming the snake_case field as
 * METHODOLOGY.md does, so the CLI can exit 2 naming it.
 */
final class Checks {
  private Checks() {}

  static <T> T present(String field, T value) {
    if (value == null) {
      throw LiangshanException.badField(field, "required");
    }
    return value;
  }

  /** Every element a positive finite price; a bad one is named {@code field[i]}. */
  static void positivePrices(String field, List<Double> prices) {
    for (int i = 0; i < prices.size(); i++) {
      if (!(prices.get(i) > 0) || prices.get(i).isInfinite()) {
        throw LiangshanException.badField(field + "[" + i + "]", "must be a positive price, got " + prices.get(i));
      }
    }
  }

  static double finite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw LiangshanException.badField(field, "must be a finite number, got " + value);
    }
    return value;
  }

  static double nonNegative(String field, double value) {
    finite(field, value);
    if (value < 0) {
      throw LiangshanException.badField(field, "must be >= 0, got " + value);
    }
    return value;
  }

  static double positive(String field, double value) {
    finite(field, value);
    if (value <= 0) {
      throw LiangshanException.badField(field, "must be > 0, got " + value);
    }
    return value;
  }

  static double fraction(String field, double value) {
    return range(field, value, 0, 1);
  }

  /** A fraction strictly below 1, for divisors such as 1 - R. */
  static double fractionBelowOne(String field, double value) {
    finite(field, value);
    if (value < 0 || value >= 1) {
      throw LiangshanException.badField(field, "must be in [0, 1), got " + value);
    }
    return value;
  }

  static double range(String field, double value, double low, double high) {
    finite(field, value);
    if (value < low || value > high) {
      throw LiangshanException.badField(
          field, "must be in [" + plain(low) + ", " + plain(high) + "], got " + value);
    }
    return value;
  }

  static BigDecimal nonNegative(String field, BigDecimal value) {
    present(field, value);
    if (value.signum() < 0) {
      throw LiangshanException.badField(field, "must be >= 0, got " + value.toPlainString());
    }
    return value;
  }

  static BigDecimal positive(String field, BigDecimal value) {
    present(field, value);
    if (value.signum() <= 0) {
      throw LiangshanException.badField(field, "must be > 0, got " + value.toPlainString());
    }
    return value;
  }

  static BigDecimal fraction(String field, BigDecimal value) {
    present(field, value);
    if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
      throw LiangshanException.badField(field, "must be in [0, 1], got " + value.toPlainString());
    }
    return value;
  }

  static BigDecimal fractionBelowOne(String field, BigDecimal value) {
    present(field, value);
    if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) >= 0) {
      throw LiangshanException.badField(field, "must be in [0, 1), got " + value.toPlainString());
    }
    return value;
  }

  static BigDecimal range(String field, BigDecimal value, BigDecimal low, BigDecimal high) {
    present(field, value);
    if (value.compareTo(low) < 0 || value.compareTo(high) > 0) {
      throw LiangshanException.badField(
          field,
          "must be in ["
              + low.toPlainString()
              + ", "
              + high.toPlainString()
              + "], got "
              + value.toPlainString());
    }
    return value;
  }

  static String oneOf(String field, String value, Collection<String> allowed) {
    present(field, value);
    if (!allowed.contains(value)) {
      throw LiangshanException.badField(
          field, "unknown value '" + value + "'; expected one of " + String.join(", ", allowed));
    }
    return value;
  }

  static String plain(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }
}
