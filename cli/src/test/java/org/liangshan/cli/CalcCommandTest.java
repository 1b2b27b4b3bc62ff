package org.liangshan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The calc contract through the command line: worked examples of METHODOLOGY.md, exit codes, messages. */
class CalcCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Result(int status, String out, String err) {}

  static Result run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int status = Main.execute(args);
      return new Result(status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  static JsonNode calc(String method, String json) throws Exception {
    Result result = run("calc", method, "--json", json);
    assertThat(result.status()).as(result.err()).isZero();
    return JSON.readTree(result.out());
  }

  @Test
  void casaWorkedExample() throws Exception {
    JsonNode r = calc("casa", "{\"veg_class\":\"DBF\",\"ndvi\":0.6,\"sol_mj_m2\":500,\"t_opt_c\":25,\"t_c\":20,\"e_over_ep\":0.8,\"precip_mm\":100}");
    assertThat(r.get("sr").asDouble()).isCloseTo(4.0, within(1e-9));
    assertThat(r.get("fpar").asDouble()).isCloseTo(0.61803, within(5e-6));
    assertThat(r.get("apar_mj_m2").asDouble()).isCloseTo(154.507, within(5e-4));
    assertThat(r.get("t_eps2").asDouble()).isCloseTo(0.85418, within(5e-6));
    assertThat(r.get("npp_gc_m2").asDouble()).isCloseTo(81.168, within(5e-4));
    assertThat(r.get("rh_gc_m2").asDouble()).isCloseTo(29.697, within(5e-4));
    assertThat(r.get("nep_gc_m2").asDouble()).isCloseTo(51.471, within(5e-4));
    assertThat(r.get("parameter_set").asText()).isEqualTo("cn-default-2025.1");
  }

  @Test
  void regionParameterSetIsNamedInTheResult() throws Exception {
    Result result = run("calc", "casa", "--region", "liyang", "--json",
        "{\"veg_class\":\"DBF\",\"ndvi\":0.6,\"sol_mj_m2\":500,\"t_opt_c\":25,\"t_c\":20,\"e_over_ep\":0.8,\"precip_mm\":100}");
    assertThat(result.status()).isZero();
    assertThat(JSON.readTree(result.out()).get("parameter_set").asText()).isEqualTo("liyang-2025.1");
  }

  @Test
  void waterConservationRiverAndLakeCapacityWorkedExamples() throws Exception {
    JsonNode wc = calc("water-conservation", "{\"precip_mm\":1200,\"runoff_mm\":200,\"et_mm\":700,\"area_km2\":1}");
    assertThat(wc.get("water_conservation_m3").asDouble()).isCloseTo(3.0e5, within(1e-6));
    assertThat(wc.get("value_yuan").asDouble()).isCloseTo(2.118e6, within(1e-3));
    JsonNode river = calc("river-capacity", "{\"model\":\"distributed\",\"cs_mg_l\":1,\"c0_mg_l\":0.5,\"q_m3_s\":10,\"k_per_day\":0.1,\"length_km\":5,\"velocity_m_s\":0.2,\"b\":1}");
    assertThat(river.get("capacity_t_a").asDouble()).isCloseTo(164.53, within(0.005));
    JsonNode lake = calc("lake-capacity", "{\"volume_m3\":1e8,\"cs_mg_l\":0.05,\"k_per_day\":0.005,\"q_m3_s\":2,\"c0_mg_l\":0.03}");
    assertThat(lake.get("capacity_t_a").asDouble()).isCloseTo(10.386, within(0.0005));
  }

  @Test
  void pIndexAuctionAndCollateralWorkedExamples() throws Exception {
    JsonNode p = calc("xinan-p-index", "{\"concentrations\":{\"codmn\":1.0,\"nh3n\":1.1,\"tn\":0.9,\"tp\":1.2},"
        + "\"baselines\":{\"codmn\":1,\"nh3n\":1,\"tn\":1,\"tp\":1}}");
    assertThat(p.get("p").asDouble()).isCloseTo(0.8925, within(1e-9));
    assertThat(p.get("payer").asText()).isEqualTo("downstream");
    JsonNode auction = calc("auction", "{\"supply\":10000,\"reserve_price\":100,\"rule\":\"lowest_accepted\",\"tie_seed\":7,\"bids\":["
        + "{\"bidder\":\"A\",\"quantity\":4000,\"price\":130},{\"bidder\":\"B\",\"quantity\":3000,\"price\":125},"
        + "{\"bidder\":\"C\",\"quantity\":2500,\"price\":120},{\"bidder\":\"D\",\"quantity\":2000,\"price\":120},"
        + "{\"bidder\":\"E\",\"quantity\":1000,\"price\":110},{\"bidder\":\"F\",\"quantity\":500,\"price\":95}]}");
    assertThat(auction.get("clearing_price").asDouble()).isEqualTo(120.0);
    assertThat(auction.get("sold").asLong()).isEqualTo(10000);
    long cAndD = 0;
    for (JsonNode award : auction.get("awards")) {
      String bidder = award.get("bidder").asText();
      if (bidder.equals("C") || bidder.equals("D")) {
        cAndD += award.get("quantity").asLong();
      }
    }
    assertThat(cAndD).isEqualTo(3000);
    JsonNode rejectedF = null;
    for (JsonNode rejected : auction.get("rejected")) {
      if (rejected.get("bidder").asText().equals("F")) {
        rejectedF = rejected;
      }
    }
    assertThat(rejectedF).as("F bid below the reserve").isNotNull();
    assertThat(rejectedF.get("reason").asText()).containsIgnoringCase("reserve");
    JsonNode collateral = calc("collateral", "{\"right_type\":\"carbon_quota\",\"quantity\":100000,\"spot_price\":90,"
        + "\"avg_price_20d\":95,\"haircut\":0,\"ltv\":0.6,\"new_price\":75}");
    assertThat(collateral.get("collateral_value").decimalValue()).isEqualByComparingTo("9000000");
    assertThat(collateral.get("max_loan").decimalValue()).isEqualByComparingTo("5400000");
    assertThat(collateral.get("topup_quantity").asDouble()).isCloseTo(20000, within(1e-6));
  }

  @Test
  void financeWorkedExamplesThroughCalc() throws Exception {
    // METHODOLOGY.md section 7: quantitative 80, 70, 90, 100 and qualitative 90, 80, 70 -> 85, 80, total 84.
    JsonNode pboc = calc("pboc-score", "{\"quantitative\":[80,70,90,100],\"qualitative\":{\"policy\":90,\"system\":80,\"support\":70}}");
    assertThat(pboc.get("quantitative_score").decimalValue()).isEqualByComparingTo("85");
    assertThat(pboc.get("qualitative_score").decimalValue()).isEqualByComparingTo("80");
    assertThat(pboc.get("total_score").decimalValue()).isEqualByComparingTo("84");
    // PCAF: 5e7 of 5e8 with 1e6 t -> 1e5 t.
    JsonNode pcaf = calc("pcaf", "{\"outstanding\":50000000,\"evic\":500000000,\"emissions_tco2e\":1000000}");
    assertThat(pcaf.get("attribution_factor").decimalValue()).isEqualByComparingTo("0.1");
    assertThat(pcaf.get("financed_tco2e").decimalValue()).isEqualByComparingTo("100000");
    // Jiangsu per factor: 1e7 m3; TP 0.25 vs 0.2, NH3-N 1.2 vs 1.0, CODMn 6.5 vs 6.0 -> 325,000 yuan, upstream pays.
    JsonNode section = calc("section-compensation", "{\"monthly_volume_m3\":10000000,\"factors\":["
        + "{\"name\":\"tp\",\"measured_mg_l\":0.25,\"target_mg_l\":0.2,\"rate_yuan_per_t\":100000},"
        + "{\"name\":\"nh3n\",\"measured_mg_l\":1.2,\"target_mg_l\":1.0,\"rate_yuan_per_t\":100000},"
        + "{\"name\":\"codmn\",\"measured_mg_l\":6.5,\"target_mg_l\":6.0,\"rate_yuan_per_t\":15000}]}");
    assertThat(section.get("net_yuan").decimalValue()).isEqualByComparingTo("325000");
    assertThat(section.get("payer").asText()).isEqualTo("upstream");
  }

  @Test
  void badInputExitsTwoNamingTheFieldAndPrintsNothingOnStdout() {
    Result ndvi = run("calc", "casa", "--json",
        "{\"veg_class\":\"DBF\",\"ndvi\":1.4,\"sol_mj_m2\":500,\"t_opt_c\":25,\"t_c\":20,\"e_over_ep\":0.8,\"precip_mm\":100}");
    assertThat(ndvi.status()).isEqualTo(2);
    assertThat(ndvi.out()).isEmpty();
    assertThat(ndvi.err()).contains("field 'ndvi'");

    Result missing = run("calc", "casa", "--json", "{\"veg_class\":\"DBF\"}");
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).contains("field 'ndvi'");

    Result unknown = run("calc", "gdp", "--json", "{}");
    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unknown calc method 'gdp'");

    Result notJson = run("calc", "casa", "--json", "{ndvi:");
    assertThat(notJson.status()).isEqualTo(2);
    assertThat(notJson.err()).contains("The input is not valid JSON");

    Result badUsage = run("calc", "--no-such-option");
    assertThat(badUsage.status()).isEqualTo(2);
  }

  /** docs/methods/climate-regulation.md's example, the guide's r 3.0 and q 2260 kJ/kg by default. */
  @Test
  void climateRegulationWorkedExample() throws Exception {
    JsonNode r = calc("climate-regulation",
        "{\"water_evap_m3\":1e6,\"veg_area_km2\":10,\"veg_heat_kj_m2_d\":2800,\"cooling_days\":90}");
    assertThat(r.get("veg_cooling_kwh").asDouble()).isCloseTo(233333333.33, within(0.01));
    assertThat(r.get("water_cooling_kwh").asDouble()).isCloseTo(209259259.26, within(0.01));
    assertThat(r.get("value_yuan").asDouble()).isCloseTo(234574074.07, within(0.01));
    Result bad = run("calc", "climate-regulation", "--json",
        "{\"water_evap_m3\":1e6,\"veg_area_km2\":10,\"veg_heat_kj_m2_d\":2800}");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.out()).isEmpty();
    assertThat(bad.err()).contains("cooling_days");
  }

  @Test
  void listNamesEveryMethodWithItsFields() {
    Result list = run("calc", "--list");
    assertThat(list.status()).isZero();
    assertThat(list.out()).contains("casa", "water-conservation", "river-capacity", "lake-capacity", "xinan-p-index",
        "auction", "collateral", "ndvi", "nep_gc_m2", "climate-regulation", "veg_heat_kj_m2_d", "cooling_days",
        "efficiency_ratio", "water_cooling_kwh");
  }
}
