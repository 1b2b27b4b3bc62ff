package org.liangshan.core.calc;

import static org.liangshan.core.calc.FieldSpec.optional;
import static org.liangshan.core.calc.FieldSpec.output;
import static org.liangshan.core.calc.FieldSpec.required;
import static org.liangshan.core.calc.FieldType.NUMBER;
import static org.liangshan.core.calc.FieldType.STRING;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.method.Casa;
import org.liangshan.core.method.VegetationClass;
import org.liangshan.core.param.ParameterSet;

/** {@code casa}: {@link Casa}, METHODOLOGY.md section 1. */
final class CasaCalc extends BaseCalcMethod {
  CasaCalc() {
    super(
        "casa",
        "CASA NPP, heterotrophic respiration and NEP for one pixel-month (section 1)",
        List.of(
            required(
                "veg_class",
                STRING,
                "",
                "vegetation class: " + String.join(", ", VegetationClass.names())),
            required("ndvi", NUMBER, "-", "NDVI, in [-1, 1)"),
            required("sol_mj_m2", NUMBER, "MJ m-2 month-1", "monthly total solar radiation"),
            required("t_opt_c", NUMBER, "°C", "mean air temperature of the month of peak NDVI"),
            required("t_c", NUMBER, "°C", "mean air temperature of the month"),
            required(
                "e_over_ep", NUMBER, "-", "estimated over potential evapotranspiration, in [0, 1]"),
            required("precip_mm", NUMBER, "mm month-1", "monthly precipitation"),
            optional(
                "eps_max",
                NUMBER,
                "gC MJ-1",
                "casa.classes.<veg_class>.eps_max",
                "maximum light-use efficiency (e.g. a calibrated value)")),
        List.of(
            output("sr", NUMBER, "-", "simple ratio (1 + NDVI)/(1 - NDVI)"),
            output("fpar", NUMBER, "-", "fraction of absorbed PAR"),
            output("apar_mj_m2", NUMBER, "MJ m-2 month-1", "absorbed PAR"),
            output("t_eps1", NUMBER, "-", "temperature stress Tε1 (0 in a month at or below -10 °C)"),
            output(
                "t_eps2",
                NUMBER,
                "-",
                "temperature stress Tε2 (half its optimum more than 10 °C above or 13 °C below T_opt)"),
            output("w_eps", NUMBER, "-", "water stress Wε"),
            output("eps_max", NUMBER, "gC MJ-1", "maximum light-use efficiency used"),
            output("npp_gc_m2", NUMBER, "gC m-2 month-1", "net primary production"),
            output("rh_gc_m2", NUMBER, "gC m-2 month-1", "heterotrophic respiration"),
            output("nep_gc_m2", NUMBER, "gC m-2 month-1", "net ecosystem production NPP - Rh")));
  }

  @Override
  void compute(CalcInput in, ParameterSet params, ObjectNode out) {
    VegetationClass vegClass = VegetationClass.parse("veg_class", in.text("veg_class"));
    Casa.Input input =
        new Casa.Input(
            vegClass,
            in.number("ndvi"),
            in.number("sol_mj_m2"),
            in.number("t_opt_c"),
            in.number("t_c"),
            in.number("e_over_ep"),
            in.number("precip_mm"));
    Casa.Parameters parameters = Casa.Parameters.of(params, vegClass);
    if (in.has("eps_max")) {
      double epsMax = in.number("eps_max");
      if (!(epsMax > 0) || !Double.isFinite(epsMax)) {
        throw LiangshanException.badField("eps_max", "must be > 0, got " + epsMax);
      }
      parameters = parameters.withEpsMax(epsMax);
    }
    Casa.Output r = Casa.compute(input, parameters);
    put(out, "sr", r.sr());
    put(out, "fpar", r.fpar());
    put(out, "apar_mj_m2", r.aparMjM2());
    put(out, "t_eps1", r.tEps1());
    put(out, "t_eps2", r.tEps2());
    put(out, "w_eps", r.wEps());
    put(out, "eps_max", r.epsMax());
    put(out, "npp_gc_m2", r.nppGcM2());
    put(out, "rh_gc_m2", r.rhGcM2());
    put(out, "nep_gc_m2", r.nepGcM2());
  }
}
