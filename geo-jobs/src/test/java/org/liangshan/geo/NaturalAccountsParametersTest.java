package org.liangshan.geo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.param.Provenance;
import org.liangshan.core.region.Regions;

/** The balance-sheet and forest-carbon keys are part of every region's recorded parameter set. */
class NaturalAccountsParametersTest {
  @Test
  void theKeysAreCountedAndInTheRegionsSet() {
    ParameterSet own = ParameterSet.fromResource(NaturalAccountsParameterDefaults.RESOURCE);
    List<String> leaves = new ArrayList<>();
    collect("", own.toJson(), leaves);
    // a new key must be added here on purpose: the jobs read these paths
    // parameters only: sources, statuses and notes are not counted (Provenance.isMetadata)
    assertThat(leaves).hasSize(34);
    ParameterSet tianjin = ParameterSet.forRegion(Regions.load("tianjin"));
    assertThat(tianjin.sources()).contains("natural-resources-2025.1");
    assertThat(tianjin.decimal("balance_sheet.unit_value_yuan_per_km2.forest")).isEqualByComparingTo("5000000");
    assertThat(tianjin.number("forest_carbon.types.DBF.a_tc_ha")).isEqualTo(80);
    assertThat(tianjin.number("forest_carbon.horizon_years")).isEqualTo(10);
    assertThat(tianjin.texts("balance_sheet.assets.forest")).contains("DBF", "SHRUB");
  }

  private static void collect(String prefix, JsonNode node, List<String> out) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (Provenance.isMetadata(field.getKey())) {
          continue;
        }
        collect(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), out);
      }
    } else {
      out.add(prefix);
    }
  }
}
