package org.liangshan.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;
import org.liangshan.core.text.TextTable;
import org.liangshan.finance.model.LedgerRevisions;
import org.liangshan.finance.model.ReviewWorkflow;
import org.liangshan.finance.publish.LedgerBook;
import org.liangshan.finance.publish.LedgerExport;
import org.liangshan.scheduler.jobs.Jobs;
import org.liangshan.warehouse.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The compensation ledger for the finance bureau: revisions, review, diffs, exports. */
@Command(name = "ledger", mixinStandardHelpOptions = true,
    description = {
      "The compensation ledger for the finance bureau. Each period (a month for horizontal agreements, the year",
      "for vertical ones) has revisions; a revision goes draft -> reviewed -> approved | rejected. An approved",
      "revision is frozen: a recomputation writes the next revision beside it, and 'ledger diff' lists what changed.",
      "The history of every review action is kept in gold.ledger_review_events (append-only)."
    },
    subcommands = {
      LedgerCommand.ListCommand.class,
      LedgerCommand.ShowCommand.class,
      LedgerCommand.ReviewCommand.class,
      LedgerCommand.ApproveCommand.class,
      LedgerCommand.RejectCommand.class,
      LedgerCommand.DiffCommand.class,
      LedgerCommand.ExportCommand.class
    })
