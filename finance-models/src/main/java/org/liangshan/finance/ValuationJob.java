package org.liangshan.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.liangshan.warehouse.SparkSql;
import org.liangshan.core.method.Collateral;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.Region;
import org.liangshan.finance.model.CollateralBook;
import org.liangshan.finance.model.CollateralParameters;
import org.liangshan.finance.model.FinanceParameters;
import org.liangshan.finance.model.Instrument;
import org.liangshan.finance.model.LoanBalance;
import org.liangshan.finance.model.InstrumentPricing;
import org.liangshan.finance.model.PriceHistory;
import org.liangshan.finance.model.VolatilityHaircut;
import org.liangshan.warehouse.JobSupport;
import org.liangshan.warehouse.Run;

/**
 * Collateral valuation of a region's active pledges on a date, thin over {@link CollateralBook} and
 * {@link PriceHistory}; a loan's outstanding is its balance on the date ({@link LoanBalance}). Reads
 * silver.pledges, silver.loans, silver.repayments, silver.rights_issued, silver.trades, and when
 * they exist gold.auction_awards (vouchers won at auction are pledgeable rights), gold.holdings_movements
 * (retirements) and gold.benchmark_prices; replaces the (region, valuation_date) slice of
 * gold.collateral_valuation, gold.collateral_stress and gold.collateral_haircuts.
 *
 * <p>Price series: the trades of the pledged right's own {@link Instrument} (right type, subject, zone or
 * registry), never pooled across subjects or zones. Haircut: the volatility of that series scaled to the
 * days the pledge takes to sell ({@link VolatilityHaircut}, core's {@code CollateralHaircut}); in a thin
 * market the cap, and the row says so.
 *
 * <p>Thin-market fallback price: the lower of the last trade of the instrument and the benchmark: for
 * eco-vouchers and discharge rights the benchmark price of their zone and pollutant from the latest
 * gold.benchmark_prices year not after the date; carbon quotas and sink credits use {@code
 * collateral.carbon_reference_price_yuan_per_t}, or when that is not set the parameter set's carbon price
 * {@code gep.carbon_price_yuan_per_tc} × 12/44 (per t CO₂).
 */
public final class ValuationJob {
  private ValuationJob() {}

  public record Summary(String region, LocalDate date, int pledges, int valued, BigDecimal collateralValueYuan,
      BigDecimal maxLoanYuan, Map<String, Integer> byStatus, int stressRows) {
    @Override
    public String toString() {
      return String.format("valuation %s %s: %d active pledges, %d valued, collateral value %s yuan, max loan %s yuan, status %s,"
          + " %d stress rows", region, date, pledges, valued, collateralValueYuan.toPlainString(), maxLoanYuan.toPlainString(),
          byStatus, stressRows);
    }
  }

  public static Summary run(Run run, Region region, LocalDate date, ParameterSet params) {
    return run(run, region, date, params, message -> {});
  }

