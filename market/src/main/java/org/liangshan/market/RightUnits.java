package org.liangshan.market;

import static org.liangshan.warehouse.JobSupport.string;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.liangshan.core.region.Region;
import org.liangshan.core.unit.Quantity;
import org.liangshan.core.unit.Unit;
import org.liangshan.market.model.HoldingsLedger;
import org.liangshan.warehouse.JobSupport;
import org.liangshan.warehouse.Run;

/**
 * The unit of each right on the ledger, which the ledger itself does not carry: a right issued by the bureau
 * has the unit of its silver.rights_issued row, an auction award the unit of its auction (silver.auctions).
 * The text is read as a {@link Unit} in one place ({@link Unit#parse}); water rights (eco-vouchers and discharge
 * rights of a zone and pollutant) convert to t/a through {@link Quantity#to} only when their unit is a load a year.
 */
final class RightUnits {
  private final Map<String, String> byRight;
  private final Map<String, String> byAuction;

  private RightUnits(Map<String, String> byRight, Map<String, String> byAuction) {
    this.byRight = byRight;
    this.byAuction = byAuction;
  }

  static RightUnits read(Run run, Region region) {
    Map<String, String> byRight = new HashMap<>();
    for (Row r : JobSupport.silver(run, "rights_issued", region).select("right_id", "unit").collectAsList()) {
      byRight.put(string(r, "right_id"), string(r, "unit"));
    }
    Map<String, String> byAuction = new HashMap<>();
    for (Row r : JobSupport.silver(run, "auctions", region).select("auction_id", "unit").collectAsList()) {
      byAuction.put(string(r, "auction_id"), string(r, "unit"));
    }
    return new RightUnits(byRight, byAuction);
  }

  /** The unit of the right, when the data states a known one. */
  Optional<Unit> unitOf(HoldingsLedger.Right right) {
    return statedUnit(right).flatMap(Unit::parse);
  }

  /** The unit's symbol when known ({@code t/a}, {@code tCO2e}), else the text as the data states it, if any. */
  Optional<String> unitLabel(HoldingsLedger.Right right) {
    return unitOf(right).map(Unit::symbol).or(() -> statedUnit(right));
  }

  /** The unit as the data states it, if any. */
  Optional<String> statedUnit(HoldingsLedger.Right right) {
    String unit = byRight.get(right.rightId());
    if (unit == null && right.source().startsWith("auction ")) {
      unit = byAuction.get(right.source().substring("auction ".length()));
    }
    return Optional.ofNullable(unit);
  }

  /** Whether the right counts against a zone's capacity: an eco-voucher or discharge right with a zone and a pollutant. */
  static boolean isWaterRight(HoldingsLedger.Right right) {
    return (right.rightType().equals("eco_voucher") || right.rightType().equals("discharge_right"))
        && right.zoneId() != null && right.subject() != null;
  }

  /** A quantity of a water right in t/a; empty when its unit is not a load a year (t/a, kg/a). */
  Optional<Double> tonnesPerYear(HoldingsLedger.Right right, double quantity) {
    return unitOf(right).filter(Unit::isWaterFlow)
        .map(u -> Quantity.of(quantity, u).to(Unit.TONNES_PER_YEAR).doubleValue());
  }
}
