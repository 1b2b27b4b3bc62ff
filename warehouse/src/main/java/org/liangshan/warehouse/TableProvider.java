package org.liangshan.warehouse;

import java.util.List;
import java.util.Optional;

/**
 * Contributes table definitions to the catalog. Each module that owns tables registers one provider per spec
 * file in {@code META-INF/services/org.liangshan.warehouse.TableProvider}; {@link TableCatalog#discover} finds
 * them. A provider names its spec file ({@link #spec}); one whose tables are still declared in Java overrides
 * {@link #tables} instead.
 */
public interface TableProvider {
  /** The tables, in declaration order: by default, those of the spec file. */
  default List<TableDef> tables() {
    return spec()
        .orElseThrow(() -> new IllegalStateException(getClass().getName() + " declares neither a spec nor its tables"))
        .tables();
  }

  /** The spec file ({@code spec/tables/*.yaml}) the tables are declared in; empty for tables declared in Java. */
  default Optional<TableSpec> spec() {
    return Optional.empty();
  }
}
