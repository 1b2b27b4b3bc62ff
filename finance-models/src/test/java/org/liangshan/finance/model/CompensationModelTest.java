package org.liangshan.finance.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.CompensationAgreement;
import org.liangshan.core.region.CompensationAgreement.FactorTarget;

class CompensationModelTest {
  private static final ParameterSet PARAMS = FinanceParameters.complete(ParameterSet.defaults());

  private static final CompensationAgreement JIANGSU = new CompensationAgreement("H-2", CompensationAgreement.Kind.HORIZONTAL,
      "section-compensation", Optional.of("S3"), Optional.of("北京市"), Optional.of("天津市"), Optional.empty(), Optional.empty(),
      0.5, 0.5, 0.85, List.of(new FactorTarget("codmn", 6.0), new FactorTarget("nh3n", 1.0), new FactorTarget("tp", 0.2)));

  private static final CompensationAgreement VERTICAL = new CompensationAgreement("V-1", CompensationAgreement.Kind.VERTICAL,
      "gep-keyed", Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("市财政局"),
      Optional.of(new BigDecimal("500000000")), 0.5, 0.5, 0.85, List.of());

  private static final Reliance FIXED = Reliance.proportional(1, List.of());

  private static Compensation.Concentration c(double value) {
    return new Compensation.Concentration(value, "manual", 1);
  }

  @Test
  void perFactorEntryFollowsMethodologyAndThePayerItNames() {
    // April: 5 m³/s × 30 × 86,400 s = 12,960,000 m³. (measured − target) × volume ÷ 10⁶ × rate:
    // CODMn 0.5 × 12.96 × 15,000 = 97,200; NH3-N 0.2 × 12.96 × 100,000 = 259,200; TP 0.05 × 12.96 × 100,000 = 64,800.
    var entry = Compensation.sectionCompensation(JIANGSU, YearMonth.of(2024, 4),
        Map.of("codmn", c(6.5), "nh3n", c(1.2), "tp", c(0.25)), 5.0, 1, PARAMS).orElseThrow();
    assertThat(entry.amountYuan()).isEqualByComparingTo("421200.00");
    assertThat(entry.payer()).isEqualTo("北京市");
    assertThat(entry.payee()).isEqualTo("天津市");
    assertThat(entry.entryId()).isEqualTo("H-2:2024-04:r1");
    assertThat(entry.basis()).contains("\"monthly_volume_m3\":12960000", "\"net_yuan\":421200", "\"section\":\"S3\"");

    var reverse = Compensation.sectionCompensation(JIANGSU, YearMonth.of(2024, 5),
        Map.of("codmn", c(5.0), "nh3n", c(1.0), "tp", c(0.2)), 5.0, 1, PARAMS).orElseThrow();
    // May: 13,392,000 m³; CODMn −1 × 13.392 × 15,000 = −200,880: downstream pays.
    assertThat(reverse.amountYuan()).isEqualByComparingTo("200880.00");
    assertThat(reverse.payer()).isEqualTo("天津市");
  }

  /** Xin'an-style terms: annual, fixed baseline years 2008-2010, weights 0.25, K0 0.85 (the first round's). */
  private static CompensationAgreement xinan(Optional<CompensationAgreement.Baseline> baseline,
      Optional<CompensationAgreement.QuantityTerm> quantity) {
    return new CompensationAgreement("H-1", CompensationAgreement.Kind.HORIZONTAL, "xinan-p-index", Optional.of("S1"),
        Optional.of("河北省"), Optional.of("天津市"), Optional.empty(), Optional.of(new BigDecimal("200000000")), 0.5, 0.5,
        0.85, List.of(), Optional.empty(), new CompensationAgreement.Terms(CompensationAgreement.Settlement.ANNUAL, baseline,
            Map.of(), quantity, "test terms", "illustrative"));
  }

