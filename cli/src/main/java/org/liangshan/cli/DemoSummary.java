package org.liangshan.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.liangshan.core.region.Region;
import org.liangshan.core.text.TextTable;
import org.liangshan.finance.FinanceTables;
import org.liangshan.finance.RealizationTables;
import org.liangshan.finance.RiskTables;
import org.liangshan.geo.GeoTables;
import org.liangshan.market.MarketTables;
import org.liangshan.warehouse.TableCatalog;
import org.liangshan.warehouse.TableDef;

/** The demo's closing summary, read back from the gold tables (so it shows what was published). */
final class DemoSummary {
  private static final BigDecimal YI = new BigDecimal("100000000");
  private static final BigDecimal WAN = new BigDecimal("10000");
  private static final int PLEDGE_ROWS = 12;

  private final TableCatalog catalog;
  private final List<Region> regions;
  private final Years years;

  DemoSummary(TableCatalog catalog, List<Region> regions, Years years) {
    this.catalog = catalog;
    this.regions = regions;
    this.years = years;
  }

  private Optional<Dataset<Row>> gold(TableDef table) {
    Optional<TableDef> def = catalog.find(table.qualifiedName());
    return def.filter(catalog::exists).map(catalog::read);
  }

  void print(PrintStream out) {
    for (Region region : regions) {
      out.println();
      out.println("== " + region.name() + " (" + region.nameEn() + "), parameter set " + region.parameterSetVersion() + " ==");
      gep(out, region);
      gepByService(out, region);
      compensationShare(out, region);
      realization(out, region);
      carbon(out, region);
      auctions(out, region);
      MarketDemoSummary.print(out, catalog, region, years.last());
      valuations(out, region);
      risk(out, region);
      ledger(out, region);
    }
    out.println();
    out.println("Where everything is (lakehouse " + catalog.config().root() + "):");
    out.println("  gold.gep_by_district, gold.gep_cell_year, gold.grid_cells      GEP by district, service and grid cell");
    out.println("  gold.gep_uncertainty                                           90 % intervals of GEP and the carbon sink");
    out.println("  gold.gep_realization, gold.gep_realization_items               GEP realization rate and its source rows");
    out.println("  gold.nr_balance_sheet, gold.forest_carbon_*                    balance sheet, forestry carbon base");
    out.println("  gold.carbon_sink_cell_year, gold.carbon_sink_district_year     CASA carbon sink");
    out.println("  gold.zone_capacity, gold.benchmark_prices, gold.auction_*       capacity, prices, auctions");
    out.println("  gold.holdings, gold.holdings_movements                         rights holdings ledger");
    out.println("  gold.compliance, gold.market_board, gold.neutrality_certificates verification, board, event neutrality");
    out.println("  gold.inclusion_activities, gold.points_*, gold.credit_events   carbon inclusion and eco-points");
    out.println("  gold.collateral_valuation, gold.collateral_stress              valuations for banks");
    out.println("  gold.haircut_backtest, gold.margin_calls, gold.margin_checks   haircut backtest, daily margin calls");
    out.println("  gold.compensation_ledger, gold.compensation_postings           compensation for the finance bureau");
    out.println("  ops.run_log, ops.quarantine, ops.ingested_files                audit: runs, rejects, reconciliation");
  }

  private void gep(PrintStream out, Region region) {
    gold(GeoTables.GEP_BY_DISTRICT).ifPresent(gep -> {
      Dataset<Row> rows = gep.where(col("region").equalTo(region.id()))
          .groupBy("district", "year").agg(sum("value_yuan").as("v"));
      boolean oneYear = years.first() == years.last();
      TextTable table = oneYear ? new TextTable("district", "GEP " + years.last() + " (亿元)")
          : new TextTable("district", "GEP " + years.last() + " (亿元)", "GEP " + years.first() + " (亿元)", "growth");
      for (Row r : rows.where(col("year").equalTo(years.last())).orderBy(col("v").desc()).collectAsList()) {
        BigDecimal last = r.getDecimal(2);
        if (oneYear) {
          table.row(r.getString(0), yi(last));
          continue;
        }
        List<Row> before = rows.where(col("district").equalTo(r.getString(0)).and(col("year").equalTo(years.first()))).collectAsList();
        BigDecimal first = before.isEmpty() ? null : before.get(0).getDecimal(2);
        String growth = first == null || first.signum() == 0 ? ""
            : last.subtract(first).multiply(BigDecimal.valueOf(100)).divide(first, 1, RoundingMode.HALF_EVEN) + "%";
        table.row(r.getString(0), yi(last), first == null ? "" : yi(first), growth);
      }
      out.println("GEP by district:");
      out.print(table);
    });
  }

