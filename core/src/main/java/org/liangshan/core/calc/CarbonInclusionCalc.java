package org.liangshan.core.calc;

import static org.liangshan.core.calc.FieldSpec.optional;
import static org.liangshan.core.calc.FieldSpec.output;
import static org.liangshan.core.calc.FieldSpec.required;
import static org.liangshan.core.calc.FieldType.INTEGER;
import static org.liangshan.core.calc.FieldType.NUMBER;
import static org.liangshan.core.calc.FieldType.STRING;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.liangshan.core.method.CarbonInclusion;
import org.liangshan.core.param.ParameterSet;

/** {@code carbon-inclusion}: {@link CarbonInclusion}, METHODOLOGY.md section 8; the job uses the same code. */
final class CarbonInclusionCalc extends BaseCalcMethod {
  CarbonInclusionCalc() {
    super(
        "carbon-inclusion",
        "Carbon-inclusion (碳普惠) reduction of one activity and the points it earns (section 8)",
        List.of(
            required(
                "scenario",
                STRING,
                "",
                "public_transport, new_energy_vehicle, ev_charging, waste_sorting or clean_agriculture"),
            required("activity", NUMBER, "pkm, km, kWh, kg or mu", "activity in the scenario's unit"),
            optional(
                "baseline_factor",
                NUMBER,
                "kg CO2 per unit",
                "carbon_inclusion.<scenario>.baseline_*",
                "baseline emission factor"),
            optional(
                "project_factor",
                NUMBER,
                "kg CO2 per unit",
                "carbon_inclusion.<scenario>.project_* (EVs: kWh/km × grid factor)",
                "project emission factor"),
            optional(
                "points_per_kg_co2",
                NUMBER,
                "points kg-1",
                "carbon_inclusion.points_per_kg_co2",
                "published points rate")),
        List.of(
            output("unit", STRING, "", "activity unit of the scenario"),
            output("baseline_factor", NUMBER, "kg CO2 per unit", "baseline factor used"),
            output("project_factor", NUMBER, "kg CO2 per unit", "project factor used"),
            output("reduction_kgco2", NUMBER, "kg CO2", "activity × (baseline − project)"),
            output("points", INTEGER, "points", "reduction × rate, rounded down; 0 when negative")));
  }

  @Override
  void compute(CalcInput in, ParameterSet params, ObjectNode out) {
    CarbonInclusion.Scenario scenario = CarbonInclusion.scenario("scenario", in.text("scenario"));
    double activity = in.number("activity");
    CarbonInclusion.Input defaults = CarbonInclusion.factors(scenario, Math.max(0, activity), params);
    double baseline = in.number("baseline_factor", defaults.baselineKgco2PerUnit());
    double project = in.number("project_factor", defaults.projectKgco2PerUnit());
    CarbonInclusion.Output r =
        CarbonInclusion.compute(
            in.within(() -> new CarbonInclusion.Input(activity, baseline, project)),
            in.decimal("points_per_kg_co2", params.decimal("carbon_inclusion.points_per_kg_co2")));
    out.put("unit", CarbonInclusion.unit(scenario));
    put(out, "baseline_factor", baseline);
    put(out, "project_factor", project);
    put(out, "reduction_kgco2", r.reductionKgco2());
    out.put("points", r.points());
  }
}
