package org.liangshan.finance.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.liangshan.core.method.CollateralHaircut;
import org.liangshan.core.param.ParameterSet;

/**
 * The haircut of a pledged right from the prices of its own instrument ({@link Instrument}: right type,
 * subject, zone or registry) on the platform, through core's {@link CollateralHaircut} (parameters {@code
 * collateral.volatility.*}, {@code collateral.liquidity.*}):
 *
 * <pre>
 * daily price Pₜ       = Σ p·q / Σ q of the day's trades of the instrument (silver.trades), days with trades in the window
 * average daily volume = Σ q of the window's trades ÷ the window's weekdays (days without trades count as 0)
 * haircut              = CollateralHaircut: σ × z × √T_M scaled by √(max(T_M, days to sell) / T_M), floored and capped
 * </pre>
 *
 * The window is the last {@code window_trading_days} weekdays ending on the valuation date ({@link
 * PriceHistory#windowStart}). With fewer than {@code min_returns} daily returns the market is too thin to
 * measure and the cap applies (never less than a liquid market of the same type gets); {@link
 * Result#basis()} says which bound applied.
 */
public final class VolatilityHaircut {
  private VolatilityHaircut() {}

  public static final String VOLATILITY = "volatility";
  public static final String FLOOR = "floor";
  public static final String CAP = "cap";
  public static final String THIN = "thin_market";
  public static final String CONFIGURED = "configured";

  /** The window and core's haircut terms, from the parameter set. */
  public record Terms(int windowTradingDays, CollateralHaircut.Terms haircut) {
    public Terms {
      requireNonNull(haircut, "haircut is null");
      if (windowTradingDays < 2) {
        throw new IllegalArgumentException("Invalid collateral.volatility.window_trading_days (must be at least 2): "
            + windowTradingDays);
      }
    }

    public static Terms of(ParameterSet p) {
      return new Terms((int) p.number("collateral.volatility.window_trading_days"), CollateralHaircut.Terms.of(p));
    }
  }

  /** A day's volume-weighted price and volume. */
  public record DailyPrice(LocalDate date, BigDecimal priceYuan, int trades, double volume) {}

  /**
   * The haircut and everything it comes from. {@code measured} is empty only for {@link #configured} (no series
   * considered); {@code liquidationDays} is the liquidity horizon N (days).
   */
  public record Result(String series, LocalDate windowStart, LocalDate windowEnd, int windowTradingDays,
      List<DailyPrice> prices, double averageDailyVolume, double pledgedQuantity, BigDecimal configured,
      Optional<CollateralHaircut.Terms> terms, Optional<CollateralHaircut.Output> measured, BigDecimal haircut,
      String note) {
    public Result {
      requireNonNull(series, "series is null");
      requireNonNull(configured, "configured is null");
      requireNonNull(terms, "terms is null");
      requireNonNull(measured, "measured is null");
      requireNonNull(haircut, "haircut is null");
      requireNonNull(note, "note is null");
      prices = List.copyOf(prices);
    }

    public int returns() {
      return measured.map(CollateralHaircut.Output::returns).orElse(0);
    }

    public Optional<Double> sigmaDaily() {
      return measured.flatMap(m -> boxed(m.sigmaDaily()));
    }

    public Optional<Double> sigmaAnnual() {
      return measured.flatMap(m -> boxed(m.sigmaAnnual()));
    }

    public double confidence() {
      return terms.map(CollateralHaircut.Terms::confidence).orElse(0.0);
    }

    public double z() {
      return measured.map(CollateralHaircut.Output::z).orElse(0.0);
    }

    /** The liquidity horizon N: max(base holding days, days to sell the pledge). */
    public int liquidationDays() {
      return measured.map(CollateralHaircut.Output::liquidityHorizonDays).orElse(0);
    }

    public int tradingDaysPerYear() {
      return terms.map(CollateralHaircut.Terms::tradingDaysPerYear).orElse(0);
    }

    /** σ × z × √T_M, before the liquidity scaling. */
    public Optional<BigDecimal> volatilityHaircut() {
      return measured.flatMap(CollateralHaircut.Output::volatilityHaircut);
    }

    /** H_liq − H_vol; 0 in a thin market and for the configured haircut. */
    public BigDecimal liquidityAddon() {
      return measured.map(CollateralHaircut.Output::liquidityAddon).orElse(BigDecimal.ZERO);
    }

    public BigDecimal cap() {
      return terms.map(CollateralHaircut.Terms::cap).orElse(configured);
    }

    /** volatility, floor, cap, thin_market, or configured (no series considered). */
    public String basis() {
      if (measured.isEmpty()) {
        return CONFIGURED;
      }
      return switch (measured.get().basis()) {
        case MEASURED -> VOLATILITY;
        case FLOOR -> FLOOR;
        case CAP -> CAP;
        case THIN_MARKET -> THIN;
      };
    }

    public boolean thinMarket() {
      return measured.map(CollateralHaircut.Output::thinMarket).orElse(false);
    }

    private static Optional<Double> boxed(OptionalDouble x) {
      return x.isPresent() ? Optional.of(x.getAsDouble()) : Optional.empty();
    }
  }

