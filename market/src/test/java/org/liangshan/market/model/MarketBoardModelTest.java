package org.liangshan.market.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Verification, the board, event neutrality and the registration check on the plain models. */
class MarketBoardModelTest {
  private static Compliance.Holding water(String holder, String rightId, String type, String zone, String pollutant, double t) {
    return new Compliance.Holding(holder, rightId, type, zone, pollutant, t, "t/a");
  }

  private static HoldingsLedger.Right right(String id, String type, String holder, double quantity, String issued, String until) {
    return new HoldingsLedger.Right(id, type, holder, null, "CO2", quantity, LocalDate.parse(issued),
        new Term(LocalDate.parse(issued), Optional.ofNullable(until).map(LocalDate::parse), Term.Kind.STOCK), "test");
  }

  @Test
  void shortfallsBecomeObligationsAndSurplusesOffers() {
    List<Compliance.Requirement> requirements = List.of(
        new Compliance.Requirement("E1", "甲", Compliance.WATER, "Z1", "TP", 0.5, "occupation 2024"),
        new Compliance.Requirement("E2", "乙", Compliance.WATER, "Z1", "TP", 0.2, "occupation 2024"),
        new Compliance.Requirement("C1", "水泥厂", Compliance.CARBON, null, "CO2", 1000, "direct emissions 2024"));
    List<Compliance.Holding> holdings = List.of(
        water("E1", "EV1", "eco_voucher", "Z1", "TP", 0.3),
        water("E1", "DR1", "discharge_right", "Z1", "TP", 0.1),
        // Another zone does not count for Z1.
        water("E1", "EV2", "eco_voucher", "Z2", "TP", 5),
        water("E2", "EV3", "eco_voucher", "Z1", "TP", 0.25),
        new Compliance.Holding("C1", "CQ1", "carbon_quota", null, "CO2", 900, "tCO2e"),
        new Compliance.Holding("F1", "CS1", "carbon_sink_credit", null, "CO2", 40, "tCO2e"));
    Compliance.Result verified = Compliance.verify(requirements, holdings);
    assertThat(verified.lines()).extracting(l -> l.requirement().holder() + " " + l.status() + " " + round(l.shortfall()))
        .containsExactly("E1 obligation_to_buy 0.1", "E2 covered 0.0", "C1 obligation_to_buy 100.0");
    assertThat(verified.lines().get(0).coveredBy()).isEqualTo("DR1,EV1");
    assertThat(verified.surpluses()).extracting(s -> s.holder() + " " + s.zoneId() + " " + round(s.quantity()))
        .containsExactly("E1 Z2 5.0", "E2 Z1 0.05");

    Map<String, BigDecimal> prices = Map.of("Z1|TP", new BigDecimal("2775493.34"));
    List<MarketBoard.Entry> board = MarketBoard.build(verified, holdings, prices, Optional.of(new BigDecimal("103.64")));
    assertThat(board).extracting(e -> e.side() + " " + e.rightType() + " " + e.party() + " " + round(e.quantity()))
        .containsExactly(
            "need carbon_quota C1 100.0", "need eco_voucher E1 0.1",
            // Sorted by side, right type, zone, subject, party: Z1 before Z2.
            "offer carbon_sink_credit F1 40.0", "offer eco_voucher E2 0.05", "offer eco_voucher E1 5.0");
    assertThat(board.get(1).referencePrice()).contains(new BigDecimal("2775493.34"));
    // No benchmark for Z2: the offer carries no price.
    assertThat(board.get(4).referencePrice()).isEmpty();
    assertThat(board.get(4).priceBasis()).isEqualTo("none");
  }

  private static double round(double value) {
    return Math.round(value * 1e6) / 1e6;
  }

