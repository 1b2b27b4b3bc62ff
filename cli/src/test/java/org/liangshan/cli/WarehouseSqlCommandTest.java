package org.liangshan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code warehouse sql} refuses a write before it looks for a Trino: no server is needed to see the check (the
 * statements that reach Trino are TrinoServingIT's).
 */
class WarehouseSqlCommandTest {
  private static CalcCommandTest.Result sql(String statement) throws Exception {
    Path serving = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "warehouse-sql");
    return CalcCommandTest.run("warehouse", "sql", "--serving-dir", serving.toString(), "--user", "platform", statement);
  }

  @Test
  void aDeleteBehindACteIsRefusedBeforeAnyTrinoIsContacted() throws Exception {
    CalcCommandTest.Result result = sql("WITH x AS (SELECT 1) DELETE FROM delta.gold.grid_cells");
    assertThat(result.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(result.err()).contains("Only read-only statements are accepted here").contains("DeleteFromTable")
        .doesNotContain("No local Trino is running");
  }

  @Test
  void insertWithACteAndMergeAreRefused() throws Exception {
    CalcCommandTest.Result insert = sql("WITH x AS (SELECT 1 AS k) INSERT INTO delta.gold.t SELECT * FROM x");
    assertThat(insert.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(insert.err()).contains("InsertIntoStatement");
    CalcCommandTest.Result merge = sql("MERGE INTO delta.gold.t USING delta.gold.s ON t.k = s.k WHEN MATCHED THEN DELETE");
    assertThat(merge.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(merge.err()).contains("MergeIntoTable");
  }

  @Test
  void aReadOnlyStatementGoesOnToFindTheServer() throws Exception {
    CalcCommandTest.Result query = sql("SELECT count(*) FROM delta.marts.gep_overview;");
    assertThat(query.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(query.err()).contains("No local Trino is running from");
  }
}
