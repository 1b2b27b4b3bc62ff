package org.liangshan.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;
import org.liangshan.finance.publish.ValuationReport;
import org.liangshan.finance.publish.ValuationReports;
import org.liangshan.scheduler.jobs.Jobs;
import org.liangshan.warehouse.TableCatalog;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Valuation reports for credit officers: one loan, or every loan of a region, on a date. */
@Command(name = "valuate", mixinStandardHelpOptions = true,
    description = {
      "Write collateral valuation reports (HTML for reading and printing, JSON for systems): every pledged right",
      "of a loan with its quantity, the prices used and their source, the arithmetic step by step, the stresses,",
      "the flags (retired, expired, double-pledged, thin market, LTV breach) and the audit trail (run id, Delta",
      "versions of the inputs, parameter-set version). Runs the valuation job first when the date has none.",
      "Reports go to <out>/<region>/<date>/<loan>.html|json (and index.html for --all)."
    })
final class ValuateCommand implements Callable<Integer> {
  @Mixin Lakehouse lakehouse;

  static final class Which {
    @Option(names = "--loan", required = true, paramLabel = "ID", description = "One loan.")
    String loan;

    @Option(names = "--all", required = true, description = "Every loan with an active pledge on the date.")
    boolean all;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Which which;

  @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "Valuation date.")
  String date;

  @Option(names = "--region", paramLabel = "REGION", description = "Region (default: the loan's region; with --all: both regions).")
  String region;

  @Option(names = "--out", defaultValue = "reports/valuations", paramLabel = "DIR", description = "Directory (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--format", defaultValue = "html,json", split = ",", paramLabel = "FMT",
      description = "html, json or both (default ${DEFAULT-VALUE}).")
  List<String> formats;

  @Option(names = "--recompute", description = "Run the valuation job again even when the date has one.")
  boolean recompute;

  @Override
  public Integer call() {
    LocalDate day;
    try {
      day = LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw LiangshanException.badInput("Invalid --date '%s': expected YYYY-MM-DD.", date);
    }
    for (String f : formats) {
      if (!f.equals("html") && !f.equals("json")) {
        throw LiangshanException.badInput("Unknown --format '%s': use html, json or html,json.", f);
      }
    }
    TableCatalog catalog = lakehouse.catalog();
    ValuationReports reports = new ValuationReports(catalog);
    List<Region> regions = new ArrayList<>();
    if (region != null) {
      regions.add(Regions.load(region));
    } else if (which.all) {
      regions.addAll(Regions.all());
    } else {
      String found = reports.regionOfLoan(which.loan).orElseThrow(() -> LiangshanException.badInput(
          "Loan %s is not in silver.loans of any region: check the id, or ingest the loans file first.", which.loan));
      regions.add(Regions.load(found));
    }
    String command = "liangshan valuate " + (which.all ? "--all" : "--loan " + which.loan) + " --date " + day;
    int written = 0;
    for (Region r : regions) {
      ParameterSet params = ParameterSet.forRegion(r);
      if (recompute || !reports.valued(r.id(), day)) {
        System.err.println("valuing " + r.id() + " on " + day + " ...");
        System.out.println(Jobs.valuation(catalog, command, r, day, params));
      }
      Path dir = out.resolve(r.id()).resolve(day.toString());
      if (which.all) {
        List<ValuationReport> all = reports.all(r.id(), day, params);
        for (ValuationReport report : all) {
          ValuationReports.write(report, dir, formats.contains("html"), formats.contains("json"));
        }
        Path index = ValuationReports.writeIndex(all, r.id(), day, dir);
        long flagged = all.stream().filter(x -> !x.flags().isEmpty()).count();
        System.out.printf("%s %s: %d loan reports (%d with flags) in %s; index %s%n", r.id(), day, all.size(), flagged, dir, index);
        written += all.size();
      } else {
        ValuationReport report = reports.one(r.id(), which.loan, day, params);
        for (Path p : ValuationReports.write(report, dir, formats.contains("html"), formats.contains("json"))) {
          System.out.println("wrote " + p);
        }
        System.out.printf("loan %s: collateral value %s, max loan %s, outstanding %s yuan; %d flag(s)%n", report.loanId(),
            report.totalCollateralValueYuan().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString(),
            report.totalMaxLoanYuan().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString(),
            report.outstandingYuan().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString(), report.flags().size());
        report.flags().forEach(f -> System.out.println("  ! " + f));
        written++;
      }
    }
    if (written == 0) {
      System.out.println("No loan had an active pledge on " + day + ".");
    }
    return Main.OK;
  }
}
