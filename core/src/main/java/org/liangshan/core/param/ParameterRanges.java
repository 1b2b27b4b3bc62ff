package org.liangshan.core.param;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.liangshan.core.LiangshanException;

/**
 * The range a parameter's value may take, declared beside the value in the parameter set (the
 * uncertainty of a result, docs/methods/gep-uncertainty.md). Two forms, each a parameter of its own with
 * a source and a status ({@link Provenance}):
 *
 * <ul>
 *   <li>{@code <key>_range: [lo, hi]} beside a number {@code <key>}: the value lies in [lo, hi], in the
 *       value's unit (e.g. {@code gep.carbon_price_yuan_per_tc_range: [257, 385]});
 *   <li>{@code <key>_range_factor: [lo, hi]} beside a table {@code <key>} (of classes or pollutants) or for a
 *       parameter every class carries ({@code casa.eps_max_range_factor}): every entry lies in [lo × value, hi ×
 *       value], the entries' errors taken as fully correlated (they come from one source).
 * </ul>
 *
 * A draw is uniform over the range. Both forms are read as a factor on the value: [lo / value, hi / value]
 * for the first, [lo, hi] for the second; a zero-width range is the factor 1.
 */
public final class ParameterRanges {
  /** The suffix of an absolute range. */
  public static final String RANGE = "_range";

  /** The suffix of a relative range (factors on every entry of a table). */
  public static final String RANGE_FACTOR = "_range_factor";

  private ParameterRanges() {}

  /**
   * A parameter's range as factors on its value.
   *
   * @param key the parameter (or table) the range belongs to
   * @param rangeKey where the range is declared
   * @param low the smallest factor on the value (at most 1)
   * @param high the largest factor on the value (at least 1)
   */
  public record Range(String key, String rangeKey, double low, double high) {
    public Range {
      requireNonNull(key, "key is null");
      requireNonNull(rangeKey, "rangeKey is null");
      if (!(low > 0) || !(low <= 1) || !(high >= 1) || !Double.isFinite(high)) {
        throw new IllegalArgumentException(
            "Invalid range factors of " + key + " (need 0 < low <= 1 <= high): [" + low + ", " + high + "]");
      }
    }

    /** The factor at u in [0, 1]: low + u·(high − low). */
    public double factorAt(double u) {
      return low + u * (high - low);
    }
  }

  /** Whether a member name declares a range ({@code ..._range} or {@code ..._range_factor}). */
  public static boolean isRange(String key) {
    return key.endsWith(RANGE) || key.endsWith(RANGE_FACTOR);
  }

  /**
   * The declared range of a parameter, if any. Refuses (naming the key) a range that is not two numbers,
   * an absolute range that does not contain the value or beside a value that is not a positive number, and
   * a relative range that does not contain 1.
   */
  public static Optional<Range> of(ParameterSet params, String key) {
    requireNonNull(params, "params is null");
    requireNonNull(key, "key is null");
    String absolute = key + RANGE;
    String relative = key + RANGE_FACTOR;
    if (params.has(absolute) && params.has(relative)) {
      throw LiangshanException.failure(
          "Parameter set %s declares both %s and %s; keep one.", params.version(), absolute, relative);
    }
    if (params.has(absolute)) {
      double[] bounds = bounds(params, absolute);
      double value = params.number(key);
      if (!(value > 0)) {
        throw LiangshanException.failure(
            "Parameter set %s: %s = %s must be a positive number to carry a range (%s); declare %s instead.",
            params.version(), key, value, absolute, relative);
      }
      if (value < bounds[0] || value > bounds[1]) {
        throw LiangshanException.failure(
            "Parameter set %s: %s = %s lies outside its range %s [%s, %s]; correct the value or widen the range"
                + " (with its source).",
            params.version(), key, value, absolute, bounds[0], bounds[1]);
      }
      return Optional.of(new Range(key, absolute, bounds[0] / value, bounds[1] / value));
    }
    if (params.has(relative)) {
      double[] bounds = bounds(params, relative);
      if (!(bounds[0] > 0) || bounds[0] > 1 || bounds[1] < 1) {
        throw LiangshanException.failure(
            "Parameter set %s: %s [%s, %s] must hold factors with 0 < lo <= 1 <= hi.",
            params.version(), relative, bounds[0], bounds[1]);
      }
      return Optional.of(new Range(key, relative, bounds[0], bounds[1]));
    }
    return Optional.empty();
  }

  private static double[] bounds(ParameterSet params, String rangeKey) {
    JsonNode node = params.node(rangeKey);
    if (!node.isArray() || node.size() != 2 || !node.get(0).isNumber() || !node.get(1).isNumber()) {
      throw LiangshanException.failure(
          "Parameter set %s: %s must be [lo, hi], two numbers; got %s.", params.version(), rangeKey, node);
    }
    double lo = node.get(0).doubleValue();
    double hi = node.get(1).doubleValue();
    if (lo > hi) {
      throw LiangshanException.failure(
          "Parameter set %s: %s is [%s, %s], its low end above its high end.", params.version(), rangeKey, lo, hi);
    }
    return new double[] {lo, hi};
  }
}