  private static final Map<String, Compensation.Baseline> BASELINES = Map.of("codmn", new Compensation.Baseline(4.0, "b"),
      "nh3n", new Compensation.Baseline(0.5, "b"), "tn", new Compensation.Baseline(1.0, "b"),
      "tp", new Compensation.Baseline(0.1, "b"));

  private static Compensation.AnnualMean annual(double value) {
    return new Compensation.AnnualMean(value, "manual", 12, 12);
  }

  @Test
  void pIndexSettlesTheYearAgainstTheFixedBaselineAndPaysTheAgreedAmountByThePartyPNames() {
    CompensationAgreement agreement = xinan(Optional.of(CompensationAgreement.Baseline.years(2008, 2010)), Optional.empty());
    // By hand, P = K0 × Σ kᵢ·Cᵢ/Cᵢ0: annual means 4.0, 0.55, 0.9, 0.12 against 4.0, 0.5, 1.0, 0.1 are ratios
    // 1.0, 1.1, 0.9, 1.2; P = 0.85 × 0.25 × 4.2 = 0.8925 ≤ 1: downstream (天津市) pays upstream the agreed 2e8.
    var settled = Compensation.xinanAnnual(agreement, 2024,
        Map.of("codmn", annual(4.0), "nh3n", annual(0.55), "tn", annual(0.9), "tp", annual(0.12)), BASELINES, 1, PARAMS);
    var entry = settled.entry().orElseThrow();
    assertThat(entry.entryId()).isEqualTo("H-1:2024:r1");
    assertThat(entry.period()).isEqualTo("2024");
    assertThat(entry.payer()).isEqualTo("天津市");
    assertThat(entry.payee()).isEqualTo("河北省");
    assertThat(entry.amountYuan()).isEqualByComparingTo("200000000.00");
    assertThat(entry.basis()).contains("\"p\":0.8925", "\"settlement\":\"annual\"", "\"months\":12",
        "\"terms_status\":\"illustrative\"");

    // Ratios 1.3, 1.3, 1.2, 1.2: P = 0.85 × 0.25 × 5.0 = 1.0625 > 1: upstream (河北省) pays downstream.
    var worse = Compensation.xinanAnnual(agreement, 2024,
        Map.of("codmn", annual(5.2), "nh3n", annual(0.65), "tn", annual(1.2), "tp", annual(0.12)), BASELINES, 1, PARAMS);
    assertThat(worse.entry().orElseThrow().payer()).isEqualTo("河北省");
    assertThat(worse.entry().orElseThrow().basis()).contains("\"p\":1.0625");
  }

  @Test
  void aMissingBaselineIsNotSettledAndNoStandardLimitTakesItsPlace() {
    CompensationAgreement undeclared = xinan(Optional.empty(), Optional.empty());
    Map<String, Compensation.AnnualMean> means =
        Map.of("codmn", annual(4.0), "nh3n", annual(0.55), "tn", annual(0.9), "tp", annual(0.12));
    assertThat(Compensation.xinanBaseline(undeclared, "tn", Optional.empty())).isEmpty();
    var settled = Compensation.xinanAnnual(undeclared, 2024, means, Map.of(), 1, PARAMS);
    assertThat(settled.entry()).isEmpty();
    assertThat(settled.reason()).contains(
        "H-1 2024: no baseline for codmn (the agreement declares no baseline); declare the agreement's baseline years or values");

    // Declared years without data: still no baseline, named.
    CompensationAgreement years = xinan(Optional.of(CompensationAgreement.Baseline.years(2008, 2010)), Optional.empty());
    assertThat(Compensation.xinanBaseline(years, "tn", Optional.empty())).isEmpty();
    assertThat(Compensation.xinanAnnual(years, 2024, means, Map.of(), 1, PARAMS).reason().orElseThrow())
        .contains("fixed baseline years 2008-2010");

    // Declared values are the baseline as written.
    CompensationAgreement values = xinan(Optional.of(CompensationAgreement.Baseline.values(Map.of("tn", 1.25))),
        Optional.empty());
    assertThat(Compensation.xinanBaseline(values, "tn", Optional.empty())).get()
        .extracting(Compensation.Baseline::valueMgL).isEqualTo(1.25);
    assertThat(Compensation.xinanBaseline(values, "tp", Optional.empty())).isEmpty();
  }

