package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.WaterFunctionZone.WaterBody;

/**
 * Water environmental capacity, "total control, zoned limits" (METHODOLOGY.md section 3; standard
 * limits GB 3838-2002; one-dimensional river and fully mixed lake models; Dillon and Rigler 1974
 * for TP).
 *
 * <pre>
 * river, distributed: W = 31.536·b·(Cs − C0·e^{−KL/u})·(Q·K·L/u)/(1 − e^{−KL/u})
 * river, point_head:  W = 31.536·[Cs·e^{KL/u}·Q − C0·Q]
 * lake, fully mixed:  W = 31.536·[Cs·(Q + K·V) − C0·Q]
 * Dillon (TP):        L = Ps·z·ρ/(1 − R) mg m⁻² a⁻¹, × area
 * </pre>
 *
 * <b>Units.</b> W in t/a; 31.536 turns g/s into t/a (g/s × 31 536 000 s/a ÷ 10⁶ g/t);
 * concentrations in mg/L = g/m³, Q in m³/s. K is given per day and used per second (K_s = K/86400)
 * and L is used in metres, so KL/u is dimensionless. That reading reproduces the worked examples:
 * river distributed (Cs 1, C0 0.5, Q 10, K 0.1/d, L 5 km, u 0.2 m/s, b 1) → 164.53 t/a; lake (V 10⁸
 * m³, Cs 0.05, K 0.005/d, Q 2, C0 0.03) → 10.386 t/a. With K = 0 the distributed form takes its
 * limit 31.536·b·(Cs − C0)·Q. A negative W means the inflow is already above the standard: the zone
 * has no capacity and needs reductions.
 */
public final class WaterCapacity {
  /** t/a per g/s. */
  public static final double G_PER_S_TO_T_PER_A = 31.536;

  public static final double SECONDS_PER_DAY = 86400;

  /** The GB 3838-2002 class names, I..V, as the parameter set keys them. */
  public static final List<String> CLASS_NAMES = List.of("I", "II", "III", "IV", "V");

  private WaterCapacity() {}

  /** The river model: load spread along the reach, or one outfall at the head. */
  public enum RiverModel {
    DISTRIBUTED,
    POINT_HEAD;

    /** The JSON name: {@code distributed}, {@code point_head}. */
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static RiverModel parse(String field, String text) {
      Checks.present(field, text);
      for (RiverModel model : values()) {
        if (model.jsonName().equals(text)) {
          return model;
        }
      }
      throw LiangshanException.badField(
          field, "unknown model '" + text + "'; expected one of distributed, point_head");
    }
  }

  public record RiverInput(
      double csMgL,
      double c0MgL,
      double qM3S,
      double kPerDay,
      double lengthKm,
      double velocityMS,
      double b,
      RiverModel model) {
    public RiverInput {
      Checks.nonNegative("cs_mg_l", csMgL);
      Checks.nonNegative("c0_mg_l", c0MgL);
      Checks.nonNegative("q_m3_s", qM3S);
      Checks.nonNegative("k_per_day", kPerDay);
      Checks.positive("length_km", lengthKm);
      Checks.positive("velocity_m_s", velocityMS);
      Checks.positive("b", b);
      Checks.present("model", model);
    }
  }

  public record LakeInput(
      double csMgL, double c0MgL, double qM3S, double kPerDay, double volumeM3) {
    public LakeInput {
      Checks.nonNegative("cs_mg_l", csMgL);
      Checks.nonNegative("c0_mg_l", c0MgL);
      Checks.nonNegative("q_m3_s", qM3S);
      Checks.nonNegative("k_per_day", kPerDay);
      Checks.nonNegative("volume_m3", volumeM3);
    }
  }

  /** Ps in mg/m³, z in m, ρ flushes per year, R retention in [0, 1), area in km². */
  public record DillonInput(
      double psMgM3, double meanDepthM, double flushingPerYear, double retention, double areaKm2) {
    public DillonInput {
      Checks.nonNegative("ps_mg_m3", psMgM3);
      Checks.nonNegative("mean_depth_m", meanDepthM);
      Checks.nonNegative("flushing_per_year", flushingPerYear);
      Checks.fractionBelowOne("retention", retention);
      Checks.nonNegative("area_km2", areaKm2);
    }
  }

  /** The allowed areal load (mg m⁻² a⁻¹) and the allowed load over the area (t/a). */
  public record DillonOutput(double arealLoadMgM2A, double allowedLoadTA) {}

  /** River capacity in t/a by the input's model. */
  public static double river(RiverInput in) {
    requireNonNull(in, "input is null");
    double kPerSecond = in.kPerDay() / SECONDS_PER_DAY;
    double exponent = kPerSecond * in.lengthKm() * 1000 / in.velocityMS();
    if (in.model() == RiverModel.POINT_HEAD) {
      return G_PER_S_TO_T_PER_A
          * (in.csMgL() * Math.exp(exponent) * in.qM3S() - in.c0MgL() * in.qM3S());
    }
    // Q·K·L/u / (1 − e^{−KL/u}) = Q · x/(1 − e^{−x}); expm1 keeps precision for small x, and x → 0
    // gives Q.
    double ratio = exponent == 0 ? 1 : exponent / -Math.expm1(-exponent);
    return G_PER_S_TO_T_PER_A
        * in.b()
        * (in.csMgL() - in.c0MgL() * Math.exp(-exponent))
        * in.qM3S()
        * ratio;
  }