  @Test
  void eventNeutralityRetiresTheOldestCreditsOrNothing() {
    List<Neutrality.Certificate> certificates = new ArrayList<>();
    List<HoldingsLedger.Right> rights = List.of(
        right("CS-2023", "carbon_sink_credit", "F1", 30, "2023-06-30", "2028-06-29"),
        right("CS-2024", "carbon_sink_credit", "F1", 50, "2024-06-30", "2029-06-29"),
        right("CQ", "carbon_quota", "F1", 1000, "2024-03-31", null));
    List<HoldingsLedger.Action> actions = List.of(
        // 45.2 t → 46 whole credits: 30 of 2023 and 16 of 2024.
        Neutrality.action(new Neutrality.Event("EV1", "论坛", "ORG", LocalDate.parse("2024-09-10"), 45.2, "F1"), certificates::add),
        // 34 credits left, 40 needed: refused, nothing retired (the quota does not count).
        Neutrality.action(new Neutrality.Event("EV2", "马拉松", "ORG", LocalDate.parse("2024-10-10"), 40, "F1"), certificates::add),
        // Before the 2024 credits exist: only 30 held, 20 needed.
        Neutrality.action(new Neutrality.Event("EV0", "早会", "ORG", LocalDate.parse("2024-01-10"), 20, "F1"), certificates::add));
    HoldingsLedger ledger = HoldingsLedger.replay(rights, List.of(), actions, LocalDate.parse("2024-12-31"));
    ledger.checkIssuedEqualsHeldRetiredExpired();
    assertThat(certificates).extracting(c -> c.event().eventId() + " " + c.status() + " " + c.retiredTco2e() + " " + c.rightsRetired())
        .containsExactly("EV0 neutral 20 CS-2023:20", "EV1 neutral 46 CS-2023:10,CS-2024:36", "EV2 refused 0 ");
    assertThat(ledger.total(HoldingsLedger.RETIRED)).isEqualByComparingTo("66");
    assertThat(ledger.balance("holder:F1", "CS-2024")).isEqualByComparingTo("14");
    assertThat(certificates.get(2).reason()).isEqualTo("F1 holds 14.0 tCO2e of valid carbon-sink credits on 2024-10-10, the event needs 40: nothing retired");
    assertThat(ledger.issued()).isEqualByComparingTo(ledger.total("holder:").add(ledger.total(HoldingsLedger.RETIRED)).add(ledger.total(HoldingsLedger.EXPIRED)));
  }

  @Test
  void registrationNeedsEcoVouchersCoveringEveryZoneAndPollutant() {
    List<Registration.Need> needs = List.of(new Registration.Need("Z1", "TP", 0.2, "occupation 2024"),
        new Registration.Need("Z1", "COD", 3, "occupation 2024"));
    List<Compliance.Holding> holdings = List.of(water("E1", "EV1", "eco_voucher", "Z1", "TP", 0.25),
        water("E1", "EV2", "eco_voucher", "Z1", "COD", 2), water("E1", "DR1", "discharge_right", "Z1", "COD", 5));
    LocalDate date = LocalDate.parse("2024-06-01");
    Registration.Answer no = Registration.check("E1", Optional.of("甲"), date, Optional.of(needs), holdings);
    assertThat(no.eligible()).isFalse();
    assertThat(no.reason()).isEqualTo("甲 lacks eco-vouchers for Z1 COD; buy them on the platform (auction or trade) before registering");
    assertThat(no.lines()).containsExactly(
        "Z1 TP: occupation 0.2 t/a (occupation 2024), eco-vouchers held 0.25 t/a: covered",
        "Z1 COD: occupation 3 t/a (occupation 2024), eco-vouchers held 2 t/a: short by 1");
    Registration.Answer yes = Registration.check("E1", Optional.of("甲"), date, Optional.of(needs.subList(0, 1)), holdings);
    assertThat(yes.eligible()).isTrue();
    assertThat(yes.toString()).startsWith("yes: E1 on 2024-06-01: 甲 holds eco-vouchers covering its occupation");
    assertThat(Registration.check("E9", Optional.empty(), date, Optional.of(needs), holdings).reason())
        .isEqualTo("not in the enterprise registry of the region");
    assertThat(Registration.check("E1", Optional.of("甲"), date, Optional.empty(), holdings).eligible()).isFalse();
  }
}
