package org.liangshan.warehouse;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Where a table's rows came from: the runs that wrote the version asked for, the input versions each read,
 * recursively, down to the landing files an ingestion loaded (with their SHA-256 from
 * {@code ops.ingested_files}) and, for computed tables, the region's configuration and parameter set.
 *
 * <p>The runs that contributed to version V of a table are read from the rows themselves: every silver
 * and gold row carries the run that produced it ({@code ingest_run_id} or {@code run_id}), so the
 * contributors are the distinct run ids present at version V (restricted to the consuming run's region
 * when the table has a {@code region} column). A table without such a column (the ops tables) falls back
 * to the run log: the latest run per (job, region, period) that wrote a version {@code <= V}, and for
 * ingestion every run that did. Each (table, version, region) is resolved once; a repeat is marked. An
 * input a run also wrote (an ingestion reads back what it loaded, for its data-quality report and reference
 * checks) is listed as read back and not followed.
 */
public final class Lineage {
  /** A run as the run log records it; {@code inLog} is false for an id found in rows but not in the log. */
  public record RunInfo(String runId, String job, String region, String period, String parameterSet,
      String methodologyVersion, Instant finishedAt, String status, String command,
      Map<String, Long> inputs, Map<String, Long> outputs, boolean inLog) {}

  /** A landing file an ingestion loaded, as the file ledger records it. */
  public record LandingFile(String path, String sha256, Long received, Long loaded, Long quarantined, String ingestRunId) {}

  /**
   * One run under a table: the run, what it read, and its leaves (landing files, configuration);
   * {@code readBack} names inputs the run also wrote (an ingestion reading back its loads), not followed.
   */
  public record Writer(RunInfo run, List<Node> inputs, List<LandingFile> files, List<String> configuration,
      List<String> readBack) {}

  /**
   * A table at a version. {@code note} says why there are no writers (absent, nothing recorded);
   * {@code repeated} marks a node already shown elsewhere in the tree (its writers are left out).
   */
  public record Node(String table, long version, String region, String note, List<Writer> writers, boolean repeated) {
    /** Every landing file reachable from this node. */
    public Set<LandingFile> landingFiles(Lineage lineage) {
      Set<LandingFile> files = new LinkedHashSet<>();
      walk(this, lineage, Writer::files, files, new java.util.HashSet<>());
      return files;
    }

    /** Every configuration leaf reachable from this node. */
    public Set<String> configuration(Lineage lineage) {
      Set<String> config = new LinkedHashSet<>();
      walk(this, lineage, Writer::configuration, config, new java.util.HashSet<>());
      return config;
    }

    /** Collects a leaf of every writer below a node, each (table, version, region) once. */
    private static <T> void walk(Node node, Lineage lineage, java.util.function.Function<Writer, List<T>> leaves,
        Set<T> into, Set<String> seen) {
      Node full = node.repeated ? lineage.memo.get(key(node.table, node.version, node.region)) : node;
      if (full == null || !seen.add(key(full.table, full.version, full.region))) {
        return;
      }
      for (Writer w : full.writers) {
        into.addAll(leaves.apply(w));
        w.inputs().forEach(n -> walk(n, lineage, leaves, into, seen));
      }
    }
  }

  private final TableCatalog catalog;
  private final Map<String, Node> memo = new HashMap<>();
  private Map<String, RunInfo> runs;
  private List<Row> ledger;

  public Lineage(TableCatalog catalog) {
    this.catalog = requireNonNull(catalog, "catalog is null");
  }

  /**
   * The lineage of a table at a version (empty: the current one). Throws a bad-input error naming the
   * table when it is not declared, or when the version is beyond the current one.
   */
  public Node of(String table, OptionalLong version) {
    TableDef def = catalog.table(table);
    if (!catalog.exists(def)) {
      return new Node(def.qualifiedName(), -1, null, "the table has not been written yet: no lineage", List.of(), false);
    }
    long current = catalog.version(def).orElseThrow();
    long v = version.orElse(current);
    if (v < 0 || v > current) {
      throw org.liangshan.core.LiangshanException.badInput("%s has versions 0..%d; version %d does not exist", def.qualifiedName(), current, v);
    }
    return node(def, v, null);
  }

