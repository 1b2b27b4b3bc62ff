package org.liangshan.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liangshan.market.Lakehouse.row;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;
import org.liangshan.market.Lakehouse;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CompensationJobTest {
  /** A copy of the shared run's lakehouse: this class runs the job again and approves a period. */
  private final Lakehouse lake = CompensationFixture.computedCopy();
  private final Region tianjin = Regions.load("tianjin");
  private final ParameterSet params = ParameterSet.forRegion(tianjin);
  private final CompensationJob.Summary summary = CompensationFixture.computedSummary();
  private List<Map<String, Object>> firstRows;

  /** The first run is the shared one; the second, on the same inputs, is this class's own. */
  @BeforeAll
  void runAgain() {
    firstRows = snapshot();
    CompensationJob.run(lake.run("compensation", tianjin, "2024", params), tianjin, 2024, params);
  }

  @Test
  @Order(1)
  void writesTheEntriesTheMethodsGive() {
    List<Row> ledger = lake.gold(FinanceTables.COMPENSATION_LEDGER, "entry_id");
    assertThat(ledger).extracting(r -> r.getAs("entry_id") + " " + r.getAs("payer") + "->" + r.getAs("payee") + " "
            + r.<BigDecimal>getAs("amount_yuan").stripTrailingZeros().toPlainString())
        .containsExactly(
            // Settled once for the year against the fixed baseline year 2023 (January: 4.0, 0.5, 1.0, 0.1). The
            // year's means are the means of January (manual) and February (automatic): 4.0, 0.525, 0.95, 0.11,
            // ratios 1.0, 1.05, 0.95, 1.1; P = 0.85 × 0.25 × 4.1 = 0.87125 ≤ 1: downstream pays the agreed 2e8.
            "TJ-H-01:2024:r1 天津市->河北省 200000000",
            // 12,960,000 m³: CODMn 0.5 × 12.96 × 15,000 + NH3-N 0.2 × 12.96 × 1e5 + TP 0.05 × 12.96 × 1e5.
            "TJ-H-02:2024-04:r1 北京市->天津市 421200",
            // 13,392,000 m³: CODMn −1 × 13.392 × 15,000 = −200,880: downstream pays.
            "TJ-H-02:2024-05:r1 天津市->北京市 200880",
            // Yongding: ratios 1.1 each, P = 0.85 × 1.1 = 0.935: downstream pays 5e7; the year's 316,224,000 m³ are
            // 16,224,000 m³ above the 3e8 baseline: × 0.10 yuan/m³ = 1,622,400 to the upstream party.
            "TJ-H-03:2024:quantity:r1 天津市->河北省 1622400",
            "TJ-H-03:2024:r1 天津市->河北省 50000000",
            // 5e8 × [0.5 × GEPᵢ / 7e9 + 0.5 × growthᵢ / 1e8]; 河西区 has no 2023 GEP (growth 0).
            "TJ-V-01:2024:120101:r1 天津市财政局->和平区 285714285.71",
            "TJ-V-01:2024:120102:r1 天津市财政局->河东区 71428571.43",
            "TJ-V-01:2024:120103:r1 天津市财政局->河西区 142857142.86",
            // Jizhou's key-function-area transfer, the agreed yearly amount.
            "TJ-V-03:2024:r1 天津市财政局->蓟州区 100000000");
    assertThat(ledger).allSatisfy(r -> {
      assertThat(r.<String>getAs("status")).isEqualTo("draft");
      assertThat(r.<Integer>getAs("revision")).isEqualTo(1);
    });
    // Every Tianjin agreement declares its terms illustrative (fund, K0, baseline year, the use of the Jiangsu rates,
    // the quantity term, Jizhou's amount: none is in the seed), and every amount is proportional to its agreement's
    // terms: each transfer rests wholly on illustrative terms (docs/methods/compensation.md).
    assertThat(ledger).extracting(r -> r.getAs("entry_id") + " " + r.<Double>getAs("illustrative_share"))
        .allSatisfy(s -> assertThat(s).endsWith(" 1.0"));
    String luan = ledger.get(0).getAs("basis");
    assertThat(luan).contains("\"p\":0.87125", "\"settlement\":\"annual\"", "\"section\":\"TJ-S01\"",
        "\"name\":\"nh3n\",\"annual_mean_mg_l\":0.525,\"months\":2,\"method\":\"manual+auto\"",
        "\"baseline_basis\":\"mean of monthly means fixed baseline years 2023-2023 (manual, 1 samples)\"",
        "\"terms_status\":\"illustrative\"");
    BigDecimal vertical = ledger.stream().filter(r -> r.getAs("method").equals("gep-keyed"))
        .map(r -> r.<BigDecimal>getAs("amount_yuan")).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(vertical).isEqualByComparingTo("500000000");
    // The district agreement at TJ-S05 has no flow in this fixture: each month is named, not settled.
    assertThat(summary.notSettled()).contains("TJ-H-04 2024-01: no flow at TJ-S05");
  }

  @Test
  @Order(2)
  void debitsEqualCreditsInEveryPeriod() {
    assertThat(summary.balanced()).isTrue();
    List<Row> sums = lake.catalog.read(FinanceTables.COMPENSATION_POSTINGS).groupBy("period")
        .agg(org.apache.spark.sql.functions.sum("debit_yuan"), org.apache.spark.sql.functions.sum("credit_yuan"))
        .collectAsList();
    assertThat(sums).hasSize(3);
    assertThat(sums).allSatisfy(r -> assertThat(r.getDecimal(1)).isEqualByComparingTo(r.getDecimal(2)));
    assertThat(lake.catalog.read(FinanceTables.COMPENSATION_POSTINGS).count()).isEqualTo(18);
  }

  @Test
  @Order(3)
  void aReRunWithTheSameInputsYieldsTheSameRows() {
    assertThat(snapshot()).isEqualTo(firstRows);
  }

  @Test
  @Order(4)
  void anApprovedPeriodIsFrozenAndAReRunWithTheSameInputsLeavesItStanding() {
    var book = new org.liangshan.finance.publish.LedgerBook(lake.catalog);
    var clock = java.time.Clock.fixed(java.time.Instant.parse("2025-01-10T08:00:00Z"), java.time.ZoneOffset.UTC);
    book.act(lake.run("ledger", tianjin, "2024-04", params), "tianjin", "2024-04", java.util.Optional.empty(),
        org.liangshan.finance.model.ReviewWorkflow.Action.REVIEW, "wang", null, clock);
    book.act(lake.run("ledger", tianjin, "2024-04", params), "tianjin", "2024-04", java.util.Optional.empty(),
        org.liangshan.finance.model.ReviewWorkflow.Action.APPROVE, "li", "checked against the monitoring report", clock);
    CompensationJob.Summary next = CompensationJob.run(lake.run("compensation", tianjin, "2024", params), tianjin, 2024, params);
    assertThat(next.revised()).singleElement().satisfies(plan -> {
      assertThat(plan.period()).isEqualTo("2024-04");
      assertThat(plan.write()).isFalse();
      assertThat(plan.note()).contains("revision 1 (approved) stands");
    });
    List<Row> ledger = lake.gold(FinanceTables.COMPENSATION_LEDGER, "entry_id");
    assertThat(ledger).hasSize(9);
    assertThat(ledger).filteredOn(r -> r.getAs("period").equals("2024-04"))
        .singleElement().satisfies(r -> assertThat(r.<String>getAs("status")).isEqualTo("approved"));
  }

  private List<Map<String, Object>> snapshot() {
    List<Map<String, Object>> all = new ArrayList<>(lake.withoutRunId(FinanceTables.COMPENSATION_LEDGER));
    all.addAll(lake.withoutRunId(FinanceTables.COMPENSATION_POSTINGS));
    return all;
  }
}
