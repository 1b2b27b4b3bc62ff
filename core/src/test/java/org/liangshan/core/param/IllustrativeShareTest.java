package org.liangshan.core.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class IllustrativeShareTest {
  @Test
  void aProductRestsOnEveryFactor() {
    assertThat(IllustrativeShare.ofProduct(List.of())).isZero();
    assertThat(IllustrativeShare.ofProduct(List.of(0.0, 0.0))).isZero();
    // proportional to one illustrative parameter: the whole of it
    assertThat(IllustrativeShare.ofProduct(List.of(0.0, 1.0, 0.0))).isEqualTo(1.0);
    // a published rate times a figure 40 % of which rests on illustrative parameters: 40 %
    assertThat(IllustrativeShare.ofProduct(List.of(0.0, 0.4))).isCloseTo(0.4, within(1e-12));
    // two such figures: the part free of both is 0.6 x 0.5 = 0.3, so 0.7 rests on one or the other
    assertThat(IllustrativeShare.ofProduct(List.of(0.4, 0.5))).isCloseTo(0.7, within(1e-12));
  }

  @Test
  void aSumIsWeightedByTheMagnitudeOfItsParts() {
    // 300 resting on a published rate, 100 on an illustrative one: a quarter
    assertThat(IllustrativeShare.ofSum(List.of(new IllustrativeShare.Part(300, 0), new IllustrativeShare.Part(100, 1))))
        .isCloseTo(0.25, within(1e-12));
    // a net amount: parts of opposite signs weigh by magnitude
    assertThat(IllustrativeShare.ofSum(List.of(new IllustrativeShare.Part(-300, 0), new IllustrativeShare.Part(100, 1))))
        .isCloseTo(0.25, within(1e-12));
    // parts partly illustrative themselves
    assertThat(IllustrativeShare.ofSum(List.of(new IllustrativeShare.Part(50, 0.2), new IllustrativeShare.Part(150, 0.6))))
        .isCloseTo((50 * 0.2 + 150 * 0.6) / 200, within(1e-12));
    assertThat(IllustrativeShare.ofSum(List.of())).isZero();
    assertThat(IllustrativeShare.ofSum(List.of(new IllustrativeShare.Part(0, 0), new IllustrativeShare.Part(0, 1))))
        .isEqualTo(1.0);
  }

  @Test
  void sharesOutsideZeroToOneAreRefused() {
    assertThatThrownBy(() -> new IllustrativeShare.Part(1, 1.5))
        .hasMessage("Invalid illustrative share (must be in 0..1): 1.5");
    assertThatThrownBy(() -> IllustrativeShare.ofProduct(List.of(Double.NaN)))
        .hasMessage("Invalid illustrative share (must be in 0..1): NaN");
    assertThatThrownBy(() -> new IllustrativeShare.Part(Double.POSITIVE_INFINITY, 0))
        .hasMessage("Invalid part value (must be finite): Infinity");
  }
}
