package org.liangshan.core.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.liangshan.core.method.Printed.assertBadField;
import static org.liangshan.core.method.Printed.assertPrinted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.method.Casa;
import org.liangshan.core.method.VegetationClass;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.Regions;

/** Every worked example of METHODOLOGY.md through the calc contract: JSON in, JSON out. */
class CalcRegistryTest {
  private static final CalcRegistry REGISTRY = CalcRegistry.standard();
  private static final ParameterSet PARAMS = ParameterSet.defaults();

  private static ObjectNode calc(String method, String json) {
    ObjectNode result = REGISTRY.compute(method, CalcJson.parse(json.replace('\'', '"')), PARAMS);
    assertThat(result.get("parameter_set").asText()).isEqualTo("cn-default-2025.1");
    return result;
  }

  private static void assertField(JsonNode result, String field, String printed) {
    JsonNode value = result.get(field);
    assertThat(value).as(field).isNotNull();
    assertThat(value.isNumber()).as(field + " is a JSON number").isTrue();
    assertPrinted(value.doubleValue(), printed);
  }

  private static void assertBad(String method, String json, String field, String reason) {
    assertBadField(() -> calc(method, json), field, reason);
  }

  @Test
  void listsTheMethodsOfMethodologyInOrder() {
    assertThat(REGISTRY.names())
        .containsExactly(
            "casa",
            "water-conservation",
            "soil-retention",
            "climate-regulation",
            "water-yield",
            "river-capacity",
            "lake-capacity",
            "dillon-load",
            "benchmark-price",
            "cement-emissions",
            "auction",
            "xinan-p-index",
            "section-compensation",
            "collateral",
            "haircut",
            "haircut-backtest",
            "pboc-score",
            "pcaf",
            "carbon-inclusion");
  }

  @Test
  void everyMethodDescribesItsFields() {
    for (CalcMethod method : REGISTRY.methods()) {
      assertThat(method.description()).as(method.name()).isNotBlank();
      assertThat(method.inputFields()).as(method.name()).isNotEmpty();
      Set<String> names = new HashSet<>();
      for (FieldSpec field : method.inputFields()) {
        assertThat(names.add(field.name())).as(method.name() + "." + field.name()).isTrue();
        assertThat(field.description()).as(field.name()).isNotBlank();
        assertThat(field.required() || field.defaultValue().isPresent()).as(field.name()).isTrue();
      }
      List<FieldSpec> outputs = method.outputFields();
      assertThat(outputs.get(outputs.size() - 1).name()).isEqualTo("parameter_set");
    }
  }

  @Test
  void casa() {
    ObjectNode r =
        calc(
            "casa",
            "{'veg_class': 'DBF', 'ndvi': 0.6, 'sol_mj_m2': 500, 't_opt_c': 25, 't_c': 20,"
                + " 'e_over_ep': 0.8, 'precip_mm': 100}");
    assertField(r, "sr", "4.0");
    assertField(r, "fpar", "0.61803");
    assertField(r, "apar_mj_m2", "154.507");
    assertField(r, "t_eps2", "0.85418");
    assertField(r, "npp_gc_m2", "81.168");
    assertField(r, "rh_gc_m2", "29.697");
    assertField(r, "nep_gc_m2", "51.471");
    assertThat(r.fieldNames())
        .toIterable()
        .containsExactly(
            "sr",
            "fpar",
            "apar_mj_m2",
            "t_eps1",
            "t_eps2",
            "w_eps",
            "eps_max",
            "npp_gc_m2",
            "rh_gc_m2",
            "nep_gc_m2",
            "parameter_set");
    // The calculator is the method class: identical numbers, not a second implementation.
    Casa.Output direct =
        Casa.compute(new Casa.Input(VegetationClass.DBF, 0.6, 500, 25, 20, 0.8, 100), PARAMS);
    assertThat(r.get("nep_gc_m2").doubleValue()).isEqualTo(direct.nepGcM2());
    // A calibrated ε_max replaces the table's.
    ObjectNode calibrated =
        calc(
            "casa",
            "{'veg_class': 'dbf', 'ndvi': 0.6, 'sol_mj_m2': 500, 't_opt_c': 25, 't_c': 20,"
                + " 'e_over_ep': 0.8, 'precip_mm': 100, 'eps_max': 1.384}");
    assertThat(calibrated.get("npp_gc_m2").doubleValue())
        .isCloseTo(2 * direct.nppGcM2(), within(1e-9));
  }

