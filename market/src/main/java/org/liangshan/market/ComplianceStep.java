package org.liangshan.market;

import static org.liangshan.warehouse.JobSupport.date;
import static org.liangshan.warehouse.JobSupport.number;
import static org.liangshan.warehouse.JobSupport.string;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.Region;
import org.liangshan.core.unit.Carbon;
import org.liangshan.core.unit.Unit;
import org.liangshan.market.model.Compliance;
import org.liangshan.market.model.HoldingsLedger;
import org.liangshan.market.model.MarketBoard;
import org.liangshan.market.model.Neutrality;
import org.liangshan.warehouse.JobSupport;
import org.liangshan.warehouse.Run;

/**
 * The market job's last steps, thin over the plain models: event-neutrality retirements inside the holdings
 * replay ({@link Neutrality}), verification of the year's occupation and emissions against holdings ({@link
 * Compliance}) and the supply and demand board ({@link MarketBoard}). Reads silver.neutral_events,
 * silver.rights_issued (units) and silver.auctions (units); replaces the (region, year) slice of
 * gold.compliance, gold.market_board and gold.neutrality_certificates.
 */
final class ComplianceStep {
  private ComplianceStep() {}

  /** What the step adds to the market summary. */
  record Result(int requirements, int obligations, int offers, int needs, int certificates, int neutral) {
    @Override
    public String toString() {
      return String.format("  verification: %d requirements, %d obligations to buy; board: %d offers, %d needs;"
          + " neutrality: %d of %d events neutral", requirements, obligations, offers, needs, neutral, certificates);
    }
  }

  /** The retirements of every event on record (all years: the ledger is replayed from the start). */
  static List<HoldingsLedger.Action> neutralityActions(Run run, Region region, Consumer<Neutrality.Certificate> certificates) {
    List<HoldingsLedger.Action> actions = new ArrayList<>();
    for (Row r : JobSupport.silver(run, "neutral_events", region).orderBy("event_id").collectAsList()) {
      Neutrality.Event event = new Neutrality.Event(string(r, "event_id"), string(r, "event_name"), string(r, "organiser"),
          date(r, "event_date"), number(r, "emissions_tco2e"), string(r, "credit_holder"));
      actions.add(Neutrality.action(event, certificates));
    }
    return actions;
  }

  /** The national reference carbon price per tCO2e, when the parameter set has one. */
  static Optional<BigDecimal> carbonReferencePrice(ParameterSet p) {
    if (p.has("collateral.carbon_reference_price_yuan_per_t")) {
      return Optional.of(p.decimal("collateral.carbon_reference_price_yuan_per_t"));
    }
    if (p.has("gep.carbon_price_yuan_per_tc")) {
      // the compliance tables have always carried the reference price to 10 decimals
      return Optional.of(Carbon.perTonneCo2(p.decimal("gep.carbon_price_yuan_per_tc")).setScale(10, RoundingMode.HALF_EVEN));
    }
    return Optional.empty();
  }

  /** Every holder's positive balances of rights live on the date, water rights converted to t/a. */
  static List<Compliance.Holding> holdings(Run run, Region region, HoldingsLedger ledger, LocalDate date) {
    return holdings(run, RightUnits.read(run, region), ledger, date);
  }

  static List<Compliance.Holding> holdings(Run run, RightUnits units, HoldingsLedger ledger, LocalDate date) {
    List<Compliance.Holding> result = new ArrayList<>();
    for (HoldingsLedger.Balance b : ledger.liveHoldings(date)) {
      HoldingsLedger.Right right = b.right();
      double quantity = b.quantity();
      String stored = units.unitLabel(right).orElse("");
      if (right.rightType().equals("eco_voucher") || right.rightType().equals("discharge_right")) {
        Optional<Double> tonnes = units.tonnesPerYear(right, quantity);
        if (tonnes.isEmpty()) {
          run.count("water_rights_unknown_unit", 1);
          continue;
        }
        quantity = tonnes.get();
        stored = Unit.TONNES_PER_YEAR.symbol();
      }
      result.add(new Compliance.Holding(b.account().substring("holder:".length()), right.rightId(), right.rightType(),
          right.zoneId(), right.subject(), quantity, stored));
    }
    return result;
  }

