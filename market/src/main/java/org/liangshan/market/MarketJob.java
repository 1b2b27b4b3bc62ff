package org.liangshan.market;

import static org.apache.spark.sql.functions.col;
import static org.liangshan.warehouse.JobSupport.bool;
import static org.liangshan.warehouse.JobSupport.date;
import static org.liangshan.warehouse.JobSupport.decimal;
import static org.liangshan.warehouse.JobSupport.instant;
import static org.liangshan.warehouse.JobSupport.number;
import static org.liangshan.warehouse.JobSupport.string;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.method.Auction;
import org.liangshan.core.method.BenchmarkPrice;
import org.liangshan.core.method.CarbonQuota;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.MonitoringSection;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.WaterFunctionZone;
import org.liangshan.core.unit.Unit;
import org.liangshan.core.unit.UnitPrice;
import org.liangshan.market.model.ActivityMonth;
import org.liangshan.market.model.AuctionBook;
import org.liangshan.market.model.Benchmark;
import org.liangshan.market.model.Compliance;
import org.liangshan.market.model.Emissions;
import org.liangshan.market.model.HoldingsLedger;
import org.liangshan.market.model.Hydrology;
import org.liangshan.market.model.MarketParameters;
import org.liangshan.market.model.Neutrality;
import org.liangshan.market.model.Occupation;
import org.liangshan.market.model.Pollutant;
import org.liangshan.market.model.Term;
import org.liangshan.market.model.TotalControl;
import org.liangshan.market.model.WaterQuality;
import org.liangshan.market.model.ZoneCapacity;
import org.liangshan.warehouse.JobSupport;
import org.liangshan.warehouse.Run;

/**
 * The rights market of a region for a year, thin over the plain models: capacity per zone and pollutant
 * ({@link ZoneCapacity}), enterprise occupation ({@link Occupation}), steel and cement emissions and quota
 * allocation ({@link Emissions}), benchmark prices ({@link Benchmark}), eco-voucher auctions ({@link
 * AuctionBook}) and the holdings ledger ({@link HoldingsLedger}).
 *
 * <p>Reads silver.hydrology, silver.water_quality, silver.enterprises, silver.enterprise_activity,
 * silver.protection_costs, silver.auctions, silver.bids, silver.rights_issued and the earlier years'
 * gold.auction_awards; replaces the (region, year) slice of gold.zone_capacity,
 * gold.enterprise_occupation, gold.enterprise_emissions, gold.benchmark_prices, gold.auction_results,
 * gold.auction_awards, gold.auction_rejections, gold.auction_supply_checks, gold.holdings_movements,
 * gold.holdings and, from silver.trades, gold.trades_monthly (each trade in its right type's quote unit: {@link
 * TradesStep}). An auction belongs to the year it closes in (China Standard Time); before it clears, total
 * control ({@link TotalControl}) cuts its supply to the room left in its zone or refuses it, and after the
 * holdings replay the run fails if any zone where auctions sold holds more than its allocatable capacity.
 * Then {@link ComplianceStep} (verification, the supply and demand board, event neutrality: gold.compliance,
 * gold.market_board, gold.neutrality_certificates) and {@link InclusionJob} (carbon inclusion and eco-points).
 * See docs/market.md.
 */
public final class MarketJob {
  private MarketJob() {}

  /**
   * What the CLI prints. {@code issued}, {@code held}, {@code retired} and {@code expired} add up every right's
   * units whatever their unit (the ledger's identity, checked right by right); the figures to read are {@code
   * holdingsByUnit}, one line per unit.
   */
  public record Summary(
      String region,
      int year,
      int capacityRows,
      int occupationRows,
      int emissionRows,
      int benchmarkPrices,
      List<AuctionCleared> auctions,
      BigDecimal issued,
      BigDecimal held,
      BigDecimal retired,
      BigDecimal expired,
      List<HoldingsLedger.Totals> holdingsByUnit,
      String verificationAndInclusion) {
    @Override
    public String toString() {
      StringBuilder s = new StringBuilder();
      s.append(String.format("market %s %d: %d capacity rows, %d occupation rows, %d emission rows, %d benchmark prices%n",
          region, year, capacityRows, occupationRows, emissionRows, benchmarkPrices));
      for (AuctionCleared a : auctions) {
        s.append(String.format("  auction %s: %s%s%n", a.auctionId(), a.cleared()
            ? "clearing price " + a.clearingPriceYuan().toPlainString() + " yuan, sold " + a.sold() + " of " + a.supply()
                + (a.undersubscribed() ? " (undersubscribed)" : "")
            : "not cleared", a.note().isEmpty() ? "" : " (" + a.note() + ")"));
      }
      s.append("  holdings: ").append(holdingsByUnit.isEmpty() ? "none"
          : String.join("; ", holdingsByUnit.stream().map(HoldingsLedger.Totals::toString).toList()));
      if (!verificationAndInclusion.isEmpty()) {
        s.append(String.format("%n")).append(verificationAndInclusion);
      }
      return s.toString();
    }
  }

