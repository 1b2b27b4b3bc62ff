package org.liangshan.finance;

import java.util.ArrayList;
import java.util.List;
import org.liangshan.finance.publish.PublicationTables;
import org.liangshan.market.Lakehouse;
import org.liangshan.warehouse.TableDef;

/** The market's test lakehouse with the gold tables of the finance products added. */
final class FinanceLakehouse {
  private FinanceLakehouse() {}

  static Lakehouse create() {
    List<TableDef> tables = new ArrayList<>(FinanceTables.ALL);
    tables.addAll(PublicationTables.ALL);
    tables.addAll(HaircutTables.ALL);
    tables.addAll(RiskTables.ALL);
    return new Lakehouse(tables);
  }
}
