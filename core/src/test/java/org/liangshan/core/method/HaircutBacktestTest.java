package org.liangshan.core.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.liangshan.core.method.Printed.assertBadField;
import static org.liangshan.core.method.Printed.assertPrinted;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The haircut backtest (docs/methods/haircut-backtest.md): Kupiec (1995) proportion-of-failures statistic, its
 * χ²(1) p-value, the Basel (1996) zones, and a series whose exceedances are counted by hand.
 */
class HaircutBacktestTest {
  private static final HaircutBacktest.Terms TERMS =
      new HaircutBacktest.Terms(new CollateralHaircut.Terms(10, 0.99, 10, new BigDecimal("0.6"), 250, 0.2), 60);

  /** Closes alternating 100, 104 for days 0..69, then 50 for days 70..79: one crash of 50 %. */
  private static List<Double> crashSeries() {
    List<Double> prices = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      prices.add(i % 2 == 0 ? 100.0 : 104.0);
    }
    for (int i = 70; i < 80; i++) {
      prices.add(50.0);
    }
    return prices;
  }

  private static HaircutBacktest.Output backtest(List<Double> prices) {
    return HaircutBacktest.run(new HaircutBacktest.Input(prices, Optional.empty(), 1, new BigDecimal("0.1"), TERMS));
  }

  @Test
  void kupiecTextbookCases() {
    // LR = -2 ln[(1-p)^(T-x) p^x] + 2 ln[(1-x/T)^(T-x) (x/T)^x], evaluated by hand in the doc's table.
    assertPrinted(HaircutBacktest.kupiecLr(250, 5, 0.01), "1.956810");
    assertPrinted(HaircutBacktest.kupiecLr(250, 10, 0.01), "12.955491");
    assertPrinted(HaircutBacktest.kupiecLr(250, 3, 0.01), "0.094940");
    // No exceedance in 250: LR = -2 x 250 x ln 0.99 = 5.025168 > 3.841, rejected as too conservative.
    assertPrinted(HaircutBacktest.kupiecLr(250, 0, 0.01), "5.025168");
    assertThat(HaircutBacktest.kupiecLr(100, 1, 0.01)).isCloseTo(0, within(1e-12));
  }

  @Test
  void kupiecAgreesWithAPublishedExample() {
    // MathWorks Risk Management Toolbox, varbacktest pof example: 1,043 observations, 57 failures of a 95 % VaR
    // give LRatioPOF 0.46147 and PValuePOF 0.49694.
    double lr = HaircutBacktest.kupiecLr(1043, 57, 0.05);
    assertPrinted(lr, "0.46147");
    assertPrinted(HaircutBacktest.chiSquare1Survival(lr), "0.49694");
  }

  @Test
  void chiSquarePValues() {
    // The 95 % critical value of chi-squared(1) leaves 0.05 above it; LR 0 leaves 1.
    assertThat(HaircutBacktest.chiSquare1Survival(HaircutBacktest.CRITICAL_95)).isCloseTo(0.05, within(1e-6));
    assertThat(HaircutBacktest.chiSquare1Survival(0)).isCloseTo(1, within(1e-6));
    assertPrinted(HaircutBacktest.chiSquare1Survival(1.956810), "0.161855");
    assertPrinted(HaircutBacktest.chiSquare1Survival(12.955491), "0.000319");
  }

  @Test
  void baselZonesFollowTheBinomialTable() {
    // BCBS 1996, Table 1: at 250 observations of a 99 % measure the cumulative binomial probability is 89.22 %
    // at 4 exceptions, 95.88 % at 5 (yellow from 95 %), 99.97 % at 9 and 99.99 % at 10 (red from 99.99 %).
    assertThat(HaircutBacktest.Zone.of(0)).isEqualTo(HaircutBacktest.Zone.GREEN);
    assertThat(HaircutBacktest.Zone.of(4)).isEqualTo(HaircutBacktest.Zone.GREEN);
    assertThat(HaircutBacktest.Zone.of(5)).isEqualTo(HaircutBacktest.Zone.YELLOW);
    assertThat(HaircutBacktest.Zone.of(9)).isEqualTo(HaircutBacktest.Zone.YELLOW);
    assertThat(HaircutBacktest.Zone.of(10)).isEqualTo(HaircutBacktest.Zone.RED);
    assertThat(binomialCdf(4)).isCloseTo(0.8922, within(5e-5));
    assertThat(binomialCdf(5)).isCloseTo(0.9588, within(5e-5));
    assertThat(binomialCdf(9)).isCloseTo(0.9997, within(5e-5));
    assertThat(binomialCdf(10)).isCloseTo(0.9999, within(5e-5));
  }

  /** P(X ≤ k), X ~ Binomial(250, 0.01). */
  private static double binomialCdf(int k) {
    double term = Math.pow(0.99, 250);
    double sum = term;
    for (int i = 1; i <= k; i++) {
      term *= (250.0 - i + 1) / i * 0.01 / 0.99;
      sum += term;
    }
    return sum;
  }

  @Test
  void aCrashCountedByHand() {
    // Tested days 10, 20, ..., 60 (day 70 has no close 10 days ahead): T = 6. Before the crash every 10-day fall
    // is 0 (even days close at 100, and so do the days 10 later); day 60 closes at 100 and day 70 at 50: fall 0.5.
    // The haircut set on day 60 uses closes 1..60 only (59 returns of ±ln 1.04): 0.290964 < 0.5, one exceedance.
    HaircutBacktest.Output r = backtest(crashSeries());
    assertThat(r.windows()).extracting(HaircutBacktest.Window::day).containsExactly(10, 20, 30, 40, 50, 60);
    assertThat(r.windows()).extracting(HaircutBacktest.Window::fall).containsExactly(0.0, 0.0, 0.0, 0.0, 0.0, 0.5);
    assertThat(r.windows().get(0).haircut()).isEqualByComparingTo("0.304137");
    assertThat(r.windows().get(5).haircut()).isEqualByComparingTo("0.290964");
    assertThat(r.observations()).isEqualTo(6);
    assertThat(r.exceedances()).isEqualTo(1);
    // LR = -2 [5 ln 0.99 + ln 0.01] + 2 [5 ln(5/6) + ln(1/6)] = 3.904109 > 3.841: rejected, too many.
    assertPrinted(r.lrPof().getAsDouble(), "3.904109");
    assertPrinted(r.pValue().getAsDouble(), "0.048168");
    assertThat(r.verdict()).isEqualTo(HaircutBacktest.Verdict.REJECTED_TOO_MANY);
    assertThat(r.zone()).isEmpty();
  }

  @Test
  void noLookAhead() {
    // The haircut of day 60 is the same whatever comes after it: set from closes up to day 60 only.
    List<Double> calm = new ArrayList<>(crashSeries().subList(0, 70));
    calm.addAll(List.of(100.0, 104.0, 100.0, 104.0, 100.0, 104.0, 100.0, 104.0, 100.0, 104.0));
    HaircutBacktest.Output r = backtest(calm);
    assertThat(r.windows().get(5).haircut()).isEqualByComparingTo("0.290964");
    assertThat(r.exceedances()).isZero();
    // Six windows without an exceedance: LR = -2 x 6 ln 0.99 = 0.120604, not rejected.
    assertPrinted(r.lrPof().getAsDouble(), "0.120604");
    assertThat(r.verdict()).isEqualTo(HaircutBacktest.Verdict.NOT_REJECTED);
  }

  @Test
  void anyHaircutRuleCanBeTested() {
    // A fixed haircut of 0.4 on the crash series: the same six windows, day 60's fall 0.5 > 0.4, x = 1.
    List<Integer> asked = new ArrayList<>();
    HaircutBacktest.Output fixed = HaircutBacktest.run(crashSeries(), day -> {
      asked.add(day);
      return new BigDecimal("0.4");
    }, 10, 10, 0.01);
    assertThat(asked).containsExactly(10, 20, 30, 40, 50, 60);
    assertThat(fixed.exceedances()).isEqualTo(1);
    assertPrinted(fixed.lrPof().getAsDouble(), "3.904109");
    // A haircut of 0.5 is not exceeded by a fall of exactly 0.5 (exceedance: fall > haircut).
    assertThat(HaircutBacktest.run(crashSeries(), day -> new BigDecimal("0.5"), 10, 10, 0.01).exceedances()).isZero();
  }

  @Test
  void fewerThanSixtyClosesIsInsufficientHistory() {
    HaircutBacktest.Output r = backtest(crashSeries().subList(0, 59));
    assertThat(r.verdict()).isEqualTo(HaircutBacktest.Verdict.INSUFFICIENT_HISTORY);
    assertThat(r.observations()).isZero();
    assertThat(r.lrPof()).isEmpty();
    assertThat(r.pValue()).isEmpty();
    assertThat(backtest(crashSeries().subList(0, 60)).observations()).isEqualTo(4);
  }

  @Test
  void zoneOnTheLatest250Windows() {
    // 2,511 calm closes: windows on days 10, 20, ..., 2,500 = 250 windows, no exceedance: green, and Kupiec rejects
    // as too few (LR 5.025168).
    List<Double> prices = new ArrayList<>();
    for (int i = 0; i < 2511; i++) {
      prices.add(i % 2 == 0 ? 100.0 : 104.0);
    }
    HaircutBacktest.Output r = backtest(prices);
    assertThat(r.observations()).isEqualTo(250);
    assertThat(r.zone()).contains(HaircutBacktest.Zone.GREEN);
    assertPrinted(r.lrPof().getAsDouble(), "5.025168");
    assertThat(r.verdict()).isEqualTo(HaircutBacktest.Verdict.REJECTED_TOO_FEW);
  }

  @Test
  void volumesAreAveragedOverEachDaysWindow() {
    // Volume 50 a day, 250 pledged: 25 days to sell, every haircut x sqrt(2.5) (the liquidity add-on):
    // day 60: 0.290964 x 1.581139 = 0.460054.
    List<Double> volumes = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      volumes.add(50.0);
    }
    HaircutBacktest.Output r = HaircutBacktest.run(
        new HaircutBacktest.Input(crashSeries(), Optional.of(volumes), 250, new BigDecimal("0.1"), TERMS));
    assertThat(r.windows().get(5).haircut().doubleValue()).isCloseTo(0.460054, within(2e-6));
    assertThat(r.exceedances()).isEqualTo(1);
  }

  @Test
  void badInputNamesTheField() {
    assertBadField(() -> HaircutBacktest.run(new HaircutBacktest.Input(crashSeries(), Optional.of(List.of(1.0)), 1,
        new BigDecimal("0.1"), TERMS)), "volumes", "has 1 values for 80 prices; give one volume per day, or leave volumes out");
    assertBadField(() -> backtest(List.of(100.0, 0.0)), "prices[1]", "must be a positive price, got 0.0");
  }
}
