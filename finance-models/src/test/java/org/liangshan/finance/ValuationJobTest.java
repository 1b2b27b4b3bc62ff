package org.liangshan.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.liangshan.market.Lakehouse.row;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;
import org.liangshan.market.Lakehouse;
import org.liangshan.market.MarketTables;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValuationJobTest {
  /** A Friday. */
  private static final LocalDate DATE = LocalDate.of(2024, 6, 28);
  private final Lakehouse lake = FinanceLakehouse.create();
  private final Region liyang = Regions.load("liyang");
  private final ParameterSet params = ParameterSet.forRegion(liyang);
  private ValuationJob.Summary summary;
  private List<Map<String, Object>> firstRows;

  @BeforeAll
  void runTwice() {
    lake.silver("loans", "liyang", Lakehouse.rows(
        loan("L1", "K1", "3000000"), loan("L2", "K2", "100000"),
        row("loan_id", "L3", "bank_id", "K1", "borrower", "E3", "disbursed_on", "2024-01-01", "matures_on", "2029-06-28",
            "principal_yuan", "50000", "outstanding_yuan", "50000", "rate", 0.04)));
    // The outstanding on the date is the principal 5,000,000 less the repayments up to it (LoanBalance): L1
    // 3,000,000, L2 100,000; L2's repayment after the date does not count.
    lake.silver("repayments", "liyang", Lakehouse.rows(
        row("loan_id", "L1", "repaid_on", "2024-04-01", "amount_yuan", "2000000"),
        row("loan_id", "L2", "repaid_on", "2024-03-01", "amount_yuan", "4000000"),
        row("loan_id", "L2", "repaid_on", "2024-06-28", "amount_yuan", "900000"),
        row("loan_id", "L2", "repaid_on", "2024-07-01", "amount_yuan", "100000")));
    lake.silver("rights_issued", "liyang", Lakehouse.rows(
        row("right_id", "R1", "right_type", "carbon_quota", "holder", "E1", "subject", "CO2", "quantity", 100000.0,
            "unit", "tCO2e", "issued_on", "2024-01-01"),
        row("right_id", "R2", "right_type", "eco_voucher", "holder", "E2", "zone_id", "LY-WFZ-01", "subject", "TP",
            "quantity", 2.0, "unit", "t/a", "issued_on", "2024-01-01"),
        row("right_id", "R4", "right_type", "carbon_quota", "holder", "E1", "subject", "CO2", "quantity", 10.0,
            "unit", "tCO2e", "issued_on", "2023-01-01", "valid_until", "2024-01-31"),
        // Discharge rights of two pollutants: each priced from its own subject's trades (issue 15).
        row("right_id", "R5", "right_type", "discharge_right", "holder", "E3", "zone_id", "LY-WFZ-01", "subject", "COD",
            "quantity", 2.0, "unit", "t/a", "issued_on", "2024-01-01", "valid_until", "2027-06-28"),
        row("right_id", "R6", "right_type", "discharge_right", "holder", "E3", "zone_id", "LY-WFZ-01", "subject", "NH3-N",
            "quantity", 1.0, "unit", "t/a", "issued_on", "2024-01-01")));
    lake.silver("pledges", "liyang", Lakehouse.rows(
        pledge("P1", "L1", "R1", 100000, "2024-01-05", "active"),
        pledge("P2", "L2", "R1", 50000, "2024-02-01", "active"),
        pledge("P3", "L2", "R2", 2, "2024-03-01", "active"),
        pledge("P4", "L1", "R4", 10, "2024-01-10", "active"),
        pledge("P5", "L2", "R1", 10, "2024-03-02", "released"),
        pledge("P6", "L3", "R5", 2, "2024-03-01", "active"),
        pledge("P7", "L3", "R6", 1, "2024-03-01", "active")));
    lake.silver("trades", "liyang", Lakehouse.rows(
        // carbon_quota: six trades in the window, volume-weighted average 95, last price 90.
        trade("t1", "2024-06-21", "carbon_quota", 100), trade("t2", "2024-06-24", "carbon_quota", 98),
        trade("t3", "2024-06-25", "carbon_quota", 96), trade("t4", "2024-06-26", "carbon_quota", 94),
        trade("t5", "2024-06-27", "carbon_quota", 92), trade("t6", "2024-06-28", "carbon_quota", 90),
        trade("t7", "2024-07-01", "carbon_quota", 10),
        // eco_voucher: one trade, a thin market.
        row("trade_id", "v1", "trade_date", "2024-06-20", "right_type", "eco_voucher", "quantity", 100.0, "price_yuan", 900000.0,
            "subject", "TP"),
        // The same price recorded per kg/a: 100,000 kg/a at 900 yuan per kg/a is 100 t/a at 900,000 per t/a. Converted
        // once as it enters the series (pooled raw, the thin market's last trade would be 900 "per unit").
        row("trade_id", "v2", "trade_date", "2024-06-21", "right_type", "eco_voucher", "quantity", 100000.0, "price_yuan",
            900.0, "unit", "kg/a", "subject", "TP"),
        // discharge rights: COD at 5,390 (10 t/a a trade) and NH3-N at 10,067 (2.92 t/a) on the same six days; pooled,
        // their volume-weighted average would be 6,447.
        discharge("d1", "2024-06-21", "COD", 10, 5390), discharge("d2", "2024-06-24", "COD", 10, 5390),
        discharge("d3", "2024-06-25", "COD", 10, 5390), discharge("d4", "2024-06-26", "COD", 10, 5390),
        discharge("d5", "2024-06-27", "COD", 10, 5390), discharge("d6", "2024-06-28", "COD", 10, 5390),
        discharge("n1", "2024-06-21", "NH3-N", 2.92, 10067), discharge("n2", "2024-06-24", "NH3-N", 2.92, 10067),
        discharge("n3", "2024-06-25", "NH3-N", 2.92, 10067), discharge("n4", "2024-06-26", "NH3-N", 2.92, 10067),
        discharge("n5", "2024-06-27", "NH3-N", 2.92, 10067), discharge("n6", "2024-06-28", "NH3-N", 2.92, 10067)));
    lake.write(MarketTables.BENCHMARK_PRICES, "liyang", Lakehouse.rows(
        row("year", 2024, "zone_id", "LY-WFZ-01", "pollutant", "TP", "benchmark_price_yuan_per_t_a", "1000000",
            "annualized_cost_yuan", "2000000", "tradable_capacity_t_a", 2.0, "survey_year", 2023, "cost_items", 2)));
    summary = ValuationJob.run(lake.run("valuation", liyang, DATE.toString(), params), liyang, DATE, params);
    firstRows = snapshot();
    ValuationJob.run(lake.run("valuation", liyang, DATE.toString(), params), liyang, DATE, params);
  }

  private static Map<String, Object> loan(String id, String bank, String outstanding) {
    return row("loan_id", id, "bank_id", bank, "borrower", "E1", "disbursed_on", "2024-01-01", "matures_on", "2026-01-01",
        "principal_yuan", "5000000", "outstanding_yuan", outstanding, "rate", 0.04);
  }

  private static Map<String, Object> pledge(String id, String loan, String right, double quantity, String on, String status) {
    return row("pledge_id", id, "loan_id", loan, "right_id", right, "quantity", quantity, "pledged_on", on, "status", status);
  }

  private static Map<String, Object> trade(String id, String date, String type, double price) {
    return row("trade_id", id, "trade_date", date, "right_type", type, "quantity", 100.0, "price_yuan", price);
  }

  private static Map<String, Object> discharge(String id, String date, String subject, double quantity, double price) {
    return row("trade_id", id, "trade_date", date, "right_type", "discharge_right", "quantity", quantity, "price_yuan", price,
        "subject", subject);
  }

  @Test
  void valuesEachActivePledgeAndRefusesTheDoublePledge() {
    List<Row> rows = lake.gold(FinanceTables.COLLATERAL_VALUATION, "pledge_id");
    assertThat(rows).extracting(r -> r.getAs("pledge_id") + " " + r.getAs("status"))
        .containsExactly("P1 ltv_breach", "P2 refused_double_pledge", "P3 ok", "P4 expired", "P6 ltv_breach", "P7 ltv_breach");
    Row p1 = rows.get(0);
    // The price: min(90, 95) = 90 of the CO2 quota series (trades naming no subject are CO2). The haircut: six
    // daily prices give 5 returns, fewer than collateral.volatility.min_returns 10: a thin market for volatility,
    // the cap 0.6 (never less than a liquid carbon quota gets). 100,000 x 90 x 0.4 = 3.6e6; x LTV 0.5.
    assertThat(p1.<String>getAs("price_source")).isEqualTo("market");
    assertThat(p1.<String>getAs("subject")).isEqualTo("CO2");
    assertThat(p1.<String>getAs("zone_id")).isNull();
    assertThat(p1.<Integer>getAs("series_trades")).isEqualTo(6);
    assertThat(p1.<BigDecimal>getAs("spot_price")).isEqualByComparingTo("90");
    assertThat(p1.<BigDecimal>getAs("avg_price_20d")).isEqualByComparingTo("95");
    assertThat(p1.<BigDecimal>getAs("valuation_price")).isEqualByComparingTo("90");
    assertThat(p1.<Double>getAs("haircut")).isEqualTo(0.6);
    assertThat(p1.<Double>getAs("liquidity_addon")).isNull();
    assertThat(p1.<Double>getAs("term_factor")).isEqualTo(1.0);
    assertThat(p1.<BigDecimal>getAs("collateral_value_yuan")).isEqualByComparingTo("3600000");
    assertThat(p1.<BigDecimal>getAs("max_loan_yuan")).isEqualByComparingTo("1800000");
    assertThat(p1.<BigDecimal>getAs("margin_call_price")).isEqualByComparingTo("76.5");
    assertThat(p1.<Double>getAs("topup_quantity")).isCloseTo(3.6e6 / (76.5 * 0.4) - 100_000, within(1e-6));
    assertThat(p1.<String>getAs("bank_id")).isEqualTo("K1");
    // Each row names its units: the quota's tCO2e, its prices per tCO2e; a refused pledge is not priced.
    assertThat(rows).extracting(r -> r.getAs("pledge_id") + " " + r.getAs("quantity_unit") + " " + r.getAs("price_unit"))
        .containsExactly("P1 tCO2e yuan per tCO2e", "P2 tCO2e null", "P3 t/a yuan per t/a", "P4 tCO2e null",
            "P6 t/a yuan per t/a", "P7 t/a yuan per t/a");
    // P3: a thin eco-voucher market (2 trades): the lower of the zone's benchmark 1,000,000 and the last trade, v2's
    // 900 yuan per kg/a read as 900,000 per t/a, flagged; the thin-market haircut 0.6: 2 x 900,000 x (1 - 0.6) = 720,000,
    // x 0.4. No expiry date: one year's price, flagged.
    Row p3 = rows.get(2);
    assertThat(p3.<String>getAs("price_source")).isEqualTo("last_trade:v2 2024-06-21");
    assertThat(p3.<Integer>getAs("trades_in_window")).isEqualTo(2);
    assertThat(p3.<String>getAs("subject")).isEqualTo("TP");
    assertThat(p3.<String>getAs("zone_id")).isEqualTo("LY-WFZ-01");
    assertThat(p3.<BigDecimal>getAs("spot_price")).isEqualByComparingTo("900000");
    assertThat(p3.<BigDecimal>getAs("valuation_price")).isEqualByComparingTo("900000");
    assertThat(p3.<Double>getAs("haircut")).isEqualTo(0.6);
    assertThat(p3.<BigDecimal>getAs("collateral_value_yuan")).isEqualByComparingTo("720000");
    assertThat(p3.<BigDecimal>getAs("max_loan_yuan")).isEqualByComparingTo("288000");
    assertThat(p3.<String>getAs("notes")).contains("below the benchmark 1000000", "no_expiry_date");
    assertThat(rows.get(1).<BigDecimal>getAs("collateral_value_yuan")).isNull();
    // The loan's balance split over its pledges on the date (L1: P1 and the expired P4; L2: P2 and P3; L3: P6, P7), and
    // the actual LTV: the loan's balance over the pledge's collateral value (none when not valued).
    assertThat(rows).extracting(r -> r.<BigDecimal>getAs("outstanding_share_yuan").stripTrailingZeros().toPlainString())
        .containsExactly("1500000", "50000", "50000", "1500000", "25000", "25000");
    assertThat(p1.<Double>getAs("ltv_actual")).isCloseTo(3_000_000 / 3_600_000.0, within(1e-12));
    assertThat(p3.<Double>getAs("ltv_actual")).isCloseTo(100_000 / 720_000.0, within(1e-12));
    assertThat(rows.get(1).<Double>getAs("ltv_actual")).isNull();
    assertThat(summary.valued()).isEqualTo(4);
    // 3.6e6 + 720,000 + 12,057.619728 + 4,026.8
    assertThat(summary.collateralValueYuan()).isEqualByComparingTo("4336084.419728");
  }

  @Test
  void dischargeRightsArePricedEachFromItsOwnSubjectAndTheirTerm() {
    List<Row> rows = lake.gold(FinanceTables.COLLATERAL_VALUATION, "pledge_id");
    Row cod = rows.get(4);
    Row nh3n = rows.get(5);
    // Not the pooled 6,447: COD at 5,390, NH3-N at 10,067, each from its own six trades.
    assertThat(cod.<String>getAs("subject")).isEqualTo("COD");
    assertThat(cod.<BigDecimal>getAs("valuation_price")).isEqualByComparingTo("5390");
    assertThat(cod.<Integer>getAs("trades_in_window")).isEqualTo(6);
    assertThat(nh3n.<String>getAs("subject")).isEqualTo("NH3-N");
    assertThat(nh3n.<BigDecimal>getAs("valuation_price")).isEqualByComparingTo("10067");
    assertThat(nh3n.<Integer>getAs("series_trades")).isEqualTo(6);
    // COD: 3 years left (1,095 days to 2027-06-28): term factor a(3, 3.6 %) = 2.796294;
    // 2 x 5,390 x (1 - 0.6) x 2.796294 = 12,057.619728. The loan matures 2029-06-28 (1,826 days): the right backs
    // 1,095 / 1,826 = 0.599671 of it: max loan 12,057.619728 x 0.5 x 0.599671.
    assertThat(cod.<Double>getAs("remaining_term_years")).isEqualTo(3.0);
    assertThat(cod.<Double>getAs("term_factor")).isEqualTo(2.796294);
    assertThat(cod.<java.sql.Date>getAs("valid_until").toLocalDate()).isEqualTo(LocalDate.of(2027, 6, 28));
    assertThat(cod.<java.sql.Date>getAs("loan_matures_on").toLocalDate()).isEqualTo(LocalDate.of(2029, 6, 28));
    assertThat(cod.<BigDecimal>getAs("collateral_value_yuan")).isEqualByComparingTo("12057.619728");
    assertThat(cod.<BigDecimal>getAs("max_loan_yuan")).isEqualByComparingTo("3615.302440");
    assertThat(cod.<String>getAs("notes")).contains("expires_before_loan_maturity", "term factor 2.796294");
    // NH3-N: no expiry date: one year's price (term factor 1), flagged: 1 x 10,067 x 0.4 = 4,026.8.
    assertThat(nh3n.<Double>getAs("remaining_term_years")).isNull();
    assertThat(nh3n.<BigDecimal>getAs("collateral_value_yuan")).isEqualByComparingTo("4026.8");
    assertThat(nh3n.<String>getAs("notes")).contains("no_expiry_date");
    List<Row> haircuts = lake.gold(HaircutTables.COLLATERAL_HAIRCUTS, "pledge_id");
    assertThat(haircuts).extracting(h -> h.<String>getAs("series")).contains("discharge_right COD (registry)",
        "discharge_right NH3-N (registry)");
  }

  @Test
  void theReportsCalcLineReproducesTheTermBearingPledges() throws Exception {
    // The report's `liangshan calc collateral` line of each of L3's pledges passes the valuation date, the right's expiry
    // and the loan's maturity: calc gives the same term factor, value and max loan as the valuation.
    org.liangshan.finance.publish.ValuationReport report =
        new org.liangshan.finance.publish.ValuationReports(lake.catalog).one("liyang", "L3", DATE, params);
    com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(org.liangshan.finance.publish.ReportJson.render(report));
    org.liangshan.core.calc.CalcRegistry calc = org.liangshan.core.calc.CalcRegistry.standard();
    assertThat(report.pledges()).hasSize(2);
    for (int i = 0; i < 2; i++) {
      com.fasterxml.jackson.databind.JsonNode input = json.path("pledges").get(i).path("reproduce_with_calc");
      com.fasterxml.jackson.databind.JsonNode out = calc.compute("collateral", input, params);
      org.liangshan.finance.publish.ValuationReport.Pledge p = report.pledges().get(i);
      assertThat(out.get("collateral_value").decimalValue()).isEqualByComparingTo(p.collateralValueYuan().orElseThrow());
      assertThat(out.get("max_loan").doubleValue()).isCloseTo(p.maxLoanYuan().orElseThrow().doubleValue(), within(1e-6));
    }
    assertThat(json.path("pledges").get(0).path("reproduce_with_calc").path("valid_until").asText()).isEqualTo("2027-06-28");
    // The report names the units gold holds: quantities in t/a, prices per t/a.
    assertThat(json.path("pledges").get(0).path("quantity_unit").asText()).isEqualTo("t/a");
    assertThat(json.path("pledges").get(0).path("price_unit").asText()).isEqualTo("yuan per t/a");
    assertThat(org.liangshan.finance.publish.ReportHtml.render(report)).contains("<td class=\"n\">2 t/a</td><td class=\"n\">5,390.00 元/(t/a)</td>");
    assertThat(report.flags()).anySatisfy(f -> assertThat(f).contains("EXPIRES BEFORE THE LOAN MATURES"));
  }

  @Test
  void stressShocksTheValuationPrice() {
    List<Row> stress = lake.gold(FinanceTables.COLLATERAL_STRESS, "pledge_id", "shock");
    assertThat(stress).hasSize(12);
    Row worst = stress.get(0);
    // P1 at −30 %: 63; max loan 100,000 × 63 × 0.4 × 0.5 = 1,260,000 < 3,000,000 outstanding.
    assertThat(worst.<Double>getAs("shock")).isEqualTo(-0.3);
    assertThat(worst.<BigDecimal>getAs("stressed_price")).isEqualByComparingTo("63");
    assertThat(worst.<BigDecimal>getAs("max_loan_yuan")).isEqualByComparingTo("1260000");
    assertThat(worst.<Boolean>getAs("ltv_breach")).isTrue();
    // Top-up restoring 3.6e6 at 63: 3.6e6 / (63 × 0.4) − 100,000.
    assertThat(worst.<Double>getAs("topup_quantity")).isCloseTo(3.6e6 / (63 * 0.4) - 100_000, within(1e-6));
    // P3 at −30 %: 2 × 630,000 × 0.4 × 0.4 = 201,600 still above L2's 100,000.
    assertThat(stress.get(3).<String>getAs("pledge_id")).isEqualTo("P3");
    assertThat(stress.get(3).<Boolean>getAs("ltv_breach")).isFalse();
  }

  @Test
  void aReRunWithTheSameInputsYieldsTheSameRows() {
    assertThat(snapshot()).isEqualTo(firstRows);
  }

  private List<Map<String, Object>> snapshot() {
    List<Map<String, Object>> all = new java.util.ArrayList<>(lake.withoutRunId(FinanceTables.COLLATERAL_VALUATION));
    all.addAll(lake.withoutRunId(FinanceTables.COLLATERAL_STRESS));
    return all;
  }
}
