package org.liangshan.finance;

import java.util.List;
import org.liangshan.core.param.ParameterDefaults;

/** The GEP realization parameters every region's parameter set includes ({@code finance/realization.json}). */
public final class RealizationParameterDefaults implements ParameterDefaults {
  public static final String RESOURCE = "finance/realization.json";

  @Override
  public List<String> resources() {
    return List.of(RESOURCE);
  }
}
