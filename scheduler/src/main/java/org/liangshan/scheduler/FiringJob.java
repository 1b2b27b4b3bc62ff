package org.liangshan.scheduler;

import java.time.Instant;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job behind every plan job: reads which period the firing is for (from a retry or re-check
 * trigger's data, else from the scheduled fire time, also for a recovered firing) and hands it to
 * {@link PlanScheduler#fire}. One firing of a (job, region) at a time.
 */
@DisallowConcurrentExecution
public final class FiringJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(FiringJob.class);

  @Override
  public void execute(JobExecutionContext context) {
    String job = context.getJobDetail().getKey().getName();
    String region = context.getJobDetail().getKey().getGroup();
    try {
      PlanScheduler scheduler = (PlanScheduler) context.getScheduler().getContext().get(PlanScheduler.CONTEXT_KEY);
      JobDataMap data = context.getMergedJobDataMap();
      String origin = context.isRecovering() ? "recovery" : data.containsKey("origin") ? data.getString("origin") : "cron";
      Period period;
      if (data.containsKey("period")) {
        period = Period.parse(data.getString("period"));
      } else {
        Instant scheduled = context.getScheduledFireTime().toInstant();
        if (context.isRecovering() && data.containsKey(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS)) {
          scheduled = Instant.ofEpochMilli(Long.parseLong(data.getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS)));
        }
        period = scheduler.plan().periodAt(scheduler.plan().job(job), scheduled);
      }
      int attempt = data.containsKey("attempt") ? Integer.parseInt(data.getString("attempt")) : 1;
      int check = data.containsKey("check") ? Integer.parseInt(data.getString("check")) : 1;
      scheduler.fire(job, region, period, attempt, check, origin, false);
    } catch (SchedulerException | RuntimeException e) {
      // The firing's own failures are handled by fire(); this is the store or the plan failing.
      LOG.error("Scheduled firing of {} {} could not be handled", job, region, e);
    }
  }
}
