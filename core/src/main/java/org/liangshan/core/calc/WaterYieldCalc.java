package org.liangshan.core.calc;

import static org.liangshan.core.calc.FieldSpec.optional;
import static org.liangshan.core.calc.FieldSpec.output;
import static org.liangshan.core.calc.FieldSpec.required;
import static org.liangshan.core.calc.FieldType.BOOLEAN;
import static org.liangshan.core.calc.FieldType.NUMBER;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.liangshan.core.method.WaterYield;
import org.liangshan.core.param.ParameterSet;

/** {@code water-yield}: {@link WaterYield}, METHODOLOGY.md section 2. */
final class WaterYieldCalc extends BaseCalcMethod {
  WaterYieldCalc() {
    super(
        "water-yield",
        "Annual water yield, InVEST Budyko form (section 2)",
        List.of(
            required("precip_mm", NUMBER, "mm a-1", "annual precipitation, > 0"),
            required("et0_mm", NUMBER, "mm a-1", "reference evapotranspiration"),
            required("kc", NUMBER, "-", "crop coefficient"),
            required("root_depth_mm", NUMBER, "mm", "root restricting depth of the vegetation"),
            required("soil_depth_mm", NUMBER, "mm", "soil depth"),
            required("pawc", NUMBER, "-", "plant available water content, in [0, 1]"),
            required("z", NUMBER, "-", "seasonality factor Z"),
            optional("vegetated", BOOLEAN, "", "true", "whether the cell is vegetated")),
        List.of(
            output("pet_mm", NUMBER, "mm a-1", "potential evapotranspiration Kc·ET0"),
            output("awc_mm", NUMBER, "mm", "available water capacity"),
            output("omega", NUMBER, "-", "ω = min(Z·AWC/P + 1.25, 5)"),
            output("fractp", NUMBER, "-", "AET/P"),
            output("aet_mm", NUMBER, "mm a-1", "actual evapotranspiration"),
            output("yield_mm", NUMBER, "mm a-1", "water yield P - AET")));
  }

  @Override
  void compute(CalcInput in, ParameterSet params, ObjectNode out) {
    WaterYield.Output r =
        WaterYield.compute(
            new WaterYield.Input(
                in.number("precip_mm"),
                in.number("et0_mm"),
                in.number("kc"),
                in.number("root_depth_mm"),
                in.number("soil_depth_mm"),
                in.number("pawc"),
                in.number("z"),
                in.bool("vegetated", true)));
    put(out, "pet_mm", r.petMm());
    put(out, "awc_mm", r.awcMm());
    put(out, "omega", r.omega());
    put(out, "fractp", r.fractp());
    put(out, "aet_mm", r.aetMm());
    put(out, "yield_mm", r.yieldMm());
  }
}
