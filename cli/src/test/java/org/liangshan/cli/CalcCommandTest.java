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

  /** Twelve daily closes alternating 100, 104, as JSON. */
  private static final String ALTERNATING = "[100,104,100,104,100,104,100,104,100,104,100,104]";

  @Test
  void haircutWorkedExampleVolatilityPlusLiquidityAddOn() throws Exception {
    // docs/methods/collateral-haircut.md: 11 returns of +-ln(1.04), sigma_daily 0.0409647 (annual 0.647709);
    // H_vol = 0.0409647 x z(0.99) 2.326348 x sqrt(10) = 0.301359. Volume 50 a day x participation 0.2 = 10 a day:
    // 250 pledged take 25 days, x sqrt(25/10): haircut 0.476491, liquidity add-on 0.175132 (Basel II paras. 156-158).
    JsonNode r = calc("haircut", "{\"prices\":" + ALTERNATING + ",\"volumes\":[50,50,50,50,50,50,50,50,50,50,50,50],"
        + "\"pledged_quantity\":250,\"right_type\":\"carbon_quota\"}");
    assertThat(r.get("method").asText()).isEqualTo("volatility");
    assertThat(r.get("volatility_annual").asDouble()).isCloseTo(0.647709, within(5e-7));
    assertThat(r.get("volatility_haircut").decimalValue()).isEqualByComparingTo("0.301359");
    assertThat(r.get("liquidity_addon").decimalValue()).isEqualByComparingTo("0.175132");
    assertThat(r.get("liquidity_horizon_days").asInt()).isEqualTo(25);
    assertThat(r.get("haircut").decimalValue()).isEqualByComparingTo("0.476491");
    // Without volumes: no add-on, the volatility haircut alone (above the carbon quota's configured 0.1).
    JsonNode noVolume = calc("haircut", "{\"prices\":" + ALTERNATING + ",\"pledged_quantity\":250,\"right_type\":\"carbon_quota\"}");
    assertThat(noVolume.get("liquidity_addon").decimalValue()).isEqualByComparingTo("0");
    assertThat(noVolume.get("haircut").decimalValue()).isEqualByComparingTo("0.301359");
  }

  @Test
  void haircutOfAThinMarketIsTheCapNeverLessThanALiquidOne() throws Exception {
    // Three closes: 2 returns < collateral.volatility.min_returns 10: the cap 0.6, more than any liquid market of the
    // type can get (at most the cap).
    JsonNode thin = calc("haircut", "{\"prices\":[100,101,100],\"volumes\":[1,1,1],\"pledged_quantity\":1,"
        + "\"right_type\":\"eco_voucher\"}");
    assertThat(thin.get("method").asText()).isEqualTo("thin_market");
    assertThat(thin.get("haircut").decimalValue()).isEqualByComparingTo("0.6");
    assertThat(thin.get("volatility_annual").isNull()).isTrue();
    JsonNode liquid = calc("haircut", "{\"prices\":" + ALTERNATING + ",\"pledged_quantity\":1,\"right_type\":\"eco_voucher\"}");
    assertThat(thin.get("haircut").decimalValue()).isGreaterThanOrEqualTo(liquid.get("haircut").decimalValue());
    Result mismatch = run("calc", "haircut", "--json", "{\"prices\":[100,101,100],\"volumes\":[1,1],\"pledged_quantity\":1,"
        + "\"right_type\":\"eco_voucher\"}");
    assertThat(mismatch.status()).isEqualTo(2);
    assertThat(mismatch.err()).contains("field 'volumes': has 2 values for 3 prices");
  }

  @Test
  void collateralTermFactorAndLoanCoverage() throws Exception {
    // A discharge right, 2 t/a at 5,390, haircut 0.15, LTV 0.5, 3 years left (1,095 days) at 3.6 %: term factor
    // a(3) = (1 - 1.036^-3) / 0.036 = 2.796294; value 2 x 5,390 x 0.85 x 2.796294 = 25,622.441922. The loan
    // matures after 1,826 days: the right backs 1,095 / 1,826 = 0.599671 of it; max loan 25,622.441922 x 0.5 x 0.599671.
    JsonNode r = calc("collateral", "{\"right_type\":\"discharge_right\",\"quantity\":2,\"spot_price\":5390,"
        + "\"avg_price_20d\":5390,\"haircut\":0.15,\"ltv\":0.5,\"valuation_date\":\"2024-06-28\","
        + "\"valid_until\":\"2027-06-28\",\"loan_maturity\":\"2029-06-28\",\"discount_rate\":0.036}");
    assertThat(r.get("term_factor").decimalValue()).isEqualByComparingTo("2.796294");
    assertThat(r.get("loan_coverage").decimalValue()).isEqualByComparingTo("0.599671");
    assertThat(r.get("collateral_value").decimalValue()).isEqualByComparingTo("25622.441922");
    assertThat(r.get("max_loan").decimalValue()).isEqualByComparingTo("7682.5176849038310");
    assertThat(r.get("flags")).extracting(JsonNode::asText).containsExactly("expires_before_loan_maturity");
    // The discount rate defaults to collateral.term.discount_rate (3.6 %); a flow right without expiry is one year, flagged.
    JsonNode open = calc("collateral", "{\"right_type\":\"eco_voucher\",\"quantity\":1,\"spot_price\":100,"
        + "\"avg_price_20d\":100,\"haircut\":0,\"ltv\":1,\"valuation_date\":\"2024-06-28\"}");
    assertThat(open.get("term_factor").decimalValue()).isEqualByComparingTo("1");
    assertThat(open.get("collateral_value").decimalValue()).isEqualByComparingTo("100");
    assertThat(open.get("flags")).extracting(JsonNode::asText).containsExactly("no_expiry_date");
    JsonNode defaults = calc("collateral", "{\"right_type\":\"discharge_right\",\"quantity\":2,\"spot_price\":5390,"
        + "\"avg_price_20d\":5390,\"haircut\":0.15,\"ltv\":0.5,\"valuation_date\":\"2024-06-28\","
        + "\"valid_until\":\"2027-06-28\"}");
    assertThat(defaults.get("term_factor").decimalValue()).isEqualByComparingTo("2.796294");
    assertThat(defaults.get("flags")).isEmpty();
    Result noDate = run("calc", "collateral", "--json", "{\"right_type\":\"eco_voucher\",\"quantity\":1,\"spot_price\":100,"
        + "\"avg_price_20d\":100,\"valid_until\":\"2027-06-28\"}");
    assertThat(noDate.status()).isEqualTo(2);
    assertThat(noDate.err()).contains("field 'valuation_date': required with valid_until or loan_maturity");
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
        "efficiency_ratio", "water_cooling_kwh", "haircut", "pledged_quantity", "liquidity_addon", "valid_until",
        "loan_maturity", "term_factor", "flags", "haircut-backtest", "lr_pof", "p_value", "verdict", "zone");
  }
}
