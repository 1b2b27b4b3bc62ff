package org.liangshan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo lakehouse the integration tests share: {@code liangshan demo} runs once per failsafe JVM, on first
 * use, into a fresh directory under {@code target/} (the tests' {@code java.io.tmpdir}); DemoIT, TrinoServingIT
 * and the dashboard tests then read the same tables instead of each running the demo again.
 *
 * @param work the directory holding {@code lakehouse/} and {@code landing/}
 * @param firstRun the result of the demo's first run
 */
record DemoLakehouse(Path work, CalcCommandTest.Result firstRun) {
  private static DemoLakehouse shared;

  /**
   * Runs the demo on first call (asserting it succeeded) and returns it; later calls return the same. For
   * developing a single IT, {@code -Dliangshan.it.demo-work=DIR} uses a demo already run into DIR instead (its
   * {@code firstRun} is then null, so DemoIT needs the real fixture).
   */
  static synchronized DemoLakehouse shared() {
    String existing = System.getProperty("liangshan.it.demo-work");
    if (shared == null && existing != null && !existing.isBlank()) {
      shared = new DemoLakehouse(Path.of(existing).toAbsolutePath(), null);
    }
    if (shared == null) {
      try {
        Path work = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "demo-lakehouse");
        CalcCommandTest.Result result = CalcCommandTest.run("demo", "--lakehouse", work.resolve("lakehouse").toString(),
            "--landing", work.resolve("landing").toString());
        assertThat(result.status()).as(result.err()).isZero();
        shared = new DemoLakehouse(work, result);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  String lakehouse() {
    return work.resolve("lakehouse").toString();
  }

  String landing() {
    return work.resolve("landing").toString();
  }
}
