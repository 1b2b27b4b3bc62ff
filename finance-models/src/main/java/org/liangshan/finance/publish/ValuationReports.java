package org.liangshan.finance.publish;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.finance.FinanceTables;
import org.liangshan.finance.model.CollateralParameters;
import org.liangshan.finance.model.Instrument;
import org.liangshan.finance.model.PriceHistory;
import org.liangshan.finance.model.VolatilityHaircut;
import org.liangshan.warehouse.OpsTables;
import org.liangshan.warehouse.TableCatalog;

/** Valuation reports from the gold tables: one loan on one date, or every loan of a region on a date. */
public final class ValuationReports {
  private final TableCatalog catalog;

  public ValuationReports(TableCatalog catalog) {
    this.catalog = catalog;
  }

  /** Whether the region has a valuation for the date. */
  public boolean valued(String region, LocalDate date) {
    return catalog.exists(FinanceTables.COLLATERAL_VALUATION) && !catalog.read(FinanceTables.COLLATERAL_VALUATION)
        .where(col("region").equalTo(region)).where(col("valuation_date").equalTo(java.sql.Date.valueOf(date)))
        .limit(1).isEmpty();
  }

  /** The region whose silver.loans holds the loan, if any. */
  public Optional<String> regionOfLoan(String loanId) {
    Optional<org.liangshan.warehouse.TableDef> loans = catalog.find("silver.loans");
    if (loans.isEmpty() || !catalog.exists(loans.get())) {
      return Optional.empty();
    }
    List<Row> rows = catalog.read(loans.get()).where(col("loan_id").equalTo(loanId)).select("region").limit(1).collectAsList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0).getString(0));
  }

  /** The loans valued in a region on a date. */
  public List<String> loans(String region, LocalDate date) {
    return catalog.read(FinanceTables.COLLATERAL_VALUATION).where(col("region").equalTo(region))
        .where(col("valuation_date").equalTo(java.sql.Date.valueOf(date))).select("loan_id").distinct().orderBy("loan_id")
        .collectAsList().stream().map(r -> r.getString(0)).toList();
  }

  /** Every loan's report of a region on a date, in loan order. */
  public List<ValuationReport> all(String region, LocalDate date, ParameterSet params) {
    List<Row> valuations = rows(FinanceTables.COLLATERAL_VALUATION, region, date, Optional.empty(), "loan_id", "pledge_id");
    List<Row> stresses = rows(FinanceTables.COLLATERAL_STRESS, region, date, Optional.empty(), "pledge_id", "shock");
    Map<String, Row> haircuts = haircuts(region, date, Optional.empty());
    Map<String, List<Row>> byLoan = new TreeMap<>();
    valuations.forEach(r -> byLoan.computeIfAbsent(r.getAs("loan_id"), k -> new ArrayList<>()).add(r));
    Map<String, List<Row>> stressByPledge = new LinkedHashMap<>();
    stresses.forEach(r -> stressByPledge.computeIfAbsent(r.getAs("pledge_id"), k -> new ArrayList<>()).add(r));
    Map<String, Row> runs = new LinkedHashMap<>();
    List<ValuationReport> reports = new ArrayList<>();
    for (Map.Entry<String, List<Row>> loan : byLoan.entrySet()) {
      String runId = loan.getValue().get(0).getAs("run_id");
      Row run = runs.computeIfAbsent(runId, this::runRow);
      reports.add(build(region, date, loan.getValue(), stressByPledge, haircuts, run, params)
          .withPriceHistories(priceHistories(region, date, loan.getValue(), haircuts, params)));
    }
    return reports;
  }

  /** One loan's report, or a BAD_INPUT when the loan has no valuation on the date. */
  public ValuationReport one(String region, String loanId, LocalDate date, ParameterSet params) {
    List<Row> valuations = rows(FinanceTables.COLLATERAL_VALUATION, region, date, Optional.of(loanId), "pledge_id");
    if (valuations.isEmpty()) {
      throw LiangshanException.badInput("Loan %s has no active pledge valued in %s on %s: it has no pledge active on that"
          + " date, or the valuation has not run.", loanId, region, date);
    }
    Map<String, List<Row>> stressByPledge = new LinkedHashMap<>();
    rows(FinanceTables.COLLATERAL_STRESS, region, date, Optional.of(loanId), "pledge_id", "shock")
        .forEach(r -> stressByPledge.computeIfAbsent(r.getAs("pledge_id"), k -> new ArrayList<>()).add(r));
    Map<String, Row> haircuts = haircuts(region, date, Optional.of(loanId));
    return build(region, date, valuations, stressByPledge, haircuts, runRow(valuations.get(0).getAs("run_id")), params)
        .withPriceHistories(priceHistories(region, date, valuations, haircuts, params));
  }

  /**
   * Per valued pledge, the daily volume-weighted prices of its instrument (right type and subject: silver.trades
   * records no zone, so the registry series, as the valuation priced it) from the start of its haircut window (or
   * the price window) to the date: what the report's price chart draws ({@link PriceChart}).
   */
  private Map<String, List<VolatilityHaircut.DailyPrice>> priceHistories(String region, LocalDate date, List<Row> valuations,
      Map<String, Row> haircuts, ParameterSet params) {
    Optional<org.liangshan.warehouse.TableDef> trades = catalog.find("silver.trades");
    if (trades.isEmpty() || !catalog.exists(trades.get())) {
      return Map.of();
    }
    LocalDate priceWindowStart = PriceHistory.windowStart(date, CollateralParameters.of(params).windowTradingDays());
    Map<String, List<VolatilityHaircut.DailyPrice>> result = new LinkedHashMap<>();
    // A row loaded before trades stated their unit is in the quote unit.
    boolean rowsHaveUnit = java.util.Arrays.asList(catalog.read(trades.get()).columns()).contains("unit");
    for (Row v : valuations) {
      String type = v.getAs("right_type");
      if (type == null || v.getAs("valuation_price") == null) {
        continue;
      }
      Instrument instrument = new Instrument(type, v.getAs("subject"), Optional.empty());
      Row haircut = haircuts.get(v.<String>getAs("pledge_id"));
      LocalDate start = Optional.ofNullable(haircut).map(h -> h.<java.sql.Date>getAs("window_start"))
          .map(java.sql.Date::toLocalDate).orElse(priceWindowStart);
      List<PriceHistory.Trade> series = new ArrayList<>();
      for (Row t : catalog.read(trades.get()).where(col("region").equalTo(region)).where(col("right_type").equalTo(type))
          .where(col("price_yuan").gt(0)).where(col("quantity").gt(0))
          .where(col("trade_date").between(java.sql.Date.valueOf(start), java.sql.Date.valueOf(date)))
          .orderBy("trade_date", "trade_id").collectAsList()) {
        if (new Instrument(type, t.getAs("subject"), Optional.empty()).equals(instrument)) {
          // In the quote unit, as the valuation read it (a kg/a-quoted trade converted once).
          series.add(PriceHistory.Trade.inQuoteUnit(t.getAs("trade_id"), t.<java.sql.Date>getAs("trade_date").toLocalDate(), type,
              t.<Double>getAs("quantity"), BigDecimal.valueOf(t.<Double>getAs("price_yuan")),
              Optional.ofNullable(rowsHaveUnit ? t.<String>getAs("unit") : null)));
        }
      }
      result.put(v.getAs("pledge_id"), VolatilityHaircut.dailyPrices(series, start, date));
    }
    return result;
  }

  /** gold.collateral_haircuts of the date by pledge (empty when the table does not exist yet). */
  private Map<String, Row> haircuts(String region, LocalDate date, Optional<String> loanId) {
    Map<String, Row> result = new LinkedHashMap<>();
    rows(org.liangshan.finance.HaircutTables.COLLATERAL_HAIRCUTS, region, date, loanId, "pledge_id")
        .forEach(r -> result.put(r.getAs("pledge_id"), r));
    return result;
  }

  /** A gold.collateral_haircuts row as the report's haircut basis. */
  static ValuationReport.Haircut haircut(Row h) {
    return new ValuationReport.Haircut(h.getAs("series"), Optional.ofNullable(h.<java.sql.Date>getAs("window_start"))
        .map(java.sql.Date::toLocalDate), h.<Integer>getAs("window_trading_days"), h.<Integer>getAs("price_days"),
        h.<Integer>getAs("returns"), Optional.ofNullable(h.<Double>getAs("sigma_daily")),
        Optional.ofNullable(h.<Double>getAs("sigma_annual")), h.<Double>getAs("confidence"), h.<Double>getAs("z"),
        h.<Integer>getAs("liquidation_days"), Optional.ofNullable(h.<Double>getAs("volatility_haircut")).map(BigDecimal::valueOf),
        BigDecimal.valueOf(h.<Double>getAs("configured_haircut")), BigDecimal.valueOf(h.<Double>getAs("cap")),
        BigDecimal.valueOf(h.<Double>getAs("haircut")), h.getAs("basis"), h.getAs("note"));
  }

  private List<Row> rows(org.liangshan.warehouse.TableDef def, String region, LocalDate date, Optional<String> loanId,
      String order, String... more) {
    if (!catalog.exists(def)) {
      return List.of();
    }
    var frame = catalog.read(def).where(col("region").equalTo(region))
        .where(col("valuation_date").equalTo(java.sql.Date.valueOf(date)));
    if (loanId.isPresent()) {
      frame = frame.where(col("loan_id").equalTo(loanId.get()));
    }
    return frame.orderBy(order, more).collectAsList();
  }

  private Row runRow(String runId) {
    if (!catalog.exists(OpsTables.RUN_LOG)) {
      return null;
    }
    List<Row> rows = catalog.read(OpsTables.RUN_LOG).where(col("run_id").equalTo(runId)).limit(1).collectAsList();
    return rows.isEmpty() ? null : rows.get(0);
  }

  static ValuationReport build(String region, LocalDate date, List<Row> valuations, Map<String, List<Row>> stressByPledge,
      Map<String, Row> haircuts, Row run, ParameterSet params) {
    CollateralParameters config = CollateralParameters.of(params);
    List<ValuationReport.Pledge> pledges = new ArrayList<>();
    for (Row v : valuations) {
      List<ValuationReport.Stress> stresses = new ArrayList<>();
      List<Row> sr = new ArrayList<>(stressByPledge.getOrDefault(v.<String>getAs("pledge_id"), List.of()));
      sr.sort((a, b) -> Double.compare(b.<Double>getAs("shock"), a.<Double>getAs("shock")));
      for (Row s : sr) {
        stresses.add(new ValuationReport.Stress(BigDecimal.valueOf(s.<Double>getAs("shock")), s.getAs("stressed_price"),
            s.getAs("collateral_value_yuan"), s.getAs("max_loan_yuan"), s.getAs("ltv_breach"), s.<Double>getAs("topup_quantity")));
      }
      pledges.add(new ValuationReport.Pledge(v.getAs("pledge_id"), v.getAs("right_id"), Optional.ofNullable(v.getAs("right_type")),
          v.<Double>getAs("quantity"), Optional.ofNullable(v.getAs("spot_price")), Optional.ofNullable(v.getAs("avg_price_20d")),
          v.<Integer>getAs("trades_in_window"), Optional.ofNullable(v.getAs("valuation_price")), v.getAs("price_source"),
          Optional.ofNullable(v.<Double>getAs("haircut")).map(BigDecimal::valueOf),
          Optional.ofNullable(v.<Double>getAs("ltv")).map(BigDecimal::valueOf),
          Optional.ofNullable(v.getAs("collateral_value_yuan")), Optional.ofNullable(v.getAs("max_loan_yuan")),
          Optional.ofNullable(v.getAs("margin_call_price")), Optional.ofNullable(v.<Double>getAs("topup_quantity")),
          v.getAs("status"), v.getAs("notes"), stresses,
          Optional.ofNullable(haircuts.get(v.<String>getAs("pledge_id"))).map(ValuationReports::haircut),
          Optional.ofNullable(v.<Double>getAs("term_factor")).map(f -> new ValuationReport.Term(date,
              Optional.ofNullable(v.<java.sql.Date>getAs("valid_until")).map(java.sql.Date::toLocalDate),
              Optional.ofNullable(v.<java.sql.Date>getAs("loan_matures_on")).map(java.sql.Date::toLocalDate),
              Optional.ofNullable(v.<Double>getAs("remaining_term_years")).map(BigDecimal::valueOf), BigDecimal.valueOf(f))))
          .withUnits(optionalString(v, "quantity_unit"), optionalString(v, "price_unit")));
    }
    Row first = valuations.get(0);
    ValuationReport.Parameters parameters = new ValuationReport.Parameters(first.getAs("parameter_set"),
        config.terms().triggerDrop(), config.windowTradingDays(), config.thinMarketMinTrades(), config.terms().shocks(),
        config.volatility().haircut().tradingDaysPerYear(), config.volatility().haircut().baseHoldingDays());
    ValuationReport.Audit audit = run == null
        ? new ValuationReport.Audit(first.getAs("run_id"), "unknown (not in ops.run_log)", "", "", "", Map.of(), Map.of())
        : new ValuationReport.Audit(run.getAs("run_id"), run.getAs("methodology_version"), run.getAs("command"),
            run.<java.sql.Timestamp>getAs("started_at").toInstant().toString(),
            run.<java.sql.Timestamp>getAs("finished_at").toInstant().toString(), map(run, "inputs"), map(run, "outputs"));
    return new ValuationReport(region, first.getAs("loan_id"), first.getAs("bank_id"), date, first.getAs("outstanding_yuan"),
        pledges, parameters, audit);
  }

  /** A string column's value, or null when the row has no such column (gold written before it was added). */
  private static String optionalString(Row row, String column) {
    return java.util.Arrays.asList(row.schema().fieldNames()).contains(column) ? row.getAs(column) : null;
  }

    private static Map<String, Long> map(Row run, String column) {
    Map<String, Long> result = new TreeMap<>();
    run.<String, Long>getJavaMap(run.fieldIndex(column)).forEach((k, v) -> result.put(k, ((Number) v).longValue()));
    return result;
  }

  /** Writes {@code <loan>.html} and {@code <loan>.json} into the directory; returns the paths. */
  public static List<Path> write(ValuationReport report, Path dir, boolean html, boolean json) {
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      String stem = safe(report.loanId());
      if (html) {
        written.add(Files.writeString(dir.resolve(stem + ".html"), ReportHtml.render(report), StandardCharsets.UTF_8));
      }
      if (json) {
        written.add(Files.writeString(dir.resolve(stem + ".json"), ReportJson.render(report), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw LiangshanException.failure(e, "Cannot write the valuation report into %s: %s", dir, e.getMessage());
    }
    return written;
  }

  /** An index page of a batch: every loan with its totals, flags and a link to its report. */
  public static Path writeIndex(List<ValuationReport> reports, String region, LocalDate date, Path dir) {
    StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Valuations ")
        .append(ReportHtml.e(region)).append(' ').append(date).append("</title>\n<style>body{font-family:Arial,sans-serif;"
            + "margin:24px;font-size:14px}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:4px 8px}"
            + "td.n{text-align:right}.bad{color:#b00020;font-weight:bold}@media print{a{color:inherit}}</style>\n</head>\n<body>\n")
        .append("<h1>Collateral valuations, ").append(ReportHtml.e(region)).append(", ").append(date).append("</h1>\n<table>\n")
        .append("<tr><th>Loan</th><th>Bank</th><th>Pledges</th><th>Outstanding</th><th>Collateral value</th><th>Max loan</th>"
            + "<th>Flags</th></tr>\n");
    for (ValuationReport r : reports) {
      int flags = r.flags().size();
      h.append("<tr><td><a href=\"").append(safe(r.loanId())).append(".html\">").append(ReportHtml.e(r.loanId()))
          .append("</a></td><td>").append(ReportHtml.e(r.bankId())).append("</td><td class=\"n\">").append(r.pledges().size())
          .append("</td><td class=\"n\">").append(ValuationReport.yuan(r.outstandingYuan())).append("</td><td class=\"n\">")
          .append(ValuationReport.yuan(r.totalCollateralValueYuan())).append("</td><td class=\"n\">")
          .append(ValuationReport.yuan(r.totalMaxLoanYuan())).append("</td><td").append(flags > 0 ? " class=\"bad\">" : ">")
          .append(flags).append("</td></tr>\n");
    }
    h.append("</table>\n</body>\n</html>\n");
    try {
      Files.createDirectories(dir);
      return Files.writeString(dir.resolve("index.html"), h.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw LiangshanException.failure(e, "Cannot write the report index into %s: %s", dir, e.getMessage());
    }
  }

  static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
