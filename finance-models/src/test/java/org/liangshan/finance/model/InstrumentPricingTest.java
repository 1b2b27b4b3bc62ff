package org.liangshan.finance.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.liangshan.core.param.ParameterSet;

/**
 * A pledge is priced, and its haircut measured, from its own instrument's trades only (issue 15, item 4), and a
 * thin market never gets a smaller haircut than a liquid one of the same type (item 5).
 */
class InstrumentPricingTest {
  private static final ParameterSet PARAMS = FinanceParameters.complete(ParameterSet.defaults());
  private static final CollateralParameters CONFIG = CollateralParameters.of(PARAMS);
  /** A Friday. */
  private static final LocalDate DATE = LocalDate.of(2024, 6, 28);

  private static List<LocalDate> weekdays(int count) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = DATE; days.size() < count; d = d.minusDays(1)) {
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        days.add(0, d);
      }
    }
    return days;
  }

  private static CollateralBook.Right right(String id, String type, String zone, String subject) {
    return new CollateralBook.Right(id, type, zone, subject, Optional.empty());
  }

  /**
   * The case on the Liyang demo: discharge-right trades of COD (median 5,390) and NH3-N (median 10,067)
   * every weekday, COD 10 t/a a day and NH3-N 2.92 t/a, so that the pooled series' volume-weighted average is
   * (5,390 × 10 + 10,067 × 2.92) / 12.92 = 6,447: the price both rights were valued at when the series pooled
   * subjects.
   */
  @Test
  void dischargeRightsArePricedEachFromItsOwnSubject() {
    Instrument.Series series = new Instrument.Series();
    List<PriceHistory.Trade> pooled = new ArrayList<>();
    int n = 0;
    for (LocalDate day : weekdays(60)) {
      PriceHistory.Trade cod = new PriceHistory.Trade("c" + n, day, "discharge_right", 10, new BigDecimal("5390"));
      PriceHistory.Trade nh3n = new PriceHistory.Trade("n" + n++, day, "discharge_right", 2.92, new BigDecimal("10067"));
      series.add(new Instrument("discharge_right", "COD", Optional.empty()), cod);
      series.add(new Instrument("discharge_right", "氨氮", Optional.empty()), nh3n);
      pooled.add(cod);
      pooled.add(nh3n);
    }
    // What the pooled series gave (the former valuation): 6,447.
    BigDecimal pooledAverage = PriceHistory.quote(pooled, DATE, 20, 5, Optional.empty()).marketAverage().orElseThrow();
    assertThat(pooledAverage.round(new MathContext(4))).isEqualByComparingTo("6447");

    InstrumentPricing pricing = new InstrumentPricing(series, Map.of(), CONFIG, DATE);
    CollateralBook.Right cod = right("DR-COD", "discharge_right", "LY-WFZ-01", "COD");
    CollateralBook.Right nh3n = right("DR-NH3N", "discharge_right", "LY-WFZ-01", "NH3-N");
    assertThat(pricing.instrumentOf(cod).name()).isEqualTo("discharge_right COD (registry)");
    assertThat(pricing.instrumentOf(nh3n).name()).isEqualTo("discharge_right NH3-N (registry)");
    PriceHistory.Quote codQuote = pricing.quote(cod);
    PriceHistory.Quote nh3nQuote = pricing.quote(nh3n);
    assertThat(codQuote.source()).isEqualTo("market");
    assertThat(codQuote.marketAverage().orElseThrow()).isEqualByComparingTo("5390");
    assertThat(codQuote.tradesInWindow()).isEqualTo(20);
    assertThat(nh3nQuote.marketAverage().orElseThrow()).isEqualByComparingTo("10067");
    assertThat(nh3nQuote.marketSpot().orElseThrow()).isEqualByComparingTo("10067");
    // The haircut measures the subject's own series (flat prices: the configured floor 0.15 of discharge rights).
    VolatilityHaircut.Result h = pricing.of(cod, 1, new BigDecimal("0.15"));
    assertThat(h.series()).isEqualTo("discharge_right COD (registry)");
    assertThat(h.prices()).hasSize(60);
    assertThat(h.haircut()).isEqualByComparingTo("0.15");
    // A TP discharge right has no series of its own: a thin market, never COD's or NH3-N's prices.
    PriceHistory.Quote tp = pricing.quote(right("DR-TP", "discharge_right", "LY-WFZ-01", "TP"));
    assertThat(tp.tradesInWindow()).isZero();
    assertThat(tp.source()).isEqualTo("none");
  }

  /**
   * Issue 15's units: a TP eco-voucher trades around 1.4 × 10⁷ yuan per t/a, and its auction cleared at 15,670 yuan per
   * kg/a. Five trades per t/a at 15,670,000 and one recorded per kg/a (2 kg/a at 15,670) are one price: converted
   * once, the kg/a trade is 0.002 t/a at 15,670,000 per t/a and the series' average and spot stay 15,670,000. Pooled
   * raw, the same six trades would average (5 × 0.01 × 15,670,000 + 2 × 15,670) / 2.05 = 397,482.93 per "unit".
   */
  @Test
  void aTradeQuotedPerKilogramAYearEntersATonnesAYearSeriesConvertedNotPooledRaw() {
    List<PriceHistory.Trade> trades = new ArrayList<>();
    List<LocalDate> days = weekdays(6);
    for (int i = 0; i < 5; i++) {
      trades.add(PriceHistory.Trade.inQuoteUnit("t" + i, days.get(i), "eco_voucher", 0.01, new BigDecimal("15670000"),
          Optional.of("t/a")));
    }
    PriceHistory.Trade perKilogram = PriceHistory.Trade.inQuoteUnit("k", days.get(5), "eco_voucher", 2,
        new BigDecimal("15670"), Optional.of("kg/a"));
    assertThat(perKilogram.quantity()).isEqualTo(0.002);
    assertThat(perKilogram.priceYuan()).isEqualByComparingTo("15670000");
    trades.add(perKilogram);
    // A row without a unit (loaded before trades stated theirs) is in the quote unit, as it was.
    assertThat(PriceHistory.Trade.inQuoteUnit("e", DATE, "eco_voucher", 0.01, new BigDecimal("15670000"), Optional.empty()))
        .isEqualTo(new PriceHistory.Trade("e", DATE, "eco_voucher", 0.01, new BigDecimal("15670000")));

    Instrument.Series series = new Instrument.Series();
    trades.forEach(t -> series.add(new Instrument("eco_voucher", "TP", Optional.empty()), t));
    PriceHistory.Quote quote = new InstrumentPricing(series, Map.of(), CONFIG, DATE)
        .quote(right("V1", "eco_voucher", "LY-WFZ-01", "TP"));
    assertThat(quote.tradesInWindow()).isEqualTo(6);
    assertThat(quote.marketAverage().orElseThrow()).isEqualByComparingTo("15670000");
    assertThat(quote.marketSpot().orElseThrow()).isEqualByComparingTo("15670000");
    // What pooling the recorded figures raw would have given.
    List<PriceHistory.Trade> raw = new ArrayList<>(trades.subList(0, 5));
    raw.add(new PriceHistory.Trade("k", days.get(5), "eco_voucher", 2, new BigDecimal("15670")));
    assertThat(PriceHistory.quote(raw, DATE, 20, 5, Optional.empty()).marketAverage().orElseThrow()
        .round(new MathContext(8))).isEqualByComparingTo("397482.93");
  }

  @Test
  void aTradeWhoseUnitDoesNotConvertToItsQuoteUnitIsRefusedNamingIt() {
    assertThatThrownBy(() -> PriceHistory.Trade.inQuoteUnit("x1", DATE, "eco_voucher", 1, new BigDecimal("95"),
        Optional.of("tCO2e")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Trade x1 is in tCO2e, which does not convert to t/a, the unit eco_voucher trades are quoted in:"
            + " correct its unit (单位) in silver.trades");
    assertThatThrownBy(() -> PriceHistory.Trade.inQuoteUnit("x2", DATE, "carbon_quota", 1, new BigDecimal("95"),
        Optional.of("斤")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Trade x2 states the unit '斤', which is not a known unit");
  }

  @Test
  void aZoneSeriesWinsOverTheRegistryForRightsOfThatZone() {
    Instrument.Series series = new Instrument.Series();
    series.add(new Instrument("eco_voucher", "TP", Optional.of("LY-WFZ-02")),
        new PriceHistory.Trade("z", DATE, "eco_voucher", 1, new BigDecimal("2000000")));
    series.add(new Instrument("eco_voucher", "TP", Optional.empty()),
        new PriceHistory.Trade("r", DATE, "eco_voucher", 1, new BigDecimal("1000000")));
    InstrumentPricing pricing = new InstrumentPricing(series, Map.of(), CONFIG, DATE);
    assertThat(pricing.instrumentOf(right("A", "eco_voucher", "LY-WFZ-02", "TP")).name()).isEqualTo("eco_voucher TP zone LY-WFZ-02");
    assertThat(pricing.instrumentOf(right("B", "eco_voucher", "LY-WFZ-01", "TP")).name()).isEqualTo("eco_voucher TP (registry)");
  }

  @Test
  void aThinMarketIsValuedAtTheLowerOfBenchmarkAndLastTradeFlagged() {
    List<PriceHistory.Trade> one = List.of(new PriceHistory.Trade("v1", LocalDate.of(2024, 6, 20), "eco_voucher", 1,
        new BigDecimal("900000")));
    PriceHistory.Quote belowBenchmark = PriceHistory.quote(one, DATE, 20, 5,
        Optional.of(new PriceHistory.Benchmark(new BigDecimal("1000000"), "gold.benchmark_prices 2024 LY-WFZ-01 TP")));
    assertThat(belowBenchmark.source()).isEqualTo("last_trade:v1 2024-06-20");
    assertThat(belowBenchmark.spotForValuation().orElseThrow()).isEqualByComparingTo("900000");
    assertThat(belowBenchmark.note()).contains("thin market", "valued at the last trade 900000 of 2024-06-20, below the benchmark 1000000");
    PriceHistory.Quote aboveBenchmark = PriceHistory.quote(one, DATE, 20, 5,
        Optional.of(new PriceHistory.Benchmark(new BigDecimal("800000"), "b")));
    assertThat(aboveBenchmark.source()).isEqualTo("benchmark:b");
    assertThat(aboveBenchmark.averageForValuation().orElseThrow()).isEqualByComparingTo("800000");
    assertThat(PriceHistory.quote(List.of(), DATE, 20, 5, Optional.empty()).spotForValuation()).isEmpty();
  }

  /**
   * Over a fixture shaped like the demo's market (MarketFamily: carbon quota 82-92 yuan at 1.5 % daily
   * volatility, sink credits 42-45 at 1.2 %, eco-vouchers per pollutant at 0.6 %, discharge rights COD 5,200-5,500
   * and NH3-N 9,800-10,000 at 0.8 %, a trade every weekday), with pledges from a tenth of a day's volume to many
   * days of it: every thin or empty market of a type gets at least the largest haircut of a liquid one.
   */
  @Test
  void aThinMarketNeverGetsASmallerHaircutThanALiquidOneOfTheSameType() {
    record Shape(String type, String subject, double price, double volatility, double quantity) {}
    List<Shape> shapes = List.of(new Shape("carbon_quota", "CO2", 87, 0.015, 5000),
        new Shape("carbon_sink_credit", "CO2", 43, 0.012, 1000), new Shape("eco_voucher", "COD", 25000, 0.006, 2),
        new Shape("eco_voucher", "TP", 1.4e7, 0.006, 0.05), new Shape("discharge_right", "COD", 5390, 0.008, 20),
        new Shape("discharge_right", "NH3-N", 10067, 0.008, 4));
    SplittableRandom random = new SplittableRandom(2024);
    Instrument.Series series = new Instrument.Series();
    int n = 0;
    for (Shape s : shapes) {
      double price = s.price();
      for (LocalDate day : weekdays(80)) {
        price *= Math.exp(s.volatility() * random.nextGaussian());
        series.add(new Instrument(s.type(), s.subject(), Optional.empty()),
            new PriceHistory.Trade("t" + n++, day, s.type(), s.quantity() * (0.5 + random.nextDouble()), BigDecimal.valueOf(price)));
      }
      // The same type's thin market: three trades of another subject (a zone-less subject nobody else trades).
      for (LocalDate day : weekdays(3)) {
        series.add(new Instrument(s.type(), "THIN", Optional.empty()),
            new PriceHistory.Trade("t" + n++, day, s.type(), s.quantity(), BigDecimal.valueOf(s.price())));
      }
    }
    InstrumentPricing pricing = new InstrumentPricing(series, Map.of(), CONFIG, DATE);
    Map<String, BigDecimal> liquidMax = new HashMap<>();
    Map<String, BigDecimal> thinMin = new HashMap<>();
    for (Shape s : shapes) {
      BigDecimal configured = PARAMS.decimal("collateral.right_types." + s.type() + ".haircut");
      for (double days : List.of(0.1, 1.0, 5.0, 20.0, 100.0)) {
        double quantity = s.quantity() * days;
        VolatilityHaircut.Result liquid = pricing.of(right("L", s.type(), null, s.subject()), quantity, configured);
        assertThat(liquid.thinMarket()).as(s.toString()).isFalse();
        liquidMax.merge(s.type(), liquid.haircut(), BigDecimal::max);
        for (String subject : List.of("THIN", "NEVER-TRADED")) {
          VolatilityHaircut.Result thin = pricing.of(right("T", s.type(), null, subject), quantity, configured);
          assertThat(thin.thinMarket()).isTrue();
          thinMin.merge(s.type(), thin.haircut(), BigDecimal::min);
        }
      }
    }
    assertThat(liquidMax.keySet()).containsExactlyInAnyOrder("carbon_quota", "carbon_sink_credit", "eco_voucher", "discharge_right");
    liquidMax.forEach((type, max) -> assertThat(thinMin.get(type)).as(type).isGreaterThanOrEqualTo(max));
    // And the pledge 100 days of volume big gets a liquidity add-on: its haircut exceeds the one-tenth-day pledge's.
    BigDecimal small = pricing.of(right("L", "carbon_quota", null, "CO2"), 500, new BigDecimal("0")).haircut();
    BigDecimal large = pricing.of(right("L", "carbon_quota", null, "CO2"), 500_000, new BigDecimal("0")).haircut();
    assertThat(large).isGreaterThan(small);
  }
}
