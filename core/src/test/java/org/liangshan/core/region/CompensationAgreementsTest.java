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
}