  /** One auction of the year; {@code note} says why its supply was cut or why it did not clear (empty otherwise). */
  public record AuctionCleared(String auctionId, boolean cleared, BigDecimal clearingPriceYuan, long sold, long supply,
      boolean undersubscribed, String note) {}

  public static Summary run(Run run, Region region, int year, ParameterSet params) {
    return run(run, region, year, params, message -> {});
  }

  public static Summary run(Run run, Region region, int year, ParameterSet params, Consumer<String> progress) {
    ParameterSet p = MarketParameters.complete(params);
    LocalDate yearEnd = LocalDate.of(year, 12, 31);

    progress.accept("market " + region.id() + " " + year + ": reading enterprises and activity");
    Map<String, Row> enterprises = new TreeMap<>();
    for (Row row : JobSupport.silver(run, "enterprises", region).collectAsList()) {
      enterprises.put(string(row, "uscc"), row);
    }
    Map<String, List<ActivityMonth>> activity = activity(run, region, year);
    Map<String, List<ActivityMonth>> previousActivity = activity(run, region, year - 1);

    // Occupation per enterprise and pollutant, then per zone.
    List<Object[]> occupationRows = new ArrayList<>();
    List<Compliance.Requirement> requirements = new ArrayList<>();
    Map<String, String> names = new TreeMap<>();
    enterprises.forEach((uscc, row) -> names.put(uscc, string(row, "name")));
    Map<String, Double> occupied = new LinkedHashMap<>();
    for (Map.Entry<String, Row> e : enterprises.entrySet()) {
      List<ActivityMonth> months = activity.getOrDefault(e.getKey(), List.of());
      if (months.isEmpty()) {
        continue;
      }
      Row ent = e.getValue();
      String industry = string(ent, "industry");
      Optional<String> zone = zoneOf(region, ent);
      for (Occupation.Result r : Occupation.compute(industry, months, p)) {
        occupationRows.add(new Object[] {region.id(), year, e.getKey(), string(ent, "name"), industry, zone.orElse(null),
            r.pollutant().code(), r.method(), r.monthsReported(), r.meteredMonths(), r.occupationTA()});
        zone.ifPresent(z -> occupied.merge(z + "|" + r.pollutant().code(), r.occupationTA(), Double::sum));
        if (zone.isPresent() && r.occupationTA() > 0) {
          requirements.add(new Compliance.Requirement(e.getKey(), string(ent, "name"), Compliance.WATER, zone.get(),
              r.pollutant().code(), r.occupationTA(), "occupation " + year + " (" + r.method() + ")"));
        }
      }
    }

    progress.accept("market " + region.id() + " " + year + ": capacity per zone and pollutant");
    List<ZoneCapacity> capacities = capacities(run, region, year, p, progress);
    List<Object[]> capacityRows = new ArrayList<>();
    Map<String, ZoneCapacity> capacityByKey = new LinkedHashMap<>();
    for (ZoneCapacity c : capacities) {
      String key = c.zoneId() + "|" + c.pollutant().code();
      capacityByKey.put(key, c);
      ZoneCapacity.Balance balance = c.balance(occupied.getOrDefault(key, 0.0));
      capacityRows.add(new Object[] {region.id(), year, c.zoneId(), c.pollutant().code(), c.waterBody(), c.model(),
          c.targetClass(), c.csMgL(), c.c0MgL(), c.c0Basis(), c.designFlowM3S(), c.designFlowSection(), c.kPerDay(),
          c.capacityTA(), c.backgroundTA(), c.backgroundBasis(), c.safetyMargin(), c.allocatableTA(), balance.occupiedTA(),
          c.allocatableTA() - balance.occupiedTA(), balance.tradableSurplusTA(), balance.overloadTA(),
          balance.status().code(), c.c0Source().code(), c.designFlowSource().code(), c.yearsOfRecord()});
      if (balance.status() == ZoneCapacity.Status.OVERLOADED) {
        run.count("zones_overloaded", 1);
      }
    }

    progress.accept("market " + region.id() + " " + year + ": emissions and quota allocation");
    List<Object[]> emissionRows = new ArrayList<>();
    for (Map.Entry<String, Row> e : enterprises.entrySet()) {
      String industry = string(e.getValue(), "industry");
      List<ActivityMonth> months = activity.getOrDefault(e.getKey(), List.of());
      if (!Emissions.INDUSTRIES.contains(industry) || months.isEmpty()) {
        continue;
      }
      Emissions.Result r = Emissions.compute(industry, year, months, p);
      List<ActivityMonth> before = previousActivity.getOrDefault(e.getKey(), List.of());
      Optional<Double> previousDirect = before.isEmpty()
          ? Optional.empty()
          : Optional.of(Emissions.compute(industry, year - 1, before, p).directTco2());
      CarbonQuota.Allocation a = Emissions.allocate(e.getKey(), year, previousDirect, r.directTco2(), p);
      if (r.directTco2() > 0) {
        requirements.add(new Compliance.Requirement(e.getKey(), string(e.getValue(), "name"), Compliance.CARBON, null,
            "CO2", r.directTco2(), "verified direct emissions " + year + " (" + r.method() + ")"));
      }
      emissionRows.add(new Object[] {region.id(), year, e.getKey(), string(e.getValue(), "name"), industry, r.method(),
          r.monthsReported(), r.coalT(), r.gas10kM3(), r.electricityMwh(), r.clinkerT(), r.combustionTco2(),
          r.processTco2(), r.electricityTco2(), r.totalTco2(), r.directTco2(), r.gridEfYear(), previousDirect.orElse(null),
          a.rule(), a.preAllocatedTco2().doubleValue(), a.finalAllocationTco2().doubleValue(), a.trueUpTco2().doubleValue()});
    }

    progress.accept("market " + region.id() + " " + year + ": benchmark prices");
    Map<String, BigDecimal> benchmarks = new LinkedHashMap<>();
    List<Object[]> benchmarkRows = benchmarks(run, region, year, p, capacityByKey, occupied, benchmarks, progress);

    progress.accept("market " + region.id() + " " + year + ": total control and auctions");
    RightUnits units = RightUnits.read(run, region);
    List<HoldingsLedger.Right> issuedRights = issuedRights(run, region);
    List<HoldingsLedger.Right> earlierAwards = earlierAwards(run, region, year);
    TotalControl control = new TotalControl(year,
        rooms(run, year, capacityByKey, occupied, units, issuedRights, earlierAwards));
    Set<String> knownBidders = new HashSet<>(enterprises.keySet());
    List<TotalControl.SupplyCheck> checks = new ArrayList<>();
    Map<String, SoldTerm> terms = new TreeMap<>();
    List<AuctionBook.Outcome> outcomes = auctions(run, region, year, p, benchmarks, knownBidders, control, checks::add,
        terms::put);
    List<MarketRows.AuctionSupplyCheck> checkRows = new ArrayList<>();
    for (TotalControl.SupplyCheck c : checks) {
      checkRows.add(supplyCheckRow(region, year, c));
      if (c.status() != TotalControl.Status.WITHIN_ROOM) {
        run.count("auctions_" + c.status().code(), 1);
        progress.accept("  auction " + c.auctionId() + ": " + c.reason());
      }
    }
    List<MarketRows.AuctionResult> resultRows = new ArrayList<>();
    List<MarketRows.AuctionAward> awardRows = new ArrayList<>();
    List<MarketRows.AuctionRejection> rejectionRows = new ArrayList<>();
    List<AuctionCleared> cleared = new ArrayList<>();
    List<HoldingsLedger.Right> awardedRights = new ArrayList<>();
    for (AuctionBook.Outcome o : outcomes) {
      AuctionBook.Spec s = o.spec();
      String pollutant = Pollutant.parse(s.subject()).map(Pollutant::code).orElse(s.subject());
      LocalDate awardedOn = s.closesAt().atOffset(WaterQuality.CST).toLocalDate();
      SoldTerm sold = terms.get(s.auctionId());
      if (o.output().isPresent()) {
        var out = o.output().get();
        resultRows.add(new MarketRows.AuctionResult(region.id(), year, s.auctionId(), Optional.ofNullable(s.zoneId()),
            pollutant, s.supply(), JobSupport.money(o.reservePrice().orElseThrow()), JobSupport.money(out.clearingPrice()),
            out.sold(), out.undersubscribed(), s.rule(), s.tieSeed(), String.join(",", out.tieOrder()), o.bidsReceived(),
            o.awards().size(), sold.term().validFrom(), sold.term().validUntil().orElseThrow(), sold.basis(),
            sold.lot().map(Unit::symbol), sold.lot().map(UnitPrice::label)));
        cleared.add(new AuctionCleared(s.auctionId(), true, out.clearingPrice(), out.sold(), s.supply(), out.undersubscribed(),
            o.note()));
      } else {
        cleared.add(new AuctionCleared(s.auctionId(), false, BigDecimal.ZERO, 0, s.supply(), true, o.note()));
      }
      for (AuctionBook.AwardRow a : o.awards()) {
        String rightId = awardRightId(s.auctionId(), a.bidId());
        awardRows.add(new MarketRows.AuctionAward(region.id(), year, s.auctionId(), a.bidId(), a.bidder(), a.quantity(),
            JobSupport.money(a.priceYuan()), JobSupport.money(a.amountYuan()), rightId, Optional.ofNullable(s.zoneId()),
            pollutant, awardedOn, sold.term().validFrom(), sold.term().validUntil().orElseThrow(),
            sold.lot().map(Unit::symbol), sold.lot().map(UnitPrice::label)));
        awardedRights.add(new HoldingsLedger.Right(rightId, "eco_voucher", a.bidder(), s.zoneId(), pollutant, a.quantity(),
            awardedOn, sold.term(), "auction " + s.auctionId()));
      }
      for (AuctionBook.RejectionRow r : o.rejections()) {
        rejectionRows.add(new MarketRows.AuctionRejection(region.id(), year, s.auctionId(), r.bidId(), r.bidder(),
            r.reasonCode(), r.reason()));
      }
    }

    progress.accept("market " + region.id() + " " + year + ": holdings ledger");
    awardedRights.addAll(earlierAwards);
    List<Neutrality.Certificate> certificates = new ArrayList<>();
    HoldingsLedger ledger = HoldingsLedger.replay(issuedRights, awardedRights,
        ComplianceStep.neutralityActions(run, region, certificates::add), yearEnd);
    ledger.checkIssuedEqualsHeldRetiredExpired();
    control.verify(liveWaterRightsAtYearEnd(ledger, units, yearEnd));
    List<MarketRows.Movement> movementRows = new ArrayList<>();
    for (HoldingsLedger.Movement m : ledger.movementsInYear(year)) {
      movementRows.add(new MarketRows.Movement(region.id(), year, m.movementId(), m.date(), m.type(),
          m.right().rightId(), m.right().rightType(), Optional.ofNullable(m.right().zoneId()),
          Optional.ofNullable(m.right().subject()), m.debitAccount(), m.creditAccount(), m.quantity(), m.source(),
          units.unitLabel(m.right())));
    }
    List<MarketRows.Holding> holdingRows = new ArrayList<>();
    for (HoldingsLedger.Balance b : ledger.balances()) {
      holdingRows.add(new MarketRows.Holding(region.id(), year, yearEnd, b.account(), b.right().rightId(),
          b.right().rightType(), Optional.ofNullable(b.right().zoneId()), Optional.ofNullable(b.right().subject()),
          b.quantity(), b.right().term().validFrom(), b.right().validUntil(), b.right().term().kind().code(),
          b.right().liveOn(yearEnd), units.unitLabel(b.right())));
    }

    progress.accept("market " + region.id() + " " + year + ": exchange trades per month in their quote units");
    List<MarketRows.TradeMonth> tradeRows = TradesStep.rows(run, region, year);

    progress.accept("market " + region.id() + " " + year + ": writing gold tables");
    String slice = JobSupport.regionYear(region, year);
    JobSupport.replace(run, MarketTables.ZONE_CAPACITY, capacityRows, slice);
    JobSupport.replace(run, MarketTables.ENTERPRISE_OCCUPATION, occupationRows, slice);
    JobSupport.replace(run, MarketTables.ENTERPRISE_EMISSIONS, emissionRows, slice);
    JobSupport.replace(run, MarketTables.BENCHMARK_PRICES, benchmarkRows, slice);
    JobSupport.replace(run, MarketRows.AUCTION_RESULT, resultRows, slice);
    JobSupport.replace(run, MarketRows.AUCTION_AWARD, awardRows, slice);
    JobSupport.replace(run, MarketRows.AUCTION_REJECTION, rejectionRows, slice);
    JobSupport.replace(run, MarketRows.AUCTION_SUPPLY_CHECK, checkRows, slice);
    JobSupport.replace(run, MarketRows.MOVEMENT, movementRows, slice);
    JobSupport.replace(run, MarketRows.HOLDING, holdingRows, slice);
    JobSupport.replace(run, MarketRows.TRADE_MONTH, tradeRows, slice);

    progress.accept("market " + region.id() + " " + year + ": verification, board, event neutrality");
    ComplianceStep.Result verified = ComplianceStep.run(run, region, year, p, ledger, units, requirements, names, benchmarks,
        certificates);
    progress.accept("market " + region.id() + " " + year + ": carbon inclusion and eco-points");
    InclusionJob.Summary inclusion = InclusionJob.run(run, region, year, p);
    return new Summary(region.id(), year, capacityRows.size(), occupationRows.size(), emissionRows.size(),
        benchmarkRows.size(), List.copyOf(cleared), ledger.issued(), ledger.total("holder:"),
        ledger.total(HoldingsLedger.RETIRED), ledger.total(HoldingsLedger.EXPIRED),
        ledger.totalsByUnit(right -> units.unitLabel(right).orElse("unit not stated")), verified + String.format("%n") + inclusion);
  }

