package org.liangshan.scheduler;

import static org.apache.spark.sql.functions.col;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.spark.sql.Row;
import org.liangshan.core.region.Region;
import org.liangshan.warehouse.LakehouseConfig;
import org.liangshan.warehouse.OpsTables;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.SparkSessions;
import org.liangshan.warehouse.TableCatalog;

/**
 * A fresh lakehouse (real Delta tables, the JVM's one Spark session) and H2 job store under target/, and a
 * hand-written job kind that records each call and fails the first calls on demand: what the scheduler is
 * tested with, since the real jobs need a whole demo lakehouse and minutes per run.
 */
final class ScheduleFixture {
  final Path work;
  final Path storeDir;
  final TableCatalog catalog;
  final ByteArrayOutputStream output = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

  ScheduleFixture() {
    try {
      work = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "schedule");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    storeDir = work.resolve("lakehouse/ops/_scheduler");
    LakehouseConfig config = LakehouseConfig.local(work.resolve("lakehouse"));
    catalog = TableCatalog.discover(SparkSessions.create(config), config);
  }

  static RunPlan plan(String yaml) {
    return RunPlan.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test plan");
  }

  PlanScheduler open(RunPlan plan, ScheduleStore store, Map<String, JobKind> kinds) {
    return PlanScheduler.open(plan, store, kinds, () -> catalog, work.resolve("landing"), out);
  }

  String output() {
    return output.toString(StandardCharsets.UTF_8);
  }

  /** Run-log rows of a job, oldest first. */
  List<Row> runLog(String job) {
    if (!catalog.exists(OpsTables.RUN_LOG)) {
      return List.of();
    }
    return catalog.read(OpsTables.RUN_LOG).where(col("job").equalTo(job)).orderBy("started_at").collectAsList();
  }

  void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + timeout + " waiting for " + what + "; scheduler output:\n" + output());
      }
      Thread.sleep(200);
    }
  }

  /** A job kind that records every call and throws on the first {@code failures} calls. */
  static final class Probe implements JobKind {
    private final String name;
    private final int failures;
    final List<Instant> calls = Collections.synchronizedList(new ArrayList<>());
    final List<String> periods = Collections.synchronizedList(new ArrayList<>());

    Probe(String name, int failures) {
      this.name = name;
      this.failures = failures;
    }

    @Override
    public String runLogJob() {
      return name;
    }

    @Override
    public String parameterSet(Region region) {
      return null;
    }

    @Override
    public String run(Run run, Region region, Period period, Context context) {
      calls.add(Instant.now());
      periods.add(region.id() + " " + period);
      if (calls.size() <= failures) {
        throw new IllegalStateException(name + " call " + calls.size() + " fails on purpose");
      }
      run.count("calls", calls.size());
      return name + " ran for " + period;
    }
  }
}
