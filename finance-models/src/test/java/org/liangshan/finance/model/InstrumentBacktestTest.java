package org.liangshan.finance.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.liangshan.core.method.HaircutBacktest;
import org.liangshan.core.param.ParameterSet;

/**
 * The backtest of the valuation's own haircut on an instrument's history (docs/methods/haircut-backtest.md,
 * sections 4 and 6): the series counted by hand there, traded every weekday, gives the same haircuts, the same
 * one exception and Kupiec's LR of the worked example; short histories and unconfigured types are listed.
 */
class InstrumentBacktestTest {
  private static final ParameterSet PARAMS = FinanceParameters.complete(ParameterSet.defaults());
  private static final VolatilityHaircut.Terms TERMS = VolatilityHaircut.Terms.of(PARAMS);
  private static final Instrument FOREST = new Instrument("forest_right", "", Optional.empty());
  /** A Monday. */
  private static final LocalDate START = LocalDate.of(2024, 3, 11);

  /** One trade of 1 unit every weekday from START: 100, 104, 100, ... for days 0..69, then 50 for days 70..79. */
  private static List<PriceHistory.Trade> crashSeries(int days) {
    List<PriceHistory.Trade> trades = new ArrayList<>();
    LocalDate day = START;
    for (int i = 0; i < days; day = day.plusDays(1)) {
      if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        continue;
      }
      double price = i >= 70 ? 50 : i % 2 == 0 ? 100 : 104;
      trades.add(new PriceHistory.Trade("t" + i, day, "forest_right", 1, BigDecimal.valueOf(price)));
      i++;
    }
    return trades;
  }

  private static InstrumentBacktest.Result backtest(List<PriceHistory.Trade> trades, LocalDate asOf) {
    return InstrumentBacktest.run(FOREST, trades, asOf, CollateralBook.configuredHaircut(PARAMS, "forest_right"), TERMS);
  }

  @Test
  void theHandCountedSeriesHasOneExceptionInSixWindows() {
    List<PriceHistory.Trade> trades = crashSeries(80);
    LocalDate last = trades.get(79).date();
    assertThat(last).isEqualTo(LocalDate.of(2024, 6, 28));
    InstrumentBacktest.Result r = backtest(trades, last);

    assertThat(r.status()).isEqualTo(InstrumentBacktest.TESTED);
    assertThat(r.configured()).contains(new BigDecimal("0.1"));
    assertThat(r.closes()).hasSize(80);
    // The haircuts of the doc's table (section 4): the valuation's 60-weekday window holds the same closes as the
    // calc's last 60 when every weekday trades, and a pledged quantity of 0 needs no liquidity add-on.
    assertThat(r.windows()).extracting(w -> w.haircut().toPlainString())
        .containsExactly("0.304137", "0.296025", "0.293462", "0.292205", "0.291459", "0.290964");
    assertThat(r.windows()).extracting(InstrumentBacktest.Window::fall).containsExactly(0.0, 0.0, 0.0, 0.0, 0.0, 0.5);
    assertThat(r.windows().get(5).from()).isEqualTo(LocalDate.of(2024, 6, 3));
    assertThat(r.windows().get(5).to()).isEqualTo(LocalDate.of(2024, 6, 17));
    assertThat(r.observations()).isEqualTo(6);
    assertThat(r.exceptions()).isEqualTo(1);
    assertThat(r.exceedances()).isEqualTo("2024-06-03 to 2024-06-17: fall 0.5 > haircut 0.290964");
    // Kupiec, T = 6, x = 1, p = 0.01: -2 [5 ln 0.99 + ln 0.01] + 2 [5 ln(5/6) + ln(1/6)] = 3.904109.
    double byHand = -2 * (5 * Math.log(0.99) + Math.log(0.01)) + 2 * (5 * Math.log(5.0 / 6) + Math.log(1.0 / 6));
    HaircutBacktest.Output out = r.output().orElseThrow();
    assertThat(out.lrPof().getAsDouble()).isCloseTo(byHand, within(1e-12)).isCloseTo(3.904109, within(5e-7));
    assertThat(out.pValue().getAsDouble()).isCloseTo(0.048168, within(5e-7));
    assertThat(out.verdict()).isEqualTo(HaircutBacktest.Verdict.REJECTED_TOO_MANY);
    assertThat(out.zone()).isEmpty();
  }

  @Test
  void eachHaircutUsesOnlyTradesUpToItsDay() {
    // The haircut set on 2024-06-03 (day 60) is the same whether the history ends there or goes on to the crash.
    List<PriceHistory.Trade> full = crashSeries(80);
    BigDecimal withFuture = backtest(full, full.get(79).date()).windows().get(5).haircut();
    BigDecimal onTheDay = VolatilityHaircut.compute(FOREST.name(), full.subList(0, 61), LocalDate.of(2024, 6, 3),
        new BigDecimal("0.1"), 0, TERMS).haircut();
    assertThat(withFuture).isEqualByComparingTo(onTheDay);
    // Trades after the as-of date are not read: as of day 69 the crash is not there yet (five windows, none failed).
    InstrumentBacktest.Result before = backtest(full, full.get(69).date());
    assertThat(before.closes()).hasSize(70);
    assertThat(before.exceptions()).isZero();
    assertThat(before.observations()).isEqualTo(5);
  }

  @Test
  void shortHistoriesAndUnconfiguredTypesAreListedNotSkipped() {
    List<PriceHistory.Trade> trades = crashSeries(59);
    InstrumentBacktest.Result short59 = backtest(trades, trades.get(58).date());
    assertThat(short59.status()).isEqualTo(InstrumentBacktest.INSUFFICIENT_HISTORY);
    assertThat(short59.observations()).isZero();
    assertThat(short59.note()).isEqualTo("59 trading days with trades of forest_right (registry) < 60 (or no 10-day window"
        + " to test): insufficient history, not tested");

    InstrumentBacktest.Result energy = InstrumentBacktest.run(new Instrument("energy_use_right", "", Optional.empty()),
        List.of(new PriceHistory.Trade("e1", START, "energy_use_right", 1, BigDecimal.TEN)), START,
        CollateralBook.configuredHaircut(PARAMS, "energy_use_right"), TERMS);
    assertThat(energy.status()).isEqualTo(InstrumentBacktest.UNSUPPORTED_RIGHT_TYPE);
    assertThat(energy.note()).contains("no haircut configured for energy_use_right");
  }
}