  static String awardRightId(String auctionId, String bidId) {
    return "AWD-" + auctionId + "-" + bidId;
  }

  /** The registry's zone, else the zone whose bounds hold the site. */
  static Optional<String> zoneOf(Region region, Row enterprise) {
    String zone = string(enterprise, "zone_id");
    if (zone != null && !zone.isBlank()) {
      return Optional.of(zone.strip());
    }
    return region.zoneAt(number(enterprise, "lon"), number(enterprise, "lat")).map(WaterFunctionZone::id);
  }

  private static Map<String, List<ActivityMonth>> activity(Run run, Region region, int year) {
    Map<String, List<ActivityMonth>> byEnterprise = new TreeMap<>();
    List<Row> rows = JobSupport.silver(run, "enterprise_activity", region)
        .where(col("month").startsWith(year + "-"))
        .orderBy("uscc", "month")
        .collectAsList();
    for (Row r : rows) {
      ActivityMonth m = new ActivityMonth(string(r, "uscc"), YearMonth.parse(string(r, "month")), number(r, "coal_t"),
          number(r, "gas_10k_m3"), number(r, "electricity_mwh"), number(r, "output_t"), number(r, "clinker_t"),
          number(r, "clinker_cao_frac"), number(r, "clinker_mgo_frac"), number(r, "tea_area_mu"), number(r, "beds"),
          number(r, "occupancy"), number(r, "livestock_head"), bool(r, "metered"), number(r, "discharge_m3"),
          number(r, "cod_mg_l"), number(r, "nh3n_mg_l"), number(r, "tp_mg_l"), number(r, "tn_mg_l"));
      byEnterprise.computeIfAbsent(m.uscc(), u -> new ArrayList<>()).add(m);
    }
    return byEnterprise;
  }

