package org.liangshan.market.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.WaterFunctionZone;
import org.locationtech.jts.geom.Envelope;

class MarketModelTest {
  private static final ParameterSet PARAMS = MarketParameters.complete(ParameterSet.defaults());

  @Test
  void marketDefaultsFillOnlyMissingKeysAndKeepTheVersion() {
    ParameterSet region = ParameterSet.defaults().withOverrides("r-1", new com.fasterxml.jackson.databind.ObjectMapper()
        .createObjectNode().set("benchmark", new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
            .put("discount_rate", 0.07)));
    ParameterSet complete = MarketParameters.complete(region);
    assertThat(complete.version()).isEqualTo("r-1");
    assertThat(complete.decimal("benchmark.discount_rate")).isEqualByComparingTo("0.07");
    assertThat(complete.decimal("auction.deposit_ratio")).isEqualByComparingTo("0.1");
    assertThat(complete.decimal("water_capacity.decay_k_per_day.lake.tp")).isEqualByComparingTo("0.005");
  }

  @Test
  void aShortRecordFallsBackToTheDriestMonthAtTheSectionWithTheLargestFlow() {
    Map<String, List<Hydrology.DailyFlow>> flows = Map.of(
        "S1", List.of(new Hydrology.DailyFlow("S1", LocalDate.of(2024, 1, 1), 1.0)),
        "S2", List.of(
            new Hydrology.DailyFlow("S2", LocalDate.of(2024, 1, 1), 2.0),
            new Hydrology.DailyFlow("S2", LocalDate.of(2024, 1, 2), 4.0),
            new Hydrology.DailyFlow("S2", LocalDate.of(2024, 7, 1), 9.0)));
    Hydrology.DesignFlow design = Hydrology.designFlow(flows).orElseThrow();
    assertThat(design.sectionId()).isEqualTo("S2");
    assertThat(design.flowM3S()).isEqualTo(3.0);
    assertThat(design.source()).isEqualTo(Hydrology.Source.DRIEST_MONTH_SHORT_RECORD);
    assertThat(design.basis()).isEqualTo("S2 driest month of 2 monthly means 2024-01..2024-07 (fewer than 9: no 90 % flow)");
    assertThat(Hydrology.monthlyVolumeM3(5.0, YearMonth.of(2024, 4))).isEqualByComparingTo("12960000");
  }

  @Test
  void designFlowIsTheNinetyPercentFlowOverEveryYearOfTheRecord() {
    // Two years at S1, monthly means 1..24 m³/s (the worked example of docs/methods/benchmark-price.md): 2.5 m³/s,
    // not 1.0, the driest month of the record, nor 13.0, the driest month of 2024 alone.
    List<Hydrology.DailyFlow> days = new java.util.ArrayList<>();
    for (int i = 0; i < 24; i++) {
      days.add(new Hydrology.DailyFlow("S1", LocalDate.of(2023, 1, 1).plusMonths(i), i + 1.0));
    }
    Hydrology.DesignFlow design = Hydrology.designFlow(Map.of("S1", days)).orElseThrow();
    assertThat(design.flowM3S()).isCloseTo(2.5, within(1e-12));
    assertThat(design.source()).isEqualTo(Hydrology.Source.Q90_MONTHLY_WEIBULL);
    assertThat(design.yearsOfRecord()).isEqualTo(2);
    assertThat(design.basis()).isEqualTo("S1 Q90 (P = m/(n+1)) of 24 monthly means 2023-01..2024-12");
  }

  @Test
  void monthlyMeansPreferManualSamples() {
    List<WaterQuality.Samples> samples = List.of(
        WaterQuality.Samples.of("S1", java.time.Instant.parse("2024-01-31T16:00:00Z"), "manual", "tp", 0.2),
        new WaterQuality.Samples("S1", YearMonth.of(2024, 1), "auto", "tp", 3.0, 10),
        new WaterQuality.Samples("S1", YearMonth.of(2024, 2), "auto", "tp", 3.0, 10));
    // 2024-01-31T16:00Z is 1 February 00:00 in China Standard Time.
    assertThat(WaterQuality.monthlyMean(samples, "S1", "tp", YearMonth.of(2024, 1)))
        .hasValue(new WaterQuality.Mean(0.3, "auto", 10));
    assertThat(WaterQuality.monthlyMean(samples, "S1", "tp", YearMonth.of(2024, 2)))
        .hasValue(new WaterQuality.Mean(0.2, "manual", 1));
    assertThat(WaterQuality.meanOfMonthlyMeans(samples, List.of("S1"), "tp", 2024, 2024).orElseThrow().valueMgL())
        .isCloseTo(0.25, within(1e-12));
  }

