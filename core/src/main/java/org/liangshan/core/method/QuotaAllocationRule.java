package org.liangshan.core.method;

import java.math.BigDecimal;

/**
 * How a year's free carbon allowances are allocated to a covered facility (METHODOLOGY.md section
 * 4, "Allocation"). Each year's scheme is a new implementation, not an edit of the last one; the
 * parameter set names the rule in force ({@code carbon_quota.rule}) and {@link CarbonQuota#rule}
 * finds it.
 */
public interface QuotaAllocationRule {
  /** The rule's id as the parameter set names it, e.g. {@code cn-2025}. */
  String id();

  /** The allowances issued ahead of verification, tCO₂. */
  BigDecimal preAllocation(CarbonQuota.Facility facility);

  /**
   * The final allocation once the year's emissions are verified, and the true-up against the
   * pre-allocation.
   */
  CarbonQuota.Allocation settle(CarbonQuota.Facility facility, BigDecimal verifiedDirectTco2);
}
