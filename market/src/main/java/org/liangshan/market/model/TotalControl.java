package org.liangshan.market.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.unit.Quantity;
import org.liangshan.core.unit.Unit;

/**
 * "Total control, zoned limits" (METHODOLOGY.md 3) for the auctions of one region and year: an auction may put
 * up for sale no more than the room left in its zone for its pollutant,
 *
 * <pre>
 * room = allocatable − occupied − live water rights already issued − what earlier auctions of the year sold
 * </pre>
 *
 * all in t/a (lots converted by {@link Quantity#to}; a lot must be a load a year, t/a or kg/a). An auction whose supply exceeds the room has its supply
 * <b>cut to the room</b>, in whole lots rounded down; with no whole lot of room it is <b>refused</b>. Why cut
 * rather than refuse: the bids are sealed and valid at their prices, a uniform-price auction of fewer lots can
 * only clear at the same or a higher price, so the lawful part of the sale still finds its price, and nothing
 * is sold beyond the zone's capacity. Auctions are taken in closing order, so an earlier auction's sales
 * shrink a later one's room.
 *
 * <p>Live water rights are eco-vouchers and discharge rights of the zone and pollutant valid at some time in
 * the year; trades between holders move them and never add to them. {@link #verify} checks the invariant
 * after the run: in every zone where this year's auctions sold, live rights + occupation ≤ allocatable. A zone
 * already over its allocatable before any sale (by occupation, or by rights issued outside the market) is an
 * overload the market cannot cure: it sells nothing there, and the capacity table marks the zone overloaded.
 */
public final class TotalControl {
  /** Quantities within a milligram a year are rounding of sums in double. */
  static final double TOLERANCE_TA = 1e-9;

  /** The decision on one auction's supply. */
  public enum Status {
    WITHIN_ROOM,
    SUPPLY_CUT,
    REFUSED;

    /** The stored name: {@code within_room}, {@code supply_cut}, {@code refused}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A zone's capacity for one pollutant in the year, what occupies it and the water rights already live (t/a). */
  public record Room(String zoneId, String pollutant, int year, double allocatableTA, double occupiedTA,
      double liveRightsTA) {
    public Room {
      requireNonNull(zoneId, "zoneId is null");
      requireNonNull(pollutant, "pollutant is null");
    }

    /** allocatable − occupied − live rights, t/a; below zero when the zone is already over. */
    public double roomTA() {
      return allocatableTA - occupiedTA - liveRightsTA;
    }
  }

  /**
   * What total control allowed for one auction: {@code room} is empty when the zone has no computed capacity (or
   * the auction names no zone); {@code soldEarlierTA} is what earlier auctions of the year sold in the zone;
   * {@code unit} is empty when the auction's unit is not a water unit.
   */
  public record SupplyCheck(String auctionId, String zoneId, String pollutant, Optional<Unit> unit,
      long supplyOffered, Optional<Room> room, double soldEarlierTA, long supplyAllowed, Status status,
      String reason) {
    public SupplyCheck {
      requireNonNull(auctionId, "auctionId is null");
      requireNonNull(pollutant, "pollutant is null");
      requireNonNull(unit, "unit is null");
      requireNonNull(room, "room is null");
      requireNonNull(status, "status is null");
      requireNonNull(reason, "reason is null");
      if (supplyAllowed < 0 || supplyAllowed > supplyOffered) {
        throw new IllegalArgumentException("Invalid supply allowed (must be in [0, " + supplyOffered + "]): " + supplyAllowed);
      }
    }

    /** The room left for this auction, t/a, when there is a capacity. */
    public Optional<Double> roomLeftTA() {
      return room.map(r -> r.roomTA() - soldEarlierTA);
    }
  }

  private final int year;
  private final Map<String, Room> rooms = new LinkedHashMap<>();
  private final Map<String, Double> soldTA = new LinkedHashMap<>();

  public TotalControl(int year, List<Room> rooms) {
    this.year = year;
    for (Room room : rooms) {
      if (room.year() != year) {
        throw new IllegalArgumentException("Room of " + room.year() + " in the total control of " + year);
      }
      if (this.rooms.put(key(room.zoneId(), room.pollutant()), room) != null) {
        throw new IllegalArgumentException("Two rooms for " + room.zoneId() + " " + room.pollutant());
      }
    }
  }

  private static String key(String zoneId, String pollutant) {
    return zoneId + "|" + pollutant;
  }