  private static List<ZoneCapacity> capacities(Run run, Region region, int year, ParameterSet p, Consumer<String> progress) {
    List<String> sectionIds = region.sections().stream().map(MonitoringSection::id).toList();
    Map<String, List<Hydrology.DailyFlow>> flows = new TreeMap<>();
    for (Row r : JobSupport.silver(run, "hydrology", region)
        .where(col("section_id").isin(sectionIds.toArray()))
        // the whole record up to the year: the design flow is read from every month present (Hydrology)
        .where(functions.year(col("date")).leq(year))
        .where(col("flow_m3_s").isNotNull())
        .orderBy("section_id", "date")
        .collectAsList()) {
      flows.computeIfAbsent(string(r, "section_id"), s -> new ArrayList<>())
          .add(new Hydrology.DailyFlow(string(r, "section_id"), date(r, "date"), number(r, "flow_m3_s")));
    }
    List<String> indicators = java.util.Arrays.stream(Pollutant.values()).map(Pollutant::indicator).toList();
    List<WaterQuality.Samples> samples = samples(run, region, sectionIds, indicators, year, year);
    List<ZoneCapacity> result = new ArrayList<>();
    for (WaterFunctionZone zone : region.zones()) {
      List<String> zoneSections = region.sections().stream().filter(s -> s.zoneId().equals(zone.id()))
          .map(MonitoringSection::id).toList();
      Map<String, List<Hydrology.DailyFlow>> zoneFlows = new TreeMap<>();
      zoneSections.forEach(s -> zoneFlows.put(s, flows.getOrDefault(s, List.of())));
      Optional<Hydrology.DesignFlow> design = Hydrology.designFlow(zoneFlows);
      if (design.isEmpty()) {
        progress.accept("  zone " + zone.id() + ": no flow at " + zoneSections + " up to " + year + ": no capacity");
        run.count("zones_without_flow", 1);
        continue;
      }
      if (design.get().source() == Hydrology.Source.DRIEST_MONTH_SHORT_RECORD) {
        progress.accept("  zone " + zone.id() + ": design flow " + design.get().basis());
        run.count("design_flows_short_record", 1);
      }
      for (Pollutant pollutant : Pollutant.values()) {
        if (!ZoneCapacity.applies(zone, pollutant)) {
          continue;
        }
        Optional<WaterQuality.Mean> upstream = zone.upstreamSection()
            .flatMap(s -> WaterQuality.meanOfMonthlyMeans(samples, List.of(s), pollutant.indicator(), year, year));
        List<String> c0Sections = upstream.isPresent() ? List.of(zone.upstreamSection().orElseThrow()) : zoneSections;
        Optional<WaterQuality.Mean> c0 = upstream.isPresent()
            ? upstream : WaterQuality.meanOfMonthlyMeans(samples, zoneSections, pollutant.indicator(), year, year);
        if (c0.isEmpty()) {
          progress.accept("  zone " + zone.id() + " " + pollutant.code() + ": no concentrations in " + year + ": no capacity");
          run.count("capacities_without_concentration", 1);
          continue;
        }
        ZoneCapacity.C0Source c0Source = upstream.isPresent()
            ? ZoneCapacity.C0Source.UPSTREAM_SECTION : ZoneCapacity.C0Source.ZONE_SECTIONS_FALLBACK;
        String why = upstream.isPresent() ? "upstream boundary section"
            : zone.upstreamSection().map(s -> "fallback: no samples at upstream section " + s)
                .orElse("fallback: no upstream section declared");
        if (!upstream.isPresent()) {
          run.count("capacities_c0_fallback", 1);
        }
        String basis = "mean of monthly means at " + String.join(", ", c0Sections) + " in " + year + " (" + why + "; "
            + c0.get().method() + ", " + c0.get().samples() + " samples)";
        ZoneCapacity.compute(zone, pollutant, design.get(), c0.get(), basis, c0Source, p).ifPresent(result::add);
      }
    }
    return result;
  }

