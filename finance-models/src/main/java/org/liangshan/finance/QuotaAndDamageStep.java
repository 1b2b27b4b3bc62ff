package org.liangshan.finance;

import static org.apache.spark.sql.functions.col;
import static org.liangshan.warehouse.JobSupport.date;
import static org.liangshan.warehouse.JobSupport.number;
import static org.liangshan.warehouse.JobSupport.string;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.CompensationAgreement;
import org.liangshan.core.region.Region;
import org.liangshan.finance.model.CompensationLedger;
import org.liangshan.finance.model.QuotaAndDamage;
import org.liangshan.market.MarketTables;
import org.liangshan.market.model.Pollutant;
import org.liangshan.warehouse.JobSupport;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.TableDef;

/**
 * The compensation job's quota-keyed and damage agreements, thin over {@link QuotaAndDamage}. Reads
 * gold.zone_capacity (capacity held = occupied_t_a against allocatable_t_a), gold.enterprise_emissions
 * (final allocation), gold.holdings and gold.holdings_movements (the carbon quota of the year an enterprise
 * holds on 31 December: rights issued that year), silver.credit_events and silver.enterprises (violator
 * names). A table that does not exist yet leaves the agreement not settled, and the summary says why.
 */
final class QuotaAndDamageStep {
  private QuotaAndDamageStep() {}

  static void verticalQuota(Run run, Region region, int year, int revision, ParameterSet p, CompensationLedger ledger,
      List<String> notSettled) {
    for (CompensationAgreement agreement : region.agreements()) {
      if (agreement.kind() != CompensationAgreement.Kind.VERTICAL || agreement.method().equals("gep-keyed")
          || agreement.method().equals(CompensationJob.FIXED_TRANSFER)) {
        continue;
      }
      if (!agreement.method().equals(QuotaAndDamage.VERTICAL_QUOTA)) {
        notSettled.add(agreement.id() + ": unknown vertical method " + agreement.method());
        continue;
      }
      List<QuotaAndDamage.Holding> holdings = new ArrayList<>();
      holdings.addAll(capacity(run, region, year, agreement, notSettled));
      holdings.addAll(carbon(run, region, year, agreement, notSettled));
      if (holdings.isEmpty()) {
        notSettled.add(agreement.id() + " " + year + ": no capacity or carbon quota of " + region.id() + " for " + year);
        continue;
      }
      QuotaAndDamage.verticalQuota(agreement, year, holdings, revision, p).forEach(ledger::add);
    }
  }

  static void damage(Run run, Region region, int year, int revision, ParameterSet p, CompensationLedger ledger,
      List<String> notSettled) {
    List<CompensationAgreement> agreements = region.agreements().stream()
        .filter(a -> a.kind() == CompensationAgreement.Kind.DAMAGE).toList();
    if (agreements.isEmpty()) {
      return;
    }
    Optional<TableDef> events = run.catalog().find("silver.credit_events");
    if (events.isEmpty() || !run.catalog().exists(events.get())) {
      agreements.forEach(a -> notSettled.add(a.id() + " " + year + ": silver.credit_events does not exist (ingest first)"));
      return;
    }
    Map<String, String> names = new TreeMap<>();
    Optional<TableDef> enterprises = run.catalog().find("silver.enterprises");
    if (enterprises.isPresent() && run.catalog().exists(enterprises.get())) {
      for (Row r : JobSupport.silver(run, "enterprises", region).select("uscc", "name").collectAsList()) {
        names.put(string(r, "uscc"), string(r, "name"));
      }
    }
    List<QuotaAndDamage.Violation> violations = new ArrayList<>();
    int persons = 0;
    for (Row r : JobSupport.silver(run, "credit_events", region)
        .where(functions.year(col("date")).equalTo(year))
        .where(col("event_type").equalTo("violation"))
        .orderBy("date", "event_id").collectAsList()) {
      String subject = string(r, "subject_id");
      if ("person".equals(string(r, "subject_type"))) {
        persons++;
        continue;
      }
      violations.add(new QuotaAndDamage.Violation(string(r, "event_id"), date(r, "date"), subject,
          names.getOrDefault(subject, subject), string(r, "severity"), string(r, "description"), restoration(r)));
    }
    for (CompensationAgreement agreement : agreements) {
      if (!agreement.method().equals(QuotaAndDamage.DAMAGE)) {
        notSettled.add(agreement.id() + ": unknown damage method " + agreement.method());
        continue;
      }
      if (persons > 0) {
        notSettled.add(agreement.id() + " " + year + ": " + persons + " violation(s) of persons are not damage entries");
      }
      QuotaAndDamage.damage(agreement, violations, revision, p).forEach(ledger::add);
    }
  }

  /**
   * What a violation left to restore: both restoration_quantity and restoration_unit, or neither (the fixed
   * schedule then applies); one without the other is refused, naming the event and the field.
   */
  private static Optional<QuotaAndDamage.Restoration> restoration(Row r) {
    List<String> columns = List.of(r.schema().fieldNames());
    Double quantity = columns.contains("restoration_quantity") ? number(r, "restoration_quantity") : null;
    String unit = columns.contains("restoration_unit") ? string(r, "restoration_unit") : null;
    if (quantity == null && unit == null) {
      return Optional.empty();
    }
    if (quantity == null || unit == null || !(quantity > 0)) {
      throw LiangshanException.badInput("silver.credit_events, event %s (%s line %s): field %s: a restoration needs a"
              + " quantity above 0 and its unit, or neither (then the fixed schedule applies); correct the delivery and ingest"
              + " it again.", string(r, "event_id"), string(r, "source_file"), r.get(r.fieldIndex("source_line")),
          quantity == null ? "restoration_quantity" : unit == null ? "restoration_unit" : "restoration_quantity");
    }
    return Optional.of(new QuotaAndDamage.Restoration(quantity, unit));
  }

