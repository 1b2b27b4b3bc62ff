package org.liangshan.core.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.Provenance.Entry;
import org.liangshan.core.param.Provenance.Status;

/** The provenance convention: section-wide source and status, per-member overrides, and refusal of a gap. */
class ProvenanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theDefaultsResolveEveryParameter() {
    Map<String, Entry> entries = Provenance.of(ParameterSet.defaults().toJson(), ParameterSet.DEFAULT_RESOURCE);
    Entry mixedForest = entries.get("casa.classes.MF.eps_max");
    assertThat(mixedForest.value().decimalValue()).isEqualByComparingTo("0.475");
    assertThat(mixedForest.status()).isEqualTo(Status.PUBLISHED);
    assertThat(mixedForest.source()).contains("Zhu Wenquan", "Chinese Science Bulletin 51(6):700-706");
    Entry ratio = entries.get("gep.climate.ac_energy_efficiency_ratio");
    assertThat(ratio.status()).isEqualTo(Status.PUBLISHED);
    Entry epp = entries.get("gep.climate.epp_kj_m2_d.EBF");
    assertThat(epp.value().intValue()).isEqualTo(2800);
    assertThat(epp.status()).isEqualTo(Status.ILLUSTRATIVE);
    assertThat(epp.unit()).isEqualTo("kJ/m2/d");
    // a source that names a note of the same object is the note's text
    assertThat(entries.get("collateral.volatility.cap").source()).startsWith("ILLUSTRATIVE (Liangshan design default)");
    assertThat(entries.get("collateral.volatility.cap").status()).isEqualTo(Status.ILLUSTRATIVE);
    assertThat(entries.get("collateral.volatility.liquidation_days").status()).isEqualTo(Status.PUBLISHED);
    assertThat(entries.get("gep.reservoir_cost_yuan_per_m3").unit()).isEqualTo("yuan/m3");
    // notes, sources and class names are not parameters
    assertThat(entries).doesNotContainKeys("casa.source", "casa.classes.MF.name", "gep.climate.epp_kj_m2_d_status");
  }

  @Test
  void theNearestDeclarationWins() throws Exception {
    Map<String, Entry> entries = Provenance.of(JSON.readTree("""
        {"version": "t", "s": {"source": "GB 3838-2002 table 1", "status": "published",
           "limits": {"II": 0.5}, "margin": 0.1, "margin_source": "a round reserve", "margin_status": "illustrative",
           "inner": {"source": "survey 2024, table 3", "status": "local_survey", "k": 2}}}
        """), "test");
    assertThat(entries.keySet()).containsExactly("s.limits.II", "s.margin", "s.inner.k");
    assertThat(entries.get("s.limits.II").source()).isEqualTo("GB 3838-2002 table 1");
    assertThat(entries.get("s.margin").status()).isEqualTo(Status.ILLUSTRATIVE);
    assertThat(entries.get("s.margin").source()).isEqualTo("a round reserve");
    assertThat(entries.get("s.inner.k").status()).isEqualTo(Status.LOCAL_SURVEY);
  }

  @Test
  void aParameterWithoutProvenanceIsRefusedNamingIt() throws Exception {
    assertThatThrownBy(() -> Provenance.of(JSON.readTree("""
        {"s": {"source": "a paper", "a": 1, "b": {"c": 2}}, "t": {"status": "published", "d": 3}}
        """), "params/test.json"))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("Parameter set params/test.json has 3 parameter(s) without provenance: s.a, s.b.c, t.d. Give each"
            + " a source and a status (published, local_survey, illustrative): on the parameter as <name>_source and"
            + " <name>_status, or on an enclosing object as source and status.");
  }

  @Test
  void theLoaderRefusesADocumentWithAGap() {
    assertThatThrownBy(() -> ParameterSet.fromResource("params/unsourced.json"))
        .isInstanceOf(LiangshanException.class)
        .hasMessageStartingWith("Parameter set params/unsourced.json has 1 parameter(s) without provenance: other.c.");
  }

  @Test
  void anUnknownStatusIsRefused() throws Exception {
    assertThatThrownBy(() -> Provenance.of(JSON.readTree("""
        {"s": {"source": "a paper", "status": "PUBLISHED: table 2", "a": 1}}
        """), "params/test.json"))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("Parameter 's.a' in params/test.json has status \"PUBLISHED: table 2\"; write published,"
            + " local_survey or illustrative.");
  }
}
