package org.liangshan.market.model;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * The units a water right or an auction lot is counted in, and the one conversion between them. Capacity,
 * occupation and benchmark prices are in t/a; the sample auctions sell whole lots of 1 kg/a (landing family
 * {@code auctions}, column 单位). Every place that crosses the two calls this enum: the reserve per lot, the
 * holdings verification counts, total control before an auction clears.
 */
public enum WaterUnit {
  /** Tonnes of allowed load a year. */
  TONNES_PER_YEAR("t/a", 0),
  /** Kilograms of allowed load a year: a thousandth of a t/a. */
  KILOGRAMS_PER_YEAR("kg/a", 3);

  private final String symbol;
  /** Powers of ten in one t/a. */
  private final int perTonneExponent;

  WaterUnit(String symbol, int perTonneExponent) {
    this.symbol = symbol;
    this.perTonneExponent = perTonneExponent;
  }

  public String symbol() {
    return symbol;
  }

  /**
   * The unit a landing file names: {@code t/a}, {@code t}, {@code t/yr}, {@code 吨} (tonnes) or {@code kg/a},
   * {@code kg}, {@code kg/yr}, {@code 千克}; anything else (or nothing) is no known unit.
   */
  public static Optional<WaterUnit> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String u = text.strip().toLowerCase(Locale.ROOT).replace("吨", "t").replace("千克", "kg");
    return switch (u) {
      case "t/a", "t", "t/yr" -> Optional.of(TONNES_PER_YEAR);
      case "kg/a", "kg", "kg/yr" -> Optional.of(KILOGRAMS_PER_YEAR);
      default -> Optional.empty();
    };
  }

  /** A quantity in this unit, in t/a. */
  public double toTonnesPerYear(double quantity) {
    return quantity / Math.pow(10, perTonneExponent);
  }

  /** t/a per unit of this unit (1, or 0.001). */
  public double tonnesPerYearPerUnit() {
    return toTonnesPerYear(1);
  }

  /**
   * How many whole units fit in {@code tonnesPerYear} t/a, rounded down (never above the room); a room a
   * billionth of a unit short of a whole unit counts as that unit, so 0.076 t/a is 76 kg/a and not 75 from a
   * binary rounding. Zero for a room of zero or less.
   */
  public long wholeUnitsIn(double tonnesPerYear) {
    if (!(tonnesPerYear > 0)) {
      return 0;
    }
    return (long) Math.floor(tonnesPerYear * Math.pow(10, perTonneExponent) + 1e-9);
  }

  /** A price per t/a as a price per unit of this unit, exact. */
  public BigDecimal pricePerUnit(BigDecimal yuanPerTonnePerYear) {
    return yuanPerTonnePerYear.movePointLeft(perTonneExponent);
  }
}
