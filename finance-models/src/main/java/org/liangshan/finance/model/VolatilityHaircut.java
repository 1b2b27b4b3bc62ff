package org.liangshan.finance.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.liangshan.core.param.ParameterSet;

/**
 * The haircut of a pledged right from the observed volatility of the platform's own prices of its type
 * (parameters {@code collateral.volatility.*}):
 *
 * <pre>
 * daily price Pₜ   = Σ p·q / Σ q of the day's trades (silver.trades), trading days with trades in the window
 * return rₜ        = ln(Pₜ / Pₜ₋₁) between consecutive such days
 * σ (annualised)   = sample standard deviation of the returns (n − 1) × √(trading_days_per_year)
 * volatility cut   = σ × z(confidence) × √(liquidation_days / trading_days_per_year)
 * haircut          = max(configured haircut of the right type, min(cap, volatility cut)), to 6 decimals
 * </pre>
 *
 * The window is the last {@code window_trading_days} weekdays ending on the valuation date ({@link
 * PriceHistory#windowStart}). z is the standard normal quantile of the one-sided confidence (Acklam's
 * rational approximation, relative error below 1.2 × 10⁻⁹). With fewer than {@code min_returns} returns the
 * market is too thin to measure and the configured haircut is used; {@link Result#basis()} says which
 * applied. The configured haircut is a floor the cap never undercuts.
 */
public final class VolatilityHaircut {
  private VolatilityHaircut() {}

  public static final String VOLATILITY = "volatility";
  public static final String FLOOR = "floor";
  public static final String CAP = "cap";
  public static final String THIN = "thin_market";
  public static final String CONFIGURED = "configured";

  /** The terms from the parameter set. */
  public record Terms(int windowTradingDays, int minReturns, double confidence, int liquidationDays, BigDecimal cap,
      int tradingDaysPerYear) {
    public static Terms of(ParameterSet p) {
      return new Terms((int) p.number("collateral.volatility.window_trading_days"),
          (int) p.number("collateral.volatility.min_returns"), p.number("collateral.volatility.confidence"),
          (int) p.number("collateral.volatility.liquidation_days"), p.decimal("collateral.volatility.cap"),
          (int) p.number("collateral.volatility.trading_days_per_year"));
    }
  }

  /** A day's volume-weighted price. */
  public record DailyPrice(LocalDate date, BigDecimal priceYuan, int trades) {}

  /** The haircut and everything it comes from. */
  public record Result(String series, LocalDate windowStart, LocalDate windowEnd, int windowTradingDays,
      List<DailyPrice> prices, int returns, Optional<Double> sigmaDaily, Optional<Double> sigmaAnnual, double confidence,
      double z, int liquidationDays, int tradingDaysPerYear, Optional<BigDecimal> volatilityHaircut, BigDecimal configured,
      BigDecimal cap, BigDecimal haircut, String basis, String note) {
    public Result {
      requireNonNull(series, "series is null");
      requireNonNull(haircut, "haircut is null");
      prices = List.copyOf(prices);
    }
  }

  /** The configured haircut alone (no price series considered), e.g. for a valuation without trades. */
  public static Result configured(String series, BigDecimal configured) {
    return new Result(series, null, null, 0, List.of(), 0, Optional.empty(), Optional.empty(), 0, 0, 0, 0,
        Optional.empty(), configured, configured, configured, CONFIGURED, "configured haircut of the right type");
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
    days.forEach((d, s) -> result.add(new DailyPrice(d, s[0].divide(s[1], MathContext.DECIMAL128), s[2].intValue())));
    return List.copyOf(result);
  }

  public static Result compute(String series, List<PriceHistory.Trade> trades, LocalDate date, BigDecimal configured,
      Terms terms) {
    LocalDate start = PriceHistory.windowStart(date, terms.windowTradingDays());
    List<DailyPrice> prices = dailyPrices(trades, start, date);
    double z = normalQuantile(terms.confidence());
    int n = Math.max(0, prices.size() - 1);
    String window = prices.size() + " trading days with trades from " + start + " to " + date;
    if (n < terms.minReturns()) {
      return new Result(series, start, date, terms.windowTradingDays(), prices, n, Optional.empty(), Optional.empty(),
          terms.confidence(), z, terms.liquidationDays(), terms.tradingDaysPerYear(), Optional.empty(), configured,
          terms.cap(), configured, THIN, "thin market: " + n + " daily returns (" + window + ") < " + terms.minReturns()
              + ": volatility not measured, the configured haircut " + plain(configured) + " of the right type is used");
    }
    double[] r = new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      r[i] = Math.log(prices.get(i + 1).priceYuan().doubleValue() / prices.get(i).priceYuan().doubleValue());
      mean += r[i];
    }
    mean /= n;
    double ss = 0;
    for (double x : r) {
      ss += (x - mean) * (x - mean);
    }
    double sigmaDaily = Math.sqrt(ss / (n - 1));
    double sigmaAnnual = sigmaDaily * Math.sqrt(terms.tradingDaysPerYear());
    double cut = sigmaAnnual * z * Math.sqrt((double) terms.liquidationDays() / terms.tradingDaysPerYear());
    BigDecimal volatility = BigDecimal.valueOf(cut).setScale(6, RoundingMode.HALF_EVEN);
    BigDecimal capped = volatility.min(terms.cap());
    BigDecimal haircut = capped.max(configured);
    String basis = haircut.compareTo(configured) == 0 && configured.compareTo(capped) >= 0 ? FLOOR
        : volatility.compareTo(terms.cap()) > 0 ? CAP : VOLATILITY;
    String note = "sigma " + round(sigmaAnnual) + " a year (daily " + round(sigmaDaily) + ", " + n + " returns, " + window
        + ") x z " + round(z) + " (" + plain(BigDecimal.valueOf(terms.confidence())) + ") x sqrt(" + terms.liquidationDays()
        + "/" + terms.tradingDaysPerYear() + ") = " + plain(volatility) + switch (basis) {
          case FLOOR -> "; below the configured haircut " + plain(configured) + ", which applies";
          case CAP -> "; capped at " + plain(terms.cap());
          default -> "";
        };
    return new Result(series, start, date, terms.windowTradingDays(), prices, n, Optional.of(sigmaDaily),
        Optional.of(sigmaAnnual), terms.confidence(), z, terms.liquidationDays(), terms.tradingDaysPerYear(),
        Optional.of(volatility), configured, terms.cap(), haircut, basis, note);
  }

  /**
   * The standard normal quantile Φ⁻¹(p), 0 &lt; p &lt; 1: P. J. Acklam's rational approximation (relative
   * error below 1.15 × 10⁻⁹).
   */
  public static double normalQuantile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("Invalid confidence (must be in (0, 1)): " + p);
    }
    double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
        -3.066479806614716e+01, 2.506628277459239e+00};
    double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
        -1.328068155288572e+01};
    double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
        4.374664141464968e+00, 2.938163982698783e+00};
    double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
    double low = 0.02425;
    if (p < low) {
      double q = Math.sqrt(-2 * Math.log(p));
      return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - low) {
      double q = Math.sqrt(-2 * Math.log(1 - p));
      return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }

  private static String round(double x) {
    return BigDecimal.valueOf(x).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }

  private static String plain(BigDecimal x) {
    return x.stripTrailingZeros().toPlainString();
  }
}
