package org.liangshan.finance.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.money.Money;

/**
 * The compensation ledger in double entry (METHODOLOGY.md section 5: "Every transfer is a ledger entry
 * payer → payee with its basis; per period the entries balance"). Each entry is published in fen
 * ({@link Money#roundedToFen()}, HALF_EVEN) and posts twice: a debit to the payee's account (it
 * receives) and a credit to the payer's (it pays). {@link #checkBalanced()} fails unless the debits
 * equal the credits in every period.
 */
public final class CompensationLedger {
  /**
   * @param reliance what the amount rests on, for its illustrative share ({@link Reliance}); not part of the
   *     basis, so a change of a parameter's status alone makes no new revision
   */
  public record Entry(String entryId, String period, String agreementId, String method, String payer, String payee,
      BigDecimal exactYuan, BigDecimal amountYuan, String basis, Reliance reliance) {
    public Entry {
      requireNonNull(entryId, "entryId is null");
      requireNonNull(period, "period is null");
      requireNonNull(payer, "payer is null");
      requireNonNull(payee, "payee is null");
      requireNonNull(amountYuan, "amountYuan is null");
      requireNonNull(basis, "basis is null");
      requireNonNull(reliance, "reliance is null");
      if (amountYuan.signum() <= 0) {
        throw new IllegalArgumentException("Invalid ledger amount (must be > 0): " + amountYuan + " in " + entryId);
      }
      if (amountYuan.scale() > Money.FEN_SCALE) {
        throw new IllegalArgumentException("Invalid ledger amount (not in fen): " + amountYuan + " in " + entryId);
      }
      if (payer.equals(payee)) {
        throw new IllegalArgumentException("Invalid ledger entry (payer is payee): " + entryId);
      }
    }
  }

  public record Posting(String entryId, String period, String account, BigDecimal debitYuan, BigDecimal creditYuan) {}

  /** Per period: total debits and credits. */
  public record PeriodTotal(String period, BigDecimal debitYuan, BigDecimal creditYuan, int entries) {
    public boolean balanced() {
      return debitYuan.compareTo(creditYuan) == 0;
    }
  }

  private final List<Entry> entries = new ArrayList<>();
  private final List<Posting> postings = new ArrayList<>();

  public static String account(String party) {
    return "party:" + party;
  }

  /** Adds an entry and its two postings. */
  public void add(Entry entry) {
    requireNonNull(entry, "entry is null");
    if (entries.stream().anyMatch(e -> e.entryId().equals(entry.entryId()))) {
      throw new IllegalArgumentException("Duplicate ledger entry: " + entry.entryId());
    }
    entries.add(entry);
    postings.add(new Posting(entry.entryId(), entry.period(), account(entry.payee()), entry.amountYuan(), zero()));
    postings.add(new Posting(entry.entryId(), entry.period(), account(entry.payer()), zero(), entry.amountYuan()));
  }

  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  public List<Posting> postings() {
    return List.copyOf(postings);
  }

  public List<PeriodTotal> totals() {
    Map<String, BigDecimal[]> sums = new TreeMap<>();
    Map<String, Integer> counts = new TreeMap<>();
    for (Posting p : postings) {
      BigDecimal[] s = sums.computeIfAbsent(p.period(), k -> new BigDecimal[] {zero(), zero()});
      s[0] = s[0].add(p.debitYuan());
      s[1] = s[1].add(p.creditYuan());
    }
    for (Entry e : entries) {
      counts.merge(e.period(), 1, Integer::sum);
    }
    List<PeriodTotal> result = new ArrayList<>();
    sums.forEach((period, s) -> result.add(new PeriodTotal(period, s[0], s[1], counts.getOrDefault(period, 0))));
    return List.copyOf(result);
  }

  /** Fails the run unless debits equal credits in every period. */
  public void checkBalanced() {
    for (PeriodTotal t : totals()) {
      if (!t.balanced()) {
        throw LiangshanException.failure("Compensation ledger does not balance in %s: debits %s, credits %s.",
            t.period(), t.debitYuan().toPlainString(), t.creditYuan().toPlainString());
      }
    }
  }

  /** The exact amount as published: rounded to the fen, HALF_EVEN. */
  public static BigDecimal toFen(BigDecimal exactYuan) {
    return Money.toFen(exactYuan);
  }

  private static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(Money.FEN_SCALE);
  }
}
