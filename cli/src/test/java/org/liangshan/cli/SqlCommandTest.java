package org.liangshan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@code liangshan sql} on a real (empty) lakehouse: queries run, writes are refused before Spark executes them. */
class SqlCommandTest {
  @AfterAll
  static void stopSpark() {
    Lakehouse.closeAll();
  }

  private static CalcCommandTest.Result sql(String statement) throws Exception {
    Path lakehouse = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "sql-command");
    return CalcCommandTest.run("sql", "--lakehouse", lakehouse.toString(), "--master", "local[1]", statement);
  }

  @Test
  void aQueryRunsAndPrintsItsRows() throws Exception {
    CalcCommandTest.Result result = sql("WITH x AS (SELECT 1 AS a UNION ALL SELECT 2) SELECT sum(a) + 40 AS answer FROM x");
    assertThat(result.status()).as(result.err()).isZero();
    assertThat(result.out()).contains("answer").contains("43").contains("(1 row)");
  }

  @Test
  void aDeleteBehindACteIsRefusedWithExit2() throws Exception {
    CalcCommandTest.Result result = sql("WITH x AS (SELECT 1) DELETE FROM gold.gep_by_district");
    assertThat(result.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(result.err()).contains("Only read-only statements are accepted here").contains("DeleteFromTable");
  }

  @Test
  void settingConfigurationAndMergeAreRefused() throws Exception {
    CalcCommandTest.Result set = sql("SET spark.sql.ansi.enabled = false");
    assertThat(set.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(set.err()).contains("Only read-only statements are accepted here").contains("SetCommand");
    CalcCommandTest.Result merge = sql("WITH s AS (SELECT 1 AS k) MERGE INTO gold.t USING s ON t.k = s.k WHEN MATCHED THEN DELETE");
    assertThat(merge.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(merge.err()).contains("MergeIntoTable");
  }
}
