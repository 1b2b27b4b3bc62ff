package org.liangshan.market.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;

class PointsLedgerTest {
  private static final ParameterSet PARAMS = ParameterSet.defaults();

  private static PointsLedger.Earning earn(String id, String user, String date, long points) {
    return new PointsLedger.Earning(id, user, LocalDate.parse(date), points);
  }

  private static PointsLedger.Redemption redeem(String id, String user, String date, long points) {
    return new PointsLedger.Redemption(id, user, LocalDate.parse(date), points);
  }

  @Test
  void redemptionsSpendTheOldestPointsAndWhatIsLeftExpires() {
    // U1 earns 500 in 2023 and 300 in 2024, redeems 600 in 2024 (500 of 2023 + 100 of 2024);
    // validity 2 years: 2023's points end on 2024-12-31 (none left), 2024's 200 left on 2025-12-31.
    List<PointsLedger.Earning> earnings = List.of(earn("a1", "U1", "2023-03-01", 500), earn("a2", "U1", "2024-02-01", 300));
    List<PointsLedger.Redemption> redemptions = List.of(redeem("r1", "U1", "2024-06-01", 600));
    PointsLedger at2025 = PointsLedger.replay(earnings, redemptions, 2, LocalDate.parse("2025-12-31"));
    at2025.check();
    assertThat(at2025.accounts()).containsExactly(new PointsLedger.Account("U1", 800, 600, 0, 200));
    PointsLedger at2026 = PointsLedger.replay(earnings, redemptions, 2, LocalDate.parse("2026-01-01"));
    at2026.check();
    assertThat(at2026.accounts()).containsExactly(new PointsLedger.Account("U1", 800, 600, 200, 0));
    assertThat(at2026.movementsInYear(2026)).singleElement().satisfies(m -> {
      assertThat(m.movementId()).isEqualTo("expire:U1:2024");
      assertThat(m.debitAccount()).isEqualTo(PointsLedger.EXPIRED);
      assertThat(m.creditAccount()).isEqualTo("user:U1");
      assertThat(m.points()).isEqualTo(200);
    });
  }

  @Test
  void unspentPointsOfAnOldYearExpireBeforeANewRedemption() {
    // 2023's 500 points expire on 2025-01-01, so a 2025 redemption of 400 finds only 2024's 300: refused.
    PointsLedger ledger = PointsLedger.replay(
        List.of(earn("a1", "U1", "2023-03-01", 500), earn("a2", "U1", "2024-02-01", 300)),
        List.of(redeem("r1", "U1", "2025-02-01", 400)), 2, LocalDate.parse("2025-12-31"));
    ledger.check();
    assertThat(ledger.decisions()).singleElement().satisfies(d -> {
      assertThat(d.posted()).isFalse();
      assertThat(d.balanceBefore()).isEqualTo(300);
      assertThat(d.reason()).isEqualTo("asks for 400 points, holds 300 on 2025-02-01: balances never go negative");
    });
    assertThat(ledger.accounts()).containsExactly(new PointsLedger.Account("U1", 800, 0, 500, 300));
  }

  @Test
  void aRedemptionAboveTheBalanceIsRefusedAndPostsNothing() {
    PointsLedger ledger = PointsLedger.replay(List.of(earn("a1", "U1", "2024-01-05", 100)),
        List.of(redeem("r0", "U1", "2024-01-04", 50), redeem("r1", "U1", "2024-01-05", 100), redeem("r2", "U1", "2024-01-06", 1),
            redeem("r3", "U2", "2024-01-06", 0)),
        2, LocalDate.parse("2024-12-31"));
    ledger.check();
    // Earnings come before redemptions of the same day.
    assertThat(ledger.decisions()).extracting(d -> d.redemption().redemptionId() + " " + d.posted() + " " + d.balanceBefore())
        .containsExactly("r0 false 0", "r1 true 100", "r2 false 0", "r3 false 0");
    assertThat(ledger.movements()).extracting(PointsLedger.Movement::movementId).containsExactly("earn:a1", "redeem:r1");
    assertThat(ledger.balance("U1")).isZero();
    assertThat(ledger.issued()).isEqualTo(100);
  }

  @Test
  void manyUsersBalanceAfterEveryReplay() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(42);
    List<PointsLedger.Earning> earnings = new java.util.ArrayList<>();
    List<PointsLedger.Redemption> redemptions = new java.util.ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      LocalDate day = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(4 * 365));
      String user = "U" + random.nextInt(40);
      if (random.nextInt(3) == 0) {
        redemptions.add(new PointsLedger.Redemption("r" + i, user, day, 1 + random.nextInt(3000)));
      } else {
        earnings.add(new PointsLedger.Earning("a" + i, user, day, random.nextInt(1500)));
      }
    }
    for (int year = 2022; year <= 2026; year++) {
      PointsLedger ledger = PointsLedger.replay(earnings, redemptions, 2, LocalDate.of(year, 12, 31));
      ledger.check();
      long earned = ledger.accounts().stream().mapToLong(PointsLedger.Account::earned).sum();
      long accounted = ledger.accounts().stream().mapToLong(a -> a.held() + a.redeemed() + a.expired()).sum();
      assertThat(accounted).isEqualTo(earned).isEqualTo(ledger.issued());
      assertThat(ledger.accounts()).allSatisfy(a -> assertThat(a.held()).isNotNegative());
      assertThat(ledger.decisions()).filteredOn(d -> !d.posted()).allSatisfy(d -> assertThat(d.redemption().points()).isGreaterThan(d.balanceBefore()));
    }
  }

  @Test
  void creditScoreAddsThePointsBonusAndSubtractsViolations() {
    // 600 + min(200, 12,345 / 100) = 723 → tier B (650 ≤ 723 < 750).
    CreditScore.Result good = CreditScore.compute(12_345, List.of(), PARAMS);
    assertThat(good.score()).isEqualTo(723);
    assertThat(good.tier()).isEqualTo("B");
    // The bonus is capped at 200: 800 → A.
    assertThat(CreditScore.compute(1_000_000, List.of(), PARAMS).tier()).isEqualTo("A");
    // 600 + 10 − (150 + 300) = 160, clamped to the minimum 300 → D.
    CreditScore.Result bad = CreditScore.compute(1_000, List.of("serious", "grave"), PARAMS);
    assertThat(bad.violationPenalty()).isEqualTo(450);
    assertThat(bad.score()).isEqualTo(300);
    assertThat(bad.tier()).isEqualTo("D");
    // One minor violation: 600 − 50 = 550 → C.
    assertThat(CreditScore.compute(0, List.of("minor"), PARAMS).tier()).isEqualTo("C");
    assertThatThrownBy(() -> CreditScore.compute(0, List.of("fatal"), PARAMS))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("Unknown violation severity 'fatal': the parameter set has penalties for [minor, serious, grave].");
  }
}
