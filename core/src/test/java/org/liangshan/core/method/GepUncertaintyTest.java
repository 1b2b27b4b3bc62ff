package org.liangshan.core.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liangshan.core.method.GepUncertainty.Interval;
import org.liangshan.core.method.GepUncertainty.Item;
import org.liangshan.core.method.GepUncertainty.Scaling;
import org.liangshan.core.method.GepUncertainty.Settings;
import org.liangshan.core.method.GepUncertainty.Term;
import org.liangshan.core.param.ParameterRanges.Range;

class GepUncertaintyTest {
  private static final Settings SETTINGS = new Settings(1000, 20250101L);

  @Test
  void oneLinearParameterGivesThePercentilesOfAUniformDraw() {
    // value = 100 x (price / price at the point), price uniform on [0.5, 1.5] x the point: the value is uniform on
    // [50, 150], whose 5th, 50th and 95th percentiles are 55, 100 and 145. With 10,000 draws the standard error of
    // a sample 5th percentile is sqrt(0.05 x 0.95 / 10,000) x 100 = 0.22; the tolerance is 1.0 (4.5 errors).
    Item item = item("d1", "water_conservation", new Term(100, List.of(Scaling.of("price")), List.of("price")));
    Interval interval = only(GepUncertainty.intervals(List.of(item), Map.of("price", range("price", 0.5, 1.5)),
        new Settings(10_000, 7L)));

    assertThat(interval.point()).isEqualTo(100);
    assertThat(interval.p05()).isCloseTo(55, within(1.0));
    assertThat(interval.p50()).isCloseTo(100, within(1.0));
    assertThat(interval.p95()).isCloseTo(145, within(1.0));
  }

  @Test
  void anInverseParameterDividesTheValue() {
    // value = 300 / f with f uniform on [0.8, 1.2]: the 5th percentile of the value is 300 over the 95th of f,
    // 300 / 1.18 = 254.2, and its 95th is 300 / 0.82 = 365.9. Standard error with 10,000 draws: 0.0009 on f,
    // about 0.4 on the value; tolerance 2.0.
    Item item = item("d1", "climate_regulation", new Term(300, List.of(Scaling.inverse("r")), List.of()));
    Interval interval = only(GepUncertainty.intervals(List.of(item), Map.of("r", range("r", 0.8, 1.2)),
        new Settings(10_000, 7L)));

    assertThat(interval.p05()).isCloseTo(300 / 1.18, within(2.0));
    assertThat(interval.p95()).isCloseTo(300 / 0.82, within(2.0));
  }

  @Test
  void theIntervalContainsThePointEstimate() {
    List<Interval> intervals = GepUncertainty.intervals(
        List.of(
            item("d1", "carbon_fixation",
                new Term(800, List.of(Scaling.of("eps"), Scaling.of("price")), List.of()),
                new Term(-300, List.of(Scaling.of("price")), List.of())),
            item("d1", "climate_regulation", new Term(500, List.of(Scaling.inverse("r"), Scaling.of("kwh_price")), List.of())),
            item("d2", "soil_retention", new Term(50, List.of(Scaling.of("k")), List.of()))),
        Map.of("eps", range("eps", 0.8, 1.2), "price", range("price", 0.7, 1.01), "r", range("r", 0.97, 1.2),
            "kwh_price", range("kwh_price", 0.8, 1.2), "k", range("k", 0.7, 1.3)),
        SETTINGS);

    assertThat(intervals).extracting(i -> i.districtCode() + "/" + i.service())
        .containsExactly("d1/carbon_fixation", "d1/climate_regulation", "d2/soil_retention", "d1/gep", "d2/gep",
            "all/carbon_fixation", "all/climate_regulation", "all/soil_retention", "all/gep");
    for (Interval interval : intervals) {
      assertThat(interval.point()).as(interval.districtCode() + " " + interval.service())
          .isBetween(interval.p05(), interval.p95());
      assertThat(interval.p05()).isLessThan(interval.p50());
      assertThat(interval.p50()).isLessThan(interval.p95());
    }
    assertThat(intervals.get(3).point()).isEqualTo(1000);
    assertThat(intervals.get(4).point()).isEqualTo(50);
    assertThat(intervals.get(8).point()).isEqualTo(1050);
    // the region's interval is that of the sum: narrower than the sum of the districts' ends (d2 moves on its own)
    assertThat(intervals.get(8).p95()).isLessThan(intervals.get(3).p95() + intervals.get(4).p95());
  }

