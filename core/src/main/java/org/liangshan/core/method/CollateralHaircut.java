package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;

/**
 * The haircut of a pledged right from its own price series (METHODOLOGY.md section 7, "Collateral"):
 * a volatility haircut over the base holding period, scaled up to the days the pledged quantity takes to
 * sell (the liquidity add-on), never below the configured haircut of the right type, at most the cap; a
 * series too thin to measure gets the cap.
 *
 * <pre>
 * rₜ                = ln(Pₜ / Pₜ₋₁) between consecutive daily prices (oldest first)
 * σ_daily           = sample standard deviation of the rₜ (n − 1);  σ_annual = σ_daily × √(trading_days_per_year)
 * H_vol             = σ_daily × z(confidence) × √T_M                       (T_M = base holding period, days)
 * D                 = ⌈pledged quantity ÷ (participation rate × average daily volume)⌉   days to sell
 * N                 = max(T_M, D)                                           liquidity horizon
 * H_liq             = H_vol × √(N / T_M)          liquidity add-on = H_liq − H_vol = H_vol × (√(N / T_M) − 1)
 * haircut           = max(configured, min(cap, H_liq))                     method "volatility"
 * thin market       = fewer than min_returns returns, or no volume: haircut = max(configured, cap), "thin_market"
 * </pre>
 *
 * The form is the Basel II comprehensive approach's own-estimate haircut (BCBS, "International Convergence
 * of Capital Measurement and Capital Standards", June 2006, paragraphs 156–158): a 99th-percentile
 * one-tailed volatility over a minimum holding period, scaled by the square root of time, with the holding
 * period "adjusted upwards ... given the liquidity of the collateral" (para. 158), here to the days the
 * pledge takes to sell at the given share of the market's average daily volume. Because a thin market gets
 * the cap and a liquid market at most the cap, a thin market never gets a smaller haircut than a liquid one
 * of the same right type (same configured haircut).
 *
 * <p>Worked example (asserted in CalcCommandTest, docs/methods/collateral-haircut.md): twelve closes
 * alternating 100, 104 give 11 returns of ±ln(1.04), σ_daily = 0.0409647 (σ_annual 0.647709), z(0.99) =
 * 2.326348, T_M = 10 → H_vol = 0.301359; an average daily volume of 50 at a participation rate of 0.2 sells
 * 10 a day, so 250 pledged take D = 25 days → × √2.5, H_liq = 0.476491, add-on 0.175132; the haircut is
 * 0.476491.
 */
public final class CollateralHaircut {
  private CollateralHaircut() {}

  public static final String VOLATILITY = "volatility";
  public static final String THIN_MARKET = "thin_market";

  /** Which bound set the applied haircut of a measured series. */
  public enum Basis {
    /** The liquidity-scaled volatility haircut. */
    MEASURED,
    /** The configured haircut of the right type, above the measured one. */
    FLOOR,
    /** The cap, below the measured one. */
    CAP,
    /** A thin market: the cap (or the configured haircut when above it). */
    THIN_MARKET
  }

  /**
   * The terms: {@code minReturns} daily returns at least to measure, one-sided {@code confidence}, base
   * holding period {@code baseHoldingDays} (T_M), the {@code cap}, {@code tradingDaysPerYear} to annualise
   * σ, and the {@code participationRate}: the share of the average daily volume a liquidation may sell a day.
   */
  public record Terms(int minReturns, double confidence, int baseHoldingDays, BigDecimal cap, int tradingDaysPerYear,
      double participationRate) {
    public Terms {
      requireNonNull(cap, "cap is null");
      if (minReturns < 2) {
        throw new IllegalArgumentException("Invalid min_returns (must be at least 2): " + minReturns);
      }
      if (!(confidence > 0.5 && confidence < 1)) {
        throw new IllegalArgumentException("Invalid confidence (must be in (0.5, 1)): " + confidence);
      }
      if (baseHoldingDays < 1) {
        throw new IllegalArgumentException("Invalid base holding days (must be at least 1): " + baseHoldingDays);
      }
      if (cap.signum() <= 0 || cap.compareTo(BigDecimal.ONE) >= 0) {
        throw new IllegalArgumentException("Invalid cap (must be in (0, 1)): " + cap);
      }
      if (tradingDaysPerYear < 1) {
        throw new IllegalArgumentException("Invalid trading days per year (must be at least 1): " + tradingDaysPerYear);
      }
      if (!(participationRate > 0 && participationRate <= 1)) {
        throw new IllegalArgumentException("Invalid participation rate (must be in (0, 1]): " + participationRate);
      }
    }

    /**
     * The terms of a parameter set: {@code collateral.volatility.min_returns}, {@code .confidence}, {@code
     * .liquidation_days} (T_M), {@code .cap}, {@code .trading_days_per_year} and {@code
     * collateral.liquidity.participation_rate}.
     */
    public static Terms of(ParameterSet p) {
      return new Terms((int) p.number("collateral.volatility.min_returns"), p.number("collateral.volatility.confidence"),
          (int) p.number("collateral.volatility.liquidation_days"), p.decimal("collateral.volatility.cap"),
          (int) p.number("collateral.volatility.trading_days_per_year"), p.number("collateral.liquidity.participation_rate"));
    }
  }

