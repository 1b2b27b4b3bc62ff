package org.liangshan.finance.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoanBalanceTest {
  // 1,000,000 disbursed on 2024-01-10, maturing on 2024-12-31; repaid 300,000 on 2024-04-10 and 2024-07-10.
  private static final LoanBalance.Terms LOAN = terms("L1", "2024-01-10", "2024-12-31", "1000000");
  private static final List<LoanBalance.Repayment> REPAYMENTS = List.of(
      repayment("L1", "2024-04-10", "300000"), repayment("L1", "2024-07-10", "300000"),
      repayment("L2", "2024-02-01", "999"));

  @Test
  void beforeDisbursementTheBalanceIsZero() {
    assertBalance(LOAN, "2024-01-09", "0");
  }

  @Test
  void fromDisbursementThePrincipalLessTheRepaymentsUpToAndIncludingTheDate() {
    assertBalance(LOAN, "2024-01-10", "1000000");
    assertBalance(LOAN, "2024-04-09", "1000000");
    assertBalance(LOAN, "2024-04-10", "700000");
    assertBalance(LOAN, "2024-09-30", "400000");
  }

  @Test
  void aLoanRepaidInFullHasNoBalanceEvenWhenOverpaid() {
    LoanBalance.Terms loan = terms("L3", "2024-01-01", "2025-01-01", "500000");
    List<LoanBalance.Repayment> repaid = List.of(repayment("L3", "2024-03-01", "400000"), repayment("L3", "2024-06-01", "100000.01"));
    assertThat(LoanBalance.on(loan, repaid, LocalDate.parse("2024-06-01"))).isEqualByComparingTo("0");
    assertThat(LoanBalance.overdue(loan, BigDecimal.ZERO, LocalDate.parse("2025-06-01"))).isFalse();
  }

  @Test
  void aBalanceLeftAfterMaturityIsKeptAndOverdue() {
    assertBalance(LOAN, "2025-03-31", "400000");
    assertThat(LoanBalance.overdue(LOAN, new BigDecimal("400000"), LocalDate.parse("2025-03-31"))).isTrue();
    // on the maturity date itself the balance is due, not yet overdue
    assertThat(LoanBalance.overdue(LOAN, new BigDecimal("400000"), LocalDate.parse("2024-12-31"))).isFalse();
    LoanBalance.Terms open = new LoanBalance.Terms("L4", LocalDate.parse("2024-01-01"), Optional.empty(), BigDecimal.TEN);
    assertThat(LoanBalance.overdue(open, BigDecimal.TEN, LocalDate.parse("2099-01-01"))).isFalse();
  }

  @Test
  void everyLoanOfABookInItsOrder() {
    LoanBalance.Terms other = terms("L2", "2024-01-01", "2026-01-01", "5000");
    assertThat(LoanBalance.on(List.of(other, LOAN), REPAYMENTS, LocalDate.parse("2024-06-30")))
        .containsExactly(Map.entry("L2", new BigDecimal("4001")), Map.entry("L1", new BigDecimal("700000")));
  }

  @Test
  void termsAreRequired() {
    assertThatThrownBy(() -> new LoanBalance.Terms("L1", null, Optional.empty(), BigDecimal.ONE))
        .isInstanceOf(NullPointerException.class).hasMessage("disbursedOn is null");
  }

  private static void assertBalance(LoanBalance.Terms loan, String date, String expected) {
    assertThat(LoanBalance.on(loan, REPAYMENTS, LocalDate.parse(date))).as("balance on %s", date).isEqualByComparingTo(expected);
  }

  private static LoanBalance.Terms terms(String id, String disbursed, String matures, String principal) {
    return new LoanBalance.Terms(id, LocalDate.parse(disbursed), Optional.of(LocalDate.parse(matures)), new BigDecimal(principal));
  }

  private static LoanBalance.Repayment repayment(String loan, String on, String amount) {
    return new LoanBalance.Repayment(loan, LocalDate.parse(on), new BigDecimal(amount));
  }
}
