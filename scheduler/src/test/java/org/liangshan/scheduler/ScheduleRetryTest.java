package org.liangshan.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** A failed job retries with back-off on real Quartz triggers; the last failure ends `failed` with an alert. */
class ScheduleRetryTest {
  private static final String PLAN = """
      version: test-retry-1
      timezone: UTC
      regions: [liyang]
      jobs:
        flaky-monthly:
          kind: flaky
          cron: "0 0 0 1 1 ? 2099"
          period: month
          retry: {attempts: 3, delay: PT2S, multiplier: 2, max-delay: PT1M}
        broken-monthly:
          kind: broken
          cron: "0 0 0 1 1 ? 2099"
          period: month
          retry: {attempts: 2, delay: PT1S}
      """;

  @Test
  void failingTwiceThenSucceedingRunsThreeTimesWithBackOffAndAlwaysFailingAlerts() throws Exception {
    ScheduleFixture f = new ScheduleFixture();
    ScheduleFixture.Probe flaky = new ScheduleFixture.Probe("flaky", 2);
    ScheduleFixture.Probe broken = new ScheduleFixture.Probe("broken", Integer.MAX_VALUE);
    Period march = Period.parse("2024-03");
    try (ScheduleStore store = ScheduleStore.h2(f.storeDir)) {
      PlanScheduler scheduler = f.open(ScheduleFixture.plan(PLAN), store, Map.of("flaky", flaky, "broken", broken));
      try {
        scheduler.sync();
        scheduler.start();
        PlanScheduler.Outcome first = scheduler.fire("flaky-monthly", "liyang", march, 1, 1, "trigger", false);
        assertThat(first.result()).isEqualTo(PlanScheduler.Result.RETRYING);
        assertThat(first.message()).startsWith("attempt 1/3 failed: IllegalStateException: flaky call 1 fails on purpose; retry at ");
        PlanScheduler.Outcome brokenFirst = scheduler.fire("broken-monthly", "liyang", march, 1, 1, "trigger", false);
        assertThat(brokenFirst.result()).isEqualTo(PlanScheduler.Result.RETRYING);

        f.await("flaky to succeed and broken to fail", Duration.ofSeconds(50),
            () -> status(store, "flaky-monthly").equals("SUCCEEDED") && status(store, "broken-monthly").equals("FAILED"));
      } finally {
        scheduler.close();
      }

      // Three calls, the second 2 s after the first failed, the third 4 s after the second (2 s x 2).
      assertThat(flaky.calls).hasSize(3);
      assertThat(Duration.between(flaky.calls.get(0), flaky.calls.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
      assertThat(Duration.between(flaky.calls.get(1), flaky.calls.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(3900));
      assertThat(store.history("flaky-monthly", 10)).extracting(ScheduleStore.HistoryRow::outcome, ScheduleStore.HistoryRow::origin,
              ScheduleStore.HistoryRow::attempt)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("SUCCEEDED", "retry", 3), org.assertj.core.groups.Tuple.tuple("FAILED", "retry", 2),
              org.assertj.core.groups.Tuple.tuple("FAILED", "trigger", 1));
      assertThat(store.state("flaky-monthly", "liyang", "2024-03").orElseThrow().attempts()).isEqualTo(3);

      assertThat(broken.calls).hasSize(2);
      ScheduleStore.PeriodState failed = store.state("broken-monthly", "liyang", "2024-03").orElseThrow();
      assertThat(failed.message()).isEqualTo("failed after 2 attempt(s): IllegalStateException: broken call 2 fails on purpose");
      // No retry is left pending once the job has failed for good.
      assertThat(store.history("broken-monthly", 10)).hasSize(2);
    }
    assertThat(f.output()).containsPattern(
        "ERROR \\S+ ALERT job broken-monthly region liyang period 2024-03 failed after 2 attempt\\(s\\): "
            + "IllegalStateException: broken call 2 fails on purpose \\(run \\S+-broken-\\S+\\)");

    List<Row> flakyLog = f.runLog("flaky");
    assertThat(flakyLog).extracting(r -> (String) r.getAs("status")).containsExactly("FAILED", "FAILED", "SUCCEEDED");
    assertThat(flakyLog).extracting(r -> (String) r.getAs("command")).allSatisfy(c -> assertThat(c).contains("flaky-monthly --region liyang --period 2024-03"));
    assertThat((String) flakyLog.get(2).getAs("command")).contains("attempt 3/3").startsWith("liangshan schedule retry");
    assertThat((String) flakyLog.get(0).getAs("message")).isEqualTo("IllegalStateException: flaky call 1 fails on purpose");
    List<Row> brokenLog = f.runLog("broken");
    assertThat(brokenLog).extracting(r -> (String) r.getAs("status")).containsExactly("FAILED", "FAILED");
    assertThat((String) brokenLog.get(1).getAs("message")).isEqualTo("IllegalStateException: broken call 2 fails on purpose");
  }

  private static String status(ScheduleStore store, String job) {
    return store.state(job, "liyang", "2024-03").map(ScheduleStore.PeriodState::status).orElse("none");
  }
}
