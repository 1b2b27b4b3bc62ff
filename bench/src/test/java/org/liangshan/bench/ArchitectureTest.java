package org.liangshan.bench;

import org.junit.jupiter.api.Test;
import org.liangshan.core.Architecture;

/** org.liangshan.bench's packages have no import cycles, and its models name no engine (docs/architecture.md). */
class ArchitectureTest {
  @Test
  void packagesAreFreeOfCyclesAndModelsAreEngineFree() {
    Architecture.verify("org.liangshan.bench");
  }
}