  public static Summary run(Run run, Region region, LocalDate date, ParameterSet params, Consumer<String> progress) {
    ParameterSet p = FinanceParameters.complete(params);
    CollateralParameters config = CollateralParameters.of(p);
    progress.accept("valuation " + region.id() + " " + date + ": reading pledges, loans, rights and trades");
    ValuationInputs in = ValuationInputs.read(run, region, date, config);
    InstrumentPricing pricing = in.pricing();
    List<CollateralBook.Valuation> valuations = CollateralBook.value(in.pledges(), in.loans(), in.rights(), in.retired(), pricing::quote, pricing,
        date, config.terms(), p);
    List<CollateralBook.Stress> stresses = CollateralBook.stress(valuations, config.terms());

    List<CollateralRows.Valuation> rows = new ArrayList<>();
    BigDecimal totalValue = BigDecimal.ZERO;
    BigDecimal totalMaxLoan = BigDecimal.ZERO;
    Map<String, Integer> byStatus = new TreeMap<>();
    int valued = 0;
    Map<String, BigDecimal> outstandingShares = CollateralBook.outstandingShares(valuations);
    for (CollateralBook.Valuation v : valuations) {
      byStatus.merge(v.status(), 1, Integer::sum);
      Optional<Collateral.Output> out = v.output();
      if (out.isPresent()) {
        valued++;
        totalValue = totalValue.add(JobSupport.money(out.get().collateralValue()));
        totalMaxLoan = totalMaxLoan.add(JobSupport.money(out.get().maxLoan()));
      }
      Optional<PriceHistory.Quote> q = v.quote();
      Optional<CollateralBook.Right> right = v.right();
      rows.add(new CollateralRows.Valuation(region.id(), date, v.pledge().loanId(), v.loan().bankId(),
          v.pledge().pledgeId(), v.pledge().rightId(), right.map(CollateralBook.Right::rightType),
          right.map(r -> Instrument.subjectKey(r.subject())).filter(s -> !s.isEmpty()),
          right.map(CollateralBook.Right::zoneId).filter(z -> !z.isBlank()),
          v.pledge().quantity(),
          q.flatMap(PriceHistory.Quote::marketSpot).map(JobSupport::money),
          q.flatMap(PriceHistory.Quote::marketAverage).map(JobSupport::money),
          q.map(PriceHistory.Quote::tradesInWindow).orElse(0),
          v.haircutBasis().map(h -> h.prices().stream().mapToInt(VolatilityHaircut.DailyPrice::trades).sum()).orElse(0),
          out.map(Collateral.Output::valuationPrice).map(JobSupport::money),
          q.map(PriceHistory.Quote::source).orElse("none"),
          v.haircut().map(BigDecimal::doubleValue),
          v.haircutBasis().filter(h -> h.measured().isPresent() && !h.thinMarket()).map(h -> h.liquidityAddon().doubleValue()),
          v.ltv().map(BigDecimal::doubleValue),
          right.flatMap(CollateralBook.Right::validUntil),
          v.loan().maturesOn(),
          v.term().flatMap(Collateral.Term::remainingTermYears).map(BigDecimal::doubleValue),
          v.term().map(t -> t.termFactor().doubleValue()),
          out.map(Collateral.Output::collateralValue).map(JobSupport::money),
          out.map(Collateral.Output::maxLoan).map(JobSupport::money),
          JobSupport.money(v.loan().outstandingYuan()),
          JobSupport.money(outstandingShares.get(v.pledge().pledgeId())),
          CollateralBook.actualLtv(v).map(BigDecimal::doubleValue),
          out.map(Collateral.Output::marginCallPrice).map(JobSupport::money),
          out.map(o -> o.topupQuantity().doubleValue()),
          v.status(), v.notes(), CollateralBook.quantityUnit(v), CollateralBook.priceUnit(v)));
    }
    List<CollateralRows.Haircut> haircutRows = new ArrayList<>();
    for (CollateralBook.Valuation v : valuations) {
      if (v.haircutBasis().isEmpty()) {
        continue;
      }
      VolatilityHaircut.Result h = v.haircutBasis().get();
      haircutRows.add(new CollateralRows.Haircut(region.id(), date, v.pledge().loanId(), v.loan().bankId(),
          v.pledge().pledgeId(), v.right().orElseThrow().rightType(), h.series(),
          Optional.ofNullable(h.windowStart()), h.windowTradingDays(), h.prices().size(),
          h.returns(), h.sigmaDaily(), h.sigmaAnnual(), h.confidence(), h.z(), h.liquidationDays(),
          h.volatilityHaircut().map(BigDecimal::doubleValue), h.configured().doubleValue(), h.cap().doubleValue(),
          h.haircut().doubleValue(), Optional.of(h.basis()), h.note()));
    }
    List<CollateralRows.Stress> stressRows = new ArrayList<>();
    for (CollateralBook.Stress s : stresses) {
      stressRows.add(new CollateralRows.Stress(region.id(), date, s.base().pledge().loanId(),
          s.base().pledge().pledgeId(), s.base().pledge().rightId(), s.shock().doubleValue(), JobSupport.money(s.stressedPrice()),
          JobSupport.money(s.atShock().collateralValue()), JobSupport.money(s.atShock().maxLoan()),
          JobSupport.money(s.base().loan().outstandingYuan()), s.ltvBreach(), s.topupQuantity().doubleValue()));
    }
    progress.accept("valuation " + region.id() + " " + date + ": writing gold tables");
    String slice = "region = " + SparkSql.literal(region.id()) + " AND valuation_date = DATE'" + date + "'";
    JobSupport.replace(run, CollateralRows.VALUATION, rows, slice);
    JobSupport.replace(run, CollateralRows.STRESS, stressRows, slice);
    JobSupport.replace(run, CollateralRows.HAIRCUT, haircutRows, slice);
    return new Summary(region.id(), date, valuations.size(), valued, totalValue, totalMaxLoan, byStatus, stressRows.size());
  }
}
