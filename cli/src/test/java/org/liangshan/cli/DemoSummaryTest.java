package org.liangshan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.liangshan.core.region.Regions;
import org.liangshan.finance.FinanceTables;
import org.liangshan.warehouse.TableCatalog;

/** The demo summary's compensation lines, read back from a real (small) gold.compensation_ledger. */
class DemoSummaryTest {
  @AfterAll
  static void stopSpark() {
    Lakehouse.closeAll();
  }

  @Test
  void compensationByMethodWithItsAmountWeightedIllustrativeShareOfTheLatestRevisions() throws Exception {
    Lakehouse lakehouse = new Lakehouse();
    lakehouse.root = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "demo-summary").toString();
    lakehouse.master = "local[1]";
    TableCatalog catalog = lakehouse.catalog();
    String columns = "region, year, period, entry_id, agreement_id, method, payer, payee, amount_yuan, basis,"
        + " illustrative_share, status, revision, run_id, parameter_set";
    catalog.append(FinanceTables.COMPENSATION_LEDGER, catalog.spark().sql("SELECT * FROM VALUES"
        + " ('tianjin', 2024, '2024', 'TJ-H-01:2024:r1', 'TJ-H-01', 'xinan-p-index', '天津市', '河北省', 200000000, '{}', 1.0D, 'draft', 1, 'r', 'p'),"
        + " ('tianjin', 2024, '2024-04', 'TJ-H-02:2024-04:r1', 'TJ-H-02', 'section-compensation', '北京市', '天津市', 421200, '{}', 0.0D, 'draft', 1, 'r', 'p'),"
        // revision 1 of May was approved, then revised: only revision 2 counts
        + " ('tianjin', 2024, '2024-05', 'TJ-H-02:2024-05:r1', 'TJ-H-02', 'section-compensation', '天津市', '北京市', 100, '{}', 1.0D, 'approved', 1, 'r', 'p'),"
        + " ('tianjin', 2024, '2024-05', 'TJ-H-02:2024-05:r2', 'TJ-H-02', 'section-compensation', '天津市', '北京市', 200880, '{}', 0.0D, 'draft', 2, 'r', 'p'),"
        // another year is not the summary's
        + " ('tianjin', 2023, '2023', 'TJ-V-03:2023:r1', 'TJ-V-03', 'fixed-transfer', '天津市财政局', '蓟州区', 100000000, '{}', 1.0D, 'draft', 1, 'r', 'p')"
        + " AS t(" + columns + ")"));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new DemoSummary(catalog, List.of(Regions.load("tianjin")), new Years(2024, 2024))
        .print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().map(String::strip).toList();

    assertThat(lines).contains("Compensation 2024 by method, with the share resting on illustrative parameters or agreement"
        + " terms (docs/methods/compensation.md):");
    // 2e8 resting wholly on illustrative terms; 421,200 + 200,880 = 622,080 on published ones; together
    // 2e8 / 200,622,080 = 99.7 %.
    assertThat(lines).anySatisfy(l -> assertThat(l.split("\\s+")).containsExactly("xinan-p-index", "1", "20,000.0", "100%"));
    assertThat(lines).anySatisfy(l -> assertThat(l.split("\\s+")).containsExactly("section-compensation", "2", "62.2", "0%"));
    assertThat(lines).anySatisfy(l -> assertThat(l.split("\\s+")).containsExactly("compensation", "3", "20,062.2", "100%"));
  }

  @Test
  void onePledgePerLineWithItsInstrumentPriceHaircutAndTermInTheirUnits() throws Exception {
    Lakehouse lakehouse = new Lakehouse();
    lakehouse.root = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "demo-pledges").toString();
    lakehouse.master = "local[1]";
    TableCatalog catalog = lakehouse.catalog();
    String columns = "region, valuation_date, loan_id, bank_id, pledge_id, right_id, right_type, subject, zone_id,"
        + " quantity, valuation_price, trades_in_window, series_trades, price_source, haircut, liquidity_addon,"
        + " remaining_term_years, term_factor, collateral_value_yuan, max_loan_yuan, outstanding_yuan,"
        + " outstanding_share_yuan, status, notes, quantity_unit, price_unit, run_id, parameter_set";
    catalog.append(FinanceTables.COLLATERAL_VALUATION, catalog.spark().sql("SELECT t.*,"
        + " CAST(NULL AS DECIMAL(38, 2)) AS spot_price, CAST(NULL AS DECIMAL(38, 2)) AS avg_price_20d, CAST(NULL AS DOUBLE) AS ltv,"
        + " CAST(NULL AS DATE) AS valid_until, CAST(NULL AS DATE) AS loan_matures_on, CAST(NULL AS DOUBLE) AS ltv_actual,"
        + " CAST(NULL AS DECIMAL(38, 2)) AS margin_call_price, CAST(NULL AS DOUBLE) AS topup_quantity FROM VALUES"
        // 0.98 t/a x 12,536,000 x (1 - 0.2312) x 0.9524 = 8,995,344.92 yuan = 899.5 万元 (max loan at LTV 0.5: 449.8 万元)
        + " ('liyang', DATE'2024-12-31', 'L1', 'B1', 'P-2', 'R-2', 'eco_voucher', 'TP', 'LY-WFZ-01', 0.98D,"
        + " 12536000.00BD, 20, 250, 'market', 0.2312D, 0.0312D, 0.5D, 0.9524D, 8995344.92BD, 4497672.46BD, 1000000.00BD,"
        + " 1000000.00BD, 'ok', '', 't/a', 'yuan per t/a', 'r', 'p'),"
        + " ('liyang', DATE'2024-12-31', 'L1', 'B1', 'P-1', 'R-1', 'carbon_quota', 'CO2', NULL, 1500D,"
        + " NULL, 0, 0, 'none', NULL, NULL, NULL, NULL, NULL, NULL, 1000000.00BD,"
        + " 1000000.00BD, 'no_price', 'no trade', 'tCO2e', NULL, 'r', 'p')"
        + " AS t(" + columns + ")"));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new DemoSummary(catalog, List.of(Regions.load("liyang")), new Years(2024, 2024))
        .print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().map(String::strip).toList();

    assertThat(lines).contains("Collateral valuations: 2 pledges, collateral value 899.5 万元, max loan 449.8 万元, 1 flagged"
        + " (see status)");
    int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("pledge")).findFirst().orElseThrow());
    assertThat(lines.get(header + 2).split("\\s+")).containsExactly("P-1", "carbon_quota", "CO2", "1,500.000", "tCO2e", "none", "n/a", "n/a",
        "no", "expiry", "no_price");
    assertThat(lines.get(header + 3).split("\\s+")).containsExactly("P-2", "eco_voucher", "TP", "LY-WFZ-01", "0.980", "t/a",
        "12,536,000.00", "yuan", "per", "t/a", "23.120%", "3.120%", "0.50", "0.952", "899.5", "ok");
  }
}
