package org.liangshan.core.region;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A compensation agreement the finance bureau settles each period: horizontal between an upstream and a
 * downstream party at a cross-boundary section (method {@code xinan-p-index} or
 * {@code section-compensation}); vertical, a fund the payer splits across the region's districts
 * ({@code gep-keyed}) or settles with zones and enterprises on quota held above or below allocation
 * ({@code vertical_quota}, no fixed fund); or damage, violations paid by the violator to the agreement's
 * {@code payee} ({@code damage}). See METHODOLOGY.md section 5.
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
    Optional<String> payee) {

  /**
   * Horizontal (between regions at a section), vertical (between a fund and districts, zones or
   * enterprises) or damage (a violator pays the payee).
   */
  public enum Kind {
    HORIZONTAL,
    VERTICAL,
    DAMAGE
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
    factors = List.copyOf(factors);
    if (kind == Kind.HORIZONTAL && (sectionId.isEmpty() || upstream.isEmpty() || downstream.isEmpty())) {
      throw new IllegalArgumentException("Horizontal agreement needs section, upstream and downstream: " + id);
    }
    if (kind == Kind.VERTICAL && (payer.isEmpty() || (method.equals("gep-keyed") && annualFundYuan.isEmpty()))) {
      throw new IllegalArgumentException("Vertical agreement needs payer (and annual fund when gep-keyed): " + id);
    }
    if (kind == Kind.DAMAGE && payee.isEmpty()) {
      throw new IllegalArgumentException("Damage agreement needs payee: " + id);
    }
  }

  /** An agreement without a payee (horizontal and vertical ones). */
  public CompensationAgreement(String id, Kind kind, String method, Optional<String> sectionId, Optional<String> upstream,
      Optional<String> downstream, Optional<String> payer, Optional<BigDecimal> annualFundYuan, double alpha, double beta,
      double k0, List<FactorTarget> factors) {
    this(id, kind, method, sectionId, upstream, downstream, payer, annualFundYuan, alpha, beta, k0, factors, Optional.empty());
  }
}
