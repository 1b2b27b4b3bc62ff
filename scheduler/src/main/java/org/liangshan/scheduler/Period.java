package org.liangshan.scheduler;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liangshan.core.LiangshanException;

/**
 * The period a scheduled job computes: a day ({@code 2024-03-05}), a month ({@code 2024-03}), a quarter
 * ({@code 2024-Q1}) or a year ({@code 2024}). A job succeeds at most once per (job, region, period).
 *
 * @param kind day, month, quarter or year
 * @param first the first day of the period
 */
public record Period(Kind kind, LocalDate first) {
  public enum Kind {
    DAY,
    MONTH,
    QUARTER,
    YEAR
  }

  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

  public Period {
    requireNonNull(kind, "kind is null");
    requireNonNull(first, "first is null");
    first = start(kind, first);
  }

  /** The period of this kind that contains the date. */
  public static Period of(Kind kind, LocalDate date) {
    return new Period(kind, date);
  }

  /** Parses {@code yyyy-MM-dd}, {@code yyyy-MM}, {@code yyyy-Qn} or {@code yyyy}. */
  public static Period parse(String text) {
    requireNonNull(text, "text is null");
    try {
      if (text.matches("\\d{4}")) {
        return new Period(Kind.YEAR, LocalDate.of(Integer.parseInt(text), 1, 1));
      }
      Matcher quarter = QUARTER.matcher(text);
      if (quarter.matches()) {
        return new Period(Kind.QUARTER, LocalDate.of(Integer.parseInt(quarter.group(1)), (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1, 1));
      }
      if (text.matches("\\d{4}-\\d{2}")) {
        return new Period(Kind.MONTH, YearMonth.parse(text).atDay(1));
      }
      if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return new Period(Kind.DAY, LocalDate.parse(text));
      }
    } catch (DateTimeParseException e) {
      throw LiangshanException.badInput("Invalid period '%s': %s.", text, e.getMessage());
    }
    throw LiangshanException.badInput("Invalid period '%s': expected yyyy-MM-dd, yyyy-MM, yyyy-Qn or yyyy.", text);
  }

  private static LocalDate start(Kind kind, LocalDate date) {
    return switch (kind) {
      case DAY -> date;
      case MONTH -> date.withDayOfMonth(1);
      case QUARTER -> LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
      case YEAR -> LocalDate.of(date.getYear(), 1, 1);
    };
  }

  /** The last day of the period. */
  public LocalDate last() {
    return next().first.minusDays(1);
  }

  public Period next() {
    return new Period(kind, switch (kind) {
      case DAY -> first.plusDays(1);
      case MONTH -> first.plusMonths(1);
      case QUARTER -> first.plusMonths(3);
      case YEAR -> first.plusYears(1);
    });
  }

  public Period previous() {
    return new Period(kind, switch (kind) {
      case DAY -> first.minusDays(1);
      case MONTH -> first.minusMonths(1);
      case QUARTER -> first.minusMonths(3);
      case YEAR -> first.minusYears(1);
    });
  }

  public int year() {
    return first.getYear();
  }

  /** The months the period overlaps, in order. */
  public List<YearMonth> months() {
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = YearMonth.from(first); !m.isAfter(YearMonth.from(last())); m = m.plusMonths(1)) {
      months.add(m);
    }
    return months;
  }

  /** The months of the period's year up to and including its last month (the year to date). */
  public List<YearMonth> yearToDate() {
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = YearMonth.of(year(), 1); !m.isAfter(YearMonth.from(last())); m = m.plusMonths(1)) {
      months.add(m);
    }
    return months;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case DAY -> first.toString();
      case MONTH -> YearMonth.from(first).toString();
      case QUARTER -> first.getYear() + "-Q" + ((first.getMonthValue() - 1) / 3 + 1);
      case YEAR -> Integer.toString(first.getYear());
    };
  }
}
