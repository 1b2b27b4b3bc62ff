package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;

/**
 * Per-factor section compensation, the Jiangsu model (METHODOLOGY.md section 5, "Horizontal,
 * per-factor"; Jiangsu water-environment regional compensation, two-way since 2014): amountᵢ =
 * (measured − target)·monthly volume·rate, with mg/L × m³ = g, ÷ 10⁶ → t, × yuan/t. Default rates
 * CODMn 1.5, NH₃-N 10, TP 10 ×10⁴ yuan/t ({@code compensation.jiangsu.rates_yuan_per_t}). A
 * positive net means the upstream party pays, a negative one the downstream party (its absolute
 * value). Exact decimals. Example: 10⁷ m³; TP 0.25 vs 0.2, NH₃-N 1.2 vs 1.0, CODMn 6.5 vs 6.0 →
 * 325,000 yuan, upstream pays.
 */
public final class SectionCompensation {
  private SectionCompensation() {}

  /** One factor at the section. */
  public record Factor(
      String name, BigDecimal measuredMgL, BigDecimal targetMgL, BigDecimal rateYuanPerT) {
    public Factor {
      Checks.present("name", name);
      Checks.nonNegative("measured_mg_l", measuredMgL);
      Checks.nonNegative("target_mg_l", targetMgL);
      Checks.nonNegative("rate_yuan_per_t", rateYuanPerT);
    }

    /** Signed yuan for a monthly volume. */
    public BigDecimal amountYuan(BigDecimal monthlyVolumeM3) {
      return measuredMgL
          .subtract(targetMgL)
          .multiply(monthlyVolumeM3)
          .movePointLeft(6)
          .multiply(rateYuanPerT);
    }
  }

  public record Input(BigDecimal monthlyVolumeM3, List<Factor> factors) {
    public Input {
      Checks.nonNegative("monthly_volume_m3", monthlyVolumeM3);
      factors = List.copyOf(Checks.present("factors", factors));
      if (factors.isEmpty()) {
        throw LiangshanException.badField("factors", "must name at least one factor");
      }
      Set<String> names = new HashSet<>();
      for (int i = 0; i < factors.size(); i++) {
        if (!names.add(factors.get(i).name())) {
          throw LiangshanException.badField(
              "factors[" + i + "].name", "duplicate factor '" + factors.get(i).name() + "'");
        }
      }
    }
  }

  /** Signed amounts per factor (yuan), the net, and who pays whom. */
  public record Output(
      Map<String, BigDecimal> amountsYuan, BigDecimal netYuan, Party payer, Party payee) {
    public Output {
      amountsYuan = Collections.unmodifiableMap(new LinkedHashMap<>(amountsYuan));
      requireNonNull(netYuan, "netYuan is null");
      requireNonNull(payer, "payer is null");
      requireNonNull(payee, "payee is null");
    }
  }

  /** The parameter holding a factor's rate, yuan per tonne. */
  public static String rateKey(String factor) {
    return "compensation.jiangsu.rates_yuan_per_t." + factor;
  }

  /** The default rate of a factor, or empty when the parameter set has none. */
  public static Optional<BigDecimal> defaultRate(ParameterSet params, String factor) {
    String key = rateKey(factor);
    return params.has(key) ? Optional.of(params.decimal(key)) : Optional.empty();
  }

  public static Output compute(Input in) {
    requireNonNull(in, "input is null");
    Map<String, BigDecimal> amounts = new LinkedHashMap<>();
    BigDecimal net = BigDecimal.ZERO;
    for (Factor factor : in.factors()) {
      BigDecimal amount = factor.amountYuan(in.monthlyVolumeM3());
      amounts.put(factor.name(), amount);
      net = net.add(amount);
    }
    Party payer =
        net.signum() > 0 ? Party.UPSTREAM : net.signum() < 0 ? Party.DOWNSTREAM : Party.NONE;
    return new Output(amounts, net, payer, payer.other());
  }
}
