package org.liangshan.finance.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.liangshan.core.method.LoanPricing;
import org.liangshan.core.method.PbocScore;
import org.liangshan.core.method.Pcaf;
import org.liangshan.core.param.ParameterSet;

/**
 * The loan book of a region as the banks and the PBoC see it (METHODOLOGY.md section 7), computed by
 * core's {@link LoanPricing}, {@link Pcaf} and {@link PbocScore}:
 *
 * <ul>
 *   <li><b>Balance</b> of a loan on a date and <b>overdue</b> balance: {@link LoanBalance}, the rule the
 *       realization and the valuation use too.
 *   <li><b>Pricing</b>: the rating of the loan's project in the green project library when it has one,
 *       else the rating on the loan record; the rating maps to a class of the scale ({@code
 *       loan_pricing.rating_scale}) whose discount ({@code loan_pricing.discounts_by_rating}) is taken off
 *       {@code loan_pricing.base_rate}.
 *   <li><b>PCAF</b>: per loan, balance at year end ÷ (EVIC, else equity + debt) of the borrower's data of
 *       that year × its emissions; per bank the sums, and the data-quality score weighted by balance.
 *   <li><b>PBoC</b>, per bank and quarter: green loans are those rated A, B or C (the library's rating
 *       when the loan's project is listed, as in pricing). Indicator scores 0–100,
 *       linear (parameters {@code pboc.scoring.*}): green share (full marks at {@code green_share_full}),
 *       market share (the bank's share of the region's green loans relative to its share of all loans,
 *       full marks at 1), year-on-year growth of the green balance (the scheme's 同比增速: against the same
 *       quarter end a year earlier; 0 at or below 0, full marks at {@code growth_full}; a bank without a
 *       green balance a year earlier scores {@code growth_new_bank}), risk (full marks with no overdue green
 *       balance, 0 at {@code overdue_zero} of it). The qualitative scores come from silver.bank_qualitative;
 *       without them the total is not given. Only legal-person banks are evaluated ({@link #legalPerson}):
 *       the scheme evaluates banking institutions as legal persons (银行业金融机构（法人）), so a branch is
 *       part of its head office's evaluation, not the region's; its loans still count in the region's
 *       market.
 * </ul>
 */
public final class BankBook {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private BankBook() {}

  public record Loan(String loanId, String bankId, String borrower, LocalDate disbursedOn, Optional<LocalDate> maturesOn,
      BigDecimal principalYuan, Optional<BigDecimal> contractRate, String rating, Optional<String> projectId) {
    public Loan {
      requireNonNull(loanId, "loanId is null");
      requireNonNull(bankId, "bankId is null");
      requireNonNull(principalYuan, "principalYuan is null");
      rating = rating == null ? "none" : rating;
    }

    public LoanBalance.Terms terms() {
      return new LoanBalance.Terms(loanId, disbursedOn, maturesOn, principalYuan);
    }
  }

  public record Project(String projectId, String name, String category, String rating, String criteria, LocalDate listedOn) {}

  public record Borrower(String uscc, int year, Optional<BigDecimal> evicYuan, Optional<BigDecimal> equityYuan,
      Optional<BigDecimal> debtYuan, double emissionsTco2e, int dataQuality) {}

  public record Qualitative(BigDecimal policy, BigDecimal system, BigDecimal support) {}

  /** Balances on a date per loan ({@link LoanBalance}). */
  public static Map<String, BigDecimal> balances(List<Loan> loans, List<LoanBalance.Repayment> repayments, LocalDate date) {
    return LoanBalance.on(loans.stream().map(Loan::terms).toList(), repayments, date);
  }

  public static boolean green(String rating) {
    return rating.equals("A") || rating.equals("B") || rating.equals("C");
  }

  /** The class of a rating on the configured scale. */
  public static String greenClass(String rating, ParameterSet p) {
    String key = "loan_pricing.rating_scale." + rating;
    return p.has(key) ? p.text(key) : "none";
  }

  public record Priced(Loan loan, String rating, String ratingSource, String greenClass, BigDecimal baseRate,
      BigDecimal discount, BigDecimal pricedRate, BigDecimal balanceYuan, BigDecimal annualSavingYuan) {}

  public static List<Priced> price(List<Loan> loans, Map<String, Project> library, Map<String, BigDecimal> balances,
      ParameterSet p) {
    BigDecimal base = p.decimal("loan_pricing.base_rate");
    List<Priced> result = new ArrayList<>();
    for (Loan l : loans) {
      Optional<Project> project = l.projectId().map(library::get);
      String rating = project.map(Project::rating).orElse(l.rating());
      String source = project.isPresent() ? "green project library " + project.get().projectId()
          : l.projectId().isPresent() ? "loan record (project " + l.projectId().get() + " not in the library)" : "loan record";
      String cls = greenClass(rating, p);
      BigDecimal rate = LoanPricing.rate(base, cls, p);
      BigDecimal discount = base.subtract(rate);
      BigDecimal balance = balances.getOrDefault(l.loanId(), BigDecimal.ZERO);
      result.add(new Priced(l, rating, source, cls, base, discount, rate, balance, balance.multiply(discount)));
    }
    return List.copyOf(result);
  }

