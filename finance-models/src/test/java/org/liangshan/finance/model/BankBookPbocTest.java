package org.liangshan.finance.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.liangshan.core.method.PbocScore;
import org.liangshan.core.param.ParameterSet;

/** The PBoC indicators come from the loan book, green by the same rating as pricing. */
class BankBookPbocTest {
  private static final ParameterSet PARAMS = FinanceParameters.complete(ParameterSet.defaults());

  private static BankBook.Loan loan(String id, String bank, String disbursed, String principal, String rating, String project) {
    return new BankBook.Loan(id, bank, "E-" + id, LocalDate.parse(disbursed), Optional.of(LocalDate.parse("2026-01-01")),
        new BigDecimal(principal), Optional.empty(), rating, Optional.ofNullable(project));
  }

  @Test
  void theWorkedExampleOfMethodology() {
    // METHODOLOGY.md 7: quantitative 80, 70, 90, 100 and qualitative 90, 80, 70 -> 85, 80, total 84.
    PbocScore.Output out = PbocScore.compute(new PbocScore.Input(
        List.of(new BigDecimal("80"), new BigDecimal("70"), new BigDecimal("90"), new BigDecimal("100")),
        new PbocScore.Qualitative(new BigDecimal("90"), new BigDecimal("80"), new BigDecimal("70")),
        PbocScore.Weights.of(PARAMS)));
    assertThat(out.quantitativeScore()).isEqualByComparingTo("85");
    assertThat(out.qualitativeScore()).isEqualByComparingTo("80");
    assertThat(out.totalScore()).isEqualByComparingTo("84");
  }

  @Test
  void aLoanWhoseProjectIsInTheLibraryIsGreenByTheLibrarysRating() {
    List<BankBook.Loan> loans = List.of(
        // Rated none on the record, but its project P1 is rated B in the library: green, as in pricing.
        loan("L1", "B1", "2024-01-01", "300", "none", "P1"),
        loan("L2", "B1", "2024-01-01", "700", "none", null),
        // B2's only loan is new this quarter: no previous green balance.
        loan("L3", "B2", "2024-11-01", "500", "C", null));
    Map<String, BankBook.Project> library = Map.of("P1", new BankBook.Project("P1", "光伏", "clean_energy", "B", "达标",
        LocalDate.parse("2023-01-01")));
    Map<String, BankBook.Qualitative> qualitative = Map.of("B1", new BankBook.Qualitative(new BigDecimal("90"),
        new BigDecimal("80"), new BigDecimal("70")));
    List<BankBook.Evaluation> e = BankBook.pboc(List.of("B1", "B2"), loans, library, List.of(), LocalDate.parse("2024-12-31"),
        LocalDate.parse("2024-09-30"), "2024-Q4", qualitative, PARAMS);
    BankBook.Evaluation b1 = e.get(0);
    assertThat(b1.green()).isEqualByComparingTo("300");
    assertThat(b1.regionGreen()).isEqualByComparingTo("800");
    // Green share 300/1000 = 30 % (full marks); 300/800 of green vs 1000/1500 of all loans: 0.5625 -> 56.25;
    // green balance unchanged on the quarter: 0; nothing overdue: 100. Mean 64.0625; total 0.8 x 64.0625 + 0.2 x 80.
    assertThat(b1.scores()).extracting(BigDecimal::doubleValue).containsExactly(100.0, 56.25, 0.0, 100.0);
    assertThat(b1.result().quantitativeScore()).isEqualByComparingTo("64.0625");
    assertThat(b1.result().totalScore()).isEqualByComparingTo("67.25");
    BankBook.Evaluation b2 = e.get(1);
    // All green; 500/800 vs 500/1500 (capped at full marks); new bank 50 points; nothing overdue.
    assertThat(b2.scores()).extracting(BigDecimal::doubleValue).containsExactly(100.0, 100.0, 50.0, 100.0);
    assertThat(b2.hasQualitative()).isFalse();
    // Judged by the record alone, B1 would have no green loan at all.
    assertThat(BankBook.pboc(List.of("B1"), loans, List.of(), LocalDate.parse("2024-12-31"), LocalDate.parse("2024-09-30"),
        "2024-Q4", qualitative, PARAMS).get(0).green()).isEqualByComparingTo("0");
  }
}
