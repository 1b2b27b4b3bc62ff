package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.liangshan.core.LiangshanException;

/**
 * Benchmark price of a tradable capacity right (METHODOLOGY.md section 3, "Benchmark price"): the
 * annualized cost of protection and governance over the tradable capacity.
 *
 * <pre>
 * annualized = Σ amount·CRF(r, n) + annual operating costs + opportunity cost
 * CRF(r, n)  = r(1 + r)ⁿ / ((1 + r)ⁿ − 1),  1/n when r = 0
 * price      = annualized ÷ tradable capacity (yuan per t/a)
 * </pre>
 *
 * Exact decimals; each division at {@link MathContext#DECIMAL128} (34 significant digits). Example:
 * 10⁷ yuan over 20 years at 5 %, 3×10⁶ yuan a year, 1.37 t/a → 3,802,425.87 yuan, 2,775,493.34 yuan
 * per t/a.
 */
public final class BenchmarkPrice {
  private BenchmarkPrice() {}

  /** One capital outlay and the years it serves. */
  public record CapitalCost(BigDecimal amountYuan, int lifeYears) {
    public CapitalCost {
      Checks.nonNegative("amount_yuan", amountYuan);
      if (lifeYears < 1) {
        throw LiangshanException.badField("life_years", "must be >= 1, got " + lifeYears);
      }
    }
  }

  public record Input(
      List<CapitalCost> capitalCosts,
      BigDecimal annualCostsYuan,
      BigDecimal opportunityCostYuan,
      BigDecimal discountRate,
      BigDecimal tradableCapacityTA) {
    public Input {
      capitalCosts = List.copyOf(Checks.present("capital_costs", capitalCosts));
      Checks.nonNegative("annual_costs_yuan", annualCostsYuan);
      Checks.nonNegative("opportunity_cost_yuan", opportunityCostYuan);
      Checks.range("discount_rate", discountRate, BigDecimal.ZERO, BigDecimal.ONE);
      Checks.positive("tradable_capacity_t_a", tradableCapacityTA);
    }
  }

  public record Output(BigDecimal annualizedCostYuan, BigDecimal benchmarkPriceYuanPerTA) {}

  /** The capital recovery factor; 1/n when r = 0. */
  public static BigDecimal capitalRecoveryFactor(BigDecimal rate, int years) {
    requireNonNull(rate, "rate is null");
    if (years < 1) {
      throw LiangshanException.badField("life_years", "must be >= 1, got " + years);
    }
    if (rate.signum() == 0) {
      return BigDecimal.ONE.divide(BigDecimal.valueOf(years), MathContext.DECIMAL128);
    }
    BigDecimal growth = BigDecimal.ONE.add(rate).pow(years);
    return rate.multiply(growth).divide(growth.subtract(BigDecimal.ONE), MathContext.DECIMAL128);
  }

  public static Output compute(Input input) {
    requireNonNull(input, "input is null");
    BigDecimal annualized = input.annualCostsYuan().add(input.opportunityCostYuan());
    for (CapitalCost cost : input.capitalCosts()) {
      annualized =
          annualized.add(
              cost.amountYuan()
                  .multiply(capitalRecoveryFactor(input.discountRate(), cost.lifeYears())));
    }
    return new Output(
        annualized, annualized.divide(input.tradableCapacityTA(), MathContext.DECIMAL128));
  }
}
