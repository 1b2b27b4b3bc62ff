package org.liangshan.cli;

import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.liangshan.warehouse.Lineage;
import org.liangshan.warehouse.TableCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code liangshan lineage TABLE}: where a table's version came from, down to the landing files. */
// No mixinStandardHelpOptions: its -V/--version would take the table version's option name.
@Command(name = "lineage",
    description = {
      "Show where a table's rows came from: the runs that wrote the version",
      "(job, region, period, parameter set, methodology, finish time, outcome),",
      "the Delta version of every input each run read, recursively, down to the",
      "landing files the ingestions loaded (path, SHA-256, received, loaded,",
      "quarantined) and the configuration and parameter set of computed tables.",
      "Guide: docs/operations-lineage.md"
    })
final class LineageCommand implements Callable<Integer> {
  @Mixin Lakehouse lakehouse;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Parameters(index = "0", paramLabel = "TABLE", description = "A table, e.g. gold.gep_by_district or silver.water_quality.")
  String table;

  @Option(names = "--version", paramLabel = "N", description = "The table's Delta version (default: the current one).")
  Long version;

  @Option(names = "--json", description = "Print the tree as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    TableCatalog catalog = lakehouse.catalog();
    Lineage lineage = new Lineage(catalog);
    System.err.println("Tracing " + table + " ...");
    Lineage.Node root = lineage.of(table, version == null ? OptionalLong.empty() : OptionalLong.of(version));
    if (json) {
      System.out.println(new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
          .writeValueAsString(lineage.json(root)));
    } else {
      System.out.print(lineage.text(root));
      if (root.writers().isEmpty()) {
        System.out.println("No run is recorded as having written " + root.table() + (root.version() >= 0 ? " at version " + root.version() : "") + ".");
      } else {
        System.out.println();
        System.out.println(root.landingFiles(lineage).size() + " landing file(s), "
            + root.configuration(lineage).size() + " configuration item(s) at the leaves.");
      }
    }
    return Main.OK;
  }
}
