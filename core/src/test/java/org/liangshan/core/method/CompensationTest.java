package org.liangshan.core.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liangshan.core.method.Printed.assertBadField;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.liangshan.core.param.ParameterSet;

class CompensationTest {
  private static final ParameterSet PARAMS = ParameterSet.defaults();

  private static Map<String, BigDecimal> factors(String codmn, String nh3n, String tn, String tp) {
    return Map.of(
        "codmn",
        new BigDecimal(codmn),
        "nh3n",
        new BigDecimal(nh3n),
        "tn",
        new BigDecimal(tn),
        "tp",
        new BigDecimal(tp));
  }

  @Test
  void pIndexWorkedExample() {
    // Ratios 1.0, 1.1, 0.9, 1.2: P = 0.85 × 0.25 × 4.2 = 0.8925 ≤ 1, downstream pays.
    XinanPIndex.Output r =
        XinanPIndex.compute(
            new XinanPIndex.Input(
                factors("4.0", "0.55", "0.9", "0.06"),
                factors("4.0", "0.5", "1.0", "0.05"),
                PARAMS.decimal("compensation.xinan.k0"),
                XinanPIndex.defaultWeights(PARAMS)));
    assertThat(r.p()).isEqualByComparingTo("0.8925");
    assertThat(r.payer()).isEqualTo(Party.DOWNSTREAM);
    assertThat(r.payee()).isEqualTo(Party.UPSTREAM);
  }

  @Test
  void pIndexAboveOneMakesUpstreamPay() {
    // All ratios 1.2: P = 0.85 × 1.2 = 1.02.
    XinanPIndex.Output r =
        XinanPIndex.compute(
            new XinanPIndex.Input(
                factors("1.2", "1.2", "1.2", "1.2"),
                factors("1", "1", "1", "1"),
                new BigDecimal("0.85"),
                XinanPIndex.defaultWeights(PARAMS)));
    assertThat(r.p()).isEqualByComparingTo("1.02");
    assertThat(r.payer()).isEqualTo(Party.UPSTREAM);
  }

  @Test
  void pIndexBadInput() {
    Map<String, BigDecimal> weights = XinanPIndex.defaultWeights(PARAMS);
    assertBadField(
        () ->
            new XinanPIndex.Input(
                factors("1", "1", "1", "1"),
                factors("1", "1", "1", "0"),
                new BigDecimal("0.85"),
                weights),
        "baselines.tp",
        "must be > 0, got 0");
    assertBadField(
        () ->
            new XinanPIndex.Input(
                factors("1", "1", "1", "-1"),
                factors("1", "1", "1", "1"),
                new BigDecimal("0.85"),
                weights),
        "concentrations.tp",
        "must be >= 0, got -1");
    assertBadField(
        () ->
            new XinanPIndex.Input(
                Map.of("codmn", BigDecimal.ONE),
                factors("1", "1", "1", "1"),
                new BigDecimal("0.85"),
                weights),
        "concentrations.nh3n",
        "required");
    assertBadField(
        () ->
            new XinanPIndex.Input(
                factors("1", "1", "1", "1"),
                factors("1", "1", "1", "1"),
                new BigDecimal("0.85"),
                Map.of("codmn", new BigDecimal("0.5"), "tp", new BigDecimal("0.4"))),
        "weights",
        "must sum to 1, got 0.9");
  }

  @Test
  void sectionCompensationWorkedExample() {
    // TP 0.05 mg/L × 10⁷ m³ = 0.5 t × 10⁵ = 50,000; NH₃-N 2 t × 10⁵ = 200,000; CODMn 5 t × 1.5×10⁴
    // = 75,000.
    SectionCompensation.Output r =
        SectionCompensation.compute(
            new SectionCompensation.Input(
                new BigDecimal("1E7"),
                List.of(
                    new SectionCompensation.Factor(
                        "tp", new BigDecimal("0.25"), new BigDecimal("0.2"), new BigDecimal("1E5")),
                    new SectionCompensation.Factor(
                        "nh3n",
                        new BigDecimal("1.2"),
                        new BigDecimal("1.0"),
                        new BigDecimal("1E5")),
                    new SectionCompensation.Factor(
                        "codmn",
                        new BigDecimal("6.5"),
                        new BigDecimal("6.0"),
                        new BigDecimal("1.5E4")))));
    assertThat(r.amountsYuan().get("tp")).isEqualByComparingTo("50000");
    assertThat(r.amountsYuan().get("nh3n")).isEqualByComparingTo("200000");
    assertThat(r.amountsYuan().get("codmn")).isEqualByComparingTo("75000");
    assertThat(r.netYuan()).isEqualByComparingTo("325000");
    assertThat(r.payer()).isEqualTo(Party.UPSTREAM);
    assertThat(r.payee()).isEqualTo(Party.DOWNSTREAM);
  }

