package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;

/**
 * Physical quantities and values of the GEP services that are one line each (METHODOLOGY.md section
 * 2, GEP table; GB/T 46869-2025 following the NDRC/NBS 2022 specification; default unit prices of
 * the Ganzi 2010 study, parameter set {@code gep.*}). Values are yuan at full precision.
 *
 * <ul>
 *   <li>material products, water supply: m³ × 2.6 / 3.6 / 0.07 yuan/m³ (domestic / industrial /
 *       agricultural);
 *   <li>flood regulation: reservoirs 0.35 × total storage; swamps 0.3 m × S km² × 10⁶ m²/km²; value
 *       × reservoir cost 7.06 yuan/m³;
 *   <li>water purification: pollutants removed, each up to the zone's capacity (section 3), × COD
 *       700, NH₃-N 875, N 875, P 2800 yuan/t;
 *   <li>air purification: SO₂, NOx, dust absorbed × 1200 / 630 / 150 yuan/t;
 *   <li>carbon fixation: t C × carbon price (380 yuan/t C); oxygen release: C·32/12 × 727 yuan/t;
 *   <li>climate regulation (the GEP technical guide, 2020; {@link ClimateRegulation}): vegetation Σ
 *       EPP_i·S_i·d/(3600·r) kWh (EPP in kJ m⁻² d⁻¹, S in m², d days, r the air conditioner's
 *       energy-efficiency ratio) and water surface E·ρ·q/(3600·r) kWh (E in m³, ρ kg/m³, q kJ/kg),
 *       plus humidification E·y kWh (y the humidifier's kWh per m³) only where it is counted, ×
 *       electricity 0.53 yuan/kWh.
 * </ul>
 */
public final class GepValues {
  private GepValues() {}

  /** Water supplied by use, m³. */
  public record WaterSupply(double domesticM3, double industrialM3, double agriculturalM3) {
    public WaterSupply {
      Checks.nonNegative("domestic_m3", domesticM3);
      Checks.nonNegative("industrial_m3", industrialM3);
      Checks.nonNegative("agricultural_m3", agriculturalM3);
    }
  }

  /** A vegetation type's transpiration heat: EPP kJ m⁻² d⁻¹ over an area for a number of days. */
  public record Transpiration(double eppKjM2D, double areaM2, double days) {
    public Transpiration {
      Checks.nonNegative("epp_kj_m2_d", eppKjM2D);
      Checks.nonNegative("area_m2", areaM2);
      Checks.nonNegative("days", days);
    }
  }

  public static BigDecimal waterSupplyValue(WaterSupply supply, ParameterSet params) {
    requireNonNull(supply, "supply is null");
    return decimal(supply.domesticM3())
        .multiply(params.decimal("gep.water_supply_yuan_per_m3.domestic"))
        .add(
            decimal(supply.industrialM3())
                .multiply(params.decimal("gep.water_supply_yuan_per_m3.industrial")))
        .add(
            decimal(supply.agriculturalM3())
                .multiply(params.decimal("gep.water_supply_yuan_per_m3.agricultural")));
  }

  /** Flood-regulation storage of reservoirs: factor (0.35) × total storage. */
  public static double reservoirFloodStorageM3(double totalStorageM3, double factor) {
    Checks.nonNegative("total_storage_m3", totalStorageM3);
    Checks.fraction("reservoir_storage_factor", factor);
    return factor * totalStorageM3;
  }

  /** Flood-regulation storage of a swamp: depth (0.3 m) × S km² × 10⁶ m²/km². */
  public static double swampFloodStorageM3(double areaKm2, double depthM) {
    Checks.nonNegative("area_km2", areaKm2);
    Checks.nonNegative("swamp_storage_depth_m", depthM);
    return depthM * areaKm2 * 1e6;
  }

  /** Storage volume × reservoir cost ({@code gep.reservoir_cost_yuan_per_m3}). */
  public static BigDecimal floodRegulationValue(double storageM3, ParameterSet params) {
    Checks.nonNegative("storage_m3", storageM3);
    return decimal(storageM3).multiply(params.decimal("gep.reservoir_cost_yuan_per_m3"));
  }