  private static String key(String table, long version, String region) {
    return table + "@" + version + "/" + (region == null ? "*" : region);
  }

  private Node node(TableDef def, long version, String region) {
    String key = key(def.qualifiedName(), version, region);
    if (memo.containsKey(key)) {
      Node done = memo.get(key);
      return new Node(done.table, done.version, done.region, done.note, List.of(), true);
    }
    // Placeholder against cycles (a job reading a table it also writes, e.g. the ledger's review).
    memo.put(key, new Node(def.qualifiedName(), version, region, "cycle", List.of(), false));
    Node node = resolve(def, version, region);
    memo.put(key, node);
    return node;
  }

  private Node resolve(TableDef def, long version, String region) {
    Set<String> columns = new LinkedHashSet<>(Arrays.asList(def.schema().fieldNames()));
    String runColumn = columns.contains("ingest_run_id") ? "ingest_run_id" : columns.contains("run_id") ? "run_id" : null;
    boolean landed = runColumn != null && runColumn.equals("ingest_run_id") && columns.contains("source_file");
    String scope = region != null && columns.contains("region") ? region : null;
    Map<String, List<String>> filesByRun = new TreeMap<>();
    List<String> runIds = new ArrayList<>();
    if (runColumn != null && !def.qualifiedName().equals(OpsTables.RUN_LOG.qualifiedName())) {
      Set<String> ids = new LinkedHashSet<>();
      for (String[] r : contributors(def, version, runColumn, landed, columns.contains("region"))) {
        if (scope == null || scope.equals(r[0])) {
          ids.add(r[1]);
          if (landed) {
            filesByRun.computeIfAbsent(r[1], k -> new ArrayList<>()).add(r[2]);
          }
        }
      }
      runIds.addAll(ids);
    } else {
      runIds.addAll(fromRunLog(def.qualifiedName(), version, scope));
    }
    List<RunInfo> writers = new ArrayList<>();
    for (String id : runIds) {
      RunInfo info = runs().get(id);
      writers.add(info != null ? info
          : new RunInfo(id, "?", scope, null, null, null, null, "NOT IN RUN LOG", null, Map.of(), Map.of(), false));
    }
    writers.sort(java.util.Comparator.comparing((RunInfo r) -> r.finishedAt() == null ? Instant.EPOCH : r.finishedAt())
        .thenComparing(RunInfo::runId));
    if (writers.isEmpty()) {
      String why = runColumn != null ? "no rows at this version" + (scope != null ? " in region " + scope : "") + ", so no run contributed"
          : "no run recorded writing this table at or before this version";
      return new Node(def.qualifiedName(), version, scope, why, List.of(), false);
    }
    List<Writer> result = new ArrayList<>();
    for (RunInfo run : writers) {
      List<Node> inputs = new ArrayList<>();
      List<String> readBack = new ArrayList<>();
      for (Map.Entry<String, Long> in : new TreeMap<>(run.inputs()).entrySet()) {
        Optional<TableDef> input = catalog.find(in.getKey());
        if (input.isEmpty()) {
          inputs.add(new Node(in.getKey(), in.getValue(), run.region(), "no longer declared in the catalog", List.of(), false));
        } else if (run.outputs().containsKey(in.getKey())) {
          readBack.add(in.getKey() + "@" + in.getValue());
        } else {
          inputs.add(node(input.get(), in.getValue(), run.region()));
        }
      }
      List<LandingFile> files = landed ? files(run.runId(), filesByRun.getOrDefault(run.runId(), List.of()), def, version, scope)
          : List.of();
      result.add(new Writer(run, inputs, files, configuration(run), List.copyOf(readBack)));
    }
    return new Node(def.qualifiedName(), version, scope, null, result, false);
  }

  private final Map<String, List<String[]>> contributors = new HashMap<>();

  /** (region, run id, source file) of the rows at a version, read once per table and version. */
  private List<String[]> contributors(TableDef def, long version, String runColumn, boolean landed, boolean regional) {
    return contributors.computeIfAbsent(def.qualifiedName() + "@" + version, k -> {
      List<org.apache.spark.sql.Column> select = new ArrayList<>();
      select.add(regional ? col("region") : org.apache.spark.sql.functions.lit(null).cast("string"));
      select.add(col(runColumn));
      select.add(landed ? col("source_file") : org.apache.spark.sql.functions.lit(null).cast("string"));
      List<String[]> rows = new ArrayList<>();
      for (Row r : catalog.readVersion(def, version).select(select.toArray(org.apache.spark.sql.Column[]::new)).distinct().collectAsList()) {
        rows.add(new String[] {r.getString(0), r.getString(1), r.getString(2)});
      }
      return rows;
    });
  }

