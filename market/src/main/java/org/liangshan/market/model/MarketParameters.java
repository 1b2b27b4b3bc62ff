package org.liangshan.market.model;

import static java.util.Objects.requireNonNull;

import org.liangshan.core.param.ParameterSet;

/**
 * The parameter set the market jobs compute with. {@link ParameterSet#forRegion} already includes
 * {@code market/defaults.json} (through {@link MarketParameterDefaults}), so a region's set is returned
 * as it is and its {@link ParameterSet#recorded()} version and fingerprint cover every market parameter.
 * A bare set (such as {@link ParameterSet#defaults()} in a test) is completed the same way.
 */
public final class MarketParameters {
  public static final String DEFAULTS_RESOURCE = "market/defaults.json";

  private MarketParameters() {}

  public static ParameterSet complete(ParameterSet params) {
    requireNonNull(params, "params is null");
    if (params.sources().contains(ParameterSet.fromResource(DEFAULTS_RESOURCE).version())) {
      return params;
    }
    return ParameterSet.withContributions(params);
  }
}
