package org.liangshan.finance.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.method.CollateralHaircut;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.param.Provenance;

/** The collateral parameters as a typed record: the defaults, every key mapped, a missing key named at load. */
class CollateralParametersTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void defaults() {
    CollateralParameters c = CollateralParameters.of(ParameterSet.defaults());
    assertThat(c).isEqualTo(new CollateralParameters(20, 5,
        new CollateralBook.Terms(new BigDecimal("0.15"), List.of(new BigDecimal("-0.1"), new BigDecimal("-0.2"), new BigDecimal("-0.3")),
            new BigDecimal("0.036")),
        new VolatilityHaircut.Terms(60, new CollateralHaircut.Terms(10, 0.99, 10, new BigDecimal("0.6"), 250, 0.2)), Optional.empty(),
        Optional.of(new BigDecimal("351.42"))));
    // 351.42 yuan/tC (the national carbon market's 2024 mean, gep.carbon_price_yuan_per_tc) x 12/44 per t CO2
    assertThat(c.carbonReference().orElseThrow().priceYuan()).isEqualByComparingTo("95.84181818181818181818181818181818");
  }

  @Test
  void everyKeyIsMapped() throws Exception {
    ParameterSet set = FinanceParameters.complete(ParameterSet.defaults()).withOverrides("all-keys", JSON.readTree("""
        {"collateral": {"window_trading_days": 15, "thin_market_min_trades": 3, "trigger_drop": 0.2,
          "stress_shocks": [-0.05, -0.5], "carbon_reference_price_yuan_per_t": 88.5,
          "volatility": {"window_trading_days": 40, "min_returns": 8, "confidence": 0.95, "liquidation_days": 5,
            "cap": 0.5, "trading_days_per_year": 245},
          "liquidity": {"participation_rate": 0.1}, "term": {"discount_rate": 0.05}},
         "gep": {"carbon_price_yuan_per_tc": 400}}
        """));
    CollateralParameters c = CollateralParameters.of(set);
    assertThat(c).isEqualTo(new CollateralParameters(15, 3,
        new CollateralBook.Terms(new BigDecimal("0.2"), List.of(new BigDecimal("-0.05"), new BigDecimal("-0.5")),
            new BigDecimal("0.05")),
        new VolatilityHaircut.Terms(40, new CollateralHaircut.Terms(8, 0.95, 5, new BigDecimal("0.5"), 245, 0.1)),
        Optional.of(new BigDecimal("88.5")),
        Optional.of(new BigDecimal("400"))));
    assertThat(c.carbonReference().orElseThrow().priceYuan()).isEqualByComparingTo("88.5");
    assertThat(c.carbonReference().orElseThrow().source()).isEqualTo("collateral.carbon_reference_price_yuan_per_t");
    // every key the record reads is one of the overrides above, and every collateral key of the defaults
    // (but the per-type table and the notes) is one the record reads: a new key cannot slip in unmapped
    assertThat(CollateralParameters.KEYS).allMatch(set::has);
    assertThat(leafKeys(FinanceParameters.complete(ParameterSet.defaults()), "collateral"))
        .allMatch(key -> CollateralParameters.KEYS.contains(key.replaceFirst("\\.\\d+$", "")));
  }

  @Test
  void aMissingKeyFailsAtLoadNamingIt() throws Exception {
    ParameterSet set = ParameterSet.defaults().withOverrides("no-trigger", JSON.readTree("{\"collateral\":{\"trigger_drop\":null}}"));
    assertThatThrownBy(() -> CollateralParameters.of(set))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("Parameter 'collateral.trigger_drop' is missing from parameter set no-trigger. Add it to"
            + " params/default.json or to the region's parameter_set.overrides.");
  }

  private static List<String> leafKeys(ParameterSet set, String prefix) {
    List<String> keys = new java.util.ArrayList<>();
    collect(set, prefix, keys);
    return keys.stream()
        .filter(k -> !k.startsWith("collateral.right_types.")
            && !Provenance.isMetadata(k.substring(k.lastIndexOf('.') + 1)))
        .toList();
  }

  private static void collect(ParameterSet set, String key, List<String> into) {
    com.fasterxml.jackson.databind.JsonNode node = set.node(key);
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(name -> collect(set, key + "." + name, into));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        into.add(key + "." + i);
      }
    } else {
      into.add(key);
    }
  }
}