  /** Samples pre-aggregated per section, China Standard Time month, method and indicator (the compensation job reads them too). */
  public static List<WaterQuality.Samples> samples(Run run, Region region, List<String> sectionIds, List<String> indicators,
      int fromYear, int toYear) {
    Dataset<Row> wq = JobSupport.silver(run, "water_quality", region)
        .where(col("section_id").isin(sectionIds.toArray()))
        .where(col("indicator").isin(indicators.toArray()))
        .withColumn("cst_month", functions.date_format(functions.from_utc_timestamp(col("observed_at"), "Asia/Shanghai"), "yyyy-MM"))
        .where(col("cst_month").geq(fromYear + "-01").and(col("cst_month").leq(toYear + "-12")));
    List<WaterQuality.Samples> result = new ArrayList<>();
    for (Row r : wq.groupBy("section_id", "cst_month", "method", "indicator")
        // Summed as decimals: exact, so the total does not depend on the order Spark meets the rows in
        // (which follows the storage layout of silver); a double sum would differ in its last bits.
        .agg(functions.sum(col("value").cast(DataTypes.createDecimalType(38, 12))).as("total"),
            functions.count(functions.lit(1)).as("n"))
        .orderBy("section_id", "cst_month", "method", "indicator")
        .collectAsList()) {
      result.add(new WaterQuality.Samples(string(r, "section_id"), YearMonth.parse(string(r, "cst_month")),
          string(r, "method"), string(r, "indicator"), number(r, "total"), r.getLong(r.fieldIndex("n"))));
    }
    return result;
  }

