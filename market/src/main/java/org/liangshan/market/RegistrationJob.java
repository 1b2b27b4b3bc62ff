package org.liangshan.market;

import static org.apache.spark.sql.functions.col;
import static org.liangshan.warehouse.JobSupport.string;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.liangshan.core.region.Region;
import org.liangshan.market.model.Compliance;
import org.liangshan.market.model.HoldingsLedger;
import org.liangshan.market.model.Registration;
import org.liangshan.warehouse.JobSupport;
import org.liangshan.warehouse.Run;

/**
 * {@code liangshan registration check}: may an enterprise register as a market entity on a date? It must hold
 * eco-vouchers covering its occupation of each zone's capacity per pollutant ({@link Registration}). The
 * occupation is the latest year of gold.enterprise_occupation not after the date (or what the caller states);
 * the holdings are the holdings ledger replayed to the date from silver.rights_issued, gold.auction_awards and
 * silver.neutral_events, exactly as the market job replays it. Writes nothing but its run-log entry.
 */
public final class RegistrationJob {
  private RegistrationJob() {}

  /** Whether the region's registry knows the enterprise (to find its region). */
  public static boolean knows(Run run, Region region, String uscc) {
    return !JobSupport.silver(run, "enterprises", region).where(col("uscc").equalTo(uscc)).isEmpty();
  }

  public static Registration.Answer check(Run run, Region region, String uscc, LocalDate date,
      Optional<List<Registration.Need>> stated) {
    List<Row> registry = JobSupport.silver(run, "enterprises", region).where(col("uscc").equalTo(uscc)).collectAsList();
    if (registry.isEmpty()) {
      return Registration.check(uscc, Optional.empty(), date, stated, List.of());
    }
    Row enterprise = registry.get(0);
    Optional<List<Registration.Need>> needs = stated.isPresent() ? stated : occupation(run, region, uscc, date, enterprise);

    List<HoldingsLedger.Right> awards = new ArrayList<>();
    Optional<Dataset<Row>> awarded = JobSupport.goldIfExists(run, MarketTables.AUCTION_AWARDS);
    if (awarded.isPresent()) {
      for (Row r : awarded.get().where(col("region").equalTo(region.id())).where(col("awarded_on").leq(Date.valueOf(date)))
          .orderBy("right_id").collectAsList()) {
        awards.add(MarketJob.awardRight(r));
      }
    }
    HoldingsLedger ledger = HoldingsLedger.replay(MarketJob.issuedRights(run, region), awards,
        ComplianceStep.neutralityActions(run, region, certificate -> {}), date);
    ledger.checkIssuedEqualsHeldRetiredExpired();
    List<Compliance.Holding> holdings = ComplianceStep.holdings(run, region, ledger, date).stream()
        .filter(h -> h.holder().equals(uscc)).toList();
    return Registration.check(uscc, Optional.ofNullable(string(enterprise, "name")), date, needs, holdings);
  }

  private static Optional<List<Registration.Need>> occupation(Run run, Region region, String uscc, LocalDate date, Row enterprise) {
    Optional<Dataset<Row>> table = JobSupport.goldIfExists(run, MarketTables.ENTERPRISE_OCCUPATION);
    if (table.isEmpty()) {
      return Optional.empty();
    }
    List<Row> rows = table.get().where(col("region").equalTo(region.id())).where(col("uscc").equalTo(uscc))
        .where(col("year").leq(date.getYear())).orderBy(col("year").desc(), col("pollutant")).collectAsList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    int latest = rows.get(0).getInt(rows.get(0).fieldIndex("year"));
    Optional<String> fallbackZone = MarketJob.zoneOf(region, enterprise);
    List<Registration.Need> needs = new ArrayList<>();
    for (Row r : rows) {
      if (r.getInt(r.fieldIndex("year")) != latest) {
        break;
      }
      String zone = Optional.ofNullable(string(r, "zone_id")).or(() -> fallbackZone).orElse(null);
      double t = ((Number) r.get(r.fieldIndex("occupation_t_a"))).doubleValue();
      if (zone != null && t > 0) {
        needs.add(new Registration.Need(zone, string(r, "pollutant"), t, "occupation " + latest + ", " + string(r, "method")));
      }
    }
    return Optional.of(needs);
  }
}
