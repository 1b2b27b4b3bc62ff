package org.liangshan.finance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.liangshan.core.method.HaircutBacktest;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.Region;
import org.liangshan.finance.model.CollateralBook;
import org.liangshan.finance.model.CollateralParameters;
import org.liangshan.finance.model.FinanceParameters;
import org.liangshan.finance.model.Instrument;
import org.liangshan.finance.model.InstrumentBacktest;
import org.liangshan.warehouse.JobSupport;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.SparkSql;

/**
 * The haircut backtest of a region as of a date, thin over {@link InstrumentBacktest}: every instrument of
 * silver.trades (grouped as the valuation groups them, {@link ValuationInputs#trades}) is listed in
 * gold.haircut_backtest, tested, with too short a history ({@code insufficient_history}) or of a type without a
 * configured haircut ({@code unsupported_right_type}). Replaces the (region, as_of_date) slice.
 */
public final class HaircutBacktestJob {
  private HaircutBacktestJob() {}

  /** What the run found; {@code zone} is the worst Basel zone of the tested instruments, empty when none has 250 windows. */
  public record Summary(String region, LocalDate asOf, int instruments, Map<String, Integer> byStatus, int observations,
      int exceptions, Map<String, Integer> verdicts, Optional<String> zone) {
    @Override
    public String toString() {
      return String.format("haircut backtest %s as of %s: %d instruments %s, %d exceptions in %d windows, verdicts %s,"
          + " Basel zone %s", region, asOf, instruments, byStatus, exceptions, observations, verdicts,
          zone.orElse("none (no instrument has " + HaircutBacktest.ZONE_OBSERVATIONS + " windows)"));
    }
  }

  public static Summary run(Run run, Region region, LocalDate asOf, ParameterSet params) {
    ParameterSet p = FinanceParameters.complete(params);
    CollateralParameters config = CollateralParameters.of(p);
    Instrument.Series series = ValuationInputs.trades(run, region, asOf);
    List<RiskRows.Backtest> rows = new ArrayList<>();
    Map<String, Integer> byStatus = new TreeMap<>();
    Map<String, Integer> verdicts = new TreeMap<>();
    int observations = 0;
    int exceptions = 0;
    Optional<HaircutBacktest.Zone> worst = Optional.empty();
    for (Instrument instrument : series.instruments()) {
      InstrumentBacktest.Result r = InstrumentBacktest.run(instrument, series.trades(instrument), asOf,
          CollateralBook.configuredHaircut(p, instrument.rightType()), config.volatility());
      byStatus.merge(r.status(), 1, Integer::sum);
      Optional<HaircutBacktest.Output> out = r.output().filter(o -> r.status().equals(InstrumentBacktest.TESTED));
      out.ifPresent(o -> verdicts.merge(o.verdict().jsonName(), 1, Integer::sum));
      observations += r.observations();
      exceptions += r.exceptions();
      Optional<HaircutBacktest.Zone> zone = out.flatMap(HaircutBacktest.Output::zone);
      if (zone.isPresent() && (worst.isEmpty() || zone.get().compareTo(worst.get()) > 0)) {
        worst = zone;
      }
      rows.add(new RiskRows.Backtest(region.id(), asOf, instrument.rightType(),
          Optional.of(instrument.subject()).filter(s -> !s.isEmpty()), instrument.zoneId(), instrument.name(), r.status(),
          r.closes().get(0).date(), r.closes().get(r.closes().size() - 1).date(), r.closes().size(), r.horizonDays(),
          r.coverage(), r.configured().map(c -> c.doubleValue()), r.observations(), r.exceptions(),
          out.map(o -> (double) o.exceedances() / o.observations()),
          out.map(o -> r.windows().stream().mapToDouble(w -> w.haircut().doubleValue()).average().orElseThrow()),
          out.map(o -> r.windows().stream().mapToDouble(InstrumentBacktest.Window::fall).max().orElseThrow()),
          out.map(o -> o.lrPof().getAsDouble()), out.map(o -> o.pValue().getAsDouble()),
          out.map(o -> o.verdict().jsonName()), zone.map(HaircutBacktest.Zone::jsonName), r.exceedances(), r.note()));
    }
    String slice = "region = " + SparkSql.literal(region.id()) + " AND as_of_date = DATE'" + asOf + "'";
    JobSupport.replace(run, RiskRows.BACKTEST, rows, slice);
    run.count("instruments_tested", byStatus.getOrDefault(InstrumentBacktest.TESTED, 0));
    run.count("backtest_exceptions", exceptions);
    return new Summary(region.id(), asOf, rows.size(), byStatus, observations, exceptions, verdicts,
        worst.map(HaircutBacktest.Zone::jsonName));
  }
}