  private static List<Object[]> benchmarks(Run run, Region region, int year, ParameterSet p,
      Map<String, ZoneCapacity> capacities, Map<String, Double> occupied, Map<String, BigDecimal> prices,
      Consumer<String> progress) {
    Map<String, Map<Integer, List<Benchmark.CostItem>>> items = new TreeMap<>();
    for (Row r : JobSupport.silver(run, "protection_costs", region)
        .where(col("survey_year").leq(year))
        .orderBy("zone_id", "pollutant", "survey_year", "item")
        .collectAsList()) {
      Optional<Pollutant> pollutant = Pollutant.parse(string(r, "pollutant"));
      if (pollutant.isEmpty()) {
        continue;
      }
      String key = string(r, "zone_id") + "|" + pollutant.get().code();
      items.computeIfAbsent(key, k -> new TreeMap<>())
          .computeIfAbsent(((Number) r.get(r.fieldIndex("survey_year"))).intValue(), y -> new ArrayList<>())
          .add(new Benchmark.CostItem(string(r, "item"), string(r, "cost_type"), decimal(r, "amount_yuan"),
              number(r, "life_years"), number(r, "discount_rate")));
    }
    List<Object[]> rows = new ArrayList<>();
    for (Map.Entry<String, Map<Integer, List<Benchmark.CostItem>>> e : items.entrySet()) {
      int surveyYear = ((TreeMap<Integer, List<Benchmark.CostItem>>) e.getValue()).lastKey();
      List<Benchmark.CostItem> latest = e.getValue().get(surveyYear);
      ZoneCapacity capacity = capacities.get(e.getKey());
      String[] zp = e.getKey().split("\\|", 2);
      if (capacity == null) {
        progress.accept("  benchmark " + zp[0] + " " + zp[1] + ": no capacity computed for " + year + ": no price");
        run.count("benchmarks_without_capacity", 1);
        continue;
      }
      ZoneCapacity.Balance balance = capacity.balance(occupied.getOrDefault(e.getKey(), 0.0));
      Benchmark.Priced priced = Benchmark.price(latest, balance, p);
      if (priced.output().isEmpty()) {
        progress.accept("  benchmark " + zp[0] + " " + zp[1] + ": " + priced.note());
        run.count(balance.status() == ZoneCapacity.Status.SURPLUS ? "benchmarks_not_priced" : "benchmarks_no_tradable_surplus", 1);
        continue;
      }
      BenchmarkPrice.Output out = priced.output().get();
      prices.put(e.getKey(), out.benchmarkPriceYuanPerTA());
      rows.add(new Object[] {region.id(), year, zp[0], zp[1], JobSupport.money(out.benchmarkPriceYuanPerTA()),
          JobSupport.money(out.annualizedCostYuan()), balance.tradableSurplusTA(), surveyYear, latest.size()});
    }
    return rows;
  }