  /**
   * docs/methods/climate-regulation.md's example: 10 km² at EPP 2800 kJ/m²/d, 10⁶ m³ evaporated, 90
   * cooling days, the guide's r 3.0, q 2260 kJ/kg, 0.53 yuan/kWh → 233333333.33 + 209259259.26 kWh,
   * 234574074.07 yuan.
   */
  @Test
  void climateRegulation() {
    String example =
        "{'water_evap_m3': 1e6, 'veg_area_km2': 10, 'veg_heat_kj_m2_d': 2800, 'cooling_days': 90}";
    ObjectNode r = calc("climate-regulation", example);
    assertThat(r.get("veg_cooling_kwh").doubleValue()).isCloseTo(233333333.3333, within(1e-3));
    assertThat(r.get("water_cooling_kwh").doubleValue()).isCloseTo(209259259.2593, within(1e-3));
    assertThat(r.get("value_yuan").doubleValue()).isCloseTo(234574074.07, within(0.01));
    assertThat(r.fieldNames())
        .toIterable()
        .containsExactly("veg_cooling_kwh", "water_cooling_kwh", "value_yuan", "parameter_set");
    // Without the air conditioner (r = 1) the heat itself: three times the electricity.
    ObjectNode heat =
        calc("climate-regulation", example.replace("}", ", 'efficiency_ratio': 1}"));
    assertThat(heat.get("water_cooling_kwh").doubleValue())
        .isCloseTo(3 * r.get("water_cooling_kwh").doubleValue(), within(1e-3));
    ObjectNode cheaper =
        calc(
            "climate-regulation",
            example.replace("}", ", 'electricity_yuan_per_kwh': 0.265, 'latent_heat_kj_kg': 2450}"));
    // 2450 kJ/kg (FAO-56 at 20 °C): 10⁶ × 1000 × 2450 / 10800 = 226851851.85 kWh
    assertThat(cheaper.get("water_cooling_kwh").doubleValue()).isCloseTo(226851851.8519, within(1e-3));
    assertThat(cheaper.get("value_yuan").doubleValue())
        .isCloseTo((233333333.3333 + 226851851.8519) * 0.265, within(1e-3));
    assertBad(
        "climate-regulation",
        example.replace("'cooling_days': 90", "'cooling_days': 400"),
        "cooling_days",
        "must be in [0, 366], got 400.0");
    assertBad(
        "climate-regulation",
        example.replace("}", ", 'efficiency_ratio': 0}"),
        "efficiency_ratio",
        "must be > 0, got 0.0");
  }

  @Test
  void waterConservation() {
    ObjectNode r =
        calc(
            "water-conservation",
            "{'precip_mm': 1200, 'runoff_mm': 200, 'et_mm': 700, 'area_km2': 1}");
    assertField(r, "water_conservation_m3", "3.0E5");
    assertField(r, "value_yuan", "2.118E6");
    // Money is a plain JSON number at full precision, not a string.
    assertThat(CalcJson.write(r)).contains("\"value_yuan\":2118000,");
  }

