package org.liangshan.market.model;

import java.util.List;
import org.liangshan.core.param.ParameterDefaults;

/**
 * The market parameters every region's parameter set includes: {@code market/defaults.json} (decay
 * coefficients and background loads, occupation and fuel factors, benchmark, auction deposit).
 */
public final class MarketParameterDefaults implements ParameterDefaults {
  @Override
  public List<String> resources() {
    return List.of(MarketParameters.DEFAULTS_RESOURCE);
  }
}
