package org.liangshan.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import org.liangshan.core.LiangshanException;

class MoneyTest {
  @Test
  void arithmeticKeepsFullScale() {
    Money price = Money.cny("2775493.3371583303");
    Money total = price.times(new BigDecimal("1.37")).plus(Money.cny("0.000001"));
    assertThat(total.amount()).isEqualByComparingTo("3802425.871907912511");
    assertThat(total.currency()).isEqualTo("CNY");
    assertThat(Money.cny("10").minus(Money.cny("0.01")).amount()).isEqualByComparingTo("9.99");
    assertThat(
            Money.cny("100")
                .dividedBy(new BigDecimal("3"), MathContext.DECIMAL128)
                .amount()
                .precision())
        .isEqualTo(34);
  }

  @Test
  void roundingToTheFenIsHalfEven() {
    assertThat(Money.cny("0.125").roundedToFen().amount()).isEqualTo(new BigDecimal("0.12"));
    assertThat(Money.cny("0.135").roundedToFen().amount()).isEqualTo(new BigDecimal("0.14"));
    assertThat(Money.cny("-0.125").roundedToFen().amount()).isEqualTo(new BigDecimal("-0.12"));
    assertThat(Money.cny("3802425.871906913").roundedToFen()).isEqualTo(Money.cny("3802425.87"));
    assertThat(Money.cny("1.23456789").atStorageScale().amount())
        .isEqualTo(new BigDecimal("1.234568"));
    assertThat(Money.STORAGE_SCALE).isEqualTo(6);
  }

  @Test
  void yuanAmountsAreStoredAtScaleSixAndPublishedInFen() {
    assertThat(Money.stored(new BigDecimal("1.2345675"))).isEqualTo(new BigDecimal("1.234568"));
    assertThat(Money.stored(new BigDecimal("1.2345665"))).isEqualTo(new BigDecimal("1.234566"));
    assertThat(Money.stored(new BigDecimal("8000"))).isEqualTo(new BigDecimal("8000.000000"));
    assertThat(Money.toFen(new BigDecimal("0.125"))).isEqualTo(new BigDecimal("0.12"));
    assertThat(Money.toFen(new BigDecimal("7.005000001"))).isEqualTo(new BigDecimal("7.01"));
    assertThat(Money.wholeFen(new BigDecimal("5000.000000"))).isEqualTo(new BigDecimal("5000.00"));
    assertThatThrownBy(() -> Money.wholeFen(new BigDecimal("0.125")))
        .isInstanceOf(ArithmeticException.class)
        .hasMessage("Rounding necessary");
  }

  @Test
  void mixingCurrenciesThrows() {
    assertThatThrownBy(() -> Money.cny("1").plus(Money.of(BigDecimal.ONE, "USD")))
        .isInstanceOf(LiangshanException.class)
        .hasMessage(
            "Currency mismatch: CNY 1 and USD 1. Amounts in different currencies cannot be"
                + " combined; convert one first.");
    assertThatThrownBy(() -> Money.cny("1").compareTo(Money.of(BigDecimal.ONE, "EUR")))
        .isInstanceOf(LiangshanException.class);
  }

  @Test
  void validatesItsParts() {
    assertThatThrownBy(() -> Money.of(BigDecimal.ONE, "yuan"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid currency code (must be three upper-case letters): yuan");
    assertThatThrownBy(() -> Money.of(null, "CNY"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("amount is null");
    assertThat(Money.cny("2.0").isEqualTo(Money.cny("2.00"))).isTrue();
    assertThat(Money.cny("-3").abs()).isEqualTo(Money.cny("3"));
    assertThat(Money.cny(5).negated().signum()).isEqualTo(-1);
    assertThat(Money.cny("1.50").toString()).isEqualTo("CNY 1.50");
  }
}
