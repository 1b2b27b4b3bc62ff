package org.liangshan.finance.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.liangshan.core.method.HaircutBacktest;

/**
 * Does the valuation's haircut hold on an instrument's own history? core's {@link HaircutBacktest} with the
 * valuation's own haircut rule ({@link VolatilityHaircut#compute}) on the instrument's daily closes
 * (docs/methods/haircut-backtest.md, section 6).
 *
 * <pre>
 * closes      = the instrument's daily volume-weighted prices, days with trades, on or before the as-of date
 * haircut_t   = VolatilityHaircut.compute on the trades dated on or before the day of close t (no later trade
 *               is passed: no look-ahead), the valuation's window, floor and cap, for a pledged quantity of 0
 * fall_t      = 1 − close(t + h) / close(t)    h = collateral.volatility.liquidation_days closes
 * tested t    = min_returns, then every h closes (non-overlapping windows); Kupiec POF and the Basel zone as core's
 * </pre>
 *
 * A pledged quantity of 0 needs no liquidity add-on: the tested haircut is the smallest the valuation would
 * give any pledge of the instrument on that day (a larger pledge's is the same or larger), so the backtest tests
 * the volatility promise itself. Fewer than {@link HaircutBacktest#MIN_DAYS} closes: {@link #INSUFFICIENT_HISTORY},
 * listed, never skipped; a right type without a configured haircut: {@link #UNSUPPORTED_RIGHT_TYPE}.
 */
public final class InstrumentBacktest {
  private InstrumentBacktest() {}

  public static final String TESTED = "tested";
  public static final String INSUFFICIENT_HISTORY = "insufficient_history";
  public static final String UNSUPPORTED_RIGHT_TYPE = "unsupported_right_type";

  /** A tested window with its dates: the close it starts on and the close h days later. */
  public record Window(LocalDate from, LocalDate to, BigDecimal haircut, double fall, boolean exceeded) {}

  /** The backtest of one instrument; {@code output} is empty for an unsupported right type. */
  public record Result(Instrument instrument, String status, List<VolatilityHaircut.DailyPrice> closes,
      Optional<BigDecimal> configured, Optional<HaircutBacktest.Output> output, List<Window> windows, int horizonDays,
      double coverage) {
    public Result {
      requireNonNull(instrument, "instrument is null");
      requireNonNull(status, "status is null");
      closes = List.copyOf(closes);
      requireNonNull(configured, "configured is null");
      requireNonNull(output, "output is null");
      windows = List.copyOf(windows);
    }

    public int exceptions() {
      return output.map(HaircutBacktest.Output::exceedances).orElse(0);
    }

    public int observations() {
      return output.map(HaircutBacktest.Output::observations).orElse(0);
    }

    /** Every exception as "from to to: fall f &gt; haircut h", joined by "; ". */
    public String exceedances() {
      return windows.stream().filter(Window::exceeded)
          .map(w -> w.from() + " to " + w.to() + ": fall " + round(w.fall()) + " > haircut " + w.haircut().toPlainString())
          .collect(Collectors.joining("; "));
    }

    public String note() {
      String days = closes.size() + " trading days with trades of " + instrument.name();
      return switch (status) {
        case UNSUPPORTED_RIGHT_TYPE -> days + "; no haircut configured for " + instrument.rightType()
            + " (collateral.right_types): nothing to test";
        case INSUFFICIENT_HISTORY -> days + " < " + HaircutBacktest.MIN_DAYS + " (or no " + horizonDays
            + "-day window to test): insufficient history, not tested";
        default -> days + " from " + closes.get(0).date() + " to " + closes.get(closes.size() - 1).date() + ": "
            + observations() + " non-overlapping " + horizonDays + "-day windows, " + exceptions()
            + " fall(s) above the haircut set on the window's first day (expected " + round(coverage * observations())
            + " at p = " + round(coverage) + ")";
      };
    }
  }

  /**
   * The backtest of {@code instrument} from its trades (any order), as of a date; {@code configured} is the right
   * type's configured haircut, empty when the type has none.
   */
  public static Result run(Instrument instrument, List<PriceHistory.Trade> trades, LocalDate asOf,
      Optional<BigDecimal> configured, VolatilityHaircut.Terms terms) {
    requireNonNull(instrument, "instrument is null");
    requireNonNull(asOf, "asOf is null");
    requireNonNull(configured, "configured is null");
    requireNonNull(terms, "terms is null");
    List<PriceHistory.Trade> known = trades.stream().filter(t -> !t.date().isAfter(asOf)).toList();
    List<VolatilityHaircut.DailyPrice> closes = VolatilityHaircut.dailyPrices(known, LocalDate.MIN, asOf);
    int h = terms.haircut().baseHoldingDays();
    double p = 1 - terms.haircut().confidence();
    if (configured.isEmpty()) {
      return new Result(instrument, UNSUPPORTED_RIGHT_TYPE, closes, configured, Optional.empty(), List.of(), h, p);
    }
    HaircutBacktest.HaircutRule rule = day -> {
      LocalDate on = closes.get(day).date();
      List<PriceHistory.Trade> upToDay = known.stream().filter(t -> !t.date().isAfter(on)).toList();
      return VolatilityHaircut.compute(instrument.name(), upToDay, on, configured.get(), 0, terms).haircut();
    };
    HaircutBacktest.Output out = HaircutBacktest.run(closes.stream().map(c -> c.priceYuan().doubleValue()).toList(), rule,
        terms.haircut().minReturns(), h, p);
    List<Window> windows = new ArrayList<>();
    for (HaircutBacktest.Window w : out.windows()) {
      windows.add(new Window(closes.get(w.day()).date(), closes.get(w.day() + h).date(), w.haircut(), w.fall(), w.exceeded()));
    }
    String status = out.verdict() == HaircutBacktest.Verdict.INSUFFICIENT_HISTORY ? INSUFFICIENT_HISTORY : TESTED;
    return new Result(instrument, status, closes, configured, Optional.of(out), windows, h, p);
  }

  private static String round(double x) {
    return BigDecimal.valueOf(x).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }
}
