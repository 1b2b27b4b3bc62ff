package org.liangshan.pipelines.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.liangshan.core.LiangshanException;

class SourceFamiliesTest {
  private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

  @Test
  void everyHeaderOfEveryFamilyIsDocumentedInTheLandingContract() throws IOException {
    String contract = Files.readString(Path.of("..", "docs", "landing-formats.md"));
    for (SourceFamily family : SourceFamilies.all()) {
      assertThat(contract).as(family.name() + " folder").contains(family.folder() + "/");
      for (FieldSpec field : family.fields()) {
        if (family.hasFileNameColumn() && field.column().equals(family.fileNameColumn())) {
          continue;
        }
        assertThat(contract).as(family.name() + "." + field.column()).contains(field.headers().get(0));
      }
    }
  }

  @Test
  void silverTablesHaveRegionFirstLineageLastAndANaturalKey() {
    assertThat(SourceFamilies.silverTables()).allSatisfy(table -> {
      assertThat(table.columns().get(0).name()).isEqualTo("region");
      assertThat(table.columns().get(table.columns().size() - 1).name()).isEqualTo("ingest_run_id");
      assertThat(table.naturalKey()).startsWith("region").hasSizeGreaterThan(1);
    });
    // Both water-quality families fill one table.
    assertThat(SourceFamilies.get("water-quality-auto").silver()).isEqualTo(SourceFamilies.get("water-quality-manual").silver());
  }

  @Test
  void fieldsTypeValuesAndNameTheFieldWhenTheyCannot() throws Rejection {
    FieldSpec flow = SourceFamilies.get("hydrology").field("flow_m3_s");
    assertThat(flow.parse(" 1234.5 ", NOW)).isEqualTo(1234.5);
    // Hydrology declares no thousands separator: 1,234.5 is refused, not read with the comma dropped.
    assertThatThrownBy(() -> flow.parse("1,234.5", NOW)).isInstanceOf(Rejection.class)
        .hasMessage("'1,234.5' in '流量(m³/s)' is not a number: ',' is neither this family's decimal mark ('.') nor a thousands"
            + " separator it declares; if the agency writes decimal commas, the family must declare decimal-mark: \",\"");
    assertThat(flow.parse("", NOW)).isNull();
    assertThatThrownBy(() -> flow.parse("abc", NOW)).isInstanceOf(Rejection.class)
        .hasMessage("'abc' in '流量(m³/s)' is not a number: expected digits with '.' as the decimal mark and no thousands separator")
        .satisfies(e -> assertThat(((Rejection) e).field()).isEqualTo("flow_m3_s"));
    assertThatThrownBy(() -> flow.parse("-3", NOW)).hasMessage("流量(m³/s) = -3 is below the minimum 0")
        .satisfies(e -> assertThat(((Rejection) e).reason()).isEqualTo(Rejection.Reason.NEGATIVE_VALUE));
    FieldSpec date = SourceFamilies.get("hydrology").field("date");
    assertThatThrownBy(() -> date.parse("2024-13-01", NOW)).hasMessage("'2024-13-01' in '日期' is not a date (yyyy-MM-dd)");
    assertThatThrownBy(() -> date.parse("2026-01-01", NOW)).hasMessage("date 2026-01-01 in '日期' is in the future");
    FieldSpec body = SourceFamilies.get("sections").field("water_body");
    assertThat(body.parse("湖库", NOW)).isEqualTo("lake");
    assertThat(body.parse("River", NOW)).isEqualTo("river");
    assertThatThrownBy(() -> body.parse("海洋", NOW)).hasMessageStartingWith("'海洋' is not a known value of '水体类型'");
  }

  @Test
  void unknownFamilyIsBadInputListingTheKnownOnes() {
    assertThatThrownBy(() -> SourceFamilies.get("satellite"))
        .isInstanceOf(LiangshanException.class)
        .hasMessageStartingWith("Unknown source family 'satellite'. Known families: sections, water-quality-auto");
  }
}
