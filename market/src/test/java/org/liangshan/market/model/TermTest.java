package org.liangshan.market.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.liangshan.core.LiangshanException;

/** Terms of rights: vouchers expire, and only rights within their term count for compliance. */
class TermTest {
  private static final LocalDate END_2024 = LocalDate.of(2024, 12, 31);
  private static final LocalDate END_2025 = LocalDate.of(2025, 12, 31);

  private static HoldingsLedger.Right voucher(String id, double tonnes, String issued, Term term) {
    return new HoldingsLedger.Right(id, "eco_voucher", "E1", "Z", "TP", tonnes, LocalDate.parse(issued), term, "test");
  }

  private static Compliance.Requirement occupation(int year, double tonnes) {
    return new Compliance.Requirement("E1", "宾馆", Compliance.WATER, "Z", "TP", tonnes, "occupation " + year);
  }

  /** What compliance counts on the date: the live holdings, as the market job passes them (all in t/a here). */
  private static String verify(HoldingsLedger ledger, LocalDate date, double required) {
    List<Compliance.Holding> held = ledger.liveHoldings(date).stream()
        .map(b -> new Compliance.Holding("E1", b.right().rightId(), b.right().rightType(), b.right().zoneId(),
            b.right().subject(), b.quantity(), "t/a"))
        .toList();
    Compliance.Line line = Compliance.verify(List.of(occupation(date.getYear(), required)), held).lines().get(0);
    return line.status() + " held " + line.held() + " short " + line.shortfall();
  }

  @Test
  void anExpiredVoucherDoesNotSatisfyNextYearsCompliance() {
    HoldingsLedger.Right v2024 = voucher("V24", 1.0, "2024-01-15", Term.calendarYear(2024));
    // Covers 2024's occupation on 31 December 2024, the last day of its term.
    assertThat(verify(HoldingsLedger.replay(List.of(v2024), List.of(), END_2024), END_2024, 0.8))
        .isEqualTo("covered held 1.0 short 0.0");
    // Expired on 1 January 2025: 2025's occupation is not covered by it.
    HoldingsLedger ledger2025 = HoldingsLedger.replay(List.of(v2024), List.of(), END_2025);
    assertThat(ledger2025.balance(HoldingsLedger.EXPIRED, "V24")).isEqualByComparingTo("1");
    assertThat(verify(ledger2025, END_2025, 0.8)).isEqualTo("obligation_to_buy held 0.0 short 0.8");
  }

  @Test
  void aVoucherHeldBeforeItsTermStartsDoesNotCountYet() {
    // Issued in December 2025 for the year 2026: on the ledger at the end of 2025, not live.
    HoldingsLedger.Right v2026 = voucher("V26", 1.0, "2025-12-01", Term.calendarYear(2026));
    HoldingsLedger ledger = HoldingsLedger.replay(List.of(v2026), List.of(), END_2025);
    assertThat(ledger.balance(HoldingsLedger.holder("E1"), "V26")).isEqualByComparingTo("1");
    assertThat(ledger.liveHoldings(END_2025)).isEmpty();
    assertThat(verify(ledger, END_2025, 0.5)).isEqualTo("obligation_to_buy held 0.0 short 0.5");
  }

  @Test
  void anAuctionsVouchersExpireAtTheEndOfTheTermItSold() {
    Term sold = Term.auctionTerm(Optional.empty(), Optional.empty(), 2024, Term.CALENDAR_YEAR);
    assertThat(sold).isEqualTo(new Term(LocalDate.of(2024, 1, 1), Optional.of(END_2024), Term.Kind.FLOW));
    HoldingsLedger.Right award = new HoldingsLedger.Right("AWD-A1-b1", "eco_voucher", "E1", "Z", "TP", 400, LocalDate.of(2024, 5, 10),
        sold, "auction A1");
    HoldingsLedger ledger = HoldingsLedger.replay(List.of(), List.of(award), LocalDate.of(2025, 1, 1));
    ledger.checkIssuedEqualsHeldRetiredExpired();
    assertThat(ledger.movements()).extracting(m -> m.movementId() + " " + m.date() + " " + m.quantity())
        .containsExactly("award:AWD-A1-b1 2024-05-10 400.0", "expire:AWD-A1-b1 2025-01-01 400.0");
    assertThat(ledger.total("holder:")).isZero();
    // A stated term wins over the default.
    assertThat(Term.auctionTerm(Optional.of(LocalDate.of(2024, 7, 1)), Optional.of(LocalDate.of(2026, 6, 30)), 2024,
        Term.CALENDAR_YEAR).validUntil()).contains(LocalDate.of(2026, 6, 30));
  }

  @Test
  void liveInAYearMeansOnSomeDayOfIt() {
    Term fiveYears = new Term(LocalDate.of(2023, 5, 1), Optional.of(LocalDate.of(2028, 4, 30)), Term.Kind.FLOW);
    assertThat(fiveYears.liveIn(2023)).isTrue();
    assertThat(fiveYears.liveIn(2028)).isTrue();
    assertThat(fiveYears.liveIn(2022)).isFalse();
    assertThat(fiveYears.liveIn(2029)).isFalse();
    assertThat(new Term(LocalDate.of(2020, 1, 1), Optional.empty(), Term.Kind.STOCK).liveOn(LocalDate.of(2099, 1, 1))).isTrue();
  }

  @Test
  void aTermThatCannotBeIsRefused() {
    assertThatThrownBy(() -> new Term(LocalDate.of(2024, 12, 31), Optional.of(LocalDate.of(2024, 1, 1)), Term.Kind.FLOW))
        .hasMessage("Invalid term (ends before it starts): 2024-12-31 to 2024-01-01");
    assertThatThrownBy(() -> new Term(LocalDate.of(2024, 1, 1), Optional.empty(), Term.Kind.FLOW))
        .hasMessage("Invalid term (a flow right needs an end): from 2024-01-01");
    assertThatThrownBy(() -> Term.auctionTerm(Optional.empty(), Optional.empty(), 2024, "rolling_12_months"))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("Unknown auction.term 'rolling_12_months'; expected calendar_year (the calendar year the auction closes in).");
    assertThatThrownBy(() -> Term.Kind.parse("annual")).hasMessage("Unknown term kind 'annual'; expected flow or stock.");
  }
}
