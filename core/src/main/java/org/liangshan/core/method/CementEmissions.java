package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.liangshan.core.LiangshanException;

/**
 * Cement-plant CO₂ (METHODOLOGY.md section 4; GB/T 32151.8-2015 and the MEE/NDRC cement guideline).
 *
 * <pre>
 * process     = clinker·[(CaO − CaO_nc)·44/56 + (MgO − MgO_nc)·44/40]
 * combustion  = Σ FC·NCV·CC·OF·44/12                ({@link CombustionEmissions})
 * electricity = MWh × grid factor
 * </pre>
 *
 * Example: 10⁶ t clinker, CaO 0.65, MgO 0.02 → process 532,714.3 t; 120,000 t coal at 20.908 GJ/t,
 * 0.02618 tC/GJ, oxidation 0.98 → 236,027 t.
 */
public final class CementEmissions {
  private CementEmissions() {}

  public record Input(
      double clinkerT,
      double caoFrac,
      double mgoFrac,
      double caoNoncarbonateFrac,
      double mgoNoncarbonateFrac,
      List<CombustionEmissions.Fuel> fuels,
      double electricityMwh,
      double gridEfTco2PerMwh) {
    public Input {
      Checks.nonNegative("clinker_t", clinkerT);
      Checks.fraction("cao_frac", caoFrac);
      Checks.fraction("mgo_frac", mgoFrac);
      Checks.fraction("cao_noncarbonate_frac", caoNoncarbonateFrac);
      Checks.fraction("mgo_noncarbonate_frac", mgoNoncarbonateFrac);
      if (caoNoncarbonateFrac > caoFrac) {
        throw LiangshanException.badField(
            "cao_noncarbonate_frac",
            "must not exceed cao_frac " + caoFrac + ", got " + caoNoncarbonateFrac);
      }
      if (mgoNoncarbonateFrac > mgoFrac) {
        throw LiangshanException.badField(
            "mgo_noncarbonate_frac",
            "must not exceed mgo_frac " + mgoFrac + ", got " + mgoNoncarbonateFrac);
      }
      fuels = List.copyOf(Checks.present("fuels", fuels));
      Checks.nonNegative("electricity_mwh", electricityMwh);
      Checks.nonNegative("grid_ef_tco2_per_mwh", gridEfTco2PerMwh);
    }
  }

  public record Output(
      double processTco2, double combustionTco2, double electricityTco2, double totalTco2) {}

  /** Calcination CO₂ of the clinker. */
  public static double process(
      double clinkerT, double caoFrac, double mgoFrac, double caoNc, double mgoNc) {
    return clinkerT * ((caoFrac - caoNc) * 44.0 / 56.0 + (mgoFrac - mgoNc) * 44.0 / 40.0);
  }

  public static Output compute(Input in) {
    requireNonNull(in, "input is null");
    double process =
        process(
            in.clinkerT(),
            in.caoFrac(),
            in.mgoFrac(),
            in.caoNoncarbonateFrac(),
            in.mgoNoncarbonateFrac());
    double combustion = CombustionEmissions.combustion(in.fuels());
    double electricity =
        CombustionEmissions.electricity(in.electricityMwh(), in.gridEfTco2PerMwh());
    return new Output(process, combustion, electricity, process + combustion + electricity);
  }
}