  /** Fallback for tables whose rows carry no run id: the run log's writers of a version <= V. */
  private List<String> fromRunLog(String table, long version, String scope) {
    Map<String, RunInfo> latest = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>();
    for (RunInfo run : runs().values()) {
      Long wrote = run.outputs().get(table);
      if (wrote == null || wrote > version || "SKIPPED".equals(run.status())) {
        continue;
      }
      if (scope != null && run.region() != null && !scope.equals(run.region())) {
        continue;
      }
      if (run.job().equals("ingest")) {
        ids.add(run.runId());
        continue;
      }
      if (!"SUCCEEDED".equals(run.status())) {
        continue;
      }
      String group = run.job() + "|" + run.region() + "|" + run.period();
      RunInfo before = latest.get(group);
      if (before == null || before.outputs().get(table) < wrote) {
        latest.put(group, run);
      }
    }
    latest.values().forEach(r -> ids.add(r.runId()));
    return ids;
  }

  /** The landing files of one ingestion present in a landed table, with the ledger's hash and counts. */
  private List<LandingFile> files(String runId, List<String> paths, TableDef def, long version, String scope) {
    List<LandingFile> files = new ArrayList<>();
    Map<String, Row> byFile = new HashMap<>();
    for (Row r : ledger()) {
      if (runId.equals(r.getAs("ingest_run_id")) && (scope == null || scope.equals(r.getAs("region")))) {
        byFile.put(r.getAs("source_file"), r);
      }
    }
    Map<String, String> shaInTable = new HashMap<>();
    if (byFile.size() < paths.size() && Arrays.asList(def.schema().fieldNames()).contains("file_sha256")) {
      Dataset<Row> rows = catalog.readVersion(def, version).where(col("ingest_run_id").equalTo(runId));
      for (Row r : rows.select("source_file", "file_sha256").distinct().collectAsList()) {
        shaInTable.put(r.getString(0), r.getString(1));
      }
    }
    for (String path : new java.util.TreeSet<>(paths)) {
      Row r = byFile.get(path);
      if (r != null) {
        files.add(new LandingFile(path, r.getAs("file_sha256"), r.getAs("received"), r.getAs("loaded"), r.getAs("quarantined"), runId));
      } else {
        files.add(new LandingFile(path, shaInTable.get(path), null, null, null, runId));
      }
    }
    return files;
  }

  /** The configuration a computed run used: the region's files and the parameter set. */
  private static List<String> configuration(RunInfo run) {
    if (run.job().equals("ingest") || run.region() == null) {
      return List.of();
    }
    List<String> config = new ArrayList<>();
    for (String file : List.of("region.json", "districts.geojson", "neighbours.geojson")) {
      String resource = "regions/" + run.region() + "/" + file;
      if (Lineage.class.getClassLoader().getResource(resource) != null) {
        config.add(resource);
      }
    }
    if (run.parameterSet() != null) {
      config.add("parameter set " + run.parameterSet() + " (params/, " + run.methodologyVersion() + ")");
    }
    return config;
  }

  private Map<String, RunInfo> runs() {
    if (runs == null) {
      runs = new LinkedHashMap<>();
      if (catalog.exists(OpsTables.RUN_LOG)) {
        for (Row r : catalog.read(OpsTables.RUN_LOG).orderBy(col("finished_at")).collectAsList()) {
          java.sql.Timestamp finished = r.getAs("finished_at");
          runs.put(r.getAs("run_id"), new RunInfo(r.getAs("run_id"), r.getAs("job"), r.getAs("region"), r.getAs("period"),
              r.getAs("parameter_set"), r.getAs("methodology_version"), finished == null ? null : finished.toInstant(),
              r.getAs("status"), r.getAs("command"), versions(r, "inputs"), versions(r, "outputs"), true));
        }
      }
    }
    return runs;
  }