  static Result run(Run run, Region region, int year, ParameterSet p, HoldingsLedger ledger, RightUnits units,
      List<Compliance.Requirement> requirements, Map<String, String> names, Map<String, BigDecimal> benchmarks,
      List<Neutrality.Certificate> certificates) {
    LocalDate yearEnd = LocalDate.of(year, 12, 31);
    List<Compliance.Holding> holdings = holdings(run, units, ledger, yearEnd);
    Compliance.Result verified = Compliance.verify(requirements, holdings);
    Optional<BigDecimal> carbonPrice = carbonReferencePrice(p);

    List<Object[]> complianceRows = new ArrayList<>();
    int obligations = 0;
    for (Compliance.Line line : verified.lines()) {
      Compliance.Requirement r = line.requirement();
      boolean water = r.kind().equals(Compliance.WATER);
      Optional<BigDecimal> price = water ? Optional.ofNullable(benchmarks.get(r.zoneId() + "|" + r.subject())) : carbonPrice;
      BigDecimal value = line.shortfall() > 0 && price.isPresent()
          ? JobSupport.money(price.get().multiply(BigDecimal.valueOf(line.shortfall()))) : null;
      if (line.status().equals("obligation_to_buy")) {
        obligations++;
      }
      complianceRows.add(new Object[] {region.id(), year, JobSupport.sqlDate(yearEnd), r.holder(), names.get(r.holder()),
          r.kind(), water ? r.zoneId() : null, r.subject(), r.quantity(), line.held(), line.shortfall(), line.surplus(),
          (water ? Unit.TONNES_PER_YEAR : Unit.TONNES_CO2E).symbol(), line.status(), line.rightToBuy(), value, line.coveredBy(), r.basis()});
    }

    List<MarketBoard.Entry> board = MarketBoard.build(verified, holdings, benchmarks, carbonPrice);
    List<Object[]> boardRows = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    int offers = 0;
    for (MarketBoard.Entry e : board) {
      String id = e.side() + ":" + e.rightType() + ":" + (e.zoneId() == null ? "-" : e.zoneId()) + ":"
          + (e.subject() == null ? "-" : e.subject()) + ":" + e.party();
      int n = seen.merge(id, 1, Integer::sum);
      if (n > 1) {
        id = id + ":" + n;
      }
      if (e.side().equals(MarketBoard.OFFER)) {
        offers++;
      }
      BigDecimal price = e.referencePrice().map(JobSupport::money).orElse(null);
      BigDecimal value = e.referencePrice().map(pr -> JobSupport.money(pr.multiply(BigDecimal.valueOf(e.quantity())))).orElse(null);
      boardRows.add(new Object[] {region.id(), year, JobSupport.sqlDate(yearEnd), id, e.side(), e.party(), e.rightType(),
          e.zoneId(), e.subject(), e.quantity(), e.unit(), price, e.priceBasis(), value, e.basis()});
    }

    List<Object[]> certificateRows = new ArrayList<>();
    int neutral = 0;
    for (Neutrality.Certificate c : certificates) {
      if (c.event().date().getYear() != year) {
        continue;
      }
      if (c.status().equals("neutral")) {
        neutral++;
      }
      Neutrality.Event e = c.event();
      certificateRows.add(new Object[] {region.id(), year, c.certificateId(), e.eventId(), e.name(), e.organiser(),
          JobSupport.sqlDate(e.date()), e.emissionsTco2e(), c.requiredTco2e(), c.retiredTco2e(), e.creditHolder(),
          c.rightsRetired(), c.status(), c.reason()});
    }

    String slice = JobSupport.regionYear(region, year);
    JobSupport.replace(run, MarketBoardTables.COMPLIANCE, complianceRows, slice);
    JobSupport.replace(run, MarketBoardTables.MARKET_BOARD, boardRows, slice);
    JobSupport.replace(run, MarketBoardTables.NEUTRALITY_CERTIFICATES, certificateRows, slice);
    return new Result(complianceRows.size(), obligations, offers, boardRows.size() - offers, certificateRows.size(), neutral);
  }

}
