package org.liangshan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liangshan.dashboards.CapturedQueries;

/**
 * {@code warehouse bench --queries FILE} reads the captured queries before it looks for a Trino: a bad file is refused
 * without a server (the captured queries that reach Trino are DashboardsIT's).
 */
class WarehouseBenchCommandTest {
  private static CalcCommandTest.Result bench(String... options) throws Exception {
    Path serving = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "warehouse-bench");
    List<String> args = new java.util.ArrayList<>(List.of("warehouse", "bench", "--serving-dir", serving.toString()));
    args.addAll(List.of(options));
    return CalcCommandTest.run(args.toArray(String[]::new));
  }

  private static Path captured() throws Exception {
    Path file = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "captured", ".json");
    new CapturedQueries("http://127.0.0.1:8088", Instant.parse("2026-12-07T16:00:00Z"), List.of(
        new CapturedQueries.Query("gep_overview", "gep_growth", 3, "SELECT 1 FROM marts.gep_overview LIMIT 1"))).write(file);
    return file;
  }

  @Test
  void aFileThatIsNotOfCapturedQueriesIsRefusedNamingItBeforeAnyTrinoIsContacted() throws Exception {
    Path file = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "report", ".tsv");
    Files.writeString(file, "# liangshan warehouse bench report v1\n");
    CalcCommandTest.Result result = bench("--queries", file.toString());
    assertThat(result.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(result.err()).contains(file + " is not a file of captured dashboard queries").doesNotContain("No local Trino is running");
  }

  @Test
  void aQueryNameIsLookedUpInTheCapturedSet() throws Exception {
    CalcCommandTest.Result result = bench("--queries", captured().toString(), "--query", "carbon_sink_map_tianjin");
    assertThat(result.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(result.err()).contains("Unknown dashboard query 'carbon_sink_map_tianjin'. Known: gep_growth.");
  }

  @Test
  void aGoodFileGoesOnToFindTheServer() throws Exception {
    CalcCommandTest.Result result = bench("--queries", captured().toString());
    assertThat(result.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(result.err()).contains("No local Trino is running from");
  }
}
