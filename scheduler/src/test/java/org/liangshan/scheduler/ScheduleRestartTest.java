package org.liangshan.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

/** Real Quartz on a real H2 file store: a restart keeps the schedule and never runs a succeeded period again. */
class ScheduleRestartTest {
  private static final String PLAN = """
      version: test-restart-1
      timezone: UTC
      regions: [liyang]
      jobs:
        probe-yearly:
          kind: probe
          cron: "0/3 * * * * ?"
          period: year
      """;

  @Test
  void restartDoesNotRunASucceededPeriodAgain() throws Exception {
    ScheduleFixture f = new ScheduleFixture();
    RunPlan plan = ScheduleFixture.plan(PLAN);
    ScheduleFixture.Probe probe = new ScheduleFixture.Probe("probe", 0);
    String year = Integer.toString(Instant.now().atZone(ZoneOffset.UTC).getYear());

    Instant firstNextFire;
    try (ScheduleStore store = ScheduleStore.h2(f.storeDir)) {
      PlanScheduler first = f.open(plan, store, Map.of("probe", probe));
      try {
        first.sync();
        first.start();
        // The period runs once; later firings of the same year are duplicates.
        f.await("a run and a duplicate firing", Duration.ofSeconds(45),
            () -> probe.calls.size() == 1 && count(store, "DUPLICATE") >= 1);
      } finally {
        first.close();
      }
      assertThat(store.state("probe-yearly", "liyang", year).orElseThrow().status()).isEqualTo("SUCCEEDED");
    }
    long duplicatesBefore;
    try (ScheduleStore store = ScheduleStore.h2(f.storeDir)) {
      duplicatesBefore = count(store, "DUPLICATE");
      PlanScheduler second = f.open(plan, store, Map.of("probe", probe));
      try {
        // The schedule survived: the trigger is in the store before the plan is written again.
        Trigger kept = second.quartz().getTrigger(TriggerKey.triggerKey("probe-yearly", "liyang"));
        assertThat(kept).isInstanceOf(CronTrigger.class);
        assertThat(((CronTrigger) kept).getCronExpression()).isEqualTo("0/3 * * * * ?");
        firstNextFire = kept.getNextFireTime().toInstant();
        second.sync();
        assertThat(second.quartz().getTrigger(kept.getKey()).getNextFireTime().toInstant()).isEqualTo(firstNextFire);
        second.start();
        f.await("two firings after the restart", Duration.ofSeconds(45),
            () -> count(store, "DUPLICATE") >= duplicatesBefore + 2);
      } finally {
        second.close();
      }
      assertThat(probe.calls).hasSize(1);
      ScheduleStore.PeriodState state = store.state("probe-yearly", "liyang", year).orElseThrow();
      assertThat(state.status()).isEqualTo("SUCCEEDED");
      assertThat(state.attempts()).isEqualTo(1);
      List<ScheduleStore.HistoryRow> history = store.history("probe-yearly", 1000);
      assertThat(history).filteredOn(h -> h.outcome().equals("SUCCEEDED")).hasSize(1);
      assertThat(history).filteredOn(h -> h.outcome().equals("DUPLICATE"))
          .allSatisfy(h -> assertThat(h.message()).startsWith("already succeeded for " + year + " in run " + state.runId()));
    }

    // The run log has the one run and a SKIPPED entry, with the reason, for every duplicate firing.
    List<Row> log = f.runLog("probe");
    assertThat(log).filteredOn(r -> r.getAs("status").equals("SUCCEEDED")).singleElement()
        .satisfies(r -> {
          assertThat((String) r.getAs("period")).isEqualTo(year);
          assertThat((String) r.getAs("command")).contains("probe-yearly --region liyang --period " + year).contains("attempt 1/3");
          assertThat((String) r.getAs("message")).isEqualTo("probe ran for " + year);
        });
    assertThat(log).filteredOn(r -> r.getAs("status").equals("SKIPPED")).hasSizeGreaterThanOrEqualTo(3)
        .allSatisfy(r -> assertThat((String) r.getAs("message")).contains("already succeeded for " + year));
  }

  @Test
  void aLongStopCatchesUpEveryMissedPeriodOnce() throws Exception {
    ScheduleFixture f = new ScheduleFixture();
    RunPlan plan = ScheduleFixture.plan("""
        version: test-catch-up-1
        timezone: UTC
        regions: [liyang]
        jobs:
          probe-monthly:
            kind: probe
            cron: "0 0 3 5 * ?"
            period: previous-month
        """);
    ScheduleFixture.Probe probe = new ScheduleFixture.Probe("probe", 0);
    Instant stoppedAt = Instant.now().minus(Duration.ofDays(100));
    try (ScheduleStore store = ScheduleStore.h2(f.storeDir)) {
      PlanScheduler first = f.open(plan, store, Map.of("probe", probe));
      try {
        first.sync();
        // As if the scheduler had last run 100 days ago: the trigger's next firing is 100 days old.
        TriggerKey key = TriggerKey.triggerKey("probe-monthly", "liyang");
        first.quartz().rescheduleJob(key, org.quartz.TriggerBuilder.newTrigger().withIdentity(key).forJob("probe-monthly", "liyang")
            .startAt(java.util.Date.from(stoppedAt))
            .withSchedule(org.quartz.CronScheduleBuilder.cronSchedule("0 0 3 5 * ?").inTimeZone(java.util.TimeZone.getTimeZone("UTC"))
                .withMisfireHandlingInstructionFireAndProceed())
            .build());
      } finally {
        first.close();
      }
    }
    // The missed firings (Quartz's own cron arithmetic as the oracle) and the periods they compute.
    org.quartz.CronExpression cron = new org.quartz.CronExpression("0 0 3 5 * ?");
    cron.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
    java.util.Set<String> expected = new java.util.TreeSet<>();
    for (java.util.Date t = cron.getNextValidTimeAfter(java.util.Date.from(stoppedAt)); t.before(new java.util.Date());
        t = cron.getNextValidTimeAfter(t)) {
      expected.add(plan.periodAt(plan.job("probe-monthly"), t.toInstant()).toString());
    }
    expected.add(plan.periodAt(plan.job("probe-monthly"), Instant.now()).toString());
    assertThat(expected).hasSizeBetween(4, 5);

    try (ScheduleStore store = ScheduleStore.h2(f.storeDir)) {
      PlanScheduler second = f.open(plan, store, Map.of("probe", probe));
      try {
        second.sync();
        second.start();
        f.await("every missed period to run", Duration.ofSeconds(50), () -> probe.calls.size() >= expected.size());
        Thread.sleep(2000); // nothing more runs
      } finally {
        second.close();
      }
      assertThat(new java.util.TreeSet<>(probe.periods)).containsExactlyElementsOf(
          expected.stream().map(p -> "liyang " + p).toList());
      assertThat(probe.periods).hasSize(expected.size());
      assertThat(store.history("probe-monthly", 100)).extracting(ScheduleStore.HistoryRow::origin).contains("catch-up", "cron");
    }
  }

  private static long count(ScheduleStore store, String outcome) {
    return store.history("probe-yearly", 10_000).stream().filter(h -> h.outcome().equals(outcome)).count();
  }
}
