package org.liangshan.pipelines.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The declared terms and units of rights, auctions and trades: a right without a term, or with an inverted one, is
 * quarantined; so is a right, an auction or a trade whose unit is not a known unit of quantity, and a trade whose
 * unit does not convert to the one its right type is quoted in. A trade without a unit is in that quote unit.
 */
class TermCheckTest {
  private static final RecordMapper.Context CONTEXT = new RecordMapper.Context() {
    @Override
    public Instant now() {
      return Instant.parse("2025-01-01T00:00:00Z");
    }

    @Override
    public Set<String> known(String reference) {
      return Set.of();
    }
  };

  private static Map<String, String> right(String from, String until, String kind) {
    Map<String, String> raw = new HashMap<>(Map.of("right_id", "LY-ECO-2024-00001", "right_type", "生态券", "holder", "E1",
        "zone_id", "LY-WFZ-01", "subject", "TP", "quantity", "0.5", "unit", "t/a", "issued_on", "2024-01-15"));
    raw.put("valid_from", from);
    raw.put("valid_until", until);
    raw.put("term_kind", kind);
    return raw;
  }

  private static Object[] map(String family, Map<String, String> raw) throws Rejection {
    return SourceFamilies.get(family).mapper().map(raw, CONTEXT).get(0);
  }

  private static void assertRejected(String family, Map<String, String> raw, Rejection.Reason reason, String field,
      String message) {
    assertThatThrownBy(() -> map(family, raw))
        .isInstanceOfSatisfying(Rejection.class, r -> {
          assertThat(r.reason()).isEqualTo(reason);
          assertThat(r.field()).isEqualTo(field);
        })
        .hasMessage(message);
  }

  @Test
  void aRightWithItsTermLoadsWithItsKind() throws Rejection {
    SourceFamily family = SourceFamilies.get("rights-issued");
    Object[] row = map("rights-issued", right("2024-01-01", "2024-12-31", "年度"));
    assertThat(row[family.fields().indexOf(family.field("valid_from"))]).isEqualTo(Date.valueOf("2024-01-01"));
    assertThat(row[family.fields().indexOf(family.field("term_kind"))]).isEqualTo("flow");
    // a stock may leave its end empty: it does not expire
    assertThat(map("rights-issued", right("2024-01-01", null, "存量"))[family.fields().indexOf(family.field("term_kind"))])
        .isEqualTo("stock");
  }

  @Test
  void aRightWithoutItsTermIsRefusedNamingTheField() {
    assertRejected("rights-issued", right(null, "2024-12-31", "flow"), Rejection.Reason.MISSING_TERM, "valid_from",
        "'生效日期' is empty: every right states when its term starts");
    assertRejected("rights-issued", right("2024-01-01", "2024-12-31", null), Rejection.Reason.MISSING_TERM, "term_kind",
        "'期限类型' is empty: every right states whether it is a flow right (per year) or a stock");
    assertRejected("rights-issued", right("2024-01-01", null, "flow"), Rejection.Reason.MISSING_TERM, "valid_until",
        "'有效期至' is empty: a flow right is valid for a stated term and must say when it ends");
  }

  @Test
  void anInvertedTermIsRefused() {
    assertRejected("rights-issued", right("2024-12-31", "2024-01-01", "flow"), Rejection.Reason.INVERTED_TERM, "valid_until",
        "'有效期至' 2024-01-01 is before '生效日期' 2024-12-31: the term ends before it starts");
  }

  @Test
  void aUnitIsStoredAsItsSymbolAndAnUnknownOneIsQuarantinedNamingIt() throws Rejection {
    SourceFamily family = SourceFamilies.get("rights-issued");
    int unit = family.fields().indexOf(family.field("unit"));
    Map<String, String> raw = right("2024-01-01", "2024-12-31", "flow");
    raw.put("unit", "吨/年");
    assertThat(map("rights-issued", raw)[unit]).isEqualTo("t/a");
    // A bare 吨 is a stock of tonnes, loaded as such (never read as t/a).
    raw.put("unit", "吨");
    assertThat(map("rights-issued", raw)[unit]).isEqualTo("t");
    raw.put("unit", "斤");
    assertRejected("rights-issued", raw, Rejection.Reason.UNKNOWN_UNIT, "unit",
        "unit '斤' in '单位' is not a known unit of quantity; expected `t/a` (`吨/年`), `kg/a` (`千克/年`), `t` (`吨`, a"
            + " stock), `kg` (`千克`, a stock), `tCO2e`, `MWh`, `tce`, `ha` (`公顷`)");
    Map<String, String> auction = new HashMap<>(Map.of("auction_id", "A1", "zone_id", "LY-WFZ-01", "subject", "TP",
        "supply", "100", "unit", "千克/年", "opens_at", "2024-03-01 09:00", "closes_at", "2024-03-15 17:00",
        "rule", "lowest_accepted", "tie_seed", "7"));
    SourceFamily auctions = SourceFamilies.get("auctions");
    assertThat(map("auctions", auction)[auctions.fields().indexOf(auctions.field("unit"))]).isEqualTo("kg/a");
    auction.put("unit", "lots");
    assertThatThrownBy(() -> map("auctions", auction)).isInstanceOfSatisfying(Rejection.class,
        r -> assertThat(r.reason()).isEqualTo(Rejection.Reason.UNKNOWN_UNIT)).hasMessageStartingWith("unit 'lots' in '单位'");
  }

