package org.liangshan.geo.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.method.Casa;
import org.liangshan.core.method.ClimateRegulation;
import org.liangshan.core.method.Rusle;
import org.liangshan.core.method.SoilRetention;
import org.liangshan.core.method.VegetationClass;
import org.liangshan.core.param.ParameterSet;

/**
 * The parameters of the grid accounting, resolved once from a {@link ParameterSet}: CASA's per-class
 * rows, the runoff coefficients, the swamp flood-storage depth and the GEP indicator list.
 */
public final class AccountingParameters {
  private final ParameterSet params;
  private final Map<VegetationClass, Casa.Parameters> casa;
  private final RunoffCoefficients runoff;
  private final double swampStorageDepthM;
  private final List<String> indicators;
  private final SoilRetention.Parameters soil;
  private final Map<LandCover, Double> erodibility;
  private final Map<LandCover, Double> practice;
  private final Map<LandCover, Double> fixedCover;
  private final double coverAlpha;
  private final double coverBeta;
  private final double rPlausibleMin;
  private final double rPlausibleMax;
  private final Map<LandCover, Map<String, Double>> waterRemoval;
  private final Map<LandCover, Map<String, Double>> airAbsorption;
  private final Set<LandCover> notSequestering;
  private final Map<LandCover, Double> transpirationHeat;
  private final ClimateRegulation.CoolingDayRule coolingDayRule;
  private final double acEnergyEfficiencyRatio;
  private final double waterDensityKgM3;
  private final double latentHeatKjPerKg;
  private final double humidifierKwhPerM3;

  private AccountingParameters(ParameterSet params, RunoffCoefficients runoff) {
    this.params = requireNonNull(params, "params is null");
    Map<VegetationClass, Casa.Parameters> rows = new EnumMap<>(VegetationClass.class);
    for (VegetationClass vegetation : VegetationClass.values()) {
      rows.put(vegetation, Casa.Parameters.of(params, vegetation));
    }
    this.casa = Collections.unmodifiableMap(rows);
    this.runoff = requireNonNull(runoff, "runoff is null");
    this.swampStorageDepthM = params.number("gep.flood.swamp_storage_depth_m");
    this.indicators = params.texts("gep.indicators");
    this.soil = SoilRetention.Parameters.of(params);
    this.erodibility = perClass(params, "gep.soil.k");
    this.practice = perClass(params, "gep.soil.p");
    this.fixedCover = perClass(params, "gep.soil.c_fixed");
    this.coverAlpha = params.number("gep.soil.c_ndvi_alpha");
    this.coverBeta = params.number("gep.soil.c_ndvi_beta");
    this.rPlausibleMin = params.number("gep.soil.r_plausible.min");
    this.rPlausibleMax = params.number("gep.soil.r_plausible.max");
    this.waterRemoval = perClassAndPollutant(params, "gep.water_purification.removal_t_per_km2");
    this.airAbsorption = perClassAndPollutant(params, "gep.air_purification.absorption_t_per_km2");
    this.notSequestering = classes(params, "gep.carbon_fixation.not_sequestering");
    this.transpirationHeat = perClass(params, "gep.climate.epp_kj_m2_d");
    this.coolingDayRule = ClimateRegulation.CoolingDayRule.of(params);
    this.acEnergyEfficiencyRatio = params.number("gep.climate.ac_energy_efficiency_ratio");
    this.waterDensityKgM3 = params.number("gep.climate.water_density_kg_m3");
    this.latentHeatKjPerKg = params.number("gep.climate.latent_heat_kj_per_kg");
    this.humidifierKwhPerM3 = params.number("gep.climate.humidifier_kwh_per_m3");
  }

  /** A table keyed by land-cover class name (e.g. {@code gep.soil.k.CROP}); absent classes are absent. */
  static Map<LandCover, Double> perClass(ParameterSet params, String key) {
    Map<LandCover, Double> values = new EnumMap<>(LandCover.class);
    for (String name : params.keys(key)) {
      values.put(landCover(params, key, name), params.number(key + "." + name));
    }
    return Collections.unmodifiableMap(values);
  }

  /** A list of land-cover class names (e.g. {@code ["CROP"]}). */
  static Set<LandCover> classes(ParameterSet params, String key) {
    Set<LandCover> values = EnumSet.noneOf(LandCover.class);
    for (String name : params.texts(key)) {
      values.add(landCover(params, key, name));
    }
    return Collections.unmodifiableSet(values);
  }

