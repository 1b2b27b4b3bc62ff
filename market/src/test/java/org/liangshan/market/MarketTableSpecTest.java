package org.liangshan.market;

import org.junit.jupiter.api.Test;
import org.liangshan.warehouse.FormerTables;

/** The market's tables of the spec are the ones formerly declared in Java, column for column. */
class MarketTableSpecTest {
  @Test
  void marketTablesAreTheFormerDeclarations() {
    FormerTables.assertUnchanged("market", new MarketTables().tables());
  }

  @Test
  void boardTablesAreTheFormerDeclarations() {
    FormerTables.assertUnchanged("market-board", new MarketBoardTables().tables());
  }

  @Test
  void inclusionTablesAreTheFormerDeclarations() {
    FormerTables.assertUnchanged("inclusion", new InclusionTables().tables());
  }
}
