package org.liangshan.core.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CarbonTest {
  @Test
  void twelveTonnesOfCarbonAreFortyFourOfCo2() {
    assertThat(Carbon.co2FromCarbon(12)).isEqualTo(44.0);
    assertThat(Carbon.co2FromCarbon(3)).isEqualTo(11.0);
    assertThat(12 * Carbon.CO2_PER_C).isCloseTo(44.0, within(1e-12));
  }

  @Test
  void bothDoubleFormsAgreeWithinTheLastPlace() {
    for (double tonnesC : new double[] {0.1, 1.7, 123.456, 98765.4321}) {
      assertThat(Carbon.co2FromCarbon(tonnesC)).isCloseTo(tonnesC * Carbon.CO2_PER_C, within(Math.ulp(tonnesC * 4)));
    }
  }

  @Test
  void aPricePerTonneOfCarbonIsTwelveFortyFourthsOfItPerTonneOfCo2() {
    // 380 yuan/tC (the Ganzi 2010 study's carbon price) × 12/44 = 103.6363... yuan/tCO2
    assertThat(Carbon.perTonneCo2(new BigDecimal("380")))
        .isEqualByComparingTo("103.6363636363636363636363636363636");
    assertThat(Carbon.perTonneCo2(new BigDecimal("44"))).isEqualByComparingTo("12");
  }
}