  static Map<LandCover, Map<String, Double>> perClassAndPollutant(ParameterSet params, String key) {
    Map<LandCover, Map<String, Double>> values = new EnumMap<>(LandCover.class);
    for (String name : params.keys(key)) {
      Map<String, Double> rates = new java.util.LinkedHashMap<>();
      for (String pollutant : params.keys(key + "." + name)) {
        rates.put(pollutant, params.number(key + "." + name + "." + pollutant));
      }
      values.put(landCover(params, key, name), Collections.unmodifiableMap(rates));
    }
    return Collections.unmodifiableMap(values);
  }

  private static LandCover landCover(ParameterSet params, String key, String name) {
    try {
      return LandCover.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw LiangshanException.badInput(
          "Parameter set %s: '%s.%s' names no land-cover class; expected one of %s.",
          params.version(), key, name, java.util.Arrays.toString(LandCover.values()));
    }
  }

  public static AccountingParameters from(ParameterSet params) {
    return new AccountingParameters(params, RunoffCoefficients.from(params));
  }

  public ParameterSet params() {
    return params;
  }

  public String version() {
    return params.version();
  }

  public Map<VegetationClass, Casa.Parameters> casa() {
    return casa;
  }

  public RunoffCoefficients runoff() {
    return runoff;
  }

  public double swampStorageDepthM() {
    return swampStorageDepthM;
  }

  /** Whether the parameter set's indicator list ({@code gep.indicators}) includes a service. */
  public boolean includes(GepService service) {
    return indicators.contains(service.id());
  }

  public List<String> indicators() {
    return indicators;
  }

  public SoilRetention.Parameters soil() {
    return soil;
  }

  /** RUSLE K of a land-cover class ({@code gep.soil.k}); 0 for a class the set does not list. */
  public double erodibility(LandCover landCover) {
    return erodibility.getOrDefault(landCover, 0.0);
  }

  /** RUSLE P of a class ({@code gep.soil.p}); 1 (no practice) for a class the set does not list. */
  public double practice(LandCover landCover) {
    return practice.getOrDefault(landCover, 1.0);
  }

  /** The fixed C of a non-vegetated class ({@code gep.soil.c_fixed}); 1 (no cover) when not listed. */
  public double fixedCover(LandCover landCover) {
    return fixedCover.getOrDefault(landCover, 1.0);
  }

  public double coverAlpha() {
    return coverAlpha;
  }

  public double coverBeta() {
    return coverBeta;
  }

  /**
   * Whether a cell's R lies inside the region's band from published R maps ({@code
   * gep.soil.r_plausible.min} .. {@code max}); outside it the accounting warns.
   */
  public boolean plausibleErosivity(double r) {
    return Rusle.plausible(r, rPlausibleMin, rPlausibleMax);
  }

  public double rPlausibleMin() {
    return rPlausibleMin;
  }

  public double rPlausibleMax() {
    return rPlausibleMax;
  }

  /** Removal rates t/km²/a by pollutant of a class; empty for a class that removes nothing. */
  public Map<String, Double> waterRemoval(LandCover landCover) {
    return waterRemoval.getOrDefault(landCover, Map.of());
  }

  /** Absorption rates t/km²/a by pollutant of a class; empty for a class that absorbs nothing. */
  public Map<String, Double> airAbsorption(LandCover landCover) {
    return airAbsorption.getOrDefault(landCover, Map.of());
  }

  /**
   * Classes whose NEP is not carbon fixed in the GEP ({@code gep.carbon_fixation.not_sequestering}:
   * annual cropland, whose harvest returns the carbon within the year).
   */
  public Set<LandCover> notSequestering() {
    return notSequestering;
  }

  /** EPP kJ m⁻² d⁻¹ of a class on cooling days; 0 for a class the set does not list. */
  public double transpirationHeat(LandCover landCover) {
    return transpirationHeat.getOrDefault(landCover, 0.0);
  }

  /** The guide's days-above-26 °C rule on monthly means ({@code gep.climate.cooling_*}). */
  public ClimateRegulation.CoolingDayRule coolingDayRule() {
    return coolingDayRule;
  }

  public double acEnergyEfficiencyRatio() {
    return acEnergyEfficiencyRatio;
  }

  public double waterDensityKgM3() {
    return waterDensityKgM3;
  }

  public double latentHeatKjPerKg() {
    return latentHeatKjPerKg;
  }

  public double humidifierKwhPerM3() {
    return humidifierKwhPerM3;
  }
}