  @Test
  void lakeCapacityReproducesTheMethodologyExample() {
    // Lake, V 1e8 m³, Cs 0.05 (TP, lake class III), K 0.005/d, Q 2, C0 0.03 → 10.386 t/a; allocatable 90 %.
    WaterFunctionZone zone = new WaterFunctionZone("Z", "湖", "lake", WaterFunctionZone.WaterBody.LAKE, 3,
        new Envelope(0, 1, 0, 1), 1e8, 5, 10, 0, 0);
    ZoneCapacity c = ZoneCapacity.compute(zone, Pollutant.TP, new Hydrology.DesignFlow("S", 2,
        Hydrology.Source.Q90_MONTHLY_WEIBULL, 24, 2, YearMonth.of(2023, 1), YearMonth.of(2024, 12)),
        new WaterQuality.Mean(0.03, "manual", 1), "test", ZoneCapacity.C0Source.UPSTREAM_SECTION, PARAMS).orElseThrow();
    assertThat(c.capacityTA()).isCloseTo(10.386, within(5e-4));
    assertThat(c.allocatableTA()).isCloseTo(0.9 * c.capacityTA(), within(1e-12));
    assertThat(c.model()).isEqualTo("lake");
    assertThat(c.backgroundBasis()).startsWith("none surveyed: 0");
    // GB 3838-2002 sets no TN limit for rivers.
    WaterFunctionZone river = new WaterFunctionZone("R", "河", "river", WaterFunctionZone.WaterBody.RIVER, 3,
        new Envelope(0, 1, 0, 1), 0, 2, 0, 5, 0.2);
    assertThat(ZoneCapacity.applies(river, Pollutant.TN)).isFalse();
  }

  @Test
  void occupationByCoefficientAndByMeter() {
    ActivityMonth hotel = month("H", 2024, 1, null, null, 100.0, 0.5, null, null, null);
    // TP: 100 beds × 0.5 × 0.3 m³ × 31 d × 4 mg/L × (1 − 0.5) ÷ 10⁶ = 0.00093 t.
    assertThat(Occupation.compute("hotel", List.of(hotel), PARAMS)).filteredOn(r -> r.pollutant() == Pollutant.TP)
        .singleElement().satisfies(r -> {
          assertThat(r.occupationTA()).isCloseTo(0.00093, within(1e-12));
          assertThat(r.method()).isEqualTo("coefficient:hotel");
        });
    // Tea: 150 mu = 10 ha × 0.0009 t/ha/a ÷ 12 = 0.00075 t in the month.
    ActivityMonth tea = month("T", 2024, 1, 150.0, null, null, null, null, null, null);
    assertThat(Occupation.compute("tea_garden", List.of(tea), PARAMS)).filteredOn(r -> r.pollutant() == Pollutant.TP)
        .singleElement().satisfies(r -> assertThat(r.occupationTA()).isCloseTo(0.00075, within(1e-12)));
    // Metered: 10,000 m³ × 0.5 mg/L = 5 kg.
    ActivityMonth metered = month("M", 2024, 1, null, null, null, null, true, 10_000.0, 0.5);
    assertThat(Occupation.compute("textile", List.of(metered, month("M", 2024, 2, null, null, null, null, null, null, null)), PARAMS))
        .singleElement().satisfies(r -> {
          assertThat(r.pollutant()).isEqualTo(Pollutant.TP);
          assertThat(r.method()).isEqualTo("metered");
          assertThat(r.occupationTA()).isCloseTo(0.005, within(1e-12));
        });
  }

  @Test
  void cementEmissionsAndAllocationByTheConfiguredRule() {
    ActivityMonth m = new ActivityMonth("C", YearMonth.of(2024, 1), 120_000.0, null, 1000.0, null, 1_000_000.0, 0.65, 0.02,
        null, null, null, null, null, null, null, null, null, null);
    Emissions.Result r = Emissions.compute("cement", 2024, List.of(m), PARAMS);
    // METHODOLOGY.md 4: process 532,714.3 t; coal 236,027 t; electricity 1000 MWh × 0.5366 (2022, the default year).
    assertThat(r.processTco2()).isCloseTo(532_714.3, within(0.1));
    assertThat(r.combustionTco2()).isCloseTo(236_027, within(1.0));
    assertThat(r.electricityTco2()).isCloseTo(536.6, within(1e-9));
    assertThat(r.gridEfYear()).isEqualTo("2022");
    var allocation = Emissions.allocate("C", 2024, Optional.of(100_000.0), r.directTco2(), PARAMS);
    assertThat(allocation.preAllocatedTco2()).isEqualByComparingTo("70000");
    assertThat(allocation.finalAllocationTco2().doubleValue()).isCloseTo(r.directTco2(), within(1e-6));
  }