  @Test
  void soilRetention() {
    // 1000 t retained (see GepMethodsTest): total 4020.645161... + 3237.5 + 3024.
    ObjectNode r = calc("soil-retention", "{'retained_t': 1000}");
    assertField(r, "value_n_yuan", "3237.5");
    assertField(r, "value_p_yuan", "3024");
    assertField(r, "value_total_yuan", "10282.145161");
    ObjectNode rusle =
        calc("soil-retention", "{'r': 300, 'k': 0.02, 'ls': 2, 'c': 0.1, 'p': 1, 'area_ha': 100}");
    assertField(rusle, "retained_t", "1080");
    assertBad(
        "soil-retention",
        "{'r': 300, 'k': 0.02}",
        "ls",
        "required with the other RUSLE factors (r, k, ls, c, p, area_ha)");
    assertBad(
        "soil-retention",
        "{'retained_t': 5, 'r': 300}",
        "retained_t",
        "give either retained_t or the RUSLE factors r, k, ls, c, p, area_ha, not both");
    assertBad(
        "soil-retention",
        "{}",
        "retained_t",
        "required unless the RUSLE factors r, k, ls, c, p and area_ha are given");
  }

  @Test
  void waterYield() {
    ObjectNode r =
        calc(
            "water-yield",
            "{'precip_mm': 1000, 'et0_mm': 900, 'kc': 0.1, 'root_depth_mm': 300, 'soil_depth_mm':"
                + " 700, 'pawc': 0.11, 'z': 6, 'vegetated': true}");
    assertField(r, "fractp", "0.06896508");
    assertField(r, "omega", "1.448");
  }

  @Test
  void riverCapacity() {
    ObjectNode r =
        calc(
            "river-capacity",
            "{'cs_mg_l': 1, 'c0_mg_l': 0.5, 'q_m3_s': 10, 'k_per_day': 0.1, 'length_km': 5,"
                + " 'velocity_m_s': 0.2, 'b': 1, 'model': 'distributed'}");
    assertField(r, "capacity_t_a", "164.53");
    // b and model default to water_capacity.b = 1 and water_capacity.model = distributed.
    ObjectNode defaults =
        calc(
            "river-capacity",
            "{'cs_mg_l': 1, 'c0_mg_l': 0.5, 'q_m3_s': 10, 'k_per_day': 0.1, 'length_km': 5,"
                + " 'velocity_m_s': 0.2}");
    assertThat(defaults.get("capacity_t_a")).isEqualTo(r.get("capacity_t_a"));
    ObjectNode pointHead =
        calc(
            "river-capacity",
            "{'cs_mg_l': 1, 'c0_mg_l': 0.5, 'q_m3_s': 10, 'k_per_day': 0.1, 'length_km': 5,"
                + " 'velocity_m_s': 0.2, 'model': 'point_head'}");
    assertField(pointHead, "capacity_t_a", "166.938");
  }

  @Test
  void lakeCapacityAndDillon() {
    assertField(
        calc(
            "lake-capacity",
            "{'volume_m3': 1e8, 'cs_mg_l': 0.05, 'k_per_day': 0.005, 'q_m3_s': 2, 'c0_mg_l':"
                + " 0.03}"),
        "capacity_t_a",
        "10.386");
    ObjectNode dillon =
        calc(
            "dillon-load",
            "{'ps_mg_m3': 25, 'mean_depth_m': 6.5, 'flushing_per_year': 2, 'retention': 0.5,"
                + " 'area_km2': 12}");
    assertField(dillon, "areal_load_mg_m2_a", "650");
    assertField(dillon, "allowed_load_t_a", "7.8");
  }

  @Test
  void benchmarkPrice() {
    ObjectNode r =
        calc(
            "benchmark-price",
            "{'capital_costs': [{'amount_yuan': 1e7, 'life_years': 20}], 'annual_costs_yuan': 3e6,"
                + " 'discount_rate': 0.05, 'tradable_capacity_t_a': 1.37}");
    assertField(r, "annualized_cost_yuan", "3802425.87");
    assertField(r, "benchmark_price_yuan_per_t_a", "2775493.34");
    assertThat(r.get("annualized_cost_yuan").isBigDecimal()).isTrue();
    assertBad(
        "benchmark-price",
        "{'capital_costs': [{'amount_yuan': 1e7, 'life_years': 2.5}], 'annual_costs_yuan': 3e6,"
            + " 'discount_rate': 0.05, 'tradable_capacity_t_a': 1.37}",
        "capital_costs[0].life_years",
        "must be a whole number, got 2.5");
    assertBad(
        "benchmark-price",
        "{'capital_costs': [{'amount_yuan': -1, 'life_years': 2}], 'annual_costs_yuan': 3e6,"
            + " 'discount_rate': 0.05, 'tradable_capacity_t_a': 1.37}",
        "capital_costs[0].amount_yuan",
        "must be >= 0, got -1");
  }