  /** The configured haircut alone (no price series considered), e.g. for a valuation without trades. */
  public static Result configured(String series, BigDecimal configured) {
    return new Result(series, null, null, 0, List.of(), 0, 0, configured, Optional.empty(), Optional.empty(), configured,
        "configured haircut of the right type");
  }

  /** The daily volume-weighted prices of the trades dated in [start, end], in date order. */
  public static List<DailyPrice> dailyPrices(List<PriceHistory.Trade> trades, LocalDate start, LocalDate end) {
    Map<LocalDate, BigDecimal[]> days = new TreeMap<>();
    for (PriceHistory.Trade t : trades) {
      if (t.date().isBefore(start) || t.date().isAfter(end) || t.quantity() <= 0) {
        continue;
      }
      BigDecimal q = BigDecimal.valueOf(t.quantity());
      BigDecimal[] s = days.computeIfAbsent(t.date(), d -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
      s[0] = s[0].add(t.priceYuan().multiply(q));
      s[1] = s[1].add(q);
      s[2] = s[2].add(BigDecimal.ONE);
    }
    List<DailyPrice> result = new ArrayList<>();
    days.forEach((d, s) -> result.add(new DailyPrice(d, s[0].divide(s[1], MathContext.DECIMAL128), s[2].intValue(),
        s[1].doubleValue())));
    return List.copyOf(result);
  }

  /** The haircut of {@code pledgedQuantity} of an instrument from its trades ({@code series} names the instrument). */
  public static Result compute(String series, List<PriceHistory.Trade> trades, LocalDate date, BigDecimal configured,
      double pledgedQuantity, Terms terms) {
    LocalDate start = PriceHistory.windowStart(date, terms.windowTradingDays());
    List<DailyPrice> prices = dailyPrices(trades, start, date);
    double volume = prices.stream().mapToDouble(DailyPrice::volume).sum();
    double adv = volume / terms.windowTradingDays();
    CollateralHaircut.Terms t = terms.haircut();
    CollateralHaircut.Output out = CollateralHaircut.compute(new CollateralHaircut.Input(
        prices.stream().map(p -> p.priceYuan().doubleValue()).toList(), OptionalDouble.of(adv), pledgedQuantity, configured, t));
    String window = prices.size() + " trading days with trades of " + series + " from " + start + " to " + date;
    String note;
    if (out.thinMarket()) {
      note = "thin market: " + out.returns() + " daily returns (" + window + ") < " + t.minReturns()
          + ": volatility not measured; the cap " + plain(out.haircut()) + " applies (never less than a liquid market gets)";
    } else {
      String days = out.daysToSell().isPresent() ? String.valueOf(out.daysToSell().getAsLong()) : "?";
      note = "sigma " + round(out.sigmaAnnual().getAsDouble()) + " a year (daily " + round(out.sigmaDaily().getAsDouble()) + ", "
          + out.returns() + " returns, " + window + ") x z " + round(out.z()) + " (" + plain(BigDecimal.valueOf(t.confidence()))
          + ") x sqrt(" + t.baseHoldingDays() + ") = volatility " + plain(out.volatilityHaircut().get()) + "; selling "
          + round(pledgedQuantity) + " at " + plain(BigDecimal.valueOf(t.participationRate())) + " of the average daily volume "
          + round(adv) + " takes " + days + " days: x sqrt(" + out.liquidityHorizonDays() + "/" + t.baseHoldingDays()
          + "), liquidity add-on " + plain(out.liquidityAddon()) + switch (out.basis()) {
            case FLOOR -> "; below the configured haircut " + plain(configured) + ", which applies";
            case CAP -> "; capped at " + plain(t.cap());
            case MEASURED, THIN_MARKET -> "";
          };
    }
    return new Result(series, start, date, terms.windowTradingDays(), prices, adv, pledgedQuantity, configured,
        Optional.of(t), Optional.of(out), out.haircut(), note);
  }

  private static String round(double x) {
    return BigDecimal.valueOf(x).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }

  private static String plain(BigDecimal x) {
    return x.stripTrailingZeros().toPlainString();
  }
}
