package org.liangshan.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.region.Regions;
import org.liangshan.core.text.TextTable;
import org.liangshan.scheduler.Period;
import org.liangshan.scheduler.PlanScheduler;
import org.liangshan.scheduler.RunPlan;
import org.liangshan.scheduler.ScheduleStore;
import org.liangshan.scheduler.StoreJobs;
import org.liangshan.scheduler.jobs.ScheduledJobs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "schedule", mixinStandardHelpOptions = true,
    description = {
      "Run the platform's run plan on Quartz: daily ingestion, monthly accounting and market, quarterly",
      "compensation, valuation and bank book, annual GEP (docs/scheduling.md). The schedule and every attempt",
      "are kept in a JDBC job store (an H2 file under <lakehouse>/ops/_scheduler by default), so they survive",
      "restarts; a (job, region, period) that succeeded is never run twice by the scheduler."
    },
    subcommands = {
      ScheduleCommand.Start.class,
      ScheduleCommand.Status.class,
      ScheduleCommand.ListJobs.class,
      ScheduleCommand.TriggerJob.class,
      ScheduleCommand.Pause.class,
      ScheduleCommand.Resume.class
    })
final class ScheduleCommand implements Runnable {
  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this),
        "Missing subcommand: start, status, list, trigger, pause or resume. Run 'liangshan schedule --help'.");
  }

  /** Where the job store is. */
  static final class StoreOptions {
    @Option(names = "--store", paramLabel = "DIR",
        description = "Directory of the embedded H2 job store (default: <lakehouse>/ops/_scheduler).")
    Path store;

    @Option(names = "--store-properties", paramLabel = "FILE",
        description = "A properties file for another database (PostgreSQL): liangshan.store.url, .user, .password and any org.quartz.* key.")
    Path storeProperties;

    @Mixin Lakehouse lakehouse;

    ScheduleStore open() {
      if (storeProperties != null) {
        return ScheduleStore.configured(storeProperties);
      }
      return ScheduleStore.h2(directory());
    }

    Path directory() {
      if (store != null) {
        return store;
      }
      String root = lakehouse.config().root();
      if (!root.startsWith("file:")) {
        throw LiangshanException.badInput("The lakehouse %s is not a local directory: give --store DIR or --store-properties FILE.", root);
      }
      return Path.of(java.net.URI.create(root.startsWith("file://") ? root : "file://" + root.substring("file:".length())))
          .resolve("ops").resolve("_scheduler");
    }

    String where() {
      return storeProperties != null ? storeProperties.toString() : directory().toString();
    }
  }

  static RunPlan plan(Path file) {
    return file == null ? RunPlan.defaultPlan() : RunPlan.load(file);
  }

  @Command(name = "start", mixinStandardHelpOptions = true,
      description = {
        "Write the run plan into the job store and fire it until stopped (Ctrl-C, SIGTERM) or for --run-for.",
        "One scheduler per store: a second 'schedule start' on the same H2 store is refused."
      })
  static final class Start implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Option(names = "--plan", paramLabel = "FILE", description = "Run plan (YAML); default: the plan shipped with the platform.")
    Path planFile;

    @Option(names = "--landing", paramLabel = "DIR", description = "Landing root the ingestion loads (default: the plan's 'landing').")
    Path landing;

    @Option(names = "--run-for", paramLabel = "DURATION", description = "Stop after this long (ISO-8601, e.g. PT8H); default: until stopped.")
    String runFor;

    @Override
    public Integer call() throws Exception {
      RunPlan plan = plan(planFile);
      Duration limit = null;
      if (runFor != null) {
        try {
          limit = Duration.parse(runFor);
        } catch (DateTimeParseException e) {
          throw LiangshanException.badInput("Invalid --run-for '%s': expected an ISO-8601 duration such as PT30M.", runFor);
        }
      }
      Path landingRoot = landing != null ? landing : Path.of(plan.landing());
      FileChannel lockChannel = null;
      FileLock lock = null;
      try (ScheduleStore jobStore = store.open()) {
        if (store.storeProperties == null) {
          lockChannel = FileChannel.open(store.directory().resolve("scheduler.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          lock = lockChannel.tryLock();
          if (lock == null) {
            throw LiangshanException.badInput("Another 'liangshan schedule start' is running on the store %s; stop it first.", store.directory());
          }
        }
        PlanScheduler scheduler = PlanScheduler.open(plan, jobStore, ScheduledJobs.kinds(), store.lakehouse::catalog, landingRoot, System.err);
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM: stop firing, then let the finally below shut Quartz down before the JVM exits.
        Thread hook = new Thread(() -> {
          stop.countDown();
          try {
            stopped.await(10, TimeUnit.MINUTES);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }, "liangshan-schedule-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
          scheduler.sync();
          System.out.println("Run plan " + plan.version() + " (" + plan.jobs().size() + " jobs x " + plan.regions().size()
              + " regions), store " + jobStore.description());
          System.out.print(StoreJobs.jobsTable(scheduler.quartz(), plan.timeZone()));
          scheduler.start();
          System.err.println("Scheduler started" + (limit == null ? "; stop with Ctrl-C." : " for " + limit + "."));
          if (limit == null) {
            stop.await();
          } else {
            stop.await(limit.toMillis(), TimeUnit.MILLISECONDS);
          }
        } finally {
          scheduler.close();
          stopped.countDown();
          try {
            Runtime.getRuntime().removeShutdownHook(hook);
          } catch (IllegalStateException ignored) {
            // The JVM is already shutting down.
          }
          System.err.println("Scheduler stopped.");
        }
      } finally {
        if (lock != null) {
          lock.release();
        }
        if (lockChannel != null) {
          lockChannel.close();
        }
      }
      return Main.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List the jobs in the job store: region, what they run, cron, trigger state, next firing, pending retries.")
  static final class ListJobs implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Override
    public Integer call() throws Exception {
      try (ScheduleStore jobStore = store.open()) {
        Optional<String> jobs = StoreJobs.jobsTable(jobStore);
        if (jobs.isEmpty()) {
          System.out.println("No jobs in the store " + jobStore.description() + " yet: 'liangshan schedule start' writes the run plan into it.");
          return Main.OK;
        }
        System.out.print(jobs.get());
      }
      return Main.OK;
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Show each job's trigger state and next firing, the latest state of each period, and the recent attempts.")
  static final class Status implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Option(names = "--job", paramLabel = "JOB", description = "Only this plan job.")
    String job;

    @Option(names = "--limit", defaultValue = "20", description = "Recent attempts to show (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
      try (ScheduleStore jobStore = store.open()) {
        System.out.println("Store: " + jobStore.description());
        System.out.print(StoreJobs.jobsTable(jobStore).orElseGet(StoreJobs::emptyJobsTable));
        System.out.println();
        System.out.println("Periods (latest state):");
        TextTable periods = new TextTable("job", "region", "period", "state", "attempts", "checks", "updated (UTC)", "run_id", "message");
        for (ScheduleStore.PeriodState s : jobStore.states(job)) {
          periods.row(s.job(), s.region(), s.period(), s.status(), s.attempts(), s.checks(), seconds(s.updatedAt()), s.runId(), clip(s.message()));
        }
        System.out.print(periods.isEmpty() ? "  none yet\n" : periods.toString());
        System.out.println();
        System.out.println("Recent attempts:");
        TextTable history = new TextTable("finished (UTC)", "job", "region", "period", "origin", "attempt", "outcome", "run_id", "message");
        for (ScheduleStore.HistoryRow h : jobStore.history(job, limit)) {
          history.row(seconds(h.finishedAt()), h.job(), h.region(), h.period(), h.origin(), h.attempt(), h.outcome(), h.runId(), clip(h.message()));
        }
        System.out.print(history.isEmpty() ? "  none yet\n" : history.toString());
      }
      return Main.OK;
    }
  }

  @Command(name = "trigger", mixinStandardHelpOptions = true,
      description = {
        "Run one plan job now, in this process, through the same checks as a scheduled firing: skipped when the",
        "period already succeeded (unless --rerun), waiting when its inputs or upstream jobs are not ready, retried",
        "later by the scheduler when it fails. Exit 0 succeeded or skipped as done, 1 failed, 3 waiting or skipped."
      })
  static final class TriggerJob implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Parameters(index = "0", paramLabel = "JOB", description = "A job of the run plan, e.g. accounting-monthly.")
    String job;

    @Option(names = "--period", paramLabel = "PERIOD", description = "yyyy-MM-dd, yyyy-MM, yyyy-Qn or yyyy; default: the period a firing now would compute.")
    String period;

    @Option(names = "--region", paramLabel = "REGION", description = "One region (default: every region of the plan).")
    String region;

    @Option(names = "--plan", paramLabel = "FILE", description = "Run plan (YAML); default: the plan shipped with the platform.")
    Path planFile;

    @Option(names = "--landing", paramLabel = "DIR", description = "Landing root (default: the plan's 'landing').")
    Path landing;

    @Option(names = "--rerun", description = "Run even if the period already succeeded (after a data correction).")
    boolean rerun;

    @Override
    public Integer call() {
      RunPlan plan = plan(planFile);
      RunPlan.PlanJob planJob = plan.job(job);
      Period p = period == null ? plan.periodAt(planJob, Instant.now()) : Period.parse(period);
      List<String> regions = region == null ? plan.regions() : List.of(Regions.load(region).id());
      int status = Main.OK;
      try (ScheduleStore jobStore = store.open()) {
        PlanScheduler scheduler = PlanScheduler.open(plan, jobStore, ScheduledJobs.kinds(), store.lakehouse::catalog,
            landing != null ? landing : Path.of(plan.landing()), System.err);
        try {
          TextTable table = new TextTable("job", "region", "period", "outcome", "run_id", "message");
          for (String r : regions) {
            scheduler.ensureJob(job, r);
            PlanScheduler.Outcome outcome = scheduler.fire(job, r, p, 1, 1, "trigger", rerun);
            table.row(job, r, p, outcome.result(), outcome.runId(), clip(outcome.message()));
            status = Math.max(status, switch (outcome.result()) {
              case SUCCEEDED, DUPLICATE -> Main.OK;
              case RETRYING, FAILED -> Main.FAILURE;
              case WAITING, SKIPPED, BUSY -> 3;
            });
          }
          System.out.print(table);
        } finally {
          scheduler.close();
        }
      }
      return status;
    }
  }

  @Command(name = "pause", mixinStandardHelpOptions = true,
      description = "Pause a job (its cron trigger and pending retries) or, without JOB, the whole schedule. Firings due while paused are not run.")
  static final class Pause implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Parameters(index = "0", arity = "0..1", paramLabel = "JOB", description = "A plan job; default: every job.")
    String job;

    @Option(names = "--region", paramLabel = "REGION", description = "Only this region's job.")
    String region;

    @Override
    public Integer call() throws Exception {
      return pauseOrResume(store, job, region, true);
    }
  }

  @Command(name = "resume", mixinStandardHelpOptions = true,
      description = "Resume a paused job or, without JOB, the whole schedule; a firing missed while paused follows the misfire policy.")
  static final class Resume implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Parameters(index = "0", arity = "0..1", paramLabel = "JOB", description = "A plan job; default: every job.")
    String job;

    @Option(names = "--region", paramLabel = "REGION", description = "Only this region's job.")
    String region;

    @Override
    public Integer call() throws Exception {
      return pauseOrResume(store, job, region, false);
    }
  }

  static int pauseOrResume(StoreOptions store, String job, String region, boolean pause) throws Exception {
    try (ScheduleStore jobStore = store.open()) {
      System.out.println(StoreJobs.pauseOrResume(jobStore, job, region, pause));
    }
    return Main.OK;
  }

  private static String seconds(Instant instant) {
    return instant.toString().length() >= 19 ? instant.toString().substring(0, 19) : instant.toString();
  }

  private static String clip(String message) {
    return message == null ? "" : message.length() > 100 ? message.substring(0, 97) + "..." : message;
  }
}
