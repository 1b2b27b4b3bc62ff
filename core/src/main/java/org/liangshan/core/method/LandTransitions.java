package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * Land-cover stocks and transitions of one land unit (a grid-cell piece) between two years, for the
 * natural-resource balance sheet (METHODOLOGY.md section 2; docs/methods/balance-sheet.md).
 *
 * <p>Areas are whole square metres ({@code long}), so the sheet's identity closing = opening +
 * additions − reductions holds exactly and sums over units never drift:
 *
 * <ul>
 *   <li>{@link #allocate}: the unit's area, rounded to the square metre, is split over the asset
 *       classes by their shares with the largest-remainder method (the parts sum to the rounded
 *       area exactly; ties go to the lower class index);
 *   <li>{@link #flows}: per class, addition = max(0, after − before) and reduction = max(0, before −
 *       after). Summed over units these are gross flows: a class that gains in one cell and loses in
 *       another shows both, not only the net change;
 *   <li>{@link #matrix}: the from → to matrix of the unit, in m² (double): the diagonal is the area
 *       that stayed (min of before and after), and each class's loss is spread over the gaining
 *       classes in proportion to their gains (the minimum-change assumption inside a cell: class
 *       fractions cannot tell which pixels swapped). Row sums equal before, column sums after.
 * </ul>
 */
public final class LandTransitions {
  private LandTransitions() {}

  /** Additions and reductions per class of one unit, m². */
  public record Flows(long[] additionsM2, long[] reductionsM2) {
    public Flows {
      requireNonNull(additionsM2, "additionsM2 is null");
      requireNonNull(reductionsM2, "reductionsM2 is null");
      additionsM2 = additionsM2.clone();
      reductionsM2 = reductionsM2.clone();
    }
  }

  /**
   * The unit's area (rounded half-up to the square metre) split over the classes by {@code shares}
   * (each ≥ 0; they need not sum to 1, they are normalised). All shares 0: every m² goes to {@code
   * fallbackClass} (land whose cover is unknown).
   */
  public static long[] allocate(double areaM2, double[] shares, int fallbackClass) {
    requireNonNull(shares, "shares is null");
    Checks.nonNegative("area_m2", areaM2);
    long total = Math.round(areaM2);
    long[] parts = new long[shares.length];
    double sum = 0;
    for (int i = 0; i < shares.length; i++) {
      sum += Checks.nonNegative("share", shares[i]);
    }
    if (!(sum > 0)) {
      parts[fallbackClass] = total;
      return parts;
    }
    double[] remainders = new double[shares.length];
    long assigned = 0;
    for (int i = 0; i < shares.length; i++) {
      double exact = total * (shares[i] / sum);
      parts[i] = (long) Math.floor(exact);
      remainders[i] = exact - parts[i];
      assigned += parts[i];
    }
    long left = total - assigned;
    while (left > 0) {
      int best = -1;
      for (int i = 0; i < shares.length; i++) {
        if (shares[i] > 0 && (best < 0 || remainders[i] > remainders[best])) {
          best = i;
        }
      }
      parts[best]++;
      remainders[best] = -1;
      left--;
    }
    return parts;
  }

  /** Per-class additions and reductions between the unit's two stocks (same total area). */
  public static Flows flows(long[] before, long[] after) {
    checkSameTotal(before, after);
    long[] additions = new long[before.length];
    long[] reductions = new long[before.length];
    for (int i = 0; i < before.length; i++) {
      long change = after[i] - before[i];
      additions[i] = Math.max(0, change);
      reductions[i] = Math.max(0, -change);
    }
    return new Flows(additions, reductions);
  }

  /** The unit's transition matrix {@code [from][to]}, m²: diagonal unchanged, losses spread over gains. */
  public static double[][] matrix(long[] before, long[] after) {
    checkSameTotal(before, after);
    int n = before.length;
    double[][] matrix = new double[n][n];
    long gains = 0;
    for (int i = 0; i < n; i++) {
      matrix[i][i] = Math.min(before[i], after[i]);
      gains += Math.max(0, after[i] - before[i]);
    }
    if (gains == 0) {
      return matrix;
    }
    for (int from = 0; from < n; from++) {
      long loss = before[from] - after[from];
      if (loss <= 0) {
        continue;
      }
      for (int to = 0; to < n; to++) {
        long gain = after[to] - before[to];
        if (gain > 0) {
          matrix[from][to] = (double) loss * gain / gains;
        }
      }
    }
    return matrix;
  }

  /** Square metres as km² with 6 decimals (exact). */
  public static BigDecimal km2(long m2) {
    return BigDecimal.valueOf(m2).movePointLeft(6).setScale(6, RoundingMode.UNNECESSARY);
  }

  private static void checkSameTotal(long[] before, long[] after) {
    requireNonNull(before, "before is null");
    requireNonNull(after, "after is null");
    if (before.length != after.length) {
      throw new IllegalArgumentException("Stocks of different class counts: " + before.length + " and " + after.length);
    }
    long a = Arrays.stream(before).sum();
    long b = Arrays.stream(after).sum();
    if (a != b) {
      throw new IllegalArgumentException("A unit's area changed between the years: " + a + " m2 and " + b + " m2");
    }
  }
}
