package org.liangshan.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.liangshan.pipelines.raster.RasterTables;
import org.quartz.JobKey;
import org.quartz.Trigger;

/**
 * Dependencies hold a job back: the monthly-scenes check over a real silver.raster_scenes Delta table, and an
 * upstream plan job that has not succeeded for the period. Not ready → waiting with the reason (a re-check
 * trigger in the store) or, after the last check, skipped; ready → runs.
 */
class ScheduleDependencyTest {
  private static final String PLAN = """
      version: test-dependency-1
      timezone: UTC
      regions: [liyang]
      jobs:
        sink-monthly:
          kind: sink
          cron: "0 0 0 1 1 ? 2099"
          period: month
          needs: [monthly-scenes]
          wait: {recheck: PT2S, checks: 30}
        board-monthly:
          kind: board
          cron: "0 0 0 1 1 ? 2099"
          period: month
          after: [sink-monthly]
          wait: {recheck: PT2S, checks: 30}
        once-monthly:
          kind: once
          cron: "0 0 0 1 1 ? 2099"
          period: month
          needs: [monthly-scenes]
          wait: {recheck: PT1S, checks: 1}
      """;

  @Test
  void notReadyWaitsWithTheReasonAndRunsOnceReady() throws Exception {
    ScheduleFixture f = new ScheduleFixture();
    ScheduleFixture.Probe sink = new ScheduleFixture.Probe("sink", 0);
    ScheduleFixture.Probe board = new ScheduleFixture.Probe("board", 0);
    ScheduleFixture.Probe once = new ScheduleFixture.Probe("once", 0);
    Period february = Period.parse("2024-02");
    // January complete, February without its PET scene.
    appendScenes(f, List.of("2024-01 ndvi", "2024-01 temperature", "2024-01 precipitation", "2024-01 radiation", "2024-01 et",
        "2024-01 pet", "2024-02 ndvi", "2024-02 temperature", "2024-02 precipitation", "2024-02 radiation", "2024-02 et"));

    try (ScheduleStore store = ScheduleStore.h2(f.storeDir)) {
      PlanScheduler scheduler = f.open(ScheduleFixture.plan(PLAN), store, Map.of("sink", sink, "board", board, "once", once));
      try {
        scheduler.sync();
        PlanScheduler.Outcome boardWaits = scheduler.fire("board-monthly", "liyang", february, 1, 1, "trigger", false);
        assertThat(boardWaits.result()).isEqualTo(PlanScheduler.Result.WAITING);
        assertThat(boardWaits.message()).startsWith("waiting (check 1/30): upstream sink-monthly has not succeeded for 2024-02 (it has not run)");

        PlanScheduler.Outcome sinkWaits = scheduler.fire("sink-monthly", "liyang", february, 1, 1, "trigger", false);
        assertThat(sinkWaits.result()).isEqualTo(PlanScheduler.Result.WAITING);
        assertThat(sinkWaits.message()).startsWith(
            "waiting (check 1/30): monthly-scenes: silver.raster_scenes lacks 1 monthly scene(s) of liyang: 2024-02 pet; re-check at ");
        assertThat(sink.calls).isEmpty();
        assertThat(board.calls).isEmpty();
        // The re-checks are Quartz triggers in the store.
        List<? extends Trigger> sinkTriggers = scheduler.quartz().getTriggersOfJob(JobKey.jobKey("sink-monthly", "liyang"));
        assertThat(sinkTriggers).anySatisfy(t -> assertThat(t.getJobDataMap().getString("check")).isEqualTo("2"));

        // The last check of a job allowed one is a skip, with the reason.
        PlanScheduler.Outcome skipped = scheduler.fire("once-monthly", "liyang", Period.parse("2024-03"), 1, 1, "trigger", false);
        assertThat(skipped.result()).isEqualTo(PlanScheduler.Result.SKIPPED);
        assertThat(skipped.message()).isEqualTo("skipped: inputs not ready after 1 check(s): monthly-scenes: silver.raster_scenes lacks 7"
            + " monthly scene(s) of liyang: 2024-02 pet, 2024-03 ndvi, 2024-03 temperature, 2024-03 precipitation, 2024-03 radiation,"
            + " 2024-03 et and 1 more");
        assertThat(once.calls).isEmpty();

        // The missing scene arrives; the scheduler's re-checks run sink, then board after it.
        appendScenes(f, List.of("2024-02 pet"));
        scheduler.start();
        f.await("sink then board to run", Duration.ofSeconds(50), () -> board.calls.size() == 1);
      } finally {
        scheduler.close();
      }
      assertThat(sink.calls).hasSize(1);
      assertThat(sink.periods).containsExactly("liyang 2024-02");
      assertThat(board.calls.get(0)).isAfter(sink.calls.get(0));
      assertThat(store.state("sink-monthly", "liyang", "2024-02").orElseThrow().status()).isEqualTo("SUCCEEDED");
      assertThat(store.state("board-monthly", "liyang", "2024-02").orElseThrow().status()).isEqualTo("SUCCEEDED");
      assertThat(store.state("once-monthly", "liyang", "2024-03").orElseThrow().status()).isEqualTo("SKIPPED");
      assertThat(store.history("sink-monthly", 100)).extracting(ScheduleStore.HistoryRow::origin).contains("re-check");
    }
    List<Row> sinkLog = f.runLog("sink");
    assertThat(sinkLog.get(0).<String>getAs("status")).isEqualTo("SKIPPED");
    assertThat(sinkLog.get(0).<String>getAs("message")).contains("2024-02 pet");
    assertThat(sinkLog).filteredOn(r -> r.getAs("status").equals("SUCCEEDED")).hasSize(1);
    assertThat(f.runLog("once")).singleElement().satisfies(r -> assertThat(r.<String>getAs("status")).isEqualTo("SKIPPED"));
  }

  private static void appendScenes(ScheduleFixture f, List<String> monthProducts) {
    List<Row> rows = new ArrayList<>();
    for (String mp : monthProducts) {
      String month = mp.substring(0, 7);
      String product = mp.substring(8);
      rows.add(RowFactory.create("liyang", product, month, Integer.parseInt(month.substring(0, 4)), Integer.parseInt(month.substring(5)),
          "unit", "file:/scenes/" + product + "_" + month + ".tif", "EPSG:4326", 10, 10, 0.01, 0.01, 119.0, 31.0, 119.1, 31.1, null,
          "sha-" + mp, "rasters/" + product + "_" + month + ".tif", "test-ingest"));
    }
    f.catalog.ensure(RasterTables.SCENES);
    f.catalog.append(RasterTables.SCENES, f.catalog.spark().createDataFrame(rows, RasterTables.SCENES.schema()));
  }
}
