package org.liangshan.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.liangshan.market.Lakehouse.row;

import java.math.BigDecimal;
import java.util.ArrayList;
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
import org.liangshan.core.unit.Quantity;
import org.liangshan.core.unit.Unit;
import org.liangshan.core.unit.UnitPrice;
import org.liangshan.warehouse.Run;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarketJobTest {
  private static final String LAKE_ZONE = "LY-WFZ-01";
  private final Lakehouse lake = new Lakehouse();
  private final Region liyang = Regions.load("liyang");
  private final ParameterSet params = ParameterSet.forRegion(liyang);
  private MarketJob.Summary first;
  private Run firstRun;
  private List<Map<String, Object>> firstRows;
  /** A copy of the lakehouse after 2024, run for 2025: the year after the vouchers' terms. */
  private Lakehouse nextYear;

  @BeforeAll
  void runTwice() {
    fixture();
    firstRun = lake.run("market", liyang, "2024", params);
    first = MarketJob.run(firstRun, liyang, 2024, params);
    firstRows = snapshot();
    MarketJob.run(lake.run("market", liyang, "2024", params), liyang, 2024, params);
    nextYear = lake.copy();
    MarketJob.run(nextYear.run("market", liyang, "2025", params), liyang, 2025, params);
  }

  private void fixture() {
    List<Map<String, Object>> flows = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      String month = String.format("2024-%02d", m);
      // LY-S02 (reservoir outlet): days 1 and 15 at m+1 and m+3 m³/s, monthly means m+2 = 3..14: the 90 %-guaranteed
      // monthly flow (P = m/13 from the largest) lies between 4 (P 11/13) and 3 (P 12/13): 3.3 m³/s.
      flows.add(row("section_id", "LY-S02", "date", month + "-01", "flow_m3_s", m + 1.0));
      flows.add(row("section_id", "LY-S02", "date", month + "-15", "flow_m3_s", m + 3.0));
      flows.add(row("section_id", "LY-S01", "date", month + "-01", "flow_m3_s", 1.0));
    }
    lake.silver("hydrology", "liyang", flows);
    lake.silver("water_quality", "liyang", Lakehouse.rows(
        // Manual samples are stored at 00:00 China Standard Time: 10 January.
        row("section_id", "LY-S01", "observed_at", "2024-01-09T16:00:00Z", "method", "manual", "indicator", "tp", "value", 0.01, "unit", "mg/L"),
        row("section_id", "LY-S02", "observed_at", "2024-01-10T02:00:00Z", "method", "auto", "indicator", "tp", "value", 0.02, "unit", "mg/L"),
        row("section_id", "LY-S02", "observed_at", "2024-01-10T03:00:00Z", "method", "auto", "indicator", "tp", "value", 0.02, "unit", "mg/L"),
        // 23:00 on 31 December 2023 in China Standard Time: not in 2024.
        row("section_id", "LY-S02", "observed_at", "2023-12-31T15:00:00Z", "method", "auto", "indicator", "tp", "value", 9.9, "unit", "mg/L")));
    lake.silver("enterprises", "liyang", Lakehouse.rows(
        row("uscc", "E-HOTEL", "name", "天目湖宾馆", "industry", "hotel", "lon", 119.45, "lat", 31.28, "district", "溧阳市", "zone_id", LAKE_ZONE),
        row("uscc", "E-TEA", "name", "白茶园", "industry", "tea_garden", "lon", 119.43, "lat", 31.29, "district", "溧阳市"),
        row("uscc", "E-CEM", "name", "水泥厂", "industry", "cement", "lon", 119.46, "lat", 31.6, "district", "溧阳市"),
        row("uscc", "B1", "name", "甲", "industry", "restaurant", "lon", 119.4, "lat", 31.4, "district", "溧阳市"),
        row("uscc", "B2", "name", "乙", "industry", "restaurant", "lon", 119.4, "lat", 31.4, "district", "溧阳市"),
        row("uscc", "B3", "name", "丙", "industry", "restaurant", "lon", 119.4, "lat", 31.4, "district", "溧阳市")));
    lake.silver("enterprise_activity", "liyang", Lakehouse.rows(
        row("uscc", "E-HOTEL", "month", "2024-01", "beds", 100.0, "occupancy", 0.5),
        row("uscc", "E-HOTEL", "month", "2025-01", "beds", 100.0, "occupancy", 0.5),
        row("uscc", "E-TEA", "month", "2024-01", "tea_area_mu", 150.0),
        row("uscc", "E-CEM", "month", "2024-01", "clinker_t", 1000.0, "clinker_cao_frac", 0.65, "clinker_mgo_frac", 0.02,
            "coal_t", 100.0, "electricity_mwh", 1000.0),
        row("uscc", "E-CEM", "month", "2023-12", "clinker_t", 500.0, "clinker_cao_frac", 0.65, "clinker_mgo_frac", 0.02)));
    lake.silver("protection_costs", "liyang", Lakehouse.rows(
        row("survey_year", 2023, "zone_id", LAKE_ZONE, "pollutant", "TP", "item", "治理工程", "cost_type", "capital",
            "amount_yuan", "10000000", "life_years", 20.0, "discount_rate", 0.05),
        row("survey_year", 2023, "zone_id", LAKE_ZONE, "pollutant", "TP", "item", "运行维护", "cost_type", "operating",
            "amount_yuan", "3000000"),
        row("survey_year", 2022, "zone_id", LAKE_ZONE, "pollutant", "TP", "item", "旧调查", "cost_type", "operating",
            "amount_yuan", "1")));
    lake.silver("auctions", "liyang", Lakehouse.rows(
        row("auction_id", "A1", "zone_id", LAKE_ZONE, "subject", "TP", "supply", 1000.0, "unit", "kg/a",
            "opens_at", "2024-05-01T00:00:00Z", "closes_at", "2024-05-10T00:00:00Z", "rule", "lowest_accepted", "tie_seed", 7L),
        row("auction_id", "A0", "zone_id", LAKE_ZONE, "subject", "TP", "supply", 10.0, "unit", "kg/a",
            "opens_at", "2023-05-01T00:00:00Z", "closes_at", "2023-05-10T00:00:00Z", "rule", "lowest_accepted", "tie_seed", 7L),
        // Closes after A1, which leaves it less than one kg/a of room: refused.
        row("auction_id", "A2", "zone_id", LAKE_ZONE, "subject", "TP", "supply", 50.0, "unit", "kg/a",
            "opens_at", "2024-06-01T00:00:00Z", "closes_at", "2024-06-10T00:00:00Z", "rule", "lowest_accepted", "tie_seed", 7L)));
    List<Map<String, Object>> bids = new ArrayList<>(List.of(
        bid("b1", "B1", 400, 2000), bid("b2", "B2", 400, 1800), bid("b3", "B3", 400, 1500),
        bid("b4", "E-HOTEL", 100, 1000), bid("b5", "BX", 100, 3000)));
    bids.add(row("bid_id", "b6", "auction_id", "A2", "bidder", "B1", "quantity", 50.0, "price_yuan", 5000.0,
        "deposit_yuan", BigDecimal.valueOf(250000), "submitted_at", "2024-06-05T00:00:00Z"));
    lake.silver("bids", "liyang", bids);
    lake.silver("rights_issued", "liyang", Lakehouse.rows(
        row("right_id", "R1", "right_type", "eco_voucher", "holder", "E-HOTEL", "zone_id", LAKE_ZONE, "subject", "TP",
            "quantity", 2.0, "unit", "t/a", "issued_on", "2024-01-10", "valid_from", "2024-01-01", "valid_until", "2024-12-31",
            "term_kind", "flow"),
        row("right_id", "R2", "right_type", "carbon_quota", "holder", "E-CEM", "subject", "CO2", "quantity", 1000.0,
            "unit", "tCO2e", "issued_on", "2024-02-01", "valid_from", "2024-02-01", "valid_until", "2024-06-30", "term_kind", "stock"),
        // A five-year discharge right: live in 2024 and 2025.
        row("right_id", "R3", "right_type", "discharge_right", "holder", "E-TEA", "zone_id", LAKE_ZONE, "subject", "TP",
            "quantity", 0.5, "unit", "t/a", "issued_on", "2023-05-01", "valid_from", "2023-05-01", "valid_until", "2028-04-30",
            "term_kind", "flow"),
        row("right_id", "R4", "right_type", "eco_voucher", "holder", "E-TEA", "zone_id", LAKE_ZONE, "subject", "TP",
            "quantity", 9.0, "unit", "t/a", "issued_on", "2025-01-05", "valid_from", "2025-01-05", "valid_until", "2025-12-31",
            "term_kind", "flow")));
    lake.silver("trades", "liyang", Lakehouse.rows(
        // March: a TP and two COD eco-voucher trades (a TP voucher trades ~175× a COD one, issue 15); T2 was
        // loaded before trades stated their unit (null: the quote unit, t/a).
        trade("T1", "2024-03-04", "eco_voucher", "TP", 0.01, 14_000_000, "t/a"),
        trade("T2", "2024-03-05", "eco_voucher", "COD", 1, 80_000, null),
        trade("T3", "2024-03-06", "eco_voucher", "COD", 3, 84_000, "t/a"),
        // May: 2 kg/a at the TP auction's 15,670 yuan per kg/a, and 0.008 t/a at 15,000,000 yuan per t/a.
        trade("T4", "2024-05-10", "eco_voucher", "TP", 2, 15_670, "kg/a"),
        trade("T5", "2024-05-20", "eco_voucher", "TP", 0.008, 15_000_000, "t/a"),
        trade("T6", "2024-05-12", "carbon_quota", "CO2", 10, 95, "tCO2e"),
        // Another year: not in 2024's slice.
        trade("T0", "2023-12-29", "eco_voucher", "TP", 0.01, 13_000_000, "t/a")));
  }

  private static Map<String, Object> trade(String id, String date, String type, String subject, double quantity,
      double price, String unit) {
    return row("trade_id", id, "trade_date", date, "right_type", type, "subject", subject, "quantity", quantity,
        "price_yuan", price, "unit", unit, "buyer", "B1", "seller", "B2");
  }

  private static Map<String, Object> bid(String id, String bidder, double quantity, double price) {
    return row("bid_id", id, "auction_id", "A1", "bidder", bidder, "quantity", quantity, "price_yuan", price,
        "deposit_yuan", BigDecimal.valueOf(quantity * price), "submitted_at", "2024-05-05T00:00:00Z");
  }

  /** Hotel 0.00093 t + tea garden 0.00075 t (the tea garden's zone comes from its site). */
  private static final double OCCUPIED = 0.00168;

  /** Allocatable − occupied: what the benchmark is spread over, 3.480812 t/a. */
  private static double expectedSurplus() {
    return 0.9 * expectedCapacity() - OCCUPIED;
  }

  /** W = 31.536·[Cs·(Q + K·V) − C0·Q] (METHODOLOGY.md 3, fully mixed lake). */
  private static double expectedCapacity() {
    double cs = 0.025; // TP, lake, class II
    double c0 = (0.01 + 0.02) / 2; // mean of the monthly means at LY-S01 (manual) and LY-S02 (auto)
    double q = 3.3; // 90 %-guaranteed monthly mean at the control section LY-S02 (WaterCapacityTest)
    double kPerSecond = 0.005 / 86400;
    double volume = 6.2e7;
    return 31.536 * (cs * (q + kPerSecond * volume) - c0 * q);
  }

  @Test
  void capacityFollowsTheLakeModelOnTheData() {
    List<Row> rows = lake.gold(MarketTables.ZONE_CAPACITY, "zone_id");
    // Only the lake zone has flows, and only TP has concentrations.
    assertThat(rows).singleElement().satisfies(r -> {
      assertThat(r.<String>getAs("zone_id")).isEqualTo(LAKE_ZONE);
      assertThat(r.<String>getAs("pollutant")).isEqualTo("TP");
      assertThat(r.<String>getAs("model")).isEqualTo("lake");
      assertThat(r.<Double>getAs("design_flow_m3_s")).isCloseTo(3.3, within(1e-12));
      assertThat(r.<String>getAs("design_flow_section")).isEqualTo("LY-S02 Q90 (P = m/(n+1)) of 12 monthly means 2024-01..2024-12");
      assertThat(r.<String>getAs("design_flow_source")).isEqualTo("q90_monthly_weibull");
      assertThat(r.<Integer>getAs("years_of_record")).isEqualTo(1);
      assertThat(r.<Double>getAs("c0_mg_l")).isCloseTo(0.015, within(1e-12));
      // Liyang declares no upstream boundary section for the lake: C0 at the zone's own sections, flagged.
      assertThat(r.<String>getAs("c0_source")).isEqualTo("zone_sections_fallback");
      assertThat(r.<String>getAs("c0_basis"))
          .startsWith("mean of monthly means at LY-S01, LY-S02 in 2024 (fallback: no upstream section declared; ");
      assertThat(r.<Double>getAs("capacity_t_a")).isCloseTo(expectedCapacity(), within(1e-9));
      assertThat(r.<Double>getAs("allocatable_t_a")).isCloseTo(0.9 * expectedCapacity(), within(1e-9));
      assertThat(r.<Double>getAs("occupied_t_a")).isCloseTo(OCCUPIED, within(1e-12));
      assertThat(r.<Double>getAs("tradable_surplus_t_a")).isCloseTo(expectedSurplus(), within(1e-9));
      assertThat(r.<Double>getAs("overload_t_a")).isZero();
      assertThat(r.<String>getAs("capacity_status")).isEqualTo("surplus");
    });
  }

  @Test
  void occupationAndEmissionsRecordTheirMethod() {
    List<Row> occupation = lake.gold(MarketTables.ENTERPRISE_OCCUPATION, "uscc", "pollutant");
    assertThat(occupation).filteredOn(r -> r.getAs("pollutant").equals("TP"))
        .extracting(r -> r.getAs("uscc") + " " + r.getAs("method") + " " + r.getAs("zone_id"))
        .containsExactly("E-HOTEL coefficient:hotel LY-WFZ-01", "E-TEA coefficient:tea_garden LY-WFZ-01");
    List<Row> emissions = lake.gold(MarketTables.ENTERPRISE_EMISSIONS, "uscc");
    assertThat(emissions).singleElement().satisfies(r -> {
      // Process: 1000 t × (0.65 × 44/56 + 0.02 × 44/40); coal 100 t × 20.908 × 0.02618 × 0.98 × 44/12.
      double process = 1000 * (0.65 * 44 / 56 + 0.02 * 44 / 40);
      double coal = 100 * 20.908 * 0.02618 * 0.98 * 44 / 12;
      assertThat(r.<Double>getAs("process_tco2")).isCloseTo(process, within(1e-6));
      assertThat(r.<Double>getAs("combustion_tco2")).isCloseTo(coal, within(1e-6));
      assertThat(r.<Double>getAs("direct_tco2")).isCloseTo(process + coal, within(1e-6));
      assertThat(r.<String>getAs("method")).isEqualTo("energy_consumption+process");
      // Pre-allocation: 70 % of December 2023's direct emissions (500 t clinker).
      assertThat(r.<Double>getAs("pre_allocated_tco2")).isCloseTo(0.7 * 500 * (0.65 * 44 / 56 + 0.02 * 44 / 40), within(1e-6));
      assertThat(r.<String>getAs("quota_rule")).isEqualTo("cn-2025");
    });
  }

  @Test
  void benchmarkPriceIsTheAnnualizedCostOverTheTradableSurplus() {
    Row price = lake.gold(MarketTables.BENCHMARK_PRICES, "zone_id").get(0);
    // 1e7 × CRF(5 %, 20) + 3e6 = 3,802,425.87 yuan (METHODOLOGY.md 3); the 2022 survey is superseded.
    double annualized = 1e7 * 0.05 * Math.pow(1.05, 20) / (Math.pow(1.05, 20) - 1) + 3e6;
    assertThat(price.<BigDecimal>getAs("annualized_cost_yuan").doubleValue()).isCloseTo(annualized, within(1e-4));
    assertThat(price.<BigDecimal>getAs("benchmark_price_yuan_per_t_a").doubleValue())
        .isCloseTo(annualized / expectedSurplus(), within(1e-2));
    assertThat(price.<Double>getAs("tradable_capacity_t_a")).isCloseTo(expectedSurplus(), within(1e-9));
    assertThat(price.<Integer>getAs("survey_year")).isEqualTo(2023);
  }

  @Test
  void auctionClearsAtTheReserveOfItsZoneWithEveryWinnerPayingTheClearingPrice() {
    assertThat(first.auctions()).filteredOn(a -> a.auctionId().equals("A1")).singleElement().satisfies(a -> {
      assertThat(a.clearingPriceYuan()).isEqualByComparingTo("1500");
      assertThat(a.sold()).isEqualTo(980);
    });
    Row result = lake.gold(MarketTables.AUCTION_RESULTS, "auction_id").get(0);
    assertThat(result.<String>getAs("auction_id")).isEqualTo("A1");
    BigDecimal benchmark = lake.gold(MarketTables.BENCHMARK_PRICES, "zone_id").get(0).getAs("benchmark_price_yuan_per_t_a");
    // Units are kg/a: the reserve is the benchmark per t/a ÷ 1000.
    assertThat(result.<BigDecimal>getAs("reserve_price_yuan").doubleValue()).isCloseTo(benchmark.doubleValue() / 1000, within(1e-6));
    // The row says so: lots of kg/a, prices in yuan per kg/a (the benchmark column names yuan per t/a).
    assertThat(result.<String>getAs("unit")).isEqualTo("kg/a");
    assertThat(result.<String>getAs("price_unit")).isEqualTo("yuan per kg/a");
    assertThat(UnitPrice.of(result.getAs("reserve_price_yuan"), Unit.KILOGRAMS_PER_YEAR).per(Unit.TONNES_PER_YEAR).yuan())
        .isCloseTo(benchmark, within(new BigDecimal("0.001")));
    assertThat(result.<Long>getAs("sold")).isLessThanOrEqualTo(result.<Long>getAs("supply"));
    List<Row> awards = lake.gold(MarketTables.AUCTION_AWARDS, "bid_id");
    assertThat(awards).extracting(r -> r.getAs("bidder") + " " + r.getAs("quantity"))
        .containsExactly("B1 400", "B2 400", "B3 180");
    assertThat(awards).allSatisfy(r -> assertThat(r.<BigDecimal>getAs("price_yuan")).isEqualByComparingTo("1500"));
    assertThat(awards).allSatisfy(r -> assertThat(r.getAs("unit") + " " + r.getAs("price_unit")).isEqualTo("kg/a yuan per kg/a"));
    assertThat(awards.stream().mapToLong(r -> r.<Long>getAs("quantity")).sum()).isLessThanOrEqualTo(result.<Long>getAs("supply"));
    assertThat(lake.gold(MarketTables.AUCTION_REJECTIONS, "bid_id"))
        .extracting(r -> r.getAs("bid_id") + " " + r.getAs("reason_code"))
        .containsExactly("b4 BELOW_RESERVE", "b5 UNKNOWN_BIDDER", "b6 NO_ROOM");
  }

  @Test
  void totalControlCutsTheSupplyToTheRoomAndRefusesAnAuctionWithoutRoom() {
    // Room = allocatable 3.482492 − occupied 0.00168 − live rights R1 2 + R3 0.5 (R4's term starts in 2025) = 0.980812
    // t/a: A1's 1,000 kg/a are cut to 980; A2, closing later, finds 0.000812 t/a, not one kg/a, and is refused.
    List<Row> checks = lake.gold(MarketTables.AUCTION_SUPPLY_CHECKS, "auction_id");
    assertThat(checks).extracting(r -> r.getAs("auction_id") + " " + r.getAs("supply_offered") + " " + r.getAs("supply_allowed")
        + " " + r.getAs("status") + " " + r.getAs("unit")).containsExactly("A1 1000 980 supply_cut kg/a", "A2 50 0 refused kg/a");
    Row a1 = checks.get(0);
    assertThat(a1.<Double>getAs("live_rights_t_a")).isCloseTo(2.5, within(1e-12));
    assertThat(a1.<Double>getAs("room_t_a")).isCloseTo(expectedSurplus() - 2.5, within(1e-9));
    assertThat(checks.get(1).<Double>getAs("sold_earlier_t_a")).isCloseTo(0.98, within(1e-12));
    assertThat(checks.get(1).<String>getAs("reason")).startsWith("no whole lot of room for supply 50 kg/a: allocatable 3.482");
    assertThat(lake.gold(MarketTables.AUCTION_RESULTS, "auction_id")).extracting(r -> r.<String>getAs("auction_id"))
        .containsExactly("A1");
    assertThat(first.auctions()).filteredOn(a -> a.auctionId().equals("A2")).singleElement()
        .satisfies(a -> assertThat(a.cleared()).isFalse());
  }

  @Test
  void liveWaterRightsPlusOccupationStayWithinTheAllocatableCapacity() {
    // The invariant of total control, from gold: rights held and live at the year's end in t/a (auction lots are kg/a).
    Row capacity = lake.gold(MarketTables.ZONE_CAPACITY, "zone_id").get(0);
    double live = lake.gold(MarketTables.HOLDINGS, "right_id").stream()
        .filter(r -> r.<String>getAs("account").startsWith("holder:") && LAKE_ZONE.equals(r.getAs("zone_id"))
            && "TP".equals(r.getAs("subject")) && r.<Boolean>getAs("live"))
        .mapToDouble(r -> Quantity.of(r.<Double>getAs("quantity"), Unit.parseOrThrow(r.getAs("unit")))
            .to(Unit.TONNES_PER_YEAR).doubleValue())
        .sum();
    assertThat(live).isCloseTo(2.5 + 0.98, within(1e-12));
    assertThat(live + capacity.<Double>getAs("occupied_t_a")).isLessThanOrEqualTo(capacity.<Double>getAs("allocatable_t_a"));
  }

  @Test
  void holdingsBalanceAndNeverGoNegative() {
    // Issued: R1 2 + R2 1000 + R3 0.5 + awards 980 = 1982.5; R2 expired on 1 July; R4 is issued in 2025.
    assertThat(first.issued()).isEqualByComparingTo("1982.5");
    assertThat(first.expired()).isEqualByComparingTo("1000");
    assertThat(first.held()).isEqualByComparingTo("982.5");
    assertThat(first.issued()).isEqualByComparingTo(first.held().add(first.retired()).add(first.expired()));
    // Per unit, as the summary prints it: rights of different units are never added up.
    assertThat(first.holdingsByUnit()).extracting(Object::toString).containsExactly(
        "kg/a: issued 980 = held 980 + retired 0 + expired 0",
        "t/a: issued 2.5 = held 2.5 + retired 0 + expired 0",
        "tCO2e: issued 1000 = held 0 + retired 0 + expired 1000");
    List<Row> holdings = lake.gold(MarketTables.HOLDINGS, "account", "right_id");
    assertThat(holdings).allSatisfy(r -> assertThat(r.<Double>getAs("quantity")).isPositive());
    double held = holdings.stream().filter(r -> r.<String>getAs("account").startsWith("holder:"))
        .mapToDouble(r -> r.<Double>getAs("quantity")).sum();
    assertThat(held).isEqualTo(982.5);
    List<Row> movements = lake.gold(MarketTables.HOLDINGS_MOVEMENTS, "movement_id");
    assertThat(movements).extracting(r -> r.<String>getAs("movement_id")).containsExactly(
        "award:AWD-A1-b1", "award:AWD-A1-b2", "award:AWD-A1-b3", "expire:R2", "issue:R1", "issue:R2");
    assertThat(movements).allSatisfy(r -> assertThat(r.<String>getAs("debit_account")).isNotEqualTo(r.getAs("credit_account")));
    // Each movement and balance is in its right's unit: R1 t/a, R2 tCO2e, the awards the auction's kg/a lots.
    assertThat(movements).extracting(r -> r.getAs("right_id") + " " + r.getAs("unit")).containsExactly(
        "AWD-A1-b1 kg/a", "AWD-A1-b2 kg/a", "AWD-A1-b3 kg/a", "R2 tCO2e", "R1 t/a", "R2 tCO2e");
    assertThat(holdings).extracting(r -> r.getAs("account") + " " + r.getAs("right_id") + " " + r.getAs("quantity") + " "
        + r.getAs("unit")).contains("expired R2 1000.0 tCO2e");
  }

  @Test
  void anAuctionSellsTheCalendarYearAndItsVouchersExpireAtItsEnd() {
    Row result = lake.gold(MarketTables.AUCTION_RESULTS, "auction_id").get(0);
    assertThat(result.<java.sql.Date>getAs("valid_from")).hasToString("2024-01-01");
    assertThat(result.<java.sql.Date>getAs("valid_until")).hasToString("2024-12-31");
    assertThat(result.<String>getAs("term_basis")).isEqualTo("parameter auction.term (calendar_year)");
    assertThat(lake.gold(MarketTables.AUCTION_AWARDS, "bid_id"))
        .extracting(r -> r.getAs("bid_id") + " " + r.getAs("valid_from") + ".." + r.getAs("valid_until"))
        .containsExactly("b1 2024-01-01..2024-12-31", "b2 2024-01-01..2024-12-31", "b3 2024-01-01..2024-12-31");
    // The next year: every voucher of the 2024 auction, and R1 (the 2024 term), expire on 1 January 2025.
    // (the copy holds 2024's rows too: R2 expired on 1 July 2024)
    assertThat(nextYear.gold(MarketTables.HOLDINGS_MOVEMENTS, "movement_id"))
        .filteredOn(r -> r.<Integer>getAs("year") == 2025 && r.<String>getAs("movement_type").equals("expire"))
        .extracting(r -> r.getAs("movement_id") + " " + r.getAs("movement_date"))
        .containsExactly("expire:AWD-A1-b1 2025-01-01", "expire:AWD-A1-b2 2025-01-01", "expire:AWD-A1-b3 2025-01-01",
            "expire:R1 2025-01-01");
    // At the end of 2025 the holders keep only R3 (five years) and R4 (2025), both live.
    assertThat(nextYear.gold(MarketTables.HOLDINGS, "right_id"))
        .filteredOn(r -> r.<Integer>getAs("year") == 2025 && r.<String>getAs("account").startsWith("holder:"))
        .extracting(r -> r.getAs("right_id") + " " + r.getAs("term_kind") + " " + r.getAs("live"))
        .containsExactly("R3 flow true", "R4 flow true");
  }

  @Test
  void anExpiredVoucherDoesNotSatisfyNextYearsCompliance() {
    // The hotel's 2024 occupation (0.00093 t/a TP) is covered by R1 in 2024; R1's term ends with 2024, so the
    // same occupation in 2025 becomes an obligation to buy.
    assertThat(lake.gold(MarketBoardTables.COMPLIANCE, "holder"))
        .filteredOn(r -> r.getAs("holder").equals("E-HOTEL") && r.getAs("subject").equals("TP"))
        .extracting(r -> r.getAs("year") + " " + r.getAs("status") + " " + r.getAs("held_quantity"))
        .containsExactly("2024 covered 2.0");
    assertThat(nextYear.gold(MarketBoardTables.COMPLIANCE, "holder"))
        .filteredOn(r -> r.<Integer>getAs("year") == 2025 && r.getAs("holder").equals("E-HOTEL") && r.getAs("subject").equals("TP"))
        .singleElement().satisfies(r -> {
          assertThat(r.<Integer>getAs("year")).isEqualTo(2025);
          assertThat(r.<String>getAs("status")).isEqualTo("obligation_to_buy");
          assertThat(r.<Double>getAs("held_quantity")).isZero();
          assertThat(r.<Double>getAs("shortfall_quantity")).isCloseTo(0.00093, within(1e-9));
        });
  }

  @Test
  void tradesOfTwoSubjectsInAMonthAreTwoRowsEachWithItsOwnAverage() {
    List<Row> march = lake.gold(MarketTables.TRADES_MONTHLY, "month", "right_type", "subject").stream()
        .filter(r -> r.getAs("month").toString().equals("2024-03-01")).toList();
    assertThat(march).extracting(r -> r.getAs("right_type") + " " + r.getAs("subject") + " " + r.getAs("trades") + " "
        + r.getAs("quantity") + " " + r.getAs("quantity_unit") + " " + r.getAs("price_unit"))
        .containsExactly("eco_voucher COD 2 4.0 t/a yuan per t/a", "eco_voucher TP 1 0.01 t/a yuan per t/a");
    // COD: (1 × 80,000 + 3 × 84,000) / 4 = 83,000 yuan per t/a; TP: 14,000,000. Pooled they would be 117,705.74.
    assertThat(march.get(0).<BigDecimal>getAs("amount_yuan")).isEqualByComparingTo("332000");
    assertThat(march.get(0).<BigDecimal>getAs("vwap_yuan")).isEqualByComparingTo("83000");
    assertThat(march.get(0).<BigDecimal>getAs("min_price_yuan")).isEqualByComparingTo("80000");
    assertThat(march.get(0).<BigDecimal>getAs("max_price_yuan")).isEqualByComparingTo("84000");
    assertThat(march.get(1).<BigDecimal>getAs("vwap_yuan")).isEqualByComparingTo("14000000");
    assertThat(march.get(1).<BigDecimal>getAs("amount_yuan")).isEqualByComparingTo("140000");
  }

  @Test
  void aTradePerKilogramAYearIsConvertedToTheQuoteUnitWithItsMoneyUnchanged() {
    Row may = lake.gold(MarketTables.TRADES_MONTHLY, "month", "right_type", "subject").stream()
        .filter(r -> r.getAs("month").toString().equals("2024-05-01") && r.getAs("subject").equals("TP"))
        .findFirst().orElseThrow();
    // T4: 2 kg/a at 15,670 yuan per kg/a = 0.002 t/a at 15,670,000 yuan per t/a = 31,340 yuan; T5: 0.008 t/a at
    // 15,000,000 = 120,000 yuan. Volume 0.01 t/a, amount 151,340 yuan, average 15,134,000 yuan per t/a.
    assertThat(may.<Double>getAs("quantity")).isCloseTo(0.01, within(1e-15));
    assertThat(may.<String>getAs("quantity_unit")).isEqualTo("t/a");
    assertThat(may.<BigDecimal>getAs("amount_yuan")).isEqualByComparingTo("151340");
    assertThat(may.<BigDecimal>getAs("vwap_yuan")).isEqualByComparingTo("15134000");
    assertThat(may.<BigDecimal>getAs("min_price_yuan")).isEqualByComparingTo("15000000");
    assertThat(may.<BigDecimal>getAs("max_price_yuan")).isEqualByComparingTo("15670000");
    assertThat(lake.gold(MarketTables.TRADES_MONTHLY, "month", "right_type", "subject"))
        .extracting(r -> r.getAs("year") + " " + r.getAs("month") + " " + r.getAs("right_type") + " " + r.getAs("subject")
            + " " + r.getAs("price_unit"))
        .containsExactly("2024 2024-03-01 eco_voucher COD yuan per t/a", "2024 2024-03-01 eco_voucher TP yuan per t/a",
            "2024 2024-05-01 carbon_quota CO2 yuan per tCO2e", "2024 2024-05-01 eco_voucher TP yuan per t/a");
    assertThat(firstRun.outputs()).containsKey("gold.trades_monthly");
    assertThat(firstRun.counts()).containsEntry("trades_monthly_rows", 4L);
  }

  @Test
  void theMoneyOfTheMonthlyTradesIsTheMoneyOfTheTradesWhateverTheirUnit() {
    // Σ quantity × price over silver.trades of the region-year, each as recorded (kg/a at yuan per kg/a, t/a at yuan
    // per t/a): a figure no unit conversion changes, so gold must hold it whole.
    BigDecimal silver = lake.catalog.read(org.liangshan.pipelines.source.SourceFamilies.silver("trades"))
        .where("region = 'liyang' AND year(trade_date) = 2024")
        .selectExpr("SUM(CAST(quantity AS DECIMAL(38, 6)) * CAST(price_yuan AS DECIMAL(38, 6))) AS amount")
        .first().getDecimal(0);
    BigDecimal gold = lake.catalog.read(MarketTables.TRADES_MONTHLY).where("region = 'liyang' AND year = 2024")
        .selectExpr("SUM(amount_yuan)").first().getDecimal(0);
    assertThat(gold).isEqualByComparingTo(silver);
    assertThat(gold).isEqualByComparingTo("624290"); // 332,000 + 140,000 + 151,340 + 950
  }

  @Test
  void aTradeWhoseUnitDoesNotConvertFailsTheRunNamingItBeforeAnythingIsWritten() {
    Lakehouse copy = lake.copy();
    copy.silver("trades", "liyang", Lakehouse.rows(trade("TX", "2024-07-01", "eco_voucher", "TP", 1, 95, "tCO2e")));
    assertThatThrownBy(() -> MarketJob.run(copy.run("market", liyang, "2024", params), liyang, 2024, params))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("silver.trades, test/trades.csv line 2, field unit: Trade TX is in tCO2e, which does not convert to"
            + " t/a, the unit eco_voucher trades are quoted in: correct its unit (单位) in silver.trades. Ingestion"
            + " quarantines such a trade, so this row was written around it; the monthly trade table would otherwise add"
            + " two units together. Correct the delivery and ingest it again.");
    // The run failed before it wrote anything for the year: every table is as the first run left it.
    assertThat(copy.catalog.read(MarketTables.TRADES_MONTHLY).count()).isEqualTo(4);
    assertThat(copy.withoutRunId(MarketTables.HOLDINGS)).isEqualTo(lake.withoutRunId(MarketTables.HOLDINGS));
  }

  @Test
  void aReRunWithTheSameInputsYieldsTheSameRows() {
    assertThat(snapshot()).isEqualTo(firstRows);
  }

  private List<Map<String, Object>> snapshot() {
    List<Map<String, Object>> all = new ArrayList<>();
    for (var def : List.of(MarketTables.ZONE_CAPACITY, MarketTables.ENTERPRISE_OCCUPATION, MarketTables.ENTERPRISE_EMISSIONS,
        MarketTables.BENCHMARK_PRICES, MarketTables.AUCTION_RESULTS, MarketTables.AUCTION_AWARDS,
        MarketTables.AUCTION_REJECTIONS, MarketTables.AUCTION_SUPPLY_CHECKS, MarketTables.HOLDINGS_MOVEMENTS,
        MarketTables.HOLDINGS, MarketTables.TRADES_MONTHLY)) {
      all.addAll(lake.withoutRunId(def));
    }
    return all;
  }
}
