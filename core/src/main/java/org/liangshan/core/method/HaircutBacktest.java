package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;

/**
 * Does the haircut hold? A backtest of {@link CollateralHaircut} on one instrument's daily closes
 * (docs/methods/haircut-backtest.md).
 *
 * <pre>
 * day t (oldest first) is tested when it has min_returns + 1 closes behind it and a close h days ahead
 * haircut_t   = CollateralHaircut over the last window_trading_days closes up to t (no look-ahead), the
 *               volumes of the same days averaged, the pledged quantity and the right type's floor
 * fall_t      = 1 − P(t+h) / P(t)                     h = T_M = collateral.volatility.liquidation_days (10)
 * tested days = t₀, t₀ + h, t₀ + 2h, ...              non-overlapping windows (see below)
 * exceedance  = fall_t &gt; haircut_t;  T windows, x exceedances, p = 1 − collateral.volatility.confidence (0.01)
 * LR_POF      = −2 ln[(1−p)^(T−x) p^x] + 2 ln[(1−x/T)^(T−x) (x/T)^x]       (0 ln 0 = 0)
 * p-value     = P(χ²(1) &gt; LR) = erfc(√(LR/2));  rejected at 95 % when LR &gt; 3.841459
 * zone        = Basel traffic light on the latest 250 windows: green 0–4, yellow 5–9, red ≥ 10
 * </pre>
 *
 * Kupiec, P. H. (1995), "Techniques for verifying the accuracy of risk measurement models", Journal of
 * Derivatives 3(2), 73–84: the proportion-of-failures likelihood ratio, asymptotically χ²(1) when the
 * exceedances are independent Bernoulli(p) trials. BCBS (January 1996), "Supervisory framework for the use
 * of 'backtesting' in conjunction with the internal models approach to market risk capital requirements":
 * the three zones for 250 observations of a 99 % measure.
 *
 * <p>Why non-overlapping windows: the 10-day falls of consecutive days share nine daily moves, so one crash
 * makes up to ten exceedances in a row; Kupiec's test assumes independent trials and would reject far too
 * often. Stepping h days keeps the windows disjoint (independent under the null for a random walk) at the
 * cost of a tenth of the observations; the Basel framework avoids the problem by backtesting one-day
 * measures (BCBS 1996, section II).
 */
public final class HaircutBacktest {
  private HaircutBacktest() {}

  /** Fewer daily closes than this: no backtest ("insufficient history"); issue 15, a Liangshan design default. */
  public static final int MIN_DAYS = 60;

  /** The χ²(1) quantile at 95 %: Kupiec's test rejects above it. */
  public static final double CRITICAL_95 = 3.841459;

  /** The observations a Basel traffic-light zone is defined for (BCBS 1996). */
  public static final int ZONE_OBSERVATIONS = 250;

  /** What the test says of the haircut. */
  public enum Verdict {
    /** LR ≤ 3.841: the exceedance rate is consistent with p. */
    NOT_REJECTED,
    /** LR &gt; 3.841 with x/T &gt; p: the haircut is too small. */
    REJECTED_TOO_MANY,
    /** LR &gt; 3.841 with x/T &lt; p: the haircut is larger than p needs (safe for the lender, costly to the borrower). */
    REJECTED_TOO_FEW,
    /** Fewer than {@link #MIN_DAYS} closes, or no window to test. */
    INSUFFICIENT_HISTORY;

    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The Basel traffic-light zones (BCBS 1996, Table 2) for 250 observations of a 99 % measure. */
  public enum Zone {
    GREEN,
    YELLOW,
    RED;

    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Green 0–4, yellow 5–9, red 10 or more exceptions out of 250. */
    public static Zone of(int exceptions) {
      if (exceptions < 0) {
        throw new IllegalArgumentException("Invalid exceptions (cannot be negative): " + exceptions);
      }
      return exceptions <= 4 ? GREEN : exceptions <= 9 ? YELLOW : RED;
    }
  }

  /** The haircut rule and the rolling window of closes each day's haircut is measured on. */
  public record Terms(CollateralHaircut.Terms haircut, int windowDays) {
    public Terms {
      requireNonNull(haircut, "haircut is null");
      if (windowDays < 2) {
        throw new IllegalArgumentException("Invalid window days (must be at least 2): " + windowDays);
      }
    }