  @Test
  void anAuctionStatesItsWholeTermOrNone() throws Rejection {
    Map<String, String> auction = new HashMap<>(Map.of("auction_id", "A1", "zone_id", "LY-WFZ-01", "subject", "TP",
        "supply", "100", "unit", "kg/a", "opens_at", "2024-03-01 09:00", "closes_at", "2024-03-15 17:00",
        "rule", "lowest_accepted", "tie_seed", "7"));
    assertThat(map("auctions", auction)).isNotNull();
    auction.put("valid_from", "2024-01-01");
    assertRejected("auctions", auction, Rejection.Reason.MISSING_TERM, "valid_until",
        "'期限止' is empty but '期限起' is not: state the whole term, or neither for the default");
    auction.put("valid_until", "2023-12-31");
    assertRejected("auctions", auction, Rejection.Reason.INVERTED_TERM, "valid_until",
        "'期限止' 2023-12-31 is before '期限起' 2024-01-01: the term ends before it starts");
  }

  private static Map<String, String> trade(String rightType, String unit) {
    Map<String, String> raw = new HashMap<>(Map.of("trade_id", "T1", "trade_date", "2024-06-20", "right_type", rightType,
        "quantity", "2", "price_yuan", "15670", "subject", "TP"));
    raw.put("unit", unit);
    return raw;
  }

  private static Object tradeUnit(Map<String, String> raw) throws Rejection {
    SourceFamily trades = SourceFamilies.get("trades");
    return map("trades", raw)[trades.fields().indexOf(trades.field("unit"))];
  }

  @Test
  void aTradeWithoutAUnitIsInItsRightTypesQuoteUnitAndSilverSaysSo() throws Rejection {
    assertThat(tradeUnit(trade("生态券", null))).isEqualTo("t/a");
    assertThat(tradeUnit(trade("碳配额", ""))).isEqualTo("tCO2e");
    assertThat(tradeUnit(trade("绿证", null))).isEqualTo("MWh");
    assertThat(tradeUnit(trade("用能权", null))).isEqualTo("tce");
    assertThat(tradeUnit(trade("林权", null))).isEqualTo("ha");
    // A stated unit of the quote unit's kind is kept as stated (converted when the price enters a series).
    assertThat(tradeUnit(trade("生态券", "千克/年"))).isEqualTo("kg/a");
    assertThat(tradeUnit(trade("排污权", "吨/年"))).isEqualTo("t/a");
  }

  @Test
  void aTradeInAUnitThatDoesNotConvertToItsQuoteUnitIsQuarantinedNamingBoth() {
    assertRejected("trades", trade("生态券", "tCO2e"), Rejection.Reason.UNIT_MISMATCH, "unit",
        "unit 'tCO2e' in '单位' does not convert to t/a, the unit eco_voucher trades are quoted in: state the unit the"
            + " quantity and the price are in (t/a or another unit of its kind), or leave it empty for t/a");
    // A bare 吨 is a stock, never a year's load.
    assertRejected("trades", trade("排污权", "吨"), Rejection.Reason.UNIT_MISMATCH, "unit",
        "unit 't' in '单位' does not convert to t/a, the unit discharge_right trades are quoted in: state the unit the"
            + " quantity and the price are in (t/a or another unit of its kind), or leave it empty for t/a");
    assertRejected("trades", trade("碳配额", "kg/a"), Rejection.Reason.UNIT_MISMATCH, "unit",
        "unit 'kg/a' in '单位' does not convert to tCO2e, the unit carbon_quota trades are quoted in: state the unit the"
            + " quantity and the price are in (tCO2e or another unit of its kind), or leave it empty for tCO2e");
    assertThatThrownBy(() -> map("trades", trade("生态券", "lots"))).isInstanceOfSatisfying(Rejection.class,
        r -> assertThat(r.reason()).isEqualTo(Rejection.Reason.UNKNOWN_UNIT)).hasMessageStartingWith("unit 'lots' in '单位'");
  }
}