  @Test
  void zeroWidthRangesGiveThePointItself() {
    List<Interval> intervals = GepUncertainty.intervals(
        List.of(item("d1", "flood_regulation", new Term(123.456, List.of(Scaling.of("cost"), Scaling.inverse("depth")),
            List.of()), new Term(7, List.of(), List.of()))),
        Map.of("cost", range("cost", 1, 1), "depth", range("depth", 1, 1)),
        SETTINGS);

    for (Interval interval : intervals) {
      assertThat(interval.p05()).isEqualTo(interval.point());
      assertThat(interval.p50()).isEqualTo(interval.point());
      assertThat(interval.p95()).isEqualTo(interval.point());
    }
  }

  @Test
  void aParameterWithoutARangeIsHeldAtItsValue() {
    Interval interval = only(GepUncertainty.intervals(
        List.of(item("d1", "water_conservation", new Term(10, List.of(Scaling.of("undeclared")), List.of()))),
        Map.of(), SETTINGS));

    assertThat(interval.p05()).isEqualTo(10);
    assertThat(interval.p95()).isEqualTo(10);
  }

  @Test
  void theSameSeedGivesTheSameIntervalsAndAnotherSeedOthers() {
    List<Item> items = List.of(item("d1", "air_purification", new Term(40, List.of(Scaling.of("a")), List.of())));
    Map<String, Range> ranges = Map.of("a", range("a", 0.5, 2));

    assertThat(GepUncertainty.intervals(items, ranges, SETTINGS))
        .isEqualTo(GepUncertainty.intervals(items, ranges, SETTINGS))
        .isNotEqualTo(GepUncertainty.intervals(items, ranges, new Settings(1000, 1L)));
  }

  @Test
  void sharedParametersMoveEveryDistrictTogether() {
    // Two districts priced at the same carbon price: in every draw both move by the same factor, so the district
    // sums' interval is the sum of the intervals (perfect correlation), not narrower.
    List<Interval> intervals = GepUncertainty.intervals(
        List.of(item("d1", "carbon_fixation", new Term(100, List.of(Scaling.of("price")), List.of())),
            item("d2", "carbon_fixation", new Term(300, List.of(Scaling.of("price")), List.of()))),
        Map.of("price", range("price", 0.5, 1.5)), SETTINGS);

    assertThat(intervals.get(1).p95() / intervals.get(0).p95()).isCloseTo(3, within(1e-12));
    // and the region's carbon fixation interval is the sum of the districts'
    Interval region = intervals.stream()
        .filter(i -> i.districtCode().equals(GepUncertainty.ALL_DISTRICTS) && i.service().equals("carbon_fixation"))
        .findFirst().orElseThrow();
    assertThat(region.p95()).isCloseTo(intervals.get(0).p95() + intervals.get(1).p95(), within(1e-9));
  }

  @Test
  void theIllustrativeShareWeighsTermsByTheirValue() {
    Item material = item("d1", "material_products",
        new Term(300, List.of(), List.of()),
        new Term(100, List.of(Scaling.of("gep.water_supply_yuan_per_m3")), List.of("gep.water_supply_yuan_per_m3")));

    assertThat(GepUncertainty.illustrativeShare(material, key -> key.startsWith("gep."))).isEqualTo(0.25);
    assertThat(GepUncertainty.illustrativeShare(material, key -> false)).isZero();
    assertThat(GepUncertainty.illustrativeShare(item("d1", "x", new Term(0, List.of(), List.of("p"))), key -> true))
        .isEqualTo(1);
  }

  @Test
  void refusesTooFewDrawsAndABadExponent() {
    assertThatThrownBy(() -> new Settings(1, 1L)).hasMessage("Invalid number of draws (at least 2): 1");
    assertThatThrownBy(() -> new Scaling("k", 2)).hasMessage("Invalid exponent of k (1 or -1): 2");
  }

  private static Range range(String key, double low, double high) {
    return new Range(key, key + "_range_factor", low, high);
  }

  private static Item item(String district, String service, Term... terms) {
    return new Item(district, district, service, "yuan", List.of(terms), true);
  }

  private static Interval only(List<Interval> intervals) {
    return intervals.get(0);
  }
}
