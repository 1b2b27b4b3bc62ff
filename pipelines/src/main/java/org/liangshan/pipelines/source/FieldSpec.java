package org.liangshan.pipelines.source;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.liangshan.pipelines.source.Rejection.Reason;
import org.liangshan.warehouse.Column;

/**
 * One field of a landing file: the silver column it becomes (snake_case, unit in the name), the headers
 * agencies use for it (Chinese first), its type, whether it is required, and its valid range or codes; how
 * its family writes numbers ({@link NumberConvention}), whether a laboratory may report it below the
 * detection limit ({@link Censored}), and whether a date may lie after the load (a maturity, an expiry).
 */
public record FieldSpec(
    String column,
    List<String> headers,
    FieldType type,
    boolean required,
    double min,
    double max,
    Map<String, String> codes,
    String description,
    NumberConvention numbers,
    boolean censorable,
    boolean futureAllowed) implements java.io.Serializable {

  /** China Standard Time, in which agencies write timestamps. */
  public static final ZoneOffset CST = ZoneOffset.ofHours(8);

  // STRICT: 2024-02-30 10:00 is not a time (the default resolver would make it 2024-02-29).
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

  /** A field of a family with the default number convention, not censorable, dates not after the load. */
  public FieldSpec(String column, List<String> headers, FieldType type, boolean required, double min, double max,
      Map<String, String> codes, String description) {
    this(column, headers, type, required, min, max, codes, description, NumberConvention.DEFAULT, false, false);
  }

  public FieldSpec {
    requireNonNull(column, "column is null");
    headers = List.copyOf(headers);
    requireNonNull(type, "type is null");
    codes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(codes));
    requireNonNull(description, "description is null");
    requireNonNull(numbers, "numbers is null");
    if (headers.isEmpty()) {
      throw new IllegalArgumentException("Field has no header: " + column);
    }
  }

  public DataType sparkType() {
    return sparkType(type);
  }

  /** The Spark type a value of {@code type} is stored as in silver. */
  public static DataType sparkType(FieldType type) {
    return switch (type) {
      case TEXT, CODE, MONTH, UNIT -> DataTypes.StringType;
      case INTEGER -> DataTypes.IntegerType;
      case LONG -> DataTypes.LongType;
      case DOUBLE -> DataTypes.DoubleType;
      case DECIMAL -> Column.MONEY;
      case DATE -> DataTypes.DateType;
      case TIMESTAMP -> DataTypes.TimestampType;
      case BOOLEAN -> DataTypes.BooleanType;
    };
  }

  /**
   * Types one raw value. Returns null for an empty optional value.
   *
   * @throws Rejection naming this field and the reason
   */
  public Object parse(String raw, Instant now) throws Rejection {
    String value = raw == null ? "" : raw.strip();
    if (value.isEmpty()) {
      if (required) {
        throw new Rejection(Reason.MISSING_VALUE, column, "required field '" + headers.get(0) + "' is empty");
      }
      return null;
    }
    switch (type) {
      case TEXT:
        return value;
      case CODE: {
        String code = codes.get(value.toLowerCase(Locale.ROOT));
        if (code == null) {
          throw new Rejection(
              Reason.UNKNOWN_CODE,
              column,
              "'" + value + "' is not a known value of '" + headers.get(0) + "'; expected one of "
                  + String.join(", ", new java.util.LinkedHashSet<>(codes.keySet())));
        }
        return code;
      }
      case INTEGER: {
        double number = number(value);
        if (number != Math.rint(number) || Math.abs(number) > Integer.MAX_VALUE) {
          throw new Rejection(Reason.NOT_A_NUMBER, column, "'" + value + "' in '" + headers.get(0) + "' is not a whole number");
        }
        checkRange(number, value);
        return (int) number;
      }
      case LONG: {
        try {
          long number = Long.parseLong(canonical(value));
          checkRange(number, value);
          return number;
        } catch (NumberFormatException e) {
          throw new Rejection(Reason.NOT_A_NUMBER, column, "'" + value + "' in '" + headers.get(0) + "' is not a whole number");
        }
      }
      case DOUBLE: {
        double number = number(value);
        checkRange(number, value);
        return number;
      }
      case DECIMAL: {
        BigDecimal number = new BigDecimal(canonical(value));
        checkRange(number.doubleValue(), value);
        return number;
      }
      case DATE:
        try {
          LocalDate date = LocalDate.parse(NumberConvention.normalise(value));
          if (!futureAllowed && date.atStartOfDay().toInstant(CST).isAfter(now)) {
            throw new Rejection(Reason.FUTURE_TIMESTAMP, column, "date " + value + " in '" + headers.get(0) + "' is in the future");
          }
          return Date.valueOf(date);
        } catch (DateTimeParseException e) {
          throw new Rejection(Reason.BAD_DATE, column, "'" + value + "' in '" + headers.get(0) + "' is not a date (yyyy-MM-dd)");
        }
      case MONTH:
        try {
          YearMonth month = YearMonth.parse(NumberConvention.normalise(value));
          if (!futureAllowed && month.atDay(1).atStartOfDay().toInstant(CST).isAfter(now)) {
            throw new Rejection(Reason.FUTURE_TIMESTAMP, column, "month " + value + " in '" + headers.get(0) + "' is in the future");
          }
          return month.toString();
        } catch (DateTimeParseException e) {
          throw new Rejection(Reason.BAD_DATE, column, "'" + value + "' in '" + headers.get(0) + "' is not a month (yyyy-MM)");
        }
      case TIMESTAMP:
        try {
          Instant instant = LocalDateTime.parse(NumberConvention.normalise(value), TIMESTAMP).toInstant(CST);
          if (!futureAllowed && instant.isAfter(now)) {
            throw new Rejection(Reason.FUTURE_TIMESTAMP, column, "time " + value + " in '" + headers.get(0) + "' is in the future");
          }
          return Timestamp.from(instant);
        } catch (DateTimeParseException e) {
          throw new Rejection(
              Reason.BAD_DATE, column, "'" + value + "' in '" + headers.get(0) + "' is not a time (yyyy-MM-dd HH:mm)");
        }
      case UNIT:
        return org.liangshan.core.unit.Unit.parse(value).map(org.liangshan.core.unit.Unit::symbol).orElseThrow(() ->
            new Rejection(Reason.UNKNOWN_UNIT, column, "unit '" + value + "' in '" + headers.get(0) + "' is not a known unit"
                + " of quantity; expected " + org.liangshan.core.unit.Unit.KNOWN));
      case BOOLEAN:
        return switch (value.toLowerCase(Locale.ROOT)) {
          case "是", "true", "1", "y", "yes" -> true;
          case "否", "false", "0", "n", "no" -> false;
          default -> throw new Rejection(
              Reason.UNKNOWN_CODE, column, "'" + value + "' in '" + headers.get(0) + "' is not 是/否 (yes/no)");
        };
    }
    throw new AssertionError(type);
  }

  /**
   * A value of a censorable field reported below the detection limit ({@code <0.01}, {@code 0.01L},
   * {@code ND}, {@code 未检出}), or null when {@code raw} is an ordinary value (or this field is not censorable).
   *
   * @throws Rejection when the detection limit written is not a number of this family's convention
   */
  public Censored censored(String raw) throws Rejection {
    if (!censorable || raw == null) {
      return null;
    }
    try {
      return Censored.parse(raw, numbers);
    } catch (NumberConvention.NotANumber e) {
      throw new Rejection(Reason.NOT_A_NUMBER, column,
          "'" + raw.strip() + "' in '" + headers.get(0) + "' is not a detection limit: " + e.getMessage());
    }
  }

  /** The value as a finite number of this family's convention. */
  public double number(String value) throws Rejection {
    return Double.parseDouble(canonical(value));
  }

  private String canonical(String value) throws Rejection {
    try {
      String canonical = numbers.canonical(value);
      if (!Double.isFinite(Double.parseDouble(canonical))) {
        throw new Rejection(Reason.NOT_A_NUMBER, column, "'" + value + "' in '" + headers.get(0) + "' is beyond the range of a number");
      }
      return canonical;
    } catch (NumberConvention.NotANumber e) {
      throw new Rejection(Reason.NOT_A_NUMBER, column, "'" + value + "' in '" + headers.get(0) + "' is not a number: " + e.getMessage());
    }
  }

  /** Refuses {@code number} outside [min, max], naming the field and the value as written. */
  public void checkRange(double number, String raw) throws Rejection {
    if (number < min) {
      Reason reason = min == 0 ? Reason.NEGATIVE_VALUE : Reason.OUT_OF_RANGE;
      throw new Rejection(reason, column, headers.get(0) + " = " + raw + " is below the minimum " + fmt(min));
    }
    if (number > max) {
      throw new Rejection(Reason.OUT_OF_RANGE, column, headers.get(0) + " = " + raw + " is above the plausible maximum " + fmt(max));
    }
  }

  private static String fmt(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }
}
