package org.liangshan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.liangshan.core.region.Regions;
import org.liangshan.geo.CatalogueExport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code liangshan export ...}: published gold tables as files for readers outside the platform. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Export published tables as files (the compensation ledger has its own: liangshan ledger export).",
    subcommands = {ExportCommand.CatalogueCommand.class})
final class ExportCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand. Run 'liangshan export --help'.");
  }

  @Command(name = "catalogue", mixinStandardHelpOptions = true,
      description = {
        "Export a region's eco-product catalogue (生态产品目录清单) of a year as an XLSX workbook: one row per district",
        "and product with its physical quantity, value (yuan), rights holder and whether it is tradable, pledgeable",
        "or compensable (gold.eco_product_catalogue, written by 'liangshan run accounting'). A district's products of",
        "a GEP service add up to that service's value in gold.gep_by_district.",
        "Guide: docs/eco-product-catalogue.md"
      })
  static final class CatalogueCommand implements Callable<Integer> {
    @Mixin Lakehouse lakehouse;

    @Option(names = "--region", required = true, paramLabel = "REGION", description = "liyang or tianjin.")
    String region;

    @Option(names = "--year", required = true, paramLabel = "YYYY", description = "Accounting year.")
    int year;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The workbook to write (.xlsx); replaced if it exists.")
    Path out;

    @Override
    public Integer call() {
      Regions.load(region);
      int rows = CatalogueExport.write(lakehouse.catalog(), region, year, out);
      System.out.printf("Wrote %d product rows of %s %d to %s%n", rows, region, year, out);
      return Main.OK;
    }
  }
}