  public record Financed(Loan loan, BigDecimal balanceYuan, Optional<Borrower> borrower, String basis,
      Optional<BigDecimal> attribution, Optional<Double> financedTco2e) {}

  public static List<Financed> pcaf(List<Loan> loans, Map<String, BigDecimal> balances, Map<String, Borrower> borrowers) {
    List<Financed> result = new ArrayList<>();
    for (Loan l : loans) {
      BigDecimal balance = balances.getOrDefault(l.loanId(), BigDecimal.ZERO);
      Borrower b = borrowers.get(l.borrower());
      if (balance.signum() == 0) {
        result.add(new Financed(l, balance, Optional.ofNullable(b), "no balance at year end", Optional.empty(), Optional.empty()));
        continue;
      }
      if (b == null) {
        result.add(new Financed(l, balance, Optional.empty(), "no borrower data for the year (silver.borrowers)",
            Optional.empty(), Optional.empty()));
        continue;
      }
      Optional<BigDecimal> denominator = b.evicYuan().filter(v -> v.signum() > 0);
      String basis = "evic";
      if (denominator.isEmpty() && b.equityYuan().isPresent() && b.debtYuan().isPresent()) {
        denominator = Optional.of(b.equityYuan().get().add(b.debtYuan().get())).filter(v -> v.signum() > 0);
        basis = "equity+debt";
      }
      if (denominator.isEmpty()) {
        result.add(new Financed(l, balance, Optional.of(b), "borrower has neither EVIC nor equity and debt", Optional.empty(),
            Optional.empty()));
        continue;
      }
      BigDecimal outstanding = balance.min(denominator.get());
      Pcaf.Output out = Pcaf.compute(new Pcaf.Input(outstanding, denominator.get(), BigDecimal.valueOf(b.emissionsTco2e()),
          b.dataQuality()));
      result.add(new Financed(l, balance, Optional.of(b), basis + (outstanding.compareTo(balance) < 0 ? " (balance capped at it)" : ""),
          Optional.of(out.attributionFactor()), Optional.of(out.financedTco2e().doubleValue())));
    }
    return List.copyOf(result);
  }

  public record Evaluation(String bankId, String quarter, BigDecimal green, BigDecimal total, BigDecimal regionGreen,
      BigDecimal previousGreen, BigDecimal greenOverdue, BigDecimal greenShare, BigDecimal marketShare,
      Optional<BigDecimal> growth, BigDecimal overdueRatio, List<BigDecimal> scores, Optional<Qualitative> qualitative,
      PbocScore.Output result, boolean hasQualitative, String notes) {}

  /** The PBoC evaluation of every bank with a balance at the end of the quarter. */
  public static List<Evaluation> pboc(List<String> banks, List<Loan> loans, List<LoanBalance.Repayment> repayments, LocalDate quarterEnd,
      String quarter, Map<String, Qualitative> qualitative, ParameterSet p) {
    return pboc(banks, loans, Map.of(), repayments, quarterEnd, quarter, qualitative, p);
  }

  /**
   * Whether a bank is a legal person, judged by its registered name: a branch (分行, 支行, 分理处, 营业部) is not;
   * a head office (天津银行, 渤海银行, a rural commercial bank) is. Under {@code pboc.scope = legal_person} only
   * legal persons are evaluated; {@code all} evaluates every bank of the region.
   */
  public static boolean legalPerson(String bankName) {
    String name = requireNonNull(bankName, "bankName is null").strip();
    return !(name.endsWith("分行") || name.endsWith("支行") || name.endsWith("分理处") || name.endsWith("营业部"));
  }

  /** The banks the evaluation scores, by {@code pboc.scope} (legal_person or all), in the order given. */
  public static List<String> evaluated(Map<String, String> bankNames, ParameterSet p) {
    String scope = p.text("pboc.scope");
    if (!scope.equals("legal_person") && !scope.equals("all")) {
      throw org.liangshan.core.LiangshanException.badInput(
          "Parameter set %s: pboc.scope is '%s'; expected legal_person or all.", p.version(), scope);
    }
    return bankNames.entrySet().stream().filter(e -> scope.equals("all") || legalPerson(e.getValue())).map(Map.Entry::getKey)
        .toList();
  }

  /** The rating a loan is judged by: its project's in the green project library when listed, else the loan record's. */
  public static String effectiveRating(Loan loan, Map<String, Project> library) {
    return loan.projectId().map(library::get).map(Project::rating).orElse(loan.rating());
  }