  private static Map<String, Long> versions(Row row, String column) {
    Map<String, Long> map = new LinkedHashMap<>();
    Map<Object, Object> raw = row.getJavaMap(row.fieldIndex(column));
    raw.forEach((k, v) -> map.put((String) k, ((Number) v).longValue()));
    return map;
  }

  private List<Row> ledger() {
    if (ledger == null) {
      ledger = catalog.exists(OpsTables.INGESTED_FILES) ? catalog.read(OpsTables.INGESTED_FILES).collectAsList() : List.of();
    }
    return ledger;
  }

  /** The tree as an operator reads it: one line per table, run and leaf, indented by depth. */
  public String text(Node root) {
    StringBuilder out = new StringBuilder();
    text(root, 0, out);
    return out.toString();
  }

  private void text(Node node, int depth, StringBuilder out) {
    String pad = "  ".repeat(depth);
    out.append(pad).append(node.table());
    if (node.version() >= 0) {
      out.append(" @ version ").append(node.version());
    }
    if (node.region() != null) {
      out.append(" (region ").append(node.region()).append(')');
    }
    if (node.repeated()) {
      out.append("  (shown above)\n");
      return;
    }
    if (node.note() != null) {
      out.append(": ").append(node.note());
    }
    out.append('\n');
    for (Writer w : node.writers()) {
      RunInfo r = w.run();
      out.append(pad).append("  written by run ").append(r.runId()).append(": job ").append(r.job())
          .append(", region ").append(r.region() == null ? "-" : r.region())
          .append(", period ").append(r.period() == null ? "-" : r.period())
          .append(", parameter set ").append(r.parameterSet() == null ? "-" : r.parameterSet())
          .append(", ").append(r.methodologyVersion() == null ? "-" : r.methodologyVersion())
          .append(", finished ").append(r.finishedAt() == null ? "-" : r.finishedAt().toString())
          .append(", ").append(r.status()).append('\n');
      for (Node in : w.inputs()) {
        text(in, depth + 2, out);
      }
      for (LandingFile f : w.files()) {
        out.append(pad).append("    landing file ").append(f.path()).append("  sha256 ").append(f.sha256() == null ? "-" : f.sha256());
        if (f.received() != null) {
          out.append("  received ").append(f.received()).append(", loaded ").append(f.loaded())
              .append(", quarantined ").append(f.quarantined());
        }
        out.append('\n');
      }
      for (String c : w.configuration()) {
        out.append(pad).append("    configuration ").append(c).append('\n');
      }
    }
  }

  /** The tree as JSON (Jackson nodes), for machines; repeats carry {@code "repeated": true}. */
  public com.fasterxml.jackson.databind.node.ObjectNode json(Node node) {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var o = mapper.createObjectNode();
    o.put("table", node.table());
    if (node.version() >= 0) {
      o.put("version", node.version());
    }
    o.put("region", node.region());
    if (node.repeated()) {
      o.put("repeated", true);
      return o;
    }
    if (node.note() != null) {
      o.put("note", node.note());
    }
    var writers = o.putArray("runs");
    for (Writer w : node.writers()) {
      RunInfo r = w.run();
      var run = writers.addObject();
      run.put("run_id", r.runId());
      run.put("job", r.job());
      run.put("region", r.region());
      run.put("period", r.period());
      run.put("parameter_set", r.parameterSet());
      run.put("methodology_version", r.methodologyVersion());
      run.put("finished_at", r.finishedAt() == null ? null : r.finishedAt().toString());
      run.put("status", r.status());
      run.put("in_run_log", r.inLog());
      var inputs = run.putArray("inputs");
      w.inputs().forEach(n -> inputs.add(json(n)));
      var files = run.putArray("landing_files");
      for (LandingFile f : w.files()) {
        var file = files.addObject();
        file.put("path", f.path());
        file.put("sha256", f.sha256());
        if (f.received() != null) {
          file.put("received", f.received());
          file.put("loaded", f.loaded());
          file.put("quarantined", f.quarantined());
        }
      }
      var config = run.putArray("configuration");
      w.configuration().forEach(config::add);
      var back = run.putArray("read_back");
      w.readBack().forEach(back::add);
    }
    return o;
  }
}
