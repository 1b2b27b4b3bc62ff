package org.liangshan.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Whether a job's last run for a region and period still stands, so that running it again would write the same rows:
 * the latest run of that job, region and period (successful or failed; skipped entries do not count) succeeded with
 * the same methodology version, parameter set (version and fingerprint) and code ({@link CodeVersion}); and since
 * then no commit touched that region's rows in any table it read or wrote.
 *
 * <p>"Touched" is read from the Delta log, commit by commit after the version the run read (or wrote): a commit
 * whose added or removed files all lie in other regions' {@code region} partitions leaves this region's rows as they
 * were (each region's jobs read their own region's rows: the demo runs the regions side by side on that premise). Any
 * other commit counts as a change: files without a region partition value, a schema or constraint change, a
 * protocol change, an unreadable or cleaned-up commit file. So the answer errs on the side of running again.
 */
public final class UpToDate {
  private static final ObjectMapper JSON = new ObjectMapper();

  private UpToDate() {}

  /** The decision and why, in words an operator reads. */
  public record Verdict(boolean standing, Optional<String> runId, String reason) {}

  public static Verdict check(TableCatalog catalog, String job, String region, String period, String parameterSet) {
    Objects.requireNonNull(region, "region is null");
    if (!catalog.exists(OpsTables.RUN_LOG)) {
      return new Verdict(false, Optional.empty(), "no run log yet");
    }
    List<Row> last = catalog.read(OpsTables.RUN_LOG)
        .where(functions.col("job").equalTo(job))
        .where(functions.col("region").equalTo(region))
        .where(period == null ? functions.col("period").isNull() : functions.col("period").equalTo(period))
        .where(functions.col("status").isin("SUCCEEDED", "FAILED"))
        .orderBy(functions.col("finished_at").desc())
        .limit(1)
        .collectAsList();
    if (last.isEmpty()) {
      return new Verdict(false, Optional.empty(), "never run");
    }
    Row row = last.get(0);
    String runId = row.getAs("run_id");
    if (!"SUCCEEDED".equals(row.getAs("status"))) {
      return new Verdict(false, Optional.of(runId), "the last run " + runId + " failed");
    }
    if (!Run.METHODOLOGY_VERSION.equals(row.getAs("methodology_version"))) {
      return new Verdict(false, Optional.of(runId), "the methodology version changed");
    }
    if (!Objects.equals(parameterSet, row.getAs("parameter_set"))) {
      return new Verdict(false, Optional.of(runId), "the parameter set changed");
    }
    if (!CodeVersion.current().equals(row.getAs("code_version"))) {
      return new Verdict(false, Optional.of(runId), "the platform's code changed");
    }
    Map<String, Long> inputs = javaMap(row.getJavaMap(row.fieldIndex("inputs")));
    Map<String, Long> outputs = javaMap(row.getJavaMap(row.fieldIndex("outputs")));
    for (Map.Entry<String, Long> read : inputs.entrySet()) {
      Optional<String> changed = changedSince(catalog, read.getKey(), read.getValue(), region);
      if (changed.isPresent()) {
        return new Verdict(false, Optional.of(runId), "input " + read.getKey() + " " + changed.get());
      }
    }
    for (Map.Entry<String, Long> wrote : outputs.entrySet()) {
      Optional<String> changed = changedSince(catalog, wrote.getKey(), wrote.getValue(), region);
      if (changed.isPresent()) {
        return new Verdict(false, Optional.of(runId), "output " + wrote.getKey() + " " + changed.get());
      }
    }
    return new Verdict(true, Optional.of(runId), String.format(Locale.ROOT,
        "up to date: %d input(s) and %d output(s) unchanged for %s since run %s", inputs.size(), outputs.size(), region, runId));
  }

  /** Empty when no commit after {@code version} touched {@code region}'s rows of the table; otherwise what changed. */
  static Optional<String> changedSince(TableCatalog catalog, String table, long version, String region) {
    TableDef def;
    try {
      def = catalog.table(table);
    } catch (RuntimeException unknown) {
      return Optional.of("is no longer declared");
    }
    if (!catalog.exists(def)) {
      return Optional.of("no longer exists");
    }
    OptionalLong current = catalog.version(def);
    if (current.isEmpty() || current.getAsLong() < version) {
      return Optional.of("was recreated (version " + current + " < " + version + ")");
    }
    for (long v = version + 1; v <= current.getAsLong(); v++) {
      Optional<String> touched = touches(catalog, def, v, region);
      if (touched.isPresent()) {
        return Optional.of("changed at version " + v + " (" + touched.get() + ")");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> touches(TableCatalog catalog, TableDef def, long version, String region) {
    org.apache.hadoop.fs.Path commit = new org.apache.hadoop.fs.Path(
        catalog.location(def) + "/_delta_log/" + String.format(Locale.ROOT, "%020d.json", version));
    try {
      FileSystem fs = commit.getFileSystem(catalog.spark().sparkContext().hadoopConfiguration());
      if (!fs.exists(commit)) {
        return Optional.of("commit file cleaned up");
      }
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(fs.open(commit), StandardCharsets.UTF_8))) {
        for (String line; (line = reader.readLine()) != null; ) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode action = JSON.readTree(line);
          String kind = action.fieldNames().hasNext() ? action.fieldNames().next() : "";
          switch (kind) {
            case "commitInfo", "txn" -> { }
            case "add", "remove", "cdc" -> {
              JsonNode partition = action.path(kind).path("partitionValues").path("region");
              if (partition.isMissingNode() || partition.isNull() || region.equals(partition.asText())) {
                return Optional.of(kind + " of " + (partition.isMissingNode() || partition.isNull()
                    ? "a file without a region partition" : "a " + region + " file"));
              }
            }
            default -> {
              return Optional.of(kind);
            }
          }
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the Delta log of " + def.qualifiedName() + " at version " + version, e);
    }
  }

  private static Map<String, Long> javaMap(Map<Object, Object> map) {
    Map<String, Long> result = new java.util.LinkedHashMap<>();
    if (map != null) {
      map.forEach((k, v) -> result.put((String) k, ((Number) v).longValue()));
    }
    return result;
  }
}
