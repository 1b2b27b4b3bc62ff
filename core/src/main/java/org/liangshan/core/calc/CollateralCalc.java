package org.liangshan.core.calc;

import static org.liangshan.core.calc.FieldSpec.optional;
import static org.liangshan.core.calc.FieldSpec.output;
import static org.liangshan.core.calc.FieldSpec.required;
import static org.liangshan.core.calc.FieldType.NUMBER;
import static org.liangshan.core.calc.FieldType.STRING;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.method.Collateral;
import org.liangshan.core.param.ParameterSet;

/** {@code collateral}: {@link Collateral}, METHODOLOGY.md section 7. */
final class CollateralCalc extends BaseCalcMethod {
  CollateralCalc() {
    super(
        "collateral",
        "Collateral value, maximum loan, margin-call price and top-up of a pledged right (section"
            + " 7)",
        List.of(
            optional(
                "right_type",
                STRING,
                "",
                "none; required when haircut or ltv is not given",
                "one of " + String.join(", ", Collateral.RightType.jsonNames())),
            required("quantity", NUMBER, "units", "quantity pledged (t, vouchers, ha...)"),
            required("spot_price", NUMBER, "yuan per unit", "spot price"),
            required("avg_price_20d", NUMBER, "yuan per unit", "20-day average price"),
            optional(
                "haircut",
                NUMBER,
                "-",
                "collateral.right_types.<right_type>.haircut",
                "haircut, in [0, 1)"),
            optional(
                "ltv",
                NUMBER,
                "-",
                "collateral.right_types.<right_type>.ltv",
                "loan-to-value, in [0, 1]"),
            optional(
                "trigger_drop",
                NUMBER,
                "-",
                "collateral.trigger_drop",
                "price drop that triggers a margin call"),
            optional(
                "new_price",
                NUMBER,
                "yuan per unit",
                "margin_call_price",
                "price at which to compute the top-up")),
        List.of(
            output("valuation_price", NUMBER, "yuan per unit", "min(spot, 20-day average)"),
            output(
                "collateral_value", NUMBER, "yuan", "quantity × valuation price × (1 - haircut)"),
            output("max_loan", NUMBER, "yuan", "value × LTV"),
            output(
                "margin_call_price",
                NUMBER,
                "yuan per unit",
                "valuation price × (1 - trigger drop)"),
            output("topup_price", NUMBER, "yuan per unit", "the price the top-up is computed at"),
            output(
                "topup_quantity",
                NUMBER,
                "units",
                "extra quantity to restore the value at the top-up price")));
  }

  @Override
  void compute(CalcInput in, ParameterSet params, ObjectNode out) {
    Collateral.RightType type =
        in.has("right_type")
            ? Collateral.RightType.parse("right_type", in.text("right_type"))
            : null;
    BigDecimal haircut =
        in.has("haircut")
            ? in.decimal("haircut")
            : Collateral.defaultHaircut(params, rightType(type, "haircut"));
    BigDecimal ltv =
        in.has("ltv") ? in.decimal("ltv") : Collateral.defaultLtv(params, rightType(type, "ltv"));
    Collateral.Output r =
        Collateral.compute(
            new Collateral.Input(
                in.decimal("quantity"),
                in.decimal("spot_price"),
                in.decimal("avg_price_20d"),
                haircut,
                ltv,
                in.decimal("trigger_drop", params.decimal("collateral.trigger_drop")),
                in.decimalOrNull("new_price")));
    put(out, "valuation_price", r.valuationPrice());
    put(out, "collateral_value", r.collateralValue());
    put(out, "max_loan", r.maxLoan());
    put(out, "margin_call_price", r.marginCallPrice());
    put(out, "topup_price", r.topupPrice());
    put(out, "topup_quantity", r.topupQuantity());
  }

  private static Collateral.RightType rightType(Collateral.RightType type, String missing) {
    if (type == null) {
      throw LiangshanException.badField(
          "right_type",
          "required when "
              + missing
              + " is not given (its default depends on the right type); expected one of "
              + String.join(", ", Collateral.RightType.jsonNames()));
    }
    return type;
  }
}