  /**
   * Daily prices oldest first (days without a price left out); the average daily volume of the series (empty:
   * unknown, no liquidity add-on); the quantity pledged; the configured haircut of the right type (the floor).
   */
  public record Input(List<Double> prices, OptionalDouble averageDailyVolume, double pledgedQuantity, BigDecimal configured,
      Terms terms) {
    public Input {
      prices = List.copyOf(prices);
      requireNonNull(averageDailyVolume, "averageDailyVolume is null");
      requireNonNull(configured, "configured is null");
      requireNonNull(terms, "terms is null");
      Checks.positivePrices("prices", prices);
      if (averageDailyVolume.isPresent() && !(averageDailyVolume.getAsDouble() >= 0)) {
        throw LiangshanException.badField("volumes", "the average daily volume must not be negative, got "
            + averageDailyVolume.getAsDouble());
      }
      if (!(pledgedQuantity >= 0) || Double.isInfinite(pledgedQuantity)) {
        throw LiangshanException.badField("pledged_quantity", "must be a non-negative number, got " + pledgedQuantity);
      }
      Checks.fractionBelowOne("haircut", configured);
    }
  }

  /**
   * The haircut and what it comes from; the measured fields are empty in a thin market. {@code liquidityAddon}
   * is H_liq − H_vol before the floor and the cap (0 in a thin market, or when the volume is unknown).
   */
  public record Output(BigDecimal haircut, String method, Basis basis, int returns, double z,
      OptionalDouble sigmaDaily, OptionalDouble sigmaAnnual, Optional<BigDecimal> volatilityHaircut,
      BigDecimal liquidityAddon, OptionalLong daysToSell, int liquidityHorizonDays) {
    public Output {
      requireNonNull(haircut, "haircut is null");
      requireNonNull(method, "method is null");
      requireNonNull(basis, "basis is null");
    }

    public boolean thinMarket() {
      return basis == Basis.THIN_MARKET;
    }
  }

  public static Output compute(Input in) {
    requireNonNull(in, "input is null");
    Terms t = in.terms();
    double z = normalQuantile(t.confidence());
    int n = Math.max(0, in.prices().size() - 1);
    boolean noVolume = in.averageDailyVolume().isPresent() && in.averageDailyVolume().getAsDouble() == 0;
    if (n < t.minReturns() || noVolume) {
      return new Output(thinMarketHaircut(in.configured(), t), THIN_MARKET, Basis.THIN_MARKET, n, z, OptionalDouble.empty(),
          OptionalDouble.empty(), Optional.empty(), BigDecimal.ZERO, OptionalLong.empty(), t.baseHoldingDays());
    }
    double[] r = new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      r[i] = Math.log(in.prices().get(i + 1) / in.prices().get(i));
      mean += r[i];
    }
    mean /= n;
    double ss = 0;
    for (double x : r) {
      ss += (x - mean) * (x - mean);
    }
    double sigmaDaily = Math.sqrt(ss / (n - 1));
    double sigmaAnnual = sigmaDaily * Math.sqrt(t.tradingDaysPerYear());
    double volatility = sigmaDaily * z * Math.sqrt(t.baseHoldingDays());
    OptionalLong days = OptionalLong.empty();
    int horizon = t.baseHoldingDays();
    if (in.averageDailyVolume().isPresent()) {
      long d = (long) Math.ceil(in.pledgedQuantity() / (t.participationRate() * in.averageDailyVolume().getAsDouble()));
      days = OptionalLong.of(d);
      horizon = (int) Math.min(Integer.MAX_VALUE, Math.max(t.baseHoldingDays(), d));
    }
    double scaled = volatility * Math.sqrt((double) horizon / t.baseHoldingDays());
    BigDecimal hVol = six(volatility);
    BigDecimal hLiq = six(scaled);
    BigDecimal addon = hLiq.subtract(hVol);
    BigDecimal capped = hLiq.min(t.cap());
    BigDecimal haircut = capped.max(in.configured());
    Basis basis = in.configured().compareTo(capped) > 0 ? Basis.FLOOR : hLiq.compareTo(t.cap()) > 0 ? Basis.CAP : Basis.MEASURED;
    return new Output(haircut, VOLATILITY, basis, n, z, OptionalDouble.of(sigmaDaily), OptionalDouble.of(sigmaAnnual),
        Optional.of(hVol), addon, days, horizon);
  }

  /** The haircut of a market too thin to measure: the cap, or the configured haircut of the type when above it. */
  public static BigDecimal thinMarketHaircut(BigDecimal configured, Terms terms) {
    return terms.cap().max(configured);
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

  private static BigDecimal six(double x) {
    return BigDecimal.valueOf(x).setScale(6, RoundingMode.HALF_EVEN);
  }
}
