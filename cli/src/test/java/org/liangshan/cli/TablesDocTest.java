package org.liangshan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.liangshan.warehouse.TableProvider;
import org.liangshan.warehouse.TablesDoc;

/**
 * docs/tables.md is generated from the table specs of every module (here, where every module is on the
 * classpath). After an intended change to a spec, regenerate it with
 * {@code mvn -pl cli -am test -Dtest=TablesDocTest -Dgolden.update=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class TablesDocTest {
  private static final Path COMMITTED = Path.of("..").resolve(TablesDoc.DOC);

  private static String generated() {
    return TablesDoc.render(ServiceLoader.load(TableProvider.class));
  }

  @Test
  void committedPageIsTheOneTheSpecsGenerate() throws IOException {
    String generated = generated();
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
        .as("docs/tables.md differs from the spec; run mvn -pl cli -am test -Dtest=TablesDocTest"
            + " -Dgolden.update=true -Dsurefire.failIfNoSpecifiedTests=false to regenerate")
        .isEqualTo(generated);
  }

  @Test
  void aTableListsItsDeclarationColumnsChecksAndKey() {
    assertThat(generated())
        .contains("| [gold.grid_cells](#goldgrid_cells) | geo-jobs `spec/tables/geo.yaml` | Analysis grid: one row per grid cell x district piece |")
        .contains("Declared in geo-jobs `spec/tables/geo.yaml`. Partitioned by `region`. Natural key: `region`, `cell_id`, `district_code`.")
        .contains("| `zone_id` | STRING | yes |  | water-function zone containing the piece's interior point |")
        .contains("| `area_m2` | DOUBLE |  | m2 | piece area in the region's metric CRS, m2 |")
        .contains("| `benchmark_price_yuan_per_t_a` | DECIMAL(38,6) |  | yuan per t/a | annualized cost / tradable capacity, yuan per t/a |")
        .contains("| `run_id` | STRING |  |  | run that produced this row (ops.run_log) |")
        .contains("- `area_positive`: `area_m2 > 0`")
        .contains("| `cell_id` | STRING |  |  | cell id &lt;region&gt;-&lt;column&gt;-&lt;row&gt; in the metric grid (row 0 southernmost) |")
        .contains("| [ops.run_log](#opsrun_log) | warehouse `spec/tables/ops.yaml` |");
  }

  @Test
  void tablesStillDeclaredInJavaAreListedWithTheirProvider() {
    assertThat(generated()).contains("| [ops.quarantine](#opsquarantine) | warehouse `spec/tables/ops.yaml` |")
        .containsPattern("\\| \\[silver\\.[a-z_]+\\]\\(#silver[a-z_]+\\) \\| Java \\(`org\\.liangshan\\.pipelines\\.[A-Za-z.]+`\\) \\|");
  }
}
