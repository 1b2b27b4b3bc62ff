package org.liangshan.core.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.liangshan.core.LiangshanException;

/**
 * Test helpers: a value matches a figure printed in METHODOLOGY.md when it rounds to it, that is
 * when it lies within half a unit of the printed figure's last digit ({@code "0.61803"} ± 0.000005,
 * {@code "2.118E6"} ± 500). Bad input is a BAD_INPUT {@link LiangshanException} naming the field.
 */
public final class Printed {
  private Printed() {}

  public static void assertPrinted(double actual, String printed) {
    BigDecimal figure = new BigDecimal(printed);
    double tolerance = BigDecimal.ONE.movePointLeft(figure.scale()).doubleValue() / 2;
    assertThat(actual)
        .as("printed %s", printed)
        .isBetween(figure.doubleValue() - tolerance, figure.doubleValue() + tolerance);
  }

  public static void assertPrinted(BigDecimal actual, String printed) {
    assertPrinted(actual.doubleValue(), printed);
  }

  /** Asserts bad input whose message is exactly {@code field '<field>': <reason>}. */
  public static void assertBadField(ThrowingCallable call, String field, String reason) {
    assertThatThrownBy(call)
        .isInstanceOf(LiangshanException.class)
        .hasMessage("field '" + field + "': " + reason)
        .extracting(e -> ((LiangshanException) e).kind())
        .isEqualTo(LiangshanException.Kind.BAD_INPUT);
  }

  /** Asserts bad input naming the field, whatever the reason's wording after the prefix. */
  public static void assertBadFieldNamed(ThrowingCallable call, String field) {
    assertThatThrownBy(call)
        .isInstanceOf(LiangshanException.class)
        .hasMessageStartingWith("field '" + field + "': ")
        .extracting(e -> ((LiangshanException) e).kind())
        .isEqualTo(LiangshanException.Kind.BAD_INPUT);
  }
}
