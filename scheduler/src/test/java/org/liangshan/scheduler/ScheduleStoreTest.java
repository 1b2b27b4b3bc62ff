package org.liangshan.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The H2 store on its own: schema created once, claims, and a claim left by a killed process. */
class ScheduleStoreTest {
  @Test
  void claimsAreExclusiveAndAKilledClaimantsPeriodCanRunAgain() throws Exception {
    Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "schedule-store");
    try (ScheduleStore store = ScheduleStore.h2(dir)) {
      assertThat(store.claim("j", "liyang", "2024-03", 1, false, Instant.now())).isEqualTo(ScheduleStore.Claim.CLAIMED);
      // This process still runs it: a second claim is refused.
      assertThat(store.claim("j", "liyang", "2024-03", 1, false, Instant.now())).isEqualTo(ScheduleStore.Claim.ALREADY_RUNNING);
      assertThat(store.state("j", "liyang", "2024-03").orElseThrow().message()).isEqualTo("running in process " + ScheduleStore.PROCESS);
      store.record(new ScheduleStore.HistoryRow("j", "liyang", "2024-03", "cron", 1, "SUCCEEDED", Instant.now(), Instant.now(), "run-1", null),
          "SUCCEEDED", 0);
      assertThat(store.claim("j", "liyang", "2024-03", 1, false, Instant.now())).isEqualTo(ScheduleStore.Claim.ALREADY_SUCCEEDED);
      assertThat(store.claim("j", "liyang", "2024-03", 1, true, Instant.now())).isEqualTo(ScheduleStore.Claim.CLAIMED);
    }
    // Reopening does not recreate (or drop) anything: the state is still there.
    try (ScheduleStore store = ScheduleStore.h2(dir)) {
      assertThat(store.state("j", "liyang", "2024-03").orElseThrow().status()).isEqualTo("RUNNING");
      assertThat(store.history("j", 10)).hasSize(1);
    }

    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    String host = ScheduleStore.PROCESS.substring(ScheduleStore.PROCESS.indexOf('@'));
    assertThat(ScheduleStore.ownerIsGone("running in process " + dead.pid() + host)).isTrue();
    assertThat(ScheduleStore.ownerIsGone("running in process " + ScheduleStore.PROCESS)).isFalse();
    assertThat(ScheduleStore.ownerIsGone("running in process " + dead.pid() + "@another-machine")).isFalse();
    assertThat(ScheduleStore.ownerIsGone(null)).isFalse();
  }
}
