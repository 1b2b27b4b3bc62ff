package org.liangshan.core.calc;

import static org.liangshan.core.calc.FieldSpec.optional;
import static org.liangshan.core.calc.FieldSpec.output;
import static org.liangshan.core.calc.FieldSpec.required;
import static org.liangshan.core.calc.FieldType.NUMBER;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.liangshan.core.method.WaterConservation;
import org.liangshan.core.param.ParameterSet;

/** {@code water-conservation}: {@link WaterConservation}, METHODOLOGY.md section 2. */
final class WaterConservationCalc extends BaseCalcMethod {
  WaterConservationCalc() {
    super(
        "water-conservation",
        "Water conservation (P - R - ET)·A and its value at the reservoir cost (section 2)",
        List.of(
            required("precip_mm", NUMBER, "mm", "precipitation"),
            required("runoff_mm", NUMBER, "mm", "storm runoff"),
            required("et_mm", NUMBER, "mm", "evapotranspiration"),
            required("area_km2", NUMBER, "km2", "area"),
            optional(
                "reservoir_cost_yuan_per_m3",
                NUMBER,
                "yuan m-3",
                "gep.reservoir_cost_yuan_per_m3",
                "unit price of storage")),
        List.of(
            output(
                "water_conservation_m3",
                NUMBER,
                "m3",
                "water conserved (0 when the balance is negative)"),
            output("value_yuan", NUMBER, "yuan", "value at the reservoir cost")));
  }

  @Override
  void compute(CalcInput in, ParameterSet params, ObjectNode out) {
    WaterConservation.Input input =
        new WaterConservation.Input(
            in.number("precip_mm"),
            in.number("runoff_mm"),
            in.number("et_mm"),
            in.number("area_km2"));
    WaterConservation.Output r =
        WaterConservation.compute(
            input,
            in.decimal(
                "reservoir_cost_yuan_per_m3", params.decimal("gep.reservoir_cost_yuan_per_m3")));
    put(out, "water_conservation_m3", r.quantityM3());
    put(out, "value_yuan", r.valueYuan());
  }
}
