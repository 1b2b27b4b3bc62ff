package org.liangshan.core.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The regions' quota-keyed and damage agreements, and what each kind needs. */
class CompensationAgreementsTest {
  @Test
  void theRegionsHoldTheirQuotaKeyedAndDamageAgreements() {
    assertThat(Regions.load("tianjin").agreements())
        .extracting(a -> a.id() + " " + a.kind() + " " + a.method() + " " + a.payer().orElse("-") + " " + a.payee().orElse("-"))
        .contains("TJ-V-02 VERTICAL vertical_quota 天津市财政局 -", "TJ-D-01 DAMAGE damage - 天津市生态环境损害赔偿资金");
    assertThat(Regions.load("liyang").agreements()).extracting(CompensationAgreement::id).contains("LY-V-02")
        .doesNotContain("LY-D-01");
  }

  @Test
  void aGepKeyedAgreementNeedsAFundAndADamageAgreementAPayee() {
    assertThatThrownBy(() -> new CompensationAgreement("V", CompensationAgreement.Kind.VERTICAL, "gep-keyed", Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.of("fund"), Optional.empty(), 0.5, 0.5, 0.85, List.of()))
        .hasMessageContaining("annual fund when gep-keyed");
    assertThatThrownBy(() -> new CompensationAgreement("D", CompensationAgreement.Kind.DAMAGE, "damage", Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0.5, 0.5, 0.85, List.of()))
        .hasMessageContaining("Damage agreement needs payee");
    assertThat(new CompensationAgreement("Q", CompensationAgreement.Kind.VERTICAL, "vertical_quota", Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.of("fund"), Optional.empty(), 0.5, 0.5, 0.85, List.of()).annualFundYuan())
        .isEmpty();
  }

  @Test
  void agreementsDeclareTheirTermsWithSourceAndStatus() {
    Region tianjin = Regions.load("tianjin");
    CompensationAgreement luan = tianjin.agreements().stream().filter(a -> a.id().equals("TJ-H-01")).findFirst().orElseThrow();
    assertThat(luan.terms().settlement()).isEqualTo(CompensationAgreement.Settlement.ANNUAL);
    assertThat(luan.terms().baseline()).contains(CompensationAgreement.Baseline.years(2023, 2023));
    assertThat(luan.terms().weights()).containsOnlyKeys("codmn", "nh3n", "tn", "tp");
    assertThat(luan.terms().status()).isEqualTo("illustrative");
    assertThat(luan.terms().source()).contains("新安江流域水环境补偿试点实施方案");
    CompensationAgreement yongding = tianjin.agreements().stream().filter(a -> a.id().equals("TJ-H-03")).findFirst()
        .orElseThrow();
    assertThat(yongding.terms().quantity()).get().satisfies(q -> {
      assertThat(q.baselineM3()).isEqualTo(3.0e8);
      assertThat(q.rateYuanPerM3()).isEqualByComparingTo("0.10");
      assertThat(q.twoWay()).isFalse();
    });
    assertThat(tianjin.agreements()).extracting(a -> a.id() + " " + a.terms().settlement())
        .contains("TJ-H-02 MONTHLY", "TJ-H-04 MONTHLY", "TJ-V-03 ANNUAL", "TJ-D-01 MONTHLY");
    assertThat(Regions.load("liyang").agreements()).filteredOn(a -> a.id().equals("LY-H-01"))
        .singleElement().satisfies(a -> assertThat(a.terms().status()).isEqualTo("published"));
  }

  @Test
  void aBaselineIsYearsOrValuesAndAStatusIsOneOfTheThreeWords() {
    assertThatThrownBy(() -> new CompensationAgreement.Baseline(Optional.of(2008), Optional.of(2010), java.util.Map.of("tn", 1.0)))
        .hasMessageStartingWith("Invalid baseline (either years or values_mg_l, one of them)");
    assertThatThrownBy(() -> CompensationAgreement.Baseline.years(2010, 2008))
        .hasMessage("Invalid baseline (from after to): 2010 > 2008");
    assertThatThrownBy(() -> new CompensationAgreement.Terms(CompensationAgreement.Settlement.ANNUAL, Optional.empty(),
        java.util.Map.of(), Optional.empty(), "s", "guessed"))
        .hasMessage("Invalid status (published, local_survey or illustrative): guessed");
  }
}
