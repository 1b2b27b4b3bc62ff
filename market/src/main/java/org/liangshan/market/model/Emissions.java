package org.liangshan.market.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.liangshan.core.method.CarbonQuota;
import org.liangshan.core.method.CementEmissions;
import org.liangshan.core.method.CombustionEmissions;
import org.liangshan.core.method.QuotaAllocationRule;
import org.liangshan.core.param.ParameterSet;

/**
 * CO₂ of a steel or cement plant in a year by the energy-consumption method (METHODOLOGY.md section 4),
 * summed month by month through core's {@link CombustionEmissions} and {@link CementEmissions}: coal
 * and natural gas with the fuel factors of {@code emissions.fuels}, purchased electricity with the grid
 * factor of the year (or {@code emissions.grid_ef_default_year} when the year is not published yet), and
 * for cement the calcination of each month's clinker. Steel's carbon balance needs material flows the
 * activity file does not carry, so steel is reported by energy consumption. Direct emissions
 * (combustion + process) are the basis of free allocation by the rule {@code carbon_quota.rule}.
 */
public final class Emissions {
  public static final List<String> INDUSTRIES = List.of("steel", "cement");

  private Emissions() {}

  public record Result(
      String method,
      int monthsReported,
      double coalT,
      double gas10kM3,
      double electricityMwh,
      double clinkerT,
      double combustionTco2,
      double processTco2,
      double electricityTco2,
      String gridEfYear) {

    public double totalTco2() {
      return combustionTco2 + processTco2 + electricityTco2;
    }

    public double directTco2() {
      return combustionTco2 + processTco2;
    }
  }

  public static Result compute(String industry, int year, List<ActivityMonth> months, ParameterSet params) {
    String gridYear = params.has("emissions.grid_ef_tco2_per_mwh." + year)
        ? Integer.toString(year)
        : params.text("emissions.grid_ef_default_year");
    double gridFactor = CombustionEmissions.gridFactor(params, gridYear);
    double coal = 0;
    double gas = 0;
    double mwh = 0;
    double clinker = 0;
    double combustion = 0;
    double process = 0;
    double electricity = 0;
    boolean cement = industry.equals("cement");
    for (ActivityMonth m : months) {
      List<CombustionEmissions.Fuel> fuels = new ArrayList<>();
      fuels.add(fuel(params, "coal", ActivityMonth.or0(m.coalT())));
      fuels.add(fuel(params, "natural_gas", ActivityMonth.or0(m.gas10kM3())));
      double monthClinker = cement ? ActivityMonth.or0(m.clinkerT()) : 0;
      CementEmissions.Output out = CementEmissions.compute(new CementEmissions.Input(
          monthClinker,
          monthClinker > 0 ? ActivityMonth.or0(m.clinkerCaoFrac()) : 0,
          monthClinker > 0 ? ActivityMonth.or0(m.clinkerMgoFrac()) : 0,
          monthClinker > 0 ? params.number("emissions.cao_noncarbonate_frac") : 0,
          monthClinker > 0 ? params.number("emissions.mgo_noncarbonate_frac") : 0,
          fuels,
          ActivityMonth.or0(m.electricityMwh()),
          gridFactor));
      coal += ActivityMonth.or0(m.coalT());
      gas += ActivityMonth.or0(m.gas10kM3());
      mwh += ActivityMonth.or0(m.electricityMwh());
      clinker += monthClinker;
      combustion += out.combustionTco2();
      process += out.processTco2();
      electricity += out.electricityTco2();
    }
    String method = cement ? "energy_consumption+process" : "energy_consumption";
    return new Result(method, months.size(), coal, gas, mwh, clinker, combustion, process, electricity, gridYear);
  }

  private static CombustionEmissions.Fuel fuel(ParameterSet params, String name, double consumption) {
    String key = "emissions.fuels." + name + ".";
    return new CombustionEmissions.Fuel(consumption, params.number(key + "ncv_gj_per_unit"),
        params.number(key + "carbon_tc_per_gj"), params.number(key + "oxidation"));
  }

  /**
   * The year's allocation by the configured rule: pre-allocation from last year's direct emissions (none
   * without them), final allocation and true-up from this year's.
   */
  public static CarbonQuota.Allocation allocate(String uscc, int year, Optional<Double> previousDirectTco2,
      double directTco2, ParameterSet params) {
    QuotaAllocationRule rule = CarbonQuota.rule(params);
    CarbonQuota.Facility facility = new CarbonQuota.Facility(uscc, year,
        BigDecimal.valueOf(previousDirectTco2.orElse(0.0)));
    return rule.settle(facility, BigDecimal.valueOf(directTco2));
  }
}
