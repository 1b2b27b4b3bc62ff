package org.liangshan.market.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.liangshan.core.unit.Unit;

/**
 * The supply and demand board of a period: every obligation to buy found by {@link Compliance} is a need,
 * every surplus holding an offer, and forest carbon-sink credits (no compliance use) are offered whole.
 * Each entry carries a reference price: the zone's benchmark price for water rights (yuan per t/a), the
 * national reference carbon price for carbon rights (yuan per tCO2e), when known.
 */
public final class MarketBoard {
  public static final String OFFER = "offer";
  public static final String NEED = "need";

  private MarketBoard() {}

  public record Entry(String side, String party, String rightType, String zoneId, String subject, double quantity,
      String unit, Optional<BigDecimal> referencePrice, String priceBasis, String basis) {
    public Entry {
      requireNonNull(side, "side is null");
      requireNonNull(party, "party is null");
      requireNonNull(referencePrice, "referencePrice is null");
    }
  }

  /**
   * @param waterPrices benchmark price per t/a by {@code zone|pollutant}
   * @param carbonPrice reference price per tCO2e, when configured
   */
  public static List<Entry> build(Compliance.Result verified, List<Compliance.Holding> holdings,
      Map<String, BigDecimal> waterPrices, Optional<BigDecimal> carbonPrice) {
    List<Entry> entries = new ArrayList<>();
    for (Compliance.Line line : verified.lines()) {
      if (line.shortfall() <= 0) {
        continue;
      }
      Compliance.Requirement r = line.requirement();
      boolean water = r.kind().equals(Compliance.WATER);
      Optional<BigDecimal> price = water ? Optional.ofNullable(waterPrices.get(r.zoneId() + "|" + r.subject())) : carbonPrice;
      entries.add(new Entry(NEED, r.holder(), line.rightToBuy(), water ? r.zoneId() : null, r.subject(), line.shortfall(),
          (water ? Unit.TONNES_PER_YEAR : Unit.TONNES_CO2E).symbol(), price, priceBasis(water, price), "obligation to buy: " + r.basis() + " requires "
              + round(r.quantity()) + ", holds " + round(line.held())));
    }
    for (Compliance.Surplus s : verified.surpluses()) {
      boolean water = s.kind().equals(Compliance.WATER);
      Optional<BigDecimal> price = water ? Optional.ofNullable(waterPrices.get(s.zoneId() + "|" + s.subject())) : carbonPrice;
      entries.add(new Entry(OFFER, s.holder(), water ? "eco_voucher" : "carbon_quota", s.zoneId(), s.subject(),
          s.quantity(), s.unit(), price, priceBasis(water, price), "surplus above the period's requirement: " + s.rights()));
    }
    for (Compliance.Holding h : holdings) {
      if (h.rightType().equals("carbon_sink_credit") && h.quantity() > 0) {
        entries.add(new Entry(OFFER, h.holder(), h.rightType(), null, h.subject(), h.quantity(), Unit.TONNES_CO2E.symbol(), carbonPrice,
            priceBasis(false, carbonPrice), "carbon-sink credit " + h.rightId() + " held, no compliance use"));
      }
    }
    entries.sort(Comparator.comparing(Entry::side).thenComparing(Entry::rightType)
        .thenComparing(e -> String.valueOf(e.zoneId())).thenComparing(e -> String.valueOf(e.subject()))
        .thenComparing(Entry::party).thenComparing(Entry::basis));
    return List.copyOf(entries);
  }

  private static String priceBasis(boolean water, Optional<BigDecimal> price) {
    if (price.isEmpty()) {
      return "none";
    }
    return water ? "benchmark price of the zone and pollutant" : "national reference carbon price";
  }

  private static String round(double value) {
    return BigDecimal.valueOf(value).setScale(6, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
  }
}
