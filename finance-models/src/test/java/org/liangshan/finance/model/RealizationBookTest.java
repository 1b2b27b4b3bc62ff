package org.liangshan.finance.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.method.GepRealization;
import org.liangshan.finance.model.RealizationBook.Basis;
import org.liangshan.finance.model.RealizationBook.Channel;
import org.liangshan.finance.model.RealizationBook.Item;
import org.liangshan.finance.model.RealizationBook.Totals;

/** The realization adds trading and compensation; eco-finance stays beside it; a source row counts once. */
class RealizationBookTest {
  private static Item item(Channel channel, String id, String district, String amount) {
    return new Item(channel, "t", id, district, new BigDecimal(amount), null);
  }

  @Test
  void realizedIsTradingAndCompensationWithEcoFinanceBeside() {
    // docs/methods/realization-rate.md, 和平区: auction 750 (voucher EV-B1), ledger 6,000, loans L1 10,000 and L4 500
    // (L4 pledges EV-B1) issued, 8,500 outstanding; GEP 1,000,000.
    Map<String, Totals> totals = RealizationBook.totals(List.of(
        item(Channel.AUCTION, "A1:B1", "120101", "750"), item(Channel.LEDGER, "TJ-V-01:2024:120101:r2", "120101", "6000"),
        item(Channel.LOAN_ISSUED, "L1", "120101", "10000"), item(Channel.LOAN_ISSUED, "L4", "120101", "500"),
        item(Channel.LOAN_OUTSTANDING, "L1", "120101", "8000"), item(Channel.LOAN_OUTSTANDING, "L4", "120101", "500"),
        item(Channel.TRADE, "T4", "unattributed", "100")), List.of("120101", "120102", "unattributed"));
    assertThat(totals.keySet()).containsExactly("120101", "120102", "unattributed");
    GepRealization heping = totals.get("120101").realization(Basis.ISSUED, new BigDecimal("1000000"));
    assertThat(heping.realizedYuan()).isEqualByComparingTo("6750");
    assertThat(heping.rate()).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("0.00675"));
    assertThat(heping.ecoFinanceYuan()).isEqualByComparingTo("10500");
    assertThat(heping.ecoFinanceRatio()).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("0.0105"));
    // the outstanding basis changes only the figure beside the rate
    GepRealization outstanding = totals.get("120101").realization(Basis.OUTSTANDING, new BigDecimal("1000000"));
    assertThat(outstanding.ecoFinanceYuan()).isEqualByComparingTo("8500");
    assertThat(outstanding.rate()).isEqualTo(heping.rate());
    assertThat(totals.get("120102")).isEqualTo(Totals.ZERO);
    Totals sum = totals.values().stream().reduce(Totals.ZERO, Totals::plus);
    assertThat(sum.tradingYuan()).isEqualByComparingTo("850");
  }

  @Test
  void aSourceRowCountsOnce() {
    assertThatThrownBy(() -> RealizationBook.totals(List.of(item(Channel.AUCTION, "A1:B1", "120101", "750"),
        item(Channel.AUCTION, "A1:B1", "120101", "750")), List.of("120101")))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("t A1:B1 is credited twice to 120101 as auction: a source row counts once.");
    // the same loan as issued and as outstanding is two figures, not a double count
    assertThat(RealizationBook.totals(List.of(item(Channel.LOAN_ISSUED, "L1", "120101", "10"),
        item(Channel.LOAN_OUTSTANDING, "L1", "120101", "10")), List.of("120101")).get("120101").ecoFinanceIssuedYuan())
        .isEqualByComparingTo("10");
  }

  @Test
  void anUnknownDistrictOrBasisIsRefused() {
    assertThatThrownBy(() -> RealizationBook.totals(List.of(item(Channel.TRADE, "T1", "999999", "1")), List.of("120101")))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("t T1 is credited to '999999', which is not a district of the region nor the unattributed row.");
    assertThatThrownBy(() -> Basis.of("disbursed", "tianjin-2025.1"))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("Parameter set tianjin-2025.1: realization.eco_finance_basis is 'disbursed'; expected issued or outstanding.");
  }
}
