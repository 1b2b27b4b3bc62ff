package org.liangshan.core.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.liangshan.core.money.Money;

/**
 * Quantities and prices with their units: conversions exact in BigDecimal, mixing refused naming both units. The
 * figures are issue 15's: Liyang LY-WFZ-01 TP 2023 had 76 kg/a of room; its TP auction cleared at 15,670 yuan
 * per kg/a while benchmarks and trades are per t/a.
 */
class QuantityTest {
  private static Quantity q(String amount, Unit unit) {
    return Quantity.of(new BigDecimal(amount), unit);
  }

  private static UnitPrice price(String yuan, Unit per) {
    return UnitPrice.of(new BigDecimal(yuan), per);
  }

  @Test
  void kilogramsAYearConvertExactlyToTonnesAYear() {
    assertThat(q("76", Unit.KILOGRAMS_PER_YEAR).to(Unit.TONNES_PER_YEAR).amount()).isEqualByComparingTo("0.076");
    assertThat(q("76", Unit.KILOGRAMS_PER_YEAR).to(Unit.TONNES_PER_YEAR).unit()).isEqualTo(Unit.TONNES_PER_YEAR);
    assertThat(q("0.089", Unit.TONNES_PER_YEAR).to(Unit.KILOGRAMS_PER_YEAR).amount()).isEqualByComparingTo("89");
    assertThat(q("1.5", Unit.TONNES).to(Unit.KILOGRAMS).amount()).isEqualByComparingTo("1500");
    // A binary double would give 0.07600000000000001 for some routes; BigDecimal is exact both ways.
    Quantity back = q("76", Unit.KILOGRAMS_PER_YEAR).to(Unit.TONNES_PER_YEAR).to(Unit.KILOGRAMS_PER_YEAR);
    assertThat(back.amount()).isEqualByComparingTo("76");
    assertThat(Quantity.of(235.0, Unit.KILOGRAMS_PER_YEAR).to(Unit.TONNES_PER_YEAR).doubleValue()).isEqualTo(0.235);
  }

  @Test
  void pricesConvertExactlyTheOtherWay() {
    assertThat(price("15670", Unit.KILOGRAMS_PER_YEAR).per(Unit.TONNES_PER_YEAR).yuan()).isEqualByComparingTo("15670000");
    assertThat(price("11867100", Unit.TONNES_PER_YEAR).per(Unit.KILOGRAMS_PER_YEAR).yuan()).isEqualByComparingTo("11867.1");
    assertThat(price("15670", Unit.KILOGRAMS_PER_YEAR).per(Unit.TONNES_PER_YEAR).toString())
        .isEqualTo("15670000 yuan per t/a");
  }

  @Test
  void aQuantityAtAPriceOfItsOwnUnitIsYuan() {
    // 76 kg/a at 15,670 yuan per kg/a, and the same load in t/a at the price per t/a: the same money.
    Money lots = q("76", Unit.KILOGRAMS_PER_YEAR).times(price("15670", Unit.KILOGRAMS_PER_YEAR));
    Money tonnes = q("76", Unit.KILOGRAMS_PER_YEAR).to(Unit.TONNES_PER_YEAR)
        .times(price("15670", Unit.KILOGRAMS_PER_YEAR).per(Unit.TONNES_PER_YEAR));
    assertThat(lots.amount()).isEqualByComparingTo("1190920");
    assertThat(tonnes.amount()).isEqualByComparingTo("1190920");
    assertThat(lots.currency()).isEqualTo(Money.CNY);
  }

