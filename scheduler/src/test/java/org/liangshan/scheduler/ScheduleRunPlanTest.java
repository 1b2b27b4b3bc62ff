package org.liangshan.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.liangshan.core.LiangshanException;

/** The shipped run plan, the period rules and the plan's error messages (no Spark, no Quartz start). */
class ScheduleRunPlanTest {
  @Test
  void shippedPlanHasEveryJobWithItsCalendarAndDependencies() {
    RunPlan plan = RunPlan.defaultPlan();
    assertThat(plan.version()).isEqualTo("run-plan-2026.1");
    assertThat(plan.timeZone().getId()).isEqualTo("Asia/Shanghai");
    assertThat(plan.regions()).containsExactly("liyang", "tianjin");
    assertThat(plan.jobs().keySet()).containsExactly("ingest-daily", "accounting-monthly", "market-monthly", "compensation-quarterly",
        "valuation-quarterly", "margin-daily", "bank-book-quarterly", "gep-annual", "realization-annual");
    // The margin check runs every day once that morning's ingestion has loaded the trades delivered through yesterday.
    assertThat(plan.job("margin-daily").kind()).isEqualTo("margin");
    assertThat(plan.job("margin-daily").period()).isEqualTo(RunPlan.PeriodRule.DAY);
    assertThat(plan.job("margin-daily").after()).containsExactly("ingest-daily");
    // The market first: its gold.zone_capacity caps water purification in the accounting.
    assertThat(plan.job("accounting-monthly").after()).containsExactly("market-monthly");
    assertThat(plan.job("market-monthly").after()).isEmpty();
    assertThat(plan.job("gep-annual").after()).containsExactly("market-monthly");
    assertThat(plan.job("realization-annual").after()).containsExactly("gep-annual", "compensation-quarterly", "bank-book-quarterly");
    assertThat(plan.job("realization-annual").kind()).isEqualTo("realization");
    assertThat(plan.job("bank-book-quarterly").after()).containsExactly("valuation-quarterly", "compensation-quarterly");
    assertThat(plan.job("compensation-quarterly").needs()).containsExactly("water-quality");
    assertThat(plan.job("gep-annual").retry()).isEqualTo(new RunPlan.Retry(3, Duration.ofMinutes(10), 3, Duration.ofHours(2)));
    assertThat(plan.job("ingest-daily").misfire()).isEqualTo(RunPlan.Misfire.FIRE_ONCE_NOW);
    for (RunPlan.PlanJob job : plan.jobs().values()) {
      assertThat(job.needs()).allSatisfy(n -> assertThat(ReadinessChecks.names()).contains(n));
    }
  }

  @Test
  void firingsComputeThePeriodOfTheirScheduledTimeInThePlanZone() {
    RunPlan plan = RunPlan.defaultPlan();
    // 03:00 on 5 April in Shanghai is 19:00 on 4 April UTC: still the April firing, for March.
    Instant april5 = Instant.parse("2024-04-04T19:00:00Z");
    assertThat(plan.periodAt(plan.job("accounting-monthly"), april5)).hasToString("2024-03");
    assertThat(plan.periodAt(plan.job("compensation-quarterly"), Instant.parse("2024-01-09T20:00:00Z"))).hasToString("2023-Q4");
    assertThat(plan.periodAt(plan.job("gep-annual"), Instant.parse("2024-01-19T19:00:00Z"))).hasToString("2023");
    assertThat(plan.periodAt(plan.job("ingest-daily"), Instant.parse("2024-02-29T17:30:00Z"))).hasToString("2024-03-01");
  }

  @Test
  void periodsParsePrintAndNest() {
    Period q1 = Period.parse("2024-Q1");
    assertThat(q1.first()).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(q1.last()).isEqualTo(LocalDate.of(2024, 3, 31));
    assertThat(q1.months()).hasSize(3);
    assertThat(Period.of(Period.Kind.MONTH, q1.last())).hasToString("2024-03");
    assertThat(Period.parse("2024-02").yearToDate()).extracting(Object::toString).containsExactly("2024-01", "2024-02");
    assertThat(Period.parse("2024").previous()).hasToString("2023");
    assertThat(Period.parse("2024-02-29").next()).hasToString("2024-03-01");
    assertThatThrownBy(() -> Period.parse("2024-13")).isInstanceOf(LiangshanException.class).hasMessageStartingWith("Invalid period '2024-13'");
    assertThatThrownBy(() -> Period.parse("Q1")).hasMessage("Invalid period 'Q1': expected yyyy-MM-dd, yyyy-MM, yyyy-Qn or yyyy.");
  }

  @Test
  void badPlansAreRefusedNamingTheJobAndField() {
    assertThatThrownBy(() -> ScheduleFixture.plan("version: v\njobs:\n  a:\n    kind: probe\n    cron: \"0 0 25 * * ?\"\n    period: month\n"))
        .isInstanceOf(LiangshanException.class).hasMessageStartingWith("test plan job 'a': field 'cron': invalid Quartz cron expression '0 0 25 * * ?'");
    assertThatThrownBy(() -> ScheduleFixture.plan("version: v\njobs:\n  a:\n    kind: probe\n    cron: \"0 0 1 * * ?\"\n    period: weekly\n"))
        .hasMessageStartingWith("test plan job 'a': field 'period': unknown period 'weekly'");
    assertThatThrownBy(() -> ScheduleFixture.plan("version: v\njobs:\n  a:\n    kind: probe\n    cron: \"0 0 1 * * ?\"\n    period: day\n    after: [b]\n"))
        .hasMessage("test plan job 'a': field 'after': 'b' is not a job of the plan.");
    assertThatThrownBy(() -> ScheduleFixture.plan("version: v\njobs:\n  a:\n    kind: probe\n    cron: \"0 0 1 * * ?\"\n    period: day\n    after: [b]\n"
        + "  b:\n    kind: probe\n    cron: \"0 0 1 * * ?\"\n    period: day\n    after: [a]\n"))
        .hasMessageContaining("jobs wait on each other in a cycle");
    assertThatThrownBy(() -> ScheduleFixture.plan("version: v\nregions: [beijing]\njobs:\n  a:\n    kind: probe\n    cron: \"0 0 1 * * ?\"\n    period: day\n"))
        .hasMessage("Run plan test plan: field 'regions': unknown region 'beijing' (liyang, tianjin).");
    assertThatThrownBy(() -> ScheduleFixture.plan("version: v\njobs:\n  a:\n    kind: probe\n    cron: \"0 0 1 * * ?\"\n    period: day\n    retry: {delay: 10m}\n"))
        .hasMessageContaining("field 'delay': '10m' is not an ISO-8601 duration");
  }
}
