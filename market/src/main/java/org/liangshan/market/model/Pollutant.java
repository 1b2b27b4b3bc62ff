package org.liangshan.market.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The four pollutants of capacity trading, with their published code (as in surveys and auctions) and
 * the water-quality indicator and parameter-set key they use.
 */
public enum Pollutant {
  COD("COD", "cod"),
  NH3N("NH3-N", "nh3n"),
  TP("TP", "tp"),
  TN("TN", "tn");

  private final String code;
  private final String indicator;

  Pollutant(String code, String indicator) {
    this.code = code;
    this.indicator = indicator;
  }

  /** As published: COD, NH3-N, TP, TN. */
  public String code() {
    return code;
  }

  /** The silver.water_quality indicator and the parameter-set key: cod, nh3n, tp, tn. */
  public String indicator() {
    return indicator;
  }

  /** Accepts the code, the indicator name and the Chinese names the surveys use. */
  public static Optional<Pollutant> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip().toUpperCase(Locale.ROOT).replace("_", "-");
    for (Pollutant p : values()) {
      if (p.code.equals(t) || p.indicator.toUpperCase(Locale.ROOT).equals(t) || p.name().equals(t)) {
        return Optional.of(p);
      }
    }
    return switch (text.strip()) {
      case "化学需氧量" -> Optional.of(COD);
      case "氨氮" -> Optional.of(NH3N);
      case "总磷" -> Optional.of(TP);
      case "总氮" -> Optional.of(TN);
      default -> Optional.empty();
    };
  }
}
