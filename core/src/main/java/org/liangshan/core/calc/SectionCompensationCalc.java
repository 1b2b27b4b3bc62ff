package org.liangshan.core.calc;

import static org.liangshan.core.calc.FieldSpec.output;
import static org.liangshan.core.calc.FieldSpec.required;
import static org.liangshan.core.calc.FieldType.ARRAY;
import static org.liangshan.core.calc.FieldType.NUMBER;
import static org.liangshan.core.calc.FieldType.OBJECT;
import static org.liangshan.core.calc.FieldType.STRING;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.method.SectionCompensation;
import org.liangshan.core.param.ParameterSet;

/** {@code section-compensation}: {@link SectionCompensation}, METHODOLOGY.md section 5. */
final class SectionCompensationCalc extends BaseCalcMethod {
  private static final List<String> FACTOR_FIELDS =
      List.of("name", "measured_mg_l", "target_mg_l", "rate_yuan_per_t");

  SectionCompensationCalc() {
    super(
        "section-compensation",
        "Jiangsu per-factor section compensation (measured - target)·volume·rate (section 5)",
        List.of(
            required("monthly_volume_m3", NUMBER, "m3", "volume through the section in the month"),
            required(
                "factors",
                ARRAY,
                "",
                "[{name, measured_mg_l, target_mg_l, rate_yuan_per_t (default"
                    + " compensation.jiangsu.rates_yuan_per_t.<name>)}]")),
        List.of(
            output("amounts", OBJECT, "yuan", "signed amount per factor name"),
            output(
                "net_yuan",
                NUMBER,
                "yuan",
                "sum; positive: upstream pays, negative: downstream pays"),
            output("payer", STRING, "", "upstream, downstream or none"),
            output("payee", STRING, "", "the other side")));
  }

  @Override
  void compute(CalcInput in, ParameterSet params, ObjectNode out) {
    List<SectionCompensation.Factor> factors = new ArrayList<>();
    for (CalcInput item : in.objects("factors", FACTOR_FIELDS)) {
      String name = item.text("name");
      BigDecimal measured = item.decimal("measured_mg_l");
      BigDecimal target = item.decimal("target_mg_l");
      BigDecimal rate;
      if (item.has("rate_yuan_per_t")) {
        rate = item.decimal("rate_yuan_per_t");
      } else {
        rate =
            SectionCompensation.defaultRate(params, name)
                .orElseThrow(
                    () ->
                        LiangshanException.badField(
                            item.path("rate_yuan_per_t"),
                            "required for factor '"
                                + name
                                + "'; defaults exist for "
                                + String.join(
                                    ", ", params.keys("compensation.jiangsu.rates_yuan_per_t"))));
      }
      factors.add(item.within(() -> new SectionCompensation.Factor(name, measured, target, rate)));
    }
    SectionCompensation.Output r =
        SectionCompensation.compute(
            new SectionCompensation.Input(in.decimal("monthly_volume_m3"), factors));
    ObjectNode amounts = out.putObject("amounts");
    for (Map.Entry<String, BigDecimal> amount : r.amountsYuan().entrySet()) {
      put(amounts, amount.getKey(), amount.getValue());
    }
    put(out, "net_yuan", r.netYuan());
    out.put("payer", r.payer().jsonName());
    out.put("payee", r.payee().jsonName());
  }
}
