package org.liangshan.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.liangshan.market.Lakehouse.row;

import java.math.BigDecimal;
import java.time.DayOfWeek;
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
import org.liangshan.market.Lakehouse;
import org.liangshan.market.MarketTables;
import org.liangshan.warehouse.Run;

/**
 * The risk monitors on one fixture: a valuation on Friday 2024-06-28, then the margin-call check and the haircut
 * backtest on Friday 2024-07-05. A TP eco-voucher whose last trade fell from 900,000 to 700,000 is called with the
 * top-up computed by hand; a carbon quota still above its line is not; re-running the day gives the same rows. The
 * backtest lists every instrument, the forest-right series of docs/methods/haircut-backtest.md with its one exception.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskJobsTest {
  private static final LocalDate VALUED = LocalDate.of(2024, 6, 28);
  private static final LocalDate DAY = LocalDate.of(2024, 7, 5);
  private final Lakehouse lake = FinanceLakehouse.create();
  private final Region liyang = Regions.load("liyang");
  private final ParameterSet params = ParameterSet.forRegion(liyang);
  private MarginCallJob.Summary margin;
  private List<Map<String, Object>> firstCalls;
  private HaircutBacktestJob.Summary backtest;
  private Run backtestRun;

  @BeforeAll
  void run() {
    lake.silver("loans", "liyang", Lakehouse.rows(row("loan_id", "L1", "bank_id", "K1", "borrower", "E1", "disbursed_on",
        "2024-01-01", "matures_on", "2026-01-01", "principal_yuan", "500000", "outstanding_yuan", "300000", "rate", 0.04)));
    lake.silver("repayments", "liyang", List.of());
    lake.silver("rights_issued", "liyang", Lakehouse.rows(
        row("right_id", "R1", "right_type", "carbon_quota", "holder", "E1", "subject", "CO2", "quantity", 1000.0,
            "unit", "tCO2e", "issued_on", "2024-01-01"),
        row("right_id", "R2", "right_type", "eco_voucher", "holder", "E1", "zone_id", "LY-WFZ-01", "subject", "TP",
            "quantity", 2.0, "unit", "t/a", "issued_on", "2024-01-01")));
    lake.silver("pledges", "liyang", Lakehouse.rows(
        row("pledge_id", "P1", "loan_id", "L1", "right_id", "R1", "quantity", 100.0, "pledged_on", "2024-01-05", "status", "active"),
        row("pledge_id", "P2", "loan_id", "L1", "right_id", "R2", "quantity", 2.0, "pledged_on", "2024-01-05", "status", "active")));
    List<Map<String, Object>> trades = new ArrayList<>();
    // carbon_quota CO2: 17 weekdays 2024-06-13 .. 07-05 at 100, 104, 100, ..., 100 t each (too short to backtest).
    List<LocalDate> quotaDays = weekdays(LocalDate.of(2024, 6, 13), 17);
    for (int i = 0; i < quotaDays.size(); i++) {
      trades.add(row("trade_id", "q" + i, "trade_date", quotaDays.get(i).toString(), "right_type", "carbon_quota",
          "quantity", 100.0, "price_yuan", i % 2 == 0 ? 100.0 : 104.0, "subject", "CO2"));
    }
    // eco_voucher TP: a thin market whose last trade falls from 900,000 to 700,000.
    trades.add(row("trade_id", "v1", "trade_date", "2024-06-20", "right_type", "eco_voucher", "quantity", 1.0,
        "price_yuan", 900000.0, "subject", "TP"));
    trades.add(row("trade_id", "v2", "trade_date", "2024-07-03", "right_type", "eco_voucher", "quantity", 1.0,
        "price_yuan", 700000.0, "subject", "TP"));
    // forest_right: the hand-counted series of docs/methods/haircut-backtest.md, 80 weekdays from Monday 2024-03-11.
    List<LocalDate> forestDays = weekdays(LocalDate.of(2024, 3, 11), 80);
    for (int i = 0; i < forestDays.size(); i++) {
      trades.add(row("trade_id", "f" + i, "trade_date", forestDays.get(i).toString(), "right_type", "forest_right",
          "quantity", 1.0, "price_yuan", i >= 70 ? 50.0 : i % 2 == 0 ? 100.0 : 104.0, "subject", null));
    }
    lake.silver("trades", "liyang", trades);
    lake.write(MarketTables.BENCHMARK_PRICES, "liyang", Lakehouse.rows(
        row("year", 2024, "zone_id", "LY-WFZ-01", "pollutant", "TP", "benchmark_price_yuan_per_t_a", "1000000",
            "annualized_cost_yuan", "2000000", "tradable_capacity_t_a", 2.0, "survey_year", 2023, "cost_items", 2)));
    ValuationJob.run(lake.run("valuation", liyang, VALUED.toString(), params), liyang, VALUED, params);

    margin = MarginCallJob.run(lake.run("margin", liyang, DAY.toString(), params), liyang, DAY, params);
    firstCalls = lake.withoutRunId(RiskTables.MARGIN_CALLS);
    MarginCallJob.run(lake.run("margin", liyang, DAY.toString(), params), liyang, DAY, params);
    backtestRun = lake.run("haircut-backtest", liyang, DAY.toString(), params);
    backtest = HaircutBacktestJob.run(backtestRun, liyang, DAY, params);
  }

  private static List<LocalDate> weekdays(LocalDate from, int count) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = from; days.size() < count; d = d.plusDays(1)) {
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        days.add(d);
      }
    }
    return days;
  }

  @Test
  void aPledgeBelowItsLineIsCalledWithTheHandComputedTopUp() {
    List<Row> calls = lake.gold(RiskTables.MARGIN_CALLS, "pledge_id");
    // P1 (carbon quota at min(spot 100, average) >= 100 against its line 102 x 0.85 = 86.7) is above its line.
    assertThat(calls).hasSize(1);
    Row c = calls.get(0);
    assertThat(c.<String>getAs("pledge_id")).isEqualTo("P2");
    assertThat(c.<String>getAs("bank_id")).isEqualTo("K1");
    assertThat(c.<String>getAs("series")).isEqualTo("eco_voucher TP (registry)");
    assertThat(c.<java.sql.Date>getAs("valuation_date").toLocalDate()).isEqualTo(VALUED);
    // 28 June: a thin market valued at the lower of the benchmark 1,000,000 and the last trade 900,000; the cap 0.6
    // applies; line 900,000 x 0.85 = 765,000. 5 July: the last trade 700,000 (still thin, below the benchmark).
    assertThat(c.<BigDecimal>getAs("valuation_price")).isEqualByComparingTo("900000");
    assertThat(c.<BigDecimal>getAs("margin_call_price")).isEqualByComparingTo("765000");
    assertThat(c.<BigDecimal>getAs("price")).isEqualByComparingTo("700000");
    assertThat(c.<String>getAs("price_source")).isEqualTo("last_trade:v2 2024-07-03");
    assertThat(c.<Double>getAs("haircut")).isEqualTo(0.6);
    assertThat(c.<Double>getAs("term_factor")).isEqualTo(1.0);
    // value 2 x 900,000 x 0.4 = 720,000; at 700,000: 560,000; shortfall 160,000;
    // top-up 720,000 / (700,000 x 0.4) - 2 = 4/7 of a t/a, worth 4/7 x 700,000 = 400,000 yuan.
    assertThat(c.<BigDecimal>getAs("collateral_value_yuan")).isEqualByComparingTo("720000");
    assertThat(c.<BigDecimal>getAs("value_at_price_yuan")).isEqualByComparingTo("560000");
    assertThat(c.<BigDecimal>getAs("shortfall_yuan")).isEqualByComparingTo("160000");
    assertThat(c.<Double>getAs("topup_quantity")).isCloseTo(4.0 / 7, within(1e-12));
    assertThat(c.<BigDecimal>getAs("topup_value_yuan")).isEqualByComparingTo("400000");
    assertThat(c.<Double>getAs("price_drop")).isCloseTo(2.0 / 9, within(1e-12));
    assertThat(c.getAs("quantity_unit") + " " + c.getAs("price_unit")).isEqualTo("t/a yuan per t/a");
    assertThat(margin.checked()).isEqualTo(2);
    assertThat(margin.calls()).isEqualTo(1);
    assertThat(margin.shortfallYuan()).isEqualByComparingTo("160000");
    assertThat(margin.unreferenced()).isEmpty();
  }

  @Test
  void reRunningTheDayGivesTheSameRows() {
    assertThat(lake.withoutRunId(RiskTables.MARGIN_CALLS)).isEqualTo(firstCalls).hasSize(1);
    // One row per check, replaced by the re-run: the open calls are those of the latest check, even when it has none.
    List<Row> checks = lake.gold(RiskTables.MARGIN_CHECKS, "check_date");
    assertThat(checks).hasSize(1);
    assertThat(checks.get(0).<Integer>getAs("active_pledges")).isEqualTo(2);
    assertThat(checks.get(0).<Integer>getAs("checked")).isEqualTo(2);
    assertThat(checks.get(0).<Integer>getAs("calls")).isEqualTo(1);
    assertThat(checks.get(0).<BigDecimal>getAs("shortfall_yuan")).isEqualByComparingTo("160000");
    assertThat(checks.get(0).<String>getAs("unreferenced_pledges")).isEmpty();
  }

  @Test
  void theBacktestListsEveryInstrumentAndCountsTheException() {
    List<Row> rows = lake.gold(RiskTables.HAIRCUT_BACKTEST, "series");
    assertThat(rows).extracting(r -> r.<String>getAs("series") + " " + r.<String>getAs("status")).containsExactly(
        "carbon_quota CO2 (registry) insufficient_history", "eco_voucher TP (registry) insufficient_history",
        "forest_right (registry) tested");
    Row quota = rows.get(0);
    assertThat(quota.<Integer>getAs("price_days")).isEqualTo(17);
    assertThat(quota.<Integer>getAs("observations")).isZero();
    assertThat(quota.<Double>getAs("lr_pof")).isNull();
    assertThat(quota.<String>getAs("verdict")).isNull();

    Row forest = rows.get(2);
    assertThat(forest.<String>getAs("subject")).isNull();
    assertThat(forest.<Integer>getAs("price_days")).isEqualTo(80);
    assertThat(forest.<Integer>getAs("observations")).isEqualTo(6);
    assertThat(forest.<Integer>getAs("exceptions")).isEqualTo(1);
    assertThat(forest.<Double>getAs("configured_haircut")).isEqualTo(0.1);
    assertThat(forest.<Double>getAs("worst_fall")).isEqualTo(0.5);
    // Kupiec, T = 6, x = 1, p = 0.01 (docs/methods/haircut-backtest.md section 4): LR 3.904109, p-value 0.048168.
    assertThat(forest.<Double>getAs("lr_pof")).isCloseTo(3.904109, within(5e-7));
    assertThat(forest.<Double>getAs("p_value")).isCloseTo(0.048168, within(5e-7));
    assertThat(forest.<String>getAs("verdict")).isEqualTo("rejected_too_many");
    assertThat(forest.<String>getAs("basel_zone")).isNull();
    assertThat(forest.<String>getAs("exceedances")).isEqualTo("2024-06-03 to 2024-06-17: fall 0.5 > haircut 0.290964");
    assertThat(forest.<String>getAs("run_id")).isEqualTo(backtestRun.id());

    assertThat(backtest.instruments()).isEqualTo(3);
    assertThat(backtest.exceptions()).isEqualTo(1);
    assertThat(backtest.observations()).isEqualTo(6);
    assertThat(backtest.zone()).isEmpty();
    assertThat(backtest.toString()).isEqualTo("haircut backtest liyang as of 2024-07-05: 3 instruments"
        + " {insufficient_history=2, tested=1}, 1 exceptions in 6 windows, verdicts {rejected_too_many=1},"
        + " Basel zone none (no instrument has 250 windows)");
  }
}
