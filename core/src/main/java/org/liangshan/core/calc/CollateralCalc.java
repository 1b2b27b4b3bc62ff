package org.liangshan.core.calc;

import static org.liangshan.core.calc.FieldSpec.optional;
import static org.liangshan.core.calc.FieldSpec.output;
import static org.liangshan.core.calc.FieldSpec.required;
import static org.liangshan.core.calc.FieldType.ARRAY;
import static org.liangshan.core.calc.FieldType.NUMBER;
import static org.liangshan.core.calc.FieldType.STRING;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
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
                "price at which to compute the top-up"),
            optional(
                "valid_until",
                STRING,
                "date",
                "none: a flow right is valued at one year (flag no_expiry_date)",
                "the right's expiry date, yyyy-MM-dd; with valuation_date"),
            optional(
                "valuation_date",
                STRING,
                "date",
                "none; required with valid_until or loan_maturity",
                "the valuation date, yyyy-MM-dd"),
            optional(
                "loan_maturity",
                STRING,
                "date",
                "none: the whole loan is covered",
                "the loan's maturity date, yyyy-MM-dd"),
            optional(
                "discount_rate",
                NUMBER,
                "1/a",
                "collateral.term.discount_rate",
                "annual rate discounting a flow right's remaining years")),
        List.of(
            output("valuation_price", NUMBER, "yuan per unit", "min(spot, 20-day average)"),
            output(
                "collateral_value",
                NUMBER,
                "yuan",
                "quantity × valuation price × (1 - haircut) × term factor"),
            output("max_loan", NUMBER, "yuan", "value × LTV × loan coverage"),
            output(
                "term_factor",
                NUMBER,
                "years",
                "flow right: annuity factor (1 - (1 + r)^-n) / r over the remaining n years; else 1"),
            output(
                "loan_coverage",
                NUMBER,
                "-",
                "share of the loan's remaining term the right covers (1 unless it expires first)"),
            output(
                "flags",
                ARRAY,
                "",
                "expires_before_loan_maturity, no_expiry_date"),
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
    Optional<LocalDate> validUntil = date(in, "valid_until");
    Optional<LocalDate> maturity = date(in, "loan_maturity");
    Optional<LocalDate> valuationDate = date(in, "valuation_date");
    Collateral.Term term =
        new Collateral.Term(Optional.empty(), BigDecimal.ONE, BigDecimal.ONE, List.of());
    if (validUntil.isPresent() || maturity.isPresent() || valuationDate.isPresent()) {
      if (valuationDate.isEmpty()) {
        throw LiangshanException.badField(
            "valuation_date", "required with valid_until or loan_maturity (the term runs from it)");
      }
      term =
          Collateral.term(
              rightType(type, "valid_until or loan_maturity"),
              validUntil,
              valuationDate.get(),
              maturity,
              in.decimal("discount_rate", params.decimal("collateral.term.discount_rate")));
    }
    Collateral.Output r =
        Collateral.compute(
            new Collateral.Input(
                in.decimal("quantity"),
                in.decimal("spot_price"),
                in.decimal("avg_price_20d"),
                haircut,
                ltv,
                in.decimal("trigger_drop", params.decimal("collateral.trigger_drop")),
                in.decimalOrNull("new_price"),
                term.termFactor(),
                term.loanCoverage()));
    put(out, "valuation_price", r.valuationPrice());
    put(out, "collateral_value", r.collateralValue());
    put(out, "max_loan", r.maxLoan());
    put(out, "term_factor", term.termFactor());
    put(out, "loan_coverage", term.loanCoverage());
    ArrayNode flags = out.putArray("flags");
    term.flags().forEach(flags::add);
    put(out, "margin_call_price", r.marginCallPrice());
    put(out, "topup_price", r.topupPrice());
    put(out, "topup_quantity", r.topupQuantity());
  }

  private static Optional<LocalDate> date(CalcInput in, String field) {
    if (!in.has(field)) {
      return Optional.empty();
    }
    String text = in.text(field);
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      throw LiangshanException.badField(field, "must be a date yyyy-MM-dd, got '" + text + "'");
    }
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
