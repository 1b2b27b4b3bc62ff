package org.liangshan.warehouse;

import org.junit.jupiter.api.Test;

/** The ops tables of the spec are the ones formerly declared in Java, column for column. */
class OpsTableSpecTest {
  @Test
  void opsTablesAreTheFormerDeclarations() {
    FormerTables.assertUnchanged("ops", new OpsTables().tables());
  }
}
