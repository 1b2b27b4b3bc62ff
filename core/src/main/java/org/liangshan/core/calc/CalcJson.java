package org.liangshan.core.calc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import org.liangshan.core.LiangshanException;

/**
 * JSON reading and writing for calc: floats are read as exact {@link BigDecimal}s (so {@code 0.1}
 * is 0.1, which money inputs need), duplicate keys are refused, and decimals are written plain (no
 * exponent). The CLI should parse {@code --json} with {@link #parse} and print with {@link #write}.
 */
public final class CalcJson {
  /** Node factory keeping decimals exactly as computed (no stripping to an exponent form). */
  public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          .nodeFactory(NODES)
          .build();

  private CalcJson() {}

  /** The configured mapper (shared, thread-safe). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Parses calc input; malformed JSON is bad input. */
  public static JsonNode parse(String json) {
    if (json == null) {
      throw LiangshanException.badInput(
          "No JSON input given; pass --json '<object>' or --json @file.json.");
    }
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw LiangshanException.badInput(
            "The JSON input is empty; pass one object such as {\"ndvi\": 0.6, ...}.");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw LiangshanException.badInput(
          e, "The input is not valid JSON: %s. Pass one JSON object.", e.getOriginalMessage());
    }
  }

  /** Compact JSON text with plain decimals. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw LiangshanException.failure(e, "Cannot write JSON: %s", e.getOriginalMessage());
    }
  }

  /**
   * A decimal as calc prints it: trailing zeros stripped, never a negative scale (9E+6 becomes
   * 9000000).
   */
  public static BigDecimal normalized(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
