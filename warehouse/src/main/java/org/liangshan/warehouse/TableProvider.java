package org.liangshan.warehouse;

import java.util.List;

/**
 * Contributes table definitions to the catalog. Each module that owns tables registers one provider in
 * {@code META-INF/services/org.liangshan.warehouse.TableProvider}; {@link TableCatalog#discover} finds them.
 */
public interface TableProvider {
  List<TableDef> tables();
}
