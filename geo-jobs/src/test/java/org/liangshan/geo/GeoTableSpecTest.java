package org.liangshan.geo;

import org.junit.jupiter.api.Test;
import org.liangshan.warehouse.FormerTables;

/** geo-jobs' tables of the spec are the ones formerly declared in Java, column for column. */
class GeoTableSpecTest {
  @Test
  void accountingTablesAreTheFormerDeclarations() {
    FormerTables.assertUnchanged("geo", new GeoTables().tables());
  }

  @Test
  void naturalAccountsTablesAreTheFormerDeclarations() {
    FormerTables.assertUnchanged("natural-accounts", new NaturalAccountsTables().tables());
  }
}