    /** {@link CollateralHaircut.Terms#of} and {@code collateral.volatility.window_trading_days}. */
    public static Terms of(ParameterSet p) {
      return new Terms(CollateralHaircut.Terms.of(p), (int) p.number("collateral.volatility.window_trading_days"));
    }

    /** The fall horizon h: the base holding period T_M. */
    public int horizonDays() {
      return haircut.baseHoldingDays();
    }

    /** p = 1 − confidence. */
    public double coverage() {
      return 1 - haircut.confidence();
    }
  }

  /** Daily closes oldest first; the volumes of the same days, or empty; the pledged quantity; the right type's floor. */
  public record Input(List<Double> prices, Optional<List<Double>> volumes, double pledgedQuantity, BigDecimal configured,
      Terms terms) {
    public Input {
      prices = List.copyOf(prices);
      volumes = requireNonNull(volumes, "volumes is null").map(List::copyOf);
      requireNonNull(configured, "configured is null");
      requireNonNull(terms, "terms is null");
      Checks.positivePrices("prices", prices);
      if (!(pledgedQuantity >= 0) || Double.isInfinite(pledgedQuantity)) {
        throw LiangshanException.badField("pledged_quantity", "must be a non-negative number, got " + pledgedQuantity);
      }
      if (volumes.isPresent() && volumes.get().size() != prices.size()) {
        throw LiangshanException.badField("volumes", "has " + volumes.get().size() + " values for " + prices.size()
            + " prices; give one volume per day, or leave volumes out");
      }
      if (volumes.isPresent()) {
        for (int i = 0; i < volumes.get().size(); i++) {
          double v = volumes.get().get(i);
          if (!(v >= 0) || Double.isInfinite(v)) {
            throw LiangshanException.badField("volumes[" + i + "]", "must be a non-negative volume, got " + v);
          }
        }
      }
    }
  }

  /** One tested window: the day it starts (index into the closes), the haircut set that day, the fall over h days. */
  public record Window(int day, BigDecimal haircut, double fall, boolean exceeded) {
    public Window {
      requireNonNull(haircut, "haircut is null");
    }
  }

  /** The backtest; {@code lrPof}, {@code pValue} empty and {@code zone} empty when they do not apply. */
  public record Output(int days, List<Window> windows, int observations, int exceedances, OptionalDouble lrPof,
      OptionalDouble pValue, Verdict verdict, Optional<Zone> zone) {
    public Output {
      windows = List.copyOf(windows);
      requireNonNull(lrPof, "lrPof is null");
      requireNonNull(pValue, "pValue is null");
      requireNonNull(verdict, "verdict is null");
      requireNonNull(zone, "zone is null");
    }
  }

  /**
   * The haircut as it was, or would have been, set on a day, from what was known that day only. The calc
   * supplies {@link CollateralHaircut} on the closes up to the day ({@link #run(Input)}); a batch job may supply
   * the valuation's own rule on the trades up to the day's date, so that the backtest tests exactly what was
   * applied.
   */
  @FunctionalInterface
  public interface HaircutRule {
    BigDecimal setOn(int day);
  }

  /** The backtest of {@link CollateralHaircut} on the closes, volumes and terms of {@code in}. */
  public static Output run(Input in) {
    requireNonNull(in, "input is null");
    Terms t = in.terms();
    HaircutRule rule = day -> {
      int from = Math.max(0, day + 1 - t.windowDays());
      OptionalDouble adv = in.volumes().isPresent()
          ? in.volumes().get().subList(from, day + 1).stream().mapToDouble(Double::doubleValue).average()
          : OptionalDouble.empty();
      return CollateralHaircut.compute(new CollateralHaircut.Input(in.prices().subList(from, day + 1), adv,
          in.pledgedQuantity(), in.configured(), t.haircut())).haircut();
    };
    return run(in.prices(), rule, t.haircut().minReturns(), t.horizonDays(), t.coverage());
  }

