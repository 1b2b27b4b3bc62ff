package org.liangshan.market.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.liangshan.core.money.Money;
import org.liangshan.core.unit.Quantity;
import org.liangshan.core.unit.QuoteUnits;
import org.liangshan.core.unit.UnitPrice;

/**
 * Exchange trades per month and instrument (right type and subject), each trade already in its right type's quote
 * unit ({@link QuoteUnits#inQuoteUnit}): the count, the volume, the money (Σ quantity × price, exact, which no unit
 * conversion changes), the volume-weighted average price (money ÷ volume) and the price range. A TP eco-voucher
 * trades around 175 times a COD one (issue 15), so subjects are never pooled; the quantities of a month are added
 * with {@link Quantity#plus}, which refuses two units.
 */
public final class TradeMonths {
  private TradeMonths() {}

  /** An instrument's month: the key of a row, and its order. */
  public record Key(YearMonth month, String rightType, String subject) implements Comparable<Key> {
    private static final Comparator<Key> ORDER = Comparator.comparing(Key::month).thenComparing(Key::rightType)
        .thenComparing(Key::subject);

    public Key {
      requireNonNull(month, "month is null");
      requireNonNull(rightType, "rightType is null");
      requireNonNull(subject, "subject is null");
    }

    @Override
    public int compareTo(Key other) {
      return ORDER.compare(this, other);
    }
  }

  /** A trade of silver.trades in its quote unit; {@code subject} is empty when the trade names none. */
  public record Trade(String tradeId, LocalDate date, String rightType, String subject, QuoteUnits.Quoted quoted) {
    public Trade {
      requireNonNull(tradeId, "tradeId is null");
      requireNonNull(date, "date is null");
      requireNonNull(rightType, "rightType is null");
      requireNonNull(subject, "subject is null");
      requireNonNull(quoted, "quoted is null");
    }

    Key key() {
      return new Key(YearMonth.from(date), rightType, subject);
    }
  }

  /**
   * One instrument's month: {@code quantity} in the quote unit, {@code amount} the money, {@code averagePrice} the
   * volume-weighted average (amount ÷ quantity, to 34 significant digits), {@code lowest} and {@code highest} the
   * price range, all per the quote unit.
   */
  public record Month(Key key, int trades, Quantity quantity, Money amount, UnitPrice averagePrice, UnitPrice lowest,
      UnitPrice highest) {}

  /** The months of {@code trades}, in the order of their keys. */
  public static List<Month> of(List<Trade> trades) {
    Map<Key, List<Trade>> byKey = new TreeMap<>();
    for (Trade t : trades) {
      byKey.computeIfAbsent(t.key(), k -> new ArrayList<>()).add(t);
    }
    List<Month> months = new ArrayList<>();
    byKey.forEach((key, list) -> months.add(month(key, list)));
    return months;
  }

  private static Month month(Key key, List<Trade> trades) {
    QuoteUnits.Quoted first = trades.get(0).quoted();
    Quantity quantity = Quantity.zero(first.quantity().unit());
    Money amount = Money.ZERO_CNY;
    BigDecimal lowest = first.price().yuan();
    BigDecimal highest = first.price().yuan();
    for (Trade t : trades) {
      quantity = quantity.plus(t.quoted().quantity());
      amount = amount.plus(t.quoted().amount());
      lowest = lowest.min(t.quoted().price().yuan());
      highest = highest.max(t.quoted().price().yuan());
    }
    if (quantity.signum() <= 0) {
      throw new IllegalArgumentException("Invalid month " + key + " (volume must be > 0): " + quantity
          + "; silver.trades checks quantity > 0");
    }
    UnitPrice average = UnitPrice.of(amount.amount().divide(quantity.amount(), MathContext.DECIMAL128), quantity.unit());
    return new Month(key, trades.size(), quantity, amount, average, UnitPrice.of(lowest, quantity.unit()),
        UnitPrice.of(highest, quantity.unit()));
  }
}
