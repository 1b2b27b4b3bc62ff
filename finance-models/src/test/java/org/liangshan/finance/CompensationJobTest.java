package org.liangshan.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liangshan.finance.Lakehouse.row;

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

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CompensationJobTest {
  private final Lakehouse lake = new Lakehouse();
  private final Region tianjin = Regions.load("tianjin");
  private final ParameterSet params = ParameterSet.forRegion(tianjin);
  private CompensationJob.Summary summary;
  private List<Map<String, Object>> firstRows;

  @BeforeAll
  void runTwice() {
    List<Map<String, Object>> wq = new ArrayList<>();
    // TJ-S01 (Xin'an P-index): January 2023 is the baseline; January 2024 manual (an automatic CODMn of 100 is
    // ignored because the month has a manual one); February 2024 automatic only.
    wq.addAll(sample("TJ-S01", "2023-01-14T16:00:00Z", "manual", 4.0, 0.5, 1.0, 0.1));
    wq.addAll(sample("TJ-S01", "2024-01-14T16:00:00Z", "manual", 4.0, 0.55, 0.9, 0.12));
    wq.add(row("section_id", "TJ-S01", "observed_at", "2024-01-20T00:00:00Z", "method", "auto", "indicator", "codmn",
        "value", 100.0, "unit", "mg/L"));
    wq.addAll(sample("TJ-S01", "2024-02-10T00:00:00Z", "auto", 4.0, 0.5, 1.0, 0.1));
    // TJ-S03 (Jiangsu per factor): April above target, May CODMn below it.
    wq.addAll(sample("TJ-S03", "2024-04-14T16:00:00Z", "manual", 10.5, 1.7, null, 0.35));
    wq.addAll(sample("TJ-S03", "2024-05-14T16:00:00Z", "manual", 9.0, 1.5, null, 0.3));
    lake.silver("water_quality", "tianjin", wq);
    lake.silver("hydrology", "tianjin", Lakehouse.rows(
        row("section_id", "TJ-S03", "date", "2024-04-01", "flow_m3_s", 4.0),
        row("section_id", "TJ-S03", "date", "2024-04-02", "flow_m3_s", 6.0),
        row("section_id", "TJ-S03", "date", "2024-05-01", "flow_m3_s", 5.0)));
    lake.write(FinanceTables.GEP_BY_DISTRICT_AS_READ, "tianjin", Lakehouse.rows(
        gep(2024, "120101", "和平区", "water_conservation", "600000000"),
        gep(2024, "120101", "和平区", "carbon_fixation", "400000000"),
        gep(2024, "120102", "河东区", "water_conservation", "2000000000"),
        gep(2024, "120103", "河西区", "water_conservation", "4000000000"),
        gep(2023, "120101", "和平区", "water_conservation", "900000000"),
        gep(2023, "120102", "河东区", "water_conservation", "2100000000")));
    summary = CompensationJob.run(lake.run("compensation", tianjin, "2024", params), tianjin, 2024, params);
    firstRows = snapshot();
    CompensationJob.run(lake.run("compensation", tianjin, "2024", params), tianjin, 2024, params);
  }

  private static List<Map<String, Object>> sample(String section, String at, String method, Double codmn, Double nh3n,
      Double tn, Double tp) {
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<String, Double> values = new java.util.LinkedHashMap<>();
    values.put("codmn", codmn);
    values.put("nh3n", nh3n);
    values.put("tn", tn);
    values.put("tp", tp);
    values.forEach((indicator, value) -> {
      if (value != null) {
        rows.add(row("section_id", section, "observed_at", at, "method", method, "indicator", indicator, "value", value,
            "unit", "mg/L"));
      }
    });
    return rows;
  }

  private static Map<String, Object> gep(int year, String code, String name, String service, String value) {
    return row("year", year, "district_code", code, "district", name, "service", service, "category", "ERV",
        "physical_quantity", 1.0, "physical_unit", "m3", "value_yuan", value);
  }

  @Test
  @Order(1)
  void writesTheEntriesTheMethodsGive() {
    List<Row> ledger = lake.gold(FinanceTables.COMPENSATION_LEDGER, "entry_id");
    assertThat(ledger).extracting(r -> r.getAs("entry_id") + " " + r.getAs("payer") + "->" + r.getAs("payee") + " "
            + r.<BigDecimal>getAs("amount_yuan").stripTrailingZeros().toPlainString())
        .containsExactly(
            // P = 0.85 × 0.25 × (1.0 + 1.1 + 0.9 + 1.2) = 0.8925 ≤ 1: downstream pays the month's part of 2e8.
            "TJ-H-01:2024-01:r1 天津市->河北省 16666666.67",
            // Automatic values equal to the baseline: P = 0.85.
            "TJ-H-01:2024-02:r1 天津市->河北省 16666666.67",
            // 12,960,000 m³: CODMn 0.5 × 12.96 × 15,000 + NH3-N 0.2 × 12.96 × 1e5 + TP 0.05 × 12.96 × 1e5.
            "TJ-H-02:2024-04:r1 北京市->天津市 421200",
            // 13,392,000 m³: CODMn −1 × 13.392 × 15,000 = −200,880: downstream pays.
            "TJ-H-02:2024-05:r1 天津市->北京市 200880",
            // 5e8 × [0.5 × GEPᵢ / 7e9 + 0.5 × growthᵢ / 1e8]; 河西区 has no 2023 GEP (growth 0).
            "TJ-V-01:2024:120101:r1 天津市财政局->和平区 285714285.71",
            "TJ-V-01:2024:120102:r1 天津市财政局->河东区 71428571.43",
            "TJ-V-01:2024:120103:r1 天津市财政局->河西区 142857142.86");
    assertThat(ledger).allSatisfy(r -> {
      assertThat(r.<String>getAs("status")).isEqualTo("draft");
      assertThat(r.<Integer>getAs("revision")).isEqualTo(1);
    });
    String january = ledger.get(0).getAs("basis");
    assertThat(january).contains("\"p\":0.8925", "\"measured_mg_l\":4.0,\"method\":\"manual\"", "\"section\":\"TJ-S01\"");
    String february = ledger.get(1).getAs("basis");
    assertThat(february).contains("\"method\":\"auto\"");
    BigDecimal vertical = ledger.stream().filter(r -> r.getAs("method").equals("gep-keyed"))
        .map(r -> r.<BigDecimal>getAs("amount_yuan")).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(vertical).isEqualByComparingTo("500000000");
    assertThat(summary.notSettled()).anyMatch(n -> n.startsWith("TJ-H-01 2024-03: a P-index factor was not measured"));
  }

  @Test
  @Order(2)
  void debitsEqualCreditsInEveryPeriod() {
    assertThat(summary.balanced()).isTrue();
    List<Row> sums = lake.catalog.read(FinanceTables.COMPENSATION_POSTINGS).groupBy("period")
        .agg(org.apache.spark.sql.functions.sum("debit_yuan"), org.apache.spark.sql.functions.sum("credit_yuan"))
        .collectAsList();
    assertThat(sums).hasSize(5);
    assertThat(sums).allSatisfy(r -> assertThat(r.getDecimal(1)).isEqualByComparingTo(r.getDecimal(2)));
    assertThat(lake.catalog.read(FinanceTables.COMPENSATION_POSTINGS).count()).isEqualTo(14);
  }

  @Test
  @Order(3)
  void aReRunWithTheSameInputsYieldsTheSameRows() {
    assertThat(snapshot()).isEqualTo(firstRows);
  }

  @Test
  @Order(4)
  void aPublishedRevisionIsFrozenAndAReRunWritesTheNextOne() {
    for (var def : List.of(FinanceTables.COMPENSATION_LEDGER, FinanceTables.COMPENSATION_POSTINGS)) {
      lake.spark.sql("UPDATE delta.`" + lake.catalog.location(def) + "` SET status = 'published'");
    }
    CompensationJob.Summary next = CompensationJob.run(lake.run("compensation", tianjin, "2024", params), tianjin, 2024, params);
    assertThat(next.revision()).isEqualTo(2);
    List<Row> ledger = lake.gold(FinanceTables.COMPENSATION_LEDGER, "entry_id");
    assertThat(ledger).hasSize(14);
    assertThat(ledger).filteredOn(r -> r.<Integer>getAs("revision") == 1).allSatisfy(r -> assertThat(r.<String>getAs("status")).isEqualTo("published"));
    assertThat(ledger).filteredOn(r -> r.<Integer>getAs("revision") == 2).hasSize(7)
        .allSatisfy(r -> assertThat(r.<String>getAs("status")).isEqualTo("draft"));
  }

  private List<Map<String, Object>> snapshot() {
    List<Map<String, Object>> all = new ArrayList<>(lake.withoutRunId(FinanceTables.COMPENSATION_LEDGER));
    all.addAll(lake.withoutRunId(FinanceTables.COMPENSATION_POSTINGS));
    return all;
  }
}
