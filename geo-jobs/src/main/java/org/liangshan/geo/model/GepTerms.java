package org.liangshan.geo.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.liangshan.core.method.Casa;
import org.liangshan.core.method.GepUncertainty;
import org.liangshan.core.method.GepUncertainty.Scaling;
import org.liangshan.core.method.GepUncertainty.Term;
import org.liangshan.core.param.ParameterRanges;
import org.liangshan.core.unit.Carbon;

/**
 * What each district's GEP service and carbon sink rests on: its value split into terms, each with the
 * parameters it is proportional to and every parameter (or block) it rests on. One declaration serves the
 * illustrative share of {@code gold.gep_by_district} and the intervals of {@code gold.gep_uncertainty}
 * (docs/methods/gep-uncertainty.md, where the table of this class is written out for readers).
 *
 * <p>The split is exact: a service's terms sum to its published value. Where a value is not proportional to a
 * parameter (runoff coefficients, CASA's other constants, the water-purification cap), the parameter is named
 * among those the value rests on but not drawn.
 */
public final class GepTerms {
  public static final String CARBON_SINK = "carbon_sink";
  public static final String CARBON_SINK_UNIT = "t_co2e";

  static final String EPS_MAX = "casa.eps_max";
  static final String CARBON_PRICE = "gep.carbon_price_yuan_per_tc";
  static final String OXYGEN_PRICE = "gep.oxygen_price_yuan_per_t";
  static final String ELECTRICITY_PRICE = "gep.electricity_price_yuan_per_kwh";
  static final String RESERVOIR_COST = "gep.reservoir_cost_yuan_per_m3";
  static final String SWAMP_DEPTH = "gep.flood.swamp_storage_depth_m";
  static final String WATER_PRICES = "gep.water_supply_yuan_per_m3";
  static final String ERODIBILITY = "gep.soil.k";
  static final String TREATMENT_COSTS = "gep.water_purification_yuan_per_t";
  static final String REMOVAL_RATES = "gep.water_purification.removal_t_per_km2";
  static final String ABATEMENT_COSTS = "gep.air_purification_yuan_per_t";
  static final String ABSORPTION_RATES = "gep.air_purification.absorption_t_per_km2";
  static final String TRANSPIRATION_HEAT = "gep.climate.epp_kj_m2_d";
  static final String EFFICIENCY_RATIO = "gep.climate.ac_energy_efficiency_ratio";
  static final String LATENT_HEAT = "gep.climate.latent_heat_kj_per_kg";

  private static final ObjectMapper JSON = new ObjectMapper();

  private GepTerms() {}

  /**
   * The items of every district: its included services (as {@code gold.gep_by_district} has them) and its
   * carbon sink, t CO₂e.
   */
  public static List<GepUncertainty.Item> items(
      DistrictAccounts districts, List<PieceAccount> pieces, AccountingParameters parameters) {
    requireNonNull(districts, "districts is null");
    requireNonNull(pieces, "pieces is null");
    requireNonNull(parameters, "parameters is null");
    Map<String, double[]> fixation = new HashMap<>();
    Map<String, Map<String, Double>> components = new HashMap<>();
    for (PieceAccount piece : pieces) {
      String code = piece.piece().districtCode();
      double fixedTc = piece.quantity(GepService.CARBON_FIXATION);
      if (fixedTc > 0) {
        double[] sums = fixation.computeIfAbsent(code, k -> new double[2]);
        sums[0] += Casa.carbonTonnes(piece.carbon().sequesteringNppGcM2(), piece.piece().areaM2());
        sums[1] += fixedTc;
      }
      Map<String, Double> own = components.computeIfAbsent(code, k -> new HashMap<>());
      piece.components().forEach((key, part) -> own.merge(key, part, Double::sum));
    }
    List<GepUncertainty.Item> items = new ArrayList<>();
    for (DistrictAccounts.ServiceRow row : districts.services()) {
      double value = row.valueYuan().doubleValue();
      double[] fixed = fixation.getOrDefault(row.districtCode(), new double[2]);
      Map<String, Double> parts = components.getOrDefault(row.districtCode(), Map.of());
      items.add(new GepUncertainty.Item(row.districtCode(), row.district(), row.service().id(), "yuan",
          terms(row, value, fixed, parts, parameters), true));
    }
    for (DistrictAccounts.DistrictCarbon carbon : districts.carbon()) {
      items.add(new GepUncertainty.Item(carbon.districtCode(), carbon.district(), CARBON_SINK, CARBON_SINK_UNIT,
          List.of(
              new Term(Carbon.co2FromCarbon(carbon.nppTc()), List.of(Scaling.of(EPS_MAX)), List.of("casa")),
              new Term(-Carbon.co2FromCarbon(carbon.rhTc()), List.of(), List.of("casa"))),
          false));
    }
    return List.copyOf(items);
  }

