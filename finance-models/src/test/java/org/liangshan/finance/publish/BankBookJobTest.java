package org.liangshan.finance.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;
import org.liangshan.finance.PublishFixtures;

/** Loan pricing, PCAF and the PBoC evaluation from a three-loan book, every number derived by hand. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BankBookJobTest {
  private final PublishFixtures lake = new PublishFixtures();
  private final Region tianjin = Regions.load("tianjin");
  private final ParameterSet params = ParameterSet.forRegion(tianjin);
  private BankBookJob.Summary summary;

  private static Map<String, Object> row(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @BeforeAll
  void run() {
    lake.silver("banks", "tianjin", List.of(row("bank_id", "B1", "bank_name", "一号银行"), row("bank_id", "B2", "bank_name", "二号银行")));
    lake.silver("loans", "tianjin", List.of(
        row("loan_id", "L1", "bank_id", "B1", "borrower", "E1", "disbursed_on", "2024-01-10", "matures_on", "2026-01-10",
            "principal_yuan", "1000000", "outstanding_yuan", "800000", "rate", 0.035, "green_rating", "A", "project_id", "P1"),
        row("loan_id", "L2", "bank_id", "B1", "borrower", "E2", "disbursed_on", "2024-03-01", "matures_on", "2027-03-01",
            "principal_yuan", "2000000", "outstanding_yuan", "2000000", "rate", 0.04, "green_rating", "none"),
        row("loan_id", "L3", "bank_id", "B2", "borrower", "E3", "disbursed_on", "2023-06-01", "matures_on", "2024-11-30",
            "principal_yuan", "500000", "outstanding_yuan", "400000", "rate", 0.037, "green_rating", "C")));
    lake.silver("repayments", "tianjin", List.of(
        row("loan_id", "L1", "repaid_on", "2024-06-30", "amount_yuan", "100000"),
        row("loan_id", "L1", "repaid_on", "2024-12-15", "amount_yuan", "100000"),
        row("loan_id", "L3", "repaid_on", "2024-03-31", "amount_yuan", "100000")));
    lake.silver("green_projects", "tianjin", List.of(row("project_id", "P1", "name", "蓟州光伏", "category", "clean_energy",
        "rating", "B", "criteria", "装机容量与减排量达标", "listed_on", "2023-05-01")));
    lake.silver("borrowers", "tianjin", List.of(
        row("uscc", "E1", "year", 2024, "evic_yuan", "8000000", "emissions_tco2e", 10000.0, "data_quality", 2),
        row("uscc", "E2", "year", 2024, "equity_yuan", "3000000", "debt_yuan", "1000000", "emissions_tco2e", 500.0,
            "data_quality", 4)));
    lake.silver("bank_qualitative", "tianjin", List.of(row("bank_id", "B1", "quarter", "2024-Q4", "policy", 90.0, "system", 80.0,
        "support", 70.0)));
    summary = BankBookJob.run(lake.run("bank-book", tianjin, "2024", params), tianjin, 2024, params, m -> {});
  }

  @Test
  void pricesByTheLibraryRatingWhenTheProjectIsListed() {
    List<Row> rows = lake.catalog().read(PublicationTables.LOAN_PRICING).orderBy("loan_id").collectAsList();
    // base 3.85 %: L1's project P1 is rated B in the library (green, -0.30 %), L2 none, L3 C (light green, -0.10 %).
    assertThat(rows).extracting(r -> r.getAs("loan_id") + " " + r.getAs("rating") + " " + r.getAs("green_class") + " "
            + r.<BigDecimal>getAs("priced_rate").stripTrailingZeros().toPlainString())
        .containsExactly("L1 B green 0.0355", "L2 none none 0.0385", "L3 C light_green 0.0375");
    assertThat(rows.get(0).<String>getAs("rating_source")).isEqualTo("green project library P1");
    // 800,000 outstanding x 0.30 % = 2,400 yuan a year.
    assertThat(rows.get(0).<BigDecimal>getAs("annual_saving_yuan")).isEqualByComparingTo("2400");
    Row project = lake.catalog().read(PublicationTables.GREEN_PROJECT_LIBRARY).head();
    assertThat(project.<String>getAs("criteria")).isEqualTo("装机容量与减排量达标");
    assertThat(project.<Integer>getAs("loans")).isEqualTo(1);
    assertThat(project.<BigDecimal>getAs("discount")).isEqualByComparingTo("0.003");
  }

  @Test
  void financedEmissionsPerLoanAndBank() {
    List<Row> loans = lake.catalog().read(PublicationTables.FINANCED_EMISSIONS).orderBy("loan_id").collectAsList();
    // L1: 800,000 / EVIC 8e6 = 0.1 x 10,000 t; L2: 2e6 / (3e6 + 1e6) = 0.5 x 500 t; L3 has no borrower data.
    assertThat(loans.get(0).<Double>getAs("financed_tco2e")).isCloseTo(1000, within(1e-9));
    assertThat(loans.get(1).<String>getAs("attribution_basis")).isEqualTo("equity+debt");
    assertThat(loans.get(1).<Double>getAs("financed_tco2e")).isCloseTo(250, within(1e-9));
    assertThat(loans.get(2).<Double>getAs("financed_tco2e")).isNull();
    assertThat(loans.get(2).<String>getAs("attribution_basis")).startsWith("no borrower data");
    List<Row> banks = lake.catalog().read(PublicationTables.FINANCED_EMISSIONS_BY_BANK).orderBy("bank_id").collectAsList();
    assertThat(banks.get(0).<Double>getAs("financed_tco2e")).isCloseTo(1250, within(1e-9));
    // data quality weighted by balance: (0.8e6 x 2 + 2e6 x 4) / 2.8e6
    assertThat(banks.get(0).<Double>getAs("weighted_data_quality")).isCloseTo(9.6 / 2.8, within(1e-9));
    assertThat(banks.get(1).<Integer>getAs("loans_attributed")).isZero();
    assertThat(summary.financedTco2e()).isCloseTo(1250, within(1e-9));
  }

  @Test
  void pbocEvaluationOfTheFourthQuarter() {
    List<Row> q4 = lake.catalog().read(PublicationTables.PBOC_EVALUATION).where("quarter = '2024-Q4'").orderBy("bank_id")
        .collectAsList();
    Row b1 = q4.get(0);
    // green 800,000 of 2.8e6 (28.57 %, full marks at 30 %); 2/3 of the region's green loans vs 87.5 % of all loans;
    // no green balance a year earlier (L1 was disbursed in 2024): growth n/a, the new bank's 50 points (quarter on
    // quarter it fell from 900,000: 0 points); nothing overdue (100).
    assertThat(b1.<BigDecimal>getAs("previous_green_outstanding_yuan")).isEqualByComparingTo("0");
    assertThat(b1.<BigDecimal>getAs("growth")).isNull();
    assertThat(b1.<BigDecimal>getAs("score_green_share").doubleValue()).isCloseTo(100 * (8.0 / 28) / 0.3, within(1e-6));
    assertThat(b1.<BigDecimal>getAs("score_market_share").doubleValue()).isCloseTo(100 * (2.0 / 3) / 0.875, within(1e-6));
    assertThat(b1.<BigDecimal>getAs("score_growth").doubleValue()).isEqualTo(50);
    assertThat(b1.<BigDecimal>getAs("score_risk").doubleValue()).isEqualTo(100);
    double quantitative = 0.25 * (100 * (8.0 / 28) / 0.3 + 100 * (2.0 / 3) / 0.875 + 50 + 100);
    assertThat(b1.<BigDecimal>getAs("quantitative_score").doubleValue()).isCloseTo(quantitative, within(1e-6));
    assertThat(b1.<BigDecimal>getAs("qualitative_score")).isEqualByComparingTo("80");
    assertThat(b1.<BigDecimal>getAs("total_score").doubleValue()).isCloseTo(0.8 * quantitative + 0.2 * 80, within(1e-6));
    Row b2 = q4.get(1);
    // L3 matured on 2024-11-30 with 400,000 left: all of B2's green balance is overdue; a year earlier it was
    // 500,000: -20 % year on year, 0 points.
    assertThat(b2.<BigDecimal>getAs("green_overdue_yuan")).isEqualByComparingTo("400000");
    assertThat(b2.<BigDecimal>getAs("growth")).isEqualByComparingTo("-0.2");
    assertThat(b2.<BigDecimal>getAs("score_risk")).isEqualByComparingTo("0");
    assertThat(b2.<BigDecimal>getAs("quantitative_score")).isEqualByComparingTo("50");
    assertThat(b2.<BigDecimal>getAs("total_score")).isNull();
    assertThat(b2.<String>getAs("notes")).contains("no qualitative scores");
    assertThat(lake.catalog().read(PublicationTables.PBOC_EVALUATION).count()).isEqualTo(8);
  }
}