  /**
   * The backtest of any haircut rule on daily closes (oldest first, positive): windows start on {@code firstDay},
   * {@code firstDay + horizonDays}, ... while a close {@code horizonDays} ahead exists; {@code p} is the exceedance
   * probability the haircut claims. Fewer than {@link #MIN_DAYS} closes: insufficient history.
   */
  public static Output run(List<Double> closes, HaircutRule rule, int firstDay, int horizonDays, double p) {
    requireNonNull(closes, "closes is null");
    requireNonNull(rule, "rule is null");
    Checks.positivePrices("prices", closes);
    if (firstDay < 0) {
      throw new IllegalArgumentException("Invalid first day (cannot be negative): " + firstDay);
    }
    if (horizonDays < 1) {
      throw new IllegalArgumentException("Invalid horizon days (must be at least 1): " + horizonDays);
    }
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("Invalid exceedance probability (must be in (0, 1)): " + p);
    }
    int n = closes.size();
    List<Window> windows = new ArrayList<>();
    if (n >= MIN_DAYS) {
      for (int day = firstDay; day + horizonDays < n; day += horizonDays) {
        BigDecimal haircut = requireNonNull(rule.setOn(day), "haircut rule returned null");
        double fall = 1 - closes.get(day + horizonDays) / closes.get(day);
        windows.add(new Window(day, haircut, fall, fall > haircut.doubleValue()));
      }
    }
    int observations = windows.size();
    int x = (int) windows.stream().filter(Window::exceeded).count();
    if (observations == 0) {
      return new Output(n, windows, 0, 0, OptionalDouble.empty(), OptionalDouble.empty(), Verdict.INSUFFICIENT_HISTORY,
          Optional.empty());
    }
    double lr = kupiecLr(observations, x, p);
    Verdict verdict = lr <= CRITICAL_95 ? Verdict.NOT_REJECTED
        : (double) x / observations > p ? Verdict.REJECTED_TOO_MANY : Verdict.REJECTED_TOO_FEW;
    Optional<Zone> zone = Optional.empty();
    if (observations >= ZONE_OBSERVATIONS) {
      int latest = (int) windows.subList(observations - ZONE_OBSERVATIONS, observations).stream()
          .filter(Window::exceeded).count();
      zone = Optional.of(Zone.of(latest));
    }
    return new Output(n, windows, observations, x, OptionalDouble.of(lr), OptionalDouble.of(chiSquare1Survival(lr)),
        verdict, zone);
  }

  /**
   * Kupiec's proportion-of-failures statistic for x exceedances in T trials at exceedance probability p:
   * −2 ln[(1−p)^(T−x) p^x] + 2 ln[(1−x/T)^(T−x) (x/T)^x], with 0 ln 0 = 0.
   */
  public static double kupiecLr(int observations, int exceedances, double p) {
    if (observations < 1) {
      throw new IllegalArgumentException("Invalid observations (must be at least 1): " + observations);
    }
    if (exceedances < 0 || exceedances > observations) {
      throw new IllegalArgumentException("Invalid exceedances (must be in [0, " + observations + "]): " + exceedances);
    }
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("Invalid exceedance probability (must be in (0, 1)): " + p);
    }
    double rate = (double) exceedances / observations;
    double nulls = xLnY(observations - exceedances, 1 - p) + xLnY(exceedances, p);
    double fitted = xLnY(observations - exceedances, 1 - rate) + xLnY(exceedances, rate);
    return Math.max(0, -2 * nulls + 2 * fitted);
  }

  /** P(χ²(1) &gt; lr) = erfc(√(lr / 2)). */
  public static double chiSquare1Survival(double lr) {
    if (!(lr >= 0)) {
      throw new IllegalArgumentException("Invalid statistic (must be >= 0): " + lr);
    }
    return erfc(Math.sqrt(lr / 2));
  }

  private static double xLnY(double x, double y) {
    return x == 0 ? 0 : x * Math.log(y);
  }

  /**
   * The complementary error function for z ≥ 0: the Chebyshev fit of Press et al., Numerical Recipes in C
   * (2nd ed., 1992), section 6.2, {@code erfcc}, fractional error below 1.2 × 10⁻⁷.
   */
  static double erfc(double z) {
    double t = 1 / (1 + 0.5 * z);
    return t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
        + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
        + t * (-0.82215223 + t * 0.17087277)))))))));
  }
}