  /**
   * The latest year's GEP by service over the region with its 90 % interval (gold.gep_uncertainty, district "all")
   * and the share of its value resting on illustrative parameters (value-weighted over the districts' rows).
   */
  private void gepByService(PrintStream out, Region region) {
    Optional<Dataset<Row>> gep = gold(GeoTables.GEP_BY_DISTRICT);
    if (gep.isEmpty()) {
      return;
    }
    Dataset<Row> rows = gep.get().where(col("region").equalTo(region.id())).where(col("year").equalTo(years.last()));
    java.util.Map<String, Row> intervals = new java.util.HashMap<>();
    gold(GeoTables.GEP_UNCERTAINTY).ifPresent(u -> u.where(col("region").equalTo(region.id()))
        .where(col("year").equalTo(years.last())).where(col("district_code").equalTo("all")).collectAsList()
        .forEach(r -> intervals.put(r.getAs("service"), r)));
    TextTable table = new TextTable("service", "value (亿元)", "90 % interval (亿元)", "illustrative share");
    BigDecimal total = BigDecimal.ZERO;
    double illustrative = 0;
    for (Row r : rows.groupBy("service")
        .agg(sum("value_yuan").as("v"), sum(col("value_yuan").cast("double").multiply(col("illustrative_share"))).as("i"))
        .orderBy(col("v").desc()).collectAsList()) {
      BigDecimal value = r.getDecimal(1);
      total = total.add(value);
      illustrative += r.isNullAt(2) ? Double.NaN : r.getDouble(2);
      table.row(r.getString(0), yi(value), interval(intervals.get(r.getString(0))), share(r.isNullAt(2) ? Double.NaN : r.getDouble(2), value));
    }
    table.row("GEP", yi(total), interval(intervals.get("gep")), share(illustrative, total));
    out.println("GEP " + years.last() + " by service, with its 90 % interval over the parameter ranges and the share resting on"
        + " illustrative parameters (docs/methods/gep-uncertainty.md):");
    out.print(table);
    Row sink = intervals.get("carbon_sink");
    if (sink != null) {
      out.printf("Carbon sink %d: %,.0f t CO2e, 90 %% interval %,.0f to %,.0f%n", years.last(),
          ((BigDecimal) sink.getAs("point")).doubleValue(), ((BigDecimal) sink.getAs("p05")).doubleValue(),
          ((BigDecimal) sink.getAs("p95")).doubleValue());
    }
  }

  /**
   * The latest year's compensation by method (each period's latest revision) and the share of the amounts resting on
   * illustrative parameters or agreement terms (amount-weighted over the transfers; docs/methods/compensation.md).
   */
  private void compensationShare(PrintStream out, Region region) {
    Optional<Dataset<Row>> ledger = gold(FinanceTables.COMPENSATION_LEDGER);
    if (ledger.isEmpty()) {
      return;
    }
    Dataset<Row> year = ledger.get().where(col("region").equalTo(region.id())).where(col("year").equalTo(years.last()));
    Dataset<Row> latest = year.join(year.groupBy("period").agg(max("revision").as("latest_revision")), "period")
        .where(col("revision").equalTo(col("latest_revision")));
    List<Row> methods = latest.groupBy("method")
        .agg(sum("amount_yuan").as("a"), sum(col("amount_yuan").cast("double").multiply(col("illustrative_share"))).as("i"),
            count(lit(1)).as("n"))
        .orderBy(col("a").desc()).collectAsList();
    if (methods.isEmpty()) {
      return;
    }
    TextTable table = new TextTable("method", "transfers", "amount (万元)", "illustrative share");
    BigDecimal total = BigDecimal.ZERO;
    double illustrative = 0;
    long transfers = 0;
    for (Row r : methods) {
      BigDecimal amount = r.getDecimal(1);
      double resting = r.isNullAt(2) ? Double.NaN : r.getDouble(2);
      total = total.add(amount);
      illustrative += resting;
      transfers += r.getLong(3);
      table.row(r.getString(0), r.getLong(3), wan(amount), share(resting, amount));
    }
    table.row("compensation", transfers, wan(total), share(illustrative, total));
    out.println("Compensation " + years.last() + " by method, with the share resting on illustrative parameters or agreement"
        + " terms (docs/methods/compensation.md):");
    out.print(table);
  }

