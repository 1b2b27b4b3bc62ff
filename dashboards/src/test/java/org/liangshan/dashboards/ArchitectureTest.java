package org.liangshan.dashboards;

import org.junit.jupiter.api.Test;
import org.liangshan.core.Architecture;

/** org.liangshan.dashboards's packages have no import cycles, and its models name no engine (docs/architecture.md). */
class ArchitectureTest {
  @Test
  void packagesAreFreeOfCyclesAndModelsAreEngineFree() {
    Architecture.verify("org.liangshan.dashboards");
  }
}
