package org.liangshan.finance.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.liangshan.core.param.IllustrativeParameters;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.param.Provenance;
import org.liangshan.core.region.CompensationAgreement;
import org.liangshan.core.region.CompensationAgreement.FactorTarget;

/**
 * The illustrative share of each kind of transfer (docs/methods/compensation.md, "What each transfer rests on"),
 * on the amounts of {@link CompensationModelTest} and {@link QuotaAndDamageTest} and the statuses of the national
 * parameter set: the Jiangsu rates and the Xin'an K0 are published, the default Xin'an weights, the quota rates and
 * the damage costs illustrative.
 */
class TransferIllustrativeShareTest {
  private static final ParameterSet PARAMS = FinanceParameters.complete(ParameterSet.defaults());
  private static final IllustrativeParameters NATIONAL = IllustrativeParameters.of(ParameterSet.provenance());

  private static CompensationAgreement.Terms terms(CompensationAgreement.Settlement settlement, String status) {
    return new CompensationAgreement.Terms(settlement, Optional.empty(), Map.of(), Optional.empty(), "test terms", status);
  }

  private static CompensationAgreement jiangsu(String status) {
    return new CompensationAgreement("H-2", CompensationAgreement.Kind.HORIZONTAL, "section-compensation", Optional.of("S3"),
        Optional.of("北京市"), Optional.of("天津市"), Optional.empty(), Optional.empty(), 0.5, 0.5, 0.85,
        List.of(new FactorTarget("codmn", 6.0), new FactorTarget("nh3n", 1.0), new FactorTarget("tp", 0.2)), Optional.empty(),
        terms(CompensationAgreement.Settlement.MONTHLY, status));
  }

  private static Compensation.Concentration c(double value) {
    return new Compensation.Concentration(value, "manual", 1);
  }

  /** April of CompensationModelTest: CODMn 97,200 + NH3-N 259,200 + TP 64,800 = 421,200 yuan. */
  private static CompensationLedger.Entry april(CompensationAgreement agreement) {
    return Compensation.sectionCompensation(agreement, YearMonth.of(2024, 4),
        Map.of("codmn", c(6.5), "nh3n", c(1.2), "tp", c(0.25)), 5.0, 1, PARAMS).orElseThrow();
  }

  /** The national statuses, with one more parameter marked illustrative. */
  private static IllustrativeParameters alsoIllustrative(String key) {
    List<Provenance.Entry> entries = new ArrayList<>();
    for (Provenance.Entry e : ParameterSet.provenance()) {
      entries.add(e.key().equals(key) ? new Provenance.Entry(key, e.value(), Provenance.Status.ILLUSTRATIVE, "test") : e);
    }
    return IllustrativeParameters.of(entries);
  }

  @Test
  void aPerFactorTransferFromPublishedTermsAndRatesRestsOnNoIllustrativeParameter() {
    assertThat(april(jiangsu("published")).reliance().illustrativeShare(NATIONAL)).isZero();
  }

