package org.liangshan.core.region;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A compensation agreement the finance bureau settles each period: horizontal between an upstream and a
 * downstream party at a cross-boundary section (method {@code xinan-p-index} or
 * {@code section-compensation}); vertical, a fund the payer splits across the region's districts
 * ({@code gep-keyed}) or settles with zones and enterprises on quota held above or below allocation
 * ({@code vertical_quota}, no fixed fund); or damage, violations paid by the violator to the agreement's
 * {@code payee} ({@code damage}); or a fixed yearly transfer from a payer to a payee ({@code
 * fixed-transfer}, a key-function-area transfer). See METHODOLOGY.md section 5.
 *
 * <p>{@link Terms} are what the agreement itself says: how often it settles, against which fixed baseline,
 * with which weights, whether a water-quantity term applies, and where the terms come from ({@code source},
 * {@code status}: {@code published}, {@code local_survey} or {@code illustrative}, the words of core's
 * parameter provenance).
 */
public record CompensationAgreement(
    String id,
    Kind kind,
    String method,
    Optional<String> sectionId,
    Optional<String> upstream,
    Optional<String> downstream,
    Optional<String> payer,
    Optional<BigDecimal> annualFundYuan,
    double alpha,
    double beta,
    double k0,
    List<FactorTarget> factors,
    Optional<String> payee,
    Terms terms) {

  /**
   * Horizontal (between regions at a section), vertical (between a fund and districts, zones or
   * enterprises) or damage (a violator pays the payee).
   */
  public enum Kind {
    HORIZONTAL,
    VERTICAL,
    DAMAGE
  }

  /** How often an agreement settles: once a year (Xin'an-style P-index, vertical) or every month (per factor). */
  public enum Settlement {
    ANNUAL,
    MONTHLY
  }

  /** The statuses a term may have: those of core's parameter provenance ({@code core.param.Provenance.Status}). */
  public static final List<String> STATUSES = List.of("published", "local_survey", "illustrative");

  /**
   * A fixed baseline: the mean over the years {@code fromYear}..{@code toYear} (both included), or values
   * per factor in mg/L written in the agreement. Never rolling: the same baseline for every settlement year.
   */
  public record Baseline(Optional<Integer> fromYear, Optional<Integer> toYear, Map<String, Double> valuesMgL) {
    public Baseline {
      requireNonNull(fromYear, "fromYear is null");
      requireNonNull(toYear, "toYear is null");
      valuesMgL = Map.copyOf(valuesMgL);
      if (fromYear.isPresent() != toYear.isPresent()) {
        throw new IllegalArgumentException("Invalid baseline (years need both from and to): " + fromYear + ", " + toYear);
      }
      if (fromYear.isPresent() == !valuesMgL.isEmpty()) {
        throw new IllegalArgumentException("Invalid baseline (either years or values_mg_l, one of them): " + fromYear + ", "
            + valuesMgL);
      }
      if (fromYear.isPresent() && fromYear.get() > toYear.get()) {
        throw new IllegalArgumentException("Invalid baseline (from after to): " + fromYear.get() + " > " + toYear.get());
      }
      valuesMgL.forEach((factor, value) -> {
        if (!(value > 0)) {
          throw new IllegalArgumentException("Invalid baseline value of " + factor + " (must be > 0 mg/L): " + value);
        }
      });
    }

    public static Baseline years(int fromYear, int toYear) {
      return new Baseline(Optional.of(fromYear), Optional.of(toYear), Map.of());
    }

    public static Baseline values(Map<String, Double> valuesMgL) {
      return new Baseline(Optional.empty(), Optional.empty(), valuesMgL);
    }
  }

  /**
   * A water-quantity term: the year's volume at the agreement's section against a fixed baseline volume;
   * each m³ above it is rewarded at {@code rateYuanPerM3}, paid by the downstream party to the upstream one
   * ("more water, more reward", as the Beijing–Hebei Miyun and Guanting agreements assess quantity). Below
   * the baseline nothing is paid unless {@code twoWay}, when the upstream party pays the shortfall.
   */
  public record QuantityTerm(double baselineM3, BigDecimal rateYuanPerM3, boolean twoWay, String source, String status) {
    public QuantityTerm {
      requireNonNull(rateYuanPerM3, "rateYuanPerM3 is null");
      requireNonNull(source, "source is null");
      requireNonNull(status, "status is null");
      if (!(baselineM3 > 0)) {
        throw new IllegalArgumentException("Invalid quantity baseline (must be > 0 m3): " + baselineM3);
      }
      if (rateYuanPerM3.signum() <= 0) {
        throw new IllegalArgumentException("Invalid quantity rate (must be > 0 yuan/m3): " + rateYuanPerM3);
      }
      checkStatus("quantity status", status);
    }
  }

  /**
   * What the agreement says: settlement period, fixed baseline (P-index), weights per factor (empty: the
   * parameter set's), a water-quantity term, and the source and status of these terms.
   */
  public record Terms(Settlement settlement, Optional<Baseline> baseline, Map<String, BigDecimal> weights,
      Optional<QuantityTerm> quantity, String source, String status) {
    public Terms {
      requireNonNull(settlement, "settlement is null");
      requireNonNull(baseline, "baseline is null");
      weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
      requireNonNull(quantity, "quantity is null");
      requireNonNull(source, "source is null");
      checkStatus("status", status);
    }

    /** The terms of an agreement that declares none: the method's usual period, nothing else, illustrative. */
    public static Terms undeclared(String method) {
      return new Terms(method.equals("section-compensation") ? Settlement.MONTHLY : Settlement.ANNUAL, Optional.empty(),
          Map.of(), Optional.empty(), "not declared in the agreement", "illustrative");
    }
  }

  private static void checkStatus(String field, String status) {
    requireNonNull(status, field + " is null");
    if (!STATUSES.contains(status)) {
      throw new IllegalArgumentException("Invalid " + field + " (published, local_survey or illustrative): " + status);
    }
  }

  /** A pollutant factor and its target concentration in the agreement. */
  public record FactorTarget(String name, double targetMgL) {
    public FactorTarget {
      requireNonNull(name, "name is null");
    }
  }

  public CompensationAgreement {
    requireNonNull(id, "id is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(method, "method is null");
    requireNonNull(sectionId, "sectionId is null");
    requireNonNull(upstream, "upstream is null");
    requireNonNull(downstream, "downstream is null");
    requireNonNull(payer, "payer is null");
    requireNonNull(annualFundYuan, "annualFundYuan is null");
    requireNonNull(payee, "payee is null");
    requireNonNull(terms, "terms is null");
    factors = List.copyOf(factors);
    if (kind == Kind.HORIZONTAL && (sectionId.isEmpty() || upstream.isEmpty() || downstream.isEmpty())) {
      throw new IllegalArgumentException("Horizontal agreement needs section, upstream and downstream: " + id);
    }
    if (kind == Kind.VERTICAL && (payer.isEmpty() || (method.equals("gep-keyed") && annualFundYuan.isEmpty()))) {
      throw new IllegalArgumentException("Vertical agreement needs payer (and annual fund when gep-keyed): " + id);
    }
    if (method.equals("xinan-p-index") && terms.settlement() != Settlement.ANNUAL) {
      throw new IllegalArgumentException("A P-index agreement settles annually (the Xin'an form): " + id);
    }
    if (method.equals("fixed-transfer") && (payer.isEmpty() || payee.isEmpty() || annualFundYuan.isEmpty())) {
      throw new IllegalArgumentException("Fixed transfer needs payer, payee and annual fund: " + id);
    }
    if (kind == Kind.DAMAGE && payee.isEmpty()) {
      throw new IllegalArgumentException("Damage agreement needs payee: " + id);
    }
  }

  /** An agreement whose terms are not declared ({@link Terms#undeclared}). */
  public CompensationAgreement(String id, Kind kind, String method, Optional<String> sectionId, Optional<String> upstream,
      Optional<String> downstream, Optional<String> payer, Optional<BigDecimal> annualFundYuan, double alpha, double beta,
      double k0, List<FactorTarget> factors, Optional<String> payee) {
    this(id, kind, method, sectionId, upstream, downstream, payer, annualFundYuan, alpha, beta, k0, factors, payee,
        Terms.undeclared(method));
  }

  /** An agreement without a payee (horizontal and vertical ones). */
  public CompensationAgreement(String id, Kind kind, String method, Optional<String> sectionId, Optional<String> upstream,
      Optional<String> downstream, Optional<String> payer, Optional<BigDecimal> annualFundYuan, double alpha, double beta,
      double k0, List<FactorTarget> factors) {
    this(id, kind, method, sectionId, upstream, downstream, payer, annualFundYuan, alpha, beta, k0, factors, Optional.empty());
  }
}
