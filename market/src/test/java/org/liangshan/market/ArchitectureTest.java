package org.liangshan.market;

import org.junit.jupiter.api.Test;
import org.liangshan.core.Architecture;

/** org.liangshan.market's packages have no import cycles, and its models name no engine (docs/architecture.md). */
class ArchitectureTest {
  @Test
  void packagesAreFreeOfCyclesAndModelsAreEngineFree() {
    Architecture.verify("org.liangshan.market");
  }
}
