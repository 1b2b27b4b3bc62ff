package org.liangshan.core.calc;

import static org.liangshan.core.calc.FieldSpec.optional;
import static org.liangshan.core.calc.FieldSpec.output;
import static org.liangshan.core.calc.FieldSpec.required;
import static org.liangshan.core.calc.FieldType.ARRAY;
import static org.liangshan.core.calc.FieldType.NUMBER;
import static org.liangshan.core.calc.FieldType.OBJECT;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.liangshan.core.method.PbocScore;
import org.liangshan.core.param.ParameterSet;

/** {@code pboc-score}: {@link PbocScore}, METHODOLOGY.md section 7. */
final class PbocScoreCalc extends BaseCalcMethod {
  private static final List<String> QUALITATIVE_FIELDS = List.of("policy", "system", "support");

  PbocScoreCalc() {
    super(
        "pboc-score",
        "PBoC green-finance evaluation score of a bank: quantitative 80 %, qualitative 20 %"
            + " (section 7)",
        List.of(
            required(
                "quantitative",
                ARRAY,
                "score",
                "four scores 0-100: green share, market share, growth, risk"),
            required("qualitative", OBJECT, "score", "{policy, system, support} scores 0-100"),
            optional(
                "quantitative_weights",
                ARRAY,
                "-",
                "pboc.quantitative_weights",
                "four weights summing to 1")),
        List.of(
            output("quantitative_score", NUMBER, "score", "weighted quantitative score"),
            output("qualitative_score", NUMBER, "score", "policy 30 %, system 40 %, support 30 %"),
            output("total_score", NUMBER, "score", "0.8 × quantitative + 0.2 × qualitative")));
  }

  @Override
  void compute(CalcInput in, ParameterSet params, ObjectNode out) {
    CalcInput qualitative = in.object("qualitative", QUALITATIVE_FIELDS);
    PbocScore.Output r =
        PbocScore.compute(
            new PbocScore.Input(
                in.decimalArray("quantitative"),
                new PbocScore.Qualitative(
                    qualitative.decimal("policy"),
                    qualitative.decimal("system"),
                    qualitative.decimal("support")),
                PbocScore.Weights.of(
                    params,
                    in.has("quantitative_weights")
                        ? in.decimalArray("quantitative_weights")
                        : null)));
    put(out, "quantitative_score", r.quantitativeScore());
    put(out, "qualitative_score", r.qualitativeScore());
    put(out, "total_score", r.totalScore());
  }
}
