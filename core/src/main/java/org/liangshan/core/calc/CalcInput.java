package org.liangshan.core.calc;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.liangshan.core.LiangshanException;

/**
 * Typed, checked access to one JSON object of calc input. Every failure is a {@link
 * LiangshanException#badField} naming the field by its path ({@code bids[2].price} inside arrays):
 * unknown members, missing required members, JSON {@code null} where a value is required, wrong
 * JSON types and fractional numbers where whole ones are needed. Range checks belong to the method
 * classes.
 */
final class CalcInput {
  private final JsonNode node;
  private final String prefix;

  private CalcInput(JsonNode node, String prefix, Collection<String> allowed) {
    this.node = requireNonNull(node, "node is null");
    this.prefix = requireNonNull(prefix, "prefix is null");
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw LiangshanException.badField(
            prefix + name, "unknown field; expected one of " + String.join(", ", allowed));
      }
    }
  }

  /** The top-level input object, checked against the method's declared input fields. */
  static CalcInput root(JsonNode input, List<FieldSpec> fields) {
    if (input == null || !input.isObject()) {
      throw LiangshanException.badInput(
          "The calc input must be a JSON object, got %s.",
          input == null ? "nothing" : describe(input));
    }
    return new CalcInput(input, "", fields.stream().map(FieldSpec::name).toList());
  }

  String path(String name) {
    return prefix + name;
  }

  boolean has(String name) {
    JsonNode value = node.get(name);
    return value != null && !value.isNull();
  }

  double number(String name) {
    return numeric(name).doubleValue();
  }

  double number(String name, double fallback) {
    return has(name) ? number(name) : fallback;
  }

  BigDecimal decimal(String name) {
    return numeric(name).decimalValue();
  }

  BigDecimal decimal(String name, BigDecimal fallback) {
    return has(name) ? decimal(name) : fallback;
  }

  /** The decimal or null when absent. */
  BigDecimal decimalOrNull(String name) {
    return has(name) ? decimal(name) : null;
  }

  long integer(String name) {
    return whole(path(name), required(name));
  }

  long integer(String name, long fallback) {
    return has(name) ? integer(name) : fallback;
  }

  String text(String name) {
    JsonNode value = required(name);
    if (!value.isTextual()) {
      throw wrongType(path(name), "a JSON string", value);
    }
    return value.asText();
  }

  String text(String name, String fallback) {
    return has(name) ? text(name) : fallback;
  }

  boolean bool(String name, boolean fallback) {
    if (!has(name)) {
      return fallback;
    }
    JsonNode value = node.get(name);
    if (!value.isBoolean()) {
      throw wrongType(path(name), "true or false", value);
    }
    return value.booleanValue();
  }

  /** A nested object whose members must be among {@code allowed}. */
  CalcInput object(String name, Collection<String> allowed) {
    JsonNode value = required(name);
    if (!value.isObject()) {
      throw wrongType(path(name), "a JSON object", value);
    }
    return new CalcInput(value, path(name) + ".", allowed);
  }

  /** A nested object of numbers keyed by any of {@code allowed}, in document order. */
  Map<String, BigDecimal> decimals(String name, Collection<String> allowed) {
    CalcInput object = object(name, allowed);
    Map<String, BigDecimal> values = new LinkedHashMap<>();
    object.node.fieldNames().forEachRemaining(key -> values.put(key, object.decimal(key)));
    return values;
  }

  /** An array of objects, each checked against {@code allowed}. */
  List<CalcInput> objects(String name, Collection<String> allowed) {
    JsonNode array = array(name);
    List<CalcInput> items = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode item = array.get(i);
      String itemPath = path(name) + "[" + i + "]";
      if (!item.isObject()) {
        throw wrongType(itemPath, "a JSON object", item);
      }
      items.add(new CalcInput(item, itemPath + ".", allowed));
    }
    return items;
  }

  /** An array of numbers. */
  List<BigDecimal> decimalArray(String name) {
    JsonNode array = array(name);
    List<BigDecimal> values = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode item = array.get(i);
      if (!item.isNumber()) {
        throw wrongType(path(name) + "[" + i + "]", "a JSON number", item);
      }
      values.add(item.decimalValue());
    }
    return values;
  }

  private JsonNode array(String name) {
    JsonNode value = required(name);
    if (!value.isArray()) {
      throw wrongType(path(name), "a JSON array", value);
    }
    return value;
  }

  private JsonNode numeric(String name) {
    JsonNode value = required(name);
    if (!value.isNumber()) {
      throw wrongType(path(name), "a JSON number", value);
    }
    return value;
  }

  private JsonNode required(String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      throw LiangshanException.badField(path(name), "required field is missing");
    }
    if (value.isNull()) {
      throw LiangshanException.badField(path(name), "required, got null");
    }
    return value;
  }

  private static long whole(String path, JsonNode value) {
    if (!value.isNumber()) {
      throw wrongType(path, "a whole JSON number", value);
    }
    BigDecimal decimal = value.decimalValue();
    try {
      BigInteger integer = decimal.toBigIntegerExact();
      return integer.longValueExact();
    } catch (ArithmeticException e) {
      throw LiangshanException.badField(
          path, "must be a whole number, got " + decimal.toPlainString());
    }
  }

  private static LiangshanException wrongType(String path, String expected, JsonNode value) {
    return LiangshanException.badField(path, "must be " + expected + ", got " + describe(value));
  }

  private static String describe(JsonNode value) {
    String text = value.toString();
    if (text.length() > 60) {
      text = text.substring(0, 57) + "...";
    }
    return value.getNodeType().toString().toLowerCase(Locale.ROOT) + " " + text;
  }

  /**
   * Runs a method-class constructor for an element of an array and puts the element's path in front
   * of the field a {@link LiangshanException#badField} names: {@code field 'oxidation'} becomes
   * {@code field 'fuels[1].oxidation'}.
   */
  <T> T within(Supplier<T> construct) {
    try {
      return construct.get();
    } catch (LiangshanException e) {
      String message = e.getMessage();
      if (e.kind() == LiangshanException.Kind.BAD_INPUT
          && message.startsWith("field '")
          && !prefix.isEmpty()) {
        int end = message.indexOf("': ", 7);
        if (end > 0) {
          throw LiangshanException.badField(
              prefix + message.substring(7, end), message.substring(end + 3));
        }
      }
      throw e;
    }
  }
}
