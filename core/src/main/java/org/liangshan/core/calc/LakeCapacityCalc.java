package org.liangshan.core.calc;

import static org.liangshan.core.calc.FieldSpec.output;
import static org.liangshan.core.calc.FieldSpec.required;
import static org.liangshan.core.calc.FieldType.NUMBER;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.liangshan.core.method.WaterCapacity;
import org.liangshan.core.param.ParameterSet;

/** {@code lake-capacity}: {@link WaterCapacity#lake}, METHODOLOGY.md section 3. */
final class LakeCapacityCalc extends BaseCalcMethod {
  LakeCapacityCalc() {
    super(
        "lake-capacity",
        "Fully mixed lake or reservoir capacity 31.536·[Cs·(Q + K·V) - C0·Q] (section 3)",
        List.of(
            required("cs_mg_l", NUMBER, "mg L-1", "standard limit of the zone's target class"),
            required("c0_mg_l", NUMBER, "mg L-1", "inflow concentration"),
            required("q_m3_s", NUMBER, "m3 s-1", "inflow"),
            required("k_per_day", NUMBER, "d-1", "decay coefficient (used per second: K/86400)"),
            required("volume_m3", NUMBER, "m3", "lake volume")),
        List.of(
            output("capacity_t_a", NUMBER, "t a-1", "capacity W (negative: reductions needed)")));
  }

  @Override
  void compute(CalcInput in, ParameterSet params, ObjectNode out) {
    double capacity =
        WaterCapacity.lake(
            new WaterCapacity.LakeInput(
                in.number("cs_mg_l"),
                in.number("c0_mg_l"),
                in.number("q_m3_s"),
                in.number("k_per_day"),
                in.number("volume_m3")));
    put(out, "capacity_t_a", capacity);
  }
}
