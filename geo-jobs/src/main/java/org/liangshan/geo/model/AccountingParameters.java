package org.liangshan.geo.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.liangshan.core.method.Casa;
import org.liangshan.core.method.VegetationClass;
import org.liangshan.core.param.ParameterSet;

/**
 * The parameters of the grid accounting, resolved once from a {@link ParameterSet}: CASA's per-class
 * rows, the runoff coefficients, the swamp flood-storage depth and the GEP indicator list.
 */
public final class AccountingParameters {
  private final ParameterSet params;
  private final Map<VegetationClass, Casa.Parameters> casa;
  private final RunoffCoefficients runoff;
  private final double swampStorageDepthM;
  private final List<String> indicators;

  private AccountingParameters(ParameterSet params, RunoffCoefficients runoff) {
    this.params = requireNonNull(params, "params is null");
    Map<VegetationClass, Casa.Parameters> rows = new EnumMap<>(VegetationClass.class);
    for (VegetationClass vegetation : VegetationClass.values()) {
      rows.put(vegetation, Casa.Parameters.of(params, vegetation));
    }
    this.casa = Collections.unmodifiableMap(rows);
    this.runoff = requireNonNull(runoff, "runoff is null");
    this.swampStorageDepthM = params.number("gep.flood.swamp_storage_depth_m");
    this.indicators = params.texts("gep.indicators");
  }

  public static AccountingParameters from(ParameterSet params) {
    return new AccountingParameters(params, RunoffCoefficients.from(params));
  }

  public ParameterSet params() {
    return params;
  }

  public String version() {
    return params.version();
  }

  public Map<VegetationClass, Casa.Parameters> casa() {
    return casa;
  }

  public RunoffCoefficients runoff() {
    return runoff;
  }

  public double swampStorageDepthM() {
    return swampStorageDepthM;
  }

  /** Whether the parameter set's indicator list ({@code gep.indicators}) includes a service. */
  public boolean includes(GepService service) {
    return indicators.contains(service.id());
  }

  public List<String> indicators() {
    return indicators;
  }
}