  private static String interval(Row interval) {
    return interval == null ? "n/a" : yi(interval.getAs("p05")) + " - " + yi(interval.getAs("p95"));
  }

  private static String share(double illustrativeYuan, BigDecimal value) {
    return Double.isNaN(illustrativeYuan) || value.signum() == 0 ? "n/a"
        : String.format("%.0f%%", 100 * illustrativeYuan / value.doubleValue());
  }

  private void realization(PrintStream out, Region region) {
    gold(RealizationTables.GEP_REALIZATION).ifPresent(g -> {
      TextTable table = new TextTable("year", "trading (万元)", "compensation (万元)", "realized (万元)", "rate",
          "eco-finance (万元)", "eco-finance / GEP");
      for (Row r : g.where(col("region").equalTo(region.id())).where(col("scope").equalTo("region")).orderBy("year")
          .collectAsList()) {
        table.row(r.getAs("year"), wan(r.getAs("trading_yuan")), wan(r.getAs("compensation_yuan")), wan(r.getAs("realized_yuan")),
            percent(r.getAs("realization_rate")), wan(r.getAs("eco_finance_yuan")), percent(r.getAs("eco_finance_ratio")));
      }
      out.println("GEP realization (trading + compensation) / GEP, and beside it eco-finance mobilised / GEP:");
      out.print(table);
    });
  }

  private static String percent(Double ratio) {
    return ratio == null ? "n/a" : String.format("%.3f%%", ratio * 100);
  }

  private void carbon(PrintStream out, Region region) {
    gold(GeoTables.CARBON_SINK_DISTRICT_YEAR).ifPresent(c -> {
      TextTable table = new TextTable("year", "NEP (t C)", "CO2 (t)");
      for (Row r : c.where(col("region").equalTo(region.id())).groupBy("year")
          .agg(sum("nep_tc"), sum("co2_t")).orderBy("year").collectAsList()) {
        table.row(r.get(0), String.format("%,.0f", r.getDouble(1)), String.format("%,.0f", r.getDouble(2)));
      }
      out.println("Carbon sink (CASA):");
      out.print(table);
    });
  }

  private void auctions(PrintStream out, Region region) {
    gold(MarketTables.AUCTION_RESULTS).ifPresent(a -> {
      TextTable table = new TextTable("auction", "clearing price (元)", "sold", "supply", "undersubscribed");
      for (Row r : a.where(col("region").equalTo(region.id())).orderBy("auction_id").collectAsList()) {
        table.row(r.getAs("auction_id"), String.format("%,.2f", ((Number) r.getAs("clearing_price_yuan")).doubleValue()),
            r.getAs("sold"), r.getAs("supply"), r.getAs("undersubscribed"));
      }
      out.println("Eco-voucher auctions:");
      out.print(table);
    });
  }

  private void valuations(PrintStream out, Region region) {
    gold(FinanceTables.COLLATERAL_VALUATION).ifPresent(v -> {
      Row r = v.where(col("region").equalTo(region.id()))
          .agg(count(lit(1)), sum("collateral_value_yuan"), sum("max_loan_yuan"),
              sum(when(col("status").notEqual("ok"), 1).otherwise(0)))
          .head();
      out.printf("Collateral valuations: %d pledges, collateral value %s 万元, max loan %s 万元, %d flagged (see status)%n",
          r.getLong(0), wan(r.getDecimal(1)), wan(r.getDecimal(2)), r.getLong(3));
      pledges(out, v.where(col("region").equalTo(region.id())).orderBy("valuation_date", "pledge_id").collectAsList());
    });
  }

