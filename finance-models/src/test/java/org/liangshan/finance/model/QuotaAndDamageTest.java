package org.liangshan.finance.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.CompensationAgreement;

/** Quota-keyed and damage entries against amounts computed by hand. */
class QuotaAndDamageTest {
  private static final ParameterSet PARAMS = FinanceParameters.complete(ParameterSet.defaults());
  private static final CompensationAgreement QUOTA = new CompensationAgreement("V-2", CompensationAgreement.Kind.VERTICAL,
      "vertical_quota", Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("市财政局"), Optional.empty(), 0.5, 0.5,
      0.85, List.of());
  private static final CompensationAgreement DAMAGE = new CompensationAgreement("D-1", CompensationAgreement.Kind.DAMAGE,
      "damage", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0.5, 0.5, 0.85,
      List.of(), Optional.of("损害赔偿资金"));

  private static QuotaAndDamage.Holding capacity(String key, String pollutant, String allocated, String held) {
    return new QuotaAndDamage.Holding("capacity", key, "一号水功能区 (Z1)", pollutant, "t/a", new BigDecimal(allocated),
        new BigDecimal(held), "gold.zone_capacity.allocatable_t_a 2024", "gold.zone_capacity.occupied_t_a 2024");
  }

  private static QuotaAndDamage.Holding carbon(String uscc, String name, String allocated, String held) {
    return new QuotaAndDamage.Holding("carbon", uscc, name, "CO2", "tCO2e", new BigDecimal(allocated), new BigDecimal(held),
        "allocation", "holdings");
  }

  @Test
  void quotaHeldBelowAllocationIsPaidByTheFundAndAboveItByTheHolder() {
    List<CompensationLedger.Entry> entries = QuotaAndDamage.verticalQuota(QUOTA, 2024, List.of(
        // (120.5 - 100.25) x 15,000 (COD) = 303,750: the fund pays the zone.
        capacity("Z1-cod", "COD", "120.5", "100.25"),
        // (12.5 - 10) x 100,000 (NH3-N) = 250,000: the zone pays the fund.
        capacity("Z1-nh3n", "NH3-N", "10", "12.5"),
        // held = allocated: no entry.
        capacity("Z1-tp", "TP", "1.0", "1.0"),
        // 0.4 t x 60 = 24: the fund pays E1.
        carbon("E1", "一号钢厂", "100000.4", "100000"),
        // 123.4567 t x 60 = 7,407.402 -> 7,407.40 (fen, HALF_EVEN): E2 pays the fund.
        carbon("E2", "二号水泥", "50000", "50123.4567"),
        // 0.00001 t x 60 = 0.0006 yuan: 0 fen, no entry.
        carbon("E3", "三号钢厂", "10", "10.00001")), 1, PARAMS);
    assertThat(entries).extracting(e -> e.entryId() + " " + e.method() + " " + e.payer() + "->" + e.payee() + " "
            + e.amountYuan().toPlainString())
        .containsExactly(
            "V-2:2024:capacity:Z1-cod:r1 vertical_quota 市财政局->一号水功能区 (Z1) 303750.00",
            "V-2:2024:capacity:Z1-nh3n:r1 vertical_quota 一号水功能区 (Z1)->市财政局 250000.00",
            "V-2:2024:carbon:E1:r1 vertical_quota 市财政局->一号钢厂 24.00",
            "V-2:2024:carbon:E2:r1 vertical_quota 二号水泥->市财政局 7407.40");
    assertThat(entries.get(3).exactYuan()).isEqualByComparingTo("7407.402");
    assertThat(entries.get(0).basis()).contains("\"quota_type\":\"capacity\"", "\"allocated\":120.5", "\"held\":100.25",
        "\"rate_yuan_per_unit\":15000", "held below allocation");
    assertThat(entries.get(3).basis()).contains("\"quota_type\":\"carbon\"", "\"rate_yuan_per_unit\":60", "held above allocation");
  }

  @Test
  void violationsArePaidByTheViolatorAtThePenaltyOfTheirSeverity() {
    List<CompensationLedger.Entry> entries = QuotaAndDamage.damage(DAMAGE, List.of(
        new QuotaAndDamage.Violation("CE-1", LocalDate.parse("2024-03-05"), "E1", "一号钢厂", "minor", "超标排放(轻微)"),
        new QuotaAndDamage.Violation("CE-2", LocalDate.parse("2024-03-20"), "E2", "二号水泥", "grave", "偷排偷放"),
        new QuotaAndDamage.Violation("CE-3", LocalDate.parse("2024-07-01"), "E1", "一号钢厂", "serious", null)), 1, PARAMS);
    assertThat(entries).extracting(e -> e.entryId() + " " + e.period() + " " + e.payer() + "->" + e.payee() + " "
            + e.amountYuan().toPlainString())
        .containsExactly(
            "D-1:2024-03:CE-1:r1 2024-03 一号钢厂->损害赔偿资金 50000.00",
            "D-1:2024-03:CE-2:r1 2024-03 二号水泥->损害赔偿资金 1000000.00",
            "D-1:2024-07:CE-3:r1 2024-07 一号钢厂->损害赔偿资金 200000.00");
    assertThat(entries.get(1).basis()).contains("\"severity\":\"grave\"", "\"penalty_yuan\":1000000",
        "\"penalty_key\":\"compensation.damage.penalty_yuan.grave\"", "\"event_id\":\"CE-2\"");
    // No restoration quantity recorded: the fixed schedule is the declared fallback, and the row says so.
    assertThat(entries).allSatisfy(e -> assertThat(e.basis()).contains("\"fallback\":true",
        "fixed schedule by severity: the declared fallback"));
  }

