package org.liangshan.finance.publish;

import static org.apache.spark.sql.functions.col;
import static org.liangshan.warehouse.JobSupport.money;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.liangshan.warehouse.SparkSql;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.Region;
import org.liangshan.finance.model.BankBook;
import org.liangshan.finance.model.FinanceParameters;
import org.liangshan.finance.model.LoanBalance;
import org.liangshan.warehouse.JobSupport;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.TableDef;

/**
 * The loan book of a region for a year, thin over {@link BankBook}: the green project library and loan
 * pricing at the end of the year, PCAF financed emissions per loan and per bank for the year, and the
 * PBoC evaluation per bank for each quarter. Reads silver.loans, silver.repayments, silver.banks,
 * silver.green_projects, silver.borrowers and silver.bank_qualitative; replaces the region's slice of
 * the year in each gold table.
 */
public final class BankBookJob {
  private BankBookJob() {}

  public record Summary(String region, int year, int projects, int loansPriced, int banks, double financedTco2e,
      int evaluations, int banksEvaluated) {
    @Override
    public String toString() {
      return String.format("bank book %s %d: %d green projects, %d loans priced, financed emissions of %d banks %.1f tCO2e,"
          + " %d PBoC evaluations of %d banks in scope (pboc.scope)", region, year, projects, loansPriced, banks, financedTco2e,
          evaluations, banksEvaluated);
    }
  }

