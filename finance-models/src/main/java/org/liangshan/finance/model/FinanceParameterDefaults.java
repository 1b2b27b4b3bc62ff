package org.liangshan.finance.model;

import java.util.List;
import org.liangshan.core.param.ParameterDefaults;

/**
 * The finance parameters every region's parameter set includes: {@code finance/defaults.json} (collateral
 * window, thin market, stress shocks, compensation baselines; the market's parameters are in
 * {@code market/defaults.json}) and {@code finance/publication.json} (loan pricing, PBoC scoring).
 */
public final class FinanceParameterDefaults implements ParameterDefaults {
  @Override
  public List<String> resources() {
    return List.of(FinanceParameters.DEFAULTS_RESOURCE, FinanceParameters.PUBLICATION_RESOURCE);
  }
}
