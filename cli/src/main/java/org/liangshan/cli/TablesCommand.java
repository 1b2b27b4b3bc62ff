package org.liangshan.cli;

import java.util.concurrent.Callable;
import org.liangshan.core.text.TextTable;
import org.liangshan.warehouse.TableCatalog;
import org.liangshan.warehouse.TableDef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "tables", mixinStandardHelpOptions = true,
    description = "List every table of the lakehouse with its row count and current Delta version.")
final class TablesCommand implements Callable<Integer> {
  @Mixin Lakehouse lakehouse;

  @Option(names = "--layer", paramLabel = "LAYER", description = "Only this layer: bronze, silver, gold or ops.")
  String layer;

  @Option(names = "--create", description = "Create every declared table that does not exist yet (idempotent).")
  boolean create;

  @Override
  public Integer call() {
    TableCatalog catalog = lakehouse.catalog();
    TextTable table = new TextTable("table", "rows", "version", "partitioned by", "checks", "description");
    for (TableDef def : catalog.tables()) {
      if (layer != null && !def.layer().directory().equals(layer)) {
        continue;
      }
      if (create) {
        catalog.ensure(def);
      }
      boolean exists = catalog.exists(def);
      table.row(def.qualifiedName(), exists ? String.format("%,d", catalog.count(def)) : "-",
          exists ? catalog.version(def).orElse(-1) : "-", String.join(",", def.partitionBy()),
          def.checks().size(), def.comment());
    }
    System.out.print(table);
    System.out.println("Lakehouse: " + catalog.config().root() + "   (- = not created yet)");
    return Main.OK;
  }
}
