package org.liangshan.core.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.liangshan.core.LiangshanException;

class ParameterRangesTest {
  @Test
  void anAbsoluteRangeIsReadAsFactorsOnTheValue() {
    ParameterRanges.Range range = ParameterRanges.of(set("{\"p\": 4, \"p_range\": [2, 5]}"), "p").orElseThrow();

    assertThat(range.rangeKey()).isEqualTo("p_range");
    assertThat(range.low()).isEqualTo(0.5);
    assertThat(range.high()).isEqualTo(1.25);
    assertThat(range.factorAt(0.5)).isCloseTo(0.875, within(1e-15));
  }

  @Test
  void aRelativeRangeIsTheFactorsThemselves() {
    ParameterRanges.Range range =
        ParameterRanges.of(set("{\"t\": {\"a\": 1, \"b\": 2}, \"t_range_factor\": [0.7, 1.3]}"), "t").orElseThrow();

    assertThat(range.low()).isEqualTo(0.7);
    assertThat(range.high()).isEqualTo(1.3);
  }

  @Test
  void noRangeIsEmpty() {
    assertThat(ParameterRanges.of(set("{\"p\": 4}"), "p")).isEmpty();
  }

  @Test
  void refusesAValueOutsideItsRange() {
    assertThatThrownBy(() -> ParameterRanges.of(set("{\"p\": 6, \"p_range\": [2, 5]}"), "p"))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("Parameter set t: p = 6.0 lies outside its range p_range [2.0, 5.0]; correct the value or widen"
            + " the range (with its source).");
  }

  @Test
  void refusesAMalformedRangeAndBothForms() {
    assertThatThrownBy(() -> ParameterRanges.of(set("{\"p\": 4, \"p_range\": [5, 2]}"), "p"))
        .hasMessage("Parameter set t: p_range is [5.0, 2.0], its low end above its high end.");
    assertThatThrownBy(() -> ParameterRanges.of(set("{\"p\": 4, \"p_range\": [2]}"), "p"))
        .hasMessage("Parameter set t: p_range must be [lo, hi], two numbers; got [2].");
    assertThatThrownBy(() -> ParameterRanges.of(set("{\"t\": {}, \"t_range_factor\": [1.1, 1.3]}"), "t"))
        .hasMessage("Parameter set t: t_range_factor [1.1, 1.3] must hold factors with 0 < lo <= 1 <= hi.");
    assertThatThrownBy(() -> ParameterRanges.of(set("{\"p\": 4, \"p_range\": [2, 5], \"p_range_factor\": [1, 1]}"), "p"))
        .hasMessage("Parameter set t declares both p_range and p_range_factor; keep one.");
  }

  @Test
  void everyRangeOfTheDefaultsHasItsOwnSourceAndContainsItsValue() {
    ParameterSet defaults = ParameterSet.withContributions(ParameterSet.defaults());
    int ranges = 0;
    for (Provenance.Entry entry : ParameterSet.provenance()) {
      if (ParameterRanges.isRange(entry.key())) {
        ranges++;
        String key = entry.key().endsWith(ParameterRanges.RANGE_FACTOR)
            ? entry.key().substring(0, entry.key().length() - ParameterRanges.RANGE_FACTOR.length())
            : entry.key().substring(0, entry.key().length() - ParameterRanges.RANGE.length());
        assertThat(ParameterRanges.of(defaults, key)).as(entry.key()).isPresent();
        assertThat(defaults.has(entry.key() + "_source")).as(entry.key() + " has its own source").isTrue();
      }
    }
    assertThat(ranges).isEqualTo(15);
  }

  @Test
  void theIllustrativeParametersAreAskedByKeyOrBlockLeavingRangesOut() {
    IllustrativeParameters illustrative = IllustrativeParameters.of(ParameterSet.provenance());

    assertThat(illustrative.test("gep.soil")).isTrue();
    assertThat(illustrative.test("gep.climate.latent_heat_kj_per_kg")).isFalse();
    assertThat(illustrative.test("gep.climate")).isTrue();
    assertThat(illustrative.keys()).noneMatch(ParameterRanges::isRange);
  }

  private static ParameterSet set(String json) {
    return ParameterSet.parse("{\"version\": \"t\", " + json.substring(1));
  }
}
