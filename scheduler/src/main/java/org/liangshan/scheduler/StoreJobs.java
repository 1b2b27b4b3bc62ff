package org.liangshan.scheduler;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.text.TextTable;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

/** What {@code liangshan schedule list | status | pause | resume} do with the jobs in a store (Quartz stays here). */
public final class StoreJobs {
  private static final String[] COLUMNS =
      {"job", "region", "runs", "cron", "time zone", "state", "next firing", "pending retries/re-checks (UTC)"};

  private StoreJobs() {}

  /** The store's jobs as a table, or empty when 'liangshan schedule start' has not written any yet. */
  public static Optional<String> jobsTable(ScheduleStore jobStore) throws SchedulerException {
    Scheduler quartz = PlanScheduler.quartz(jobStore, 1);
    try {
      return quartz.getJobGroupNames().isEmpty() ? Optional.empty() : Optional.of(jobsTable(quartz, null));
    } finally {
      quartz.shutdown(false);
    }
  }

  /** The table's header alone, for a store without jobs. */
  public static String emptyJobsTable() {
    return new TextTable(COLUMNS).toString();
  }

  /**
   * Pauses or resumes the store's jobs named {@code job} (every job when null) of {@code region} (every
   * region when null), and says which.
   */
  public static String pauseOrResume(ScheduleStore jobStore, String job, String region, boolean pause) throws SchedulerException {
    Scheduler quartz = PlanScheduler.quartz(jobStore, 1);
    try {
      List<JobKey> keys = new ArrayList<>();
      for (String group : quartz.getJobGroupNames()) {
        for (JobKey key : quartz.getJobKeys(GroupMatcher.jobGroupEquals(group))) {
          if ((job == null || key.getName().equals(job)) && (region == null || key.getGroup().equals(region))) {
            keys.add(key);
          }
        }
      }
      if (keys.isEmpty()) {
        throw LiangshanException.badInput("No job %s%s in the store %s (jobs are written by 'liangshan schedule start').",
            job == null ? "" : "'" + job + "'", region == null ? "" : " for region " + region, jobStore.description());
      }
      if (job == null && region == null) {
        if (pause) {
          quartz.pauseAll();
        } else {
          quartz.resumeAll();
        }
      } else {
        for (JobKey key : keys) {
          if (pause) {
            quartz.pauseJob(key);
          } else {
            quartz.resumeJob(key);
          }
        }
      }
      return (pause ? "Paused " : "Resumed ") + keys.size() + " job(s): "
          + String.join(", ", keys.stream().map(k -> k.getName() + "/" + k.getGroup()).toList()) + ".";
    } finally {
      quartz.shutdown(false);
    }
  }

  /** Every job in the store with its cron trigger and pending one-shot (retry, re-check) triggers. */
  public static String jobsTable(Scheduler quartz, ZoneId zone) throws SchedulerException {
    TextTable table = new TextTable(COLUMNS);
    List<JobKey> keys = new ArrayList<>();
    for (String group : quartz.getJobGroupNames()) {
      keys.addAll(quartz.getJobKeys(GroupMatcher.jobGroupEquals(group)));
    }
    keys.sort(java.util.Comparator.comparing(JobKey::getGroup).thenComparing(JobKey::getName));
    {
      for (JobKey key : keys) {
        String description = Optional.ofNullable(quartz.getJobDetail(key).getDescription()).orElse("");
        Trigger cron = quartz.getTrigger(TriggerKey.triggerKey(key.getName(), key.getGroup()));
        List<String> pending = new ArrayList<>();
        for (Trigger t : quartz.getTriggersOfJob(key)) {
          if (!(t instanceof CronTrigger) && t.getNextFireTime() != null) {
            pending.add(t.getDescription() + " at " + seconds(t.getNextFireTime().toInstant()));
          }
        }
        String cronText = cron instanceof CronTrigger c ? c.getCronExpression() : "";
        ZoneId tz = cron instanceof CronTrigger c ? c.getTimeZone().toZoneId() : zone;
        table.row(key.getName(), key.getGroup(), description.split(",")[0], cronText, tz == null ? "" : tz,
            cron == null ? "NONE" : quartz.getTriggerState(cron.getKey()),
            cron == null || cron.getNextFireTime() == null ? "" : at(cron.getNextFireTime(), tz),
            String.join("; ", pending));
      }
    }
    return table.toString();
  }

  private static String at(Date date, ZoneId zone) {
    ZoneId z = zone == null ? ZoneId.of("UTC") : zone;
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(z).format(date.toInstant());
  }

  private static String seconds(java.time.Instant instant) {
    return instant.toString().length() >= 19 ? instant.toString().substring(0, 19) : instant.toString();
  }
}
