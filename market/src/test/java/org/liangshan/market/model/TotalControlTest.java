package org.liangshan.market.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.unit.Unit;
import org.liangshan.core.unit.UnitPrice;

/** Total control before an auction clears, the zone balance and the benchmark over the tradable surplus. */
class TotalControlTest {
  private static final ParameterSet PARAMS = MarketParameters.complete(ParameterSet.defaults());

  private static TotalControl.Room room(double allocatable, double occupied, double live) {
    return new TotalControl.Room("LY-WFZ-01", "TP", 2023, allocatable, occupied, live);
  }

  @Test
  void theIssuesCaseNoLongerOversells() {
    // Issue 15: Liyang LY-WFZ-01 TP 2023 sold 235 kg/a when allocatable − occupied was 76 kg/a. The allocatable
    // and occupied figures are illustrative; their difference, 0.076 t/a, is the issue's.
    TotalControl control = new TotalControl(2023, List.of(room(1.0, 0.924, 0)));
    TotalControl.SupplyCheck check = control.check("A-2023-TP", "LY-WFZ-01", "TP", "kg/a", 235);
    assertThat(check.status()).isEqualTo(TotalControl.Status.SUPPLY_CUT);
    // 1.0 − 0.924 is 0.07599999999999996 in binary: still 76 whole kg/a, not 75.
    assertThat(check.supplyAllowed()).isEqualTo(76);
    assertThat(check.reason()).isEqualTo("supply 235 kg/a cut to 76: allocatable 1.000000 − occupied 0.924000"
        + " − live rights 0.000000 − sold earlier this year 0.000000 = room 0.076000 t/a (76 kg/a)");
    control.sold(check, 76);
    control.verify(Map.of("LY-WFZ-01|TP", 0.076));

    // A second auction of the zone that year finds no room left.
    TotalControl.SupplyCheck second = control.check("A-2023-TP-2", "LY-WFZ-01", "TP", "kg/a", 10);
    assertThat(second.status()).isEqualTo(TotalControl.Status.REFUSED);
    assertThat(second.supplyAllowed()).isZero();
    assertThat(second.soldEarlierTA()).isCloseTo(0.076, within(1e-12));
  }

  @Test
  void anOverloadedZoneSellsNothing() {
    // Issue 15: in 2024 the same zone's remaining was −0.089 t/a and an auction still sold 139 kg/a.
    TotalControl control = new TotalControl(2023, List.of(room(1.0, 1.089, 0)));
    TotalControl.SupplyCheck check = control.check("A", "LY-WFZ-01", "TP", "kg/a", 139);
    assertThat(check.status()).isEqualTo(TotalControl.Status.REFUSED);
    assertThat(check.roomLeftTA()).hasValueSatisfying(r -> assertThat(r).isCloseTo(-0.089, within(1e-12)));
    assertThat(check.reason()).startsWith("no whole lot of room for supply 139 kg/a: allocatable 1.000000");
  }

  @Test
  void liveRightsAndEarlierSalesTakeRoomAndUnitsConvertOnce() {
    // allocatable 3 t/a − occupied 0.5 − live rights 2 = 0.5 t/a: 500 kg/a, or 0 whole t/a.
    TotalControl control = new TotalControl(2023, List.of(room(3, 0.5, 2)));
    assertThat(control.check("T", "LY-WFZ-01", "TP", "t/a", 1).status()).isEqualTo(TotalControl.Status.REFUSED);
    TotalControl.SupplyCheck first = control.check("K1", "LY-WFZ-01", "TP", "kg/a", 300);
    assertThat(first.status()).isEqualTo(TotalControl.Status.WITHIN_ROOM);
    control.sold(first, 300);
    TotalControl.SupplyCheck second = control.check("K2", "LY-WFZ-01", "TP", "千克/年", 300);
    assertThat(second.supplyAllowed()).isEqualTo(200);
    assertThat(control.check("X", "LY-WFZ-01", "TP", "m3", 1).reason())
        .isEqualTo("unit 'm3' is not a load a year (t/a or kg/a): the supply cannot be checked against capacity");
    // A bare 千克 is a stock of kilograms, not a load a year: never read as kg/a.
    assertThat(control.check("S", "LY-WFZ-01", "TP", "千克", 1).reason())
        .isEqualTo("unit '千克' (kg) is not a load a year (t/a or kg/a): the supply cannot be checked against capacity");
    assertThat(control.check("Y", "LY-WFZ-09", "TP", "kg/a", 1).reason())
        .isEqualTo("no capacity computed for zone LY-WFZ-09 and TP in 2023: the supply cannot be checked against capacity");
    assertThatThrownBy(() -> control.sold(second, 201))
        .hasMessage("Auction K2 sold 201 of the 200 total control allowed");
  }

