package org.liangshan.core.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.region.Regions;

class ParameterSetTest {
  private static final ParameterSet DEFAULTS = ParameterSet.defaults();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void defaultsCarryTheValuesOfMethodology() {
    assertThat(DEFAULTS.version()).isEqualTo("cn-default-2025.1");
    assertThat(DEFAULTS.number("casa.classes.DBF.eps_max")).isEqualTo(0.692);
    assertThat(DEFAULTS.number("casa.classes.MF.sr_max")).isEqualTo(5.845);
    assertThat(DEFAULTS.number("casa.ndvi_min")).isEqualTo(0.023);
    assertThat(DEFAULTS.number("casa.sr_min")).isEqualTo(1.05);
    assertThat(DEFAULTS.number("casa.rh_temperature_coefficient")).isEqualTo(0.0912);
    assertThat(DEFAULTS.decimal("gep.reservoir_cost_yuan_per_m3"))
        .isEqualTo(new BigDecimal("7.06"));
    assertThat(DEFAULTS.decimal("gep.soil.dredging_cost_yuan_per_m3"))
        .isEqualTo(new BigDecimal("15.58"));
    // the national carbon market's 2024 mean, 18,114 x 10^6 yuan / 189 x 10^6 t CO2 = 95.841 yuan/t CO2, x 44/12 = 351.418
    assertThat(DEFAULTS.decimal("gep.carbon_price_yuan_per_tc")).isEqualByComparingTo("351.42");
    assertThat(DEFAULTS.decimal("gep.oxygen_price_yuan_per_t")).isEqualByComparingTo("727");
    assertThat(DEFAULTS.decimal("gep.electricity_price_yuan_per_kwh"))
        .isEqualTo(new BigDecimal("0.53"));
    assertThat(DEFAULTS.number("water_capacity.standards_mg_l.tp_lake.II")).isEqualTo(0.025);
    assertThat(DEFAULTS.number("water_capacity.safety_margin")).isEqualTo(0.10);
    assertThat(DEFAULTS.decimal("compensation.jiangsu.rates_yuan_per_t.codmn"))
        .isEqualByComparingTo("15000");
    assertThat(DEFAULTS.text("auction.rule")).isEqualTo("lowest_accepted");
    assertThat(DEFAULTS.number("pboc.quantitative_weights.3")).isEqualTo(0.25);
    assertThat(DEFAULTS.number("emissions.grid_ef_tco2_per_mwh.2022")).isEqualTo(0.5366);
    assertThat(DEFAULTS.number("carbon_quota.pre_allocation_fraction")).isEqualTo(0.70);
    assertThat(DEFAULTS.number("collateral.trigger_drop")).isEqualTo(0.15);
  }

  @Test
  void everySectionNamesItsSource() {
    JsonNode root = DEFAULTS.toJson();
    List<String> sections = new ArrayList<>();
    root.fieldNames().forEachRemaining(sections::add);
    sections.remove("version");
    sections.remove("description");
    assertThat(sections)
        .containsExactly(
            "casa",
            "flux",
            "gep",
            "water_capacity",
            "benchmark",
            "emissions",
            "carbon_quota",
            "compensation",
            "auction",
            "collateral",
            "pboc",
            "pcaf",
            "loan_pricing",
            "carbon_inclusion",
            "gbt_46869_indicators");
    for (String section : sections) {
      if (section.equals("compensation")) {
        for (String sub : List.of("xinan", "jiangsu", "vertical")) {
          assertThat(DEFAULTS.text("compensation." + sub + ".source"))
              .as(sub)
              .contains("METHODOLOGY.md");
        }
      } else {
        assertThat(DEFAULTS.text(section + ".source")).as(section).contains("METHODOLOGY.md");
      }
    }
  }

