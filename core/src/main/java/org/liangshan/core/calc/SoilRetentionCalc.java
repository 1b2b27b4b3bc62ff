package org.liangshan.core.calc;

import static org.liangshan.core.calc.FieldSpec.optional;
import static org.liangshan.core.calc.FieldSpec.output;
import static org.liangshan.core.calc.FieldType.NUMBER;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.method.SoilRetention;
import org.liangshan.core.param.ParameterSet;

/** {@code soil-retention}: {@link SoilRetention}, METHODOLOGY.md section 2. */
final class SoilRetentionCalc extends BaseCalcMethod {
  private static final List<String> FACTORS = List.of("r", "k", "ls", "c", "p", "area_ha");

  SoilRetentionCalc() {
    super(
        "soil-retention",
        "Soil retained (RUSLE R·K·LS·(1 - C·P)·A, or given) and its sediment and nutrient value"
            + " (section 2)",
        List.of(
            optional(
                "r",
                NUMBER,
                "MJ mm ha-1 h-1 a-1",
                "none; give r, k, ls, c, p, area_ha or retained_t",
                "rainfall erosivity"),
            optional("k", NUMBER, "t ha h ha-1 MJ-1 mm-1", "none", "soil erodibility"),
            optional("ls", NUMBER, "-", "none", "slope length and steepness"),
            optional("c", NUMBER, "-", "none", "cover management, in [0, 1]"),
            optional("p", NUMBER, "-", "none", "support practice, in [0, 1]"),
            optional("area_ha", NUMBER, "ha", "none", "area"),
            optional(
                "retained_t",
                NUMBER,
                "t a-1",
                "none; instead of the RUSLE factors",
                "soil retained")),
        List.of(
            output("retained_t", NUMBER, "t a-1", "soil retained"),
            output("sediment_m3", NUMBER, "m3 a-1", "sediment kept out of reservoirs λ·A/ρ"),
            output("value_sediment_yuan", NUMBER, "yuan", "sediment × dredging cost"),
            output("value_n_yuan", NUMBER, "yuan", "nitrogen retained × price"),
            output("value_p_yuan", NUMBER, "yuan", "phosphorus retained × price"),
            output("value_total_yuan", NUMBER, "yuan", "sum of the three values")));
  }

  @Override
  void compute(CalcInput in, ParameterSet params, ObjectNode out) {
    boolean anyFactor = FACTORS.stream().anyMatch(in::has);
    SoilRetention.Source source;
    if (in.has("retained_t")) {
      if (anyFactor) {
        throw LiangshanException.badField(
            "retained_t",
            "give either retained_t or the RUSLE factors r, k, ls, c, p, area_ha, not both");
      }
      source = new SoilRetention.Retained(in.number("retained_t"));
    } else if (anyFactor) {
      for (String factor : FACTORS) {
        if (!in.has(factor)) {
          throw LiangshanException.badField(
              factor, "required with the other RUSLE factors (r, k, ls, c, p, area_ha)");
        }
      }
      source =
          new SoilRetention.Rusle(
              in.number("r"),
              in.number("k"),
              in.number("ls"),
              in.number("c"),
              in.number("p"),
              in.number("area_ha"));
    } else {
      throw LiangshanException.badField(
          "retained_t", "required unless the RUSLE factors r, k, ls, c, p and area_ha are given");
    }
    SoilRetention.Output r = SoilRetention.compute(source, params);
    put(out, "retained_t", r.retainedT());
    put(out, "sediment_m3", r.sedimentM3());
    put(out, "value_sediment_yuan", r.valueSedimentYuan());
    put(out, "value_n_yuan", r.valueNYuan());
    put(out, "value_p_yuan", r.valuePYuan());
    put(out, "value_total_yuan", r.valueTotalYuan());
  }
}