  @Test
  void sectionCompensationIsTwoWay() {
    SectionCompensation.Output r =
        SectionCompensation.compute(
            new SectionCompensation.Input(
                new BigDecimal("1E7"),
                List.of(
                    new SectionCompensation.Factor(
                        "tp",
                        new BigDecimal("0.15"),
                        new BigDecimal("0.2"),
                        new BigDecimal("1E5")))));
    assertThat(r.netYuan()).isEqualByComparingTo("-50000");
    assertThat(r.payer()).isEqualTo(Party.DOWNSTREAM);
  }

  @Test
  void verticalSplitByGepAndGrowth() {
    // Fund 1,000,000; α = β = 0.5. GEP 600/300/100 (sum 1000); growth 30/−10/10 → positive parts
    // 30/0/10 (sum 40).
    // A: 0.5·0.6 + 0.5·0.75 = 0.675 → 675,000; B: 0.5·0.3 + 0 = 0.15 → 150,000; C: 0.5·0.1 +
    // 0.5·0.25 = 0.175.
    VerticalCompensation.Output r =
        VerticalCompensation.compute(
            VerticalCompensation.Input.of(
                new BigDecimal("1000000"),
                List.of(
                    district("A", "600", "30"),
                    district("B", "300", "-10"),
                    district("C", "100", "10")),
                PARAMS));
    assertThat(r.transfers())
        .extracting(VerticalCompensation.Transfer::amountYuan)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(
            new BigDecimal("675000"), new BigDecimal("150000"), new BigDecimal("175000"));
  }

  @Test
  void verticalRemainderGoesToTheLargestRemainders() {
    // 100.00 yuan in thirds by equal GEP, no growth: 33.33 each and one fen left; equal remainders
    // → lowest id.
    VerticalCompensation.Output r =
        VerticalCompensation.compute(
            new VerticalCompensation.Input(
                new BigDecimal("100.00"),
                new BigDecimal("0.5"),
                new BigDecimal("0.5"),
                List.of(district("Z", "1", "0"), district("M", "1", "0"), district("A", "1", "0")),
                2));
    assertThat(r.transfers())
        .extracting(VerticalCompensation.Transfer::amountYuan)
        .containsExactly(new BigDecimal("33.33"), new BigDecimal("33.33"), new BigDecimal("33.34"));
    assertThat(r.total()).isEqualByComparingTo("100.00");
  }

  @Test
  void verticalPartsAlwaysSumToTheFund() {
    SplittableRandom random = new SplittableRandom(42);
    for (int round = 0; round < 200; round++) {
      int n = 1 + random.nextInt(16);
      List<VerticalCompensation.District> districts = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        districts.add(
            new VerticalCompensation.District(
                "D" + i,
                BigDecimal.valueOf(random.nextLong(1, 10_000_000_000L), 2),
                BigDecimal.valueOf(random.nextLong(-500_000_000L, 500_000_000L), 2)));
      }
      BigDecimal fund = BigDecimal.valueOf(random.nextLong(0, 100_000_000_000L), 2);
      BigDecimal alpha = BigDecimal.valueOf(random.nextInt(101), 2);
      VerticalCompensation.Output r =
          VerticalCompensation.compute(
              new VerticalCompensation.Input(
                  fund, alpha, BigDecimal.ONE.subtract(alpha), districts, 2));
      assertThat(r.total()).as("round %s", round).isEqualByComparingTo(fund);
      assertThat(r.transfers())
          .allSatisfy(
              t -> {
                assertThat(t.amountYuan().signum()).isGreaterThanOrEqualTo(0);
                assertThat(t.amountYuan().scale()).isEqualTo(2);
              });
      // Input order does not change anyone's amount.
      List<VerticalCompensation.District> shuffled = new ArrayList<>(districts);
      Collections.reverse(shuffled);
      VerticalCompensation.Output reversed =
          VerticalCompensation.compute(
              new VerticalCompensation.Input(
                  fund, alpha, BigDecimal.ONE.subtract(alpha), shuffled, 2));
      for (VerticalCompensation.Transfer t : r.transfers()) {
        assertThat(reversed.transfers()).contains(t);
      }
    }
  }

  @Test
  void verticalBadInput() {
    List<VerticalCompensation.District> districts = List.of(district("A", "1", "0"));
    assertBadField(
        () ->
            new VerticalCompensation.Input(
                BigDecimal.TEN, new BigDecimal("0.6"), new BigDecimal("0.5"), districts, 2),
        "beta",
        "alpha + beta must be 1, got 0.6 + 0.5");
    assertBadField(
        () ->
            new VerticalCompensation.Input(
                new BigDecimal("10.001"),
                new BigDecimal("0.5"),
                new BigDecimal("0.5"),
                districts,
                2),
        "fund_yuan",
        "has more decimals than the payment unit 10^-2 yuan, got 10.001");
    assertBadField(
        () ->
            new VerticalCompensation.Input(
                BigDecimal.TEN,
                new BigDecimal("0.5"),
                new BigDecimal("0.5"),
                List.of(district("A", "0", "0")),
                2),
        "districts",
        "total GEP must be > 0 to split the fund by it");
  }

  private static VerticalCompensation.District district(String id, String gep, String growth) {
    return new VerticalCompensation.District(id, new BigDecimal(gep), new BigDecimal(growth));
  }
}
