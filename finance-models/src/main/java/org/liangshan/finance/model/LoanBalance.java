package org.liangshan.finance.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one rule for a loan's outstanding balance on a date, used by the bank book, GEP realization and
 * collateral valuation alike (METHODOLOGY.md section 7):
 *
 * <ul>
 *   <li>before the disbursement date the balance is 0;
 *   <li>from then on it is the principal less the repayments made up to and including the date, never below
 *       0 (a loan repaid in full has no balance);
 *   <li>a loan past its maturity date keeps whatever is left: that balance is <b>overdue</b> ({@link #overdue}),
 *       still owed and still counted, so a bank cannot make a late loan vanish by letting it mature.
 * </ul>
 *
 * <p>The bank's own reported balance (silver.loans {@code outstanding_yuan}) is kept as delivered but not used:
 * it is as of the delivery, not as of the date a figure is computed for.
 */
public final class LoanBalance {
  private LoanBalance() {}

  /** What the rule needs of a loan. */
  public record Terms(String loanId, LocalDate disbursedOn, Optional<LocalDate> maturesOn, BigDecimal principalYuan) {
    public Terms {
      requireNonNull(loanId, "loanId is null");
      requireNonNull(disbursedOn, "disbursedOn is null");
      requireNonNull(maturesOn, "maturesOn is null");
      requireNonNull(principalYuan, "principalYuan is null");
    }
  }

  public record Repayment(String loanId, LocalDate repaidOn, BigDecimal amountYuan) {
    public Repayment {
      requireNonNull(loanId, "loanId is null");
      requireNonNull(repaidOn, "repaidOn is null");
      requireNonNull(amountYuan, "amountYuan is null");
    }
  }

  /** The balance of one loan on a date; {@code repayments} may hold other loans' repayments too. */
  public static BigDecimal on(Terms loan, Collection<Repayment> repayments, LocalDate date) {
    return balance(loan, repaidBy(repayments, date).getOrDefault(loan.loanId(), BigDecimal.ZERO), date);
  }

  /** The balance of every loan on a date, by loan id in the loans' order. */
  public static Map<String, BigDecimal> on(List<Terms> loans, Collection<Repayment> repayments, LocalDate date) {
    Map<String, BigDecimal> repaid = repaidBy(repayments, date);
    Map<String, BigDecimal> result = new LinkedHashMap<>();
    for (Terms loan : loans) {
      result.put(loan.loanId(), balance(loan, repaid.getOrDefault(loan.loanId(), BigDecimal.ZERO), date));
    }
    return result;
  }

  /** A balance left on a loan whose maturity date is before the date. */
  public static boolean overdue(Terms loan, BigDecimal balance, LocalDate date) {
    return balance.signum() > 0 && loan.maturesOn().isPresent() && loan.maturesOn().get().isBefore(date);
  }

  private static BigDecimal balance(Terms loan, BigDecimal repaid, LocalDate date) {
    if (loan.disbursedOn().isAfter(date)) {
      return BigDecimal.ZERO;
    }
    return loan.principalYuan().subtract(repaid).max(BigDecimal.ZERO);
  }

  private static Map<String, BigDecimal> repaidBy(Collection<Repayment> repayments, LocalDate date) {
    Map<String, BigDecimal> repaid = new TreeMap<>();
    for (Repayment r : repayments) {
      if (!r.repaidOn().isAfter(date)) {
        repaid.merge(r.loanId(), r.amountYuan(), BigDecimal::add);
      }
    }
    return repaid;
  }
}
