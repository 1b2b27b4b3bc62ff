package org.liangshan.core.unit;

import java.util.Locale;
import java.util.Optional;

/**
 * The units rights, lots, trades, holdings and prices are counted in, and the one place a landing file's unit
 * text becomes a unit ({@link #parse}). Each unit has a {@link Dimension}: a {@link Quantity} converts only
 * within its dimension ({@link Quantity#to}), and between a stock and its flow only through a term in years
 * ({@link Quantity#overYears}, {@link Quantity#perYear}). tCO₂e is its own dimension: a carbon quota is never a
 * tonne of pollutant, nor a tonne of coal equivalent.
 *
 * <p>Water rights (eco-vouchers, discharge rights) are a load a year: capacity, occupation and benchmark prices
 * are in t/a; the sample auctions sell lots of 1 kg/a (landing family {@code auctions}, column 单位).
 */
public enum Unit {
  /** Tonnes of pollutant load a year (t/a): capacity, occupation, water rights, benchmark prices. */
  TONNES_PER_YEAR("t/a", Dimension.LOAD_PER_YEAR, 0),
  /** Kilograms of pollutant load a year: a thousandth of a t/a (the sample auctions' lot). */
  KILOGRAMS_PER_YEAR("kg/a", Dimension.LOAD_PER_YEAR, 3),
  /** Tonnes of pollutant, once: a stock (a year's t/a over a term of one year). */
  TONNES("t", Dimension.LOAD, 0),
  /** Kilograms of pollutant, once: a thousandth of a t. */
  KILOGRAMS("kg", Dimension.LOAD, 3),
  /** Tonnes of CO₂ equivalent: carbon quotas and sink credits. */
  TONNES_CO2E("tCO2e", Dimension.CO2E, 0),
  /** Megawatt hours: green certificates. */
  MEGAWATT_HOURS("MWh", Dimension.ENERGY, 0),
  /** Tonnes of standard coal equivalent: energy-use rights. */
  TONNES_COAL_EQUIVALENT("tce", Dimension.COAL_EQUIVALENT, 0),
  /** Hectares: forest rights and forest-coverage indices. */
  HECTARES("ha", Dimension.AREA, 0);

  /** What a unit measures; quantities convert only within one dimension. */
  public enum Dimension {
    /** A pollutant load a year (a flow). */
    LOAD_PER_YEAR,
    /** A pollutant load once (a stock). */
    LOAD,
    CO2E,
    ENERGY,
    COAL_EQUIVALENT,
    AREA
  }

  private final String symbol;
  private final Dimension dimension;
  /** Powers of ten of this unit in one of its dimension's base unit (t/a, t): 3 for kg/a and kg. */
  private final int perBaseExponent;

  Unit(String symbol, Dimension dimension, int perBaseExponent) {
    this.symbol = symbol;
    this.dimension = dimension;
    this.perBaseExponent = perBaseExponent;
  }

  /** The symbol stored in gold and shown in messages: {@code t/a}, {@code kg/a}, {@code tCO2e}, ... */
  public String symbol() {
    return symbol;
  }

  public Dimension dimension() {
    return dimension;
  }

  int perBaseExponent() {
    return perBaseExponent;
  }

  /** Whether this is a load a year, the unit of a water right (t/a or kg/a). */
  public boolean isWaterFlow() {
    return dimension == Dimension.LOAD_PER_YEAR;
  }

  /** The stock of this flow (t/a → t, kg/a → kg), or the flow of this stock; empty for other units. */
  Optional<Unit> counterpart() {
    return switch (this) {
      case TONNES_PER_YEAR -> Optional.of(TONNES);
      case KILOGRAMS_PER_YEAR -> Optional.of(KILOGRAMS);
      case TONNES -> Optional.of(TONNES_PER_YEAR);
      case KILOGRAMS -> Optional.of(KILOGRAMS_PER_YEAR);
      case TONNES_CO2E, MEGAWATT_HOURS, TONNES_COAL_EQUIVALENT, HECTARES -> Optional.empty();
    };
  }

  /**
   * The unit a landing file names, by what it says: {@code t/a}, {@code t/yr}, {@code 吨/年} are t/a; {@code
   * kg/a}, {@code kg/yr}, {@code 千克/年}, {@code 公斤/年} kg/a; a bare {@code t}, {@code 吨} is a stock in tonnes
   * and {@code kg}, {@code 千克}, {@code 公斤} in kilograms (never read as a year's load: a stock becomes a load a
   * year only over a stated term); {@code tCO2e} (also {@code tCO₂e}, {@code 吨二氧化碳当量}, and {@code tCO2}: the quotas cover CO₂ alone, so
   * a tonne of CO₂ is a tonne of CO₂e), {@code MWh},
   * {@code tce} (also {@code 吨标准煤}), {@code ha} (also {@code 公顷}). Case and surrounding blanks do not
   * matter; anything else (or nothing) is no known unit.
   */
  public static Optional<Unit> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String u = text.strip().toLowerCase(Locale.ROOT).replace("₂", "2").replace(" ", "");
    return switch (u) {
      case "t/a", "t/yr", "t/y", "吨/年", "t/年" -> Optional.of(TONNES_PER_YEAR);
      case "kg/a", "kg/yr", "kg/y", "千克/年", "公斤/年", "kg/年" -> Optional.of(KILOGRAMS_PER_YEAR);
      case "t", "吨" -> Optional.of(TONNES);
      case "kg", "千克", "公斤" -> Optional.of(KILOGRAMS);
      case "tco2e", "tco2", "吨二氧化碳当量" -> Optional.of(TONNES_CO2E);
      case "mwh", "兆瓦时" -> Optional.of(MEGAWATT_HOURS);
      case "tce", "吨标准煤" -> Optional.of(TONNES_COAL_EQUIVALENT);
      case "ha", "公顷" -> Optional.of(HECTARES);
      default -> Optional.empty();
    };
  }

  /** The units {@link #parse} knows, as the refusals and the landing-format reference list them. */
  public static final String KNOWN = "`t/a` (`吨/年`), `kg/a` (`千克/年`), `t` (`吨`, a stock), `kg` (`千克`, a stock),"
      + " `tCO2e`, `MWh`, `tce`, `ha` (`公顷`)";

  /** {@link #parse}, or a clear refusal naming the text and what is known. */
  public static Unit parseOrThrow(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException("Unknown unit '" + text + "': known units are "
        + KNOWN));
  }

  @Override
  public String toString() {
    return symbol;
  }
}