  @Test
  void theInvariantFailsTheRunNamingZonePollutantYearAndFigures() {
    TotalControl control = new TotalControl(2023, List.of(room(1.0, 0.924, 0)));
    TotalControl.SupplyCheck check = control.check("A", "LY-WFZ-01", "TP", "kg/a", 235);
    control.sold(check, 76);
    // As if 235 kg/a had been awarded after all.
    assertThatThrownBy(() -> control.verify(Map.of("LY-WFZ-01|TP", 0.235)))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("Total control broken: auctions sold beyond the capacity of LY-WFZ-01 TP 2023: live rights 0.235000"
            + " + occupied 0.924000 = 1.159000 t/a > allocatable 1.000000 t/a (auctions sold 0.076000 t/a). Nothing was"
            + " published; check the rights issued and the auction supplies of these zones.");
  }

  @Test
  void balanceSplitsIntoSurplusOrOverload() {
    ZoneCapacity.Balance surplus = ZoneCapacity.balance(3.0, 1.63);
    assertThat(surplus.status()).isEqualTo(ZoneCapacity.Status.SURPLUS);
    assertThat(surplus.tradableSurplusTA()).isCloseTo(1.37, within(1e-12));
    assertThat(surplus.overloadTA()).isZero();
    // Tianmu Lake source-protection zone, TN 2023 (issue 15): allocatable −23.5 t/a is an overload, not a
    // negative occupancy.
    ZoneCapacity.Balance overloaded = ZoneCapacity.balance(-23.5, 6.5);
    assertThat(overloaded.status()).isEqualTo(ZoneCapacity.Status.OVERLOADED);
    assertThat(overloaded.overloadTA()).isEqualTo(30.0);
    assertThat(overloaded.tradableSurplusTA()).isZero();
    assertThat(ZoneCapacity.balance(2.0, 2.0).status()).isEqualTo(ZoneCapacity.Status.NO_SURPLUS);
  }

  @Test
  void tianmuLakeBenchmarkIsTheAnnualCostOverTheTradableSurplus() {
    // Su Weizhong et al. 2022 (自然资源学报 37(8), the Tianmu Lake basin): tradable 1.37 t, benchmark 1,186.71 万元
    // per t a year. Its cost items are not in the abstract: the annual cost is the one the two figures imply,
    // 1.37 × 11,867,100 = 16,257,927 yuan; allocatable 3.00 and occupied 1.63 t/a are illustrative.
    List<Benchmark.CostItem> items = List.of(
        new Benchmark.CostItem("保护与治理（年化）", "operating", new BigDecimal("16257927"), null, null));
    ZoneCapacity.Balance balance = ZoneCapacity.balance(3.0, 1.63);
    var out = Benchmark.price(items, balance, PARAMS).output().orElseThrow();
    assertThat(out.benchmarkPriceYuanPerTA().doubleValue()).isCloseTo(11_867_100, within(1e-3));
    // Over the allocatable capacity, as before, it would have been 5,419,309 yuan: 2.19 times too low.
    var overAllocatable = Benchmark.price(items, 3.0, PARAMS).output().orElseThrow();
    assertThat(overAllocatable.benchmarkPriceYuanPerTA().doubleValue()).isCloseTo(5_419_309, within(1.0));
    Benchmark.Priced none = Benchmark.price(items, ZoneCapacity.balance(-23.5, 6.5), PARAMS);
    assertThat(none.output()).isEmpty();
    assertThat(none.note()).isEqualTo("overloaded: allocatable -23.500000 − occupied 6.500000 t/a leaves no tradable"
        + " surplus (overload 30.000000 t/a): no benchmark price");
  }

  @Test
  void lotsConvertThroughOneUnit() {
    assertThat(AuctionBook.reservePerLot(UnitPrice.of(new BigDecimal("11867100"), Unit.TONNES_PER_YEAR),
        Optional.of(Unit.KILOGRAMS_PER_YEAR))).contains(UnitPrice.of(new BigDecimal("11867.100"), Unit.KILOGRAMS_PER_YEAR));
    assertThat(AuctionBook.reservePerLot(UnitPrice.of(BigDecimal.TEN, Unit.TONNES_PER_YEAR), Optional.of(Unit.TONNES)))
        .isEmpty();
    assertThat(TotalControl.wholeLotsIn(1.9999999999, Unit.TONNES_PER_YEAR)).isEqualTo(2);
    assertThat(TotalControl.wholeLotsIn(0.076, Unit.KILOGRAMS_PER_YEAR)).isEqualTo(76);
    assertThat(TotalControl.wholeLotsIn(-1, Unit.TONNES_PER_YEAR)).isZero();
    assertThatThrownBy(() -> TotalControl.wholeLotsIn(1, Unit.TONNES_CO2E))
        .hasMessage("A lot of tCO2e is not a load a year (t/a or kg/a)");
  }
}
