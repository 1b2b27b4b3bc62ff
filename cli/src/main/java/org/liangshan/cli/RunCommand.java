package org.liangshan.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;
import org.liangshan.scheduler.jobs.Jobs;
import org.liangshan.warehouse.TableCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {
      "Run a batch job over silver for one region and period, writing gold tables stamped with the run id:",
      "  accounting    analysis grid, zonal statistics, CASA carbon sink, GEP per district (--year)",
      "  market        capacity, occupation, emissions, benchmark prices, auctions, holdings, verification,",
      "                supply-demand board, event neutrality, carbon inclusion and eco-points (--year)",
      "  compensation  horizontal and vertical compensation ledger entries (--year)",
      "  valuation     collateral valuation of every pledge (--date, default the end of --year)",
      "  bank-book     loan pricing, green project library, PCAF financed emissions, PBoC evaluation (--year)",
      "  realization   GEP realization rate per district: trading, compensation and eco-finance against GEP (--year)",
      "  all           the six above, market first (its zone capacity caps water purification in accounting)",
      "Re-running with the same inputs rewrites the same rows."
    })
final class RunCommand implements Callable<Integer> {
  @Mixin Lakehouse lakehouse;

  @Parameters(index = "0", paramLabel = "JOB", description = "accounting, market, compensation, valuation, bank-book, realization or all.")
  String job;

  @Option(names = "--region", required = true, paramLabel = "REGION", description = "liyang or tianjin.")
  String region;

  @Option(names = "--year", paramLabel = "YYYY", description = "Year to compute (accounting, market, compensation).")
  Integer year;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Valuation date (valuation).")
  String date;

  @Override
  public Integer call() {
    Region r = Regions.load(region);
    ParameterSet params = ParameterSet.forRegion(r);
    String command = "liangshan run " + job + " --region " + region + (year == null ? "" : " --year " + year)
        + (date == null ? "" : " --date " + date);
    boolean all = job.equals("all");
    if (!all && !java.util.List.of("accounting", "market", "compensation", "valuation", "bank-book", "realization").contains(job)) {
      throw LiangshanException.badInput("Unknown job '%s'. Jobs: accounting, market, compensation, valuation, bank-book, realization, all.", job);
    }
    if ((all || !job.equals("valuation")) && year == null) {
      throw LiangshanException.badInput("Job %s needs --year YYYY.", job);
    }
    LocalDate valuationDate = null;
    if (all || job.equals("valuation")) {
      if (date != null) {
        try {
          valuationDate = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
          throw LiangshanException.badInput("Invalid --date '%s': expected YYYY-MM-DD.", date);
        }
      } else if (year != null) {
        valuationDate = LocalDate.of(year, 12, 31);
      } else {
        throw LiangshanException.badInput("Job valuation needs --date YYYY-MM-DD (or --year for its last day).");
      }
    }
    TableCatalog catalog = lakehouse.catalog();
    // The market first: its gold.zone_capacity caps water purification in the grid accounting.
    if (all || job.equals("market")) {
      System.out.println(Jobs.market(catalog, command, r, year, params));
    }
    if (all || job.equals("accounting")) {
      System.out.println(Jobs.accounting(catalog, command, r, year, params, System.err::println));
    }
    if (all || job.equals("compensation")) {
      System.out.println(Jobs.compensation(catalog, command, r, year, params));
    }
    if (all || job.equals("valuation")) {
      System.out.println(Jobs.valuation(catalog, command, r, valuationDate, params));
    }
    if (all || job.equals("bank-book")) {
      System.out.println(Jobs.bankBook(catalog, command, r, year, params));
    }
    if (all || job.equals("realization")) {
      System.out.println(Jobs.realization(catalog, command, r, year, params));
    }
    return Main.OK;
  }
}