final class LedgerCommand implements Runnable {
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
        "Missing subcommand: list, show, review, approve, reject, diff or export. Run 'liangshan ledger --help'.");
  }

  static Region region(String id) {
    return Regions.load(id);
  }

  static Optional<Integer> revision(Integer revision) {
    if (revision != null && revision < 1) {
      throw LiangshanException.badInput("Invalid --revision %d: revisions start at 1.", revision);
    }
    return Optional.ofNullable(revision);
  }

  static String period(String period) {
    if (!period.matches("\\d{4}(-(0[1-9]|1[0-2]))?")) {
      throw LiangshanException.badInput("Invalid --period '%s': expected yyyy-MM (a month of a horizontal agreement) or"
          + " yyyy (the year of a vertical agreement).", period);
    }
    return period;
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Every period of a region with its revisions, their status, entries and total.")
  static final class ListCommand implements Callable<Integer> {
    @Mixin Lakehouse lakehouse;

    @Option(names = "--region", required = true, paramLabel = "REGION", description = "liyang or tianjin.")
    String region;

    @Option(names = "--year", paramLabel = "YYYY", description = "Only this year.")
    Integer year;

    @Override
    public Integer call() {
      region(region);
      List<LedgerBook.RevisionSummary> all = new LedgerBook(lakehouse.catalog()).revisions(region, Optional.ofNullable(year));
      TextTable table = new TextTable("period", "revision", "status", "entries", "total_yuan", "computed_by_run",
          "parameter_set");
      all.forEach(s -> table.row(s.period(), s.revision(), s.status(), s.entries(), s.totalYuan().toPlainString(),
          s.computedByRun(), s.parameterSet()));
      System.out.print(table.isEmpty() ? "No compensation ledger for " + region + (year == null ? "" : " " + year)
          + ". Run 'liangshan run compensation --region " + region + " --year Y'.\n" : table.toString());
      return Main.OK;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "One revision of a period: its entries with payer, payee, amount and inputs, the balance of its"
          + " postings, and its review history.")
  static final class ShowCommand implements Callable<Integer> {
    @Mixin Lakehouse lakehouse;

    @Option(names = "--region", required = true, paramLabel = "REGION", description = "liyang or tianjin.")
    String region;

    @Option(names = "--period", required = true, paramLabel = "PERIOD", description = "yyyy-MM or yyyy.")
    String period;

    @Option(names = "--revision", paramLabel = "N", description = "Revision (default: the latest).")
    Integer revision;

    @Override
    public Integer call() {
      region(region);
      LedgerBook.RevisionDetail d = new LedgerBook(lakehouse.catalog()).detail(region, period(period), revision(revision));
      LedgerBook.RevisionSummary s = d.summary();
      System.out.printf("%s %s revision %d: %s, %d entries, %s yuan, debits %s = credits %s: %s%n", region, period,
          s.revision(), s.status(), s.entries(), s.totalYuan().toPlainString(), d.debitYuan().toPlainString(),
          d.creditYuan().toPlainString(), d.balanced());
      System.out.printf("computed by run %s with parameter set %s; content SHA-256 %s%n%n", s.computedByRun(),
          s.parameterSet(), d.contentHash());
      TextTable entries = new TextTable("entry_id", "method", "payer", "payee", "amount_yuan", "inputs");
      for (Row r : d.entries()) {
        entries.row(r.getAs("entry_id"), r.getAs("method"), r.getAs("payer"), r.getAs("payee"),
            r.<java.math.BigDecimal>getAs("amount_yuan").setScale(2).toPlainString(), LedgerExportInputs.of(r.getAs("basis")));
      }
      System.out.print(entries);
      System.out.println();
      if (d.history().isEmpty()) {
        System.out.println("No review yet.");
      } else {
        TextTable history = new TextTable("at_utc", "action", "by", "reason");
        d.history().forEach(e -> history.row(e.at(), e.action(), e.actor(), e.reason()));
        System.out.print(history);
      }
      return Main.OK;
    }
  }

  abstract static class ActionCommand implements Callable<Integer> {
    @Mixin Lakehouse lakehouse;

    @Option(names = "--region", required = true, paramLabel = "REGION", description = "liyang or tianjin.")
    String region;

    @Option(names = "--period", required = true, paramLabel = "PERIOD", description = "yyyy-MM or yyyy.")
    String period;

    @Option(names = "--revision", paramLabel = "N", description = "Revision (default: the latest; only the latest can be acted on).")
    Integer revision;

    @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who acts (recorded in the history).")
    String by;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (required for reject).")
    String reason;

    abstract ReviewWorkflow.Action action();

    @Override
    public Integer call() {
      Region r = region(region);
      period(period);
      Optional<Integer> rev = revision(revision);
      ParameterSet params = ParameterSet.forRegion(r);
      String command = "liangshan ledger " + action().word() + " --region " + region + " --period " + period
          + (revision == null ? "" : " --revision " + revision) + " --by " + by;
      Row event = Jobs.run(lakehouse.catalog(), command, "ledger-" + action().word(), r, period, params,
          (Run run) -> new LedgerBook(lakehouse.catalog()).act(run, region, period, rev, action(), by, reason,
              Clock.systemUTC()));
      System.out.printf("%s %s revision %s: %s -> %s by %s at %s (%s entries, %s yuan, content SHA-256 %s)%n", region,
          period, event.getAs("revision"), event.getAs("from_status"), event.getAs("to_status"), event.getAs("actor"),
          event.getAs("at"), event.getAs("entries"), event.<java.math.BigDecimal>getAs("total_yuan").toPlainString(),
          event.getAs("content_sha256"));
      if (event.getAs("to_status").equals(LedgerRevisions.APPROVED)) {
        System.out.println("The revision is now frozen: a recomputation writes a new revision beside it.");
      }
      return Main.OK;
    }
  }

  @Command(name = "review", mixinStandardHelpOptions = true,
      description = "Mark a draft revision reviewed (draft -> reviewed). Refused for a reviewed, approved (frozen) or"
          + " rejected revision, an older revision, or one whose postings do not balance.")
  static final class ReviewCommand extends ActionCommand {
    @Override
    ReviewWorkflow.Action action() {
      return ReviewWorkflow.Action.REVIEW;
    }
  }

  @Command(name = "approve", mixinStandardHelpOptions = true,
      description = "Approve a reviewed revision (reviewed -> approved), by someone other than its reviewer. The"
          + " revision is then frozen. Refused for a draft (not reviewed), a rejected or already approved revision.")
  static final class ApproveCommand extends ActionCommand {
    @Override
    ReviewWorkflow.Action action() {
      return ReviewWorkflow.Action.APPROVE;
    }
  }

  @Command(name = "reject", mixinStandardHelpOptions = true,
      description = "Reject a reviewed revision with --reason (reviewed -> rejected). It is kept; recompute the period"
          + " to make a new revision.")
  static final class RejectCommand extends ActionCommand {
    @Override
    ReviewWorkflow.Action action() {
      return ReviewWorkflow.Action.REJECT;
    }
  }

  @Command(name = "diff", mixinStandardHelpOptions = true,
      description = "Entry-by-entry differences between two revisions of a period: added, removed, changed (amount,"
          + " payer, payee, and which inputs of the basis changed). Default: the latest revision against the latest"
          + " approved one before it (else the one before it).")
  static final class DiffCommand implements Callable<Integer> {
    @Mixin Lakehouse lakehouse;

    @Option(names = "--region", required = true, paramLabel = "REGION", description = "liyang or tianjin.")
    String region;

    @Option(names = "--period", required = true, paramLabel = "PERIOD", description = "yyyy-MM or yyyy.")
    String period;

    @Option(names = "--from", paramLabel = "N", description = "Older revision.")
    Integer from;

    @Option(names = "--to", paramLabel = "N", description = "Newer revision (default: the latest).")
    Integer to;

    @Override
    public Integer call() {
      region(region);
      LedgerBook.RevisionDiff diff = new LedgerBook(lakehouse.catalog()).diff(region, period(period), revision(from),
          revision(to));
      System.out.printf("%s %s: revision %d (%s, %s yuan) -> revision %d (%s, %s yuan): %d difference(s)%n", region,
          period, diff.from().revision(), diff.from().status(), diff.from().totalYuan().toPlainString(),
          diff.to().revision(), diff.to().status(), diff.to().totalYuan().toPlainString(), diff.changes().size());
      if (!diff.changes().isEmpty()) {
        TextTable table = new TextTable("entry", "change", "payer -> payee before", "amount_before", "payer -> payee after",
            "amount_after", "delta_yuan", "inputs changed");
        for (LedgerRevisions.Change c : diff.changes()) {
          table.row(c.entryKey(), c.kind(), c.payerBefore() == null ? "" : c.payerBefore() + " -> " + c.payeeBefore(),
              c.amountBefore() == null ? "" : c.amountBefore().toPlainString(),
              c.payerAfter() == null ? "" : c.payerAfter() + " -> " + c.payeeAfter(),
              c.amountAfter() == null ? "" : c.amountAfter().toPlainString(), c.deltaYuan().toPlainString(),
              String.join(", ", c.basisChanged()));
        }
        System.out.print(table);
      }
      return Main.OK;
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = {"Export a region's ledger of a year as XLSX (a summary sheet and one sheet per agreement; values",
          "and formulas labelled) and CSV (UTF-8 with BOM). Per period: the latest approved revision, else the latest",
          "one (unless --approved-only)."})
  static final class ExportCommand implements Callable<Integer> {
    @Mixin Lakehouse lakehouse;

    @Option(names = "--region", required = true, paramLabel = "REGION", description = "liyang or tianjin.")
    String region;

    @Option(names = "--year", required = true, paramLabel = "YYYY", description = "Year.")
    int year;

    @Option(names = "--format", defaultValue = "xlsx,csv", split = ",", paramLabel = "FMT",
        description = "xlsx, csv or both (default ${DEFAULT-VALUE}).")
    List<String> formats;

    @Option(names = "--out", defaultValue = "reports/ledgers", paramLabel = "DIR", description = "Directory (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--approved-only", description = "Only approved revisions.")
    boolean approvedOnly;

    @Override
    public Integer call() {
      region(region);
      for (String f : formats) {
        if (!f.equals("xlsx") && !f.equals("csv")) {
          throw LiangshanException.badInput("Unknown --format '%s': use xlsx, csv or xlsx,csv.", f);
        }
      }
      LedgerExport.Result result = new LedgerExport(lakehouse.catalog()).write(region, year, approvedOnly, out,
          formats.contains("csv"), formats.contains("xlsx"), java.time.Instant.now());
      System.out.printf("%s %d: %d entries, %s yuan, %d periods%n", region, year, result.entries(),
          result.totalYuan().toPlainString(), result.revisions().size());
      result.totalsByAgreement().forEach((a, t) -> System.out.printf("  %s: %s yuan%n", a, t.toPlainString()));
      result.files().forEach(p -> System.out.println("  wrote " + p));
      return Main.OK;
    }
  }

  /** The scalar inputs of an entry's basis, for the terminal. */
  static final class LedgerExportInputs {
    private LedgerExportInputs() {}

    static String of(String basis) {
      StringBuilder s = new StringBuilder();
      LedgerRevisions.flatBasis(basis).forEach((k, v) -> {
        if (!List.of("agreement", "method", "period").contains(k) && !v.startsWith("[") && !v.startsWith("{")) {
          s.append(s.length() == 0 ? "" : "; ").append(k).append('=').append(v);
        }
      });
      return s.length() > 140 ? s.substring(0, 137) + "..." : s.toString();
    }
  }
}
