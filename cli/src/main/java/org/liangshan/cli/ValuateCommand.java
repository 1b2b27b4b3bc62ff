package org.liangshan.cli;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.money.Money;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;
import org.liangshan.core.text.TextTable;
import org.liangshan.finance.RiskTables;
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
      "Reports go to <out>/<region>/<date>/<loan>.html|json (and index.html for --all).",
      "",
      "Subcommands: 'backtest' (does the haircut hold on each instrument's",
      "history?) and 'margin' (the daily margin-call check).",
      "docs/guide-credit-officer.md explains every figure."
    },
    subcommands = {ValuateCommand.BacktestCommand.class, ValuateCommand.MarginCommand.class})
final class ValuateCommand implements Callable<Integer> {
  @Mixin Lakehouse lakehouse;

  static final class Which {
    @Option(names = "--loan", required = true, paramLabel = "ID", description = "One loan.")
    String loan;

    @Option(names = "--all", required = true, description = "Every loan with an active pledge on the date.")
    boolean all;
  }

  // Optional to picocli (a parent's required option would be demanded of its subcommands too), checked in call().
  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Which which;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Valuation date (required with --loan or --all).")
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
    if (which == null) {
      throw LiangshanException.badInput("Missing --loan ID or --all: say which loans to value, or run a subcommand"
          + " (backtest, margin). See 'liangshan valuate --help'.");
    }
    if (date == null) {
      throw LiangshanException.badInput("Missing --date YYYY-MM-DD: the valuation date.");
    }
    LocalDate day = date("--date", date);
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

  static LocalDate date(String option, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw LiangshanException.badInput("Invalid %s '%s': expected YYYY-MM-DD.", option, text);
    }
  }

  @Command(name = "backtest", mixinStandardHelpOptions = true,
      description = {
        "Does the haircut hold? For every instrument of the region's trades (right",
        "type, subject, zone or registry), replays its daily prices up to --as-of:",
        "every 10th trading day, the haircut the valuation would have set that day",
        "(from that day's trades and earlier only) is compared with the price fall",
        "over the next 10 trading days. Prints and writes to gold.haircut_backtest:",
        "windows tested, exceptions (falls above the haircut), Kupiec's test at",
        "99 % (LR, p-value, verdict) and the Basel zone (with 250 windows or more).",
        "Instruments with fewer than 60 trading days are listed as",
        "insufficient_history. See docs/methods/haircut-backtest.md."
      })
  static final class BacktestCommand implements Callable<Integer> {
    @Mixin Lakehouse lakehouse;

    @Option(names = "--region", required = true, paramLabel = "REGION", description = "liyang or tianjin.")
    String region;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
        description = "Use the trades dated up to this day (default: today in China Standard Time).")
    String asOf;

    @Override
    public Integer call() {
      Region r = Regions.load(region);
      LocalDate day = asOf == null ? LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) : date("--as-of", asOf);
      TableCatalog catalog = lakehouse.catalog();
      String command = "liangshan valuate backtest --region " + r.id() + " --as-of " + day;
      System.out.println(Jobs.backtest(catalog, command, r, day, ParameterSet.forRegion(r)));
      TextTable table = new TextTable("series", "status", "price_days", "windows", "exceptions", "lr_pof", "p_value",
          "verdict", "basel_zone");
      for (org.apache.spark.sql.Row row : catalog.read(RiskTables.HAIRCUT_BACKTEST)
          .where(col("region").equalTo(r.id())).where(col("as_of_date").equalTo(java.sql.Date.valueOf(day)))
          .orderBy("series").collectAsList()) {
        table.row(row.getAs("series"), row.getAs("status"), row.getAs("price_days"), row.getAs("observations"),
            row.getAs("exceptions"), six(row.getAs("lr_pof")), six(row.getAs("p_value")), text(row.getAs("verdict")),
            text(row.getAs("basel_zone")));
      }
      System.out.print(table);
      return Main.OK;
    }
  }

  @Command(name = "margin", mixinStandardHelpOptions = true,
      description = {
        "The daily margin-call check: revalues every active pledge of the region at",
        "the price of --date (the valuation's rule: min(spot, 20-day average), or",
        "the thin-market fallback) and compares it with the margin-call price of",
        "the pledge's latest valuation on or before that date. Prints and writes",
        "to gold.margin_calls the pledges below their line, with the top-up that",
        "restores the valued collateral in rights (quantity) and in cash",
        "(shortfall), and to gold.margin_checks what the check covered. Pledges",
        "never valued before the date are listed, not checked: run",
        "'liangshan valuate --all --date D' first. Prices are printed with their",
        "unit (price_unit, e.g. yuan per t/a), the top-up with the quantity's",
        "(quantity_unit)."
      })
  static final class MarginCommand implements Callable<Integer> {
    @Mixin Lakehouse lakehouse;

    @Option(names = "--region", required = true, paramLabel = "REGION", description = "liyang or tianjin.")
    String region;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "Day of the check.")
    String date;

    @Override
    public Integer call() {
      Region r = Regions.load(region);
      LocalDate day = date("--date", date);
      TableCatalog catalog = lakehouse.catalog();
      String command = "liangshan valuate margin --region " + r.id() + " --date " + day;
      System.out.println(Jobs.margin(catalog, command, r, day, ParameterSet.forRegion(r)));
      TextTable table = new TextTable(MARGIN_COLUMNS.toArray(String[]::new));
      for (org.apache.spark.sql.Row row : catalog.read(RiskTables.MARGIN_CALLS)
          .where(col("region").equalTo(r.id())).where(col("call_date").equalTo(java.sql.Date.valueOf(day)))
          .orderBy("pledge_id").collectAsList()) {
        table.row(marginRow(row).toArray());
      }
      if (!table.isEmpty()) {
        System.out.print(table);
      }
      return Main.OK;
    }
  }

  /** The columns `valuate margin` prints: prices with their unit, the top-up with the quantity's unit. */
  static final List<String> MARGIN_COLUMNS = List.of("pledge_id", "loan_id", "bank_id", "series", "price",
      "margin_call_price", "price_unit", "shortfall_yuan", "topup_quantity", "quantity_unit");

  /** A gold.margin_calls row as `valuate margin` prints it ({@link #MARGIN_COLUMNS}). */
  static List<String> marginRow(org.apache.spark.sql.Row row) {
    return java.util.Arrays.asList(row.getAs("pledge_id"), row.getAs("loan_id"), row.getAs("bank_id"), row.getAs("series"),
        Money.toFen(row.getAs("price")).toPlainString(), Money.toFen(row.getAs("margin_call_price")).toPlainString(),
        text(row.getAs("price_unit")), Money.toFen(row.getAs("shortfall_yuan")).toPlainString(), six(row.getAs("topup_quantity")),
        text(row.getAs("quantity_unit")));
  }

  private static String six(Double x) {
    return x == null ? "" : java.math.BigDecimal.valueOf(x).setScale(6, java.math.RoundingMode.HALF_EVEN).toPlainString();
  }

  private static String text(String x) {
    return x == null ? "" : x;
  }
}