  @Test
  void fullMappingOfTheDottedKeys() {
    // A new key must be added here on purpose: other modules read these paths.
    List<String> leaves = new ArrayList<>();
    collect("", DEFAULTS.toJson(), leaves);
    assertThat(leaves).hasSize(leafCount());
    assertThat(leaves)
        .contains(
            "casa.classes.ENF.eps_max",
            "collateral.volatility.cap",
            "collateral.liquidity.participation_rate",
            "collateral.term.discount_rate",
            "casa.fpar_min",
            "casa.fpar_max",
            "flux.t_ref_k",
            "flux.t0_k",
            "flux.npp_over_gpp",
            "flux.ustar.temperature_classes",
            "flux.mds.rg_tolerance_w_m2",
            "flux.partitioning.e0_half_window_days",
            "gep.water_supply_yuan_per_m3.domestic",
            "gep.runoff_coefficients.GRASS",
            "gep.soil.sediment_lambda",
            "gep.soil.bulk_density_t_m3",
            "gep.soil.n_fraction",
            "gep.soil.p_price_yuan_per_t",
            "gep.soil.k.CROP",
            "gep.soil.p.CROP",
            "gep.soil.c_fixed.BUILT_UP",
            "gep.soil.c_ndvi_alpha",
            "gep.soil.c_ndvi_beta",
            "gep.water_purification.removal_t_per_km2.WETLAND.cod",
            "gep.water_purification.removal_t_per_km2.WATER.tp",
            "gep.air_purification.absorption_t_per_km2.ENF.so2",
            "gep.air_purification.absorption_t_per_km2.EBF.dust",
            "gep.climate.epp_kj_m2_d.DBF",
            "gep.climate.cooling_tmax_threshold_c",
            "gep.climate.cooling_diurnal_range_c",
            "gep.climate.cooling_daily_sd_c",
            "gep.carbon_fixation.not_sequestering",
            "gep.climate.humidifier_kwh_per_m3",
            "gep.flood.reservoir_storage_factor",
            "gep.carbon_price_yuan_per_tc_range",
            "gep.climate.epp_kj_m2_d_range_factor",
            "casa.eps_max_range_factor",
            "gep.uncertainty.draws",
            "gep.uncertainty.seed",
            "gep.water_purification_yuan_per_t.cod",
            "gep.air_purification_yuan_per_t.so2",
            "water_capacity.standards_mg_l.tn_lake.V",
            "water_capacity.b",
            "water_capacity.model",
            "benchmark.opportunity_cost_yuan",
            "emissions.grid_ef_default_year",
            "carbon_quota.rule",
            "compensation.xinan.k0",
            "compensation.xinan.weights.tp",
            "compensation.vertical.alpha",
            "compensation.vertical.beta",
            "compensation.vertical.scale",
            "auction.tie_seed",
            "collateral.right_types.forest_right.ltv",
            "collateral.right_types.eco_voucher.haircut",
            "pboc.quantitative_share",
            "pboc.qualitative_weights.system",
            "carbon_inclusion.points_per_kg_co2",
            "carbon_inclusion.public_transport.baseline_kgco2_per_pkm",
            "carbon_inclusion.new_energy_vehicle.ev_kwh_per_km",
            "carbon_inclusion.waste_sorting.baseline_kgco2_per_kg",
            "carbon_inclusion.ev_charging.baseline_kgco2_per_kwh",
            "carbon_inclusion.clean_agriculture.baseline_kgco2_per_mu",
            "carbon_inclusion.clean_agriculture.project_kgco2_per_mu",
            "carbon_inclusion.points_valid_years",
            "carbon_inclusion.credit.base_score",
            "carbon_inclusion.credit.violation_penalty.grave",
            "carbon_inclusion.credit.tiers.A",
            "loan_pricing.discounts_by_rating.green");
  }

  private static int leafCount() {
    // 236 + the grid GEP services' keys: RUSLE K, P, fixed C and the NDVI C form (30), water removal
    // rates (29), air absorption rates (19), climate EPP, cooling threshold and humidifier (9); the flux
    // tower-year's u* (16), MDS (5) and partitioning (8) settings and coverage note, less the retired
    // gap_fill_window_days and e0_step_k (+27); the climate-regulation rule of the GEP guide, its cooling-day
    // estimate and their sources (8); CASA's sources of eps_max, NDVI/SR and the temperature rules (3);
    // cropland's exclusion from carbon fixed (3); the collateral haircut's volatility (9), liquidity (3) and
    // term (3) settings, moved from finance-models' defaults so that calc haircut and collateral read them (+15):
    // 379 members. Sources, statuses and notes are not parameters (Provenance.isMetadata) and are no longer
    // counted, and CASA's temperature rules became a note (temperature_rules_note): 310 parameters; the ranges
    // declared beside GEP and CASA values for the uncertainty intervals (15) and its draws and seed (2): 327; the band
    // of plausible RUSLE R (gep.soil.r_plausible.min, max): 329
    return 329;
  }