  @Test
  void cementEmissions() {
    ObjectNode r =
        calc(
            "cement-emissions",
            "{'clinker_t': 1e6, 'cao_frac': 0.65, 'mgo_frac': 0.02, 'fuels': [{'consumption_t':"
                + " 120000, 'ncv_gj_per_t': 20.908, 'carbon_tc_per_gj': 0.02618, 'oxidation':"
                + " 0.98}]}");
    assertField(r, "process_tco2", "532714.3");
    assertField(r, "combustion_tco2", "236027");
    assertField(r, "electricity_tco2", "0");
    // Electricity at the default year's grid factor 0.5366.
    ObjectNode power =
        calc(
            "cement-emissions",
            "{'clinker_t': 0, 'cao_frac': 0.65, 'mgo_frac': 0.02, 'electricity_mwh': 1000}");
    assertField(power, "electricity_tco2", "536.6");
    assertBad(
        "cement-emissions",
        "{'clinker_t': 1, 'cao_frac': 0.65, 'mgo_frac': 0.02, 'fuels': [{'consumption_t': 1,"
            + " 'ncv_gj_per_t': 20, 'carbon_tc_per_gj': 0.02, 'oxidation': 1.5}]}",
        "fuels[0].oxidation",
        "must be in [0, 1], got 1.5");
  }

  @Test
  void auction() {
    String bids =
        "[{'bidder': 'A', 'quantity': 4000, 'price': 130}, {'bidder': 'B', 'quantity': 3000,"
            + " 'price': 125}, {'bidder': 'C', 'quantity': 2500, 'price': 120}, {'bidder': 'D',"
            + " 'quantity': 2000, 'price': 120}, {'bidder': 'E', 'quantity': 1000, 'price': 110},"
            + " {'bidder': 'F', 'quantity': 500, 'price': 95}]";
    for (String rule : List.of("lowest_accepted", "highest_rejected")) {
      ObjectNode r =
          calc(
              "auction",
              "{'supply': 10000, 'reserve_price': 100, 'rule': '"
                  + rule
                  + "', 'tie_seed': 42, 'bids': "
                  + bids
                  + "}");
      assertField(r, "clearing_price", "120");
      assertThat(r.get("sold").asLong()).isEqualTo(10000);
      assertThat(r.get("undersubscribed").asBoolean()).isFalse();
      assertThat(CalcJson.write(r.get("awards")))
          .isEqualTo(
              ("[{'bidder':'A','quantity':4000,'price':120},{'bidder':'B','quantity':3000,'price':120},"
                      + "{'bidder':'C','quantity':1667,'price':120},{'bidder':'D','quantity':1333,'price':120}]")
                  .replace('\'', '"'));
      assertThat(r.get("rejected").get(1).get("bidder").asText()).isEqualTo("F");
      assertThat(r.get("rejected").get(1).get("reason").asText())
          .isEqualTo("below reserve: 95 < 100");
      assertThat(r.get("tie_order").size()).isEqualTo(2);
    }
    assertBad(
        "auction",
        "{'supply': 10, 'reserve_price': 1, 'rule': 'dutch', 'bids': []}",
        "rule",
        "unknown rule 'dutch'; expected one of lowest_accepted, highest_rejected");
    assertBad(
        "auction",
        "{'supply': 10, 'reserve_price': 1, 'bids': [{'bidder': 'A', 'quantity': 1.5, 'price':"
            + " 3}]}",
        "bids[0].quantity",
        "must be a whole number, got 1.5");
    assertBad(
        "auction",
        "{'supply': 10, 'reserve_price': 1, 'bids': [{'bidder': 'A', 'qty': 1, 'price': 3}]}",
        "bids[0].qty",
        "unknown field; expected one of bidder, quantity, price");
  }

