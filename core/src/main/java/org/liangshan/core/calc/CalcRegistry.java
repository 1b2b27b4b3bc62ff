package org.liangshan.core.calc;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;

/**
 * The methods of {@code liangshan calc}, by their METHODOLOGY.md names, in the order of
 * METHODOLOGY.md (sections 1 to 7). Each is a thin adapter over a class of {@code
 * org.liangshan.core.method}, the code the batch jobs call; there is no second implementation.
 *
 * <pre>
 * CalcRegistry registry = CalcRegistry.standard();
 * ObjectNode result = registry.compute("casa", CalcJson.parse(json), ParameterSet.defaults());
 * System.out.println(CalcJson.write(result));
 * </pre>
 */
public final class CalcRegistry {
  private static final CalcRegistry STANDARD =
      new CalcRegistry(
          List.of(
              new CasaCalc(),
              new WaterConservationCalc(),
              new SoilRetentionCalc(),
              new ClimateRegulationCalc(),
              new WaterYieldCalc(),
              new RiverCapacityCalc(),
              new LakeCapacityCalc(),
              new DillonLoadCalc(),
              new BenchmarkPriceCalc(),
              new CementEmissionsCalc(),
              new AuctionCalc(),
              new XinanPIndexCalc(),
              new SectionCompensationCalc(),
              new CollateralCalc(),
              new HaircutCalc(),
              new HaircutBacktestCalc(),
              new PbocScoreCalc(),
              new PcafCalc(),
              new CarbonInclusionCalc()));

  private final Map<String, CalcMethod> methods;

  /** A registry of the given methods (names must be unique). */
  public CalcRegistry(List<CalcMethod> methods) {
    requireNonNull(methods, "methods is null");
    Map<String, CalcMethod> byName = new LinkedHashMap<>();
    for (CalcMethod method : methods) {
      if (byName.put(method.name(), method) != null) {
        throw new IllegalArgumentException("Duplicate calc method: " + method.name());
      }
    }
    this.methods = Collections.unmodifiableMap(byName);
  }

  /** Every method of METHODOLOGY.md. */
  public static CalcRegistry standard() {
    return STANDARD;
  }

  /** The methods in METHODOLOGY.md order. */
  public List<CalcMethod> methods() {
    return List.copyOf(methods.values());
  }

  public List<String> names() {
    return List.copyOf(methods.keySet());
  }

  public Optional<CalcMethod> find(String name) {
    return Optional.ofNullable(methods.get(name));
  }

  /** The method of that name, or bad input naming it and listing the known ones. */
  public CalcMethod method(String name) {
    CalcMethod method = name == null ? null : methods.get(name);
    if (method == null) {
      throw LiangshanException.badInput(
          "Unknown calc method '%s'. Known methods: %s. Run 'liangshan calc --list' to see their"
              + " fields.",
          name, String.join(", ", methods.keySet()));
    }
    return method;
  }

  /** Computes one case: {@code method(name).compute(input, params)}. */
  public ObjectNode compute(String name, JsonNode input, ParameterSet params) {
    return method(name).compute(input, params);
  }
}
