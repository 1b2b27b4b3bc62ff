package org.liangshan.core.param;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The share of a figure's value that rests on illustrative parameters ({@link IllustrativeParameters}), one
 * rule for every figure that carries one (a GEP row, a compensation transfer; docs/methods/gep-uncertainty.md
 * and docs/methods/compensation.md):
 *
 * <ul>
 *   <li>what a part rests on has a share: a parameter or an agreement's terms 1 when illustrative, else 0;
 *       a figure computed elsewhere (a district's GEP) its own share;
 *   <li>a part proportional to several of them (a product) rests on them all: {@code 1 − Π(1 − sₖ)}, which is
 *       1 when any of them is illustrative, and for a figure that is partly illustrative the part of the
 *       product that rests on none of them;
 *   <li>a figure that is a sum of parts: their shares weighted by the magnitude of their values, {@code Σ|vᵢ|·sᵢ
 *       / Σ|vᵢ|}; when every part is zero, the largest share (a zero figure resting only on illustrative
 *       parameters counts 1, one resting on none 0).
 * </ul>
 */
public final class IllustrativeShare {
  private IllustrativeShare() {}

  /** A part of a figure: its value and the share of it resting on illustrative parameters. */
  public record Part(double value, double share) {
    public Part {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("Invalid part value (must be finite): " + value);
      }
      checkShare(share);
    }
  }

  /** The share of something that is, or is not, illustrative: 1 or 0. */
  public static double of(boolean illustrative) {
    return illustrative ? 1 : 0;
  }

  /** The share of a product of factors with these shares: {@code 1 − Π(1 − sₖ)}; 0 for no factor. */
  public static double ofProduct(List<Double> shares) {
    requireNonNull(shares, "shares is null");
    double free = 1;
    for (double share : shares) {
      free *= 1 - checkShare(share);
    }
    return 1 - free;
  }

  /** The share of a sum of parts: weighted by the parts' magnitudes (the largest share when all are zero). */
  public static double ofSum(List<Part> parts) {
    requireNonNull(parts, "parts is null");
    double all = 0;
    double resting = 0;
    double largest = 0;
    for (Part part : parts) {
      all += Math.abs(part.value());
      resting += Math.abs(part.value()) * part.share();
      largest = Math.max(largest, part.share());
    }
    return all == 0 ? largest : Math.min(1, resting / all);
  }

  private static double checkShare(double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("Invalid illustrative share (must be in 0..1): " + share);
    }
    return share;
  }
}