  @Test
  void xinanPIndex() {
    ObjectNode r =
        calc(
            "xinan-p-index",
            "{'concentrations': {'codmn': 4.0, 'nh3n': 0.55, 'tn': 0.9, 'tp': 0.06}, 'baselines':"
                + " {'codmn': 4.0, 'nh3n': 0.5, 'tn': 1.0, 'tp': 0.05}}");
    assertField(r, "p", "0.8925");
    assertThat(r.get("payer").asText()).isEqualTo("downstream");
    assertThat(r.get("payee").asText()).isEqualTo("upstream");
    assertBad(
        "xinan-p-index",
        "{'concentrations': {'codmn': 4.0, 'nh3n': 0.55, 'tn': 0.9, 'tp': 0.06, 'cod': 1},"
            + " 'baselines': {'codmn': 4.0, 'nh3n': 0.5, 'tn': 1.0, 'tp': 0.05}}",
        "concentrations.cod",
        "unknown field; expected one of codmn, nh3n, tn, tp");
  }

  @Test
  void sectionCompensation() {
    ObjectNode r =
        calc(
            "section-compensation",
            "{'monthly_volume_m3': 1e7, 'factors': [{'name': 'tp', 'measured_mg_l': 0.25,"
                + " 'target_mg_l': 0.2}, {'name': 'nh3n', 'measured_mg_l': 1.2, 'target_mg_l':"
                + " 1.0}, {'name': 'codmn', 'measured_mg_l': 6.5, 'target_mg_l': 6.0}]}");
    assertField(r, "net_yuan", "325000");
    assertField(r.get("amounts"), "tp", "50000");
    assertField(r.get("amounts"), "nh3n", "200000");
    assertField(r.get("amounts"), "codmn", "75000");
    assertThat(r.get("payer").asText()).isEqualTo("upstream");
    assertThat(CalcJson.write(r)).contains("\"net_yuan\":325000,");
    assertBad(
        "section-compensation",
        "{'monthly_volume_m3': 1e7, 'factors': [{'name': 'cod', 'measured_mg_l': 25, 'target_mg_l':"
            + " 20}]}",
        "factors[0].rate_yuan_per_t",
        "required for factor 'cod'; defaults exist for codmn, nh3n, tp");
  }

  @Test
  void collateral() {
    ObjectNode r =
        calc(
            "collateral",
            "{'right_type': 'carbon_quota', 'quantity': 100000, 'spot_price': 90, 'avg_price_20d':"
                + " 95, 'haircut': 0, 'ltv': 0.6, 'new_price': 75}");
    assertField(r, "valuation_price", "90");
    assertField(r, "collateral_value", "9.0E6");
    assertField(r, "max_loan", "5.4E6");
    assertField(r, "margin_call_price", "76.5");
    assertField(r, "topup_quantity", "20000");
    assertThat(CalcJson.write(r))
        .contains("\"collateral_value\":9000000,")
        .contains("\"max_loan\":5400000,");
    // Defaults of the right type: haircut 0.2, LTV 0.4 for an eco-voucher.
    ObjectNode voucher =
        calc(
            "collateral",
            "{'right_type': 'eco_voucher', 'quantity': 10, 'spot_price': 100, 'avg_price_20d':"
                + " 100}");
    assertField(voucher, "collateral_value", "800");
    assertField(voucher, "max_loan", "320");
    assertBad(
        "collateral",
        "{'quantity': 10, 'spot_price': 100, 'avg_price_20d': 100, 'ltv': 0.5}",
        "right_type",
        "required when haircut is not given (its default depends on the right type); expected one"
            + " of carbon_quota, carbon_sink_credit, eco_voucher, discharge_right, forest_right");
  }

