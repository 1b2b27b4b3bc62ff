package org.liangshan.finance.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;

/** Every finance parameter is part of the region's versioned set, and the recorded version says which. */
class FinanceParameterSetTest {
  private final Region tianjin = Regions.load("tianjin");

  @Test
  void aRegionsSetHoldsTheFinanceParametersAndNamesTheirSources() {
    ParameterSet set = ParameterSet.forRegion(tianjin);
    assertThat(set.version()).isEqualTo("tianjin-2025.1");
    // Contributions in the order of their class names: finance's, then geo-jobs' and the market's (dependencies).
    assertThat(set.sources()).containsExactly("cn-default-2025.1", "realization-2026.1", "finance-defaults-2025.2",
        "finance-publication-2026.1", "natural-resources-2025.1", "market-defaults-2025.2");
    assertThat(set.decimal("water_capacity.decay_k_per_day.river.cod")).isEqualByComparingTo("0.15");
    assertThat(set.number("collateral.window_trading_days")).isEqualTo(20);
    assertThat(set.decimal("loan_pricing.base_rate")).isEqualByComparingTo("0.0385");
    assertThat(set.text("loan_pricing.rating_scale.A")).isEqualTo("dark_green");
    // core's defaults win over a contribution: the trigger drop stays core's.
    assertThat(set.decimal("collateral.trigger_drop")).isEqualByComparingTo("0.15");
    assertThat(FinanceParameters.complete(set)).isSameAs(set);
  }

  @Test
  void theRecordedVersionChangesWithAnyParameter() throws Exception {
    ParameterSet set = ParameterSet.forRegion(tianjin);
    assertThat(set.recorded()).matches("tianjin-2025\\.1@[0-9a-f]{12}");
    assertThat(ParameterSet.forRegion(tianjin).recorded()).isEqualTo(set.recorded());
    ObjectMapper json = new ObjectMapper();
    ParameterSet shocked = set.withOverrides(set.version(), json.readTree("{\"collateral\":{\"stress_shocks\":[-0.1,-0.2,-0.4]}}"));
    assertThat(shocked.version()).isEqualTo(set.version());
    assertThat(shocked.fingerprint()).isNotEqualTo(set.fingerprint());
    // The same numbers written differently are the same parameters.
    ParameterSet same = set.withOverrides(set.version(), json.readTree("{\"loan_pricing\":{\"base_rate\":0.03850}}"));
    assertThat(same.fingerprint()).isEqualTo(set.fingerprint());
  }

  @Test
  void financeDefaultsFillOnlyMissingKeysAndKeepTheVersion() {
    ParameterSet region = ParameterSet.defaults().withOverrides("r-1", new com.fasterxml.jackson.databind.ObjectMapper()
        .createObjectNode().set("collateral", new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
            .put("thin_market_min_trades", 3)));
    ParameterSet complete = FinanceParameters.complete(region);
    assertThat(complete.version()).isEqualTo("r-1");
    assertThat(complete.number("collateral.thin_market_min_trades")).isEqualTo(3);
    assertThat(complete.number("collateral.window_trading_days")).isEqualTo(20);
    assertThat(complete.number("collateral.trigger_drop")).isEqualTo(0.15);
  }
}
