package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.MathContext;
import org.liangshan.core.param.ParameterSet;

/**
 * Soil retention and its value (METHODOLOGY.md section 2, GEP table, row "soil retention"; GB/T
 * 46869-2025; unit prices of the Ganzi 2010 study).
 *
 * <pre>
 * A_s       = R·K·LS·(1 − C·P)·A          RUSLE potential minus actual erosion, t/a (A in ha)
 * sediment  = λ·A_s/ρ                      m³ (λ 0.24, ρ 0.93 t/m³)
 * value     = sediment × dredging 15.58 yuan/m³
 *           + A_s·N% (0.37 %) × 875 yuan/t + A_s·P% (0.108 %) × 2800 yuan/t
 * </pre>
 *
 * The caller gives either the RUSLE factors or the retained tonnes directly.
 */
public final class SoilRetention {
  private SoilRetention() {}

  /** Where the retained soil comes from. */
  public sealed interface Source permits Rusle, Retained {}

  /**
   * RUSLE factors: R (MJ·mm ha⁻¹ h⁻¹ a⁻¹), K (t·ha·h ha⁻¹ MJ⁻¹ mm⁻¹), LS, C and P in [0, 1], area
   * in ha.
   */
  public record Rusle(double r, double k, double ls, double c, double p, double areaHa)
      implements Source {
    public Rusle {
      Checks.nonNegative("r", r);
      Checks.nonNegative("k", k);
      Checks.nonNegative("ls", ls);
      Checks.fraction("c", c);
      Checks.fraction("p", p);
      Checks.nonNegative("area_ha", areaHa);
    }

    public double retainedT() {
      return r * k * ls * (1 - c * p) * areaHa;
    }
  }

  /** Retained tonnes known already (e.g. from a raster job). */
  public record Retained(double retainedT) implements Source {
    public Retained {
      Checks.nonNegative("retained_t", retainedT);
    }
  }

  /** The coefficients and unit prices, from {@code gep.soil.*}. */
  public record Parameters(
      BigDecimal sedimentLambda,
      BigDecimal bulkDensityTM3,
      BigDecimal dredgingCostYuanPerM3,
      BigDecimal nFraction,
      BigDecimal nPriceYuanPerT,
      BigDecimal pFraction,
      BigDecimal pPriceYuanPerT) {
    public Parameters {
      Checks.fraction("sediment_lambda", sedimentLambda);
      Checks.positive("bulk_density_t_m3", bulkDensityTM3);
      Checks.nonNegative("dredging_cost_yuan_per_m3", dredgingCostYuanPerM3);
      Checks.fraction("n_fraction", nFraction);
      Checks.nonNegative("n_price_yuan_per_t", nPriceYuanPerT);
      Checks.fraction("p_fraction", pFraction);
      Checks.nonNegative("p_price_yuan_per_t", pPriceYuanPerT);
    }

    public static Parameters of(ParameterSet params) {
      return new Parameters(
          params.decimal("gep.soil.sediment_lambda"),
          params.decimal("gep.soil.bulk_density_t_m3"),
          params.decimal("gep.soil.dredging_cost_yuan_per_m3"),
          params.decimal("gep.soil.n_fraction"),
          params.decimal("gep.soil.n_price_yuan_per_t"),
          params.decimal("gep.soil.p_fraction"),
          params.decimal("gep.soil.p_price_yuan_per_t"));
    }
  }

  public record Output(
      double retainedT,
      double sedimentM3,
      BigDecimal valueSedimentYuan,
      BigDecimal valueNYuan,
      BigDecimal valuePYuan,
      BigDecimal valueTotalYuan) {}

  public static Output compute(Source source, ParameterSet params) {
    return compute(source, Parameters.of(params));
  }

  public static Output compute(Source source, Parameters p) {
    requireNonNull(source, "source is null");
    requireNonNull(p, "parameters is null");
    double retained =
        source instanceof Rusle rusle ? rusle.retainedT() : ((Retained) source).retainedT();
    BigDecimal retainedT = BigDecimal.valueOf(retained);
    // Sediment volume in full decimal precision for the value; the double is for reporting volume.
    BigDecimal sediment =
        retainedT.multiply(p.sedimentLambda()).divide(p.bulkDensityTM3(), MathContext.DECIMAL128);
    BigDecimal valueSediment = sediment.multiply(p.dredgingCostYuanPerM3());
    BigDecimal valueN = retainedT.multiply(p.nFraction()).multiply(p.nPriceYuanPerT());
    BigDecimal valueP = retainedT.multiply(p.pFraction()).multiply(p.pPriceYuanPerT());
    return new Output(
        retained,
        sediment.doubleValue(),
        valueSediment,
        valueN,
        valueP,
        valueSediment.add(valueN).add(valueP));
  }
}
