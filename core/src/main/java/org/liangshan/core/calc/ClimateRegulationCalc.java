package org.liangshan.core.calc;

import static org.liangshan.core.calc.FieldSpec.optional;
import static org.liangshan.core.calc.FieldSpec.output;
import static org.liangshan.core.calc.FieldSpec.required;
import static org.liangshan.core.calc.FieldType.NUMBER;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.liangshan.core.method.ClimateRegulation;
import org.liangshan.core.param.ParameterSet;

/**
 * {@code climate-regulation}: {@link ClimateRegulation}, METHODOLOGY.md section 2 (the GEP technical
 * guide, 2020): cooling by vegetation transpiration and water-surface evaporation as the electricity
 * of an air conditioner, valued at the electricity price. Humidification is not part of this case.
 */
final class ClimateRegulationCalc extends BaseCalcMethod {
  ClimateRegulationCalc() {
    super(
        "climate-regulation",
        "Climate regulation: transpiration and evaporation cooling as air-conditioner electricity"
            + " on cooling days, and its value (section 2)",
        List.of(
            required(
                "water_evap_m3", NUMBER, "m3", "water evaporated from open water on the cooling days"),
            required("veg_area_km2", NUMBER, "km2", "vegetated area"),
            required(
                "veg_heat_kj_m2_d",
                NUMBER,
                "kJ m-2 d-1",
                "heat consumed by transpiration per m2 and day (EPP)"),
            required(
                "cooling_days",
                NUMBER,
                "d",
                "days that need cooling (daily maximum above 26 °C), in [0, 366]"),
            optional(
                "efficiency_ratio",
                NUMBER,
                "-",
                "gep.climate.ac_energy_efficiency_ratio",
                "air-conditioner energy-efficiency ratio r"),
            optional(
                "latent_heat_kj_kg",
                NUMBER,
                "kJ kg-1",
                "gep.climate.latent_heat_kj_per_kg",
                "latent heat of vaporisation q"),
            optional(
                "electricity_yuan_per_kwh",
                NUMBER,
                "yuan kWh-1",
                "gep.electricity_price_yuan_per_kwh",
                "electricity price")),
        List.of(
            output("veg_cooling_kwh", NUMBER, "kWh", "EPP·S·D/(3600·r)"),
            output("water_cooling_kwh", NUMBER, "kWh", "E·ρ·q/(3600·r)"),
            output("value_yuan", NUMBER, "yuan", "(vegetation + water) kWh × electricity price")));
  }

  @Override
  void compute(CalcInput in, ParameterSet params, ObjectNode out) {
    ClimateRegulation.Output r =
        ClimateRegulation.compute(
            new ClimateRegulation.Input(
                in.number("water_evap_m3"),
                in.number("veg_area_km2"),
                in.number("veg_heat_kj_m2_d"),
                in.number("cooling_days"),
                in.number(
                    "efficiency_ratio", params.number("gep.climate.ac_energy_efficiency_ratio")),
                in.number("latent_heat_kj_kg", params.number("gep.climate.latent_heat_kj_per_kg")),
                params.number("gep.climate.water_density_kg_m3")));
    put(out, "veg_cooling_kwh", r.vegetationCoolingKwh());
    put(out, "water_cooling_kwh", r.waterCoolingKwh());
    put(
        out,
        "value_yuan",
        ClimateRegulation.value(
            r.totalKwh(),
            in.decimal(
                "electricity_yuan_per_kwh", params.decimal("gep.electricity_price_yuan_per_kwh"))));
  }
}
