package org.liangshan.finance.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.CompensationAgreement;
import org.liangshan.market.model.Pollutant;

/**
 * The two entry kinds of METHODOLOGY.md section 5 beside the GEP-keyed and horizontal ones:
 *
 * <ul>
 *   <li><b>{@code vertical_quota}</b>, yearly: a quota held against its allocation. Capacity: per zone
 *       and pollutant, held = the capacity the zone's enterprises occupy, allocated = the zone's
 *       allocatable capacity (gold.zone_capacity), rate {@code
 *       compensation.vertical_quota.capacity_rate_yuan_per_t.<pollutant>}. Carbon: per enterprise, held =
 *       the year's carbon quota it holds at 31 December (gold.holdings), allocated = its final allocation
 *       (gold.enterprise_emissions), rate {@code compensation.vertical_quota.carbon_rate_yuan_per_t}.
 *       Held below allocation: the agreement's payer (the fund) pays (allocated − held) × rate to the zone
 *       or enterprise; held above: the zone or enterprise pays (held − allocated) × rate to the fund.
 *   <li><b>{@code damage}</b>, in the month of the event: an environmental violation (silver.credit_events)
 *       is paid by the violator to the agreement's payee. Where the event records what must be restored (a
 *       quantity and its unit), the damage is valued by the restoration-cost approach of GB/T 39791.1-2020
 *       (section 8, value quantification: the cost of restoring the damaged environment to its baseline):
 *       quantity × {@code compensation.damage.restoration_cost_yuan_per_unit.<unit>}. Otherwise the fixed
 *       schedule {@code compensation.damage.penalty_yuan.<severity>} is the declared fallback, and the entry's
 *       basis says so ({@code "fallback": true}).
 * </ul>
 *
 * <p>Each amount is exact (BigDecimal: the quantities as recorded × the rate) and published in fen, HALF_EVEN
 * ({@link CompensationLedger#toFen}); an amount that rounds to 0 fen is no entry. Every entry has its two
 * postings, so the period balances like every other.
 */
public final class QuotaAndDamage {
  public static final String VERTICAL_QUOTA = "vertical_quota";
  public static final String DAMAGE = "damage";
  public static final String CAPACITY = "capacity";
  public static final String CARBON = "carbon";

  private static final ObjectMapper JSON = new ObjectMapper();

  private QuotaAndDamage() {}

  /**
   * A quota held against its allocation. {@code key} identifies it in the entry id (zone-pollutant or
   * USCC), {@code party} is who receives or pays, {@code subject} the pollutant (capacity) or CO2.
   */
  public record Holding(String quotaType, String key, String party, String subject, String unit, BigDecimal allocated,
      BigDecimal held, String allocatedSource, String heldSource) {
    public Holding {
      requireNonNull(quotaType, "quotaType is null");
      requireNonNull(key, "key is null");
      requireNonNull(party, "party is null");
      requireNonNull(subject, "subject is null");
      requireNonNull(unit, "unit is null");
      requireNonNull(allocated, "allocated is null");
      requireNonNull(held, "held is null");
      if (!quotaType.equals(CAPACITY) && !quotaType.equals(CARBON)) {
        throw new IllegalArgumentException("Invalid quota type (capacity or carbon): " + quotaType);
      }
    }
  }

  /** What a violation left to restore: a quantity in a unit of the restoration-cost parameters. */
  public record Restoration(double quantity, String unit) {
    public Restoration {
      requireNonNull(unit, "unit is null");
      if (!(quantity > 0)) {
        throw new IllegalArgumentException("Invalid restoration quantity (must be > 0): " + quantity);
      }
    }
  }

  /** An environmental violation recorded against a party, with what it left to restore when recorded. */
  public record Violation(String eventId, LocalDate date, String subjectId, String party, String severity, String description,
      Optional<Restoration> restoration) {
    public Violation {
      requireNonNull(eventId, "eventId is null");
      requireNonNull(date, "date is null");
      requireNonNull(subjectId, "subjectId is null");
      requireNonNull(party, "party is null");
      requireNonNull(severity, "severity is null");
      requireNonNull(restoration, "restoration is null");
    }

    /** A violation that records nothing to restore (the fixed schedule applies). */
    public Violation(String eventId, LocalDate date, String subjectId, String party, String severity, String description) {
      this(eventId, date, subjectId, party, severity, description, Optional.empty());
    }
  }

  /** The rate of a quota, yuan per unit, from the parameter set; a failure naming the key when it is missing. */
  public static BigDecimal rate(Holding h, ParameterSet params) {
    String key = rateKey(h);
    if (!params.has(key)) {
      throw LiangshanException.failure("No rate for %s quota %s (%s): add %s to the parameter set.", h.quotaType(), h.key(),
          h.subject(), key);
    }
    return params.decimal(key);
  }

  /** The parameter holding the rate of a quota. */
  static String rateKey(Holding h) {
    return h.quotaType().equals(CARBON) ? "compensation.vertical_quota.carbon_rate_yuan_per_t"
        : "compensation.vertical_quota.capacity_rate_yuan_per_t." + Pollutant.parse(h.subject()).map(Pollutant::indicator)
            .orElse(h.subject());
  }

