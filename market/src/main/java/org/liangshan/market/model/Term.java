package org.liangshan.market.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.liangshan.core.LiangshanException;

/**
 * The term of a right: the first and last day it is valid and whether it is a <b>flow</b> right (so much a year,
 * for each year of the term: eco-vouchers, discharge rights, energy-use rights) or a <b>stock</b> (a quantity
 * held once: quotas, credits, forest rights). A right is <i>live</i> on the days of its term only: compliance
 * counts the rights live on its date, total control the water rights live in its year, and the holdings ledger
 * expires a right the day after its last day. A stock without an end does not expire; a flow right always has
 * one (the landing check quarantines one without, see docs/landing-formats.md).
 */
public record Term(LocalDate validFrom, Optional<LocalDate> validUntil, Kind kind) {

  /** Flow (per year of the term) or stock (held once). */
  public enum Kind {
    FLOW,
    STOCK;

    /** The stored name: {@code flow}, {@code stock}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind parse(String code) {
      for (Kind kind : values()) {
        if (kind.code().equals(code)) {
          return kind;
        }
      }
      throw LiangshanException.badInput("Unknown term kind '%s'; expected flow or stock.", code);
    }
  }

  public Term {
    requireNonNull(validFrom, "validFrom is null");
    requireNonNull(validUntil, "validUntil is null");
    requireNonNull(kind, "kind is null");
    if (validUntil.isPresent() && validUntil.get().isBefore(validFrom)) {
      throw new IllegalArgumentException("Invalid term (ends before it starts): " + validFrom + " to " + validUntil.get());
    }
    if (kind == Kind.FLOW && validUntil.isEmpty()) {
      throw new IllegalArgumentException("Invalid term (a flow right needs an end): from " + validFrom);
    }
  }

  /** A flow right for one calendar year: 1 January to 31 December. */
  public static Term calendarYear(int year) {
    return new Term(LocalDate.of(year, 1, 1), Optional.of(LocalDate.of(year, 12, 31)), Kind.FLOW);
  }

  /** The one default term rule {@code auction.term} knows: the calendar year the auction closes in. */
  public static final String CALENDAR_YEAR = "calendar_year";

  /**
   * The term an auction sells, and so the term of every voucher it awards: the term the auction states (both
   * days, checked on ingestion), else the default rule of the parameter {@code auction.term}, {@code
   * calendar_year}: 1 January to 31 December of the year it closes in (China Standard Time), the year whose
   * occupation the vouchers offset at verification on 31 December.
   */
  public static Term auctionTerm(Optional<LocalDate> statedFrom, Optional<LocalDate> statedUntil, int closingYear,
      String defaultRule) {
    if (statedFrom.isPresent() && statedUntil.isPresent()) {
      return new Term(statedFrom.get(), statedUntil, Kind.FLOW);
    }
    if (!CALENDAR_YEAR.equals(defaultRule)) {
      throw LiangshanException.badInput("Unknown auction.term '%s'; expected %s (the calendar year the auction closes in).",
          defaultRule, CALENDAR_YEAR);
    }
    return calendarYear(closingYear);
  }

  /** Whether the right is valid on the day. */
  public boolean liveOn(LocalDate date) {
    return !date.isBefore(validFrom) && validUntil.map(until -> !date.isAfter(until)).orElse(true);
  }

  /** Whether the right is valid on some day of the calendar year. */
  public boolean liveIn(int year) {
    return !validFrom.isAfter(LocalDate.of(year, 12, 31)) && validUntil.map(u -> u.getYear() >= year).orElse(true);
  }
}
