package org.liangshan.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.PrintStream;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.liangshan.core.region.Region;
import org.liangshan.market.InclusionTables;
import org.liangshan.market.MarketBoardTables;
import org.liangshan.warehouse.TableCatalog;
import org.liangshan.warehouse.TableDef;

/** The demo summary's lines on verification, the board, event neutrality and carbon inclusion (docs/market.md). */
final class MarketDemoSummary {
  private MarketDemoSummary() {}

  private static Optional<Dataset<Row>> gold(TableCatalog catalog, TableDef table, Region region, int year) {
    Optional<TableDef> def = catalog.find(table.qualifiedName());
    return def.filter(catalog::exists).map(catalog::read)
        .map(d -> d.where(col("region").equalTo(region.id())).where(col("year").equalTo(year)));
  }

  static void print(PrintStream out, TableCatalog catalog, Region region, int year) {
    gold(catalog, MarketBoardTables.COMPLIANCE, region, year).ifPresent(c -> {
      Row r = c.agg(count(lit(1)), sum(when(col("status").equalTo("obligation_to_buy"), 1).otherwise(0))).head();
      out.printf("Verification %d: %d requirements, %d obligations to buy%n", year, r.getLong(0), r.getLong(1));
    });
    gold(catalog, MarketBoardTables.MARKET_BOARD, region, year).ifPresent(b -> {
      Row r = b.agg(sum(when(col("side").equalTo("offer"), 1).otherwise(0)), sum(when(col("side").equalTo("need"), 1).otherwise(0))).head();
      out.printf("Supply and demand board %d: %d offers, %d needs (gold.market_board)%n", year, r.isNullAt(0) ? 0 : r.getLong(0),
          r.isNullAt(1) ? 0 : r.getLong(1));
    });
    gold(catalog, MarketBoardTables.NEUTRALITY_CERTIFICATES, region, year).ifPresent(n -> {
      for (Row r : n.orderBy("certificate_id").collectAsList()) {
        out.printf("Event neutrality: %s %s, %s tCO2e: %s%n", r.getAs("certificate_id"), r.getAs("event_name"),
            r.getAs("emissions_tco2e"), r.getAs("status"));
      }
    });
    gold(catalog, InclusionTables.POINTS_ACCOUNTS, region, year).ifPresent(a -> {
      Row r = a.agg(count(lit(1)), sum("earned_points"), sum("held_points"), sum("redeemed_points"), sum("expired_points"),
          sum(when(col("credit_tier").equalTo("A"), 1).otherwise(0))).head();
      if (r.getLong(0) > 0) {
        out.printf("Eco-points to %d: %d accounts, earned %,d = held %,d + redeemed %,d + expired %,d; %d in credit tier A%n",
            year, r.getLong(0), r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5));
      }
    });
    gold(catalog, InclusionTables.CREDIT_EVENTS, region, year).ifPresent(e -> {
      long n = e.count();
      if (n > 0) {
        out.printf("Negative credit events %d: %d violations (gold.credit_events)%n", year, n);
      }
    });
  }
}