  @Test
  void haircutBacktest() {
    // docs/methods/haircut-backtest.md: closes alternating 100, 104 for days 0..69, then 50 for days 70..79.
    // Windows on days 10..60 (T = 6); only day 60's 10-day fall (0.5) exceeds its haircut (0.290964): x = 1,
    // LR = 3.904109 > 3.841, rejected as too many; fewer than 250 windows, so no zone.
    StringBuilder prices = new StringBuilder("[");
    for (int i = 0; i < 80; i++) {
      prices.append(i == 0 ? "" : ",").append(i >= 70 ? 50 : i % 2 == 0 ? 100 : 104);
    }
    String series = prices.append("]").toString();
    ObjectNode r =
        calc(
            "haircut-backtest",
            "{'prices': " + series + ", 'pledged_quantity': 1, 'right_type': 'carbon_quota'}");
    assertThat(r.get("observations").asInt()).isEqualTo(6);
    assertThat(r.get("exceedances").asInt()).isEqualTo(1);
    assertField(r, "lr_pof", "3.904109");
    assertField(r, "p_value", "0.048168");
    assertThat(r.get("verdict").asText()).isEqualTo("rejected_too_many");
    assertThat(r.get("zone").isNull()).isTrue();
    ObjectNode short_ =
        calc(
            "haircut-backtest",
            "{'prices': [100, 104, 100], 'pledged_quantity': 1, 'right_type': 'carbon_quota'}");
    assertThat(short_.get("verdict").asText()).isEqualTo("insufficient_history");
    assertThat(short_.get("observations").asInt()).isZero();
    assertThat(short_.get("lr_pof").isNull()).isTrue();
    assertThat(short_.get("p_value").isNull()).isTrue();
    assertBad(
        "haircut-backtest",
        "{'prices': [100, 104, 100], 'volumes': [1, 1], 'pledged_quantity': 1, 'right_type': 'carbon_quota'}",
        "volumes",
        "has 2 values for 3 prices; give one volume per day, or leave volumes out");
    assertBad(
        "haircut-backtest",
        "{'prices': [100, 104, 100], 'pledged_quantity': 1, 'right_type': 'bond'}",
        "right_type",
        "unknown right type 'bond'; expected one of carbon_quota, carbon_sink_credit, eco_voucher,"
            + " discharge_right, forest_right");
  }

  @Test
  void pbocScore() {
    ObjectNode r =
        calc(
            "pboc-score",
            "{'quantitative': [80, 70, 90, 100], 'qualitative': {'policy': 90, 'system': 80,"
                + " 'support': 70}}");
    assertField(r, "quantitative_score", "85");
    assertField(r, "qualitative_score", "80");
    assertField(r, "total_score", "84");
    assertThat(CalcJson.write(r)).contains("\"total_score\":84,");
    assertBad(
        "pboc-score",
        "{'quantitative': [80, 70, 90, 'x'], 'qualitative': {'policy': 90, 'system': 80, 'support':"
            + " 70}}",
        "quantitative[3]",
        "must be a JSON number, got string \"x\"");
  }

  @Test
  void pcaf() {
    ObjectNode r = calc("pcaf", "{'outstanding': 5e7, 'evic': 5e8, 'emissions_tco2e': 1e6}");
    assertField(r, "attribution_factor", "0.1");
    assertField(r, "financed_tco2e", "1E5");
    ObjectNode private_ =
        calc(
            "pcaf",
            "{'outstanding': 5e7, 'equity': 2e8, 'debt': 3e8, 'emissions_tco2e': 1e6,"
                + " 'data_quality_score': 3}");
    assertThat(private_.get("financed_tco2e")).isEqualTo(r.get("financed_tco2e"));
    assertThat(private_.get("data_quality_score").asInt()).isEqualTo(3);
    assertBad(
        "pcaf",
        "{'outstanding': 5e7, 'evic': 5e8, 'equity': 1, 'emissions_tco2e': 1e6}",
        "evic",
        "give either evic or equity and debt, not both");
    assertBad(
        "pcaf",
        "{'outstanding': 5e7, 'equity': 2e8, 'emissions_tco2e': 1e6}",
        "debt",
        "required field is missing");
  }

