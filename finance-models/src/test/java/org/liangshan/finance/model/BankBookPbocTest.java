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
        loan("L1", "B1", "2023-01-01", "300", "none", "P1"),
        loan("L2", "B1", "2023-01-01", "700", "none", null),
        // B2's only loan is new this year: no green balance a year earlier.
        loan("L3", "B2", "2024-11-01", "500", "C", null));
    Map<String, BankBook.Project> library = Map.of("P1", new BankBook.Project("P1", "光伏", "clean_energy", "B", "达标",
        LocalDate.parse("2023-01-01")));
    Map<String, BankBook.Qualitative> qualitative = Map.of("B1", new BankBook.Qualitative(new BigDecimal("90"),
        new BigDecimal("80"), new BigDecimal("70")));
    List<BankBook.Evaluation> e = BankBook.pboc(List.of("B1", "B2"), loans, library, List.of(), LocalDate.parse("2024-12-31"),
        "2024-Q4", qualitative, PARAMS);
    BankBook.Evaluation b1 = e.get(0);
    assertThat(b1.green()).isEqualByComparingTo("300");
    assertThat(b1.regionGreen()).isEqualByComparingTo("800");
    // Green share 300/1000 = 30 % (full marks); 300/800 of green vs 1000/1500 of all loans: 0.5625 -> 56.25;
    // green balance unchanged on the year (L1 was there on 2023-12-31): 0; nothing overdue: 100. Mean 64.0625;
    // total 0.8 x 64.0625 + 0.2 x 80.
    assertThat(b1.scores()).extracting(BigDecimal::doubleValue).containsExactly(100.0, 56.25, 0.0, 100.0);
    assertThat(b1.result().quantitativeScore()).isEqualByComparingTo("64.0625");
    assertThat(b1.result().totalScore()).isEqualByComparingTo("67.25");
    BankBook.Evaluation b2 = e.get(1);
    // All green; 500/800 vs 500/1500 (capped at full marks); new bank 50 points; nothing overdue.
    assertThat(b2.scores()).extracting(BigDecimal::doubleValue).containsExactly(100.0, 100.0, 50.0, 100.0);
    assertThat(b2.hasQualitative()).isFalse();
    // Judged by the record alone, B1 would have no green loan at all.
    assertThat(BankBook.pboc(List.of("B1"), loans, List.of(), LocalDate.parse("2024-12-31"),
        "2024-Q4", qualitative, PARAMS).get(0).green()).isEqualByComparingTo("0");
  }

  /**
   * docs/methods/pboc-evaluation.md, worked example: 天津银行 (a legal person) is evaluated, 中国工商银行天津分行
   * (a branch) is not, though its loans are in the region's market; growth is year on year.
   */
  @Test
  void theWorkedExampleOfTheMethodsPage() {
    List<BankBook.Loan> loans = List.of(
        loan("L1", "TJB", "2023-06-01", "400", "A", null),
        loan("L2", "TJB", "2024-05-01", "50", "B", null),
        loan("L3", "TJB", "2023-01-01", "1550", "none", null),
        loan("L4", "ICBC-TJ", "2024-10-01", "1350", "A", null),
        loan("L5", "ICBC-TJ", "2022-01-01", "650", "none", null));
    Map<String, String> banks = new java.util.TreeMap<>(Map.of("TJB", "天津银行", "ICBC-TJ", "中国工商银行天津分行"));
    List<String> evaluated = BankBook.evaluated(banks, PARAMS);
    assertThat(evaluated).containsExactly("TJB");
    Map<String, BankBook.Qualitative> qualitative = Map.of("TJB", new BankBook.Qualitative(new BigDecimal("90"),
        new BigDecimal("80"), new BigDecimal("70")));
    List<BankBook.Evaluation> e = BankBook.pboc(evaluated, loans, List.of(), LocalDate.parse("2024-12-31"), "2024-Q4",
        qualitative, PARAMS);
    assertThat(e).hasSize(1);
    BankBook.Evaluation tjb = e.get(0);
    // green 450 of 2,000 = 22.5 % (75 points at full marks 30 %); 450 of the region's 1,800 green = 25 % against
    // 2,000 of 4,000 = 50 % of all loans: 0.5 (50 points); green a year earlier (2023-12-31) 400: +12.5 % year on
    // year (62.5 points at full marks 20 %); nothing overdue (100). Mean 71.875; total 0.8 x 71.875 + 0.2 x 80 = 73.5.
    assertThat(tjb.previousGreen()).isEqualByComparingTo("400");
    assertThat(tjb.growth()).hasValueSatisfying(g -> assertThat(g).isEqualByComparingTo("0.125"));
    assertThat(tjb.scores()).extracting(BigDecimal::doubleValue).containsExactly(75.0, 50.0, 62.5, 100.0);
    assertThat(tjb.result().quantitativeScore()).isEqualByComparingTo("71.875");
    assertThat(tjb.result().totalScore()).isEqualByComparingTo("73.5");
    // Quarter on quarter (the former rule) the green balance was 450 on 2024-09-30 too: growth 0, 0 points, total 61.
    // Every bank of the region is evaluated under pboc.scope = all.
    ParameterSet all = PARAMS.withOverrides(PARAMS.version(), new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
        .set("pboc", new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("scope", "all")));
    assertThat(BankBook.evaluated(banks, all)).containsExactly("ICBC-TJ", "TJB");
  }

  @Test
  void aBranchIsNotALegalPerson() {
    assertThat(BankBook.legalPerson("天津农村商业银行")).isTrue();
    assertThat(BankBook.legalPerson("渤海银行")).isTrue();
    assertThat(BankBook.legalPerson("江苏银行溧阳支行")).isFalse();
    assertThat(BankBook.legalPerson("兴业银行天津分行")).isFalse();
  }
}
