package org.liangshan.core.calc;

import static org.liangshan.core.calc.FieldSpec.output;
import static org.liangshan.core.calc.FieldType.INTEGER;
import static org.liangshan.core.calc.FieldType.NUMBER;
import static org.liangshan.core.calc.FieldType.STRING;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.liangshan.core.method.Collateral;
import org.liangshan.core.method.HaircutBacktest;
import org.liangshan.core.param.ParameterSet;

/** {@code haircut-backtest}: {@link HaircutBacktest}, docs/methods/haircut-backtest.md. */
final class HaircutBacktestCalc extends BaseCalcMethod {
  HaircutBacktestCalc() {
    super(
        "haircut-backtest",
        "Backtest of the haircut on an instrument's daily closes: the haircut as set each day (no"
            + " look-ahead) against the fall over the next T_M days, non-overlapping windows, Kupiec's"
            + " proportion-of-failures test at 95 % and the Basel traffic-light zone; fewer than "
            + HaircutBacktest.MIN_DAYS + " closes: insufficient_history",
        HaircutCalc.INPUTS,
        List.of(
            output("observations", INTEGER, "windows", "non-overlapping T_M-day windows tested (T)"),
            output("exceedances", INTEGER, "windows", "windows whose price fall 1 − P(t+T_M)/P(t) exceeded the haircut set on day t (x)"),
            output("lr_pof", NUMBER, "-", "Kupiec's LR = −2 ln[(1−p)^(T−x) p^x] + 2 ln[(1−x/T)^(T−x) (x/T)^x], p = 1 − confidence; null without observations"),
            output("p_value", NUMBER, "-", "P(χ²(1) > LR); null without observations"),
            output("verdict", STRING, "", "not_rejected, rejected_too_many, rejected_too_few (LR > 3.841 at 95 %), or insufficient_history"),
            output("zone", STRING, "", "Basel traffic light of the latest 250 windows: green 0-4, yellow 5-9, red 10+; null under 250 windows")));
  }

  @Override
  void compute(CalcInput in, ParameterSet params, ObjectNode out) {
    Collateral.RightType type = Collateral.RightType.parse("right_type", in.text("right_type"));
    List<Double> prices = HaircutCalc.doubles(in, "prices");
    Optional<List<Double>> volumes =
        in.has("volumes") ? Optional.of(HaircutCalc.doubles(in, "volumes")) : Optional.empty();
    HaircutBacktest.Output r = HaircutBacktest.run(new HaircutBacktest.Input(prices, volumes,
        in.number("pledged_quantity"), Collateral.defaultHaircut(params, type), HaircutBacktest.Terms.of(params)));
    out.put("observations", r.observations());
    out.put("exceedances", r.exceedances());
    if (r.lrPof().isPresent()) {
      put(out, "lr_pof", r.lrPof().getAsDouble());
      put(out, "p_value", r.pValue().getAsDouble());
    } else {
      out.putNull("lr_pof");
      out.putNull("p_value");
    }
    out.put("verdict", r.verdict().jsonName());
    if (r.zone().isPresent()) {
      out.put("zone", r.zone().get().jsonName());
    } else {
      out.putNull("zone");
    }
  }
}
