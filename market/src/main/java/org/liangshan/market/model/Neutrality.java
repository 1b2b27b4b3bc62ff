package org.liangshan.market.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Event carbon neutrality: an event's emissions are offset by retiring forest carbon-sink credits through the
 * holdings ledger, on the event date, from the credit holder's account (retirement on behalf of the
 * organiser, who is the certificate's beneficiary). Credits are whole tCO2e, so ⌈emissions⌉ are retired,
 * oldest-issued credits first. When the holder has fewer valid credits than needed nothing is retired and
 * the certificate is refused with the reason: an event is neutral or it is not.
 */
public final class Neutrality {
  public static final String RIGHT_TYPE = "carbon_sink_credit";

  private Neutrality() {}

  public record Event(String eventId, String name, String organiser, LocalDate date, double emissionsTco2e,
      String creditHolder) {
    public Event {
      requireNonNull(eventId, "eventId is null");
      requireNonNull(organiser, "organiser is null");
      requireNonNull(date, "date is null");
      requireNonNull(creditHolder, "creditHolder is null");
      if (!(emissionsTco2e > 0)) {
        throw new IllegalArgumentException("Invalid emissions (must be > 0): " + emissionsTco2e);
      }
    }
  }

  /** status {@code neutral} (credits retired) or {@code refused}. */
  public record Certificate(Event event, String certificateId, long requiredTco2e, long retiredTco2e, String status,
      String rightsRetired, String reason) {}

  public static String certificateId(String eventId) {
    return "NC-" + eventId;
  }

  /** The ledger action that retires the event's credits; its certificate goes to {@code certificates}. */
  public static HoldingsLedger.Action action(Event event, Consumer<Certificate> certificates) {
    return new HoldingsLedger.Action(event.date(), "neutral:" + event.eventId(), ledger -> certificates.accept(retire(ledger, event)));
  }

  static Certificate retire(HoldingsLedger ledger, Event event) {
    long required = (long) Math.ceil(event.emissionsTco2e() - 1e-9);
    List<HoldingsLedger.Balance> credits = new ArrayList<>(ledger.holdingsOf(event.creditHolder()).stream()
        .filter(b -> b.right().rightType().equals(RIGHT_TYPE)).toList());
    credits.sort(Comparator.comparing((HoldingsLedger.Balance b) -> b.right().issuedOn()).thenComparing(b -> b.right().rightId()));
    double available = credits.stream().mapToDouble(HoldingsLedger.Balance::quantity).sum();
    String id = certificateId(event.eventId());
    if (available + 1e-9 < required) {
      return new Certificate(event, id, required, 0, "refused", "",
          event.creditHolder() + " holds " + available + " tCO2e of valid carbon-sink credits on " + event.date()
              + ", the event needs " + required + ": nothing retired");
    }
    long left = required;
    List<String> retired = new ArrayList<>();
    for (HoldingsLedger.Balance b : credits) {
      if (left == 0) {
        break;
      }
      long take = (long) Math.min(left, Math.floor(b.quantity() + 1e-9));
      if (take <= 0) {
        continue;
      }
      ledger.retire("retire:" + b.right().rightId() + ":" + event.eventId(), b.right().rightId(), event.date(), take,
          "event " + event.eventId() + " for " + event.organiser());
      retired.add(b.right().rightId() + ":" + take);
      left -= take;
    }
    if (left > 0) {
      throw new IllegalStateException("credits of fractional quantity left " + left + " t unretired for " + event.eventId());
    }
    return new Certificate(event, id, required, required, "neutral", String.join(",", retired),
        "emissions " + event.emissionsTco2e() + " tCO2e offset by " + required + " t of carbon-sink credits");
  }
}