  @Test
  void aViolationThatRecordsWhatToRestoreIsValuedByRestorationCost() {
    // GB/T 39791.1-2020 section 8: quantity × unit restoration cost. 1,500 m² of wetland × 60 yuan/m² = 90,000;
    // 2,000 m³ of water × 5 yuan/m³ = 10,000 (a grave event whose fixed penalty would have been 1,000,000).
    List<CompensationLedger.Entry> entries = QuotaAndDamage.damage(DAMAGE, List.of(
        new QuotaAndDamage.Violation("CE-4", LocalDate.parse("2024-05-02"), "E1", "一号钢厂", "serious", "填占湿地",
            Optional.of(new QuotaAndDamage.Restoration(1500, "m2"))),
        new QuotaAndDamage.Violation("CE-5", LocalDate.parse("2024-05-09"), "E2", "二号水泥", "grave", "偷排偷放",
            Optional.of(new QuotaAndDamage.Restoration(2000, "m3")))), 1, PARAMS);
    assertThat(entries).extracting(e -> e.entryId() + " " + e.payer() + "->" + e.payee() + " " + e.amountYuan().toPlainString())
        .containsExactly("D-1:2024-05:CE-4:r1 一号钢厂->损害赔偿资金 90000.00", "D-1:2024-05:CE-5:r1 二号水泥->损害赔偿资金 10000.00");
    assertThat(entries.get(0).basis()).contains("\"fallback\":false", "GB/T 39791.1-2020",
        "\"restoration_quantity\":1500.0", "\"restoration_unit\":\"m2\"", "\"unit_cost_yuan\":60")
        .doesNotContain("penalty");
    assertThatThrownBy(() -> QuotaAndDamage.damage(DAMAGE, List.of(new QuotaAndDamage.Violation("CE-6",
        LocalDate.parse("2024-05-02"), "E1", "一号钢厂", "minor", null, Optional.of(new QuotaAndDamage.Restoration(3, "ha")))),
        1, PARAMS))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("No restoration cost for unit 'ha' (event CE-6, field restoration_unit): add"
            + " compensation.damage.restoration_cost_yuan_per_unit.ha to the parameter set or record the quantity in one of its"
            + " units.");
  }

  @Test
  void theNewEntriesBalanceInEveryPeriodBesideTheOthers() {
    CompensationLedger ledger = new CompensationLedger();
    QuotaAndDamage.verticalQuota(QUOTA, 2024, List.of(capacity("Z1-cod", "COD", "1", "2"), carbon("E1", "一号钢厂", "5", "1")), 1,
        PARAMS).forEach(ledger::add);
    QuotaAndDamage.damage(DAMAGE, List.of(new QuotaAndDamage.Violation("CE-1", LocalDate.parse("2024-03-05"), "E1", "一号钢厂",
        "minor", null)), 1, PARAMS).forEach(ledger::add);
    ledger.checkBalanced();
    assertThat(ledger.totals()).extracting(t -> t.period() + " " + t.debitYuan().toPlainString() + " "
            + t.creditYuan().toPlainString() + " " + t.entries())
        // 2024: 1 t COD x 15,000 + 4 t x 60 = 15,240; 2024-03: 50,000.
        .containsExactly("2024 15240.00 15240.00 2", "2024-03 50000.00 50000.00 1");
  }

  @Test
  void aMissingRateOrPenaltyIsAFailureNamingTheKey() {
    assertThatThrownBy(() -> QuotaAndDamage.damage(DAMAGE, List.of(new QuotaAndDamage.Violation("CE-9",
        LocalDate.parse("2024-03-05"), "E1", "一号钢厂", "catastrophic", null)), 1, PARAMS))
        .isInstanceOf(LiangshanException.class)
        .hasMessageContaining("compensation.damage.penalty_yuan.catastrophic").hasMessageContaining("CE-9");
    assertThatThrownBy(() -> QuotaAndDamage.verticalQuota(QUOTA, 2024, List.of(capacity("Z1-x", "SS", "1", "2")), 1, PARAMS))
        .isInstanceOf(LiangshanException.class)
        .hasMessageContaining("compensation.vertical_quota.capacity_rate_yuan_per_t.SS");
  }
}
