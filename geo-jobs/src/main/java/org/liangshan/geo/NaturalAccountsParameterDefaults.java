package org.liangshan.geo;

import java.util.List;
import org.liangshan.core.param.ParameterDefaults;

/**
 * The parameters of the natural-resource balance sheet and the forestry carbon-sink base that every
 * region's parameter set includes ({@code accounts/natural-resources.json}): asset classes and unit
 * values, stand-growth curves by forest type, horizon and afforestation screening.
 */
public final class NaturalAccountsParameterDefaults implements ParameterDefaults {
  public static final String RESOURCE = "accounts/natural-resources.json";

  @Override
  public List<String> resources() {
    return List.of(RESOURCE);
  }
}