  /** The yearly quota-keyed entries of a vertical agreement, one per holding off its allocation. */
  public static List<CompensationLedger.Entry> verticalQuota(CompensationAgreement agreement, int year, List<Holding> holdings,
      int revision, ParameterSet params) {
    String fund = agreement.payer().orElseThrow();
    String period = Integer.toString(year);
    List<CompensationLedger.Entry> entries = new ArrayList<>();
    for (Holding h : holdings) {
      BigDecimal deviation = h.allocated().subtract(h.held());
      if (deviation.signum() == 0) {
        continue;
      }
      BigDecimal rate = rate(h, params);
      BigDecimal exact = deviation.abs().multiply(rate);
      BigDecimal fen = CompensationLedger.toFen(exact);
      if (fen.signum() == 0) {
        continue;
      }
      boolean below = deviation.signum() > 0;
      ObjectNode basis = basis(agreement, period);
      basis.put("quota_type", h.quotaType());
      basis.put("key", h.key());
      basis.put("party", h.party());
      basis.put("subject", h.subject());
      basis.put("unit", h.unit());
      basis.put("allocated", h.allocated());
      basis.put("allocated_source", h.allocatedSource());
      basis.put("held", h.held());
      basis.put("held_source", h.heldSource());
      basis.put("allocated_minus_held", deviation);
      basis.put("rate_yuan_per_unit", rate);
      basis.put("exact_yuan", exact);
      basis.put("direction", below
          ? "held below allocation: the fund pays (allocated - held) x rate"
          : "held above allocation: the holder pays (held - allocated) x rate to the fund");
      entries.add(new CompensationLedger.Entry(
          agreement.id() + ":" + period + ":" + h.quotaType() + ":" + h.key() + ":r" + revision, period, agreement.id(),
          VERTICAL_QUOTA, below ? fund : h.party(), below ? h.party() : fund, exact, fen, basis.toString(),
          Reliance.proportional(exact.doubleValue(), List.of(Reliance.agreement(agreement),
              new Reliance.Parameter(rateKey(h))))));
    }
    return List.copyOf(entries);
  }

  /**
   * The damage entries of a damage agreement: one per violation, in the month of the event, valued by
   * restoration cost where the event records a restoration quantity, else by the fixed schedule (flagged).
   */
  public static List<CompensationLedger.Entry> damage(CompensationAgreement agreement, List<Violation> violations, int revision,
      ParameterSet params) {
    String payee = agreement.payee().orElseThrow();
    List<CompensationLedger.Entry> entries = new ArrayList<>();
    for (Violation v : violations) {
      if (v.party().equals(payee)) {
        continue;
      }
      String period = YearMonth.from(v.date()).toString();
      ObjectNode basis = basis(agreement, period);
      basis.put("event_id", v.eventId());
      basis.put("event_date", v.date().toString());
      basis.put("subject_id", v.subjectId());
      basis.put("party", v.party());
      basis.put("severity", v.severity());
      if (v.description() != null) {
        basis.put("description", v.description());
      }
      BigDecimal exact;
      String costKey;
      if (v.restoration().isPresent()) {
        Restoration r = v.restoration().get();
        String key = "compensation.damage.restoration_cost_yuan_per_unit." + r.unit();
        if (!params.has(key)) {
          throw LiangshanException.badInput("No restoration cost for unit '%s' (event %s, field restoration_unit): add %s to"
              + " the parameter set or record the quantity in one of its units.", r.unit(), v.eventId(), key);
        }
        BigDecimal unitCost = params.decimal(key);
        costKey = key;
        exact = BigDecimal.valueOf(r.quantity()).multiply(unitCost);
        basis.put("damage_basis", "restoration cost, GB/T 39791.1-2020 section 8: quantity x unit restoration cost");
        basis.put("fallback", false);
        basis.put("restoration_quantity", r.quantity());
        basis.put("restoration_unit", r.unit());
        basis.put("unit_cost_key", key);
        basis.put("unit_cost_yuan", unitCost);
      } else {
        String key = "compensation.damage.penalty_yuan." + v.severity();
        if (!params.has(key)) {
          throw LiangshanException.failure("No damage penalty for severity '%s' (event %s): add %s to the parameter set.",
              v.severity(), v.eventId(), key);
        }
        exact = params.decimal(key);
        costKey = key;
        basis.put("damage_basis", "fixed schedule by severity: the declared fallback, the event records no restoration quantity");
        basis.put("fallback", true);
        basis.put("penalty_key", key);
        basis.put("penalty_yuan", exact);
      }
      BigDecimal fen = CompensationLedger.toFen(exact);
      if (fen.signum() == 0) {
        continue;
      }
      entries.add(new CompensationLedger.Entry(agreement.id() + ":" + period + ":" + v.eventId() + ":r" + revision, period,
          agreement.id(), DAMAGE, v.party(), payee, exact, fen, basis.toString(),
          Reliance.proportional(exact.doubleValue(), List.of(Reliance.agreement(agreement), new Reliance.Parameter(costKey)))));
    }
    return List.copyOf(entries);
  }

  private static ObjectNode basis(CompensationAgreement agreement, String period) {
    ObjectNode node = JSON.createObjectNode();
    node.put("agreement", agreement.id());
    node.put("method", agreement.method());
    node.put("period", period);
    node.put("terms_status", agreement.terms().status());
    node.put("terms_source", agreement.terms().source());
    return node;
  }
}
