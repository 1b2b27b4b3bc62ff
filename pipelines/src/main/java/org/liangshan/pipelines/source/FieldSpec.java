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
 * agencies use for it (Chinese first), its type, whether it is required, and its valid range or codes.
 */
public record FieldSpec(
    String column,
    List<String> headers,
    FieldType type,
    boolean required,
    double min,
    double max,
    Map<String, String> codes,
    String description) implements java.io.Serializable {

  /** China Standard Time, in which agencies write timestamps. */
  public static final ZoneOffset CST = ZoneOffset.ofHours(8);

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]", Locale.ROOT);

  public FieldSpec {
    requireNonNull(column, "column is null");
    headers = List.copyOf(headers);
    requireNonNull(type, "type is null");
    codes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(codes));
    requireNonNull(description, "description is null");
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
      case TEXT, CODE, MONTH -> DataTypes.StringType;
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
        if (number != Math.rint(number)) {
          throw new Rejection(Reason.NOT_A_NUMBER, column, "'" + value + "' in '" + headers.get(0) + "' is not a whole number");
        }
        checkRange(number, value);
        return (int) number;
      }
      case LONG: {
        try {
          long number = Long.parseLong(value);
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
        BigDecimal number;
        try {
          number = new BigDecimal(value.replace(",", ""));
        } catch (NumberFormatException e) {
          throw new Rejection(Reason.NOT_A_NUMBER, column, "'" + value + "' in '" + headers.get(0) + "' is not a number");
        }
        checkRange(number.doubleValue(), value);
        return number;
      }
      case DATE:
        try {
          LocalDate date = LocalDate.parse(value);
          if (date.atStartOfDay().toInstant(CST).isAfter(now)) {
            throw new Rejection(Reason.FUTURE_TIMESTAMP, column, "date " + value + " in '" + headers.get(0) + "' is in the future");
          }
          return Date.valueOf(date);
        } catch (DateTimeParseException e) {
          throw new Rejection(Reason.BAD_DATE, column, "'" + value + "' in '" + headers.get(0) + "' is not a date (yyyy-MM-dd)");
        }
      case MONTH:
        try {
          YearMonth month = YearMonth.parse(value);
          if (month.atDay(1).atStartOfDay().toInstant(CST).isAfter(now)) {
            throw new Rejection(Reason.FUTURE_TIMESTAMP, column, "month " + value + " in '" + headers.get(0) + "' is in the future");
          }
          return month.toString();
        } catch (DateTimeParseException e) {
          throw new Rejection(Reason.BAD_DATE, column, "'" + value + "' in '" + headers.get(0) + "' is not a month (yyyy-MM)");
        }
      case TIMESTAMP:
        try {
          Instant instant = LocalDateTime.parse(value, TIMESTAMP).toInstant(CST);
          if (instant.isAfter(now)) {
            throw new Rejection(Reason.FUTURE_TIMESTAMP, column, "time " + value + " in '" + headers.get(0) + "' is in the future");
          }
          return Timestamp.from(instant);
        } catch (DateTimeParseException e) {
          throw new Rejection(
              Reason.BAD_DATE, column, "'" + value + "' in '" + headers.get(0) + "' is not a time (yyyy-MM-dd HH:mm)");
        }
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

  private double number(String value) throws Rejection {
    try {
      double number = Double.parseDouble(value.replace(",", ""));
      if (!Double.isFinite(number)) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      throw new Rejection(Reason.NOT_A_NUMBER, column, "'" + value + "' in '" + headers.get(0) + "' is not a number");
    }
  }

  private void checkRange(double number, String raw) throws Rejection {
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