  /**
   * The PBoC evaluation of each of {@code banks} with a balance at the end of the quarter; a loan is green by
   * its effective rating ({@link #effectiveRating}), as in pricing. Growth is year on year: the green balance
   * at {@code quarterEnd} against the same quarter end a year earlier. The region's totals (market share) are
   * over every loan of the book, whether its bank is evaluated or not.
   */
  public static List<Evaluation> pboc(List<String> banks, List<Loan> loans, Map<String, Project> library,
      List<LoanBalance.Repayment> repayments, LocalDate quarterEnd, String quarter,
      Map<String, Qualitative> qualitative, ParameterSet p) {
    Map<String, BigDecimal> now = balances(loans, repayments, quarterEnd);
    Map<String, BigDecimal> before = balances(loans, repayments, quarterEnd.minusYears(1));
    Map<String, BigDecimal[]> byBank = new TreeMap<>();
    BigDecimal regionGreen = BigDecimal.ZERO;
    BigDecimal regionTotal = BigDecimal.ZERO;
    for (Loan l : loans) {
      BigDecimal[] s = byBank.computeIfAbsent(l.bankId(), k -> zeros(4));
      BigDecimal b = now.get(l.loanId());
      s[1] = s[1].add(b);
      regionTotal = regionTotal.add(b);
      if (green(effectiveRating(l, library))) {
        s[0] = s[0].add(b);
        s[2] = s[2].add(before.get(l.loanId()));
        regionGreen = regionGreen.add(b);
        if (LoanBalance.overdue(l.terms(), b, quarterEnd)) {
          s[3] = s[3].add(b);
        }
      }
    }
    BigDecimal greenFull = p.decimal("pboc.scoring.green_share_full");
    BigDecimal growthFull = p.decimal("pboc.scoring.growth_full");
    BigDecimal growthNew = p.decimal("pboc.scoring.growth_new_bank");
    BigDecimal overdueZero = p.decimal("pboc.scoring.overdue_zero");
    PbocScore.Weights weights = PbocScore.Weights.of(p);
    List<Evaluation> result = new ArrayList<>();
    for (String bank : banks) {
      BigDecimal[] s = byBank.get(bank);
      if (s == null || s[1].signum() == 0) {
        continue;
      }
      BigDecimal share = div(s[0], s[1]);
      BigDecimal market = regionGreen.signum() == 0 ? BigDecimal.ZERO : div(s[0], regionGreen);
      BigDecimal loanShare = div(s[1], regionTotal);
      Optional<BigDecimal> growth = s[2].signum() == 0 ? Optional.empty() : Optional.of(div(s[0].subtract(s[2]), s[2]));
      BigDecimal overdue = s[0].signum() == 0 ? BigDecimal.ZERO : div(s[3], s[0]);
      List<BigDecimal> scores = List.of(
          linear(share, BigDecimal.ZERO, greenFull),
          loanShare.signum() == 0 ? BigDecimal.ZERO : linear(div(market, loanShare), BigDecimal.ZERO, BigDecimal.ONE),
          growth.map(g -> linear(g, BigDecimal.ZERO, growthFull)).orElse(growthNew),
          HUNDRED.subtract(linear(overdue, BigDecimal.ZERO, overdueZero)));
      Optional<Qualitative> q = Optional.ofNullable(qualitative.get(bank));
      Qualitative used = q.orElse(new Qualitative(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
      PbocScore.Output out = PbocScore.compute(new PbocScore.Input(scores,
          new PbocScore.Qualitative(used.policy(), used.system(), used.support()), weights));
      String notes = "green share " + pct(share) + " (full marks at " + pct(greenFull) + "); market share " + pct(market)
          + " of green loans vs " + pct(loanShare) + " of all loans; year-on-year growth " + growth.map(BankBook::pct).orElse("n/a (no"
          + " green balance a year earlier: " + growthNew.toPlainString() + " points)") + " (full marks at " + pct(growthFull)
          + "); overdue " + pct(overdue) + " of green loans (0 points at " + pct(overdueZero) + ")"
          + (q.isEmpty() ? "; no qualitative scores for the quarter: total not given" : "");
      result.add(new Evaluation(bank, quarter, s[0], s[1], regionGreen, s[2], s[3], share, market, growth, overdue, scores, q,
          out, q.isPresent(), notes));
    }
    return List.copyOf(result);
  }

  /** 0 at {@code zero}, 100 at {@code full}, linear between, clamped; exact to 10 decimals. */
  static BigDecimal linear(BigDecimal x, BigDecimal zero, BigDecimal full) {
    if (full.compareTo(zero) == 0) {
      return x.compareTo(full) >= 0 ? HUNDRED : BigDecimal.ZERO;
    }
    BigDecimal s = x.subtract(zero).multiply(HUNDRED).divide(full.subtract(zero), 10, RoundingMode.HALF_EVEN);
    return s.max(BigDecimal.ZERO).min(HUNDRED).stripTrailingZeros();
  }

  private static BigDecimal div(BigDecimal a, BigDecimal b) {
    return b.signum() == 0 ? BigDecimal.ZERO : a.divide(b, MathContext.DECIMAL64).setScale(10, RoundingMode.HALF_EVEN);
  }

  private static String pct(BigDecimal fraction) {
    return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " %";
  }

  private static BigDecimal[] zeros(int n) {
    BigDecimal[] a = new BigDecimal[n];
    java.util.Arrays.fill(a, BigDecimal.ZERO);
    return a;
  }
}
