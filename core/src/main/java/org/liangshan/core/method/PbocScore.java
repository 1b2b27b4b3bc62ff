package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;

/**
 * The PBoC green-finance evaluation of a bank, quarterly (METHODOLOGY.md section 7; PBoC evaluation
 * scheme for banking institutions, 2021): quantitative 80 % (four indicators: share of green
 * business, market share, growth, risk; equal weights by default) and qualitative 20 % (policy
 * execution 30 %, internal system 40 %, industry support 30 %), parameter set {@code pboc.*}.
 * Scores 0–100, exact decimals. Example: quantitative 80, 70, 90, 100 and qualitative 90, 80, 70 →
 * 85, 80, total 84.
 */
public final class PbocScore {
  public static final int QUANTITATIVE_INDICATORS = 4;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private PbocScore() {}

  /** Qualitative scores 0–100. */
  public record Qualitative(BigDecimal policy, BigDecimal system, BigDecimal support) {
    public Qualitative {
      Checks.range("qualitative.policy", policy, BigDecimal.ZERO, HUNDRED);
      Checks.range("qualitative.system", system, BigDecimal.ZERO, HUNDRED);
      Checks.range("qualitative.support", support, BigDecimal.ZERO, HUNDRED);
    }
  }

  /** Shares and weights; each weight list sums to 1 and the two shares sum to 1. */
  public record Weights(
      BigDecimal quantitativeShare,
      BigDecimal qualitativeShare,
      List<BigDecimal> quantitativeWeights,
      BigDecimal policyWeight,
      BigDecimal systemWeight,
      BigDecimal supportWeight) {
    public Weights {
      Checks.fraction("quantitative_share", quantitativeShare);
      Checks.fraction("qualitative_share", qualitativeShare);
      sumsToOne("qualitative_share", quantitativeShare.add(qualitativeShare));
      quantitativeWeights =
          List.copyOf(Checks.present("quantitative_weights", quantitativeWeights));
      if (quantitativeWeights.size() != QUANTITATIVE_INDICATORS) {
        throw LiangshanException.badField(
            "quantitative_weights", "must hold 4 weights, got " + quantitativeWeights.size());
      }
      BigDecimal sum = BigDecimal.ZERO;
      for (int i = 0; i < quantitativeWeights.size(); i++) {
        sum =
            sum.add(Checks.fraction("quantitative_weights[" + i + "]", quantitativeWeights.get(i)));
      }
      sumsToOne("quantitative_weights", sum);
      Checks.fraction("qualitative_weights.policy", policyWeight);
      Checks.fraction("qualitative_weights.system", systemWeight);
      Checks.fraction("qualitative_weights.support", supportWeight);
      sumsToOne("qualitative_weights", policyWeight.add(systemWeight).add(supportWeight));
    }

    public static Weights of(ParameterSet params) {
      return of(params, null);
    }

    /** The parameter set's weights, with the quantitative weights replaced when given. */
    public static Weights of(ParameterSet params, List<BigDecimal> quantitativeWeights) {
      List<BigDecimal> weights = quantitativeWeights;
      if (weights == null) {
        weights = new ArrayList<>();
        for (int i = 0; i < QUANTITATIVE_INDICATORS; i++) {
          weights.add(params.decimal("pboc.quantitative_weights." + i));
        }
      }
      return new Weights(
          params.decimal("pboc.quantitative_share"),
          params.decimal("pboc.qualitative_share"),
          weights,
          params.decimal("pboc.qualitative_weights.policy"),
          params.decimal("pboc.qualitative_weights.system"),
          params.decimal("pboc.qualitative_weights.support"));
    }

    private static void sumsToOne(String field, BigDecimal sum) {
      if (sum.compareTo(BigDecimal.ONE) != 0) {
        throw LiangshanException.badField(
            field, "weights must sum to 1, got " + sum.toPlainString());
      }
    }
  }

  public record Input(List<BigDecimal> quantitative, Qualitative qualitative, Weights weights) {
    public Input {
      quantitative = List.copyOf(Checks.present("quantitative", quantitative));
      if (quantitative.size() != QUANTITATIVE_INDICATORS) {
        throw LiangshanException.badField(
            "quantitative", "must hold 4 scores, got " + quantitative.size());
      }
      for (int i = 0; i < quantitative.size(); i++) {
        Checks.range("quantitative[" + i + "]", quantitative.get(i), BigDecimal.ZERO, HUNDRED);
      }
      Checks.present("qualitative", qualitative);
      Checks.present("weights", weights);
    }
  }

  public record Output(
      BigDecimal quantitativeScore, BigDecimal qualitativeScore, BigDecimal totalScore) {}

  public static Output compute(Input in) {
    requireNonNull(in, "input is null");
    Weights w = in.weights();
    BigDecimal quantitative = BigDecimal.ZERO;
    for (int i = 0; i < QUANTITATIVE_INDICATORS; i++) {
      quantitative =
          quantitative.add(in.quantitative().get(i).multiply(w.quantitativeWeights().get(i)));
    }
    Qualitative q = in.qualitative();
    BigDecimal qualitative =
        q.policy()
            .multiply(w.policyWeight())
            .add(q.system().multiply(w.systemWeight()))
            .add(q.support().multiply(w.supportWeight()));
    BigDecimal total =
        quantitative
            .multiply(w.quantitativeShare())
            .add(qualitative.multiply(w.qualitativeShare()));
    return new Output(quantitative, qualitative, total);
  }
}