  /**
   * One line per pledge (the first {@value #PLEDGE_ROWS}): the instrument its price series is (right type, subject,
   * zone), the quantity and the valuation price in their units, the haircut with the liquidity add-on inside it, the
   * remaining term and its factor, the value and the status. docs/guide-credit-officer.md explains each column.
   */
  static void pledges(PrintStream out, List<Row> rows) {
    if (rows.isEmpty()) {
      return;
    }
    TextTable table = new TextTable("pledge", "instrument", "quantity", "valuation price", "haircut", "of which liquidity",
        "term (years)", "term factor", "value (万元)", "status");
    for (Row r : rows.subList(0, Math.min(PLEDGE_ROWS, rows.size()))) {
      String instrument = String.join(" ", java.util.stream.Stream.of(
          r.<String>getAs("right_type"), r.<String>getAs("subject"), r.<String>getAs("zone_id"))
          .filter(x -> x != null && !x.isEmpty()).toList());
      table.row(r.getAs("pledge_id"), instrument.isEmpty() ? "unknown" : instrument,
          withUnit(String.format("%,.3f", ((Number) r.getAs("quantity")).doubleValue()), r.getAs("quantity_unit")),
          r.getAs("valuation_price") == null ? "none"
              : withUnit(String.format("%,.2f", r.<BigDecimal>getAs("valuation_price")), r.getAs("price_unit")),
          percent(r.getAs("haircut")), percent(r.getAs("liquidity_addon")),
          r.getAs("remaining_term_years") == null ? "no expiry"
              : String.format("%.2f", ((Number) r.getAs("remaining_term_years")).doubleValue()),
          r.getAs("term_factor") == null ? "" : String.format("%.3f", ((Number) r.getAs("term_factor")).doubleValue()),
          r.getAs("collateral_value_yuan") == null ? "" : wan(r.getAs("collateral_value_yuan")),
          r.getAs("status"));
    }
    out.print(table);
    if (rows.size() > PLEDGE_ROWS) {
      out.printf("... and %d more pledges in gold.collateral_valuation (the valuation reports, 'liangshan valuate --all --date D', show them all)%n",
          rows.size() - PLEDGE_ROWS);
    }
  }

  private static String withUnit(String amount, Object unit) {
    return unit == null ? amount : amount + " " + unit;
  }


  /** One line each: the haircut backtest (instruments tested, exceptions, zone) and the margin check. */
  private void risk(PrintStream out, Region region) {
    gold(RiskTables.HAIRCUT_BACKTEST).ifPresent(b -> {
      Dataset<Row> mine = b.where(col("region").equalTo(region.id()));
      Row r = mine.agg(count(lit(1)), sum(when(col("status").equalTo("tested"), 1).otherwise(0)),
          sum("observations"), sum("exceptions"),
          sum(when(col("verdict").equalTo("rejected_too_many"), 1).otherwise(0))).head();
      if (r.getLong(0) == 0) {
        return;
      }
      List<String> zones = mine.where(col("basel_zone").isNotNull()).select("basel_zone").distinct()
          .collectAsList().stream().map(z -> z.getString(0)).sorted().toList();
      out.printf("Haircut backtest: %d instruments, %d tested (the others: under 60 trading days or no haircut configured),"
          + " %d exceptions in %d 10-day windows, %d rejected as too small (Kupiec, 95 %%), Basel zone %s%n", r.getLong(0),
          r.getLong(1), r.getLong(3), r.getLong(2), r.getLong(4),
          zones.isEmpty() ? "none (fewer than 250 windows)" : String.join(", ", zones));
    });
    gold(RiskTables.MARGIN_CHECKS).ifPresent(c -> c.where(col("region").equalTo(region.id())).orderBy(col("check_date").desc())
        .limit(1).collectAsList().forEach(r -> out.printf("Margin check %s: %d pledges checked, %d below the margin-call price,"
            + " shortfall %s 万元%n", r.getAs("check_date"), r.<Integer>getAs("checked"), r.<Integer>getAs("calls"),
            wan(r.getAs("shortfall_yuan")))));
  }

  private void ledger(PrintStream out, Region region) {
    gold(FinanceTables.COMPENSATION_LEDGER).ifPresent(l -> {
      Dataset<Row> mine = l.where(col("region").equalTo(region.id()));
      Row r = mine.agg(count(lit(1)), sum("amount_yuan")).head();
      String balance = gold(FinanceTables.COMPENSATION_POSTINGS).map(p -> {
        Row s = p.join(mine.select("entry_id"), "entry_id").agg(sum("debit_yuan"), sum("credit_yuan")).head();
        BigDecimal d = s.isNullAt(0) ? BigDecimal.ZERO : s.getDecimal(0);
        BigDecimal c = s.isNullAt(1) ? BigDecimal.ZERO : s.getDecimal(1);
        return "debits − credits = " + d.subtract(c).stripTrailingZeros().toPlainString();
      }).orElse("");
      out.printf("Compensation ledger: %d entries, %s 万元 transferred; %s%n", r.getLong(0), wan(r.getDecimal(1)), balance);
    });
  }

  private static String yi(BigDecimal yuan) {
    return yuan == null ? "" : yuan.divide(YI, 2, RoundingMode.HALF_EVEN).toPlainString();
  }

  private static String wan(BigDecimal yuan) {
    return yuan == null ? "0" : String.format("%,.1f", yuan.divide(WAN, 1, RoundingMode.HALF_EVEN));
  }
}
