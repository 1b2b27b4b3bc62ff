package org.liangshan.market.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.liangshan.core.method.BenchmarkPrice;
import org.liangshan.core.param.ParameterSet;

/**
 * The benchmark price of a zone and pollutant from its protection-cost survey items (METHODOLOGY.md
 * section 3), through core's {@link BenchmarkPrice}: capital items annualized with the CRF of their own
 * discount rate (the survey's, else {@code benchmark.discount_rate}), operating and opportunity items
 * per year, over the tradable surplus (allocatable − occupied, when above zero). Items of different discount rates are annualized per rate and
 * the sum priced in one more call, so every formula stays in core.
 */
public final class Benchmark {
  private Benchmark() {}

  /** One survey item: cost type capital, operating or opportunity. */
  public record CostItem(String item, String costType, BigDecimal amountYuan, Double lifeYears, Double discountRate) {
    public CostItem {
      requireNonNull(item, "item is null");
      requireNonNull(costType, "costType is null");
      requireNonNull(amountYuan, "amountYuan is null");
    }
  }

  /** The price, or the reason there is none. */
  public record Priced(Optional<BenchmarkPrice.Output> output, String note) {}

  /**
   * The price over the zone's tradable surplus, max(0, allocatable − occupied) (METHODOLOGY.md 3; the Tianmu Lake
   * study prices its 1.37 t tradable amount). A zone with no surplus, or overloaded, has no benchmark price: the
   * note says which, with the figures.
   */
  public static Priced price(List<CostItem> items, ZoneCapacity.Balance balance, ParameterSet params) {
    requireNonNull(balance, "balance is null");
    if (balance.status() != ZoneCapacity.Status.SURPLUS) {
      return new Priced(Optional.empty(), String.format(java.util.Locale.ROOT,
          "%s: allocatable %.6f − occupied %.6f t/a leaves no tradable surplus (overload %.6f t/a): no benchmark price",
          balance.status().code(), balance.allocatableTA(), balance.occupiedTA(), balance.overloadTA()));
    }
    return price(items, balance.tradableSurplusTA(), params);
  }

  /** The price over a tradable capacity in t/a; none when it is not above zero. */
  public static Priced price(List<CostItem> items, double tradableCapacityTA, ParameterSet params) {
    if (!(tradableCapacityTA > 0)) {
      return new Priced(Optional.empty(), "no tradable capacity (" + tradableCapacityTA + " t/a): no benchmark price");
    }
    if (items.isEmpty()) {
      return new Priced(Optional.empty(), "no protection-cost survey items");
    }
    BigDecimal annual = BigDecimal.ZERO;
    BigDecimal opportunity = BigDecimal.ZERO;
    Map<BigDecimal, List<BenchmarkPrice.CapitalCost>> capitalByRate = new TreeMap<>();
    for (CostItem item : items) {
      switch (item.costType()) {
        case "capital" -> {
          if (item.lifeYears() == null) {
            return new Priced(Optional.empty(), "capital item '" + item.item() + "' has no service life");
          }
          BigDecimal rate = item.discountRate() != null
              ? BigDecimal.valueOf(item.discountRate())
              : params.decimal("benchmark.discount_rate");
          capitalByRate.computeIfAbsent(rate, r -> new ArrayList<>())
              .add(new BenchmarkPrice.CapitalCost(item.amountYuan(), (int) Math.round(item.lifeYears())));
        }
        case "operating" -> annual = annual.add(item.amountYuan());
        case "opportunity" -> opportunity = opportunity.add(item.amountYuan());
        default -> {
          return new Priced(Optional.empty(), "unknown cost type '" + item.costType() + "' of item '" + item.item() + "'");
        }
      }
    }
    BigDecimal capacity = BigDecimal.valueOf(tradableCapacityTA);
    if (capitalByRate.size() <= 1) {
      BigDecimal rate = capitalByRate.isEmpty() ? BigDecimal.ZERO : capitalByRate.keySet().iterator().next();
      List<BenchmarkPrice.CapitalCost> capital = capitalByRate.isEmpty() ? List.of() : capitalByRate.get(rate);
      return new Priced(Optional.of(BenchmarkPrice.compute(new BenchmarkPrice.Input(capital, annual, opportunity, rate, capacity))), "");
    }
    BigDecimal annualized = annual.add(opportunity);
    for (Map.Entry<BigDecimal, List<BenchmarkPrice.CapitalCost>> group : capitalByRate.entrySet()) {
      annualized = annualized.add(BenchmarkPrice.compute(new BenchmarkPrice.Input(
          group.getValue(), BigDecimal.ZERO, BigDecimal.ZERO, group.getKey(), capacity)).annualizedCostYuan());
    }
    return new Priced(Optional.of(BenchmarkPrice.compute(
        new BenchmarkPrice.Input(List.of(), annualized, BigDecimal.ZERO, BigDecimal.ZERO, capacity))), "");
  }
}