  private static void collect(String prefix, JsonNode node, List<String> out) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (Provenance.isMetadata(field.getKey())) {
          continue;
        }
        collect(
            prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(),
            field.getValue(),
            out);
      }
    } else {
      out.add(prefix);
    }
  }

  @Test
  void missingKeyIsAFailureNamingKeyAndVersion() {
    assertThatThrownBy(() -> DEFAULTS.number("casa.classes.PALM.eps_max"))
        .isInstanceOf(LiangshanException.class)
        .hasMessage(
            "Parameter 'casa.classes.PALM.eps_max' is missing from parameter set cn-default-2025.1."
                + " Add it to params/default.json or to the region's parameter_set.overrides.")
        .extracting(e -> ((LiangshanException) e).kind())
        .isEqualTo(LiangshanException.Kind.FAILURE);
    assertThatThrownBy(() -> DEFAULTS.number("auction.rule"))
        .isInstanceOf(LiangshanException.class)
        .hasMessage(
            "Parameter 'auction.rule' in parameter set cn-default-2025.1 must be a number, got"
                + " string \"lowest_accepted\"");
  }

  @Test
  void overridesDeepMergeAndLeaveTheDefaultsAlone() throws Exception {
    JsonNode overrides =
        JSON.readTree(
            "{\"gep\": {\"carbon_price_yuan_per_tc\": 95.5, \"indicators\":"
                + " [\"water_conservation\"]}, \"casa\": {\"classes\": {\"DBF\": {\"eps_max\":"
                + " 0.7}}}, \"auction\": {\"tie_seed\": null}}");
    ParameterSet region = DEFAULTS.withOverrides("test-2025.1", overrides);
    assertThat(region.version()).isEqualTo("test-2025.1");
    assertThat(region.decimal("gep.carbon_price_yuan_per_tc")).isEqualTo(new BigDecimal("95.5"));
    assertThat(region.texts("gep.indicators")).containsExactly("water_conservation");
    assertThat(region.number("casa.classes.DBF.eps_max")).isEqualTo(0.7);
    // Siblings survive the merge.
    assertThat(region.number("casa.classes.DBF.ndvi_max")).isEqualTo(0.747);
    assertThat(region.decimal("gep.oxygen_price_yuan_per_t")).isEqualByComparingTo("727");
    // null removes.
    assertThat(region.has("auction.tie_seed")).isFalse();
    // The defaults are untouched, and nodes handed out are copies.
    assertThat(DEFAULTS.decimal("gep.carbon_price_yuan_per_tc")).isEqualByComparingTo("351.42");
    ((ObjectNode) DEFAULTS.node("gep")).put("carbon_price_yuan_per_tc", 1);
    assertThat(DEFAULTS.decimal("gep.carbon_price_yuan_per_tc")).isEqualByComparingTo("351.42");
    ((ObjectNode) overrides.get("gep")).put("carbon_price_yuan_per_tc", 1);
    assertThat(region.decimal("gep.carbon_price_yuan_per_tc")).isEqualTo(new BigDecimal("95.5"));
  }

  @Test
  void regionsApplyTheirOverrides() {
    ParameterSet liyang = ParameterSet.forRegion(Regions.load("liyang"));
    assertThat(liyang.version()).isEqualTo("liyang-2025.1");
    assertThat(liyang.texts("gep.indicators")).contains("oxygen_release");
    assertThat(DEFAULTS.texts("gep.indicators")).doesNotContain("oxygen_release");
    ParameterSet tianjin = ParameterSet.forRegion(Regions.load("tianjin"));
    assertThat(tianjin.version()).isNotBlank();
  }

  @Test
  void parsedDocumentsNeedAVersion() {
    assertThatThrownBy(() -> ParameterSet.parse("{\"casa\": {}}"))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("Parameter set (text) has no \"version\" string; add one.");
    assertThat(ParameterSet.parse("{\"version\": \"x\", \"a\": {\"b\": 0.1}}").decimal("a.b"))
        .isEqualTo(new BigDecimal("0.1"));
  }
}