  @Test
  void theQuantityTermRewardsWaterAboveTheFixedBaseline() {
    CompensationAgreement agreement = xinan(Optional.of(CompensationAgreement.Baseline.years(2023, 2023)),
        Optional.of(new CompensationAgreement.QuantityTerm(3.0e8, new BigDecimal("0.10"), false, "test", "illustrative")));
    Map<YearMonth, Double> flows = new java.util.TreeMap<>();
    for (int m = 1; m <= 12; m++) {
      flows.put(YearMonth.of(2024, m), 10.0);
    }
    // 10 m³/s × 366 days × 86,400 s = 316,224,000 m³; (316,224,000 − 300,000,000) × 0.10 = 1,622,400 yuan,
    // paid by the downstream party for the water above the baseline.
    var entry = Compensation.quantity(agreement, 2024, flows, 1).entry().orElseThrow();
    assertThat(entry.entryId()).isEqualTo("H-1:2024:quantity:r1");
    assertThat(entry.amountYuan()).isEqualByComparingTo("1622400.00");
    assertThat(entry.payer()).isEqualTo("天津市");
    assertThat(entry.payee()).isEqualTo("河北省");
    assertThat(entry.basis()).contains("\"annual_volume_m3\":316224000", "\"volume_minus_baseline_m3\":16224000");

    // 9 m³/s: 284,601,600 m³, below the baseline: no reward (the term is one-way).
    flows.replaceAll((m, f) -> 9.0);
    assertThat(Compensation.quantity(agreement, 2024, flows, 1).reason().orElseThrow())
        .contains("is not above the baseline 300000000 m3");
    // A month without flow: the year's volume is unknown, so the term is not settled.
    flows.remove(YearMonth.of(2024, 7));
    assertThat(Compensation.quantity(agreement, 2024, flows, 1).reason().orElseThrow())
        .isEqualTo("H-1 2024: the quantity term needs the flow of every month at S1; none in 2024-07");
  }

  @Test
  void aFixedTransferPaysTheAgreedAmountToThePayee() {
    CompensationAgreement jizhou = new CompensationAgreement("V-3", CompensationAgreement.Kind.VERTICAL, "fixed-transfer",
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("市财政局"), Optional.of(new BigDecimal("100000000")),
        0.5, 0.5, 0.85, List.of(), Optional.of("蓟州区"));
    var entry = Compensation.fixedTransfer(jizhou, 2024, 1);
    assertThat(entry.entryId() + " " + entry.payer() + "->" + entry.payee() + " " + entry.amountYuan().toPlainString())
        .isEqualTo("V-3:2024:r1 市财政局->蓟州区 100000000.00");
  }

  @Test
  void aPIndexAgreementThatSettlesMonthlyIsRefused() {
    assertThatThrownBy(() -> new CompensationAgreement("H-9", CompensationAgreement.Kind.HORIZONTAL, "xinan-p-index",
        Optional.of("S1"), Optional.of("甲"), Optional.of("乙"), Optional.empty(), Optional.of(BigDecimal.ONE), 0.5, 0.5, 0.85,
        List.of(), Optional.empty(), new CompensationAgreement.Terms(CompensationAgreement.Settlement.MONTHLY,
            Optional.empty(), Map.of(), Optional.empty(), "s", "illustrative")))
        .hasMessage("A P-index agreement settles annually (the Xin'an form): H-9");
  }