  /**
   * The year's auctions in closing order, each checked against total control before it clears: its supply cut to
   * the room, or the auction refused ({@link TotalControl}).
   */
  private static List<AuctionBook.Outcome> auctions(Run run, Region region, int year, ParameterSet p,
      Map<String, BigDecimal> benchmarks, Set<String> knownBidders, TotalControl control,
      Consumer<TotalControl.SupplyCheck> checks, java.util.function.BiConsumer<String, SoldTerm> terms) {
    List<Row> auctionRows = JobSupport.silver(run, "auctions", region).orderBy("closes_at", "auction_id").collectAsList();
    Map<String, List<AuctionBook.BidRow>> bids = new TreeMap<>();
    for (Row r : JobSupport.silver(run, "bids", region).orderBy("bid_id").collectAsList()) {
      bids.computeIfAbsent(string(r, "auction_id"), a -> new ArrayList<>()).add(new AuctionBook.BidRow(string(r, "bid_id"),
          string(r, "bidder"), number(r, "quantity"), BigDecimal.valueOf(number(r, "price_yuan")), decimal(r, "deposit_yuan"),
          instant(r, "submitted_at")));
    }
    BigDecimal depositRatio = p.decimal("auction.deposit_ratio");
    List<AuctionBook.Outcome> outcomes = new ArrayList<>();
    for (Row r : auctionRows) {
      AuctionBook.Spec spec = new AuctionBook.Spec(string(r, "auction_id"), string(r, "zone_id"), string(r, "subject"),
          (long) Math.floor(number(r, "supply")), instant(r, "opens_at"), instant(r, "closes_at"), string(r, "rule"),
          ((Number) r.get(r.fieldIndex("tie_seed"))).longValue());
      if (spec.closesAt().atOffset(WaterQuality.CST).getYear() != year) {
        continue;
      }
      Optional<LocalDate> statedFrom = Optional.ofNullable(date(r, "valid_from"));
      Optional<LocalDate> statedUntil = Optional.ofNullable(date(r, "valid_until"));
      boolean stated = statedFrom.isPresent() && statedUntil.isPresent();
      Optional<Unit> lot = Unit.parse(string(r, "unit"));
      terms.accept(spec.auctionId(), new SoldTerm(
          Term.auctionTerm(statedFrom, statedUntil, year, p.text("auction.term")),
          stated ? "stated (silver.auctions)" : "parameter auction.term (" + p.text("auction.term") + ")", lot));
      Optional<BigDecimal> reserve = Optional.ofNullable(spec.zoneId())
          .flatMap(z -> Pollutant.parse(spec.subject()).map(pol -> benchmarks.get(z + "|" + pol.code())))
          .flatMap(benchmark -> AuctionBook.reservePerLot(UnitPrice.of(benchmark, Unit.TONNES_PER_YEAR), lot))
          .map(UnitPrice::yuan);
      String pollutant = Pollutant.parse(spec.subject()).map(Pollutant::code).orElse(spec.subject());
      TotalControl.SupplyCheck check = control.check(spec.auctionId(), spec.zoneId(), pollutant, string(r, "unit"), spec.supply());
      checks.accept(check);
      List<AuctionBook.BidRow> auctionBids = bids.getOrDefault(spec.auctionId(), List.of());
      if (check.status() == TotalControl.Status.REFUSED) {
        outcomes.add(AuctionBook.refuse(spec, reserve, auctionBids, AuctionBook.Reason.NO_ROOM, check.reason()));
        continue;
      }
      AuctionBook.Spec allowed = spec.withSupply(check.supplyAllowed());
      AuctionBook.Outcome outcome = AuctionBook.run(allowed, reserve, auctionBids, knownBidders, depositRatio)
          .withNote(check.status() == TotalControl.Status.SUPPLY_CUT ? check.reason() : "");
      control.sold(check, outcome.output().map(Auction.Clearing::sold).orElse(0L));
      outcomes.add(outcome);
    }
    return outcomes;
  }

  /**
   * Each zone's room for each pollutant before the year's auctions: allocatable, occupation, and the water rights
   * live (within their term) at some time in the year (issued by the bureau or won at earlier years' auctions), in t/a.
   */
  private static List<TotalControl.Room> rooms(Run run, int year, Map<String, ZoneCapacity> capacities,
      Map<String, Double> occupied, RightUnits units, List<HoldingsLedger.Right> issued,
      List<HoldingsLedger.Right> earlierAwards) {
    LocalDate end = LocalDate.of(year, 12, 31);
    Map<String, Double> live = new TreeMap<>();
    List<HoldingsLedger.Right> all = new ArrayList<>(issued);
    all.addAll(earlierAwards);
    for (HoldingsLedger.Right right : all) {
      // On the ledger by the year's end and within its term on some day of the year: an earlier year's voucher
      // whose term has ended no longer takes room.
      boolean liveInYear = !right.issuedOn().isAfter(end) && right.term().liveIn(year);
      if (!RightUnits.isWaterRight(right) || !liveInYear || !(right.quantity() > 0)) {
        continue;
      }
      Optional<Double> tonnes = units.tonnesPerYear(right, right.quantity());
      if (tonnes.isEmpty()) {
        run.count("water_rights_unknown_unit", 1);
        continue;
      }
      live.merge(right.zoneId() + "|" + right.subject(), tonnes.get(), Double::sum);
    }
    List<TotalControl.Room> rooms = new ArrayList<>();
    capacities.forEach((key, c) -> rooms.add(new TotalControl.Room(c.zoneId(), c.pollutant().code(), year, c.allocatableTA(),
        occupied.getOrDefault(key, 0.0), live.getOrDefault(key, 0.0))));
    return rooms;
  }

