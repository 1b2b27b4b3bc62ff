package org.liangshan.finance;

import static org.apache.spark.sql.functions.col;
import static org.liangshan.warehouse.JobSupport.date;
import static org.liangshan.warehouse.JobSupport.decimal;
import static org.liangshan.warehouse.JobSupport.number;
import static org.liangshan.warehouse.JobSupport.string;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.Region;
import org.liangshan.finance.model.CollateralBook;
import org.liangshan.finance.model.CollateralParameters;
import org.liangshan.finance.model.FinanceParameters;
import org.liangshan.finance.model.InstrumentPricing;
import org.liangshan.finance.model.MarginMonitor;
import org.liangshan.warehouse.JobSupport;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.SparkSql;

/**
 * The daily margin-call monitor of a region, thin over {@link MarginMonitor}: revalues every active pledge on the
 * date with the valuation's own inputs and pricing ({@link ValuationInputs}, {@link CollateralBook#value}), compares
 * each price with the margin-call price of the pledge's latest gold.collateral_valuation on or before the date, and
 * replaces the (region, call_date) slice of gold.margin_calls with the pledges below their line and their top-up,
 * and the (region, check_date) row of gold.margin_checks with what the check covered.
 * Writes nothing else: the valuation of record stays the valuation job's.
 */
public final class MarginCallJob {
  private MarginCallJob() {}

  /** What the run found. */
  public record Summary(String region, LocalDate date, int activePledges, int checked, int calls, BigDecimal shortfallYuan,
      List<String> unreferenced) {
    @Override
    public String toString() {
      return String.format("margin calls %s %s: %d active pledges, %d checked against their latest valuation, %d below the"
          + " margin-call price, shortfall %s yuan%s", region, date, activePledges, checked, calls,
          shortfallYuan.toPlainString(), unreferenced.isEmpty() ? ""
              : "; " + unreferenced.size() + " valued pledge(s) without a valuation on or before the date, not checked"
                  + " (run liangshan valuate --all --date D first): " + String.join(", ", unreferenced));
    }
  }

  public static Summary run(Run run, Region region, LocalDate date, ParameterSet params) {
    ParameterSet p = FinanceParameters.complete(params);
    CollateralParameters config = CollateralParameters.of(p);
    ValuationInputs in = ValuationInputs.read(run, region, date, config);
    InstrumentPricing pricing = in.pricing();
    List<CollateralBook.Valuation> revalued = CollateralBook.value(in.pledges(), in.loans(), in.rights(), in.retired(),
        pricing::quote, pricing, date, config.terms(), p);
    MarginMonitor.Outcome outcome = MarginMonitor.check(revalued, references(run, region, date),
        config.terms().triggerDrop());
    List<RiskRows.MarginCall> rows = new ArrayList<>();
    BigDecimal shortfall = BigDecimal.ZERO;
    for (MarginMonitor.Call c : outcome.calls()) {
      CollateralBook.Valuation v = c.revalued();
      CollateralBook.Right right = v.right().orElseThrow();
      shortfall = shortfall.add(JobSupport.money(c.shortfallYuan()));
      rows.add(new RiskRows.MarginCall(region.id(), date, v.pledge().pledgeId(), v.pledge().loanId(), v.loan().bankId(),
          right.rightId(), right.rightType(), pricing.instrumentOf(right).name(), v.pledge().quantity(),
          c.reference().valuationDate(), JobSupport.money(c.reference().valuationPrice()),
          JobSupport.money(c.reference().marginCallPrice()), JobSupport.money(c.price()), v.quote().orElseThrow().source(),
          c.priceDrop().doubleValue(), c.reference().haircut().doubleValue(), c.reference().termFactor().doubleValue(),
          JobSupport.money(c.collateralValueYuan()), JobSupport.money(c.valueAtPriceYuan()), JobSupport.money(c.shortfallYuan()),
          c.topupQuantity().doubleValue(), JobSupport.money(c.topupValueYuan()), c.note(), CollateralBook.quantityUnit(v),
          CollateralBook.priceUnit(v)));
    }
    int active = CollateralBook.activeOn(in.pledges(), date).size();
    String inRegion = "region = " + SparkSql.literal(region.id());
    JobSupport.replace(run, RiskRows.MARGIN_CALL, rows, inRegion + " AND call_date = DATE'" + date + "'");
    // The check itself, calls or none, so that "the open calls" are the calls of the latest check.
    JobSupport.replace(run, RiskRows.MARGIN_CHECK, List.of(new RiskRows.MarginCheck(region.id(), date, active,
        outcome.checked(), rows.size(), shortfall, outcome.unreferenced().size(), String.join(", ", outcome.unreferenced()))),
        inRegion + " AND check_date = DATE'" + date + "'");
    return new Summary(region.id(), date, active, outcome.checked(), rows.size(), shortfall, outcome.unreferenced());
  }

  /** The latest valued gold.collateral_valuation row of each pledge on or before the date. */
  private static Map<String, MarginMonitor.Reference> references(Run run, Region region, LocalDate date) {
    Map<String, MarginMonitor.Reference> latest = new HashMap<>();
    JobSupport.goldIfExists(run, FinanceTables.COLLATERAL_VALUATION).ifPresent(table -> {
      for (Row r : table.where(col("region").equalTo(region.id()))
          .where(col("valuation_date").leq(JobSupport.sqlDate(date)))
          .where(col("margin_call_price").isNotNull()).where(col("valuation_price").gt(0))
          .where(col("haircut").isNotNull()).where(col("ltv").isNotNull()).where(col("term_factor").isNotNull())
          .orderBy("valuation_date").collectAsList()) {
        // Ordered by date: a later valuation of the pledge replaces an earlier one.
        latest.put(string(r, "pledge_id"), new MarginMonitor.Reference(string(r, "pledge_id"), date(r, "valuation_date"),
            decimal(r, "valuation_price"), decimal(r, "margin_call_price"), BigDecimal.valueOf(number(r, "haircut")),
            BigDecimal.valueOf(number(r, "ltv")), BigDecimal.valueOf(number(r, "term_factor"))));
      }
    });
    return latest;
  }
}
