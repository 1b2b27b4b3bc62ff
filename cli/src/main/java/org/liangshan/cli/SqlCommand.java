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
      "Run a read-only Spark SQL query over the lakehouse and print the result. The statement is checked on the plan",
      "Spark's parser makes of it: only queries, DESCRIBE, SHOW and EXPLAIN of a query run. Tables are named",
      "layer.table, e.g.  liangshan sql \"SELECT district, year, SUM(value_yuan) FROM gold.gep_by_district GROUP BY 1, 2\"",
      "Time travel: SELECT ... FROM gold.gep_by_district VERSION AS OF 3"
    })
final class SqlCommand implements Callable<Integer> {
  @Mixin Lakehouse lakehouse;

  @Parameters(index = "0", paramLabel = "QUERY",
      description = "One read-only statement: a query (SELECT, WITH ... SELECT, VALUES), DESCRIBE, SHOW, or EXPLAIN of a query. "
          + "Anything that writes or changes state (INSERT, DELETE, MERGE, CREATE, DROP, CACHE, SET, ...) is refused with exit 2.")
  String query;

  @Option(names = "--limit", defaultValue = "100", description = "Print at most this many rows (default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    TableCatalog catalog = lakehouse.catalog();
    // Ad-hoc queries may use Sedona's ST_* functions on the WKT columns.
    SparkSession spark = org.liangshan.warehouse.SparkSessions.withSedona(catalog.spark());
    // The check parses with the session's own parser (Delta's and Sedona's extensions included), the one spark.sql uses.
    String statement = ReadOnlyStatement.check(spark.sessionState().sqlParser(), query);
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
