package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.liangshan.core.param.IllustrativeShare;
import org.liangshan.core.param.ParameterRanges;
import org.liangshan.core.param.ParameterSet;

/**
 * Monte Carlo intervals of GEP by service and of the carbon sink over the parameter ranges the parameter
 * set declares ({@link ParameterRanges}; docs/methods/gep-uncertainty.md). The draws are over parameters, on
 * the run's physical quantities: an item (a district's service, or its carbon sink) is a sum of terms, each a
 * point value proportional to powers of some parameters ({@code value × Π (p / p̂)^e}), so a draw recomputes it
 * without re-running the accounting.
 *
 * <ul>
 *   <li>each draw takes one uniform factor per uncertain parameter, in key order, from {@code
 *       SplittableRandom(seed)}; the same factor applies to every item that uses the parameter (a price or a
 *       coefficient is one figure for the whole region, so its error is shared by every district and service);
 *   <li>a parameter without a declared range is held at its value (factor 1);
 *   <li>a district's GEP in a draw is the sum of its included services in that draw;
 *   <li>the percentiles are R's type 7 over the draws ({@link FluxUstarThreshold#quantile}).
 * </ul>
 *
 * The same items, ranges, draws and seed give the same intervals.
 */
public final class GepUncertainty {
  /** The service name of a district's GEP (the sum of its included services). */
  public static final String GEP = "gep";

  /** The district code of the region's figures (each service and GEP summed over the districts, draw by draw). */
  public static final String ALL_DISTRICTS = "all";

  /** The district name of the region's figures. */
  public static final String ALL_DISTRICTS_NAME = "全域";

  private GepUncertainty() {}

  /** A term's dependence on a parameter: value ∝ (parameter)^exponent. */
  public record Scaling(String key, int exponent) {
    public Scaling {
      requireNonNull(key, "key is null");
      if (exponent != 1 && exponent != -1) {
        throw new IllegalArgumentException("Invalid exponent of " + key + " (1 or -1): " + exponent);
      }
    }

    public static Scaling of(String key) {
      return new Scaling(key, 1);
    }

    public static Scaling inverse(String key) {
      return new Scaling(key, -1);
    }
  }

