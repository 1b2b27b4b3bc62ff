package org.liangshan.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liangshan.core.LiangshanException;

/** The captured-queries file: written and read back unchanged, refused with the file, query and field when malformed. */
class CapturedQueriesTest {
  @TempDir Path dir;

  private static CapturedQueries sut() {
    return new CapturedQueries("http://127.0.0.1:8088", Instant.parse("2026-12-07T16:00:00Z"), List.of(
        new CapturedQueries.Query("gep_overview", "gep_total", 12, "SELECT SUM(gep_yuan) AS \"gep\"\nFROM (SELECT * FROM marts.gep_overview) AS virtual_table\nLIMIT 1"),
        new CapturedQueries.Query("carbon_sink", "carbon_sink_map", 31, "SELECT geometry_json FROM (SELECT * FROM marts.carbon_sink_map) AS virtual_table LIMIT 50000")));
  }

  @Test
  void aWrittenFileReadsBackTheSameQueries() throws IOException {
    Path file = dir.resolve("sub/captured.json");
    sut().write(file);
    assertThat(CapturedQueries.read(file)).isEqualTo(sut());
    assertThat(Files.readString(file)).contains("\"format\" : \"" + CapturedQueries.FORMAT + "\"");
  }

  @Test
  void tablesReadAreTheSchemaQualifiedNamesBareQuotedOrBehindTheCatalogue() {
    assertThat(CapturedQueries.tablesRead("SELECT a FROM marts.gep_overview o JOIN \"gold\".\"gep_by_service\" s ON o.region = s.region "
        + "JOIN delta.gold.grid_cells g ON g.cell_id = s.cell_id LEFT JOIN \"delta\".\"silver\".\"districts\" d ON TRUE"))
        .containsExactly("gold.gep_by_service", "gold.grid_cells", "marts.gep_overview", "silver.districts");
    // Aliases and columns are not tables; upper case is folded.
    assertThat(CapturedQueries.tablesRead("SELECT o.region, virtual_table.year FROM MARTS.GEP_OVERVIEW AS o"))
        .containsExactly("marts.gep_overview");
  }

  @Test
  void aFileOfAnotherKindIsRefusedNamingIt() throws IOException {
    Path file = dir.resolve("report.tsv");
    Files.writeString(file, "{\"queries\": []}");
    assertThatThrownBy(() -> CapturedQueries.read(file)).isInstanceOf(LiangshanException.class)
        .hasMessage(file + " is not a file of captured dashboard queries (its \"format\" should be \"" + CapturedQueries.FORMAT
            + "\"; write one with 'liangshan dashboards capture-queries --out FILE').");
  }

  /** A captured-queries file with this capture time and these queries (JSON objects). */
  private Path file(String capturedAt, String queries) throws IOException {
    Path file = dir.resolve("captured.json");
    Files.writeString(file, """
        {"format": "%s", "superset": "http://127.0.0.1:8088", "captured_at": "%s", "queries": [%s]}
        """.formatted(CapturedQueries.FORMAT, capturedAt, queries));
    return file;
  }

  @Test
  void aFileThatIsNotJsonIsRefusedNamingItAndTheLine() throws IOException {
    Path file = dir.resolve("bench.tsv");
    Files.writeString(file, "# liangshan warehouse bench report v1\n");
    assertThatThrownBy(() -> CapturedQueries.read(file)).isInstanceOf(LiangshanException.class)
        .hasMessageStartingWith(file + " is not a file of captured dashboard queries (not JSON: Unexpected character ('#'")
        .hasMessageEndingWith(" at line 1; write one with 'liangshan dashboards capture-queries --out FILE').");
  }

  @Test
  void aQueryWithoutSqlIsRefusedNamingTheFileQueryAndField() throws IOException {
    Path file = file("2026-12-07T16:00:00Z", """
        {"dashboard": "gep_overview", "chart": "gep_total", "chart_id": 1, "sql": "SELECT 1"},
        {"dashboard": "gep_overview", "chart": "gep_growth", "chart_id": 2}""");
    assertThatThrownBy(() -> CapturedQueries.read(file)).isInstanceOf(LiangshanException.class)
        .hasMessage(file + ", query 2 (chart gep_growth): the field \"sql\" is missing or not text.");
  }

  @Test
  void aChartCapturedTwiceIsRefused() throws IOException {
    Path file = file("2026-12-07T16:00:00Z", """
        {"dashboard": "gep_overview", "chart": "gep_total", "chart_id": 1, "sql": "SELECT 1"},
        {"dashboard": "gep_overview", "chart": "gep_total", "chart_id": 1, "sql": "SELECT 2"}""");
    assertThatThrownBy(() -> CapturedQueries.read(file)).isInstanceOf(LiangshanException.class)
        .hasMessage(file + ", query 2 (chart gep_total): the chart is captured twice.");
  }

  @Test
  void aCaptureTimeThatIsNotUtcIsRefused() throws IOException {
    Path file = file("yesterday", """
        {"dashboard": "gep_overview", "chart": "gep_total", "chart_id": 1, "sql": "SELECT 1"}""");
    assertThatThrownBy(() -> CapturedQueries.read(file)).isInstanceOf(LiangshanException.class)
        .hasMessage(file + ": \"captured_at\" is not a UTC time: yesterday");
  }

  @Test
  void theStatementExecutedIsTheShownTextWithoutItsClosingSemicolon() {
    // As Superset 6.1's chart-data API shows a query (ExploreMixin.get_query_str): the statement, then ";".
    assertThat(Publisher.executed("SELECT region_name AS region_name \nFROM (SELECT 1) AS virtual_table\nLIMIT 10000;\n"))
        .isEqualTo("SELECT region_name AS region_name \nFROM (SELECT 1) AS virtual_table\nLIMIT 10000");
    assertThat(Publisher.executed("SELECT 'a;b' AS x")).isEqualTo("SELECT 'a;b' AS x");
    assertThatThrownBy(() -> Publisher.executed("SET session x = 1;\n\nSELECT 1;")).isInstanceOf(LiangshanException.class)
        .hasMessageStartingWith("Superset's query has pre-queries");
  }
}
