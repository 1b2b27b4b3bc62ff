package org.liangshan.core.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.liangshan.core.method.Printed.assertBadField;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The haircut of an instrument's daily prices (Basel II paras. 156-158: 99 % one-tailed volatility over the
 * base holding period, scaled by √(horizon / T_M) when the pledge takes longer to sell).
 */
class CollateralHaircutTest {
  private static final CollateralHaircut.Terms TERMS =
      new CollateralHaircut.Terms(10, 0.99, 10, new BigDecimal("0.6"), 250, 0.2);

  /** Twelve closes alternating 100, 104: 11 returns of ±ln(1.04). */
  private static final List<Double> ALTERNATING = alternating(12);

  private static List<Double> alternating(int days) {
    List<Double> prices = new ArrayList<>();
    for (int i = 0; i < days; i++) {
      prices.add(i % 2 == 0 ? 100.0 : 104.0);
    }
    return prices;
  }

  private static CollateralHaircut.Output haircut(List<Double> prices, OptionalDouble adv, double pledged, String configured) {
    return CollateralHaircut.compute(new CollateralHaircut.Input(prices, adv, pledged, new BigDecimal(configured), TERMS));
  }

  @Test
  void workedExampleVolatilityAndLiquidityAddOn() {
    // sample sd of the 11 returns 0.0409647 (annual x sqrt(250): 0.647709); H_vol = 0.0409647 x 2.326348 x sqrt(10)
    // = 0.301359. ADV 50 x participation 0.2 = 10 a day; 250 pledged: D = 25 days, N = 25:
    // H_liq = 0.3013592 x sqrt(25/10) = 0.476491; add-on 0.476491 - 0.301359 = 0.175132.
    CollateralHaircut.Output r = haircut(ALTERNATING, OptionalDouble.of(50), 250, "0.1");
    assertThat(r.method()).isEqualTo(CollateralHaircut.VOLATILITY);
    assertThat(r.returns()).isEqualTo(11);
    assertThat(r.sigmaDaily().getAsDouble()).isCloseTo(0.0409647, within(5e-8));
    assertThat(r.sigmaAnnual().getAsDouble()).isCloseTo(0.647709, within(5e-7));
    assertThat(r.volatilityHaircut().orElseThrow()).isEqualByComparingTo("0.301359");
    assertThat(r.daysToSell().getAsLong()).isEqualTo(25);
    assertThat(r.liquidityHorizonDays()).isEqualTo(25);
    assertThat(r.haircut()).isEqualByComparingTo("0.476491");
    assertThat(r.liquidityAddon()).isEqualByComparingTo("0.175132");
    assertThat(r.basis()).isEqualTo(CollateralHaircut.Basis.MEASURED);
  }

  @Test
  void aPledgeSoldWithinTheBaseHoldingPeriodHasNoAddOn() {
    // 100 pledged at 10 a day: 10 days = T_M.
    CollateralHaircut.Output r = haircut(ALTERNATING, OptionalDouble.of(50), 100, "0.1");
    assertThat(r.liquidityHorizonDays()).isEqualTo(10);
    assertThat(r.liquidityAddon()).isEqualByComparingTo("0");
    assertThat(r.haircut()).isEqualByComparingTo("0.301359");
    // Without volumes the add-on is not measured (calc without volumes).
    assertThat(haircut(ALTERNATING, OptionalDouble.empty(), 1e9, "0.1").haircut()).isEqualByComparingTo("0.301359");
  }

  @Test
  void floorAndCap() {
    assertThat(haircut(ALTERNATING, OptionalDouble.of(50), 100, "0.35").basis()).isEqualTo(CollateralHaircut.Basis.FLOOR);
    assertThat(haircut(ALTERNATING, OptionalDouble.of(50), 100, "0.35").haircut()).isEqualByComparingTo("0.35");
    // 1,000 pledged: 100 days, x sqrt(10) = 0.952994 > cap 0.6.
    CollateralHaircut.Output capped = haircut(ALTERNATING, OptionalDouble.of(50), 1000, "0.1");
    assertThat(capped.haircut()).isEqualByComparingTo("0.6");
    assertThat(capped.basis()).isEqualTo(CollateralHaircut.Basis.CAP);
  }

  @Test
  void aThinOrSilentMarketGetsTheCap() {
    CollateralHaircut.Output thin = haircut(alternating(10), OptionalDouble.of(50), 1, "0.1");
    assertThat(thin.method()).isEqualTo(CollateralHaircut.THIN_MARKET);
    assertThat(thin.returns()).isEqualTo(9);
    assertThat(thin.haircut()).isEqualByComparingTo("0.6");
    assertThat(thin.sigmaAnnual()).isEmpty();
    assertThat(haircut(List.of(), OptionalDouble.empty(), 1, "0.1").haircut()).isEqualByComparingTo("0.6");
    assertThat(haircut(ALTERNATING, OptionalDouble.of(0), 1, "0.1").method()).isEqualTo(CollateralHaircut.THIN_MARKET);
    // A configured haircut above the cap stays the floor.
    assertThat(haircut(List.of(), OptionalDouble.empty(), 1, "0.7").haircut()).isEqualByComparingTo("0.7");
  }

  @Test
  void aThinMarketNeverGetsLessThanALiquidOneOfTheSameType() {
    // Random walks of 2 to 60 closes with daily volatility up to 20 %, any volume and pledge: every measured
    // haircut is at most the thin-market haircut of the same configured floor.
    SplittableRandom random = new SplittableRandom(15);
    for (String configured : List.of("0.1", "0.15", "0.2")) {
      BigDecimal thin = CollateralHaircut.thinMarketHaircut(new BigDecimal(configured), TERMS);
      for (int i = 0; i < 500; i++) {
        int days = 2 + random.nextInt(59);
        double vol = random.nextDouble() * 0.2;
        List<Double> prices = new ArrayList<>();
        double p = 100;
        for (int d = 0; d < days; d++) {
          prices.add(p);
          p *= Math.exp(vol * random.nextGaussian());
        }
        CollateralHaircut.Output r = haircut(prices, OptionalDouble.of(random.nextDouble() * 1000), random.nextDouble() * 1e5,
            configured);
        assertThat(r.haircut()).isLessThanOrEqualTo(thin);
      }
    }
  }

  @Test
  void badInputNamesTheField() {
    assertBadField(() -> haircut(List.of(100.0, -1.0), OptionalDouble.empty(), 1, "0.1"), "prices[1]",
        "must be a positive price, got -1.0");
    assertBadField(() -> haircut(ALTERNATING, OptionalDouble.empty(), -1, "0.1"), "pledged_quantity",
        "must be a non-negative number, got -1.0");
  }
}
