package org.liangshan.finance.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.liangshan.core.param.ParameterSet;

/**
 * The parameter set the finance jobs compute with. {@link ParameterSet#forRegion} already includes
 * {@code finance/defaults.json} and {@code finance/publication.json} (through {@link
 * FinanceParameterDefaults}), so a region's set is returned as it is and its {@link
 * ParameterSet#recorded()} version and fingerprint cover every finance parameter. A bare set (such as
 * {@link ParameterSet#defaults()} in a test) is completed the same way.
 */
public final class FinanceParameters {
  public static final String DEFAULTS_RESOURCE = "finance/defaults.json";
  public static final String PUBLICATION_RESOURCE = "finance/publication.json";

  private FinanceParameters() {}

  public static ParameterSet complete(ParameterSet params) {
    requireNonNull(params, "params is null");
    if (params.sources().contains(ParameterSet.fromResource(DEFAULTS_RESOURCE).version())) {
      return params;
    }
    return ParameterSet.withContributions(params);
  }

  /** A list of decimals, e.g. {@code collateral.stress_shocks}. */
  public static List<BigDecimal> decimals(ParameterSet params, String key) {
    List<BigDecimal> values = new ArrayList<>();
    int size = params.node(key).size();
    for (int i = 0; i < size; i++) {
      values.add(params.decimal(key + "." + i));
    }
    return List.copyOf(values);
  }
}
