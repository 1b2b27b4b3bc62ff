package org.liangshan.scheduler.jobs;

import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.function.Function;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.Region;
import org.liangshan.finance.CompensationJob;
import org.liangshan.finance.HaircutBacktestJob;
import org.liangshan.finance.MarginCallJob;
import org.liangshan.market.MarketJob;
import org.liangshan.finance.RealizationJob;
import org.liangshan.finance.ValuationJob;
import org.liangshan.geo.AccountingJob;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.TableCatalog;

/** Runs a batch job inside a run-log entry: the entry says SUCCEEDED or FAILED whatever happens. */
public final class Jobs {
  private Jobs() {}

  public static <T> T run(TableCatalog catalog, String command, String job, Region region, String period, ParameterSet params,
      Function<Run, T> body) {
    Run run = Run.start(catalog, command, job, region.id(), period, params.recorded());
    long start = System.nanoTime();
    try {
      T result = body.apply(run);
      run.succeed(null);
      System.err.printf("  %-12s %-8s %-10s done in %.1f s (run %s)%n", job, region.id(), period,
          (System.nanoTime() - start) / 1e9, run.id());
      return result;
    } catch (RuntimeException | Error e) {
      run.fail(e);
      throw e;
    }
  }

  public static Object accounting(TableCatalog catalog, String command, Region region, int year, ParameterSet params, Consumer<String> progress) {
    return run(catalog, command, "accounting", region, Integer.toString(year), params,
        run -> AccountingJob.run(run, region, year, params));
  }

  public static Object market(TableCatalog catalog, String command, Region region, int year, ParameterSet params) {
    return run(catalog, command, "market", region, Integer.toString(year), params,
        run -> MarketJob.run(run, region, year, params));
  }

  public static Object compensation(TableCatalog catalog, String command, Region region, int year, ParameterSet params) {
    return run(catalog, command, "compensation", region, Integer.toString(year), params,
        run -> CompensationJob.run(run, region, year, params));
  }

  public static Object valuation(TableCatalog catalog, String command, Region region, LocalDate date, ParameterSet params) {
    return run(catalog, command, "valuation", region, date.toString(), params,
        run -> ValuationJob.run(run, region, date, params));
  }

  /** The haircut backtest of every instrument of the region's trades up to the date (gold.haircut_backtest). */
  public static HaircutBacktestJob.Summary backtest(TableCatalog catalog, String command, Region region, LocalDate asOf,
      ParameterSet params) {
    return run(catalog, command, "haircut-backtest", region, asOf.toString(), params,
        run -> HaircutBacktestJob.run(run, region, asOf, params));
  }

  /** The daily margin-call check of every active pledge on the date (gold.margin_calls). */
  public static MarginCallJob.Summary margin(TableCatalog catalog, String command, Region region, LocalDate date,
      ParameterSet params) {
    return run(catalog, command, "margin", region, date.toString(), params, run -> MarginCallJob.run(run, region, date, params));
  }

  public static Object bankBook(TableCatalog catalog, String command, Region region, int year, ParameterSet params) {
    return run(catalog, command, "bank-book", region, Integer.toString(year), params,
        run -> org.liangshan.finance.publish.BankBookJob.run(run, region, year, params, message -> {}));
  }

  /** GEP realization rate per district: last, after accounting, market, compensation and the bank book. */
  public static Object realization(TableCatalog catalog, String command, Region region, int year, ParameterSet params) {
    return run(catalog, command, "realization", region, Integer.toString(year), params,
        run -> RealizationJob.run(run, region, year, params));
  }
}