  @Test
  void resultsRecordTheParameterSetUsed() {
    ParameterSet liyang = ParameterSet.forRegion(Regions.load("liyang"));
    ObjectNode r =
        REGISTRY.compute(
            "pcaf",
            CalcJson.parse("{\"outstanding\": 1, \"evic\": 2, \"emissions_tco2e\": 3}"),
            liyang);
    assertThat(r.get("parameter_set").asText()).isEqualTo("liyang-2025.1");
  }

  @Test
  void unknownMethodListsTheKnownOnes() {
    assertThatThrownBy(() -> REGISTRY.method("gep"))
        .isInstanceOf(LiangshanException.class)
        .hasMessage(
            "Unknown calc method 'gep'. Known methods: casa, water-conservation, soil-retention,"
                + " climate-regulation, water-yield, river-capacity, lake-capacity, dillon-load, benchmark-price,"
                + " cement-emissions, auction, xinan-p-index, section-compensation, collateral,"
                + " haircut, haircut-backtest, pboc-score, pcaf, carbon-inclusion. Run 'liangshan calc --list' to see their fields.")
        .extracting(e -> ((LiangshanException) e).kind())
        .isEqualTo(LiangshanException.Kind.BAD_INPUT);
  }

  @Test
  void badInputNamesTheFieldAndTheReason() {
    String casa =
        "{'veg_class': 'DBF', 'ndvi': 0.6, 'sol_mj_m2': 500, 't_opt_c': 25, 't_c': 20, 'e_over_ep':"
            + " 0.8, 'precip_mm': 100}";
    assertBad(
        "casa", casa.replace("'ndvi': 0.6", "'ndvi': 1.4"), "ndvi", "must be in [-1, 1], got 1.4");
    assertBad(
        "casa",
        casa.replace("'ndvi': 0.6", "'ndvi': 1"),
        "ndvi",
        "must be below 1 (SR = (1 + NDVI)/(1 - NDVI) is undefined at 1), got 1.0");
    assertBad(
        "casa",
        casa.replace("'e_over_ep': 0.8", "'e_over_ep': -0.1"),
        "e_over_ep",
        "must be in [0, 1], got -0.1");
    assertBad(
        "casa",
        casa.replace("'DBF'", "'PALM'"),
        "veg_class",
        "unknown vegetation class 'PALM'; expected one of ENF, EBF, DNF, DBF, MF, SHRUB, GRASS,"
            + " CROP, WETLAND");
    assertBad(
        "casa",
        casa.replace("'ndvi': 0.6", "'ndvi': '0.6'"),
        "ndvi",
        "must be a JSON number, got string \"0.6\"");
    assertBad("casa", casa.replace("'ndvi': 0.6, ", ""), "ndvi", "required field is missing");
    assertBad("casa", casa.replace("'ndvi': 0.6", "'ndvi': null"), "ndvi", "required, got null");
    assertBad(
        "casa",
        casa.replace("'precip_mm': 100", "'precip_mm': 100, 'colour': 'green'"),
        "colour",
        "unknown field; expected one of veg_class, ndvi, sol_mj_m2, t_opt_c, t_c, e_over_ep,"
            + " precip_mm, eps_max");
    assertBad(
        "river-capacity",
        "{'cs_mg_l': 1, 'c0_mg_l': -0.5, 'q_m3_s': 10, 'k_per_day': 0.1, 'length_km': 5,"
            + " 'velocity_m_s': 0.2}",
        "c0_mg_l",
        "must be >= 0, got -0.5");
    assertBad(
        "river-capacity",
        "{'cs_mg_l': 1, 'c0_mg_l': 0.5, 'q_m3_s': 10, 'k_per_day': 0.1, 'length_km': 5,"
            + " 'velocity_m_s': 0.2, 'model': 'mixed'}",
        "model",
        "unknown model 'mixed'; expected one of distributed, point_head");
    assertBad(
        "dillon-load",
        "{'ps_mg_m3': 25, 'mean_depth_m': 6.5, 'flushing_per_year': 2, 'retention': 1.2,"
            + " 'area_km2': 12}",
        "retention",
        "must be in [0, 1), got 1.2");
    assertBad(
        "water-yield",
        "{'precip_mm': 1000, 'et0_mm': 900, 'kc': 0.1, 'root_depth_mm': 300, 'soil_depth_mm': 700,"
            + " 'pawc': 0.11, 'z': 6, 'vegetated': 'yes'}",
        "vegetated",
        "must be true or false, got string \"yes\"");
    assertBad(
        "collateral",
        "{'right_type': 'gold', 'quantity': 1, 'spot_price': 1, 'avg_price_20d': 1}",
        "right_type",
        "unknown right type 'gold'; expected one of carbon_quota, carbon_sink_credit, eco_voucher,"
            + " discharge_right, forest_right");
    assertBad(
        "collateral",
        "{'right_type': 'eco_voucher', 'quantity': 1, 'spot_price': 1, 'avg_price_20d': 1,"
            + " 'trigger_drop': 1.5}",
        "trigger_drop",
        "must be in [0, 1], got 1.5");
  }