  /** Capacity held (occupied) against allocatable, per zone and pollutant. */
  private static List<QuotaAndDamage.Holding> capacity(Run run, Region region, int year, CompensationAgreement agreement,
      List<String> notSettled) {
    Optional<Dataset<Row>> table = JobSupport.goldIfExists(run, MarketTables.ZONE_CAPACITY);
    if (table.isEmpty()) {
      notSettled.add(agreement.id() + " " + year + ": gold.zone_capacity does not exist (run market first): no capacity quota");
      return List.of();
    }
    Map<String, String> zoneNames = new TreeMap<>();
    region.zones().forEach(z -> zoneNames.put(z.id(), z.name()));
    List<QuotaAndDamage.Holding> result = new ArrayList<>();
    for (Row r : table.get().where(col("region").equalTo(region.id())).where(col("year").equalTo(year))
        .orderBy("zone_id", "pollutant").collectAsList()) {
      Double allocatable = number(r, "allocatable_t_a");
      Double occupied = number(r, "occupied_t_a");
      if (allocatable == null || occupied == null) {
        continue;
      }
      String zone = string(r, "zone_id");
      String pollutant = string(r, "pollutant");
      String indicator = Pollutant.parse(pollutant).map(Pollutant::indicator).orElse(pollutant);
      result.add(new QuotaAndDamage.Holding(QuotaAndDamage.CAPACITY, zone + "-" + indicator,
          zoneNames.getOrDefault(zone, zone) + " (" + zone + ")", pollutant, "t/a", BigDecimal.valueOf(allocatable),
          BigDecimal.valueOf(occupied), MarketTables.ZONE_CAPACITY.qualifiedName() + ".allocatable_t_a " + year,
          MarketTables.ZONE_CAPACITY.qualifiedName() + ".occupied_t_a " + year));
    }
    return result;
  }

  /** The year's carbon quota held on 31 December against the final allocation, per enterprise. */
  private static List<QuotaAndDamage.Holding> carbon(Run run, Region region, int year, CompensationAgreement agreement,
      List<String> notSettled) {
    Optional<Dataset<Row>> emissions = JobSupport.goldIfExists(run, MarketTables.ENTERPRISE_EMISSIONS);
    Optional<Dataset<Row>> holdings = JobSupport.goldIfExists(run, MarketTables.HOLDINGS);
    Optional<Dataset<Row>> movements = JobSupport.goldIfExists(run, MarketTables.HOLDINGS_MOVEMENTS);
    if (emissions.isEmpty() || holdings.isEmpty() || movements.isEmpty()) {
      notSettled.add(agreement.id() + " " + year + ": gold.enterprise_emissions or gold.holdings does not exist (run market"
          + " first): no carbon quota");
      return List.of();
    }
    Dataset<Row> issuedThisYear = movements.get().where(col("region").equalTo(region.id()))
        .where(col("movement_type").equalTo("issue")).where(col("right_type").equalTo("carbon_quota"))
        .where(col("year").equalTo(year)).select("right_id").distinct();
    Map<String, BigDecimal> held = new TreeMap<>();
    for (Row r : holdings.get().where(col("region").equalTo(region.id())).where(col("year").equalTo(year))
        .where(col("right_type").equalTo("carbon_quota")).where(col("account").startsWith("holder:"))
        .join(issuedThisYear, "right_id").orderBy("account", "right_id").collectAsList()) {
      held.merge(string(r, "account").substring("holder:".length()), BigDecimal.valueOf(number(r, "quantity")),
          BigDecimal::add);
    }
    List<QuotaAndDamage.Holding> result = new ArrayList<>();
    int withoutQuota = 0;
    for (Row r : emissions.get().where(col("region").equalTo(region.id())).where(col("year").equalTo(year))
        .orderBy("uscc").collectAsList()) {
      String uscc = string(r, "uscc");
      BigDecimal quota = held.remove(uscc);
      if (quota == null) {
        withoutQuota++;
        continue;
      }
      result.add(new QuotaAndDamage.Holding(QuotaAndDamage.CARBON, uscc, string(r, "name"), "CO2", "tCO2e",
          BigDecimal.valueOf(number(r, "final_allocation_tco2")), quota,
          MarketTables.ENTERPRISE_EMISSIONS.qualifiedName() + ".final_allocation_tco2 " + year,
          MarketTables.HOLDINGS.qualifiedName() + " " + year + "-12-31: carbon quota issued in " + year));
    }
    if (withoutQuota > 0) {
      notSettled.add(agreement.id() + " " + year + ": " + withoutQuota + " enterprise(s) with an allocation hold no carbon quota"
          + " issued in " + year);
    }
    if (!held.isEmpty()) {
      notSettled.add(agreement.id() + " " + year + ": " + held.size() + " holder(s) of " + year
          + " carbon quota have no allocation in gold.enterprise_emissions");
    }
    return result;
  }
}