  /**
   * Part of an item's value.
   *
   * @param value the part at the parameters' values
   * @param scalings the parameters it is proportional to (or inversely)
   * @param restsOn every parameter (a dotted key or the prefix of a block) the part rests on, for its
   *     provenance (the illustrative share); includes the scaled ones
   */
  public record Term(double value, List<Scaling> scalings, List<String> restsOn) {
    public Term {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("Invalid term value (must be finite): " + value);
      }
      scalings = List.copyOf(scalings);
      restsOn = List.copyOf(restsOn);
    }
  }

  /**
   * One figure with its terms.
   *
   * @param inGep whether it adds to the district's GEP (an included service; not the carbon sink)
   */
  public record Item(String districtCode, String district, String service, String unit, List<Term> terms, boolean inGep) {
    public Item {
      requireNonNull(districtCode, "districtCode is null");
      requireNonNull(district, "district is null");
      requireNonNull(service, "service is null");
      requireNonNull(unit, "unit is null");
      terms = List.copyOf(terms);
    }

    /** The value at the parameters' values: the sum of the terms. */
    public double point() {
      double sum = 0;
      for (Term term : terms) {
        sum += term.value();
      }
      return sum;
    }
  }

  /** The number of draws and the seed. */
  public record Settings(int draws, long seed) {
    public Settings {
      if (draws < 2) {
        throw new IllegalArgumentException("Invalid number of draws (at least 2): " + draws);
      }
    }

    /** {@code gep.uncertainty.draws} and {@code gep.uncertainty.seed} of the parameter set. */
    public static Settings of(ParameterSet params) {
      return new Settings((int) params.number("gep.uncertainty.draws"), (long) params.number("gep.uncertainty.seed"));
    }
  }

  /** A figure's 90 % interval (5th and 95th percentiles) and median over the draws. */
  public record Interval(
      String districtCode, String district, String service, String unit, double point, double p05, double p50,
      double p95, int draws, long seed) {}

  /**
   * The intervals of every item, then of every district's GEP (service {@value #GEP}, unit {@code yuan}), in the
   * order of the items' districts, then of the region (district {@value #ALL_DISTRICTS}): each service, the carbon
   * sink and GEP summed over the districts in every draw (so the region's interval is that of the sum, not the sum
   * of the intervals).
   *
   * @param ranges the declared range of each scaled parameter that has one, by key
   */
  public static List<Interval> intervals(List<Item> items, Map<String, ParameterRanges.Range> ranges, Settings settings) {
    requireNonNull(items, "items is null");
    requireNonNull(ranges, "ranges is null");
    requireNonNull(settings, "settings is null");
    Set<String> keys = new TreeSet<>();
    for (Item item : items) {
      for (Term term : item.terms()) {
        for (Scaling scaling : term.scalings()) {
          keys.add(scaling.key());
        }
      }
    }
    List<String> order = List.copyOf(keys);
    double[][] factors = factors(order, ranges, settings);

    int n = settings.draws();
    Map<String, double[]> gepDraws = new LinkedHashMap<>();
    Map<String, double[]> gepPoint = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, double[]> regionDraws = new LinkedHashMap<>();
    Map<String, double[]> regionPoint = new LinkedHashMap<>();
    Map<String, String> units = new LinkedHashMap<>();
    List<Interval> result = new ArrayList<>();
    for (Item item : items) {
      double[] draws = new double[n];
      for (Term term : item.terms()) {
        int[] index = new int[term.scalings().size()];
        for (int s = 0; s < index.length; s++) {
          index[s] = order.indexOf(term.scalings().get(s).key());
        }
        for (int d = 0; d < n; d++) {
          double value = term.value();
          for (int s = 0; s < index.length; s++) {
            double factor = factors[d][index[s]];
            value *= term.scalings().get(s).exponent() == 1 ? factor : 1 / factor;
          }
          draws[d] += value;
        }
      }
      result.add(interval(item.districtCode(), item.district(), item.service(), item.unit(), item.point(), draws, settings));
      add(regionDraws, regionPoint, item.service(), draws, item.point());
      units.putIfAbsent(item.service(), item.unit());
      if (item.inGep()) {
        names.putIfAbsent(item.districtCode(), item.district());
        double[] total = gepDraws.computeIfAbsent(item.districtCode(), k -> new double[n]);
        for (int d = 0; d < n; d++) {
          total[d] += draws[d];
        }
        gepPoint.computeIfAbsent(item.districtCode(), k -> new double[1])[0] += item.point();
      }
    }
    for (Map.Entry<String, double[]> district : gepDraws.entrySet()) {
      String code = district.getKey();
      result.add(interval(code, names.get(code), GEP, "yuan", gepPoint.get(code)[0], district.getValue(), settings));
      add(regionDraws, regionPoint, GEP, district.getValue(), gepPoint.get(code)[0]);
      units.putIfAbsent(GEP, "yuan");
    }
    for (Map.Entry<String, double[]> service : regionDraws.entrySet()) {
      result.add(interval(ALL_DISTRICTS, ALL_DISTRICTS_NAME, service.getKey(), units.get(service.getKey()),
          regionPoint.get(service.getKey())[0], service.getValue(), settings));
    }
    return List.copyOf(result);
  }

  /**
   * The share of an item's value that rests on illustrative parameters ({@link IllustrativeShare}): a term
   * resting on at least one illustrative parameter counts 1, others 0, weighted by the magnitude of their value;
   * an item whose terms are all zero counts 1 when any of its terms rests on an illustrative parameter, else 0.
   */
  public static double illustrativeShare(Item item, java.util.function.Predicate<String> illustrative) {
    requireNonNull(item, "item is null");
    requireNonNull(illustrative, "illustrative is null");
    List<IllustrativeShare.Part> parts = new ArrayList<>(item.terms().size());
    for (Term term : item.terms()) {
      parts.add(new IllustrativeShare.Part(term.value(),
          IllustrativeShare.of(term.restsOn().stream().anyMatch(illustrative))));
    }
    return IllustrativeShare.ofSum(parts);
  }

  private static void add(Map<String, double[]> draws, Map<String, double[]> points, String service, double[] values,
      double point) {
    double[] total = draws.computeIfAbsent(service, k -> new double[values.length]);
    for (int d = 0; d < values.length; d++) {
      total[d] += values[d];
    }
    points.computeIfAbsent(service, k -> new double[1])[0] += point;
  }

  /** factors[draw][parameter]: one uniform draw per parameter, in key order; 1 without a range. */
  private static double[][] factors(List<String> order, Map<String, ParameterRanges.Range> ranges, Settings settings) {
    SplittableRandom random = new SplittableRandom(settings.seed());
    double[][] factors = new double[settings.draws()][order.size()];
    for (int d = 0; d < settings.draws(); d++) {
      for (int k = 0; k < order.size(); k++) {
        double u = random.nextDouble();
        ParameterRanges.Range range = ranges.get(order.get(k));
        factors[d][k] = range == null ? 1 : range.factorAt(u);
      }
    }
    return factors;
  }

  private static Interval interval(
      String code, String district, String service, String unit, double point, double[] draws, Settings settings) {
    double[] sorted = draws.clone();
    Arrays.sort(sorted);
    return new Interval(code, district, service, unit, point,
        FluxUstarThreshold.quantile(sorted, 0.05), FluxUstarThreshold.quantile(sorted, 0.5),
        FluxUstarThreshold.quantile(sorted, 0.95), settings.draws(), settings.seed());
  }
}
