package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import org.liangshan.core.param.ParameterSet;

/**
 * The national carbon market's 2024–2025 allocation for steel and cement (METHODOLOGY.md section 4;
 * MEE allocation scheme): free allocation covers direct emissions; the 2025 pre-allocation is 70 %
 * ({@code carbon_quota.pre_allocation_fraction}) of the previous year's verified emissions; once
 * the year is verified, the final allocation equals its verified direct emissions and the true-up
 * (final − pre-allocated; negative means allowances are taken back) settles the difference.
 * Quantities are kept exact; the registry issues whole allowances when it books them.
 */
public final class Cn2025QuotaRule implements QuotaAllocationRule {
  public static final String ID = "cn-2025";

  private final BigDecimal preAllocationFraction;

  public Cn2025QuotaRule(BigDecimal preAllocationFraction) {
    requireNonNull(preAllocationFraction, "preAllocationFraction is null");
    this.preAllocationFraction = Checks.fraction("pre_allocation_fraction", preAllocationFraction);
  }

  public static Cn2025QuotaRule of(ParameterSet params) {
    return new Cn2025QuotaRule(params.decimal("carbon_quota.pre_allocation_fraction"));
  }

  @Override
  public String id() {
    return ID;
  }

  public BigDecimal preAllocationFraction() {
    return preAllocationFraction;
  }

  @Override
  public BigDecimal preAllocation(CarbonQuota.Facility facility) {
    requireNonNull(facility, "facility is null");
    return facility.previousVerifiedDirectTco2().multiply(preAllocationFraction);
  }

  @Override
  public CarbonQuota.Allocation settle(
      CarbonQuota.Facility facility, BigDecimal verifiedDirectTco2) {
    requireNonNull(facility, "facility is null");
    Checks.nonNegative("verified_direct_tco2", verifiedDirectTco2);
    BigDecimal pre = preAllocation(facility);
    return new CarbonQuota.Allocation(
        facility.id(),
        facility.year(),
        ID,
        pre,
        verifiedDirectTco2,
        verifiedDirectTco2.subtract(pre));
  }
}
