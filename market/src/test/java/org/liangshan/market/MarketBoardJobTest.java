package org.liangshan.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.liangshan.market.Lakehouse.row;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.liangshan.core.method.CarbonInclusion;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;

/**
 * The market job's verification, board, event neutrality, Tianjin's other rights and carbon inclusion, on a
 * tiny Tianjin fixture, run twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarketBoardJobTest {
  private static final String ZONE = "TJ-WFZ-01";
  private final Lakehouse lake = new Lakehouse();
  private final Region tianjin = Regions.load("tianjin");
  private final ParameterSet params = ParameterSet.forRegion(tianjin);
  private MarketJob.Summary first;
  private List<Map<String, Object>> firstRows;

  @BeforeAll
  void runTwice() {
    fixture();
    first = MarketJob.run(lake.run("market", tianjin, "2024", params), tianjin, 2024, params);
    firstRows = snapshot();
    MarketJob.run(lake.run("market", tianjin, "2024", params), tianjin, 2024, params);
  }

  private void fixture() {
    lake.silver("enterprises", "tianjin", Lakehouse.rows(
        row("uscc", "E-HOTEL", "name", "宾馆", "industry", "hotel", "lon", 117.4, "lat", 40.05, "district", "蓟州区", "zone_id", ZONE),
        row("uscc", "E-CEM", "name", "水泥厂", "industry", "cement", "lon", 117.3, "lat", 39.3, "district", "武清区"),
        row("uscc", "F1", "name", "林场", "industry", "forest_farm", "lon", 117.4, "lat", 40.1, "district", "蓟州区")));
    lake.silver("enterprise_activity", "tianjin", Lakehouse.rows(
        row("uscc", "E-HOTEL", "month", "2024-01", "beds", 100.0, "occupancy", 0.5),
        row("uscc", "E-CEM", "month", "2024-01", "clinker_t", 1000.0, "clinker_cao_frac", 0.65, "clinker_mgo_frac", 0.02,
            "coal_t", 100.0)));
    lake.silver("rights_issued", "tianjin", Lakehouse.rows(
        right("EV1", "eco_voucher", "E-HOTEL", ZONE, "TP", 0.0005, "t/a", "2024-01-10", "2024-12-31"),
        right("DR1", "discharge_right", "E-HOTEL", ZONE, "COD", 1.0, "t/a", "2024-01-10", "2028-12-31"),
        right("CQ1", "carbon_quota", "E-CEM", null, "CO2", 600.0, "tCO2e", "2024-03-31", "2025-12-31"),
        right("CS1", "carbon_sink_credit", "F1", null, "CO2", 30.0, "tCO2e", "2023-06-30", "2028-06-29"),
        right("CS2", "carbon_sink_credit", "F1", null, "CO2", 50.0, "tCO2e", "2024-06-30", "2029-06-29"),
        right("EU1", "energy_use_right", "E-CEM", null, null, 5000.0, "tce", "2024-02-28", "2024-12-31"),
        right("GC1", "green_certificate", "E-CEM", null, null, 2000.0, "MWh", "2024-04-30", "2025-12-31"),
        right("FR1", "forest_right", "F1", null, null, 120.5, "ha", "2023-03-01", "2073-02-28"),
        right("FC1", "forest_coverage_index", "BUREAU", null, null, 300.0, "ha", "2023-05-20", "2033-05-19"),
        // Expired on 2023-12-31: its units move to the expired account on 2024-01-01.
        right("EU0", "energy_use_right", "E-CEM", null, null, 4000.0, "tce", "2023-02-28", "2023-12-31")));
    lake.silver("neutral_events", "tianjin", Lakehouse.rows(
        row("event_id", "NE1", "event_name", "生态论坛", "organiser", "E-HOTEL", "event_date", "2024-09-10",
            "emissions_tco2e", 45.2, "credit_holder", "F1"),
        row("event_id", "NE2", "event_name", "马拉松", "organiser", "E-HOTEL", "event_date", "2024-10-10",
            "emissions_tco2e", 40.0, "credit_holder", "F1")));
    lake.silver("carbon_inclusion", "tianjin", Lakehouse.rows(
        activity("A1", "U1", "person", "public_transport", "2023-05-01", 100, "人公里"),
        activity("A2", "U1", "person", "ev_charging", "2024-03-01", 50, "kWh"),
        activity("A3", "U2", "person", "nev", "2024-03-02", 1000, "公里"),
        activity("A4", "E-HOTEL", "enterprise", "clean_agriculture", "2024-04-01", 12, "亩"),
        activity("A5", "ORG1", "organisation", "waste_sorting", "2024-05-01", 300, "kg"),
        // Wrong unit: refused, no points.
        activity("A6", "U2", "person", "waste_sorting", "2024-05-02", 300, "亩")));
    lake.silver("points_redemptions", "tianjin", Lakehouse.rows(
        row("redemption_id", "R1", "user_id", "U1", "date", "2024-06-01", "points", 500L),
        row("redemption_id", "R2", "user_id", "U2", "date", "2024-06-01", "points", 100000L)));
    lake.silver("credit_events", "tianjin", Lakehouse.rows(
        row("event_id", "V1", "subject_id", "E-CEM", "subject_type", "enterprise", "date", "2024-07-01", "event_type", "violation",
            "severity", "serious", "description", "超标排放")));
  }

  private static Map<String, Object> right(String id, String type, String holder, String zone, String subject, double quantity,
      String unit, String issued, String until) {
    return row("right_id", id, "right_type", type, "holder", holder, "zone_id", zone, "subject", subject, "quantity", quantity,
        "unit", unit, "issued_on", issued, "valid_until", until);
  }

  private static Map<String, Object> activity(String id, String user, String type, String scenario, String date, double amount,
      String unit) {
    return row("activity_id", id, "user_id", user, "user_type", type, "scenario", scenario, "date", date, "activity", amount,
        "unit", unit);
  }

  @Test
  void everyRightTypeOfTianjinIsIssuedAndMovesThroughTheLedger() {
    List<Row> movements = lake.catalog.read(MarketTables.HOLDINGS_MOVEMENTS).collectAsList();
    Set<String> issuedTypes = movements.stream().filter(r -> r.<String>getAs("movement_type").equals("issue"))
        .map(r -> r.<String>getAs("right_type")).collect(Collectors.toSet());
    // Issued in 2024: their issue movements are in the 2024 slice.
    assertThat(issuedTypes).containsExactlyInAnyOrder("eco_voucher", "discharge_right", "carbon_quota", "carbon_sink_credit",
        "energy_use_right", "green_certificate");
    // Issued in 2023 (the ledger replays from the first record): held at the end of 2024.
    assertThat(lake.catalog.read(MarketTables.HOLDINGS).where("year = 2024").collectAsList())
        .extracting(r -> r.getAs("right_id") + " " + r.getAs("right_type") + " " + r.getAs("account") + " " + r.getAs("quantity"))
        .contains("FR1 forest_right holder:F1 120.5", "FC1 forest_coverage_index holder:BUREAU 300.0",
            "EU0 energy_use_right expired 4000.0", "CS1 carbon_sink_credit retired 30.0", "CS2 carbon_sink_credit holder:F1 34.0");
    assertThat(movements).filteredOn(r -> r.<String>getAs("movement_id").equals("expire:EU0")).singleElement()
        .satisfies(r -> assertThat(r.<Integer>getAs("year")).isEqualTo(2024));
    // Issued 0.0005 + 1 + 600 + 30 + 50 + 5000 + 2000 + 120.5 + 300 + 4000; expired EU0; retired 46 for NE1.
    BigDecimal issued = new BigDecimal("12101.5005");
    assertThat(first.issued()).isEqualByComparingTo(issued);
    assertThat(first.expired()).isEqualByComparingTo("4000");
    assertThat(first.retired()).isEqualByComparingTo("46");
    assertThat(first.held().add(first.retired()).add(first.expired())).isEqualByComparingTo(issued);
    assertThat(lake.catalog.read(MarketTables.HOLDINGS).collectAsList())
        .allSatisfy(r -> assertThat(r.<Double>getAs("quantity")).isPositive());
  }

  @Test
  void eventNeutralityRetiresCreditsWithACertificate() {
    List<Row> certificates = lake.gold(MarketBoardTables.NEUTRALITY_CERTIFICATES, "certificate_id");
    assertThat(certificates).extracting(r -> r.getAs("certificate_id") + " " + r.getAs("status") + " " + r.getAs("retired_tco2e")
        + " " + r.getAs("rights_retired"))
        .containsExactly("NC-NE1 neutral 46 CS1:30,CS2:16", "NC-NE2 refused 0 ");
    List<Row> retirements = lake.catalog.read(MarketTables.HOLDINGS_MOVEMENTS).where("movement_type = 'retire'")
        .orderBy("movement_id").collectAsList();
    assertThat(retirements).extracting(r -> r.getAs("movement_id") + " " + r.getAs("quantity") + " " + r.getAs("credit_account"))
        .containsExactly("retire:CS1:NE1 30.0 holder:F1", "retire:CS2:NE1 16.0 holder:F1");
  }

  @Test
  void verificationTurnsShortfallsIntoObligationsOnTheBoard() {
    List<Row> occupation = lake.gold(MarketTables.ENTERPRISE_OCCUPATION, "pollutant");
    double tp = occupation.stream().filter(r -> r.getAs("pollutant").equals("TP")).mapToDouble(r -> r.<Double>getAs("occupation_t_a"))
        .findFirst().orElseThrow();
    List<Row> compliance = lake.catalog.read(MarketBoardTables.COMPLIANCE).where("year = 2024").orderBy("holder", "subject").collectAsList();
    Row hotelTp = compliance.stream().filter(r -> r.getAs("holder").equals("E-HOTEL") && r.getAs("subject").equals("TP")).findFirst().orElseThrow();
    assertThat(hotelTp.<String>getAs("status")).isEqualTo("obligation_to_buy");
    assertThat(hotelTp.<Double>getAs("shortfall_quantity")).isCloseTo(tp - 0.0005, within(1e-12));
    // COD is covered by the discharge right; the surplus is on the board as an offer.
    Row hotelCod = compliance.stream().filter(r -> r.getAs("holder").equals("E-HOTEL") && r.getAs("subject").equals("COD")).findFirst().orElseThrow();
    assertThat(hotelCod.<String>getAs("status")).isEqualTo("covered");
    // Cement: 1000 t clinker × (0.65 × 44/56 + 0.02 × 44/40) + 100 t coal × 20.908 × 0.02618 × 0.98 × 44/12, 600 quotas held.
    double direct = 1000 * (0.65 * 44 / 56 + 0.02 * 44 / 40) + 100 * 20.908 * 0.02618 * 0.98 * 44 / 12;
    Row cement = compliance.stream().filter(r -> r.getAs("holder").equals("E-CEM")).findFirst().orElseThrow();
    assertThat(cement.<Double>getAs("shortfall_quantity")).isCloseTo(direct - 600, within(1e-6));
    // Valued at the national reference carbon price: 351.42 yuan/tC (gep.carbon_price_yuan_per_tc) × 12/44.
    assertThat(cement.<BigDecimal>getAs("obligation_value_yuan").doubleValue()).isCloseTo((direct - 600) * 351.42 * 12 / 44, within(1e-3));

    List<Row> board = lake.catalog.read(MarketBoardTables.MARKET_BOARD).where("year = 2024").orderBy("entry_id").collectAsList();
    long needs = board.stream().filter(r -> r.getAs("side").equals("need")).count();
    long obligations = compliance.stream().filter(r -> r.getAs("status").equals("obligation_to_buy")).count();
    assertThat(needs).isEqualTo(obligations).isPositive();
    assertThat(board).extracting(r -> r.<String>getAs("entry_id"))
        .contains("need:carbon_quota:-:CO2:E-CEM", "need:eco_voucher:" + ZONE + ":TP:E-HOTEL",
            "offer:carbon_sink_credit:-:CO2:F1", "offer:eco_voucher:" + ZONE + ":COD:E-HOTEL");
    // After retiring 46 t for NE1, F1 offers the 34 t left.
    assertThat(board).filteredOn(r -> r.getAs("entry_id").equals("offer:carbon_sink_credit:-:CO2:F1")).singleElement()
        .satisfies(r -> assertThat(r.<Double>getAs("quantity")).isEqualTo(34.0));
  }

  @Test
  void carbonInclusionEarnsPointsRedeemsAndScores() {
    List<Row> activities = lake.gold(InclusionTables.INCLUSION_ACTIVITIES, "activity_id");
    assertThat(activities).extracting(r -> r.getAs("activity_id") + " " + r.getAs("points") + " " + r.<String>getAs("status").split(":")[0])
        .containsExactly("A2 306 credited", "A3 920 credited", "A4 1800 credited", "A5 900 credited", "A6 0 refused");
    // Same code as calc: 50 kWh charged.
    assertThat(activities.get(0).<Long>getAs("points")).isEqualTo(CarbonInclusion.compute(CarbonInclusion.Scenario.EV_CHARGING, 50, params).points());
    List<Row> accounts = lake.catalog.read(InclusionTables.POINTS_ACCOUNTS).where("year = 2024").orderBy("user_id").collectAsList();
    assertThat(accounts).allSatisfy(r -> assertThat(r.<Long>getAs("earned_points"))
        .isEqualTo(r.<Long>getAs("held_points") + r.<Long>getAs("redeemed_points") + r.<Long>getAs("expired_points")));
    // U1: 80 (2023) + 306 (2024) earned, 500 asked: refused. U2 asked 100,000: refused.
    Row u1 = accounts.stream().filter(r -> r.getAs("user_id").equals("U1")).findFirst().orElseThrow();
    assertThat(u1.<Long>getAs("earned_points")).isEqualTo(386);
    assertThat(u1.<Long>getAs("held_points")).isEqualTo(386);
    assertThat(lake.gold(InclusionTables.POINTS_REDEMPTIONS, "redemption_id"))
        .extracting(r -> r.getAs("redemption_id") + " " + r.getAs("posted") + " " + r.getAs("balance_before"))
        .containsExactly("R1 false 386", "R2 false 920");
    // The cement plant's violation: 600 − 150 = 450 → tier D; ORG1: 600 + 900/100 = 609 → C.
    Row cement = accounts.stream().filter(r -> r.getAs("user_id").equals("E-CEM")).findFirst().orElseThrow();
    assertThat(cement.<Long>getAs("credit_score")).isEqualTo(450);
    assertThat(cement.<String>getAs("credit_tier")).isEqualTo("D");
    Row org = accounts.stream().filter(r -> r.getAs("user_id").equals("ORG1")).findFirst().orElseThrow();
    assertThat(org.<Long>getAs("credit_score")).isEqualTo(609);
    assertThat(lake.gold(InclusionTables.CREDIT_EVENTS, "event_id")).singleElement()
        .satisfies(r -> assertThat(r.<Long>getAs("score_delta")).isEqualTo(-150));
    List<Row> movements = lake.catalog.read(InclusionTables.POINTS_MOVEMENTS).collectAsList();
    assertThat(movements).extracting(r -> r.<String>getAs("movement_id")).doesNotContain("earn:A1");
    long debits = movements.stream().filter(r -> r.getAs("credit_account").equals("issuance")).mapToLong(r -> r.<Long>getAs("points")).sum();
    long held = lake.catalog.read(InclusionTables.POINTS_ACCOUNTS).where("year = 2024").collectAsList().stream()
        .mapToLong(r -> r.<Long>getAs("held_points") + r.<Long>getAs("redeemed_points") + r.<Long>getAs("expired_points")).sum();
    // A1 (2023) is replayed though only 2024 was run: the ledger starts at the first record.
    assertThat(debits + 80).isEqualTo(held).isEqualTo(80 + 306 + 920 + 1800 + 900);
  }

  @Test
  void registrationCheckReplaysTheLedgerToTheDate() {
    java.time.LocalDate june = java.time.LocalDate.parse("2024-06-01");
    var recorded = RegistrationJob.check(lake.run("registration", tianjin, "2024-06-01", params), tianjin, "E-HOTEL", june,
        java.util.Optional.empty());
    // The 2024 occupation covers four pollutants; only TP has an eco-voucher (0.0005 t/a, short): the discharge right
    // for COD is not an eco-voucher.
    assertThat(recorded.eligible()).isFalse();
    assertThat(recorded.reason()).startsWith("宾馆 lacks eco-vouchers for " + ZONE + " COD").contains(ZONE + " TP");
    assertThat(recorded.lines()).anySatisfy(l -> assertThat(l).startsWith(ZONE + " TP: occupation ").contains("eco-vouchers held 0.0005 t/a"));
    var stated = java.util.Optional.of(List.of(new org.liangshan.market.model.Registration.Need(ZONE, "TP", 0.0004, "stated")));
    assertThat(RegistrationJob.check(lake.run("registration", tianjin, "2024-06-01", params), tianjin, "E-HOTEL", june, stated)
        .eligible()).isTrue();
    // Before EV1 was issued on 2024-01-10 the hotel held nothing.
    assertThat(RegistrationJob.check(lake.run("registration", tianjin, "2024-01-05", params), tianjin, "E-HOTEL",
        java.time.LocalDate.parse("2024-01-05"), stated).eligible()).isFalse();
    // After EV1 expired (valid until 2024-12-31).
    assertThat(RegistrationJob.check(lake.run("registration", tianjin, "2025-01-02", params), tianjin, "E-HOTEL",
        java.time.LocalDate.parse("2025-01-02"), stated).eligible()).isFalse();
    assertThat(RegistrationJob.check(lake.run("registration", tianjin, "2024-06-01", params), tianjin, "NOBODY", june, stated)
        .reason()).isEqualTo("not in the enterprise registry of the region");
  }

  @Test
  void aReRunWithTheSameInputsYieldsTheSameRows() {
    assertThat(snapshot()).isEqualTo(firstRows);
  }

  private List<Map<String, Object>> snapshot() {
    List<Map<String, Object>> all = new ArrayList<>();
    for (var def : List.of(MarketTables.HOLDINGS_MOVEMENTS, MarketTables.HOLDINGS, MarketBoardTables.COMPLIANCE,
        MarketBoardTables.MARKET_BOARD, MarketBoardTables.NEUTRALITY_CERTIFICATES, InclusionTables.INCLUSION_ACTIVITIES,
        InclusionTables.POINTS_MOVEMENTS, InclusionTables.POINTS_REDEMPTIONS, InclusionTables.POINTS_ACCOUNTS,
        InclusionTables.CREDIT_EVENTS)) {
      all.addAll(lake.withoutRunId(def));
    }
    return all;
  }
}
