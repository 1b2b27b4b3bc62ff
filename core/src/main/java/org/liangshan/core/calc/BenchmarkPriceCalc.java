package org.liangshan.core.calc;

import static org.liangshan.core.calc.FieldSpec.optional;
import static org.liangshan.core.calc.FieldSpec.output;
import static org.liangshan.core.calc.FieldSpec.required;
import static org.liangshan.core.calc.FieldType.ARRAY;
import static org.liangshan.core.calc.FieldType.NUMBER;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.method.BenchmarkPrice;
import org.liangshan.core.param.ParameterSet;

/** {@code benchmark-price}: {@link BenchmarkPrice}, METHODOLOGY.md section 3. */
final class BenchmarkPriceCalc extends BaseCalcMethod {
  private static final List<String> CAPITAL_FIELDS = List.of("amount_yuan", "life_years");

  BenchmarkPriceCalc() {
    super(
        "benchmark-price",
        "Benchmark price: annualized protection and governance cost over tradable capacity (section"
            + " 3)",
        List.of(
            required("capital_costs", ARRAY, "", "capital outlays [{amount_yuan, life_years}]"),
            required("annual_costs_yuan", NUMBER, "yuan a-1", "annual operating costs"),
            optional(
                "opportunity_cost_yuan",
                NUMBER,
                "yuan a-1",
                "benchmark.opportunity_cost_yuan",
                "annual opportunity cost"),
            required("discount_rate", NUMBER, "-", "discount rate r, in [0, 1]"),
            required("tradable_capacity_t_a", NUMBER, "t a-1", "tradable capacity, > 0")),
        List.of(
            output(
                "annualized_cost_yuan",
                NUMBER,
                "yuan a-1",
                "Σ amount·CRF + annual + opportunity cost"),
            output(
                "benchmark_price_yuan_per_t_a",
                NUMBER,
                "yuan per t a-1",
                "annualized cost ÷ tradable capacity")));
  }

  @Override
  void compute(CalcInput in, ParameterSet params, ObjectNode out) {
    List<BenchmarkPrice.CapitalCost> costs = new ArrayList<>();
    for (CalcInput item : in.objects("capital_costs", CAPITAL_FIELDS)) {
      long life = item.integer("life_years");
      if (life > Integer.MAX_VALUE) {
        throw LiangshanException.badField(
            item.path("life_years"), "must be at most " + Integer.MAX_VALUE + ", got " + life);
      }
      costs.add(
          item.within(
              () -> new BenchmarkPrice.CapitalCost(item.decimal("amount_yuan"), (int) life)));
    }
    BenchmarkPrice.Output r =
        BenchmarkPrice.compute(
            new BenchmarkPrice.Input(
                costs,
                in.decimal("annual_costs_yuan"),
                in.decimal(
                    "opportunity_cost_yuan", params.decimal("benchmark.opportunity_cost_yuan")),
                in.decimal("discount_rate"),
                in.decimal("tradable_capacity_t_a")));
    put(out, "annualized_cost_yuan", r.annualizedCostYuan());
    put(out, "benchmark_price_yuan_per_t_a", r.benchmarkPriceYuanPerTA());
  }
}
