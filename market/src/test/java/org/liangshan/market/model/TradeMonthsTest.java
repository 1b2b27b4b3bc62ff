package org.liangshan.market.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.liangshan.core.unit.Quantity;
import org.liangshan.core.unit.QuoteUnits;
import org.liangshan.core.unit.Unit;
import org.liangshan.core.unit.UnitPrice;

/**
 * Trades per month and instrument, in the quote unit. The prices are issue 15's: a TP eco-voucher trades around
 * 1.4×10⁷ yuan per t/a, a COD one around 175 times less, and the TP auction cleared at 15,670 yuan per kg/a.
 */
class TradeMonthsTest {
  private static TradeMonths.Trade trade(String id, String date, String type, String subject, double quantity,
      String price, String unit) {
    return new TradeMonths.Trade(id, LocalDate.parse(date), type, subject,
        QuoteUnits.inQuoteUnit(id, type, quantity, new BigDecimal(price), Optional.ofNullable(unit)));
  }

  @Test
  void aCodAndATpVoucherOfOneMonthAreTwoRowsEachWithItsOwnAverage() {
    List<TradeMonths.Month> months = TradeMonths.of(List.of(
        trade("t1", "2024-03-04", "eco_voucher", "TP", 0.01, "14000000", "t/a"),
        trade("t2", "2024-03-05", "eco_voucher", "COD", 1, "80000", "t/a"),
        trade("t3", "2024-03-06", "eco_voucher", "COD", 3, "84000", null)));
    assertThat(months).extracting(m -> m.key().subject()).containsExactly("COD", "TP");
    TradeMonths.Month cod = months.get(0);
    assertThat(cod.key()).isEqualTo(new TradeMonths.Key(YearMonth.of(2024, 3), "eco_voucher", "COD"));
    assertThat(cod.trades()).isEqualTo(2);
    assertThat(cod.quantity()).isEqualByComparingTo(Quantity.of(4, Unit.TONNES_PER_YEAR));
    // (1 × 80,000 + 3 × 84,000) / 4 = 83,000 yuan per t/a.
    assertThat(cod.amount().amount()).isEqualByComparingTo("332000");
    assertThat(cod.averagePrice().yuan()).isEqualByComparingTo("83000");
    assertThat(cod.averagePrice().per()).isEqualTo(Unit.TONNES_PER_YEAR);
    assertThat(cod.lowest().yuan()).isEqualByComparingTo("80000");
    assertThat(cod.highest().yuan()).isEqualByComparingTo("84000");
    TradeMonths.Month tp = months.get(1);
    assertThat(tp.averagePrice()).isEqualTo(UnitPrice.of(new BigDecimal("14000000"), Unit.TONNES_PER_YEAR));
    assertThat(tp.amount().amount()).isEqualByComparingTo("140000");
    // Pooled, the two subjects would have given (332,000 + 140,000) / 4.01 = 117,705.74 yuan per t/a: neither price.
  }

  @Test
  void aTradePerKilogramAYearIsAddedInTonnesAYearWithItsMoneyUnchanged() {
    List<TradeMonths.Month> months = TradeMonths.of(List.of(
        trade("k", "2024-05-10", "eco_voucher", "TP", 2, "15670", "kg/a"),
        trade("t", "2024-05-20", "eco_voucher", "TP", 0.008, "15670000", "t/a")));
    assertThat(months).hasSize(1);
    TradeMonths.Month tp = months.get(0);
    // 2 kg/a at 15,670 yuan per kg/a = 0.002 t/a at 15,670,000 yuan per t/a = 31,340 yuan.
    assertThat(tp.quantity()).isEqualByComparingTo(Quantity.of(new BigDecimal("0.010"), Unit.TONNES_PER_YEAR));
    assertThat(tp.amount().amount()).isEqualByComparingTo("156700");
    assertThat(tp.averagePrice().yuan()).isEqualByComparingTo("15670000");
    assertThat(tp.lowest().yuan()).isEqualByComparingTo("15670000");
    assertThat(tp.highest().yuan()).isEqualByComparingTo("15670000");
  }

  @Test
  void monthsAndRightTypesAreRowsOfTheirOwn() {
    List<TradeMonths.Month> months = TradeMonths.of(List.of(
        trade("a", "2024-01-31", "carbon_quota", "CO2", 10, "95", "tCO2e"),
        trade("b", "2024-02-01", "carbon_quota", "CO2", 10, "97", null),
        trade("c", "2024-01-15", "green_certificate", "", 5, "30", "MWh")));
    assertThat(months).extracting(TradeMonths.Month::key).containsExactly(
        new TradeMonths.Key(YearMonth.of(2024, 1), "carbon_quota", "CO2"),
        new TradeMonths.Key(YearMonth.of(2024, 1), "green_certificate", ""),
        new TradeMonths.Key(YearMonth.of(2024, 2), "carbon_quota", "CO2"));
    assertThat(months.get(1).averagePrice()).isEqualTo(UnitPrice.of(new BigDecimal("30"), Unit.MEGAWATT_HOURS));
  }

  @Test
  void twoUnitsUnderOneKeyAreRefusedNotAdded() {
    // Cannot come from QuoteUnits (one quote unit per type): a trade built around it is refused by Quantity.plus.
    TradeMonths.Trade perTonne = trade("t", "2024-05-20", "eco_voucher", "TP", 0.008, "15670000", "t/a");
    TradeMonths.Trade perKilogram = new TradeMonths.Trade("k", LocalDate.parse("2024-05-21"), "eco_voucher", "TP",
        new QuoteUnits.Quoted(Quantity.of(2, Unit.KILOGRAMS_PER_YEAR), UnitPrice.of(new BigDecimal("15670"),
            Unit.KILOGRAMS_PER_YEAR)));
    assertThatThrownBy(() -> TradeMonths.of(List.of(perTonne, perKilogram)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the units differ (t/a and kg/a)");
  }
}