  /** Checks an auction's supply against the room left now; call {@link #sold} once it has cleared. */
  public SupplyCheck check(String auctionId, String zoneId, String pollutant, String unitText, long supplyOffered) {
    Optional<Unit> unit = Unit.parse(unitText).filter(Unit::isWaterFlow);
    Optional<Room> room = zoneId == null ? Optional.empty() : Optional.ofNullable(rooms.get(key(zoneId, pollutant)));
    double soldEarlier = zoneId == null ? 0 : soldTA.getOrDefault(key(zoneId, pollutant), 0.0);
    if (unit.isEmpty()) {
      return new SupplyCheck(auctionId, zoneId, pollutant, unit, supplyOffered, room, soldEarlier, 0, Status.REFUSED,
          "unit '" + unitText + "'" + Unit.parse(unitText).map(u -> " (" + u.symbol() + ")").orElse("")
              + " is not a load a year (t/a or kg/a): the supply cannot be checked against capacity");
    }
    if (room.isEmpty()) {
      return new SupplyCheck(auctionId, zoneId, pollutant, unit, supplyOffered, room, soldEarlier, 0, Status.REFUSED,
          "no capacity computed for zone " + zoneId + " and " + pollutant + " in " + year
              + ": the supply cannot be checked against capacity");
    }
    Room r = room.get();
    double left = r.roomTA() - soldEarlier;
    long allowed = Math.min(supplyOffered, wholeLotsIn(left, unit.get()));
    String figures = String.format(Locale.ROOT,
        "allocatable %s − occupied %s − live rights %s − sold earlier this year %s = room %s t/a (%d %s)",
        t(r.allocatableTA()), t(r.occupiedTA()), t(r.liveRightsTA()), t(soldEarlier), t(left),
        wholeLotsIn(left, unit.get()), unit.get().symbol());
    if (allowed == supplyOffered) {
      return new SupplyCheck(auctionId, zoneId, pollutant, unit, supplyOffered, room, soldEarlier, allowed,
          Status.WITHIN_ROOM, "supply " + supplyOffered + " " + unit.get().symbol() + " within the room: " + figures);
    }
    if (allowed > 0) {
      return new SupplyCheck(auctionId, zoneId, pollutant, unit, supplyOffered, room, soldEarlier, allowed,
          Status.SUPPLY_CUT, "supply " + supplyOffered + " " + unit.get().symbol() + " cut to " + allowed + ": " + figures);
    }
    return new SupplyCheck(auctionId, zoneId, pollutant, unit, supplyOffered, room, soldEarlier, 0, Status.REFUSED,
        "no whole lot of room for supply " + supplyOffered + " " + unit.get().symbol() + ": " + figures);
  }

  /** Records what an auction sold (in its lots), so later auctions of the zone see less room. */
  public void sold(SupplyCheck check, long units) {
    if (units < 0 || units > check.supplyAllowed()) {
      throw new IllegalArgumentException("Auction " + check.auctionId() + " sold " + units + " of the "
          + check.supplyAllowed() + " total control allowed");
    }
    if (units > 0) {
      soldTA.merge(key(check.zoneId(), check.pollutant()),
          Quantity.of(units, check.unit().orElseThrow()).to(Unit.TONNES_PER_YEAR).doubleValue(), Double::sum);
    }
  }

  /** t/a sold by this year's auctions, per zone and pollutant ({@code zone|pollutant}). */
  public Map<String, Double> soldTA() {
    return Map.copyOf(soldTA);
  }

  /**
   * The invariant after the run: for every zone and pollutant where this year's auctions sold, the water rights
   * live at the year's end ({@code liveRightsAfterTA}, {@code zone|pollutant} → t/a, awards included) plus
   * occupation are within the allocatable capacity. Throws naming each zone, pollutant and year broken, with the
   * figures.
   */
  public void verify(Map<String, Double> liveRightsAfterTA) {
    List<String> broken = new ArrayList<>();
    soldTA.forEach((key, sold) -> {
      Room r = rooms.get(key);
      double live = liveRightsAfterTA.getOrDefault(key, 0.0);
      if (live + r.occupiedTA() > r.allocatableTA() + TOLERANCE_TA) {
        broken.add(String.format(Locale.ROOT, "%s %s %d: live rights %s + occupied %s = %s t/a > allocatable %s t/a"
                + " (auctions sold %s t/a)", r.zoneId(), r.pollutant(), year, t(live), t(r.occupiedTA()),
            t(live + r.occupiedTA()), t(r.allocatableTA()), t(sold)));
      }
    });
    if (!broken.isEmpty()) {
      throw LiangshanException.failure("Total control broken: auctions sold beyond the capacity of %s. Nothing was"
          + " published; check the rights issued and the auction supplies of these zones.", String.join("; ", broken));
    }
  }

  /**
   * How many whole lots of {@code lot} (a load a year) fit in a room of {@code roomTA} t/a, rounded down (never
   * above the room); a room a billionth of a lot short of a whole lot counts as that lot, so 0.076 t/a is 76 kg/a
   * and not 75 from a binary rounding. Zero for a room of zero or less.
   */
  static long wholeLotsIn(double roomTA, Unit lot) {
    if (!lot.isWaterFlow()) {
      throw new IllegalArgumentException("A lot of " + lot.symbol() + " is not a load a year (t/a or kg/a)");
    }
    if (!(roomTA > 0)) {
      return 0;
    }
    double lotsPerTonneAYear = Quantity.of(1L, Unit.TONNES_PER_YEAR).to(lot).doubleValue();
    return (long) Math.floor(roomTA * lotsPerTonneAYear + 1e-9);
  }

  private static String t(double tonnesPerYear) {
    return String.format(Locale.ROOT, "%.6f", tonnesPerYear);
  }
}
