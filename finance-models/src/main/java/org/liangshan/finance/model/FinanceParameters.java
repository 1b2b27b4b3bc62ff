package org.liangshan.finance.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.liangshan.core.param.ParameterSet;

/**
 * The parameter set the finance jobs compute with: the caller's set, with the keys it lacks filled from
 * {@code finance/defaults.json} (decay coefficients, occupation coefficients, fuel factors, auction
 * deposit ratio, collateral window, thin-market threshold and stress shocks). A key present in the
 * caller's set always wins, and the version stays the caller's: results record it unchanged.
 */
public final class FinanceParameters {
  public static final String DEFAULTS_RESOURCE = "finance/defaults.json";

  private FinanceParameters() {}

  public static ParameterSet complete(ParameterSet params) {
    requireNonNull(params, "params is null");
    ParameterSet base = ParameterSet.fromResource(DEFAULTS_RESOURCE);
    return base.withOverrides(params.version(), params.toJson());
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
