package org.liangshan.pipelines.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/landing-formats.md is generated from spec/landing-families.yaml. After an intended change to the spec or
 * the template, regenerate it with
 * {@code mvn -pl pipelines -am test -Dtest=LandingFormatsDocTest -Dgolden.update=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class LandingFormatsDocTest {
  private static final Path COMMITTED = Path.of("..").resolve(LandingFormatsDoc.DOC);

  @Test
  void committedPageIsTheOneTheSpecGenerates() throws IOException {
    String generated = LandingFormatsDoc.render(SourceFamilies.spec());
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
    }
    String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);
    assertThat(committed)
        .as("docs/landing-formats.md differs from the spec; run mvn -pl pipelines -am test -Dtest=LandingFormatsDocTest"
            + " -Dgolden.update=true -Dsurefire.failIfNoSpecifiedTests=false to regenerate")
        .isEqualTo(generated);
  }

  @Test
  void aFamilyTableListsHeadersAliasesRangesCodesAndReferences() {
    String page = LandingFormatsDoc.render(SourceFamilies.spec());
    assertThat(page)
        .contains("| 流量(m³/s) | flow_m3_s |  | number 0 – 100000 | daily mean flow, m³/s |")
        .contains("| 断面编码 | section_id | yes | a known section (`sections/sections.csv`) | section |")
        .contains("| 水体类型 | water_body | yes | 河流 (river), 湖库 (lake) | river or lake |")
        .contains("| 污染物 | pollutant | yes | COD, 氨氮 (NH3-N), 总磷 (TP), 总氮 (TN) | pollutant |")
        .contains("| 总磷 | tp | mg/L | 0 – 20 |")
        .contains("| hydrology | `hydrology/<yyyy>.csv` | 1 | 30 days after the year's end |")
        .contains("| `landcover` | annual | class codes below (uint8) |");
  }
}
