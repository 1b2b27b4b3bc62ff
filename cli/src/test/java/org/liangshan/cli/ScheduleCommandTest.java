package org.liangshan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The schedule commands end to end on the shipped run plan: start writes the plan into a fresh H2 store and
 * stops; list and status read it without firing; a pause survives a restart; trigger runs a job now through
 * the input checks (an empty lakehouse: the annual GEP waits for its scenes, recorded in the run log).
 */
class ScheduleCommandTest {
  @Test
  void startListPauseRestartResumeTriggerAndRuns() throws Exception {
    Path work = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "schedule-cli");
    String lakehouse = work.resolve("lakehouse").toString();
    Files.createDirectories(work.resolve("landing"));

    CalcCommandTest.Result empty = CalcCommandTest.run("schedule", "list", "--lakehouse", lakehouse);
    assertThat(empty.status()).as(empty.err()).isZero();
    assertThat(empty.out()).contains("No jobs in the store");

    CalcCommandTest.Result start = CalcCommandTest.run("schedule", "start", "--run-for", "PT1S", "--lakehouse", lakehouse,
        "--landing", work.resolve("landing").toString());
    assertThat(start.status()).as(start.err()).isZero();
    assertThat(start.out()).contains("Run plan run-plan-2026.1 (9 jobs x 2 regions)");
    assertThat(start.err()).contains("Scheduler started for PT1S.").contains("Scheduler stopped.");
    assertThat(Files.exists(work.resolve("lakehouse/ops/_scheduler/quartz.mv.db"))).isTrue();

    CalcCommandTest.Result list = CalcCommandTest.run("schedule", "list", "--lakehouse", lakehouse);
    assertThat(list.status()).as(list.err()).isZero();
    assertThat(list.out().lines().filter(l -> l.contains("NORMAL")).count()).isEqualTo(18);
    assertThat(list.out()).containsPattern("accounting-monthly +liyang +accounting +0 0 5 5 \\* \\? +Asia/Shanghai +NORMAL");
    assertThat(list.out()).containsPattern("gep-annual +tianjin +accounting +0 0 3 20 1 \\?");

    CalcCommandTest.Result pause = CalcCommandTest.run("schedule", "pause", "accounting-monthly", "--lakehouse", lakehouse);
    assertThat(pause.status()).as(pause.err()).isZero();
    assertThat(pause.out()).isEqualToIgnoringNewLines("Paused 2 job(s): accounting-monthly/liyang, accounting-monthly/tianjin.");
    CalcCommandTest.Result unknown = CalcCommandTest.run("schedule", "pause", "no-such-job", "--lakehouse", lakehouse);
    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.err()).contains("No job 'no-such-job' in the store");

    // The pause survives a restart that rewrites the plan into the store.
    CalcCommandTest.Result restart = CalcCommandTest.run("schedule", "start", "--run-for", "PT1S", "--lakehouse", lakehouse);
    assertThat(restart.status()).as(restart.err()).isZero();
    CalcCommandTest.Result paused = CalcCommandTest.run("schedule", "status", "--lakehouse", lakehouse);
    assertThat(paused.out()).containsPattern("accounting-monthly +liyang +accounting .* PAUSED");
    assertThat(paused.out()).containsPattern("accounting-monthly +tianjin +accounting .* PAUSED");
    assertThat(paused.out().lines().filter(l -> l.contains("NORMAL")).count()).isEqualTo(16);

    CalcCommandTest.Result resume = CalcCommandTest.run("schedule", "resume", "accounting-monthly", "--region", "liyang", "--lakehouse", lakehouse);
    assertThat(resume.out()).contains("Resumed 1 job(s): accounting-monthly/liyang.");
    CalcCommandTest.Result resumed = CalcCommandTest.run("schedule", "list", "--lakehouse", lakehouse);
    assertThat(resumed.out()).containsPattern("accounting-monthly +liyang +accounting .* NORMAL");
    assertThat(resumed.out()).containsPattern("accounting-monthly +tianjin +accounting .* PAUSED");

    // Nothing ingested: the annual GEP of 2023 waits for December's market run and for its scenes (exit 3), with the
    // reasons in the run log.
    CalcCommandTest.Result trigger = CalcCommandTest.run("schedule", "trigger", "gep-annual", "--period", "2023", "--region", "liyang",
        "--lakehouse", lakehouse);
    assertThat(trigger.status()).as(trigger.err()).isEqualTo(3);
    assertThat(trigger.out()).contains("WAITING").contains("upstream market-monthly has not succeeded for 2023-12 (it has not run)");
    CalcCommandTest.Result wrongPeriod = CalcCommandTest.run("schedule", "trigger", "gep-annual", "--period", "2023-05",
        "--lakehouse", lakehouse);
    assertThat(wrongPeriod.status()).isEqualTo(2);
    assertThat(wrongPeriod.err()).contains("Job gep-annual computes year periods; 2023-05 is a month.");

    CalcCommandTest.Result runs = CalcCommandTest.run("runs", "--job", "accounting", "--lakehouse", lakehouse);
    assertThat(runs.status()).as(runs.err()).isZero();
    assertThat(runs.out()).containsPattern("accounting +liyang +2023 +SKIPPED .*waiting \\(check 1/8\\): upstream market-monthly has not succ");
    CalcCommandTest.Result status = CalcCommandTest.run("schedule", "status", "--lakehouse", lakehouse);
    assertThat(status.out()).containsPattern("gep-annual +liyang +2023 +WAITING +1 +1 ");
    assertThat(status.out()).containsPattern("gep-annual +liyang .* re-check of 2023 at \\d{4}-");
  }

  @Test
  void everySubcommandHasHelp() {
    for (String sub : new String[] {"start", "status", "list", "trigger", "pause", "resume"}) {
      CalcCommandTest.Result help = CalcCommandTest.run("schedule", sub, "--help");
      assertThat(help.status()).as(sub).isZero();
      assertThat(help.out()).as(sub).contains("Usage: liangshan schedule " + sub);
    }
    CalcCommandTest.Result bare = CalcCommandTest.run("schedule");
    assertThat(bare.status()).isEqualTo(2);
    assertThat(bare.err()).contains("Missing subcommand");
  }
}
