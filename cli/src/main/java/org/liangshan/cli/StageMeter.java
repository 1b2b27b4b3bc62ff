package org.liangshan.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.liangshan.core.text.TextTable;

/**
 * Where a long command's time goes: per stage (a region's ingestion, its market, ...) the wall-clock
 * seconds and the Spark jobs it started, and the Delta commits the whole command made. Stages of different
 * regions run in threads of their own; a Spark job belongs to the stage its thread was in (a thread-local
 * Spark property), so concurrent regions are counted apart. Commits are counted from the lakehouse's
 * transaction logs (one JSON file per commit), before and after.
 */
final class StageMeter {
  private static final String PROPERTY = "liangshan.stage";

  record Stage(String region, String name, double seconds, long sparkJobs) {}

  private final SparkContext context;
  private final Map<String, AtomicLong> jobs = new ConcurrentHashMap<>();
  private final List<Stage> stages = java.util.Collections.synchronizedList(new ArrayList<>());
  private final ThreadLocal<String[]> current = new ThreadLocal<>();
  private final ThreadLocal<Long> since = new ThreadLocal<>();

  StageMeter(SparkContext context) {
    this.context = context;
    context.addSparkListener(new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart start) {
        String stage = start.properties() == null ? null : start.properties().getProperty(PROPERTY);
        jobs.computeIfAbsent(stage == null ? "(other)" : stage, k -> new AtomicLong()).incrementAndGet();
      }
    });
  }

  /** Ends the calling thread's current stage (if any) and starts {@code name} for {@code region}. */
  void begin(String region, String name) {
    end();
    current.set(new String[] {region, name});
    since.set(System.nanoTime());
    jobs.computeIfAbsent(key(region, name), k -> new AtomicLong());
    context.setLocalProperty(PROPERTY, key(region, name));
  }

  /** Ends the calling thread's current stage. */
  void end() {
    String[] stage = current.get();
    if (stage == null) {
      return;
    }
    // The listener runs on Spark's bus thread: wait for it to have seen this stage's jobs.
    try {
      context.listenerBus().waitUntilEmpty(10_000);
    } catch (java.util.concurrent.TimeoutException e) {
      // Counts may then miss the last few jobs; the timing stands.
    }
    double seconds = (System.nanoTime() - since.get()) / 1e9;
    stages.add(new Stage(stage[0], stage[1], seconds, jobs.get(key(stage[0], stage[1])).get()));
    current.remove();
    context.setLocalProperty(PROPERTY, null);
  }

  List<Stage> stages() {
    return List.copyOf(stages);
  }

  void print(PrintStream out, long commitsBefore, long commitsAfter) {
    out.println("Where the time went (per region, stages in order; regions ran concurrently):");
    TextTable table = new TextTable("region", "stage", "seconds", "Spark jobs");
    for (Stage s : stages()) {
      table.row(s.region(), s.name(), String.format("%.1f", s.seconds()), s.sparkJobs());
    }
    out.print(table);
    if (commitsBefore < 0 || commitsAfter < 0) {
      out.println("Delta commits: not counted (the lakehouse is on object storage)");
    } else {
      out.printf("Delta commits: %,d (the lakehouse had %,d before)%n", commitsAfter - commitsBefore, commitsBefore);
    }
  }

  /**
   * Delta commits in the lakehouse so far: the commit files of every table's transaction log; -1 on object storage,
   * where listing every log would cost a request per table and is not worth it for a progress figure.
   */
  static long commits(String root) {
    if (root.contains("://") && !root.startsWith("file:")) {
      return -1;
    }
    Path base = Path.of(root.startsWith("file:") ? java.net.URI.create(root).getPath() : root);
    if (!Files.isDirectory(base)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(base, 6)) {
      return files.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("_delta_log"))
          .filter(p -> p.getFileName().toString().matches("\\d{20}\\.json"))
          .count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String key(String region, String name) {
    return region + "/" + name;
  }
}
