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
}
