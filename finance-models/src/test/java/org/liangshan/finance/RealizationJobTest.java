package org.liangshan.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.liangshan.market.Lakehouse.row;
import static org.liangshan.market.Lakehouse.rows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;
import org.liangshan.geo.GeoTables;
import org.liangshan.market.Lakehouse;
import org.liangshan.market.MarketTables;

/**
 * The realization rate of Tianjin 2024 from hand-made source rows: every component traced to the rows
 * it comes from (和平区 120101, 河东区 120102; everything else 0).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealizationJobTest {
  private final Lakehouse lake = FinanceLakehouse.create();
  private final Region tianjin = Regions.load("tianjin");
  private final ParameterSet params = ParameterSet.forRegion(tianjin);
  private RealizationJob.Summary first;
  private List<Map<String, Object>> firstRows;

  @BeforeAll
  void run() {
    String r = tianjin.id();
    lake.write(GeoTables.GEP_BY_DISTRICT, r, rows(
        gep(2024, "120101", "water_conservation", "600000"), gep(2024, "120101", "carbon_fixation", "400000"),
        gep(2024, "120102", "water_conservation", "2000000"), gep(2023, "120102", "water_conservation", "9999999")));
    lake.write(GeoTables.GRID_CELLS, r, rows(cell("c1", 0, "120101", "Z1", 3e6), cell("c2", 1, "120102", "Z1", 1e6),
        cell("c3", 2, "120102", null, 1e6)));
    lake.write(MarketTables.AUCTION_AWARDS, r, rows(
        award(2024, "A1", "B1", "Z1", "1000"), award(2024, "A1", "B2", null, "100"), award(2023, "A0", "B9", "Z1", "777")));
    lake.silver("enterprises", r, rows(enterprise("E1", "和平区"), enterprise("E2", "河东区")));
    lake.silver("trades", r, rows(
        trade("T1", "2024-05-01", "eco_voucher", 10, 12.5, "E2"), trade("T2", "2024-05-02", "carbon_quota", 100, 80, "E1"),
        trade("T3", "2023-12-31", "eco_voucher", 10, 10, "E1"), trade("T4", "2024-07-01", "carbon_sink_credit", 2, 50, "X")));
    lake.write(FinanceTables.COMPENSATION_LEDGER, r, rows(
        entry("TJ-V-01:2024:120101:r1", "TJ-V-01", "2024", "天津市财政局", "和平区", "5000", "approved", 1),
        entry("TJ-V-01:2024:120101:r2", "TJ-V-01", "2024", "天津市财政局", "和平区", "6000", "draft", 2),
        entry("TJ-H-01:2024-03:r1", "TJ-H-01", "2024-03", "河北省", "天津市", "300", "draft", 1),
        entry("TJ-H-01:2024-04:r1", "TJ-H-01", "2024-04", "天津市", "河北省", "999", "draft", 1),
        entry("TJ-X:2024:r1", "TJ-X", "2024", "天津市财政局", "河东区", "888", "rejected", 1)));
    lake.silver("rights_issued", r, rows(right("R1", "carbon_sink_credit"), right("R2", "carbon_quota"), right("R3", "forest_right")));
    lake.silver("loans", r, rows(
        loan("L1", "E1", "2024-03-01", "2026-03-01", "10000"), loan("L2", "E2", "2024-04-01", "2026-04-01", "7000"),
        loan("L3", "E2", "2023-01-01", "2025-01-01", "4000"), loan("L4", "E1", "2024-08-01", "2026-08-01", "500")));
    // P4 pledges EV-B1, the voucher award A1:B1 sold at auction: one voucher both sold and pledged
    lake.silver("pledges", r, rows(pledge("P1", "L1", "R1"), pledge("P2", "L2", "R2"), pledge("P3", "L3", "R3"),
        pledge("P4", "L4", "EV-B1")));
    lake.silver("repayments", r, rows(row("loan_id", "L1", "repaid_on", "2024-06-01", "amount_yuan", "2000"),
        row("loan_id", "L1", "repaid_on", "2025-06-01", "amount_yuan", "3000")));
    first = RealizationJob.run(lake.run("realization", tianjin, "2024", params), tianjin, 2024, params);
    firstRows = lake.withoutRunId(RealizationTables.GEP_REALIZATION);
    RealizationJob.run(lake.run("realization", tianjin, "2024", params), tianjin, 2024, params);
  }

  @Test
  void eachComponentIsTracedToItsSourceRows() {
    Map<String, Row> byDistrict = rowsByDistrict();
    Row heping = byDistrict.get("120101");
    // auction A1:B1 of zone Z1 (3/4 of its area in 和平区) 750; ledger r2 supersedes r1: 6000; realized 6750.
    // Beside it, not in it: loans L1 10000 and L4 500 issued (L4 is backed by the voucher A1:B1 sold, counted once as the sale)
    assertMoney(heping, "auction_yuan", "750");
    assertMoney(heping, "trade_yuan", "0");
    assertMoney(heping, "compensation_yuan", "6000");
    assertMoney(heping, "realized_yuan", "6750");
    assertMoney(heping, "eco_finance_issued_yuan", "10500");
    assertMoney(heping, "eco_finance_outstanding_yuan", "8500"); // L1 10000 less the 2000 repaid in 2024, L4 500
    assertMoney(heping, "eco_finance_yuan", "10500");
    assertMoney(heping, "gep_yuan", "1000000");
    assertThat(heping.<Double>getAs("realization_rate")).isCloseTo(0.00675, within(1e-15));
    assertThat(heping.<Double>getAs("eco_finance_ratio")).isCloseTo(0.0105, within(1e-15));
    Row hedong = byDistrict.get("120102");
    // A1:B1 250; trade T1 10 x 12.5 by seller E2; L3 (2023) outstanding 4000 but not issued in 2024; the rejected entry is out
    assertMoney(hedong, "auction_yuan", "250");
    assertMoney(hedong, "trade_yuan", "125");
    assertMoney(hedong, "compensation_yuan", "0");
    assertMoney(hedong, "eco_finance_yuan", "0");
    assertMoney(hedong, "eco_finance_outstanding_yuan", "4000");
    assertMoney(hedong, "realized_yuan", "375");
    assertThat(hedong.<Double>getAs("realization_rate")).isCloseTo(375.0 / 2_000_000, within(1e-15));
    assertThat(hedong.<Double>getAs("eco_finance_ratio")).isZero();
    Row unattributed = byDistrict.get("unattributed");
    // A1:B2 without a zone; T4 by a seller not in the registry; 300 from 河北省 to 天津市 (the 999 to 河北省 is not received)
    assertMoney(unattributed, "trading_yuan", "200");
    assertMoney(unattributed, "compensation_yuan", "300");
    assertThat(unattributed.<Object>getAs("realization_rate")).isNull();
    assertThat(unattributed.<Object>getAs("eco_finance_ratio")).isNull();
    Row region = byDistrict.get("tianjin");
    // 6750 + 375 + 500 realized; 10500 mobilised beside it (before this method: 18125, the loans inside and EV-B1 twice)
    assertMoney(region, "realized_yuan", "7625");
    assertMoney(region, "eco_finance_yuan", "10500");
    assertMoney(region, "gep_yuan", "3000000");
    assertThat(region.<Double>getAs("realization_rate")).isCloseTo(7625.0 / 3_000_000, within(1e-15));
    assertThat(region.<Double>getAs("eco_finance_ratio")).isCloseTo(0.0035, within(1e-15));
    assertThat(first.realizedYuan()).isEqualByComparingTo("7625");
    assertThat(first.ecoFinanceYuan()).isEqualByComparingTo("10500");
    assertThat(region.<String>getAs("provenance")).contains("silver.loans", "gold.compensation_ledger", "gold.auction_awards");
    List<Row> items = lake.gold(RealizationTables.GEP_REALIZATION_ITEMS, "channel", "source_id", "district_code");
    assertThat(items).extracting(i -> i.getAs("channel") + " " + i.getAs("source_id") + " " + i.getAs("district_code"))
        .containsExactly(
            "auction A1:B1 120101", "auction A1:B1 120102", "auction A1:B2 unattributed",
            "ledger TJ-H-01:2024-03:r1 unattributed", "ledger TJ-V-01:2024:120101:r2 120101",
            "loan_issued L1 120101", "loan_issued L4 120101", "loan_outstanding L1 120101", "loan_outstanding L3 120102",
            "loan_outstanding L4 120101",
            "trade T1 120102", "trade T4 unattributed");
  }

  @Test
  void aVoucherSoldAtAuctionAndThenPledgedCountsOnceAsTheSale() {
    List<Row> items = lake.gold(RealizationTables.GEP_REALIZATION_ITEMS, "channel", "source_id", "district_code");
    // the sale of EV-B1 (award A1:B1, 1000 yuan over two districts) is in the realized value once
    assertThat(items.stream().filter(i -> i.getAs("source_id").equals("A1:B1")).map(i -> i.<BigDecimal>getAs("amount_yuan"))
        .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("1000");
    // its pledge behind loan L4 is eco-finance only, and says where the voucher was counted
    assertThat(items).filteredOn(i -> i.getAs("source_id").equals("L4"))
        .allSatisfy(i -> {
          assertThat(i.<String>getAs("component")).isEqualTo("eco_finance");
          assertThat(i.<String>getAs("basis")).contains("eco_voucher EV-B1 (sold at auction A1:B1: realized there, not again here)");
        });
    // invariant: the realized value is exactly its trading and compensation items, each source row once per district
    BigDecimal realizedItems = items.stream().filter(i -> !i.getAs("component").equals("eco_finance"))
        .map(i -> i.<BigDecimal>getAs("amount_yuan")).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(rowsByDistrict().get("tianjin").<BigDecimal>getAs("realized_yuan")).isEqualByComparingTo(realizedItems);
    assertThat(items).extracting(i -> i.getAs("channel") + " " + i.getAs("source_id") + " " + i.getAs("district_code"))
        .doesNotHaveDuplicates();
  }

  @Test
  void theDistrictsAndTheRemainderAddUpToTheRegion() {
    Map<String, Row> byDistrict = rowsByDistrict();
    assertThat(byDistrict).hasSize(tianjin.districts().size() + 2);
    for (String column : List.of("auction_yuan", "trade_yuan", "compensation_yuan", "eco_finance_issued_yuan",
        "eco_finance_outstanding_yuan", "eco_finance_yuan", "realized_yuan", "gep_yuan")) {
      BigDecimal sum = byDistrict.values().stream().filter(r -> !r.<String>getAs("scope").equals("region"))
          .map(r -> r.<BigDecimal>getAs(column)).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(byDistrict.get("tianjin").<BigDecimal>getAs(column)).as(column).isEqualByComparingTo(sum);
    }
  }

  @Test
  void aReRunRewritesTheSameRowsAndNoGepIsABadInput() {
    assertThat(lake.withoutRunId(RealizationTables.GEP_REALIZATION)).isEqualTo(firstRows);
    assertThatThrownBy(() -> RealizationJob.run(lake.run("realization", tianjin, "2022", params), tianjin, 2022, params))
        .isInstanceOf(LiangshanException.class)
        .hasMessageContaining("No GEP for tianjin in 2022")
        .hasMessageContaining("run accounting");
  }

  private Map<String, Row> rowsByDistrict() {
    Map<String, Row> map = new LinkedHashMap<>();
    for (Row r : lake.gold(RealizationTables.GEP_REALIZATION, "district_code")) {
      if (r.<Integer>getAs("year") == 2024) {
        map.put(r.getAs("district_code"), r);
      }
    }
    return map;
  }

  private static void assertMoney(Row row, String column, String expected) {
    assertThat(row.<BigDecimal>getAs(column)).as(column).isEqualByComparingTo(expected);
  }

  private static Map<String, Object> gep(int year, String code, String service, String value) {
    return row("year", year, "district_code", code, "district", code, "service", service, "category", "ERV",
        "physical_quantity", 1.0, "physical_unit", "u", "value_yuan", value);
  }

  private static Map<String, Object> award(int year, String auction, String bid, String zone, String amount) {
    return row("year", year, "auction_id", auction, "bid_id", bid, "bidder", "E1", "quantity", 1L, "price_yuan", amount,
        "amount_yuan", amount, "right_id", "EV-" + bid, "zone_id", zone, "pollutant", "COD", "awarded_on", year + "-06-30");
  }

  private static Map<String, Object> enterprise(String uscc, String district) {
    return row("uscc", uscc, "name", uscc, "industry", "hotel", "lon", 117.2, "lat", 39.1, "district", district);
  }

  private static Map<String, Object> trade(String id, String date, String type, double quantity, double price, String seller) {
    return row("trade_id", id, "trade_date", date, "right_type", type, "quantity", quantity, "price_yuan", price,
        "buyer", "B", "seller", seller);
  }

  private static Map<String, Object> entry(String id, String agreement, String period, String payer, String payee, String amount,
      String status, int revision) {
    return row("year", 2024, "period", period, "entry_id", id, "agreement_id", agreement, "method", "gep-keyed", "payer", payer,
        "payee", payee, "amount_yuan", amount, "basis", "{}", "status", status, "revision", revision);
  }

  private static Map<String, Object> right(String id, String type) {
    return row("right_id", id, "right_type", type, "holder", "E1", "quantity", 10.0, "unit", "t", "issued_on", "2023-01-01");
  }

  private static Map<String, Object> loan(String id, String borrower, String disbursed, String matures, String principal) {
    return row("loan_id", id, "bank_id", "BK1", "borrower", borrower, "disbursed_on", disbursed, "matures_on", matures,
        "principal_yuan", principal, "outstanding_yuan", principal, "rate", 0.04);
  }

  private static Map<String, Object> pledge(String id, String loan, String right) {
    return row("pledge_id", id, "loan_id", loan, "right_id", right, "quantity", 1.0, "pledged_on", "2023-01-01", "status", "active");
  }

  /** A grid-cell piece: the realization reads only its district, zone and area; the rest is filler. */
  private static Map<String, Object> cell(String id, int column, String district, String zone, double area) {
    return row("cell_id", id, "cell_column", column, "cell_row", 0, "district_code", district, "district", district,
        "zone_id", zone, "area_m2", area, "centroid_lon", 117.2, "centroid_lat", 39.1, "wkt", "POINT (117.2 39.1)",
        "polygon_json", "[]", "metric_crs", "EPSG:32650", "resolution_m", 1000.0);
  }
}