  @Test
  void verticalTransfersSumExactlyToTheFundAndNameMissingGrowth() {
    List<Compensation.DistrictGep> districts = List.of(
        new Compensation.DistrictGep("120101", "和平区", new BigDecimal("1000000000"), 0, Optional.of(new BigDecimal("900000000")), 0),
        new Compensation.DistrictGep("120102", "河东区", new BigDecimal("2000000000"), 0, Optional.of(new BigDecimal("2100000000")), 0),
        new Compensation.DistrictGep("120103", "河西区", new BigDecimal("4000000000"), 0, Optional.empty(), 0));
    List<CompensationLedger.Entry> entries = Compensation.vertical(VERTICAL, 2024, districts, 1, PARAMS);
    // Fund × [0.5 × GEPᵢ/7e9 + 0.5 × growthᵢ/1e8]: only 和平区 grew (+1e8).
    // 和平区 285,714,285.714…, 河东区 71,428,571.428…, 河西区 142,857,142.857…; floors leave 2 fen for the
    // largest remainders (河东区 .0086, 河西区 .0071).
    assertThat(entries).extracting(CompensationLedger.Entry::payee, e -> e.amountYuan().toPlainString())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("和平区", "285714285.71"),
            org.assertj.core.groups.Tuple.tuple("河东区", "71428571.43"),
            org.assertj.core.groups.Tuple.tuple("河西区", "142857142.86"));
    assertThat(entries.stream().map(CompensationLedger.Entry::amountYuan).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("500000000");
    assertThat(entries.get(2).basis()).contains("\"growth_note\":\"no GEP for 2023: growth counted as 0\"");

    // No previous year at all: the growth share is 0 and the fund is split by GEP alone.
    List<CompensationLedger.Entry> first = Compensation.vertical(VERTICAL, 2024, List.of(
        new Compensation.DistrictGep("A", "甲", new BigDecimal("1"), 0, Optional.empty(), 0),
        new Compensation.DistrictGep("B", "乙", new BigDecimal("2"), 0, Optional.empty(), 0)), 1, PARAMS);
    assertThat(first).extracting(e -> e.amountYuan().toPlainString()).containsExactly("166666666.67", "333333333.33");
    assertThat(first.get(0).basis()).contains("no GEP of the previous year: the growth share is 0");
  }

  @Test
  void postingsBalancePerPeriod() {
    CompensationLedger ledger = new CompensationLedger();
    ledger.add(new CompensationLedger.Entry("e1", "2024-01", "H-1", "m", "甲", "乙", BigDecimal.ONE, new BigDecimal("10.01"), "{}", FIXED));
    ledger.add(new CompensationLedger.Entry("e2", "2024-01", "H-2", "m", "乙", "丙", BigDecimal.ONE, new BigDecimal("3.50"), "{}", FIXED));
    ledger.add(new CompensationLedger.Entry("e3", "2024", "V-1", "m", "丙", "甲", BigDecimal.ONE, new BigDecimal("7"), "{}", FIXED));
    ledger.checkBalanced();
    assertThat(ledger.postings()).hasSize(6);
    assertThat(ledger.totals()).extracting(t -> t.period() + " " + t.debitYuan() + " " + t.creditYuan() + " " + t.entries())
        .containsExactly("2024 7.00 7.00 1", "2024-01 13.51 13.51 2");
    assertThat(ledger.postings()).filteredOn(p -> p.entryId().equals("e1"))
        .extracting(CompensationLedger.Posting::account, p -> p.debitYuan().toPlainString(), p -> p.creditYuan().toPlainString())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("party:乙", "10.01", "0.00"),
            org.assertj.core.groups.Tuple.tuple("party:甲", "0.00", "10.01"));
    assertThatThrownBy(() -> new CompensationLedger.Entry("e4", "2024", "V", "m", "甲", "乙", BigDecimal.ONE, new BigDecimal("1.001"), "{}", FIXED))
        .hasMessage("Invalid ledger amount (not in fen): 1.001 in e4");
  }
}
