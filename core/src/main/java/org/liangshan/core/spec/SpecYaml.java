package org.liangshan.core.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.liangshan.core.LiangshanException;

/**
 * What the platform's declarative specs share (the landing families, the tables, the dashboards): a strict
 * YAML binder (kebab-case keys, an unknown key refused) whose errors name the file and the place in it, and
 * give the reason a record's constructor refused a value rather than Jackson's location noise.
 */
public final class SpecYaml {
  private SpecYaml() {}

  /** A mapper builder with the specs' rules: kebab-case keys, unknown keys refused. */
  public static YAMLMapper.Builder strict() {
    return YAMLMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** The text of a spec resource on {@code owner}'s class path. */
  public static String resource(Class<?> owner, String resource) {
    try (InputStream in = owner.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw LiangshanException.failure("%s is not on the classpath", resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw LiangshanException.failure(e, "%s cannot be read: %s", resource, e.getMessage());
    }
  }

  /** The YAML tree of a spec; {@code file} names it in the error. */
  public static JsonNode tree(ObjectMapper yaml, String file, String text) {
    try {
      return yaml.readTree(text);
    } catch (JsonProcessingException e) {
      throw LiangshanException.failure(e, "%s is not valid YAML: %s", file, e.getMessage());
    }
  }

  /** Binds one node of a spec to a record; the error names the file, {@code what} (e.g. "table 'x'") and the reason. */
  public static <T> T bind(ObjectMapper yaml, String file, String what, JsonNode node, Class<T> type) {
    try {
      return yaml.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw LiangshanException.failure(e, "%s: %s: %s", file, what, reason(e));
    }
  }

  /** The message of the constructor that refused a value, or Jackson's own without its location. */
  public static String reason(Exception e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
        return cause.getMessage();
      }
    }
    return e instanceof JsonMappingException mapping ? mapping.getOriginalMessage() : e.getMessage();
  }
}
