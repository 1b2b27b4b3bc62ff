package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;

/**
 * The Xin'an River P-index (METHODOLOGY.md section 5, "Horizontal, P-index"; the Xin'an River
 * cross-provincial compensation agreement): P = k0·Σ wᵢ·Cᵢ/Cᵢ0 over CODMn, NH₃-N, TN and TP, with
 * Cᵢ0 the baseline mean, wᵢ = 0.25 and k0 = 0.85 by default ({@code compensation.xinan.*}). P ≤ 1:
 * the downstream region pays the upstream one; P > 1: upstream pays downstream. Decimal arithmetic
 * (ratios at {@link MathContext#DECIMAL128}) so the comparison with 1 does not depend on binary
 * rounding. Example: ratios 1.0, 1.1, 0.9, 1.2 → P 0.8925, downstream pays.
 */
public final class XinanPIndex {
  /** The factors of the agreement, as keyed in the input objects. */
  public static final List<String> FACTORS = List.of("codmn", "nh3n", "tn", "tp");

  private XinanPIndex() {}

  /**
   * Concentrations and baselines in mg/L keyed by factor; weights keyed the same way, summing to 1.
   */
  public record Input(
      Map<String, BigDecimal> concentrations,
      Map<String, BigDecimal> baselines,
      BigDecimal k0,
      Map<String, BigDecimal> weights) {
    public Input {
      concentrations = copy("concentrations", concentrations);
      baselines = copy("baselines", baselines);
      weights = copy("weights", weights);
      Checks.positive("k0", k0);
      BigDecimal sum = BigDecimal.ZERO;
      for (Map.Entry<String, BigDecimal> weight : weights.entrySet()) {
        factor("weights", weight.getKey());
        sum = sum.add(Checks.fraction("weights." + weight.getKey(), weight.getValue()));
      }
      if (sum.compareTo(BigDecimal.ONE) != 0) {
        throw LiangshanException.badField("weights", "must sum to 1, got " + sum.toPlainString());
      }
      for (String name : concentrations.keySet()) {
        factor("concentrations", name);
      }
      for (String name : baselines.keySet()) {
        factor("baselines", name);
      }
      for (String name : weights.keySet()) {
        Checks.nonNegative(
            "concentrations." + name,
            Checks.present("concentrations." + name, concentrations.get(name)));
        Checks.positive(
            "baselines." + name, Checks.present("baselines." + name, baselines.get(name)));
      }
    }

    private static Map<String, BigDecimal> copy(String field, Map<String, BigDecimal> values) {
      Checks.present(field, values);
      return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    private static void factor(String field, String name) {
      if (!FACTORS.contains(name)) {
        throw LiangshanException.badField(
            field + "." + name, "unknown factor; expected one of " + String.join(", ", FACTORS));
      }
    }
  }

  /** P, who pays whom, and the concentration ratios Cᵢ/Cᵢ0. */
  public record Output(BigDecimal p, Party payer, Party payee, Map<String, BigDecimal> ratios) {
    public Output {
      requireNonNull(p, "p is null");
      requireNonNull(payer, "payer is null");
      requireNonNull(payee, "payee is null");
      ratios = Collections.unmodifiableMap(new LinkedHashMap<>(ratios));
    }
  }

  /** The block of the parameter set holding the default weights per factor. */
  public static final String WEIGHTS_KEY = "compensation.xinan.weights";

  /** The default weights ({@code compensation.xinan.weights}). */
  public static Map<String, BigDecimal> defaultWeights(ParameterSet params) {
    Map<String, BigDecimal> weights = new LinkedHashMap<>();
    for (String name : params.keys(WEIGHTS_KEY)) {
      weights.put(name, params.decimal(WEIGHTS_KEY + "." + name));
    }
    return weights;
  }

  public static Output compute(Input in) {
    requireNonNull(in, "input is null");
    BigDecimal sum = BigDecimal.ZERO;
    Map<String, BigDecimal> ratios = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(in.weights().keySet());
    for (String name : names) {
      BigDecimal ratio =
          in.concentrations().get(name).divide(in.baselines().get(name), MathContext.DECIMAL128);
      ratios.put(name, ratio);
      sum = sum.add(in.weights().get(name).multiply(ratio));
    }
    BigDecimal p = in.k0().multiply(sum);
    Party payer = p.compareTo(BigDecimal.ONE) <= 0 ? Party.DOWNSTREAM : Party.UPSTREAM;
    return new Output(p, payer, payer.other(), ratios);
  }
}
