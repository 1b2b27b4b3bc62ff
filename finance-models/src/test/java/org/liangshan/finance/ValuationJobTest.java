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
        loan("L1", "K1", "3000000"), loan("L2", "K2", "100000")));
    lake.silver("rights_issued", "liyang", Lakehouse.rows(
        row("right_id", "R1", "right_type", "carbon_quota", "holder", "E1", "subject", "CO2", "quantity", 100000.0,
            "unit", "tCO2e", "issued_on", "2024-01-01"),
        row("right_id", "R2", "right_type", "eco_voucher", "holder", "E2", "zone_id", "LY-WFZ-01", "subject", "TP",
            "quantity", 2.0, "unit", "t/a", "issued_on", "2024-01-01"),
        row("right_id", "R4", "right_type", "carbon_quota", "holder", "E1", "subject", "CO2", "quantity", 10.0,
            "unit", "tCO2e", "issued_on", "2023-01-01", "valid_until", "2024-01-31")));
    lake.silver("pledges", "liyang", Lakehouse.rows(
        pledge("P1", "L1", "R1", 100000, "2024-01-05", "active"),
        pledge("P2", "L2", "R1", 50000, "2024-02-01", "active"),
        pledge("P3", "L2", "R2", 2, "2024-03-01", "active"),
        pledge("P4", "L1", "R4", 10, "2024-01-10", "active"),
        pledge("P5", "L2", "R1", 10, "2024-03-02", "released")));
    lake.silver("trades", "liyang", Lakehouse.rows(
        // carbon_quota: six trades in the window, volume-weighted average 95, last price 90.
        trade("t1", "2024-06-21", "carbon_quota", 100), trade("t2", "2024-06-24", "carbon_quota", 98),
        trade("t3", "2024-06-25", "carbon_quota", 96), trade("t4", "2024-06-26", "carbon_quota", 94),
        trade("t5", "2024-06-27", "carbon_quota", 92), trade("t6", "2024-06-28", "carbon_quota", 90),
        trade("t7", "2024-07-01", "carbon_quota", 10),
        // eco_voucher: one trade, a thin market.
        trade("v1", "2024-06-20", "eco_voucher", 900000)));
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

  @Test
  void valuesEachActivePledgeAndRefusesTheDoublePledge() {
    List<Row> rows = lake.gold(FinanceTables.COLLATERAL_VALUATION, "pledge_id");
    assertThat(rows).extracting(r -> r.getAs("pledge_id") + " " + r.getAs("status"))
        .containsExactly("P1 ok", "P2 refused_double_pledge", "P3 ok", "P4 expired");
    Row p1 = rows.get(0);
    // METHODOLOGY.md 7 with carbon_quota haircut 0.1, LTV 0.5: min(90, 95) = 90; 100,000 × 90 × 0.9 = 8.1e6; × 0.5.
    assertThat(p1.<String>getAs("price_source")).isEqualTo("market");
    assertThat(p1.<BigDecimal>getAs("spot_price")).isEqualByComparingTo("90");
    assertThat(p1.<BigDecimal>getAs("avg_price_20d")).isEqualByComparingTo("95");
    assertThat(p1.<BigDecimal>getAs("valuation_price")).isEqualByComparingTo("90");
    assertThat(p1.<BigDecimal>getAs("collateral_value_yuan")).isEqualByComparingTo("8100000");
    assertThat(p1.<BigDecimal>getAs("max_loan_yuan")).isEqualByComparingTo("4050000");
    assertThat(p1.<BigDecimal>getAs("margin_call_price")).isEqualByComparingTo("76.5");
    assertThat(p1.<Double>getAs("topup_quantity")).isCloseTo(8.1e6 / (76.5 * 0.9) - 100_000, within(1e-6));
    assertThat(p1.<String>getAs("bank_id")).isEqualTo("K1");
    // P3: a thin eco-voucher market falls back to the zone's benchmark: 2 × 1,000,000 × (1 − 0.2), × 0.4.
    Row p3 = rows.get(2);
    assertThat(p3.<String>getAs("price_source")).isEqualTo("benchmark:gold.benchmark_prices 2024 LY-WFZ-01 TP");
    assertThat(p3.<BigDecimal>getAs("spot_price")).isEqualByComparingTo("900000");
    assertThat(p3.<BigDecimal>getAs("valuation_price")).isEqualByComparingTo("1000000");
    assertThat(p3.<BigDecimal>getAs("collateral_value_yuan")).isEqualByComparingTo("1600000");
    assertThat(p3.<BigDecimal>getAs("max_loan_yuan")).isEqualByComparingTo("640000");
    assertThat(rows.get(1).<BigDecimal>getAs("collateral_value_yuan")).isNull();
    // The loan's balance split over its pledges on the date (L1: P1 and the expired P4; L2: P2 and P3), and the
    // actual LTV: the loan's balance over the pledge's collateral value (none when not valued).
    assertThat(rows).extracting(r -> r.<BigDecimal>getAs("outstanding_share_yuan").stripTrailingZeros().toPlainString())
        .containsExactly("1500000", "50000", "50000", "1500000");
    assertThat(p1.<Double>getAs("ltv_actual")).isCloseTo(3_000_000 / 8_100_000.0, within(1e-12));
    assertThat(p3.<Double>getAs("ltv_actual")).isEqualTo(0.0625);
    assertThat(rows.get(1).<Double>getAs("ltv_actual")).isNull();
    assertThat(summary.valued()).isEqualTo(2);
    assertThat(summary.collateralValueYuan()).isEqualByComparingTo("9700000");
    assertThat(summary.maxLoanYuan()).isEqualByComparingTo("4690000");
  }

  @Test
  void stressShocksTheValuationPrice() {
    List<Row> stress = lake.gold(FinanceTables.COLLATERAL_STRESS, "pledge_id", "shock");
    assertThat(stress).hasSize(6);
    Row worst = stress.get(0);
    // P1 at −30 %: 63; max loan 100,000 × 63 × 0.9 × 0.5 = 2,835,000 < 3,000,000 outstanding.
    assertThat(worst.<Double>getAs("shock")).isEqualTo(-0.3);
    assertThat(worst.<BigDecimal>getAs("stressed_price")).isEqualByComparingTo("63");
    assertThat(worst.<BigDecimal>getAs("max_loan_yuan")).isEqualByComparingTo("2835000");
    assertThat(worst.<Boolean>getAs("ltv_breach")).isTrue();
    // Top-up restoring 8.1e6 at 63: 8.1e6 / (63 × 0.9) − 100,000.
    assertThat(worst.<Double>getAs("topup_quantity")).isCloseTo(8.1e6 / (63 * 0.9) - 100_000, within(1e-6));
    assertThat(stress.get(2).<Boolean>getAs("ltv_breach")).isFalse();
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
