package org.liangshan.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;

import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.liangshan.core.text.TextTable;
import org.liangshan.warehouse.OpsTables;
import org.liangshan.warehouse.TableCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "quarantine", mixinStandardHelpOptions = true,
    description = {"List rejected records and why, grouped by family and reason; --records shows them one by one",
        "with the original text, so the delivering agency can correct and resend the file."})
final class QuarantineCommand implements Callable<Integer> {
  @Mixin Lakehouse lakehouse;

  @Option(names = "--region", paramLabel = "REGION", description = "Only this region.")
  String region;

  @Option(names = "--family", paramLabel = "FAMILY", description = "Only this source family.")
  String family;

  @Option(names = "--records", description = "List individual records instead of a summary.")
  boolean records;

  @Option(names = "--limit", defaultValue = "50", description = "At most this many records (default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    TableCatalog catalog = lakehouse.catalog();
    if (!catalog.exists(OpsTables.QUARANTINE)) {
      System.out.println("Nothing quarantined.");
      return Main.OK;
    }
    Dataset<Row> q = catalog.read(OpsTables.QUARANTINE);
    if (region != null) {
      q = q.where(col("region").equalTo(region));
    }
    if (family != null) {
      q = q.where(col("family").equalTo(family));
    }
    if (records) {
      TextTable table = new TextTable("region", "file", "line", "reason", "field", "message", "original");
      for (Row r : q.orderBy("region", "source_file", "source_line").limit(limit).collectAsList()) {
        table.row(r.getAs("region"), r.getAs("source_file"), r.getAs("source_line"), r.getAs("reason_code"),
            r.getAs("field"), r.getAs("message"), r.getAs("original"));
      }
      System.out.print(table);
    } else {
      TextTable table = new TextTable("region", "family", "reason", "records", "example");
      for (Row r : q.groupBy("region", "family", "reason_code")
          .agg(count("*").as("n"), first("message").as("example"))
          .orderBy("region", "family", "reason_code").collectAsList()) {
        table.row(r.getString(0), r.getString(1), r.getString(2), String.format("%,d", r.getLong(3)), r.getString(4));
      }
      System.out.print(table.isEmpty() ? "Nothing quarantined.\n" : table.toString());
    }
    return Main.OK;
  }
}
