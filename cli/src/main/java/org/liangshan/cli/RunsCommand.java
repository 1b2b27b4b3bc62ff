package org.liangshan.cli;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.liangshan.core.text.TextTable;
import org.liangshan.warehouse.OpsTables;
import org.liangshan.warehouse.TableCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "runs", mixinStandardHelpOptions = true,
    description = "List the run log: what ran, when, on which input versions, with what outcome.")
final class RunsCommand implements Callable<Integer> {
  @Mixin Lakehouse lakehouse;

  @Option(names = "--job", paramLabel = "JOB", description = "Only runs of this job.")
  String job;

  @Option(names = "--limit", defaultValue = "30", description = "Show at most this many runs (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--detail", description = "Show each run's input versions, outputs and counts.")
  boolean detail;

  @Override
  public Integer call() {
    TableCatalog catalog = lakehouse.catalog();
    if (!catalog.exists(OpsTables.RUN_LOG)) {
      System.out.println("No runs yet.");
      return Main.OK;
    }
    Dataset<Row> log = catalog.read(OpsTables.RUN_LOG);
    if (job != null) {
      log = log.where(col("job").equalTo(job));
    }
    List<Row> rows = log.orderBy(col("started_at").desc()).limit(limit).collectAsList();
    TextTable table = new TextTable("run_id", "job", "region", "period", "status", "started (UTC)", "seconds", "parameter set", "message");
    for (Row r : rows) {
      long seconds = (r.getTimestamp(r.fieldIndex("finished_at")).getTime() - r.getTimestamp(r.fieldIndex("started_at")).getTime()) / 1000;
      String message = r.getAs("message");
      table.row(r.getAs("run_id"), r.getAs("job"), r.getAs("region"), r.getAs("period"), r.getAs("status"),
          r.getTimestamp(r.fieldIndex("started_at")).toInstant().toString().substring(0, 19), seconds,
          r.getAs("parameter_set"), message == null ? "" : message.length() > 60 ? message.substring(0, 57) + "..." : message);
    }
    System.out.print(table);
    if (detail) {
      for (Row r : rows) {
        System.out.println();
        System.out.println(r.getAs("run_id") + "  " + r.getAs("command"));
        System.out.println("  inputs : " + new java.util.TreeMap<>(r.getJavaMap(r.fieldIndex("inputs"))));
        System.out.println("  outputs: " + new java.util.TreeMap<>(r.getJavaMap(r.fieldIndex("outputs"))));
        System.out.println("  counts : " + new java.util.TreeMap<>(r.getJavaMap(r.fieldIndex("counts"))));
      }
    }
    return Main.OK;
  }
}
