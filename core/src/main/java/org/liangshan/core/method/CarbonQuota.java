package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;

/**
 * Carbon-quota allocation (METHODOLOGY.md section 4, "Allocation"): the facility and allocation
 * records and the lookup of the {@link QuotaAllocationRule} a parameter set names ({@code
 * carbon_quota.rule}). Next year's rule is a new class registered in {@link #rule}, not an edit of
 * {@link Cn2025QuotaRule}.
 */
public final class CarbonQuota {
  /** The rules this build knows. */
  public static final List<String> RULES = List.of(Cn2025QuotaRule.ID);

  private CarbonQuota() {}

  /** A covered facility in an allocation year, with last year's verified direct emissions. */
  public record Facility(String id, int year, BigDecimal previousVerifiedDirectTco2) {
    public Facility {
      Checks.present("facility_id", id);
      Checks.nonNegative("previous_verified_direct_tco2", previousVerifiedDirectTco2);
    }
  }

  /** A settled allocation: pre-allocated, final, and true-up = final − pre-allocated (tCO₂). */
  public record Allocation(
      String facilityId,
      int year,
      String rule,
      BigDecimal preAllocatedTco2,
      BigDecimal finalAllocationTco2,
      BigDecimal trueUpTco2) {
    public Allocation {
      requireNonNull(facilityId, "facilityId is null");
      requireNonNull(rule, "rule is null");
      requireNonNull(preAllocatedTco2, "preAllocatedTco2 is null");
      requireNonNull(finalAllocationTco2, "finalAllocationTco2 is null");
      requireNonNull(trueUpTco2, "trueUpTco2 is null");
    }
  }

  /** The rule the parameter set names. */
  public static QuotaAllocationRule rule(ParameterSet params) {
    String id = params.text("carbon_quota.rule");
    if (Cn2025QuotaRule.ID.equals(id)) {
      return Cn2025QuotaRule.of(params);
    }
    throw LiangshanException.failure(
        "Parameter 'carbon_quota.rule' in parameter set %s names unknown rule '%s'; known rules:"
            + " %s",
        params.version(), id, String.join(", ", RULES));
  }
}
