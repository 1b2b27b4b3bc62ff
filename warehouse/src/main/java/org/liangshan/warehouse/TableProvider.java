package org.liangshan.warehouse;

import java.util.List;
import java.util.Optional;

/**
 * Contributes table definitions to the catalog. Each module that owns tables registers one provider in
 * {@code META-INF/services/org.liangshan.warehouse.TableProvider}; {@link TableCatalog#discover} finds them.
 */
public interface TableProvider {
  List<TableDef> tables();

  /** The spec file ({@code spec/tables/*.yaml}) the tables are declared in; empty for tables declared in Java. */
  default Optional<TableSpec> spec() {
    return Optional.empty();
  }
}
