package org.liangshan.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.liangshan.market.Lakehouse.row;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;
import org.liangshan.finance.publish.ReportHtml;
import org.liangshan.finance.publish.ReportJson;
import org.liangshan.finance.publish.ValuationReport;
import org.liangshan.finance.publish.ValuationReports;
import org.liangshan.market.Lakehouse;
import org.liangshan.market.MarketTables;

/**
 * The valuation job with enough carbon-quota prices to measure volatility: the haircut from σ scaled to the days
 * the pledge takes to sell (the worked example of docs/methods/collateral-haircut.md), in gold.collateral_haircuts,
 * in the valuation and in the report's arithmetic; a thin eco-voucher market gets the cap and says so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValuationVolatilityJobTest {
  /** A Friday. */
  private static final LocalDate DATE = LocalDate.of(2024, 6, 28);
  private final Lakehouse lake = FinanceLakehouse.create();
  private final Region liyang = Regions.load("liyang");
  private final ParameterSet params = ParameterSet.forRegion(liyang);

  @BeforeAll
  void run() {
    lake.silver("loans", "liyang", Lakehouse.rows(row("loan_id", "L1", "bank_id", "K1", "borrower", "E1", "disbursed_on",
        "2024-01-01", "matures_on", "2026-01-01", "principal_yuan", "50000", "outstanding_yuan", "30000", "rate", 0.04)));
    lake.silver("repayments", "liyang", Lakehouse.rows(row("loan_id", "L1", "repaid_on", "2024-04-01", "amount_yuan", "20000")));
    lake.silver("rights_issued", "liyang", Lakehouse.rows(
        row("right_id", "R1", "right_type", "carbon_quota", "holder", "E1", "subject", "CO2", "quantity", 1000.0,
            "unit", "tCO2e", "issued_on", "2024-01-01"),
        row("right_id", "R2", "right_type", "eco_voucher", "holder", "E1", "zone_id", "LY-WFZ-01", "subject", "TP",
            "quantity", 2.0, "unit", "t/a", "issued_on", "2024-01-01")));
    lake.silver("pledges", "liyang", Lakehouse.rows(
        row("pledge_id", "P1", "loan_id", "L1", "right_id", "R1", "quantity", 100.0, "pledged_on", "2024-01-05", "status", "active"),
        row("pledge_id", "P2", "loan_id", "L1", "right_id", "R2", "quantity", 2.0, "pledged_on", "2024-01-05", "status", "active")));
    // carbon_quota (subject CO2): 12 trading days 2024-06-13 .. 06-28, prices 100, 104, 100, ..., 104, 100 t each.
    List<Map<String, Object>> trades = new ArrayList<>();
    LocalDate day = LocalDate.of(2024, 6, 13);
    for (int i = 0; i < 12; day = day.plusDays(1)) {
      if (day.getDayOfWeek().getValue() >= 6) {
        continue;
      }
      trades.add(row("trade_id", "t" + i, "trade_date", day.toString(), "right_type", "carbon_quota", "quantity", 100.0,
          "price_yuan", i % 2 == 0 ? 100.0 : 104.0, "subject", "CO2"));
      i++;
    }
    // CO2 sink credits are another type: not in the quota's series.
    trades.add(row("trade_id", "s1", "trade_date", "2024-06-27", "right_type", "carbon_sink_credit", "quantity", 100.0,
        "price_yuan", 40.0, "subject", "CO2"));
    trades.add(row("trade_id", "v1", "trade_date", "2024-06-20", "right_type", "eco_voucher", "quantity", 1.0,
        "price_yuan", 900000.0, "subject", "TP"));
    lake.silver("trades", "liyang", trades);
    lake.write(MarketTables.BENCHMARK_PRICES, "liyang", Lakehouse.rows(
        row("year", 2024, "zone_id", "LY-WFZ-01", "pollutant", "TP", "benchmark_price_yuan_per_t_a", "1000000",
            "annualized_cost_yuan", "2000000", "tradable_capacity_t_a", 2.0, "survey_year", 2023, "cost_items", 2)));
    ValuationJob.run(lake.run("valuation", liyang, DATE.toString(), params), liyang, DATE, params);
  }

  @Test
  void theHaircutComesFromTheObservedVolatility() {
    List<Row> haircuts = lake.gold(HaircutTables.COLLATERAL_HAIRCUTS, "pledge_id");
    assertThat(haircuts).hasSize(2);
    Row h = haircuts.get(0);
    // 11 returns +-ln(1.04) (6 up, 5 down): sample sd 0.0409646989, x sqrt(250) = 0.64770876;
    // x z(0.99) 2.32634787 x sqrt(10/250) = 0.301359 (above the configured 0.1). Liquidity: 1,200 traded over the
    // 60-weekday window, 20 a day; at a participation rate of 0.2, 4 a day: the 100 pledged take 25 days, so
    // x sqrt(25/10): 0.476491, a liquidity add-on of 0.175132 (below the cap 0.6).
    assertThat(h.<String>getAs("series")).isEqualTo("carbon_quota CO2 (registry)");
    assertThat(h.<Integer>getAs("price_days")).isEqualTo(12);
    assertThat(h.<Integer>getAs("returns")).isEqualTo(11);
    assertThat(h.<Double>getAs("sigma_daily")).isCloseTo(0.0409646989, within(1e-9));
    assertThat(h.<Double>getAs("sigma_annual")).isCloseTo(0.6477087604, within(1e-9));
    assertThat(h.<Double>getAs("z")).isCloseTo(2.3263478740, within(1e-8));
    assertThat(h.<Double>getAs("volatility_haircut")).isEqualTo(0.301359);
    assertThat(h.<Double>getAs("configured_haircut")).isEqualTo(0.1);
    assertThat(h.<Integer>getAs("liquidation_days")).isEqualTo(25);
    assertThat(h.<Double>getAs("haircut")).isEqualTo(0.476491);
    assertThat(h.<String>getAs("basis")).isEqualTo("volatility");
    assertThat(h.<java.sql.Date>getAs("window_start").toLocalDate()).isEqualTo(LocalDate.of(2024, 4, 8));
    assertThat(h.<String>getAs("bank_id")).isEqualTo("K1");

    Row thin = haircuts.get(1);
    assertThat(thin.<String>getAs("basis")).isEqualTo("thin_market");
    assertThat(thin.<Double>getAs("haircut")).isEqualTo(0.6);
    assertThat(thin.<Double>getAs("sigma_annual")).isNull();
    assertThat(thin.<String>getAs("note")).contains("thin market: 0 daily returns", "the cap 0.6 applies");

    List<Row> valued = lake.gold(FinanceTables.COLLATERAL_VALUATION, "pledge_id");
    Row p1 = valued.get(0);
    // min(spot 104, average 102) = 102; 100 x 102 x (1 - 0.476491) = 5,339.7918; x LTV 0.5.
    assertThat(p1.<Double>getAs("haircut")).isEqualTo(0.476491);
    assertThat(p1.<Double>getAs("liquidity_addon")).isEqualTo(0.175132);
    assertThat(p1.<Integer>getAs("series_trades")).isEqualTo(12);
    assertThat(p1.<BigDecimal>getAs("valuation_price")).isEqualByComparingTo("102");
    assertThat(p1.<BigDecimal>getAs("collateral_value_yuan")).isEqualByComparingTo("5339.7918");
    assertThat(p1.<BigDecimal>getAs("max_loan_yuan")).isEqualByComparingTo("2669.8959");
    assertThat(p1.<String>getAs("notes")).contains("haircut volatility: sigma 0.647709", "takes 25 days");
    // The stress keeps the pledge's haircut: at -30 % the value is 100 x 71.4 x 0.523509.
    Row worst = lake.gold(FinanceTables.COLLATERAL_STRESS, "pledge_id", "shock").get(0);
    assertThat(worst.<BigDecimal>getAs("collateral_value_yuan")).isEqualByComparingTo("3737.85426");
  }

  @Test
  void theReportShowsSigmaWindowAndZInTheArithmetic() throws Exception {
    ValuationReport report = new ValuationReports(lake.catalog).one("liyang", "L1", DATE, params);
    List<String> steps = ValuationReport.steps(report.pledges().get(0), report.parameters());
    assertThat(steps).anySatisfy(s -> assertThat(s).startsWith(
        "haircut = max(configured 0.1, min(cap 0.6, volatility haircut (sigma 0.647709 x z 2.32635 x sqrt(10/250) = 0.301359)"
            + " x sqrt(liquidity horizon 25 days / 10))) = 0.476491 (volatility)")
        .contains("sigma = sample standard deviation 0.0409647 of 11 daily log returns of carbon_quota CO2 (registry) prices"
            + " over 12 trading days with trades in the 60-day window from 2024-04-08"));
    assertThat(ValuationReport.steps(report.pledges().get(1), report.parameters()))
        .anySatisfy(s -> assertThat(s).startsWith("haircut = 0.6, the cap for a thin market (thin market"));
    JsonNode json = new ObjectMapper().readTree(ReportJson.render(report));
    JsonNode basis = json.path("pledges").get(0).path("haircut_basis");
    assertThat(basis.path("basis").asText()).isEqualTo("volatility");
    assertThat(basis.path("sigma_annual").asDouble()).isCloseTo(0.6477087604, within(1e-9));
    assertThat(basis.path("window_trading_days").asInt()).isEqualTo(60);
    assertThat(basis.path("z").asDouble()).isCloseTo(2.3263478740, within(1e-8));
    // The calc input reproduces the valuation with the haircut given explicitly.
    assertThat(json.path("pledges").get(0).path("reproduce_with_calc").path("haircut").asText()).isEqualTo("0.476491");
    assertThat(ReportHtml.render(report)).contains("sigma 0.647709 x z 2.32635 x sqrt(10/250)");
  }
}