  @Test
  void aPerFactorTransferWeighsItsFactorsByTheirAmounts() {
    // Were the TP rate illustrative, TP's 64,800 of the 421,200 yuan would rest on it: 0.1538.
    CompensationLedger.Entry entry = april(jiangsu("published"));
    assertThat(entry.reliance().terms()).extracting(Reliance.Term::label, Reliance.Term::valueYuan)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("codmn", 97_200.0),
            org.assertj.core.groups.Tuple.tuple("nh3n", 259_200.0), org.assertj.core.groups.Tuple.tuple("tp", 64_800.0));
    assertThat(entry.reliance().illustrativeShare(alsoIllustrative("compensation.jiangsu.rates_yuan_per_t.tp")))
        .isCloseTo(64_800.0 / 421_200.0, within(1e-12)).isCloseTo(0.1538, within(1e-4));
  }

  @Test
  void aTransferUnderIllustrativeAgreementTermsRestsEntirelyOnThem() {
    // the agreement's targets and its use of the rates are illustrative: every factor's amount is proportional to them
    assertThat(april(jiangsu("illustrative")).reliance().illustrativeShare(NATIONAL)).isEqualTo(1.0);
  }

  private static CompensationAgreement xinan(String status, Map<String, BigDecimal> weights,
      Optional<CompensationAgreement.QuantityTerm> quantity) {
    return new CompensationAgreement("H-1", CompensationAgreement.Kind.HORIZONTAL, "xinan-p-index", Optional.of("S1"),
        Optional.of("河北省"), Optional.of("天津市"), Optional.empty(), Optional.of(new BigDecimal("200000000")), 0.5, 0.5,
        0.85, List.of(), Optional.empty(), new CompensationAgreement.Terms(CompensationAgreement.Settlement.ANNUAL,
            Optional.of(CompensationAgreement.Baseline.years(2008, 2010)), weights, quantity, "test terms", status));
  }

  private static double pIndexShare(CompensationAgreement agreement) {
    Map<String, Compensation.AnnualMean> means = Map.of("codmn", annual(4.0), "nh3n", annual(0.55), "tn", annual(0.9),
        "tp", annual(0.12));
    Map<String, Compensation.Baseline> baselines = Map.of("codmn", new Compensation.Baseline(4.0, "b"),
        "nh3n", new Compensation.Baseline(0.5, "b"), "tn", new Compensation.Baseline(1.0, "b"),
        "tp", new Compensation.Baseline(0.1, "b"));
    return Compensation.xinanAnnual(agreement, 2024, means, baselines, 1, PARAMS).entry().orElseThrow().reliance()
        .illustrativeShare(NATIONAL);
  }

  private static Compensation.AnnualMean annual(double value) {
    return new Compensation.AnnualMean(value, "manual", 12, 12);
  }

  @Test
  void aPIndexTransferRestsOnItsFundAndOnEverythingPIsComputedFrom() {
    Map<String, BigDecimal> equal = Map.of("codmn", new BigDecimal("0.25"), "nh3n", new BigDecimal("0.25"),
        "tn", new BigDecimal("0.25"), "tp", new BigDecimal("0.25"));
    // published fund, K0, baseline and weights: nothing illustrative
    assertThat(pIndexShare(xinan("published", equal, Optional.empty()))).isZero();
    // the agreement declares no weights: the parameter set's equal weights, a Liangshan default (illustrative), decide P
    assertThat(pIndexShare(xinan("published", Map.of(), Optional.empty()))).isEqualTo(1.0);
    assertThat(pIndexShare(xinan("illustrative", equal, Optional.empty()))).isEqualTo(1.0);
  }

  @Test
  void aWaterQuantityTransferRestsOnItsQuantityTerm() {
    Map<java.time.YearMonth, Double> flows = new java.util.LinkedHashMap<>();
    for (int m = 1; m <= 12; m++) {
      flows.put(YearMonth.of(2024, m), 20.0);
    }
    for (String status : List.of("published", "illustrative")) {
      CompensationAgreement agreement = xinan("published", Map.of(), Optional.of(
          new CompensationAgreement.QuantityTerm(3.0e8, new BigDecimal("0.1"), false, "test quantity", status)));
      assertThat(Compensation.quantity(agreement, 2024, flows, 1).entry().orElseThrow().reliance()
          .illustrativeShare(NATIONAL)).as(status).isEqualTo(status.equals("published") ? 0.0 : 1.0);
    }
  }

  @Test
  void aFixedTransferRestsOnTheAgreementThatFixesIt() {
    for (String status : List.of("published", "local_survey", "illustrative")) {
      CompensationAgreement jizhou = new CompensationAgreement("V-3", CompensationAgreement.Kind.VERTICAL,
          "fixed-transfer", Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("市财政局"),
          Optional.of(new BigDecimal("100000000")), 0.5, 0.5, 0.85, List.of(), Optional.of("蓟州区"),
          terms(CompensationAgreement.Settlement.ANNUAL, status));
      assertThat(Compensation.fixedTransfer(jizhou, 2024, 1).reliance().illustrativeShare(NATIONAL)).as(status)
          .isEqualTo(status.equals("illustrative") ? 1.0 : 0.0);
    }
  }

  private static CompensationAgreement vertical(String status) {
    return new CompensationAgreement("V-1", CompensationAgreement.Kind.VERTICAL, "gep-keyed", Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.of("市财政局"), Optional.of(new BigDecimal("500000000")), 0.5, 0.5, 0.85,
        List.of(), Optional.empty(), terms(CompensationAgreement.Settlement.ANNUAL, status));
  }

  @Test
  void aGepKeyedTransferInheritsThePayeeDistrictsGepShare() {
    // CompensationModelTest's districts (fund 5e8, alpha = beta = 0.5, GEP 1e9, 2e9, 4e9; only 和平区 grew, by 1e8),
    // each GEP with an illustrative share.
    List<Compensation.DistrictGep> districts = List.of(
        new Compensation.DistrictGep("120101", "和平区", new BigDecimal("1000000000"), 0.2,
            Optional.of(new BigDecimal("900000000")), 0.1),
        new Compensation.DistrictGep("120102", "河东区", new BigDecimal("2000000000"), 0.5,
            Optional.of(new BigDecimal("2100000000")), 0.5),
        new Compensation.DistrictGep("120103", "河西区", new BigDecimal("4000000000"), 0.3, Optional.empty(), 0));
    List<CompensationLedger.Entry> entries = Compensation.vertical(vertical("published"), 2024, districts, 1, PARAMS);
    // 和平区: by GEP 5e8 x 0.5 x 1/7 = 35,714,285.71 at its GEP's 0.2; by growth 5e8 x 0.5 x 1e8/1e8 = 250,000,000 at
    // its growth's (1e9 x 0.2 + 9e8 x 0.1) / 1.9e9 = 0.1526; together (7,142,857.14 + 38,157,894.74) / 285,714,285.71
    // = 0.1586.
    assertThat(entries.get(0).reliance().illustrativeShare(NATIONAL)).isCloseTo(0.15855263, within(1e-8));
    // 河东区 did not grow: only its GEP term, at its GEP's 0.5.
    assertThat(entries.get(1).reliance().illustrativeShare(NATIONAL)).isCloseTo(0.5, within(1e-12));
    // 河西区 has no previous GEP (growth counted as 0): its GEP's 0.3.
    assertThat(entries.get(2).reliance().illustrativeShare(NATIONAL)).isCloseTo(0.3, within(1e-12));
    // the fund and alpha, beta of an illustrative agreement: every amount is proportional to them
    assertThat(Compensation.vertical(vertical("illustrative"), 2024, districts, 1, PARAMS))
        .allSatisfy(e -> assertThat(e.reliance().illustrativeShare(NATIONAL)).isEqualTo(1.0));
  }

  @Test
  void quotaAndDamageTransfersRestOnTheirRates() {
    CompensationAgreement quota = new CompensationAgreement("V-2", CompensationAgreement.Kind.VERTICAL, "vertical_quota",
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("市财政局"), Optional.empty(), 0.5, 0.5, 0.85,
        List.of(), Optional.empty(), terms(CompensationAgreement.Settlement.ANNUAL, "published"));
    List<CompensationLedger.Entry> quotaEntries = QuotaAndDamage.verticalQuota(quota, 2024, List.of(
        new QuotaAndDamage.Holding("capacity", "Z1-cod", "一号水功能区 (Z1)", "COD", "t/a", new BigDecimal("120.5"),
            new BigDecimal("100.25"), "a", "h")), 1, PARAMS);
    // the capacity rates are illustrative in the national set (COD's is Jiangsu's rate, used as a Liangshan design)
    assertThat(quotaEntries.get(0).reliance().illustrativeShare(NATIONAL)).isEqualTo(1.0);

    CompensationAgreement damage = new CompensationAgreement("D-1", CompensationAgreement.Kind.DAMAGE, "damage",
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0.5, 0.5, 0.85, List.of(),
        Optional.of("损害赔偿资金"), terms(CompensationAgreement.Settlement.MONTHLY, "published"));
    List<CompensationLedger.Entry> damageEntries = QuotaAndDamage.damage(damage, List.of(
        new QuotaAndDamage.Violation("CE-1", LocalDate.parse("2024-03-05"), "E1", "一号钢厂", "minor", "d"),
        new QuotaAndDamage.Violation("CE-2", LocalDate.parse("2024-04-05"), "E1", "一号钢厂", "minor", "d",
            Optional.of(new QuotaAndDamage.Restoration(100, "m3")))), 1, PARAMS);
    // the fixed schedule and the unit restoration costs are both Liangshan orders of magnitude
    assertThat(damageEntries).extracting(e -> e.reliance().illustrativeShare(NATIONAL)).containsExactly(1.0, 1.0);
    // a region that replaced the m3 cost by its assessment's (published) would have 0 on the restoration entry
    List<Provenance.Entry> entries = new ArrayList<>();
    for (Provenance.Entry e : ParameterSet.provenance()) {
      entries.add(e.key().equals("compensation.damage.restoration_cost_yuan_per_unit.m3")
          ? new Provenance.Entry(e.key(), e.value(), Provenance.Status.PUBLISHED, "an assessment") : e);
    }
    assertThat(damageEntries.get(1).reliance().illustrativeShare(IllustrativeParameters.of(entries))).isZero();
  }

  @Test
  void theShippedAgreementsRestAsTheDocsSay() {
    // Liyang's Jiangsu agreement (published, with the published Jiangsu rates): its transfers rest on no placeholder.
    org.liangshan.core.region.Region liyang = org.liangshan.core.region.Regions.load("liyang");
    ParameterSet liyangParams = FinanceParameters.complete(ParameterSet.forRegion(liyang));
    CompensationAgreement danjinli = liyang.agreements().stream().filter(a -> a.id().equals("LY-H-01")).findFirst()
        .orElseThrow();
    CompensationLedger.Entry entry = Compensation.sectionCompensation(danjinli, YearMonth.of(2024, 4),
        Map.of("codmn", c(6.5), "nh3n", c(1.2), "tp", c(0.25)), 5.0, 1, liyangParams).orElseThrow();
    assertThat(entry.reliance().illustrativeShare(IllustrativeParameters.of(ParameterSet.provenance(liyang)))).isZero();
    // Every other shipped agreement declares its terms illustrative, and every term of every method rests on its
    // agreement's terms: each of their transfers has share 1.
    for (String region : List.of("liyang", "tianjin")) {
      assertThat(org.liangshan.core.region.Regions.load(region).agreements()).filteredOn(a -> !a.id().equals("LY-H-01"))
          .isNotEmpty()
          .allSatisfy(a -> assertThat(Reliance.agreement(a).share(NATIONAL)).as(a.id()).isEqualTo(1.0));
    }
  }

  @Test
  void aFigureOrStatusOutsideItsRangeIsRefused() {
    assertThatThrownBy(() -> new Reliance.Figure("the GEP of 120101", 1.2))
        .hasMessage("Invalid illustrative share of the GEP of 120101 (must be in 0..1): 1.2");
    assertThatThrownBy(() -> new Reliance.Declared("the terms of agreement X", "guessed"))
        .hasMessage("Invalid status of the terms of agreement X (published, local_survey or illustrative): guessed");
    assertThatThrownBy(() -> new Compensation.DistrictGep("120101", "和平区", BigDecimal.ONE, -0.1, Optional.empty(), 0))
        .hasMessage("Invalid illustrative share of the GEP of 120101 (must be in 0..1): -0.1");
  }
}
