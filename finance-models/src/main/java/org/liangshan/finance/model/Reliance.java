package org.liangshan.finance.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.liangshan.core.param.IllustrativeParameters;
import org.liangshan.core.param.IllustrativeShare;
import org.liangshan.core.region.CompensationAgreement;

/**
 * What a ledger amount rests on, term by term, and so the share of it that rests on illustrative parameters
 * (gold.compensation_ledger.illustrative_share; docs/methods/compensation.md). The amount is the sum of its
 * terms; each term is proportional to everything it rests on. The share follows core's one rule ({@link
 * IllustrativeShare}): a term proportional to an illustrative parameter rests on it entirely, and the terms
 * of a sum weigh by their magnitude.
 *
 * @param terms the terms of the amount (one for an amount that is a single product)
 */
public record Reliance(List<Term> terms) {
  public Reliance {
    terms = List.copyOf(terms);
    if (terms.isEmpty()) {
      throw new IllegalArgumentException("Invalid reliance (an amount rests on at least one term)");
    }
  }

  /**
   * A term of the amount, in yuan (before rounding to the fen), and what it is proportional to.
   *
   * @param label what the term is (a factor, {@code gep share}, {@code gep growth}), for tests and docs
   */
  public record Term(String label, double valueYuan, List<Ground> restsOn) {
    public Term {
      requireNonNull(label, "label is null");
      if (!Double.isFinite(valueYuan)) {
        throw new IllegalArgumentException("Invalid term value of " + label + " (must be finite): " + valueYuan);
      }
      restsOn = List.copyOf(restsOn);
    }
  }

  /** Something a term rests on, with the share of it that is illustrative. */
  public sealed interface Ground permits Parameter, Declared, Figure {
    double share(IllustrativeParameters illustrative);
  }

  /** A parameter of the parameter set (a key or the prefix of a block): its status is the set's. */
  public record Parameter(String key) implements Ground {
    public Parameter {
      requireNonNull(key, "key is null");
    }

    @Override
    public double share(IllustrativeParameters illustrative) {
      return IllustrativeShare.of(illustrative.test(key));
    }
  }

  /** Terms written in an agreement (its fund, K0, baseline, targets, weights): the status it declares. */
  public record Declared(String what, String status) implements Ground {
    public Declared {
      requireNonNull(what, "what is null");
      if (!CompensationAgreement.STATUSES.contains(status)) {
        throw new IllegalArgumentException("Invalid status of " + what + " (published, local_survey or illustrative): "
            + status);
      }
    }

    @Override
    public double share(IllustrativeParameters illustrative) {
      return IllustrativeShare.of(status.equals("illustrative"));
    }
  }

  /** A figure computed elsewhere with its own illustrative share (a district's GEP). */
  public record Figure(String what, double share) implements Ground {
    public Figure {
      requireNonNull(what, "what is null");
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("Invalid illustrative share of " + what + " (must be in 0..1): " + share);
      }
    }

    @Override
    public double share(IllustrativeParameters illustrative) {
      return share;
    }
  }

  /** The terms of an agreement, with the status the agreement declares for them. */
  public static Declared agreement(CompensationAgreement agreement) {
    return new Declared("the terms of agreement " + agreement.id(), agreement.terms().status());
  }

  /** An amount that is a single product of what it rests on. */
  public static Reliance proportional(double valueYuan, List<Ground> restsOn) {
    return new Reliance(List.of(new Term("amount", valueYuan, restsOn)));
  }

  /** The share of the amount resting on illustrative parameters, 0..1. */
  public double illustrativeShare(IllustrativeParameters illustrative) {
    requireNonNull(illustrative, "illustrative is null");
    List<IllustrativeShare.Part> parts = new ArrayList<>(terms.size());
    for (Term term : terms) {
      List<Double> shares = new ArrayList<>(term.restsOn().size());
      for (Ground ground : term.restsOn()) {
        shares.add(ground.share(illustrative));
      }
      parts.add(new IllustrativeShare.Part(term.valueYuan(), IllustrativeShare.ofProduct(shares)));
    }
    return IllustrativeShare.ofSum(parts);
  }
}