  public static Summary run(Run run, Region region, int year, ParameterSet params, Consumer<String> progress) {
    ParameterSet p = FinanceParameters.complete(params);
    String id = region.id();
    progress.accept("bank book " + id + " " + year + ": reading loans, repayments, projects, borrowers");
    List<BankBook.Loan> loans = new ArrayList<>();
    for (Row r : silver(run, "loans", region).orderBy("loan_id").collectAsList()) {
      loans.add(new BankBook.Loan(r.getAs("loan_id"), r.getAs("bank_id"), r.getAs("borrower"), date(r, "disbursed_on"),
          JobSupport.textDate(r, "matures_on"), decimal(r, "principal_yuan"),
          Optional.ofNullable(r.getAs("rate")).map(v -> BigDecimal.valueOf(((Number) v).doubleValue())),
          r.getAs("green_rating"), Optional.ofNullable(r.getAs("project_id"))));
    }
    List<LoanBalance.Repayment> repayments = new ArrayList<>();
    for (Row r : silver(run, "repayments", region).collectAsList()) {
      repayments.add(new LoanBalance.Repayment(r.getAs("loan_id"), date(r, "repaid_on"), decimal(r, "amount_yuan")));
    }
    Map<String, String> banks = new TreeMap<>();
    for (Row r : silver(run, "banks", region).collectAsList()) {
      banks.put(r.getAs("bank_id"), r.getAs("bank_name"));
    }
    Map<String, BankBook.Project> library = new TreeMap<>();
    LocalDate yearEnd = LocalDate.of(year, 12, 31);
    for (Row r : silver(run, "green_projects", region).collectAsList()) {
      LocalDate listed = date(r, "listed_on");
      if (!listed.isAfter(yearEnd)) {
        library.put(r.getAs("project_id"), new BankBook.Project(r.getAs("project_id"), r.getAs("name"), r.getAs("category"),
            r.getAs("rating"), r.getAs("criteria"), listed));
      }
    }
    Map<String, BankBook.Borrower> borrowers = new TreeMap<>();
    for (Row r : silver(run, "borrowers", region).where(col("year").equalTo(year)).collectAsList()) {
      borrowers.put(r.getAs("uscc"), new BankBook.Borrower(r.getAs("uscc"), year, Optional.ofNullable(decimal(r, "evic_yuan")),
          Optional.ofNullable(decimal(r, "equity_yuan")), Optional.ofNullable(decimal(r, "debt_yuan")),
          ((Number) r.getAs("emissions_tco2e")).doubleValue(), ((Number) r.getAs("data_quality")).intValue()));
    }

    Map<String, BigDecimal> balances = BankBook.balances(loans, repayments, yearEnd);
    List<BankBook.Priced> priced = BankBook.price(loans, library, balances, p);
    List<BankBookRows.Project> libraryRows = new ArrayList<>();
    for (BankBook.Project project : library.values()) {
      int n = 0;
      BigDecimal outstanding = BigDecimal.ZERO;
      for (BankBook.Loan l : loans) {
        if (l.projectId().filter(project.projectId()::equals).isPresent()) {
          n++;
          outstanding = outstanding.add(balances.get(l.loanId()));
        }
      }
      String cls = BankBook.greenClass(project.rating(), p);
      libraryRows.add(new BankBookRows.Project(id, yearEnd, project.projectId(), project.name(), project.category(),
          project.rating(), cls, discount(p, cls), project.criteria(), project.listedOn(), n, money(outstanding)));
    }
    List<BankBookRows.Pricing> pricingRows = new ArrayList<>();
    for (BankBook.Priced x : priced) {
      pricingRows.add(new BankBookRows.Pricing(id, yearEnd, x.loan().loanId(), x.loan().bankId(), x.loan().borrower(),
          x.loan().projectId(), x.rating(), x.ratingSource(), x.greenClass(), x.baseRate(), x.discount(),
          x.pricedRate(), x.loan().contractRate(), money(x.balanceYuan()), money(x.annualSavingYuan())));
    }

    List<BankBook.Financed> financed = BankBook.pcaf(loans, balances, borrowers);
    List<BankBookRows.Financed> financedRows = new ArrayList<>();
    Map<String, BankTally> byBank = new TreeMap<>();
    double totalFinanced = 0;
    for (BankBook.Financed f : financed) {
      Optional<BankBook.Borrower> b = f.borrower();
      financedRows.add(new BankBookRows.Financed(id, year, f.loan().bankId(), f.loan().loanId(), f.loan().borrower(),
          money(f.balanceYuan()), b.flatMap(BankBook.Borrower::evicYuan).map(JobSupport::money),
          b.filter(x -> x.equityYuan().isPresent() && x.debtYuan().isPresent())
              .map(x -> money(x.equityYuan().get().add(x.debtYuan().get()))),
          f.basis(), f.attribution().map(a -> a.setScale(10, java.math.RoundingMode.HALF_EVEN)),
          b.map(BankBook.Borrower::emissionsTco2e), f.financedTco2e(), b.map(BankBook.Borrower::dataQuality)));
      BankTally s = byBank.computeIfAbsent(f.loan().bankId(), k -> new BankTally());
      s.loans++;
      s.outstanding = s.outstanding.add(f.balanceYuan());
      if (f.financedTco2e().isPresent()) {
        s.attributedLoans++;
        s.attributed = s.attributed.add(f.balanceYuan());
        s.financedTco2e += f.financedTco2e().get();
        totalFinanced += f.financedTco2e().get();
        s.qualityWeight = s.qualityWeight.add(f.balanceYuan().multiply(BigDecimal.valueOf(b.orElseThrow().dataQuality())));
      }
    }
    List<BankBookRows.FinancedByBank> byBankRows = new ArrayList<>();
    byBank.forEach((bank, s) -> {
      Optional<Double> quality = s.attributed.signum() == 0 ? Optional.empty()
          : Optional.of(s.qualityWeight.divide(s.attributed, java.math.MathContext.DECIMAL64).doubleValue());
      byBankRows.add(new BankBookRows.FinancedByBank(id, year, bank, banks.getOrDefault(bank, bank), s.loans,
          s.attributedLoans, money(s.outstanding), money(s.attributed), s.financedTco2e, quality));
    });

    Map<String, Map<String, BankBook.Qualitative>> qualitative = new TreeMap<>();
    for (Row r : silver(run, "bank_qualitative", region).where(col("quarter").startsWith(year + "-Q")).collectAsList()) {
      qualitative.computeIfAbsent(r.getAs("quarter"), k -> new TreeMap<>()).put(r.getAs("bank_id"), new BankBook.Qualitative(
          dec(r, "policy"), dec(r, "system"), dec(r, "support")));
    }
    List<BankBookRows.Evaluation> evaluationRows = new ArrayList<>();
    List<String> evaluated = BankBook.evaluated(banks, p);
    for (int q = 1; q <= 4; q++) {
      LocalDate end = LocalDate.of(year, q * 3, 1).plusMonths(1).minusDays(1);
      String quarter = year + "-Q" + q;
      for (BankBook.Evaluation e : BankBook.pboc(evaluated, loans, library, repayments, end, quarter,
          qualitative.getOrDefault(quarter, Map.of()), p)) {
        evaluationRows.add(new BankBookRows.Evaluation(id, quarter, e.bankId(), banks.get(e.bankId()), money(e.green()),
            money(e.total()), money(e.regionGreen()), money(e.previousGreen()), money(e.greenOverdue()), e.greenShare(),
            e.marketShare(), e.growth(), e.overdueRatio(), e.scores().get(0), e.scores().get(1), e.scores().get(2),
            e.scores().get(3), e.qualitative().map(BankBook.Qualitative::policy),
            e.qualitative().map(BankBook.Qualitative::system), e.qualitative().map(BankBook.Qualitative::support),
            e.result().quantitativeScore(),
            e.hasQualitative() ? Optional.of(e.result().qualitativeScore()) : Optional.empty(),
            e.hasQualitative() ? Optional.of(e.result().totalScore()) : Optional.empty(), e.notes()));
      }
    }
    progress.accept("bank book " + id + " " + year + ": writing gold tables");
    String slice = "region = " + SparkSql.literal(id);
    JobSupport.replace(run, BankBookRows.PROJECT, libraryRows, slice + " AND as_of = DATE'" + yearEnd + "'");
    JobSupport.replace(run, BankBookRows.PRICING, pricingRows, slice + " AND as_of = DATE'" + yearEnd + "'");
    JobSupport.replace(run, BankBookRows.FINANCED, financedRows, slice + " AND year = " + year);
    JobSupport.replace(run, BankBookRows.FINANCED_BY_BANK, byBankRows, slice + " AND year = " + year);
    JobSupport.replace(run, BankBookRows.EVALUATION, evaluationRows, slice + " AND quarter LIKE '" + year + "-Q%'");
    return new Summary(id, year, libraryRows.size(), pricingRows.size(), byBankRows.size(), totalFinanced,
        evaluationRows.size(), evaluated.size());
  }

