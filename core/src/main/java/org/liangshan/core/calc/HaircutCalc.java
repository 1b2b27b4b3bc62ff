package org.liangshan.core.calc;

import static org.liangshan.core.calc.FieldSpec.optional;
import static org.liangshan.core.calc.FieldSpec.output;
import static org.liangshan.core.calc.FieldSpec.required;
import static org.liangshan.core.calc.FieldType.ARRAY;
import static org.liangshan.core.calc.FieldType.INTEGER;
import static org.liangshan.core.calc.FieldType.NUMBER;
import static org.liangshan.core.calc.FieldType.STRING;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalDouble;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.method.Collateral;
import org.liangshan.core.method.CollateralHaircut;
import org.liangshan.core.param.ParameterSet;

/** {@code haircut}: {@link CollateralHaircut}, METHODOLOGY.md section 7. */
final class HaircutCalc extends BaseCalcMethod {
  /** The inputs of an instrument's series, shared with {@code haircut-backtest}. */
  static final List<FieldSpec> INPUTS =
      List.of(
          required("prices", ARRAY, "yuan per unit", "daily closes of the instrument, oldest first"),
          optional(
              "volumes",
              ARRAY,
              "units",
              "none: no liquidity add-on",
              "volume traded each day, same length as prices; their mean (in a backtest, over each"
                  + " day's window) is the average daily volume"),
          required("pledged_quantity", NUMBER, "units", "quantity pledged"),
          required(
              "right_type",
              STRING,
              "",
              "one of " + String.join(", ", Collateral.RightType.jsonNames())
                  + "; its configured haircut is the floor"));

  HaircutCalc() {
    super(
        "haircut",
        "Haircut of a pledged right from its own daily prices: volatility over the base holding"
            + " period plus a liquidity add-on for the days the pledge takes to sell (Basel II"
            + " paras. 156-158); a thin market gets the cap (section 7)",
        INPUTS,
        List.of(
            output("haircut", NUMBER, "-", "max(configured, min(cap, volatility haircut + liquidity add-on)); thin market: max(configured, cap)"),
            output("volatility_annual", NUMBER, "-", "sample standard deviation of the daily log returns × √(trading days per year); null in a thin market"),
            output("volatility_haircut", NUMBER, "-", "σ_daily × z(confidence) × √(base holding days); null in a thin market"),
            output("liquidity_addon", NUMBER, "-", "volatility haircut × (√(horizon ÷ base holding days) − 1), before floor and cap"),
            output("liquidity_horizon_days", INTEGER, "days", "max(base holding days, ⌈pledged ÷ (participation rate × average daily volume)⌉)"),
            output("method", STRING, "", "volatility, or thin_market (fewer returns than collateral.volatility.min_returns, or no volume)")));
  }

  @Override
  void compute(CalcInput in, ParameterSet params, ObjectNode out) {
    Collateral.RightType type = Collateral.RightType.parse("right_type", in.text("right_type"));
    List<Double> prices = doubles(in, "prices");
    OptionalDouble adv = OptionalDouble.empty();
    if (in.has("volumes")) {
      List<BigDecimal> volumes = in.decimalArray("volumes");
      if (volumes.size() != prices.size()) {
        throw LiangshanException.badField("volumes", "has " + volumes.size() + " values for " + prices.size()
            + " prices; give one volume per day, or leave volumes out");
      }
      adv = volumes.stream().mapToDouble(BigDecimal::doubleValue).average();
    }
    CollateralHaircut.Output r = CollateralHaircut.compute(new CollateralHaircut.Input(prices, adv,
        in.number("pledged_quantity"), Collateral.defaultHaircut(params, type), CollateralHaircut.Terms.of(params)));
    put(out, "haircut", r.haircut());
    putOrNull(out, "volatility_annual", r.sigmaAnnual());
    if (r.volatilityHaircut().isPresent()) {
      put(out, "volatility_haircut", r.volatilityHaircut().get());
    } else {
      out.putNull("volatility_haircut");
    }
    put(out, "liquidity_addon", r.liquidityAddon());
    out.put("liquidity_horizon_days", r.liquidityHorizonDays());
    out.put("method", r.method());
  }

  /** A JSON array of numbers as doubles. */
  static List<Double> doubles(CalcInput in, String field) {
    return in.decimalArray(field).stream().map(BigDecimal::doubleValue).toList();
  }

  private static void putOrNull(ObjectNode out, String field, OptionalDouble value) {
    if (value.isPresent()) {
      put(out, field, value.getAsDouble());
    } else {
      out.putNull(field);
    }
  }
}
