package org.liangshan.finance.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.liangshan.market.model.Pollutant;

/**
 * The price and the haircut of a pledged right on a date, each from the trades of its own {@link Instrument}
 * ({@link PriceHistory#quote}, {@link VolatilityHaircut#compute}); what {@link CollateralBook#value} asks for.
 *
 * <p>Thin-market fallback ({@link PriceHistory#quote}: the lower of it and the last trade): eco-vouchers and
 * discharge rights use the benchmark of their zone and pollutant ({@code benchmarks}, keyed {@code
 * zone|pollutant code}); carbon quotas and sink credits the carbon reference price; other types none.
 */
public final class InstrumentPricing implements CollateralBook.Haircuts {
  private final Instrument.Series series;
  private final Map<String, PriceHistory.Benchmark> benchmarks;
  private final Optional<PriceHistory.Benchmark> carbonReference;
  private final CollateralParameters config;
  private final LocalDate date;

  public InstrumentPricing(Instrument.Series series, Map<String, PriceHistory.Benchmark> benchmarks,
      CollateralParameters config, LocalDate date) {
    this.series = requireNonNull(series, "series is null");
    this.benchmarks = Map.copyOf(requireNonNull(benchmarks, "benchmarks is null"));
    this.config = requireNonNull(config, "config is null");
    this.carbonReference = config.carbonReference();
    this.date = requireNonNull(date, "date is null");
  }

  /** The instrument whose trades price a right: its type, subject and zone (or the registry). */
  public Instrument instrumentOf(CollateralBook.Right right) {
    return series.instrumentOf(right.rightType(), right.subject(), right.zoneId());
  }

  public PriceHistory.Quote quote(CollateralBook.Right right) {
    Optional<PriceHistory.Benchmark> fallback = switch (right.rightType()) {
      case "eco_voucher", "discharge_right" -> Optional.ofNullable(right.zoneId())
          .flatMap(z -> Pollutant.parse(right.subject()).map(pol -> benchmarks.get(z + "|" + pol.code())));
      case "carbon_quota", "carbon_sink_credit" -> carbonReference;
      default -> Optional.empty();
    };
    return PriceHistory.quote(series.trades(instrumentOf(right)), date, config.windowTradingDays(),
        config.thinMarketMinTrades(), fallback);
  }

  @Override
  public VolatilityHaircut.Result of(CollateralBook.Right right, double quantity, BigDecimal configured) {
    Instrument instrument = instrumentOf(right);
    return VolatilityHaircut.compute(instrument.name(), series.trades(instrument), date, configured, quantity,
        config.volatility());
  }
}