  /** A bank's PCAF sums while the loans are walked. */
  private static final class BankTally {
    int loans;
    int attributedLoans;
    BigDecimal outstanding = BigDecimal.ZERO;
    BigDecimal attributed = BigDecimal.ZERO;
    double financedTco2e;
    BigDecimal qualityWeight = BigDecimal.ZERO;
  }

  private static BigDecimal discount(ParameterSet p, String cls) {
    String key = "loan_pricing.discounts_by_rating." + cls;
    return p.has(key) ? p.decimal(key) : BigDecimal.ZERO;
  }

  private static Dataset<Row> silver(Run run, String name, Region region) {
    TableDef def = run.catalog().find("silver." + name).orElseThrow(() -> LiangshanException.failure(
        "Table silver.%s is not declared in the catalog: run the job through the liangshan CLI.", name));
    return run.input(def).where(col("region").equalTo(region.id()));
  }

  private static LocalDate date(Row r, String column) {
    Object v = r.getAs(column);
    return v instanceof LocalDate d ? d : ((Date) v).toLocalDate();
  }

  private static BigDecimal decimal(Row r, String column) {
    Object v = r.getAs(column);
    return v == null ? null : v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
  }

  private static BigDecimal dec(Row r, String column) {
    Object v = r.getAs(column);
    return v == null ? null : new BigDecimal(v.toString());
  }
}
