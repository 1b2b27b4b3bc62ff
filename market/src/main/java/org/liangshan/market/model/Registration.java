package org.liangshan.market.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The registration check of a new market entity (METHODOLOGY.md section 3): before it registers, an
 * enterprise must hold eco-vouchers covering its occupation of each zone's capacity, per pollutant, on the
 * registration date. The answer is yes or no with the reason, one line per zone and pollutant.
 */
public final class Registration {
  private Registration() {}

  /** The occupation to cover, t/a, and where the number comes from. */
  public record Need(String zoneId, String pollutant, double occupationTA, String basis) {
    public Need {
      requireNonNull(zoneId, "zoneId is null");
      requireNonNull(pollutant, "pollutant is null");
    }
  }

  public record Answer(String uscc, LocalDate date, boolean eligible, String reason, List<String> lines) {
    public Answer {
      lines = List.copyOf(lines);
    }

    @Override
    public String toString() {
      StringBuilder s = new StringBuilder((eligible ? "yes" : "no") + ": " + uscc + " on " + date + ": " + reason);
      lines.forEach(l -> s.append(System.lineSeparator()).append("  ").append(l));
      return s.toString();
    }
  }

  /**
   * @param name the registry's name, empty when the enterprise is not in the registry
   * @param holdings eco-vouchers the enterprise holds on the date, quantities in t/a
   */
  public static Answer check(String uscc, Optional<String> name, LocalDate date, Optional<List<Need>> needs,
      List<Compliance.Holding> holdings) {
    requireNonNull(uscc, "uscc is null");
    if (name.isEmpty()) {
      return new Answer(uscc, date, false, "not in the enterprise registry of the region", List.of());
    }
    if (needs.isEmpty()) {
      return new Answer(uscc, date, false, "no occupation assessment on record; run the market job for the year or"
          + " state the expected occupation (--occupation ZONE:POLLUTANT=T_A)", List.of());
    }
    List<String> lines = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Need need : needs.get()) {
      double held = holdings.stream()
          .filter(h -> h.rightType().equals("eco_voucher") && need.zoneId().equals(h.zoneId()) && need.pollutant().equals(h.subject()))
          .mapToDouble(Compliance.Holding::quantity).sum();
      boolean ok = held + Compliance.TOLERANCE >= need.occupationTA();
      lines.add(String.format("%s %s: occupation %s t/a (%s), eco-vouchers held %s t/a: %s", need.zoneId(), need.pollutant(),
          plain(need.occupationTA()), need.basis(), plain(held), ok ? "covered" : "short by " + plain(need.occupationTA() - held)));
      if (!ok) {
        missing.add(need.zoneId() + " " + need.pollutant());
      }
    }
    String who = name.get();
    if (missing.isEmpty()) {
      return new Answer(uscc, date, true, who + " holds eco-vouchers covering its occupation in every zone and pollutant", lines);
    }
    return new Answer(uscc, date, false, who + " lacks eco-vouchers for " + String.join(", ", missing)
        + "; buy them on the platform (auction or trade) before registering", lines);
  }

  private static String plain(double value) {
    return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
  }
}
