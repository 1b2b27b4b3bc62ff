package org.liangshan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liangshan.cli.CalcCommandTest.Result;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.param.Provenance;
import org.liangshan.core.region.Regions;

/** {@code liangshan params}: real rows of the effective set, the status filter, overrides, help; no Spark. */
class ParamsCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Map<String, JsonNode> rows(String... args) throws Exception {
    Result result = CalcCommandTest.run(args);
    assertThat(result.status()).as(result.err()).isZero();
    Map<String, JsonNode> rows = new HashMap<>();
    for (JsonNode row : JSON.readTree(result.out())) {
      rows.put(row.get("key").asText(), row);
    }
    return rows;
  }

  @Test
  void listsAPublishedAndAnIllustrativeParameterWithTheirSources() throws Exception {
    Map<String, JsonNode> rows = rows("params", "--region", "tianjin", "--json");
    JsonNode ratio = rows.get("gep.climate.ac_energy_efficiency_ratio");
    assertThat(ratio.get("value").decimalValue()).isEqualByComparingTo("3.0");
    assertThat(ratio.get("status").asText()).isEqualTo("published");
    assertThat(ratio.get("source").asText()).contains("陆地生态系统生产总值(GEP)核算技术指南");
    JsonNode cap = rows.get("collateral.volatility.cap");
    assertThat(cap.get("value").decimalValue()).isEqualByComparingTo("0.6");
    assertThat(cap.get("status").asText()).isEqualTo("illustrative");
    assertThat(cap.get("source").asText()).startsWith("ILLUSTRATIVE (Liangshan design default)");
    // a module's parameter (market/defaults.json), with its unit from the key
    JsonNode decay = rows.get("water_capacity.decay_k_per_day.river.cod");
    assertThat(decay.get("value").decimalValue()).isEqualByComparingTo("0.15");
    assertThat(decay.get("unit").asText()).isEqualTo("1/d");
    assertThat(decay.get("status").asText()).isEqualTo("illustrative");
    // Tianjin overrides only the RUSLE R band: the national list without oxygen release
    assertThat(rows.get("gep.indicators").get("value").toString()).doesNotContain("oxygen_release");
    assertThat(rows.get("gep.indicators").get("status").asText()).isEqualTo("published");
    assertThat(rows).doesNotContainKeys("casa.source", "gep.climate.epp_kj_m2_d_status");
  }

  @Test
  void aRegionOverrideShowsTheOverridesValueAndProvenance() throws Exception {
    JsonNode indicators = rows("params", "--region", "liyang", "--json").get("gep.indicators");
    assertThat(indicators.get("value").toString()).contains("\"oxygen_release\"");
    assertThat(indicators.get("value")).hasSize(10);
    assertThat(indicators.get("status").asText()).isEqualTo("illustrative");
    assertThat(indicators.get("source").asText()).startsWith("a regional choice: the default list plus oxygen_release");
  }

  @Test
  void everyParameterOfTheEffectiveSetIsListedOnce() throws Exception {
    JsonNode effective = ParameterSet.forRegion(Regions.load("liyang")).toJson();
    assertThat(rows("params", "--region", "liyang", "--json")).hasSize(parameterCount(effective))
        // 412, the 15 ranges and 2 draw settings of the GEP uncertainty intervals (docs/methods/gep-uncertainty.md), the
        // R band (2) and the two damage restoration-cost and agreement parameters of the compensation terms, and the
        // auctions' default term (auction.term)
        .hasSize(434);
  }

  private static int parameterCount(JsonNode node) {
    if (!node.isObject()) {
      return 1;
    }
    int count = 0;
    for (var fields = node.fields(); fields.hasNext(); ) {
      var field = fields.next();
      count += Provenance.isMetadata(field.getKey()) ? 0 : parameterCount(field.getValue());
    }
    return count;
  }

  @Test
  void theStatusFilterKeepsOnlyThatStatus() throws Exception {
    Map<String, JsonNode> illustrative = rows("params", "--status", "illustrative", "--json");
    assertThat(illustrative).containsKey("collateral.volatility.cap").doesNotContainKey("gep.climate.ac_energy_efficiency_ratio");
    assertThat(illustrative.values()).allMatch(row -> row.get("status").asText().equals("illustrative"));
  }

  @Test
  void anUnknownStatusIsBadInput() {
    Result result = CalcCommandTest.run("params", "--status", "guess");
    assertThat(result.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(result.err()).contains("Unknown --status guess: use published, local_survey or illustrative.");
  }

  @Test
  void helpNamesTheOptions() {
    Result result = CalcCommandTest.run("params", "--help");
    assertThat(result.status()).isZero();
    assertThat(result.out()).contains("--region=REGION", "--status=STATUS", "--json", "--summary");
  }
}
