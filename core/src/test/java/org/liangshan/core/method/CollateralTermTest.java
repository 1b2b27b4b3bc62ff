package org.liangshan.core.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liangshan.core.method.Printed.assertBadField;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The term of a pledged right: annuity term factor of a flow right, and the share of a loan it can back. */
class CollateralTermTest {
  private static final LocalDate DATE = LocalDate.parse("2024-06-28");
  private static final BigDecimal RATE = new BigDecimal("0.036");

  private static Collateral.Term term(Collateral.RightType type, String validUntil, String maturity) {
    return Collateral.term(type, Optional.ofNullable(validUntil).map(LocalDate::parse), DATE,
        Optional.ofNullable(maturity).map(LocalDate::parse), RATE);
  }

  @Test
  void aFlowRightIsWorthItsRemainingYearsDiscounted() {
    // 1,095 days = 3 years; a(3, 3.6 %) = (1 - 1.036^-3) / 0.036 = 2.796294.
    Collateral.Term t = term(Collateral.RightType.DISCHARGE_RIGHT, "2027-06-28", null);
    assertThat(t.remainingTermYears().orElseThrow()).isEqualByComparingTo("3");
    assertThat(t.termFactor()).isEqualByComparingTo("2.796294");
    assertThat(t.loanCoverage()).isEqualByComparingTo("1");
    assertThat(t.flags()).isEmpty();
    // Half a year left (181 days = 0.495890 years): a = 0.482925, about half a year's price.
    assertThat(term(Collateral.RightType.ECO_VOUCHER, "2024-12-26", null).termFactor()).isEqualByComparingTo("0.482925");
    // At a zero rate the factor is the years themselves.
    assertThat(Collateral.annuityFactor(2.5, 0)).isEqualByComparingTo("2.5");
  }

  @Test
  void aStockRightHasFactorOneAndAFlowRightWithoutExpiryIsFlagged() {
    assertThat(term(Collateral.RightType.CARBON_QUOTA, "2027-06-28", null).termFactor()).isEqualByComparingTo("1");
    Collateral.Term open = term(Collateral.RightType.ECO_VOUCHER, null, null);
    assertThat(open.termFactor()).isEqualByComparingTo("1");
    assertThat(open.flags()).containsExactly(Collateral.NO_EXPIRY_DATE);
  }

  @Test
  void aRightExpiringBeforeTheLoanMaturesBacksOnlyItsShare() {
    // 1,095 of the loan's 1,826 remaining days: 0.599671.
    Collateral.Term t = term(Collateral.RightType.DISCHARGE_RIGHT, "2027-06-28", "2029-06-28");
    assertThat(t.loanCoverage()).isEqualByComparingTo("0.599671");
    assertThat(t.flags()).containsExactly(Collateral.EXPIRES_BEFORE_LOAN_MATURITY);
    // 2 t/a at 5,390, haircut 0.15, LTV 0.5: value 2 x 5,390 x 0.85 x 2.796294 = 25,622.441922;
    // max loan x 0.5 x 0.599671 = 7,682.517685 (the part of the loan beyond 2027-06-28 is not backed).
    Collateral.Output out = Collateral.compute(new Collateral.Input(new BigDecimal("2"), new BigDecimal("5390"),
        new BigDecimal("5390"), new BigDecimal("0.15"), new BigDecimal("0.5"), new BigDecimal("0.15"), null, t.termFactor(),
        t.loanCoverage()));
    assertThat(out.collateralValue()).isEqualByComparingTo("25622.441922");
    assertThat(out.maxLoan()).isEqualByComparingTo(new BigDecimal("25622.441922").multiply(new BigDecimal("0.5"))
        .multiply(new BigDecimal("0.599671")));
    // A right outliving the loan covers all of it.
    assertThat(term(Collateral.RightType.DISCHARGE_RIGHT, "2030-01-01", "2029-06-28").loanCoverage()).isEqualByComparingTo("1");
  }

  @Test
  void anExpiredRightIsRefused() {
    assertBadField(() -> term(Collateral.RightType.DISCHARGE_RIGHT, "2024-06-27", null), "valid_until",
        "is 2024-06-27, before the valuation date 2024-06-28: the right has expired and backs nothing");
  }
}
