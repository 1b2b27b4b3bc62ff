package org.liangshan.core.calc;

import static org.liangshan.core.calc.FieldSpec.optional;
import static org.liangshan.core.calc.FieldSpec.output;
import static org.liangshan.core.calc.FieldSpec.required;
import static org.liangshan.core.calc.FieldType.NUMBER;
import static org.liangshan.core.calc.FieldType.STRING;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.liangshan.core.method.WaterCapacity;
import org.liangshan.core.param.ParameterSet;

/** {@code river-capacity}: {@link WaterCapacity#river}, METHODOLOGY.md section 3. */
final class RiverCapacityCalc extends BaseCalcMethod {
  RiverCapacityCalc() {
    super(
        "river-capacity",
        "River water environmental capacity, distributed or point_head model (section 3)",
        List.of(
            required("cs_mg_l", NUMBER, "mg L-1", "standard limit of the zone's target class"),
            required("c0_mg_l", NUMBER, "mg L-1", "upstream background concentration"),
            required("q_m3_s", NUMBER, "m3 s-1", "design flow"),
            required("k_per_day", NUMBER, "d-1", "decay coefficient (used per second: K/86400)"),
            required("length_km", NUMBER, "km", "reach length (used in metres)"),
            required("velocity_m_s", NUMBER, "m s-1", "mean velocity"),
            optional("b", NUMBER, "-", "water_capacity.b", "non-uniformity coefficient"),
            optional("model", STRING, "", "water_capacity.model", "distributed or point_head")),
        List.of(
            output("capacity_t_a", NUMBER, "t a-1", "capacity W (negative: reductions needed)")));
  }

  @Override
  void compute(CalcInput in, ParameterSet params, ObjectNode out) {
    WaterCapacity.RiverModel model =
        WaterCapacity.RiverModel.parse(
            "model", in.text("model", params.text("water_capacity.model")));
    double capacity =
        WaterCapacity.river(
            new WaterCapacity.RiverInput(
                in.number("cs_mg_l"),
                in.number("c0_mg_l"),
                in.number("q_m3_s"),
                in.number("k_per_day"),
                in.number("length_km"),
                in.number("velocity_m_s"),
                in.number("b", params.number("water_capacity.b")),
                model));
    put(out, "capacity_t_a", capacity);
  }
}
