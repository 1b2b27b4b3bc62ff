package org.liangshan.scheduler;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.TableCatalog;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the run plan on Quartz. Each plan job becomes one durable Quartz job per region (job name = plan job,
 * group = region) with a cron trigger; a firing goes through {@link #fire}: already succeeded for its period →
 * skipped; inputs or upstream jobs not ready → waits (a re-check trigger) or, after the last check, skipped;
 * otherwise it claims the period and runs the job inside a run-log entry; a failure schedules a retry trigger
 * with back-off, and after the last attempt the period is {@code FAILED} and an alert is logged. Retries and
 * re-checks are Quartz triggers in the same JDBC store, so they survive a restart too.
 */
public final class PlanScheduler implements AutoCloseable {
  static final String CONTEXT_KEY = "liangshan.plan-scheduler";
  private static final Logger LOG = LoggerFactory.getLogger(PlanScheduler.class);

  /** What a firing did. */
  public enum Result {
    SUCCEEDED,
    RETRYING,
    FAILED,
    WAITING,
    SKIPPED,
    DUPLICATE,
    BUSY
  }

  /** A firing's result and the reason or note behind it. */
  public record Outcome(Result result, String message, String runId) {}

  private final RunPlan plan;
  private final ScheduleStore store;
  private final Map<String, JobKind> kinds;
  private final Supplier<TableCatalog> catalog;
  private final Path landing;
  private final PrintStream out;
  private final Clock clock;
  private final Scheduler quartz;

  private PlanScheduler(RunPlan plan, ScheduleStore store, Map<String, JobKind> kinds, Supplier<TableCatalog> catalog,
      Path landing, PrintStream out, Clock clock) {
    this.plan = requireNonNull(plan, "plan is null");
    this.store = requireNonNull(store, "store is null");
    this.kinds = Map.copyOf(kinds);
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.landing = requireNonNull(landing, "landing is null");
    this.out = requireNonNull(out, "out is null");
    this.clock = requireNonNull(clock, "clock is null");
    for (RunPlan.PlanJob job : plan.jobs().values()) {
      if (!kinds.containsKey(job.kind())) {
        throw LiangshanException.badInput("Run plan %s job '%s': unknown kind '%s' (kinds: %s).", plan.version(), job.name(),
            job.kind(), String.join(", ", new java.util.TreeSet<>(kinds.keySet())));
      }
      for (String need : job.needs()) {
        if (ReadinessChecks.get(need).isEmpty()) {
          throw LiangshanException.badInput("Run plan %s job '%s': unknown need '%s' (checks: %s).", plan.version(), job.name(),
              need, String.join(", ", ReadinessChecks.names()));
        }
      }
    }
    this.quartz = quartz(store, plan.threads());
    try {
      quartz.getContext().put(CONTEXT_KEY, this);
    } catch (SchedulerException e) {
      throw LiangshanException.failure(e, "Cannot set up the scheduler: %s", e.getMessage());
    }
  }

  /** A scheduler for the plan on the store; it fires nothing until {@link #start()}. */
  public static PlanScheduler open(RunPlan plan, ScheduleStore store, Map<String, JobKind> kinds, Supplier<TableCatalog> catalog,
      Path landing, PrintStream out) {
    return new PlanScheduler(plan, store, kinds, catalog, landing, out, Clock.systemUTC());
  }

  /** A Quartz scheduler on the store, not started: reading or changing the store fires nothing. */
  public static Scheduler quartz(ScheduleStore store, int threads) {
    store.registerWithQuartz();
    Properties properties = store.quartzProperties(threads);
    properties.putIfAbsent("org.quartz.scheduler.idleWaitTime", "5000");
    try {
      return new StdSchedulerFactory(properties).getScheduler();
    } catch (SchedulerException e) {
      throw LiangshanException.failure(e, "Cannot open the Quartz scheduler on %s: %s", store.description(), e.getMessage());
    }
  }

  public RunPlan plan() {
    return plan;
  }

  public Scheduler quartz() {
    return quartz;
  }

  public ScheduleStore store() {
    return store;
  }

  /**
   * Writes the plan into the store: one durable job per plan job and region, its cron trigger created or, when
   * the cron, time zone or misfire policy changed, replaced (a paused trigger stays paused); jobs no longer in
   * the plan are deleted. Unchanged triggers keep their next fire time, so a restart does not move them.
   */
  public void sync() {
    try {
      List<JobKey> planned = new ArrayList<>();
      for (RunPlan.PlanJob job : plan.jobs().values()) {
        for (String region : plan.regions()) {
          JobKey key = JobKey.jobKey(job.name(), region);
          planned.add(key);
          quartz.addJob(jobDetail(job, key), true);
          TriggerKey triggerKey = TriggerKey.triggerKey(job.name(), region);
          CronTrigger wanted = cronTrigger(job, key, triggerKey);
          Trigger existing = quartz.getTrigger(triggerKey);
          if (existing == null) {
            quartz.scheduleJob(wanted);
          } else if (!(existing instanceof CronTrigger cron) || !cron.getCronExpression().equals(job.cron())
              || !cron.getTimeZone().toZoneId().equals(plan.timeZone()) || cron.getMisfireInstruction() != wanted.getMisfireInstruction()) {
            boolean paused = quartz.getTriggerState(triggerKey) == Trigger.TriggerState.PAUSED;
            quartz.rescheduleJob(triggerKey, wanted);
            if (paused) {
              quartz.pauseTrigger(triggerKey);
            }
          }
        }
      }
      for (String group : quartz.getJobGroupNames()) {
        for (JobKey key : quartz.getJobKeys(GroupMatcher.jobGroupEquals(group))) {
          if (!planned.contains(key)) {
            quartz.deleteJob(key);
          }
        }
      }
    } catch (SchedulerException e) {
      throw LiangshanException.failure(e, "Cannot write the run plan into the schedule store: %s", e.getMessage());
    }
  }

  private JobDetail jobDetail(RunPlan.PlanJob job, JobKey key) {
    return JobBuilder.newJob(FiringJob.class).withIdentity(key)
        .withDescription(job.kind() + ", period " + job.period().id() + ", plan " + plan.version())
        .usingJobData("kind", job.kind())
        .storeDurably()
        .requestRecovery()
        .build();
  }

  private CronTrigger cronTrigger(RunPlan.PlanJob job, JobKey key, TriggerKey triggerKey) {
    CronScheduleBuilder schedule = CronScheduleBuilder.cronSchedule(job.cron()).inTimeZone(java.util.TimeZone.getTimeZone(plan.timeZone()));
    schedule = switch (job.misfire()) {
      case FIRE_ONCE_NOW -> schedule.withMisfireHandlingInstructionFireAndProceed();
      case DO_NOTHING -> schedule.withMisfireHandlingInstructionDoNothing();
    };
    return TriggerBuilder.newTrigger().withIdentity(triggerKey).forJob(key).withDescription(job.cron()).withSchedule(schedule).build();
  }

  /** Starts firing: periods an earlier process left RUNNING become INTERRUPTED first, so their recovery runs. */
  public void start() {
    int interrupted = store.interruptRunning(clock.instant());
    if (interrupted > 0) {
      say("%d period(s) were running when the scheduler last stopped; their firings are recovered", interrupted);
    }
    try {
      catchUp();
      quartz.start();
    } catch (SchedulerException e) {
      throw LiangshanException.failure(e, "Cannot start the scheduler: %s", e.getMessage());
    }
  }

  /** At most this many missed periods per job and region are caught up after a long stop. */
  static final int MAX_CATCH_UP = 24;

  /**
   * Before Quartz handles misfires (which folds every missed firing of a cron trigger into one, computing the
   * period of the restart time), schedules a one-shot catch-up firing for each earlier period whose firing was
   * missed while the scheduler was down and that has not succeeded: a stop across two month-ends still
   * computes both months. Jobs with the do-nothing policy are not caught up.
   */
  private void catchUp() throws SchedulerException {
    Instant now = clock.instant();
    Instant missedBefore = now.minusMillis(60_000);
    for (RunPlan.PlanJob job : plan.jobs().values()) {
      if (job.misfire() != RunPlan.Misfire.FIRE_ONCE_NOW) {
        continue;
      }
      for (String region : plan.regions()) {
        Trigger trigger = quartz.getTrigger(TriggerKey.triggerKey(job.name(), region));
        if (!(trigger instanceof CronTrigger cron) || cron.getNextFireTime() == null
            || !cron.getNextFireTime().toInstant().isBefore(missedBefore)
            || quartz.getTriggerState(trigger.getKey()) == Trigger.TriggerState.PAUSED) {
          continue;
        }
        Period current = plan.periodAt(job, now);
        java.util.LinkedHashSet<Period> missed = new java.util.LinkedHashSet<>();
        for (Date t = cron.getNextFireTime(); t != null && t.toInstant().isBefore(now) && missed.size() < MAX_CATCH_UP;
            t = cron.getFireTimeAfter(t)) {
          Period period = plan.periodAt(job, t.toInstant());
          if (!period.equals(current)) {
            missed.add(period);
          }
        }
        int index = 0;
        for (Period period : missed) {
          Optional<ScheduleStore.PeriodState> state = store.state(job.name(), region, period.toString());
          if (state.isEmpty() || !state.get().status().equals("SUCCEEDED")) {
            scheduleOneShot(job.name(), region, period.toString(), 1, 1, "catch-up", now.plusSeconds(++index));
            say("%s %s %s: its firing was missed while the scheduler was down; catching up", job.name(), region, period);
          }
        }
      }
    }
  }

  /**
   * One firing of a plan job for a region and period: the idempotency, dependency, retry and alert rules of the
   * class comment. Never throws for a job failure (the outcome says it); throws for a store failure.
   *
   * @param origin cron, retry, re-check, recovery or trigger (recorded in the run log's command)
   * @param rerun run even when the period already succeeded (an operator's explicit re-run)
   */
  public Outcome fire(String jobName, String regionId, Period period, int attempt, int check, String origin, boolean rerun) {
    RunPlan.PlanJob job = plan.job(jobName);
    if (period.kind() != job.period().kind()) {
      throw LiangshanException.badInput("Job %s computes %s periods; %s is a %s.", jobName, job.period().kind().name().toLowerCase(Locale.ROOT),
          period, period.kind().name().toLowerCase(Locale.ROOT));
    }
    JobKind kind = kinds.get(job.kind());
    Region region = Regions.load(regionId);
    String p = period.toString();
    Instant started = clock.instant();
    String command = String.format(Locale.ROOT, "liangshan schedule %s %s --region %s --period %s (plan %s, attempt %d/%d)",
        origin, jobName, regionId, p, plan.version(), attempt, job.retry().attempts());

    Optional<ScheduleStore.PeriodState> state = store.state(jobName, regionId, p);
    if (state.isPresent() && !rerun && state.get().status().equals("SUCCEEDED")) {
      return duplicate(job, kind, region, p, origin, attempt, started, command, state.get());
    }
    if (state.isPresent() && state.get().status().equals("RUNNING") && !ScheduleStore.ownerIsGone(state.get().message())) {
      return busy(job, regionId, p, origin, attempt, started);
    }
    if (origin.equals("cron") && state.isPresent() && Set.of("RETRYING", "WAITING").contains(state.get().status())
        && pendingOneShot(jobName, regionId, p)) {
      String reason = "a " + (state.get().status().equals("RETRYING") ? "retry" : "re-check") + " of " + p + " is already scheduled";
      store.history(new ScheduleStore.HistoryRow(jobName, regionId, p, origin, attempt, "SKIPPED", started, clock.instant(), null, reason));
      say("%s %s %s: skipped, %s", jobName, regionId, p, reason);
      return new Outcome(Result.SKIPPED, reason, null);
    }

    List<String> reasons;
    try {
      reasons = notReady(job, regionId, period);
    } catch (RuntimeException e) {
      return failed(job, kind, region, p, origin, attempt, started, command, null, e);
    }
    if (!reasons.isEmpty()) {
      return notReady(job, kind, region, p, origin, attempt, check, started, command, String.join("; ", reasons));
    }

    ScheduleStore.Claim claim = store.claim(jobName, regionId, p, attempt, rerun, started);
    if (claim == ScheduleStore.Claim.ALREADY_SUCCEEDED) {
      return duplicate(job, kind, region, p, origin, attempt, started, command, store.state(jobName, regionId, p).orElseThrow());
    }
    if (claim == ScheduleStore.Claim.ALREADY_RUNNING) {
      return busy(job, regionId, p, origin, attempt, started);
    }
    say("%s %s %s: running (%s, attempt %d/%d)", jobName, regionId, p, origin, attempt, job.retry().attempts());
    Run run = null;
    try {
      run = Run.start(catalog.get(), command, kind.runLogJob(), regionId, p, kind.parameterSet(region));
      String note = kind.run(run, region, period, new JobKind.Context(landing, this::say));
      run.succeed(note);
      Instant finished = clock.instant();
      store.record(new ScheduleStore.HistoryRow(jobName, regionId, p, origin, attempt, "SUCCEEDED", started, finished, run.id(), note),
          "SUCCEEDED", 0);
      say("%s %s %s: succeeded in %.1f s (run %s)%s", jobName, regionId, p, Duration.between(started, finished).toMillis() / 1000.0,
          run.id(), note == null ? "" : ": " + note);
      return new Outcome(Result.SUCCEEDED, note, run.id());
    } catch (RuntimeException | Error e) {
      return failed(job, kind, region, p, origin, attempt, started, command, run, e);
    }
  }

  /** Why the job's upstream jobs or inputs are not ready for the period (empty when they are). */
  List<String> notReady(RunPlan.PlanJob job, String region, Period period) {
    List<String> reasons = new ArrayList<>();
    for (String upstreamName : job.after()) {
      RunPlan.PlanJob upstream = plan.job(upstreamName);
      Period upstreamPeriod = Period.of(upstream.period().kind(), period.last());
      Optional<ScheduleStore.PeriodState> state = store.state(upstreamName, region, upstreamPeriod.toString());
      if (state.isEmpty() || !state.get().status().equals("SUCCEEDED")) {
        reasons.add("upstream " + upstreamName + " has not succeeded for " + upstreamPeriod
            + state.map(s -> " (it is " + s.status().toLowerCase(Locale.ROOT) + ")").orElse(" (it has not run)"));
      }
    }
    if (!job.needs().isEmpty()) {
      ReadinessChecks.Inputs inputs = new ReadinessChecks.Inputs(catalog.get(), region, period, landing, clock.instant(), plan.timeZone());
      for (String need : job.needs()) {
        ReadinessChecks.get(need).orElseThrow().notReady(inputs).ifPresent(reason -> reasons.add(need + ": " + reason));
      }
    }
    return reasons;
  }

  private Outcome notReady(RunPlan.PlanJob job, JobKind kind, Region region, String p, String origin, int attempt, int check,
      Instant started, String command, String reason) {
    RunPlan.Wait wait = job.waitPolicy();
    String message;
    String status;
    Result result;
    if (check < wait.checks()) {
      Instant at = clock.instant().plus(wait.recheck());
      scheduleOneShot(job.name(), region.id(), p, attempt, check + 1, "re-check", at);
      message = String.format(Locale.ROOT, "waiting (check %d/%d): %s; re-check at %s", check, wait.checks(), reason, at.truncatedTo(ChronoUnit.SECONDS));
      status = "WAITING";
      result = Result.WAITING;
    } else {
      message = String.format(Locale.ROOT, "skipped: inputs not ready after %d check(s): %s", check, reason);
      status = "SKIPPED";
      result = Result.SKIPPED;
    }
    String runId = runLogSkipped(kind, region, p, command, message);
    store.record(new ScheduleStore.HistoryRow(job.name(), region.id(), p, origin, attempt, status, started, clock.instant(), runId, message),
        status, check);
    say("%s %s %s: %s", job.name(), region.id(), p, message);
    return new Outcome(result, message, runId);
  }

  private Outcome duplicate(RunPlan.PlanJob job, JobKind kind, Region region, String p, String origin, int attempt, Instant started,
      String command, ScheduleStore.PeriodState done) {
    String message = "already succeeded for " + p + " in run " + done.runId() + " at " + done.updatedAt().truncatedTo(ChronoUnit.SECONDS)
        + "; not run again (schedule trigger --rerun runs it anyway)";
    String runId = runLogSkipped(kind, region, p, command, message);
    store.history(new ScheduleStore.HistoryRow(job.name(), region.id(), p, origin, attempt, "DUPLICATE", started, clock.instant(), runId, message));
    say("%s %s %s: skipped, %s", job.name(), region.id(), p, message);
    return new Outcome(Result.DUPLICATE, message, runId);
  }

  private Outcome busy(RunPlan.PlanJob job, String region, String p, String origin, int attempt, Instant started) {
    String message = p + " is running now (another firing or process); not started twice";
    store.history(new ScheduleStore.HistoryRow(job.name(), region, p, origin, attempt, "SKIPPED", started, clock.instant(), null, message));
    say("%s %s %s: skipped, %s", job.name(), region, p, message);
    return new Outcome(Result.BUSY, message, null);
  }

  private Outcome failed(RunPlan.PlanJob job, JobKind kind, Region region, String p, String origin, int attempt, Instant started,
      String command, Run run, Throwable error) {
    String reason = error.getClass().getSimpleName() + ": " + error.getMessage();
    Run failedRun = run;
    try {
      if (failedRun == null) {
        failedRun = Run.start(catalog.get(), command, kind.runLogJob(), region.id(), p, kind.parameterSet(region));
      }
      failedRun.fail(error);
    } catch (RuntimeException logFailure) {
      LOG.error("Could not write the failed run of {} {} {} to the run log", job.name(), region.id(), p, logFailure);
    }
    String runId = failedRun == null ? null : failedRun.id();
    RunPlan.Retry retry = job.retry();
    boolean badInput = error instanceof LiangshanException le && le.kind() == LiangshanException.Kind.BAD_INPUT;
    if (attempt < retry.attempts() && !badInput) {
      Instant at = clock.instant().plus(retry.delayAfter(attempt));
      scheduleOneShot(job.name(), region.id(), p, attempt + 1, 1, "retry", at);
      String message = String.format(Locale.ROOT, "attempt %d/%d failed: %s; retry at %s", attempt, retry.attempts(), reason,
          at.truncatedTo(ChronoUnit.MILLIS));
      store.record(new ScheduleStore.HistoryRow(job.name(), region.id(), p, origin, attempt, "FAILED", started, clock.instant(), runId, message),
          "RETRYING", 0);
      say("%s %s %s: %s", job.name(), region.id(), p, message);
      LOG.warn("{} {} {}: {}", job.name(), region.id(), p, message);
      return new Outcome(Result.RETRYING, message, runId);
    }
    String message = badInput
        ? String.format(Locale.ROOT, "failed on bad input (not retried): %s", reason)
        : String.format(Locale.ROOT, "failed after %d attempt(s): %s", attempt, reason);
    store.record(new ScheduleStore.HistoryRow(job.name(), region.id(), p, origin, attempt, "FAILED", started, clock.instant(), runId, message),
        "FAILED", 0);
    String alert = String.format(Locale.ROOT, "ALERT job %s region %s period %s %s (run %s)", job.name(), region.id(), p, message, runId);
    out.println("ERROR " + clock.instant().truncatedTo(ChronoUnit.SECONDS) + " " + alert);
    out.flush();
    LOG.error(alert);
    return new Outcome(Result.FAILED, message, runId);
  }

  /** Appends a SKIPPED entry with the reason to the run log; returns its run id. */
  private String runLogSkipped(JobKind kind, Region region, String p, String command, String message) {
    Run run = Run.start(catalog.get(), command, kind.runLogJob(), region.id(), p, kind.parameterSet(region));
    run.skipped(message);
    return run.id();
  }

  private boolean pendingOneShot(String job, String region, String period) {
    try {
      for (Trigger t : quartz.getTriggersOfJob(JobKey.jobKey(job, region))) {
        if (period.equals(t.getJobDataMap().getString("period")) && t.getNextFireTime() != null) {
          return true;
        }
      }
      return false;
    } catch (SchedulerException e) {
      throw LiangshanException.failure(e, "Cannot read the triggers of %s %s: %s", job, region, e.getMessage());
    }
  }

  /** A one-shot trigger for a retry or re-check of a period (paused when the job is paused). */
  private void scheduleOneShot(String job, String region, String period, int attempt, int check, String origin, Instant at) {
    JobKey jobKey = JobKey.jobKey(job, region);
    TriggerKey key = TriggerKey.triggerKey(job + "@" + period + "." + origin + "-" + (origin.equals("retry") ? attempt : check), region);
    Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key).forJob(jobKey).startAt(Date.from(at))
        .withDescription(origin + " of " + period)
        .usingJobData("period", period)
        .usingJobData("attempt", Integer.toString(attempt))
        .usingJobData("check", Integer.toString(check))
        .usingJobData("origin", origin)
        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
        .build();
    try {
      ensureJob(job, region);
      boolean paused = false;
      for (Trigger t : quartz.getTriggersOfJob(jobKey)) {
        paused |= quartz.getTriggerState(t.getKey()) == Trigger.TriggerState.PAUSED;
      }
      if (quartz.checkExists(key)) {
        quartz.rescheduleJob(key, trigger);
      } else {
        quartz.scheduleJob(trigger);
      }
      if (paused) {
        quartz.pauseTrigger(key);
      }
    } catch (SchedulerException e) {
      throw LiangshanException.failure(e, "Cannot schedule the %s of %s %s %s: %s", origin, job, region, period, e.getMessage());
    }
  }

  /** Adds the plan job's Quartz job for the region when the store does not have it yet (trigger before start). */
  public void ensureJob(String job, String region) {
    JobKey key = JobKey.jobKey(job, region);
    try {
      if (!quartz.checkExists(key)) {
        quartz.addJob(jobDetail(plan.job(job), key), false);
      }
    } catch (SchedulerException e) {
      throw LiangshanException.failure(e, "Cannot add job %s %s to the store: %s", job, region, e.getMessage());
    }
  }

  void say(String format, Object... args) {
    say(String.format(Locale.ROOT, format, args));
  }

  void say(String line) {
    out.println(clock.instant().truncatedTo(ChronoUnit.SECONDS) + " " + line);
    out.flush();
  }

  /** Stops firing and waits for a running job to finish; the store stays open (its owner closes it). */
  @Override
  public void close() {
    try {
      quartz.shutdown(true);
    } catch (SchedulerException e) {
      LOG.warn("Quartz did not shut down cleanly", e);
    }
  }
}