  /** Fully mixed lake capacity in t/a. */
  public static double lake(LakeInput in) {
    requireNonNull(in, "input is null");
    double kPerSecond = in.kPerDay() / SECONDS_PER_DAY;
    return G_PER_S_TO_T_PER_A
        * (in.csMgL() * (in.qM3S() + kPerSecond * in.volumeM3()) - in.c0MgL() * in.qM3S());
  }

  /**
   * Dillon's allowed TP load: Ps·z·ρ/(1 − R) mg m⁻² a⁻¹ times the area (km² × 10⁶ m², mg ÷ 10⁹ →
   * t).
   */
  public static DillonOutput dillon(DillonInput in) {
    requireNonNull(in, "input is null");
    double areal = in.psMgM3() * in.meanDepthM() * in.flushingPerYear() / (1 - in.retention());
    return new DillonOutput(areal, areal * in.areaKm2() * 1e6 / 1e9);
  }

  /** The guarantee of the design flow: 90 % (设计流量: 90 %保证率最枯月平均流量, GB/T 25173-2010). */
  public static final double DESIGN_GUARANTEE = 0.9;

  /**
   * The flow met or exceeded with the given guarantee (0.9: the 90 %-guaranteed flow) in a record of monthly
   * mean flows, read from their empirical frequency curve: the n means ranked from the largest (m = 1) to the
   * smallest (m = n), each at the Weibull (数学期望) plotting position P_m = m/(n + 1), the empirical frequency
   * formula of Chinese hydrological practice (SL 278-2002), and the flow at P = guarantee interpolated linearly
   * in P between the two ranks around it. Empty when the record is too short to reach the guarantee (P_n =
   * n/(n + 1) below it: fewer than 9 months for 90 %).
   *
   * <p>Worked example (docs/methods/benchmark-price.md): 24 monthly means 1..24 m³/s; P = 0.9 lies between m =
   * 22 (P 0.88, 3 m³/s) and m = 23 (P 0.92, 2 m³/s): Q90 = 3 − (0.9 − 0.88)/0.04 × 1 = 2.5 m³/s.
   */
  public static java.util.OptionalDouble guaranteedFlow(double[] monthlyMeansM3S, double guarantee) {
    requireNonNull(monthlyMeansM3S, "monthlyMeansM3S is null");
    if (!(guarantee > 0 && guarantee < 1)) {
      throw LiangshanException.badField("guarantee", "must be in (0, 1), got " + guarantee);
    }
    double[] ranked = monthlyMeansM3S.clone();
    for (double q : ranked) {
      Checks.nonNegative("monthly_mean_flow_m3_s", q);
    }
    java.util.Arrays.sort(ranked);
    int n = ranked.length;
    // ranked ascending: the flow of rank m (from the largest) is ranked[n − m].
    double position = guarantee * (n + 1); // the rank m at which P_m = guarantee
    if (n == 0 || position < 1 || position > n) {
      return java.util.OptionalDouble.empty();
    }
    int m = (int) Math.floor(position);
    double qm = ranked[n - m];
    if (m == n) {
      return java.util.OptionalDouble.of(qm);
    }
    double qNext = ranked[n - m - 1];
    return java.util.OptionalDouble.of(qm + (position - m) * (qNext - qm));
  }

  /**
   * A zone's allocatable capacity: capacity − background − safety margin × capacity (margin 10 % by
   * default, {@code water_capacity.safety_margin}). Negative means nothing is allocatable.
   */
  public static double allocatable(double capacityTA, double backgroundTA, double safetyMargin) {
    Checks.finite("capacity_t_a", capacityTA);
    Checks.nonNegative("background_t_a", backgroundTA);
    Checks.fraction("safety_margin", safetyMargin);
    return capacityTA - backgroundTA - safetyMargin * capacityTA;
  }

  public static double allocatable(double capacityTA, double backgroundTA, ParameterSet params) {
    return allocatable(capacityTA, backgroundTA, params.number("water_capacity.safety_margin"));
  }

  /**
   * The GB 3838-2002 limit Cs in mg/L for a pollutant ({@code cod}, {@code codmn}, {@code nh3n},
   * {@code tp}, {@code tn}) in a water body of a target class 1..5. TP has separate river and lake
   * tables; TN is only set for lakes and reservoirs.
   */
  public static double standardLimitMgL(
      ParameterSet params, String pollutant, WaterBody body, int targetClass) {
    requireNonNull(params, "params is null");
    requireNonNull(body, "body is null");
    Checks.present("pollutant", pollutant);
    if (targetClass < 1 || targetClass > 5) {
      throw LiangshanException.badField("target_class", "must be in [1, 5], got " + targetClass);
    }
    String table =
        switch (pollutant) {
          case "tp" -> body == WaterBody.LAKE ? "tp_lake" : "tp_river";
          case "tn" -> {
            if (body != WaterBody.LAKE) {
              throw LiangshanException.badField(
                  "pollutant",
                  "GB 3838-2002 sets TN only for lakes and reservoirs, not for a "
                      + body.name().toLowerCase(Locale.ROOT));
            }
            yield "tn_lake";
          }
          default -> pollutant;
        };
    String key = "water_capacity.standards_mg_l." + table;
    if (!params.has(key)) {
      throw LiangshanException.badField(
          "pollutant",
          "unknown pollutant '" + pollutant + "'; expected one of cod, codmn, nh3n, tp, tn");
    }
    return params.number(key + "." + CLASS_NAMES.get(targetClass - 1));
  }
}