  @Test
  void mixingUnitsFailsNamingBoth() {
    assertThatThrownBy(() -> q("76", Unit.KILOGRAMS_PER_YEAR).plus(q("1", Unit.TONNES_PER_YEAR)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot add 76 kg/a and 1 t/a: the units differ (kg/a and t/a); convert one of them first");
    assertThatThrownBy(() -> q("1", Unit.TONNES_PER_YEAR).plus(q("2", Unit.TONNES_CO2E)))
        .hasMessage("Cannot add 1 t/a and 2 tCO2e: the units differ (t/a and tCO2e); convert one of them first");
    assertThatThrownBy(() -> q("1", Unit.TONNES_PER_YEAR).minus(q("1", Unit.TONNES)))
        .hasMessage("Cannot subtract 1 t/a and 1 t: the units differ (t/a and t); convert one of them first");
    assertThatThrownBy(() -> q("1", Unit.TONNES_PER_YEAR).compareTo(q("1000", Unit.KILOGRAMS_PER_YEAR)))
        .hasMessage("Cannot compare 1 t/a and 1000 kg/a: the units differ (t/a and kg/a); convert one of them first");
    assertThatThrownBy(() -> q("76", Unit.KILOGRAMS_PER_YEAR).times(price("11867100", Unit.TONNES_PER_YEAR)))
        .hasMessage("Cannot price 76 kg/a at 11867100 yuan per t/a: the quantity is in kg/a, the price per t/a;"
            + " convert one of them first");
  }

  @Test
  void sameUnitArithmeticIsExact() {
    assertThat(q("0.1", Unit.TONNES_PER_YEAR).plus(q("0.2", Unit.TONNES_PER_YEAR)).amount()).isEqualByComparingTo("0.3");
    assertThat(q("1", Unit.TONNES_PER_YEAR).minus(q("0.924", Unit.TONNES_PER_YEAR)).amount()).isEqualByComparingTo("0.076");
    assertThat(q("0.076", Unit.TONNES_PER_YEAR).compareTo(q("0.0760", Unit.TONNES_PER_YEAR))).isZero();
  }

  @Test
  void onlyPhysicallyMeaningfulConversions() {
    assertThatThrownBy(() -> q("1", Unit.TONNES_CO2E).to(Unit.TONNES_PER_YEAR))
        .hasMessage("Cannot convert 1 tCO2e to t/a: tCO2e and t/a measure different things");
    assertThatThrownBy(() -> q("1", Unit.TONNES_CO2E).to(Unit.TONNES))
        .hasMessage("Cannot convert 1 tCO2e to t: tCO2e and t measure different things");
    assertThatThrownBy(() -> q("1", Unit.TONNES_PER_YEAR).to(Unit.TONNES))
        .hasMessage("Cannot convert 1 t/a to t: t/a and t measure different things"
            + " (a load a year and a stock convert only over a term in years)");
    assertThatThrownBy(() -> price("1", Unit.TONNES_CO2E).per(Unit.KILOGRAMS_PER_YEAR))
        .hasMessage("Cannot convert 1 yuan per tCO2e to a price per kg/a: tCO2e and kg/a measure different things");
  }

  @Test
  void aStockAndAFlowMeetOnlyThroughATermInYears() {
    assertThat(q("0.5", Unit.TONNES_PER_YEAR).overYears(new BigDecimal("5"))).isEqualTo(q("2.5", Unit.TONNES));
    assertThat(q("2.5", Unit.TONNES).perYear(new BigDecimal("5")).amount()).isEqualByComparingTo("0.5");
    assertThat(q("2.5", Unit.TONNES).perYear(new BigDecimal("5")).unit()).isEqualTo(Unit.TONNES_PER_YEAR);
    assertThat(q("300", Unit.KILOGRAMS_PER_YEAR).overYears(BigDecimal.ONE).unit()).isEqualTo(Unit.KILOGRAMS);
    assertThatThrownBy(() -> q("2", Unit.TONNES_CO2E).overYears(BigDecimal.ONE))
        .hasMessage("Only a load a year (t/a, kg/a) accumulates over a term; 2 tCO2e is not one");
    assertThatThrownBy(() -> q("2", Unit.TONNES).perYear(BigDecimal.ZERO)).hasMessage("Invalid term (must be > 0 years): 0");
  }

  @Test
  void landingTextsParseByWhatTheySay() {
    assertThat(Unit.parse("kg/a")).contains(Unit.KILOGRAMS_PER_YEAR);
    assertThat(Unit.parse(" T/A ")).contains(Unit.TONNES_PER_YEAR);
    assertThat(Unit.parse("吨/年")).contains(Unit.TONNES_PER_YEAR);
    assertThat(Unit.parse("千克/年")).contains(Unit.KILOGRAMS_PER_YEAR);
    // A bare 吨 or 千克 is a stock: a load a year only over a stated term.
    assertThat(Unit.parse("吨")).contains(Unit.TONNES);
    assertThat(Unit.parse("千克")).contains(Unit.KILOGRAMS);
    assertThat(Unit.parse("tCO₂e")).contains(Unit.TONNES_CO2E);
    assertThat(Unit.parse("tCO2e")).contains(Unit.TONNES_CO2E);
    assertThat(Unit.parse("MWh")).contains(Unit.MEGAWATT_HOURS);
    assertThat(Unit.parse("tce")).contains(Unit.TONNES_COAL_EQUIVALENT);
    assertThat(Unit.parse("公顷")).contains(Unit.HECTARES);
    assertThat(Unit.parse("m3")).isEmpty();
    assertThat(Unit.parse(null)).isEmpty();
    assertThatThrownBy(() -> Unit.parseOrThrow("斤"))
        .hasMessage("Unknown unit '斤': known units are `t/a` (`吨/年`), `kg/a` (`千克/年`), `t` (`吨`, a stock),"
            + " `kg` (`千克`, a stock), `tCO2e`, `MWh`, `tce`, `ha` (`公顷`)");
  }

  @Test
  void eachRightTypeIsQuotedInOneUnitAndOnlyItsDimensionConverts() {
    assertThat(QuoteUnits.of("eco_voucher")).contains(Unit.TONNES_PER_YEAR);
    assertThat(QuoteUnits.of("discharge_right")).contains(Unit.TONNES_PER_YEAR);
    assertThat(QuoteUnits.of("carbon_quota")).contains(Unit.TONNES_CO2E);
    assertThat(QuoteUnits.of("green_certificate")).contains(Unit.MEGAWATT_HOURS);
    assertThat(QuoteUnits.of("energy_use_right")).contains(Unit.TONNES_COAL_EQUIVALENT);
    assertThat(QuoteUnits.of("forest_right")).contains(Unit.HECTARES);
    assertThat(QuoteUnits.of("tea_garden")).isEmpty();
    // A voucher quoted per kg/a converts to its t/a; tCO2e on a voucher, or a stock of tonnes, does not.
    assertThat(QuoteUnits.converts("eco_voucher", Unit.KILOGRAMS_PER_YEAR)).isTrue();
    assertThat(QuoteUnits.converts("eco_voucher", Unit.TONNES_CO2E)).isFalse();
    assertThat(QuoteUnits.converts("eco_voucher", Unit.TONNES)).isFalse();
    assertThat(QuoteUnits.converts("tea_garden", Unit.TONNES_PER_YEAR)).isFalse();
  }

  @Test
  void aTradeIsReadInItsQuoteUnitOnceAndItsMoneyDoesNotChange() {
    // Issue 15: the TP auction cleared at 15,670 yuan per kg/a; a trade of 2 kg/a at that price is 0.002 t/a at
    // 15,670,000 yuan per t/a, 31,340 yuan either way.
    QuoteUnits.Quoted perKilogram = QuoteUnits.inQuoteUnit("k", "eco_voucher", 2, new BigDecimal("15670"), Optional.of("kg/a"));
    assertThat(perKilogram.quantity()).isEqualByComparingTo(q("0.002", Unit.TONNES_PER_YEAR));
    assertThat(perKilogram.price().per()).isEqualTo(Unit.TONNES_PER_YEAR);
    assertThat(perKilogram.price().yuan()).isEqualByComparingTo("15670000");
    assertThat(perKilogram.amount().amount()).isEqualByComparingTo("31340");
    assertThat(perKilogram.amount().amount()).isEqualByComparingTo(
        q("2", Unit.KILOGRAMS_PER_YEAR).times(price("15670", Unit.KILOGRAMS_PER_YEAR)).amount());
    // No unit: a row loaded before trades stated theirs, in the quote unit as it was.
    QuoteUnits.Quoted unstated = QuoteUnits.inQuoteUnit("e", "carbon_quota", 10, new BigDecimal("95"), Optional.empty());
    assertThat(unstated.quantity()).isEqualByComparingTo(q("10", Unit.TONNES_CO2E));
    assertThat(unstated.price()).isEqualTo(price("95", Unit.TONNES_CO2E));
  }

  @Test
  void aTradeWhoseUnitIsNotItsTypesKindIsRefusedNamingTradeUnitAndType() {
    assertThatThrownBy(() -> QuoteUnits.inQuoteUnit("x1", "eco_voucher", 1, new BigDecimal("95"), Optional.of("tCO2e")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Trade x1 is in tCO2e, which does not convert to t/a, the unit eco_voucher trades are quoted in:"
            + " correct its unit (单位) in silver.trades");
    assertThatThrownBy(() -> QuoteUnits.inQuoteUnit("x2", "tea_garden", 1, new BigDecimal("95"), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Trade x2 is of right type 'tea_garden', which has no quote unit: its price cannot enter a series");
    assertThatThrownBy(() -> new QuoteUnits.Quoted(q("1", Unit.TONNES_PER_YEAR), price("1", Unit.KILOGRAMS_PER_YEAR)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid quoted trade (price per kg/a, quantity in t/a): both must be in the quote unit");
  }
}
