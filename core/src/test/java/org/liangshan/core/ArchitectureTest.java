package org.liangshan.core;

import org.junit.jupiter.api.Test;

/** org.liangshan.core's packages have no import cycles, and its models name no engine (docs/architecture.md). */
class ArchitectureTest {
  @Test
  void packagesAreFreeOfCyclesAndModelsAreEngineFree() {
    Architecture.verify("org.liangshan.core");
  }
}