  /**
   * Σ min(removed, capacity) × price over pollutants ({@code cod}, {@code nh3n}, {@code tn}, {@code
   * tp}). A pollutant without a capacity entry is not capped.
   */
  public static BigDecimal waterPurificationValue(
      Map<String, Double> removedT, Map<String, Double> capacityT, ParameterSet params) {
    requireNonNull(removedT, "removedT is null");
    requireNonNull(capacityT, "capacityT is null");
    BigDecimal total = BigDecimal.ZERO;
    for (Map.Entry<String, Double> entry : removedT.entrySet()) {
      String pollutant = entry.getKey();
      double removed = Checks.nonNegative("removed_t." + pollutant, entry.getValue());
      double capped =
          capacityT.containsKey(pollutant) ? Math.min(removed, capacityT.get(pollutant)) : removed;
      total =
          total.add(
              decimal(Math.max(0, capped))
                  .multiply(price(params, "gep.water_purification_yuan_per_t", pollutant)));
    }
    return total;
  }

  /** Σ absorbed × price over {@code so2}, {@code nox}, {@code dust}. */
  public static BigDecimal airPurificationValue(
      Map<String, Double> absorbedT, ParameterSet params) {
    requireNonNull(absorbedT, "absorbedT is null");
    BigDecimal total = BigDecimal.ZERO;
    for (Map.Entry<String, Double> entry : absorbedT.entrySet()) {
      double absorbed = Checks.nonNegative("absorbed_t." + entry.getKey(), entry.getValue());
      total =
          total.add(
              decimal(absorbed)
                  .multiply(price(params, "gep.air_purification_yuan_per_t", entry.getKey())));
    }
    return total;
  }

  /**
   * t C × carbon price ({@code gep.carbon_price_yuan_per_tc}); negative NEP (a source) is valued
   * negative.
   */
  public static BigDecimal carbonFixationValue(double tonnesC, ParameterSet params) {
    Checks.finite("tonnes_c", tonnesC);
    return decimal(tonnesC).multiply(params.decimal("gep.carbon_price_yuan_per_tc"));
  }

  /** O₂ released, C·32/12 t, × {@code gep.oxygen_price_yuan_per_t}. */
  public static BigDecimal oxygenReleaseValue(double tonnesC, ParameterSet params) {
    Checks.finite("tonnes_c", tonnesC);
    return decimal(Casa.oxygenFromCarbon(tonnesC))
        .multiply(params.decimal("gep.oxygen_price_yuan_per_t"));
  }

  /** Σ EPP_i·S_i·d/(3600·r) in kWh. */
  public static double vegetationCoolingKwh(
      List<Transpiration> types, double energyEfficiencyRatio) {
    requireNonNull(types, "types is null");
    Checks.positive("ac_energy_efficiency_ratio", energyEfficiencyRatio);
    double kj = 0;
    for (Transpiration t : types) {
      kj += t.eppKjM2D() * t.areaM2() * t.days();
    }
    return kj / (3600 * energyEfficiencyRatio);
  }

  /**
   * Water-surface cooling E·ρ·q/(3600·r) in kWh (E m³, ρ kg/m³, q kJ/kg): the heat the evaporation
   * absorbs, as the electricity an air conditioner of energy-efficiency ratio r would use to remove it.
   */
  public static double waterCoolingKwh(
      double evaporationM3, double densityKgM3, double latentHeatKjPerKg, double energyEfficiencyRatio) {
    Checks.nonNegative("evaporation_m3", evaporationM3);
    Checks.positive("water_density_kg_m3", densityKgM3);
    Checks.nonNegative("latent_heat_kj_per_kg", latentHeatKjPerKg);
    Checks.positive("ac_energy_efficiency_ratio", energyEfficiencyRatio);
    return evaporationM3 * densityKgM3 * latentHeatKjPerKg / (3600 * energyEfficiencyRatio);
  }

  /** Humidification E·y in kWh (E m³, y the humidifier's kWh per m³); 0 where it is not counted. */
  public static double humidificationKwh(double evaporationM3, double humidifierKwhPerM3) {
    Checks.nonNegative("evaporation_m3", evaporationM3);
    Checks.nonNegative("humidifier_kwh_per_m3", humidifierKwhPerM3);
    return evaporationM3 * humidifierKwhPerM3;
  }

  /** kWh × {@code gep.electricity_price_yuan_per_kwh}. */
  public static BigDecimal climateRegulationValue(double kwh, ParameterSet params) {
    return ClimateRegulation.value(kwh, params.decimal("gep.electricity_price_yuan_per_kwh"));
  }

  private static BigDecimal price(ParameterSet params, String table, String pollutant) {
    String key = table + "." + pollutant;
    if (!params.has(key)) {
      throw LiangshanException.badField(
          pollutant,
          "no unit price for '"
              + pollutant
              + "'; expected one of "
              + String.join(", ", params.keys(table)));
    }
    return params.decimal(key);
  }

  static BigDecimal decimal(double value) {
    return BigDecimal.valueOf(value);
  }
}
