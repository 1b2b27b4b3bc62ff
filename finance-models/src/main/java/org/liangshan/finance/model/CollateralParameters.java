package org.liangshan.finance.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.unit.Carbon;

/**
 * The collateral parameters ({@code collateral.*}), read once from a parameter set when a valuation starts,
 * so a missing key fails there, naming it (a {@code LiangshanException} from {@link ParameterSet}), not half
 * way through the pledges. The per-right-type haircut and LTV ({@code collateral.right_types.<type>.*}) are
 * looked up by right type in core's {@code Collateral}.
 *
 * @param windowTradingDays {@code collateral.window_trading_days}: the price window, Monday to Friday
 * @param thinMarketMinTrades {@code collateral.thin_market_min_trades}: fewer trades in the window is a thin market
 * @param terms {@code collateral.trigger_drop}, {@code collateral.stress_shocks} and {@code collateral.term.discount_rate}
 * @param volatility {@code collateral.volatility.*} and {@code collateral.liquidity.participation_rate}
 * @param carbonReferencePriceYuanPerT {@code collateral.carbon_reference_price_yuan_per_t}, when set
 * @param carbonPriceYuanPerTc {@code gep.carbon_price_yuan_per_tc}, the fallback of the carbon reference price
 */
public record CollateralParameters(int windowTradingDays, int thinMarketMinTrades, CollateralBook.Terms terms,
    VolatilityHaircut.Terms volatility, Optional<BigDecimal> carbonReferencePriceYuanPerT,
    Optional<BigDecimal> carbonPriceYuanPerTc) {

  /** Every key this record reads, in the order of its components. */
  public static final List<String> KEYS = List.of("collateral.window_trading_days", "collateral.thin_market_min_trades",
      "collateral.trigger_drop", "collateral.stress_shocks", "collateral.term.discount_rate",
      "collateral.volatility.window_trading_days", "collateral.volatility.min_returns", "collateral.volatility.confidence",
      "collateral.volatility.liquidation_days", "collateral.volatility.cap", "collateral.volatility.trading_days_per_year",
      "collateral.liquidity.participation_rate",
      "collateral.carbon_reference_price_yuan_per_t", "gep.carbon_price_yuan_per_tc");

  public CollateralParameters {
    requireNonNull(terms, "terms is null");
    requireNonNull(volatility, "volatility is null");
    requireNonNull(carbonReferencePriceYuanPerT, "carbonReferencePriceYuanPerT is null");
    requireNonNull(carbonPriceYuanPerTc, "carbonPriceYuanPerTc is null");
    if (windowTradingDays < 1) {
      throw new IllegalArgumentException("Invalid collateral.window_trading_days (must be at least 1): " + windowTradingDays);
    }
    if (thinMarketMinTrades < 1) {
      throw new IllegalArgumentException("Invalid collateral.thin_market_min_trades (must be at least 1): " + thinMarketMinTrades);
    }
  }

  /** The collateral parameters of a set completed with the finance defaults ({@link FinanceParameters#complete}). */
  public static CollateralParameters of(ParameterSet params) {
    ParameterSet p = FinanceParameters.complete(params);
    return new CollateralParameters((int) p.number("collateral.window_trading_days"),
        (int) p.number("collateral.thin_market_min_trades"), CollateralBook.Terms.of(p), VolatilityHaircut.Terms.of(p),
        optional(p, "collateral.carbon_reference_price_yuan_per_t"), optional(p, "gep.carbon_price_yuan_per_tc"));
  }

  /**
   * The price carbon quotas and sink credits fall back to in a thin market, per t CO₂: {@code
   * collateral.carbon_reference_price_yuan_per_t} when set, else the GEP carbon price per t C × 12/44.
   */
  public Optional<PriceHistory.Benchmark> carbonReference() {
    if (carbonReferencePriceYuanPerT.isPresent()) {
      return Optional.of(new PriceHistory.Benchmark(carbonReferencePriceYuanPerT.get(),
          "collateral.carbon_reference_price_yuan_per_t"));
    }
    return carbonPriceYuanPerTc.map(perTc -> new PriceHistory.Benchmark(Carbon.perTonneCo2(perTc),
        "carbon reference gep.carbon_price_yuan_per_tc x 12/44"));
  }

  private static Optional<BigDecimal> optional(ParameterSet p, String key) {
    return p.has(key) ? Optional.of(p.decimal(key)) : Optional.empty();
  }
}
