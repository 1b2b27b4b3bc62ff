package org.liangshan.core.calc;

import static org.liangshan.core.calc.FieldSpec.optional;
import static org.liangshan.core.calc.FieldSpec.output;
import static org.liangshan.core.calc.FieldSpec.required;
import static org.liangshan.core.calc.FieldType.ARRAY;
import static org.liangshan.core.calc.FieldType.NUMBER;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.liangshan.core.method.CementEmissions;
import org.liangshan.core.method.CombustionEmissions;
import org.liangshan.core.param.ParameterSet;

/** {@code cement-emissions}: {@link CementEmissions}, METHODOLOGY.md section 4. */
final class CementEmissionsCalc extends BaseCalcMethod {
  private static final List<String> FUEL_FIELDS =
      List.of("consumption_t", "ncv_gj_per_t", "carbon_tc_per_gj", "oxidation");

  CementEmissionsCalc() {
    super(
        "cement-emissions",
        "Cement plant CO2: clinker process, fuel combustion and purchased electricity (section 4)",
        List.of(
            required("clinker_t", NUMBER, "t", "clinker produced"),
            required("cao_frac", NUMBER, "-", "CaO mass fraction of clinker"),
            required("mgo_frac", NUMBER, "-", "MgO mass fraction of clinker"),
            optional(
                "cao_noncarbonate_frac",
                NUMBER,
                "-",
                "emissions.cao_noncarbonate_frac",
                "CaO from non-carbonate sources"),
            optional(
                "mgo_noncarbonate_frac",
                NUMBER,
                "-",
                "emissions.mgo_noncarbonate_frac",
                "MgO from non-carbonate sources"),
            optional(
                "fuels",
                ARRAY,
                "",
                "[]",
                "[{consumption_t, ncv_gj_per_t, carbon_tc_per_gj, oxidation}]"),
            optional("electricity_mwh", NUMBER, "MWh", "0", "purchased electricity"),
            optional(
                "grid_ef_tco2_per_mwh",
                NUMBER,
                "tCO2 MWh-1",
                "emissions.grid_ef_tco2_per_mwh.<emissions.grid_ef_default_year>",
                "grid emission factor")),
        List.of(
            output("process_tco2", NUMBER, "tCO2", "calcination"),
            output("combustion_tco2", NUMBER, "tCO2", "fuel combustion"),
            output("electricity_tco2", NUMBER, "tCO2", "purchased electricity"),
            output("total_tco2", NUMBER, "tCO2", "sum")));
  }

  @Override
  void compute(CalcInput in, ParameterSet params, ObjectNode out) {
    List<CombustionEmissions.Fuel> fuels = new ArrayList<>();
    if (in.has("fuels")) {
      for (CalcInput item : in.objects("fuels", FUEL_FIELDS)) {
        double consumption = item.number("consumption_t");
        double ncv = item.number("ncv_gj_per_t");
        double carbon = item.number("carbon_tc_per_gj");
        double oxidation = item.number("oxidation");
        fuels.add(
            item.within(() -> new CombustionEmissions.Fuel(consumption, ncv, carbon, oxidation)));
      }
    }
    CementEmissions.Output r =
        CementEmissions.compute(
            new CementEmissions.Input(
                in.number("clinker_t"),
                in.number("cao_frac"),
                in.number("mgo_frac"),
                in.number(
                    "cao_noncarbonate_frac", params.number("emissions.cao_noncarbonate_frac")),
                in.number(
                    "mgo_noncarbonate_frac", params.number("emissions.mgo_noncarbonate_frac")),
                fuels,
                in.number("electricity_mwh", 0),
                in.has("grid_ef_tco2_per_mwh")
                    ? in.number("grid_ef_tco2_per_mwh")
                    : CombustionEmissions.defaultGridFactor(params)));
    put(out, "process_tco2", r.processTco2());
    put(out, "combustion_tco2", r.combustionTco2());
    put(out, "electricity_tco2", r.electricityTco2());
    put(out, "total_tco2", r.totalTco2());
  }
}