  /** Water rights held and live at the year's end (awards included), per zone|pollutant, in t/a. */
  private static Map<String, Double> liveWaterRightsAtYearEnd(HoldingsLedger ledger, RightUnits units, LocalDate yearEnd) {
    Map<String, Double> live = new TreeMap<>();
    for (HoldingsLedger.Balance b : ledger.liveHoldings(yearEnd)) {
      if (RightUnits.isWaterRight(b.right())) {
        units.tonnesPerYear(b.right(), b.quantity())
            .ifPresent(t -> live.merge(b.right().zoneId() + "|" + b.right().subject(), t, Double::sum));
      }
    }
    return live;
  }

  private static MarketRows.AuctionSupplyCheck supplyCheckRow(Region region, int year, TotalControl.SupplyCheck c) {
    Optional<TotalControl.Room> room = c.room();
    return new MarketRows.AuctionSupplyCheck(region.id(), year, c.auctionId(), Optional.ofNullable(c.zoneId()),
        c.pollutant(), c.unit().map(Unit::symbol), c.supplyOffered(), room.map(TotalControl.Room::allocatableTA),
        room.map(TotalControl.Room::occupiedTA), room.map(TotalControl.Room::liveRightsTA), c.soldEarlierTA(),
        c.roomLeftTA(), c.supplyAllowed(), c.status().code(), c.reason());
  }

  static List<HoldingsLedger.Right> issuedRights(Run run, Region region) {
    List<HoldingsLedger.Right> rights = new ArrayList<>();
    for (Row r : JobSupport.silver(run, "rights_issued", region).orderBy("right_id").collectAsList()) {
      String subject = string(r, "subject");
      String rightId = string(r, "right_id");
      LocalDate issuedOn = date(r, "issued_on");
      Optional<LocalDate> from = Optional.ofNullable(date(r, "valid_from"));
      Optional<String> kind = Optional.ofNullable(string(r, "term_kind"));
      if (from.isEmpty() || kind.isEmpty()) {
        // Loaded before rights stated their terms (ingestion now quarantines a right without one): counted, and
        // read as a stock valid from its issue date to its valid_until, the rule before terms.
        run.count("rights_without_term", 1);
      }
      Optional<LocalDate> until = JobSupport.textDate(r, "valid_until");
      Term.Kind termKind = kind.map(Term.Kind::parse).orElse(Term.Kind.STOCK);
      if (termKind == Term.Kind.FLOW && until.isEmpty()) {
        throw LiangshanException.badInput("Right %s in silver.rights_issued is a flow right without valid_until; a flow"
            + " right is valid for a stated term. Correct the delivery and ingest it again.", rightId);
      }
      rights.add(new HoldingsLedger.Right(rightId, string(r, "right_type"), string(r, "holder"),
          string(r, "zone_id"), Pollutant.parse(subject).map(Pollutant::code).orElse(subject), number(r, "quantity"),
          issuedOn, new Term(from.orElse(issuedOn), until, termKind), "silver.rights_issued"));
    }
    return rights;
  }

  /**
   * The term an auction sold, what it comes from (stated, or the parameter auction.term) and the unit of its lots
   * (empty when silver.auctions states no known unit).
   */
  record SoldTerm(Term term, String basis, Optional<Unit> lot) {}

  /**
   * An award as this job wrote it in gold.auction_awards, as a voucher on the ledger with its term (a row written
   * before awards carried terms: the calendar year of its award, the default term).
   */
  static HoldingsLedger.Right awardRight(Row r) {
    LocalDate awardedOn = date(r, "awarded_on");
    Optional<LocalDate> from = Optional.ofNullable(date(r, "valid_from"));
    Optional<LocalDate> until = Optional.ofNullable(date(r, "valid_until"));
    Term term = from.isPresent() && until.isPresent()
        ? new Term(from.get(), until, Term.Kind.FLOW) : Term.calendarYear(awardedOn.getYear());
    return new HoldingsLedger.Right(string(r, "right_id"), "eco_voucher", string(r, "bidder"), string(r, "zone_id"),
        string(r, "pollutant"), ((Number) r.get(r.fieldIndex("quantity"))).doubleValue(), awardedOn, term,
        "auction " + string(r, "auction_id"));
  }

  /** Awards of auctions that closed in earlier years, as this job wrote them. */
  private static List<HoldingsLedger.Right> earlierAwards(Run run, Region region, int year) {
    Optional<Dataset<Row>> awards = JobSupport.goldIfExists(run, MarketTables.AUCTION_AWARDS);
    if (awards.isEmpty()) {
      return List.of();
    }
    List<HoldingsLedger.Right> rights = new ArrayList<>();
    for (Row r : awards.get().where(col("region").equalTo(region.id())).where(col("year").lt(year))
        .orderBy("right_id").collectAsList()) {
      rights.add(awardRight(r));
    }
    return rights;
  }
}
