package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.param.ParameterSet;

/**
 * GEP = EPV (material products) + ERV (regulating services) + ECV (cultural services), per district
 * and year (METHODOLOGY.md section 2; GB/T 46869-2025). The indicator list is configuration ({@code
 * gep.indicators}, each mapped to its category by {@code gep.categories}): an indicator valued but
 * not listed is reported as excluded, not summed. Values originating outside the region must be
 * left out by the caller before they reach here ({@code gep.exclude_external_origin}).
 */
public final class Gep {
  private Gep() {}

  /** The three categories and the total, with the indicators included and excluded. */
  public record Total(
      BigDecimal epvYuan,
      BigDecimal ervYuan,
      BigDecimal ecvYuan,
      BigDecimal gepYuan,
      Map<String, BigDecimal> includedYuan,
      List<String> excluded) {
    public Total {
      requireNonNull(epvYuan, "epvYuan is null");
      requireNonNull(ervYuan, "ervYuan is null");
      requireNonNull(ecvYuan, "ecvYuan is null");
      requireNonNull(gepYuan, "gepYuan is null");
      includedYuan = Collections.unmodifiableMap(new LinkedHashMap<>(includedYuan));
      excluded = List.copyOf(excluded);
    }
  }

  /** Sums the values of the configured indicators by category. */
  public static Total total(Map<String, BigDecimal> valuesByIndicator, ParameterSet params) {
    requireNonNull(valuesByIndicator, "valuesByIndicator is null");
    List<String> configured = params.texts("gep.indicators");
    BigDecimal epv = BigDecimal.ZERO;
    BigDecimal erv = BigDecimal.ZERO;
    BigDecimal ecv = BigDecimal.ZERO;
    Map<String, BigDecimal> included = new LinkedHashMap<>();
    List<String> excluded = new ArrayList<>();
    for (Map.Entry<String, BigDecimal> entry : valuesByIndicator.entrySet()) {
      String indicator = entry.getKey();
      BigDecimal value = Checks.present(indicator, entry.getValue());
      String categoryKey = "gep.categories." + indicator;
      if (!params.has(categoryKey)) {
        throw LiangshanException.badField(
            indicator,
            "unknown GEP indicator; expected one of "
                + String.join(", ", params.keys("gep.categories")));
      }
      if (!configured.contains(indicator)) {
        excluded.add(indicator);
        continue;
      }
      included.put(indicator, value);
      String category = params.text(categoryKey);
      switch (category) {
        case "EPV" -> epv = epv.add(value);
        case "ERV" -> erv = erv.add(value);
        case "ECV" -> ecv = ecv.add(value);
        default ->
            throw LiangshanException.failure(
                "Parameter '%s' in parameter set %s must be EPV, ERV or ECV, got %s",
                categoryKey, params.version(), category);
      }
    }
    return new Total(epv, erv, ecv, epv.add(erv).add(ecv), included, excluded);
  }

  /** GEP realization rate: value realized through trading, compensation and eco-finance ÷ GEP. */
  public static BigDecimal realizationRate(BigDecimal realizedYuan, BigDecimal gepYuan) {
    Checks.nonNegative("realized_yuan", realizedYuan);
    Checks.positive("gep_yuan", gepYuan);
    return realizedYuan.divide(gepYuan, MathContext.DECIMAL128);
  }
}
