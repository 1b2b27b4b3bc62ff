package org.liangshan.scheduler.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.liangshan.scheduler.JobKind;
import org.liangshan.scheduler.Period;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.Region;
import org.liangshan.finance.CompensationJob;
import org.liangshan.finance.MarginCallJob;
import org.liangshan.market.MarketJob;
import org.liangshan.finance.RealizationJob;
import org.liangshan.finance.ValuationJob;
import org.liangshan.finance.publish.BankBookJob;
import org.liangshan.geo.AccountingJob;
import org.liangshan.pipelines.ingest.IngestJob;
import org.liangshan.pipelines.ingest.LoadReport;
import org.liangshan.warehouse.Run;

/**
 * The job kinds a run plan can name, each calling the platform's job in-process exactly as {@code liangshan run}
 * and {@code liangshan ingest --all} do (same job, same parameter set recorded in the run), for the year of
 * the scheduled period: accounting of 2024-03 is the accounting of 2024 over the scenes silver holds then (the
 * plan's monthly-scenes check makes sure every month through March is in), valuation of 2024-Q1 values at 2024-03-31,
 * margin of 2024-03-05 checks the pledges against the trades dated up to that day.
 */
public final class ScheduledJobs {
  private ScheduledJobs() {}

  public static Map<String, JobKind> kinds() {
    Map<String, JobKind> kinds = new LinkedHashMap<>();
    kinds.put("ingest", new JobKind() {
      @Override
      public String runLogJob() {
        return "ingest";
      }

      @Override
      public String parameterSet(Region region) {
        return null;
      }

      @Override
      public String run(Run run, Region region, Period period, Context context) {
        LoadReport report = new IngestJob(run, region, context.landing(), context.progress()).loadAll();
        long loaded = report.files().stream().filter(f -> !f.skipped()).count();
        return loaded + " new file(s), " + report.loaded() + " record(s) loaded, " + report.quarantined() + " quarantined"
            + (report.rejectedFiles().isEmpty() ? "" : ", " + report.rejectedFiles().size() + " file(s) refused")
            + (report.heldFiles().isEmpty() ? "" : ", " + report.heldFiles().size()
                + " redelivery(ies) held: confirm with liangshan ingest --all LANDING --allow-shrink FILE");
      }
    });
    kinds.put("accounting", yearly("accounting", (c) -> AccountingJob.run(c.run, c.region, c.period.year(), c.params, c.context.progress())));
    kinds.put("market", yearly("market", (c) -> MarketJob.run(c.run, c.region, c.period.year(), c.params)));
    kinds.put("compensation", yearly("compensation", (c) -> CompensationJob.run(c.run, c.region, c.period.year(), c.params)));
    kinds.put("valuation", yearly("valuation", (c) -> ValuationJob.run(c.run, c.region, c.period.last(), c.params)));
    kinds.put("margin", yearly("margin", (c) -> MarginCallJob.run(c.run, c.region, c.period.last(), c.params)));
    kinds.put("bank-book", yearly("bank-book", (c) -> BankBookJob.run(c.run, c.region, c.period.year(), c.params, message -> {})));
    kinds.put("realization", yearly("realization", (c) -> RealizationJob.run(c.run, c.region, c.period.year(), c.params)));
    return kinds;
  }

  private record Call(Run run, Region region, Period period, ParameterSet params, JobKind.Context context) {}

  private static JobKind yearly(String job, Function<Call, Object> body) {
    return new JobKind() {
      @Override
      public String runLogJob() {
        return job;
      }

      @Override
      public String parameterSet(Region region) {
        return ParameterSet.forRegion(region).recorded();
      }

      @Override
      public String run(Run run, Region region, Period period, Context context) {
        Object summary = body.apply(new Call(run, region, period, ParameterSet.forRegion(region), context));
        return firstLine(summary);
      }
    };
  }

  private static String firstLine(Object summary) {
    if (summary == null) {
      return null;
    }
    String text = summary.toString().strip();
    int newline = text.indexOf('\n');
    String line = newline < 0 ? text : text.substring(0, newline);
    return line.length() > 300 ? line.substring(0, 297) + "..." : line;
  }
}
