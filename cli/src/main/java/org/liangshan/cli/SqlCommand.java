package org.liangshan.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.liangshan.core.text.TextTable;
import org.liangshan.warehouse.TableCatalog;
import org.liangshan.warehouse.TableDef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {
      "Run a read-only Spark SQL query over the lakehouse and print the result. Tables are named",
      "layer.table, e.g.  liangshan sql \"SELECT district, year, SUM(value_yuan) FROM gold.gep_by_district GROUP BY 1, 2\"",
      "Time travel: SELECT ... FROM gold.gep_by_district VERSION AS OF 3"
    })
final class SqlCommand implements Callable<Integer> {
  @Mixin Lakehouse lakehouse;

  @Parameters(index = "0", paramLabel = "QUERY", description = "A SELECT (or WITH ... SELECT, DESCRIBE, SHOW) statement.")
  String query;

  @Option(names = "--limit", defaultValue = "100", description = "Print at most this many rows (default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    String statement = query.strip();
    String head = statement.split("\\s+", 2)[0].toUpperCase(java.util.Locale.ROOT);
    if (!List.of("SELECT", "WITH", "DESCRIBE", "SHOW", "EXPLAIN").contains(head)) {
      throw org.liangshan.core.LiangshanException.badInput(
          "Only read-only statements are accepted here (SELECT, WITH, DESCRIBE, SHOW, EXPLAIN), not %s.", head);
    }
    TableCatalog catalog = lakehouse.catalog();
    // Ad-hoc queries may use Sedona's ST_* functions on the WKT columns.
    SparkSession spark = org.liangshan.warehouse.SparkSessions.withSedona(catalog.spark());
    for (TableDef def : catalog.tables()) {
      if (catalog.exists(def)) {
        spark.sql("CREATE DATABASE IF NOT EXISTS " + def.layer().directory());
        spark.sql("CREATE TABLE IF NOT EXISTS " + def.qualifiedName() + " USING delta LOCATION '" + catalog.location(def) + "'");
      }
    }
    Dataset<Row> result = spark.sql(statement);
    TextTable table = new TextTable(result.columns());
    List<Row> rows = result.limit(limit).collectAsList();
    for (Row row : rows) {
      Object[] values = new Object[row.size()];
      for (int i = 0; i < row.size(); i++) {
        values[i] = row.get(i);
      }
      table.row(values);
    }
    System.out.print(table);
    System.out.println("(" + rows.size() + " row" + (rows.size() == 1 ? "" : "s") + (rows.size() == limit ? ", limited" : "") + ")");
    return Main.OK;
  }
}
