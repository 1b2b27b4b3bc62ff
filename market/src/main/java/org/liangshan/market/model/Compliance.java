package org.liangshan.market.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.liangshan.core.unit.Unit;

/**
 * Verification of a period (METHODOLOGY.md sections 3 and 4): each enterprise's occupation of a zone's
 * capacity per pollutant is verified against the eco-vouchers and discharge rights it holds for that zone and
 * pollutant (in t/a), and each emitter's verified direct emissions against the carbon quotas it holds (in
 * tCO2e). A shortfall becomes an obligation to buy (eco-vouchers, or carbon quotas) on the platform; what is
 * held above the requirement is a surplus the holder may offer.
 */
public final class Compliance {
  public static final String WATER = "water";
  public static final String CARBON = "carbon";
  static final Set<String> WATER_RIGHTS = Set.of("eco_voucher", "discharge_right");
  static final Set<String> CARBON_RIGHTS = Set.of("carbon_quota");
  /** Quantities below this are rounding, not a shortfall (1 g/a, or 1 kg CO2). */
  static final double TOLERANCE = 1e-6;

  private Compliance() {}

  /** What a holder must cover: {@code quantity} in t/a (water) or tCO2e (carbon). */
  public record Requirement(String holder, String name, String kind, String zoneId, String subject, double quantity,
      String basis) {
    public Requirement {
      requireNonNull(holder, "holder is null");
      requireNonNull(kind, "kind is null");
      requireNonNull(subject, "subject is null");
      requireNonNull(basis, "basis is null");
    }
  }

  /** Units of a right a holder has, converted to the requirement's unit (t/a or tCO2e). */
  public record Holding(String holder, String rightId, String rightType, String zoneId, String subject, double quantity,
      String unit) {
    public Holding {
      requireNonNull(holder, "holder is null");
      requireNonNull(rightId, "rightId is null");
      requireNonNull(rightType, "rightType is null");
    }

    /** water or carbon for the rights verification counts, else empty. */
    java.util.Optional<String> kind() {
      if (WATER_RIGHTS.contains(rightType) && zoneId != null && subject != null) {
        return java.util.Optional.of(WATER);
      }
      if (CARBON_RIGHTS.contains(rightType)) {
        return java.util.Optional.of(CARBON);
      }
      return java.util.Optional.empty();
    }
  }

  /** One verified line; status {@code covered} or {@code obligation_to_buy}. */
  public record Line(Requirement requirement, double held, double shortfall, double surplus, String status,
      String coveredBy, String rightToBuy) {}

  /** A holding above every requirement of its holder: what the holder may offer. */
  public record Surplus(String holder, String kind, String zoneId, String subject, double quantity, String unit,
      String rights) {}

  public record Result(List<Line> lines, List<Surplus> surpluses) {}

  static String key(String kind, String holder, String zoneId, String subject) {
    return kind + "|" + holder + "|" + (zoneId == null ? "" : zoneId) + "|" + subject;
  }

  public static Result verify(List<Requirement> requirements, List<Holding> holdings) {
    Map<String, Double> held = new TreeMap<>();
    Map<String, List<String>> rights = new TreeMap<>();
    Map<String, Holding> sample = new TreeMap<>();
    for (Holding h : holdings) {
      h.kind().ifPresent(kind -> {
        String k = key(kind, h.holder(), kind.equals(WATER) ? h.zoneId() : null, h.subject());
        held.merge(k, h.quantity(), Double::sum);
        rights.computeIfAbsent(k, x -> new ArrayList<>()).add(h.rightId());
        sample.putIfAbsent(k, h);
      });
    }
    rights.values().forEach(java.util.Collections::sort);
    Map<String, Double> required = new LinkedHashMap<>();
    List<Line> lines = new ArrayList<>();
    for (Requirement r : requirements) {
      String k = key(r.kind(), r.holder(), r.kind().equals(WATER) ? r.zoneId() : null, r.subject());
      required.merge(k, r.quantity(), Double::sum);
    }
    Map<String, Double> remaining = new TreeMap<>(held);
    for (Requirement r : requirements) {
      String k = key(r.kind(), r.holder(), r.kind().equals(WATER) ? r.zoneId() : null, r.subject());
      double available = remaining.getOrDefault(k, 0.0);
      double used = Math.min(available, r.quantity());
      remaining.put(k, available - used);
      double shortfall = r.quantity() - used;
      boolean covered = shortfall <= TOLERANCE;
      lines.add(new Line(r, held.getOrDefault(k, 0.0), covered ? 0 : shortfall,
          Math.max(0, held.getOrDefault(k, 0.0) - required.get(k)), covered ? "covered" : "obligation_to_buy",
          String.join(",", rights.getOrDefault(k, List.of())),
          r.kind().equals(WATER) ? "eco_voucher" : "carbon_quota"));
    }
    List<Surplus> surpluses = new ArrayList<>();
    remaining.forEach((k, left) -> {
      if (left > TOLERANCE) {
        Holding h = sample.get(k);
        String kind = h.kind().orElseThrow();
        surpluses.add(new Surplus(h.holder(), kind, kind.equals(WATER) ? h.zoneId() : null, h.subject(), left,
            (kind.equals(WATER) ? Unit.TONNES_PER_YEAR : Unit.TONNES_CO2E).symbol(), String.join(",", rights.get(k))));
      }
    });
    return new Result(List.copyOf(lines), List.copyOf(surpluses));
  }

}