  @Test
  void benchmarkPriceReproducesTheMethodologyExample() {
    List<Benchmark.CostItem> items = List.of(
        new Benchmark.CostItem("治理工程", "capital", new BigDecimal("10000000"), 20.0, 0.05),
        new Benchmark.CostItem("运行维护", "operating", new BigDecimal("3000000"), null, null));
    var out = Benchmark.price(items, 1.37, PARAMS).output().orElseThrow();
    assertThat(out.annualizedCostYuan().setScale(2, java.math.RoundingMode.HALF_EVEN)).isEqualByComparingTo("3802425.87");
    assertThat(out.benchmarkPriceYuanPerTA().setScale(2, java.math.RoundingMode.HALF_EVEN)).isEqualByComparingTo("2775493.34");
    assertThat(Benchmark.price(items, 0, PARAMS).output()).isEmpty();
  }

  @Test
  void holdingsLedgerBalancesAndNeverGoesNegative() {
    HoldingsLedger.Right r1 = new HoldingsLedger.Right("R1", "eco_voucher", "E1", "Z", "TP", 2.0, LocalDate.of(2024, 1, 1),
        new Term(LocalDate.of(2024, 1, 1), Optional.empty(), Term.Kind.STOCK), "test");
    HoldingsLedger.Right r2 = new HoldingsLedger.Right("R2", "carbon_quota", "E2", null, "CO2", 100.0, LocalDate.of(2024, 1, 1),
        new Term(LocalDate.of(2024, 1, 1), Optional.of(LocalDate.of(2024, 6, 30)), Term.Kind.STOCK), "test");
    HoldingsLedger.Right award = new HoldingsLedger.Right("AWD-1", "eco_voucher", "E3", "Z", "TP", 3.0, LocalDate.of(2024, 5, 10),
        new Term(LocalDate.of(2024, 5, 10), Optional.empty(), Term.Kind.STOCK), "auction");
    HoldingsLedger ledger = HoldingsLedger.replay(List.of(r1, r2), List.of(award), LocalDate.of(2024, 12, 31));
    ledger.checkIssuedEqualsHeldRetiredExpired();
    assertThat(ledger.issued()).isEqualByComparingTo("105");
    assertThat(ledger.total("holder:")).isEqualByComparingTo("5");
    assertThat(ledger.total(HoldingsLedger.EXPIRED)).isEqualByComparingTo("100");
    assertThat(ledger.movements()).extracting(HoldingsLedger.Movement::movementId)
        .containsExactly("issue:R1", "issue:R2", "award:AWD-1", "expire:R2");
    assertThat(ledger.movements()).allSatisfy(m -> assertThat(m.debitAccount()).isNotEqualTo(m.creditAccount()));
    ledger.retire("R1", LocalDate.of(2024, 12, 31), 1.5, "surrender");
    ledger.checkIssuedEqualsHeldRetiredExpired();
    // The totals a reader sees are per unit (the 105 above adds t/a, tCO2e and kg/a): R1 in t/a, R2 in tCO2e, the
    // award in its auction's kg/a.
    assertThat(ledger.totalsByUnit(r -> r.rightId().equals("R1") ? "t/a" : r.rightId().equals("R2") ? "tCO2e" : "kg/a"))
        .extracting(Object::toString).containsExactly(
            "kg/a: issued 3 = held 3 + retired 0 + expired 0",
            "t/a: issued 2 = held 0.5 + retired 1.5 + expired 0",
            "tCO2e: issued 100 = held 0 + retired 0 + expired 100");
    assertThatThrownBy(() -> ledger.retire("R1", LocalDate.of(2024, 12, 31), 1.0, "again"))
        .hasMessage("Movement retire:R1:2024-12-31 would leave holder:E1 with -0.5 units of R1; holdings never go negative.");
    assertThat(ledger.balances()).allSatisfy(b -> assertThat(b.quantity()).isPositive());
  }

  private static ActivityMonth month(String uscc, int year, int month, Double teaMu, Double livestock, Double beds, Double occupancy,
      Boolean metered, Double dischargeM3, Double tpMgL) {
    return new ActivityMonth(uscc, YearMonth.of(year, month), null, null, null, null, null, null, null, teaMu, beds, occupancy,
        livestock, metered, dischargeM3, null, null, tpMgL, null);
  }
}
