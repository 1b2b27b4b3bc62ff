package org.liangshan.finance;

import static org.apache.spark.sql.functions.col;
import static org.liangshan.warehouse.JobSupport.date;
import static org.liangshan.warehouse.JobSupport.decimal;
import static org.liangshan.warehouse.JobSupport.number;
import static org.liangshan.warehouse.JobSupport.string;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.liangshan.core.region.Region;
import org.liangshan.finance.model.CollateralBook;
import org.liangshan.finance.model.CollateralParameters;
import org.liangshan.finance.model.Instrument;
import org.liangshan.finance.model.InstrumentPricing;
import org.liangshan.finance.model.LoanBalance;
import org.liangshan.finance.model.PriceHistory;
import org.liangshan.market.MarketTables;
import org.liangshan.warehouse.JobSupport;
import org.liangshan.warehouse.Run;

/**
 * What a valuation on a date reads, read once for the valuation job, the daily margin-call monitor and the
 * haircut backtest, so the three price a right by one rule: silver.pledges, silver.loans, silver.repayments,
 * silver.rights_issued, silver.trades, and when they exist gold.auction_awards (vouchers won at auction are
 * pledgeable rights), gold.holdings_movements (retirements) and gold.benchmark_prices.
 */
record ValuationInputs(List<CollateralBook.Pledge> pledges, Map<String, CollateralBook.Loan> loans,
    Map<String, CollateralBook.Right> rights, Set<String> retired, Instrument.Series series, InstrumentPricing pricing) {

  static ValuationInputs read(Run run, Region region, LocalDate date, CollateralParameters config) {
    List<CollateralBook.Pledge> pledges = new ArrayList<>();
    for (Row r : JobSupport.silver(run, "pledges", region).orderBy("pledge_id").collectAsList()) {
      pledges.add(new CollateralBook.Pledge(string(r, "pledge_id"), string(r, "loan_id"), string(r, "right_id"),
          number(r, "quantity"), date(r, "pledged_on"), string(r, "status")));
    }
    List<LoanBalance.Repayment> repayments = new ArrayList<>();
    for (Row r : JobSupport.silver(run, "repayments", region).collectAsList()) {
      repayments.add(new LoanBalance.Repayment(string(r, "loan_id"), date(r, "repaid_on"), decimal(r, "amount_yuan")));
    }
    Map<String, CollateralBook.Loan> loans = new TreeMap<>();
    for (Row r : JobSupport.silver(run, "loans", region).collectAsList()) {
      LoanBalance.Terms terms = new LoanBalance.Terms(string(r, "loan_id"), date(r, "disbursed_on"),
          JobSupport.textDate(r, "matures_on"), decimal(r, "principal_yuan"));
      loans.put(terms.loanId(), new CollateralBook.Loan(terms.loanId(), string(r, "bank_id"),
          LoanBalance.on(terms, repayments, date), terms.maturesOn()));
    }
    Map<String, CollateralBook.Right> rights = new TreeMap<>();
    for (Row r : JobSupport.silver(run, "rights_issued", region).collectAsList()) {
      if (date(r, "issued_on").isAfter(date)) {
        continue;
      }
      rights.put(string(r, "right_id"), new CollateralBook.Right(string(r, "right_id"), string(r, "right_type"),
          string(r, "zone_id"), string(r, "subject"), JobSupport.textDate(r, "valid_until"),
          Optional.ofNullable(string(r, "unit"))));
    }
    JobSupport.goldIfExists(run, MarketTables.AUCTION_AWARDS).ifPresent(awards -> {
      // An award is in its auction's lots (kg/a in the sample data); a row written before awards carried their
      // unit takes it from silver.auctions.
      Map<String, String> lotUnits = new TreeMap<>();
      for (Row r : JobSupport.silver(run, "auctions", region).select("auction_id", "unit").collectAsList()) {
        lotUnits.put(string(r, "auction_id"), string(r, "unit"));
      }
      boolean rowsHaveUnit = java.util.Arrays.asList(awards.columns()).contains("unit");
      for (Row r : awards.where(col("region").equalTo(region.id())).collectAsList()) {
        if (!date(r, "awarded_on").isAfter(date)) {
          Optional<String> unit = Optional.ofNullable(rowsHaveUnit ? string(r, "unit") : null)
              .or(() -> Optional.ofNullable(lotUnits.get(string(r, "auction_id"))));
          rights.put(string(r, "right_id"), new CollateralBook.Right(string(r, "right_id"), "eco_voucher",
              string(r, "zone_id"), string(r, "pollutant"), Optional.empty(), unit));
        }
      }
    });
    Set<String> retired = new HashSet<>();
    JobSupport.goldIfExists(run, MarketTables.HOLDINGS_MOVEMENTS).ifPresent(movements -> {
      for (Row r : movements.where(col("region").equalTo(region.id())).where(col("movement_type").equalTo("retire"))
          .collectAsList()) {
        if (!date(r, "movement_date").isAfter(date)) {
          retired.add(string(r, "right_id"));
        }
      }
    });
    Instrument.Series series = trades(run, region, date);
    InstrumentPricing pricing = new InstrumentPricing(series, benchmarks(run, region, date), config, date);
    return new ValuationInputs(pledges, loans, rights, retired, series, pricing);
  }

  /**
   * The region's trades up to the date (positive price and quantity), oldest first, as one price series per
   * instrument (right type, subject, zone or registry): a pledge is never priced from another subject's or
   * zone's trades. Each trade is in its right type's quote unit ({@link PriceHistory.Trade#inQuoteUnit}).
   */
  static Instrument.Series trades(Run run, Region region, LocalDate date) {
    Instrument.Series series = new Instrument.Series();
    Dataset<Row> trades = JobSupport.silver(run, "trades", region);
    boolean rowsHaveUnit = java.util.Arrays.asList(trades.columns()).contains("unit");
    for (Row r : trades.where(col("trade_date").leq(JobSupport.sqlDate(date)))
        .where(col("price_yuan").gt(0)).where(col("quantity").gt(0))
        .orderBy("trade_date", "trade_id").collectAsList()) {
      // In the right type's quote unit: a trade recorded per kg/a is converted once, here, never pooled raw.
      PriceHistory.Trade trade = PriceHistory.Trade.inQuoteUnit(string(r, "trade_id"), date(r, "trade_date"),
          string(r, "right_type"), number(r, "quantity"), BigDecimal.valueOf(number(r, "price_yuan")),
          Optional.ofNullable(rowsHaveUnit ? string(r, "unit") : null));
      // silver.trades records no zone: every series is the region's registry series of its type and subject.
      series.add(new Instrument(trade.rightType(), string(r, "subject"), Optional.empty()), trade);
    }
    return series;
  }

  /** The latest benchmark per zone and pollutant of a year not after the date's. */
  private static Map<String, PriceHistory.Benchmark> benchmarks(Run run, Region region, LocalDate date) {
    Map<String, PriceHistory.Benchmark> result = new LinkedHashMap<>();
    Optional<Dataset<Row>> table = JobSupport.goldIfExists(run, MarketTables.BENCHMARK_PRICES);
    if (table.isEmpty()) {
      return result;
    }
    for (Row r : table.get().where(col("region").equalTo(region.id())).where(col("year").leq(date.getYear()))
        .orderBy("year").collectAsList()) {
      int year = ((Number) r.get(r.fieldIndex("year"))).intValue();
      result.put(string(r, "zone_id") + "|" + string(r, "pollutant"), new PriceHistory.Benchmark(
          decimal(r, "benchmark_price_yuan_per_t_a"),
          MarketTables.BENCHMARK_PRICES.qualifiedName() + " " + year + " " + string(r, "zone_id") + " " + string(r, "pollutant")));
    }
    return result;
  }
}
