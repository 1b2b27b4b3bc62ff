package org.liangshan.core.calc;

import static org.liangshan.core.calc.FieldSpec.optional;
import static org.liangshan.core.calc.FieldSpec.output;
import static org.liangshan.core.calc.FieldSpec.required;
import static org.liangshan.core.calc.FieldType.NUMBER;
import static org.liangshan.core.calc.FieldType.OBJECT;
import static org.liangshan.core.calc.FieldType.STRING;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.liangshan.core.method.XinanPIndex;
import org.liangshan.core.param.ParameterSet;

/** {@code xinan-p-index}: {@link XinanPIndex}, METHODOLOGY.md section 5. */
final class XinanPIndexCalc extends BaseCalcMethod {
  XinanPIndexCalc() {
    super(
        "xinan-p-index",
        "Xin'an River P-index P = k0·Σ wi·Ci/Ci0 and who pays (section 5)",
        List.of(
            required("concentrations", OBJECT, "mg L-1", "measured {codmn, nh3n, tn, tp}"),
            required("baselines", OBJECT, "mg L-1", "baseline means {codmn, nh3n, tn, tp}, > 0"),
            optional("k0", NUMBER, "-", "compensation.xinan.k0", "stability coefficient"),
            optional(
                "weights",
                OBJECT,
                "-",
                "compensation.xinan.weights",
                "{codmn, nh3n, tn, tp} summing to 1")),
        List.of(
            output("p", NUMBER, "-", "P-index"),
            output("payer", STRING, "", "downstream when P <= 1, else upstream"),
            output("payee", STRING, "", "the other side")));
  }

  @Override
  void compute(CalcInput in, ParameterSet params, ObjectNode out) {
    XinanPIndex.Output r =
        XinanPIndex.compute(
            new XinanPIndex.Input(
                in.decimals("concentrations", XinanPIndex.FACTORS),
                in.decimals("baselines", XinanPIndex.FACTORS),
                in.decimal("k0", params.decimal("compensation.xinan.k0")),
                in.has("weights")
                    ? in.decimals("weights", XinanPIndex.FACTORS)
                    : XinanPIndex.defaultWeights(params)));
    put(out, "p", r.p());
    out.put("payer", r.payer().jsonName());
    out.put("payee", r.payee().jsonName());
  }
}
