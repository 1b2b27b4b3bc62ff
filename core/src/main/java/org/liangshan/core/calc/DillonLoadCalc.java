package org.liangshan.core.calc;

import static org.liangshan.core.calc.FieldSpec.output;
import static org.liangshan.core.calc.FieldSpec.required;
import static org.liangshan.core.calc.FieldType.NUMBER;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.liangshan.core.method.WaterCapacity;
import org.liangshan.core.param.ParameterSet;

/** {@code dillon-load}: {@link WaterCapacity#dillon}, METHODOLOGY.md section 3. */
final class DillonLoadCalc extends BaseCalcMethod {
  DillonLoadCalc() {
    super(
        "dillon-load",
        "Allowed TP load of a lake by Dillon: Ps·z·ρ/(1 - R) times the area (section 3)",
        List.of(
            required("ps_mg_m3", NUMBER, "mg m-3", "TP standard limit"),
            required("mean_depth_m", NUMBER, "m", "mean depth z"),
            required("flushing_per_year", NUMBER, "a-1", "flushing rate ρ"),
            required("retention", NUMBER, "-", "TP retention coefficient R, in [0, 1)"),
            required("area_km2", NUMBER, "km2", "lake surface area")),
        List.of(
            output("areal_load_mg_m2_a", NUMBER, "mg m-2 a-1", "allowed areal load L"),
            output("allowed_load_t_a", NUMBER, "t a-1", "allowed load L × area")));
  }

  @Override
  void compute(CalcInput in, ParameterSet params, ObjectNode out) {
    WaterCapacity.DillonOutput r =
        WaterCapacity.dillon(
            new WaterCapacity.DillonInput(
                in.number("ps_mg_m3"),
                in.number("mean_depth_m"),
                in.number("flushing_per_year"),
                in.number("retention"),
                in.number("area_km2")));
    put(out, "areal_load_mg_m2_a", r.arealLoadMgM2A());
    put(out, "allowed_load_t_a", r.allowedLoadTA());
  }
}
