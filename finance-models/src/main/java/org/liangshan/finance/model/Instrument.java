package org.liangshan.finance.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.liangshan.core.unit.QuoteUnits;
import org.liangshan.core.unit.Unit;
import org.liangshan.market.model.Pollutant;

/**
 * What a price series is of: trades of the same right type, the same subject (pollutant, or carbon product:
 * COD, NH3-N, TP, TN, CO2; empty for rights without one; a carbon quota or sink credit that names none is CO2)
 * and the same zone, or, when the trades record no zone,
 * the region's registry (its exchange). A pledge is priced from its own instrument's trades only: never from
 * another subject's (a TP eco-voucher trades far above a COD one) nor from the whole right type.
 *
 * <p>silver.trades records no zone today, so every series is a registry series ({@code zoneId} empty): an
 * eco-voucher of any zone is priced from the region's trades of its type and pollutant. A trade that does
 * record a zone makes a zone series, which then wins over the registry series for rights of that zone.
 */
public record Instrument(String rightType, String subject, Optional<String> zoneId) implements Comparable<Instrument> {
  /** Carbon quotas and sink credits are of CO₂ (tCO₂e): a trade or right of them that names no subject is CO₂. */
  static final java.util.Set<String> CARBON_TYPES = java.util.Set.of("carbon_quota", "carbon_sink_credit");

  public Instrument {
    requireNonNull(rightType, "rightType is null");
    requireNonNull(zoneId, "zoneId is null");
    subject = subjectKey(subject);
    if (subject.isEmpty() && CARBON_TYPES.contains(rightType)) {
      subject = "CO2";
    }
    zoneId = zoneId.filter(z -> !z.isBlank());
  }

  /** The unit trades of a right type are quoted in, yuan per it: core's {@link QuoteUnits#of}, the one declaration. */
  public static Optional<Unit> quoteUnit(String rightType) {
    return QuoteUnits.of(rightType);
  }

  /** The unit this instrument's prices are per ({@link #quoteUnit}). */
  public Optional<Unit> unit() {
    return quoteUnit(rightType);
  }

  /** The series name the valuation and its report show, e.g. {@code discharge_right COD (registry)}. */
  public String name() {
    return rightType + (subject.isEmpty() ? "" : " " + subject) + zoneId.map(z -> " zone " + z).orElse(" (registry)");
  }

  /** A subject as a series key: the pollutant code (COD, NH3-N, TP, TN), else the text upper-cased; "" for none. */
  public static String subjectKey(String subject) {
    if (subject == null || subject.isBlank()) {
      return "";
    }
    return Pollutant.parse(subject).map(Pollutant::code).orElse(subject.strip().toUpperCase(Locale.ROOT));
  }

  @Override
  public int compareTo(Instrument o) {
    return name().compareTo(o.name());
  }

  /** The series of a region's trades, by instrument; a right's series is its zone's when there is one, else the registry's. */
  public static final class Series {
    private final Map<Instrument, List<PriceHistory.Trade>> byInstrument = new TreeMap<>();

    /** Adds a trade of {@code instrument}; trades are kept in the order added. */
    public void add(Instrument instrument, PriceHistory.Trade trade) {
      requireNonNull(instrument, "instrument is null");
      if (!instrument.rightType().equals(trade.rightType())) {
        throw new IllegalArgumentException("Trade " + trade.tradeId() + " is a " + trade.rightType() + ", not of " + instrument.name());
      }
      byInstrument.computeIfAbsent(instrument, i -> new ArrayList<>()).add(trade);
    }

    /** The instrument whose trades price a right of this type, subject and zone. */
    public Instrument instrumentOf(String rightType, String subject, String zoneId) {
      Instrument zone = new Instrument(rightType, subject, Optional.ofNullable(zoneId));
      return byInstrument.containsKey(zone) ? zone : new Instrument(rightType, subject, Optional.empty());
    }

    /** Every instrument with at least one trade, in name order. */
    public List<Instrument> instruments() {
      return List.copyOf(byInstrument.keySet());
    }

    /** The trades of an instrument (empty when it never traded). */
    public List<PriceHistory.Trade> trades(Instrument instrument) {
      return List.copyOf(byInstrument.getOrDefault(instrument, List.of()));
    }
  }
}
