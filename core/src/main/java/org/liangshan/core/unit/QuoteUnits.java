package org.liangshan.core.unit;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Optional;
import org.liangshan.core.money.Money;

/**
 * The unit each right type's exchange trades are quoted in, yuan per it: declared here once, for ingestion (a trade
 * that states no 单位 is in it; one whose unit does not convert to it is quarantined) and for valuation (every price
 * series is in it). The exchange quotes each type in the unit the bureau issues it in (landing family rights-issued,
 * 单位): eco-vouchers and discharge rights per t/a (as the benchmark price), carbon quotas and sink credits per tCO2e
 * (as the carbon reference price), green certificates per MWh, energy-use rights per tce, forest rights and
 * forest-coverage indices per ha.
 */
public final class QuoteUnits {
  private QuoteUnits() {}

  /**
   * The unit trades of {@code rightType} (a right-type code, e.g. {@code eco_voucher}) are quoted in; empty for a type
   * the platform does not know.
   */
  public static Optional<Unit> of(String rightType) {
    requireNonNull(rightType, "rightType is null");
    return switch (rightType) {
      case "eco_voucher", "discharge_right" -> Optional.of(Unit.TONNES_PER_YEAR);
      case "carbon_quota", "carbon_sink_credit" -> Optional.of(Unit.TONNES_CO2E);
      case "green_certificate" -> Optional.of(Unit.MEGAWATT_HOURS);
      case "energy_use_right" -> Optional.of(Unit.TONNES_COAL_EQUIVALENT);
      case "forest_right", "forest_coverage_index" -> Optional.of(Unit.HECTARES);
      default -> Optional.empty();
    };
  }

  /**
   * Whether a trade of {@code rightType} stated in {@code unit} can be read in the type's quote unit: the same unit, or
   * one of its dimension (kg/a for t/a). A stock (t) against a load a year (t/a), or tCO2e on an eco-voucher, cannot.
   */
  public static boolean converts(String rightType, Unit unit) {
    requireNonNull(unit, "unit is null");
    return of(rightType).filter(q -> q.dimension() == unit.dimension()).isPresent();
  }

  /**
   * A trade's quantity and price in its right type's quote unit: what a price series and the monthly trade table
   * (gold.trades_monthly) add up, so no two units meet in one sum. {@link #amount} is the money, which no conversion
   * changes (2 kg/a at 15,670 yuan per kg/a and 0.002 t/a at 15,670,000 yuan per t/a are both 31,340 yuan).
   */
  public record Quoted(Quantity quantity, UnitPrice price) {
    public Quoted {
      requireNonNull(quantity, "quantity is null");
      requireNonNull(price, "price is null");
      if (price.per() != quantity.unit()) {
        throw new IllegalArgumentException("Invalid quoted trade (price per " + price.per().symbol()
            + ", quantity in " + quantity.unit().symbol() + "): both must be in the quote unit");
      }
    }

    /** quantity × price, exact. */
    public Money amount() {
      return quantity.times(price);
    }
  }

  /**
   * A trade as recorded (silver.trades: {@code quantity} and {@code priceYuan} per {@code unit}) in its right type's
   * quote unit: the quantity through {@link Quantity#to}, the price through {@link UnitPrice#per}, exactly (2 kg/a at
   * 15,670 yuan per kg/a is 0.002 t/a at 15,670,000 yuan per t/a). An empty unit is the quote unit (a row loaded
   * before trades stated theirs). A right type without a quote unit, a unit that is not known, or one that does not
   * convert to the quote unit is refused naming the trade, the unit and the right type: ingestion quarantines such a
   * trade, so one here was written around it, and adding it up would mix prices of two units.
   */
  public static Quoted inQuoteUnit(String tradeId, String rightType, double quantity, BigDecimal priceYuan,
      Optional<String> unit) {
    requireNonNull(rightType, "rightType is null");
    requireNonNull(priceYuan, "priceYuan is null");
    requireNonNull(unit, "unit is null");
    Unit quoted = of(rightType).orElseThrow(() -> new IllegalArgumentException("Trade " + tradeId
        + " is of right type '" + rightType + "', which has no quote unit: its price cannot enter a series"));
    Unit stated = unit.isEmpty() ? quoted : Unit.parse(unit.get()).orElseThrow(() -> new IllegalArgumentException("Trade "
        + tradeId + " states the unit '" + unit.get() + "', which is not a known unit: known units are " + Unit.KNOWN));
    if (!converts(rightType, stated)) {
      throw new IllegalArgumentException("Trade " + tradeId + " is in " + stated.symbol() + ", which does not convert to "
          + quoted.symbol() + ", the unit " + rightType + " trades are quoted in: correct its unit (单位) in silver.trades");
    }
    return new Quoted(Quantity.of(quantity, stated).to(quoted), UnitPrice.of(priceYuan, stated).per(quoted));
  }
}
