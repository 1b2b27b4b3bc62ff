package org.liangshan.core.calc;

import static org.liangshan.core.calc.FieldSpec.optional;
import static org.liangshan.core.calc.FieldSpec.output;
import static org.liangshan.core.calc.FieldSpec.required;
import static org.liangshan.core.calc.FieldType.INTEGER;
import static org.liangshan.core.calc.FieldType.NUMBER;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.method.Pcaf;
import org.liangshan.core.param.ParameterSet;

/** {@code pcaf}: {@link Pcaf}, METHODOLOGY.md section 7. */
final class PcafCalc extends BaseCalcMethod {
  PcafCalc() {
    super(
        "pcaf",
        "PCAF financed emissions: outstanding ÷ (EVIC or equity + debt) × borrower emissions"
            + " (section 7)",
        List.of(
            required("outstanding", NUMBER, "yuan", "outstanding amount"),
            optional(
                "evic",
                NUMBER,
                "yuan",
                "none; or give equity and debt",
                "enterprise value including cash"),
            optional("equity", NUMBER, "yuan", "none; with debt, instead of evic", "total equity"),
            optional("debt", NUMBER, "yuan", "none; with equity, instead of evic", "total debt"),
            required("emissions_tco2e", NUMBER, "tCO2e", "borrower emissions"),
            optional(
                "data_quality_score", INTEGER, "", "none", "PCAF data-quality score 1-5, echoed")),
        List.of(
            output("attribution_factor", NUMBER, "-", "outstanding ÷ EVIC (or equity + debt)"),
            output("financed_tco2e", NUMBER, "tCO2e", "attribution × emissions"),
            output("data_quality_score", INTEGER, "", "echoed when given")));
  }

  @Override
  void compute(CalcInput in, ParameterSet params, ObjectNode out) {
    BigDecimal denominator;
    if (in.has("evic")) {
      if (in.has("equity") || in.has("debt")) {
        throw LiangshanException.badField("evic", "give either evic or equity and debt, not both");
      }
      denominator = in.decimal("evic");
    } else if (in.has("equity") || in.has("debt")) {
      BigDecimal equity = in.decimal("equity");
      BigDecimal debt = in.decimal("debt");
      if (equity.signum() < 0) {
        throw LiangshanException.badField("equity", "must be >= 0, got " + equity.toPlainString());
      }
      if (debt.signum() < 0) {
        throw LiangshanException.badField("debt", "must be >= 0, got " + debt.toPlainString());
      }
      denominator = equity.add(debt);
    } else {
      throw LiangshanException.badField("evic", "required unless equity and debt are given");
    }
    Integer score = null;
    if (in.has("data_quality_score")) {
      long value = in.integer("data_quality_score");
      if (value < 1 || value > 5) {
        throw LiangshanException.badField("data_quality_score", "must be in [1, 5], got " + value);
      }
      score = (int) value;
    }
    if (!in.has("evic") && denominator.signum() <= 0) {
      throw LiangshanException.badField(
          "equity", "equity + debt must be > 0, got " + denominator.toPlainString());
    }
    Pcaf.Output r =
        Pcaf.compute(
            new Pcaf.Input(
                in.decimal("outstanding"), denominator, in.decimal("emissions_tco2e"), score));
    put(out, "attribution_factor", r.attributionFactor());
    put(out, "financed_tco2e", r.financedTco2e());
    if (r.dataQualityScore() != null) {
      out.put("data_quality_score", r.dataQualityScore().intValue());
    }
  }
}
