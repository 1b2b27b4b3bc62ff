package org.liangshan.geo.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.liangshan.core.param.ParameterSet;

/**
 * Storm-runoff coefficients α per land-cover class for water conservation: R = α·P, so the water
 * balance of METHODOLOGY.md section 2 is Q = Σ (P − α·P − ET)·A.
 *
 * <p>Read from the parameter set under {@value #KEY}{@code .<CLASS>} (a land-cover name such as
 * {@code DBF}, value a fraction). When the parameter set has no such table, {@link #DEFAULTS} apply:
 * the mean surface-runoff coefficients per ecosystem type of the GEP accounting technical guide
 * (陆地生态系统生产总值核算技术指南, 2020, table of 各类型生态系统地表径流系数均值): evergreen
 * needleleaf 3.02 %, evergreen broadleaf 2.67 %, deciduous needleleaf 0.88 %, deciduous broadleaf
 * 1.33 %, mixed 2.29 %, shrub 4.20 % (mean of the broadleaf and needleleaf shrub types), grassland
 * 7.45 % (mean of meadow, steppe and tussock), wetland 0 %. These were transcribed without the
 * published table at hand: check them against it when the table moves into the parameter set.
 *
 * <p>Only classes with a coefficient conserve water: the guide counts forest, shrub, grassland and
 * wetland; cropland, water, built-up and bare land contribute nothing unless a parameter set gives
 * them a coefficient.
 */
public final class RunoffCoefficients {
  /** Parameter-set key of the table. */
  public static final String KEY = "gep.runoff_coefficients";

  /** The guide's values, used when the parameter set has no {@value #KEY}. */
  public static final Map<LandCover, Double> DEFAULTS;

  static {
    Map<LandCover, Double> defaults = new EnumMap<>(LandCover.class);
    defaults.put(LandCover.ENF, 0.0302);
    defaults.put(LandCover.EBF, 0.0267);
    defaults.put(LandCover.DNF, 0.0088);
    defaults.put(LandCover.DBF, 0.0133);
    defaults.put(LandCover.MF, 0.0229);
    defaults.put(LandCover.SHRUB, 0.0420);
    defaults.put(LandCover.GRASS, 0.0745);
    defaults.put(LandCover.WETLAND, 0.0);
    DEFAULTS = Collections.unmodifiableMap(defaults);
  }

  private final Map<LandCover, Double> coefficients;
  private final boolean fromParameterSet;

  private RunoffCoefficients(Map<LandCover, Double> coefficients, boolean fromParameterSet) {
    this.coefficients = Collections.unmodifiableMap(new EnumMap<>(coefficients));
    this.fromParameterSet = fromParameterSet;
  }

  public static RunoffCoefficients of(Map<LandCover, Double> coefficients) {
    requireNonNull(coefficients, "coefficients is null");
    coefficients.forEach(
        (landCover, alpha) -> {
          if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException(
                "Invalid runoff coefficient of " + landCover + " (must be in [0, 1]): " + alpha);
          }
        });
    return new RunoffCoefficients(coefficients, false);
  }

  /** The parameter set's table, or {@link #DEFAULTS} when it has none. */
  public static RunoffCoefficients from(ParameterSet params) {
    requireNonNull(params, "params is null");
    if (!params.has(KEY)) {
      return new RunoffCoefficients(DEFAULTS, false);
    }
    Map<LandCover, Double> table = new EnumMap<>(LandCover.class);
    for (String name : params.keys(KEY)) {
      LandCover landCover;
      try {
        landCover = LandCover.valueOf(name);
      } catch (IllegalArgumentException e) {
        throw org.liangshan.core.LiangshanException.failure(
            "Parameter '%s.%s' in parameter set %s names no land-cover class; use one of %s",
            KEY, name, params.version(), java.util.Arrays.toString(LandCover.values()));
      }
      table.put(landCover, params.number(KEY + "." + name));
    }
    RunoffCoefficients checked = of(table);
    return new RunoffCoefficients(checked.coefficients, true);
  }

  /** α of a class, empty when the class conserves no water. */
  public Optional<Double> of(LandCover landCover) {
    return Optional.ofNullable(coefficients.get(landCover));
  }

  /** Whether the table came from the parameter set (else the guide's defaults). */
  public boolean fromParameterSet() {
    return fromParameterSet;
  }
}