  private static List<Term> terms(
      DistrictAccounts.ServiceRow row, double value, double[] fixed, Map<String, Double> parts,
      AccountingParameters parameters) {
    return switch (row.service()) {
      case MATERIAL_PRODUCTS -> {
        double water = detailNumber(row.detail(), "water_supply_yuan").orElse(0.0);
        yield List.of(
            new Term(value - water, List.of(), List.of()),
            new Term(water, List.of(Scaling.of(WATER_PRICES)), List.of(WATER_PRICES)));
      }
      case WATER_CONSERVATION -> List.of(
          new Term(value, List.of(Scaling.of(RESERVOIR_COST)), List.of(RESERVOIR_COST, RunoffCoefficients.KEY)));
      case SOIL_RETENTION -> List.of(new Term(value, List.of(Scaling.of(ERODIBILITY)), List.of("gep.soil")));
      case FLOOD_REGULATION -> List.of(new Term(value,
          List.of(Scaling.of(RESERVOIR_COST), Scaling.of(SWAMP_DEPTH)), List.of(RESERVOIR_COST, "gep.flood")));
      case WATER_PURIFICATION -> List.of(new Term(value,
          List.of(Scaling.of(TREATMENT_COSTS), Scaling.of(REMOVAL_RATES)),
          List.of(TREATMENT_COSTS, "gep.water_purification")));
      case AIR_PURIFICATION -> List.of(new Term(value,
          List.of(Scaling.of(ABATEMENT_COSTS), Scaling.of(ABSORPTION_RATES)),
          List.of(ABATEMENT_COSTS, "gep.air_purification")));
      case CARBON_FIXATION -> carbonTerms(value, fixed, CARBON_PRICE);
      case OXYGEN_RELEASE -> carbonTerms(value, fixed, OXYGEN_PRICE);
      case CLIMATE_REGULATION -> climateTerms(value, parts, parameters);
      case CULTURAL_SERVICES -> List.of(new Term(value, List.of(), List.of()));
    };
  }

  /**
   * Carbon fixed is the sequestering classes' NPP less their Rh over the pieces that fix carbon; ε_max scales
   * the NPP only (CASA's NPP is linear in it). A piece's sign is kept as at the point (a draw does not move a
   * piece in or out of the pieces that fix carbon).
   */
  private static List<Term> carbonTerms(double value, double[] fixed, String price) {
    List<String> restsOn = List.of("casa", "gep.carbon_fixation", price);
    if (!(fixed[1] > 0)) {
      return List.of(new Term(value, List.of(Scaling.of(price)), restsOn));
    }
    double npp = value * fixed[0] / fixed[1];
    return List.of(
        new Term(npp, List.of(Scaling.of(EPS_MAX), Scaling.of(price)), restsOn),
        new Term(value - npp, List.of(Scaling.of(price)), restsOn));
  }

  /** Vegetation Σ EPP·S·D/(3600 r), water E·ρ·q/(3600 r), humidification E·y; all × electricity price. */
  private static List<Term> climateTerms(double value, Map<String, Double> parts, AccountingParameters parameters) {
    double vegetation = parts.getOrDefault("climate_regulation.vegetation_kwh", 0.0);
    double water = parts.getOrDefault("climate_regulation.water_surface_kwh", 0.0);
    double humidification = parts.getOrDefault("climate_regulation.evaporation_m3", 0.0) * parameters.humidifierKwhPerM3();
    double kwh = vegetation + water;
    List<String> restsOn = List.of("gep.climate", ELECTRICITY_PRICE);
    if (!(kwh > 0)) {
      return List.of(new Term(value, List.of(Scaling.of(ELECTRICITY_PRICE)), restsOn));
    }
    double vegetationYuan = value * vegetation / kwh;
    double humidificationYuan = value * humidification / kwh;
    return List.of(
        new Term(vegetationYuan,
            List.of(Scaling.of(TRANSPIRATION_HEAT), Scaling.inverse(EFFICIENCY_RATIO), Scaling.of(ELECTRICITY_PRICE)),
            restsOn),
        new Term(value - vegetationYuan - humidificationYuan,
            List.of(Scaling.of(LATENT_HEAT), Scaling.inverse(EFFICIENCY_RATIO), Scaling.of(ELECTRICITY_PRICE)),
            restsOn),
        new Term(humidificationYuan, List.of(Scaling.of(ELECTRICITY_PRICE)), restsOn));
  }

  /** The declared range of every parameter the items scale with (those without one are held fixed). */
  public static Map<String, ParameterRanges.Range> ranges(List<GepUncertainty.Item> items, AccountingParameters parameters) {
    Map<String, ParameterRanges.Range> ranges = new LinkedHashMap<>();
    for (GepUncertainty.Item item : items) {
      for (Term term : item.terms()) {
        for (Scaling scaling : term.scalings()) {
          if (!ranges.containsKey(scaling.key())) {
            ParameterRanges.of(parameters.params(), scaling.key()).ifPresent(range -> ranges.put(scaling.key(), range));
          }
        }
      }
    }
    return ranges;
  }

  private static Optional<Double> detailNumber(String detail, String field) {
    if (detail == null) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(detail).get(field);
      return node == null || !node.isNumber() ? Optional.empty() : Optional.of(node.doubleValue());
    } catch (IOException e) {
      throw new IllegalStateException("Detail of a GEP row is not JSON: " + detail, e);
    }
  }
}
