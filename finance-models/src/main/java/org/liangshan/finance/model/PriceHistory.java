package org.liangshan.finance.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.liangshan.core.unit.QuoteUnits;
import org.liangshan.market.model.Benchmark;

/**
 * The market price of an instrument ({@link Instrument}) on a valuation date, from its exchange trades (silver.trades).
 *
 * <ul>
 *   <li><b>Spot</b>: the price of the last trade on or before the date (latest date, then the largest
 *       trade id).
 *   <li><b>Window</b>: the last {@code windowTradingDays} trading days ending on the date, trading days
 *       being Monday to Friday (the exchange calendar's holidays are not modelled).
 *   <li><b>Average</b>: the volume-weighted average price of the window's trades, Σ p·q / Σ q.
 *   <li><b>Thin market</b>: fewer than {@code minTrades} trades in the window. The market price is then
 *       not a fair value: the lower of the caller's benchmark (a cost, not a realisable price) and the last
 *       trade (however old) is used for both spot and average, with the source named in {@link
 *       Quote#source()} ({@code benchmark:...} or {@code last_trade:<trade id> <date>}).
 * </ul>
 */
public final class PriceHistory {
  private PriceHistory() {}

  /** Price source prefix of a thin market valued at the benchmark. */
  public static final String BENCHMARK = "benchmark:";

  /** Price source prefix of a thin market valued at the last trade (below the benchmark, or no benchmark). */
  public static final String LAST_TRADE = "last_trade:";

  /**
   * A trade in a price series: {@code quantity} and {@code priceYuan} (yuan per unit) in the unit its right type is
   * quoted in ({@link Instrument#quoteUnit}), so every trade of a series is in one unit. A trade the exchange recorded in
   * another unit enters through {@link #inQuoteUnit}, which converts it once.
   */
  public record Trade(String tradeId, LocalDate date, String rightType, double quantity, BigDecimal priceYuan) {
    public Trade {
      requireNonNull(tradeId, "tradeId is null");
      requireNonNull(date, "date is null");
      requireNonNull(rightType, "rightType is null");
      requireNonNull(priceYuan, "priceYuan is null");
    }

    /**
     * A trade as recorded (silver.trades: {@code quantity} and {@code priceYuan} per {@code unit}), in its right type's
     * quote unit through core's one conversion ({@link QuoteUnits#inQuoteUnit}, which refuses a unit that does not
     * convert, naming the trade): 2 kg/a at 15,670 yuan per kg/a is 0.002 t/a at 15,670,000 yuan per t/a.
     */
    public static Trade inQuoteUnit(String tradeId, LocalDate date, String rightType, double quantity, BigDecimal priceYuan,
        Optional<String> unit) {
      QuoteUnits.Quoted quoted = QuoteUnits.inQuoteUnit(tradeId, rightType, quantity, priceYuan, unit);
      return new Trade(tradeId, date, rightType, quoted.quantity().doubleValue(), quoted.price().yuan());
    }
  }

  /** A named fallback price, e.g. the zone's benchmark or the carbon reference price. */
  public record Benchmark(BigDecimal priceYuan, String source) {
    public Benchmark {
      requireNonNull(priceYuan, "priceYuan is null");
      requireNonNull(source, "source is null");
    }
  }

  /**
   * What the valuation prices with: {@code spotForValuation} and {@code averageForValuation} go into
   * core's Collateral (which takes their minimum); the market observations are kept for the report.
   */
  public record Quote(
      Optional<BigDecimal> marketSpot,
      Optional<BigDecimal> marketAverage,
      int tradesInWindow,
      Optional<BigDecimal> spotForValuation,
      Optional<BigDecimal> averageForValuation,
      String source,
      String note) {}

  /** The first day of a window of {@code tradingDays} weekdays ending on {@code date}. */
  public static LocalDate windowStart(LocalDate date, int tradingDays) {
    LocalDate day = date;
    int counted = isTradingDay(day) ? 1 : 0;
    while (counted < tradingDays) {
      day = day.minusDays(1);
      if (isTradingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  static boolean isTradingDay(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  public static Quote quote(List<Trade> tradesOfInstrument, LocalDate date, int windowTradingDays, int minTrades,
      Optional<Benchmark> benchmark) {
    Optional<Trade> last = tradesOfInstrument.stream()
        .filter(t -> !t.date().isAfter(date))
        .max(Comparator.comparing(Trade::date).thenComparing(Trade::tradeId));
    LocalDate start = windowStart(date, windowTradingDays);
    List<Trade> window = tradesOfInstrument.stream().filter(t -> !t.date().isBefore(start) && !t.date().isAfter(date)).toList();
    Optional<BigDecimal> average = Optional.empty();
    BigDecimal volume = BigDecimal.ZERO;
    BigDecimal value = BigDecimal.ZERO;
    for (Trade t : window) {
      BigDecimal q = BigDecimal.valueOf(t.quantity());
      volume = volume.add(q);
      value = value.add(t.priceYuan().multiply(q));
    }
    if (volume.signum() > 0) {
      average = Optional.of(value.divide(volume, MathContext.DECIMAL128));
    }
    Optional<BigDecimal> spot = last.map(Trade::priceYuan);
    String windowText = window.size() + " trades from " + start + " to " + date;
    if (window.size() >= minTrades && spot.isPresent() && average.isPresent()) {
      return new Quote(spot, average, window.size(), spot, average, "market",
          "min(spot " + spot.get().stripTrailingZeros().toPlainString() + ", " + windowTradingDays + "-day average); " + windowText);
    }
    // A thin market's fallback is the lower of the cost-based benchmark (not a realisable price) and the last
    // trade (a realisable price, however old): never the higher of two prices nobody may pay again.
    String thin = "thin market: " + windowText + " (< " + minTrades + ")";
    Optional<Trade> cheaperTrade = last.filter(t -> benchmark.isEmpty() || t.priceYuan().compareTo(benchmark.get().priceYuan()) < 0);
    if (cheaperTrade.isPresent()) {
      BigDecimal p = cheaperTrade.get().priceYuan();
      return new Quote(spot, average, window.size(), Optional.of(p), Optional.of(p),
          LAST_TRADE + cheaperTrade.get().tradeId() + " " + cheaperTrade.get().date(),
          thin + "; valued at the last trade " + p.stripTrailingZeros().toPlainString() + " of " + cheaperTrade.get().date()
              + benchmark.map(b -> ", below the benchmark " + b.priceYuan().stripTrailingZeros().toPlainString()
                  + " (" + b.source() + ")").orElse(" (no benchmark)"));
    }
    if (benchmark.isPresent()) {
      BigDecimal b = benchmark.get().priceYuan();
      return new Quote(spot, average, window.size(), Optional.of(b), Optional.of(b), BENCHMARK + benchmark.get().source(),
          thin + "; valued at the benchmark " + b.stripTrailingZeros().toPlainString()
              + last.map(t -> ", at or below the last trade " + t.priceYuan().stripTrailingZeros().toPlainString() + " of "
                  + t.date()).orElse(" (no trade)"));
    }
    return new Quote(spot, average, window.size(), Optional.empty(), Optional.empty(), "none", thin + "; no benchmark price and no trade");
  }
}