  @Test
  void inputMustBeAnObjectOfValidJson() {
    assertThatThrownBy(() -> REGISTRY.compute("pcaf", CalcJson.parse("[1, 2]"), PARAMS))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("The calc input must be a JSON object, got array [1,2].");
    assertThatThrownBy(() -> CalcJson.parse("{\"ndvi\": "))
        .isInstanceOf(LiangshanException.class)
        .hasMessageStartingWith("The input is not valid JSON: ")
        .extracting(e -> ((LiangshanException) e).kind())
        .isEqualTo(LiangshanException.Kind.BAD_INPUT);
  }

  @Test
  void carbonInclusion() {
    // Bus: 100 pkm × (0.115 − 0.035) = 8 kg CO2 → 80 points at 10 points per kg.
    ObjectNode bus = calc("carbon-inclusion", "{'scenario': 'public_transport', 'activity': 100}");
    assertThat(bus.get("reduction_kgco2").doubleValue()).isCloseTo(8, within(1e-9));
    assertThat(bus.get("points").asLong()).isEqualTo(80);
    assertThat(bus.get("unit").asText()).isEqualTo("pkm");
    // Charging: 50 kWh × (1.15 − 0.5366 grid factor) = 30.67 kg → 306 points (rounded down).
    ObjectNode charging = calc("carbon-inclusion", "{'scenario': 'ev_charging', 'activity': 50}");
    assertThat(charging.get("project_factor").doubleValue()).isCloseTo(0.5366, within(1e-12));
    assertThat(charging.get("reduction_kgco2").doubleValue()).isCloseTo(30.67, within(1e-9));
    assertThat(charging.get("points").asLong()).isEqualTo(306);
    // Clean agriculture: 12 mu × (40 − 25) = 180 kg; a published rate of 2 points per kg → 360.
    ObjectNode farm =
        calc("carbon-inclusion", "{'scenario': 'clean_agriculture', 'activity': 12, 'points_per_kg_co2': 2}");
    assertThat(farm.get("points").asLong()).isEqualTo(360);
    assertBad(
        "carbon-inclusion",
        "{'scenario': 'cycling', 'activity': 1}",
        "scenario",
        "unknown scenario 'cycling'; expected one of public_transport, new_energy_vehicle, waste_sorting,"
            + " ev_charging, clean_agriculture");
  }
}
