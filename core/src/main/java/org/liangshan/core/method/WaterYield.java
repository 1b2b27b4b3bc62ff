package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

/**
 * Annual water yield, the InVEST Budyko form (METHODOLOGY.md section 2, "Annual water yield"; Sharp
 * et al., InVEST User's Guide, Annual Water Yield; Zhang et al. 2004 / Fu 1981):
 *
 * <pre>
 * PET = Kc·ET0;  AWC = min(root depth, soil depth)·PAWC;  ω = min(Z·AWC/P + 1.25, 5);  φ = PET/P
 * vegetated:     AET/P = min(φ, 1 + φ − (1 + φ^ω)^{1/ω})
 * not vegetated: AET/P = min(PET, P)/P
 * yield = P − AET
 * </pre>
 *
 * Example: P 1000, ET0 900, Kc 0.1, root 300, soil 700, PAWC 0.11, Z 6, vegetated → fractp
 * 0.06896508.
 */
public final class WaterYield {
  /** The upper bound of ω in InVEST. */
  public static final double OMEGA_MAX = 5;

  private WaterYield() {}

  public record Input(
      double precipMm,
      double et0Mm,
      double kc,
      double rootDepthMm,
      double soilDepthMm,
      double pawc,
      double z,
      boolean vegetated) {
    public Input {
      Checks.positive("precip_mm", precipMm);
      Checks.nonNegative("et0_mm", et0Mm);
      Checks.nonNegative("kc", kc);
      Checks.nonNegative("root_depth_mm", rootDepthMm);
      Checks.nonNegative("soil_depth_mm", soilDepthMm);
      Checks.fraction("pawc", pawc);
      Checks.nonNegative("z", z);
    }
  }

  /** {@code fractp} is AET/P. */
  public record Output(
      double petMm, double awcMm, double omega, double fractp, double aetMm, double yieldMm) {}

  public static Output compute(Input input) {
    requireNonNull(input, "input is null");
    double p = input.precipMm();
    double pet = input.kc() * input.et0Mm();
    double awc = Math.min(input.rootDepthMm(), input.soilDepthMm()) * input.pawc();
    double omega = Math.min(input.z() * awc / p + 1.25, OMEGA_MAX);
    double phi = pet / p;
    double fractp =
        input.vegetated()
            ? Math.min(phi, 1 + phi - Math.pow(1 + Math.pow(phi, omega), 1 / omega))
            : Math.min(pet, p) / p;
    double aet = fractp * p;
    return new Output(pet, awc, omega, fractp, aet, p - aet);
  }
}
