package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.liangshan.core.money.Money;

/**
 * GEP realization rate (docs/methods/realization-rate.md, after Lin Yiqing et al. 2023, "生态产品价值实现率评价方法
 * ——以丽水市为例", Acta Ecologica Sinica 43(1): 189-197): value realized, that is money paid for ecosystem
 * products through trading (auction proceeds and trades of eco-rights) and compensation (transfers
 * received), ÷ GEP.
 *
 * <p>Eco-finance (principal of eco-product-backed loans) is finance mobilised against the products, not a
 * payment for them: a loan is repaid, and the right pledged behind it may already have been counted when
 * it was sold. It is reported beside the realized value, with its own ratio to GEP, and never added to
 * it, so no voucher is counted twice (sold at auction, then pledged). Both ratios are empty when GEP is
 * not positive (a share of nothing is undefined, not 0).
 */
public record GepRealization(
    BigDecimal tradingYuan,
    BigDecimal compensationYuan,
    BigDecimal ecoFinanceYuan,
    BigDecimal gepYuan) {

  public GepRealization {
    Checks.nonNegative("trading_yuan", tradingYuan);
    Checks.nonNegative("compensation_yuan", compensationYuan);
    Checks.nonNegative("eco_finance_yuan", ecoFinanceYuan);
    requireNonNull(gepYuan, "gepYuan is null");
  }

  /** Value realized: trading + compensation (eco-finance is beside it, not in it). */
  public BigDecimal realizedYuan() {
    return tradingYuan.add(compensationYuan);
  }

  /** realized ÷ GEP (DECIMAL128), empty when GEP ≤ 0. */
  public Optional<BigDecimal> rate() {
    return gepYuan.signum() > 0 ? Optional.of(Gep.realizationRate(realizedYuan(), gepYuan)) : Optional.empty();
  }

  /** Eco-finance mobilised ÷ GEP (DECIMAL128), empty when GEP ≤ 0: its own ratio, not part of the rate. */
  public Optional<BigDecimal> ecoFinanceRatio() {
    return gepYuan.signum() > 0 ? Optional.of(Gep.realizationRate(ecoFinanceYuan, gepYuan)) : Optional.empty();
  }

  /**
   * Splits {@code amountYuan} over keys by non-negative weights, to the fen, so the parts sum to the
   * amount exactly (the amount rounded to the fen, HALF_EVEN): floor of each share, then the
   * remaining fen one by one to the largest remainders (ties to the first key in iteration order).
   * Used to attribute an auction of a water-function zone to the districts the zone covers.
   */
  public static Map<String, BigDecimal> split(BigDecimal amountYuan, Map<String, Double> weights) {
    Checks.nonNegative("amount_yuan", amountYuan);
    requireNonNull(weights, "weights is null");
    long fen = Money.toFen(amountYuan).movePointRight(2).longValueExact();
    double total = 0;
    for (double w : weights.values()) {
      total += Checks.nonNegative("weight", w);
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("Weights sum to 0: nothing to split over");
    }
    List<String> keys = new ArrayList<>(weights.keySet());
    long[] parts = new long[keys.size()];
    double[] remainders = new double[keys.size()];
    long assigned = 0;
    for (int i = 0; i < keys.size(); i++) {
      double exact = fen * (weights.get(keys.get(i)) / total);
      parts[i] = (long) Math.floor(exact);
      remainders[i] = exact - parts[i];
      assigned += parts[i];
    }
    for (long left = fen - assigned; left > 0; left--) {
      int best = 0;
      for (int i = 1; i < keys.size(); i++) {
        if (remainders[i] > remainders[best]) {
          best = i;
        }
      }
      parts[best]++;
      remainders[best] = -1;
    }
    Map<String, BigDecimal> result = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      result.put(keys.get(i), BigDecimal.valueOf(parts[i]).movePointLeft(2));
    }
    return result;
  }
}
