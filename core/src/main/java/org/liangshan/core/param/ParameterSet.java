package org.liangshan.core.param;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.region.Region;

/**
 * An immutable, versioned set of method parameters (METHODOLOGY.md: "Parameters are defaults of a
 * versioned parameter set: a region may override any of them, and every result records which
 * parameter-set version it used").
 *
 * <p>Keys are dotted paths into the JSON document, e.g. {@code casa.classes.DBF.eps_max}, {@code
 * water_capacity.standards_mg_l.tp_lake.III} or {@code emissions.grid_ef_tco2_per_mwh.2022}; a path
 * segment that is a number indexes an array ({@code pboc.quantitative_weights.0}). The defaults
 * live in {@code params/default.json} on the classpath; every parameter there, in the modules'
 * {@link ParameterDefaults} and in a region's overrides has a {@code source} and a {@code status}, by the
 * convention of {@link Provenance}: a document with a parameter lacking either is refused at load.
 *
 * <p>Floats are read as {@link BigDecimal}, so {@link #decimal(String)} is exact ({@code 7.06} is
 * 7.06, not the nearest double). A missing key is a {@link LiangshanException.Kind#FAILURE} naming
 * the key and the version: the configuration, not the caller, is at fault.
 */
public final class ParameterSet {
  /** The classpath resource holding the defaults. */
  public static final String DEFAULT_RESOURCE = "params/default.json";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private static volatile ParameterSet defaults;

  private final String version;
  private final ObjectNode root;
  private final List<String> sources;

  private ParameterSet(String version, ObjectNode root) {
    this(version, root, List.of(version));
  }

  private ParameterSet(String version, ObjectNode root, List<String> sources) {
    this.version = requireNonNull(version, "version is null");
    this.root = requireNonNull(root, "root is null");
    this.sources = List.copyOf(sources);
    if (version.isBlank()) {
      throw new IllegalArgumentException("Invalid parameter-set version (must not be blank)");
    }
  }

  /** The defaults, {@code params/default.json}, read once. */
  public static ParameterSet defaults() {
    ParameterSet result = defaults;
    if (result == null) {
      synchronized (ParameterSet.class) {
        result = defaults;
        if (result == null) {
          result = fromResource(DEFAULT_RESOURCE);
          defaults = result;
        }
      }
    }
    return result;
  }

  /**
   * The defaults, completed by every module's {@link ParameterDefaults} on the classpath, with a region's
   * overrides: the set its results record (as {@link #recorded()}).
   */
  public static ParameterSet forRegion(Region region) {
    requireNonNull(region, "region is null");
    Provenance.of(region.parameterOverrides(), "the parameter_set.overrides of region " + region.id());
    return withContributions(defaults()).withOverrides(region.parameterSetVersion(), region.parameterOverrides());
  }

  /** The set completed by the {@link ParameterDefaults} on the classpath (keys it has win). */
  public static ParameterSet withContributions(ParameterSet base) {
    requireNonNull(base, "base is null");
    ObjectNode merged = base.root.deepCopy();
    List<String> sources = new ArrayList<>(base.sources);
    for (String resource : contributionResources()) {
      ParameterSet extra = fromResource(resource);
      if (sources.contains(extra.version())) {
        continue;
      }
      ObjectNode fill = (ObjectNode) extra.root.deepCopy();
      fill.remove("version");
      fill.remove("description");
      fillMissing(merged, fill);
      sources.add(extra.version());
    }
    return new ParameterSet(base.version, merged, sources);
  }

  /** The classpath resources of every {@link ParameterDefaults} on the classpath, in merge order. */
  static List<String> contributionResources() {
    List<ParameterDefaults> contributions = new ArrayList<>();
    java.util.ServiceLoader.load(ParameterDefaults.class, ParameterSet.class.getClassLoader()).forEach(contributions::add);
    contributions.sort(java.util.Comparator.comparing(c -> c.getClass().getName()));
    List<String> resources = new ArrayList<>();
    for (ParameterDefaults contribution : contributions) {
      for (String resource : contribution.resources()) {
        if (!resources.contains(resource)) {
          resources.add(resource);
        }
      }
    }
    return List.copyOf(resources);
  }

  /**
   * Every parameter of the region's set ({@link #forRegion}) with its value, status and source, in the
   * order of the documents: a region override carries the override's provenance, a default the provenance
   * of the document that supplied it ({@link Provenance}).
   */
  public static List<Provenance.Entry> provenance(Region region) {
    requireNonNull(region, "region is null");
    return provenance(forRegion(region), region.parameterOverrides(), "the overrides of region " + region.id());
  }

  /** Every parameter of the national set (the defaults completed by the modules') with its provenance. */
  public static List<Provenance.Entry> provenance() {
    return provenance(withContributions(defaults()), JSON.createObjectNode(), "no overrides");
  }

  private static List<Provenance.Entry> provenance(ParameterSet effective, JsonNode overrides, String overridesOrigin) {
    Map<String, Provenance.Entry> leaves = new LinkedHashMap<>(Provenance.of(defaults().root, DEFAULT_RESOURCE));
    for (String resource : contributionResources()) {
      Provenance.of(fromResource(resource).root, resource).forEach(leaves::putIfAbsent);
    }
    leaves.putAll(Provenance.of(exact(overrides), overridesOrigin));
    // a document's parameter the merge did not keep (an earlier document had the key) is not listed
    List<Provenance.Entry> result = new ArrayList<>();
    for (Provenance.Entry entry : leaves.values()) {
      JsonNode value = effective.find(entry.key());
      if (value != null && value.equals(entry.value())) {
        result.add(entry);
      }
    }
    return List.copyOf(result);
  }

  /**
   * The versions of the documents the set is made of: {@code params/default.json}'s and each
   * contribution's (the set's own {@link #version()} names the region's overrides on top).
   */
  public List<String> sources() {
    return sources;
  }

  /**
   * The first 12 hex digits of a SHA-256 over the whole set (keys sorted, numbers as written): two sets
   * with the same fingerprint hold the same parameters.
   */
  public String fingerprint() {
    StringBuilder canonical = new StringBuilder();
    canonical(toJson(), canonical);
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(canonical.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest).substring(0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** JSON with object members sorted by name and numbers in plain decimal form. */
  private static void canonical(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      java.util.Collections.sort(names);
      out.append('{');
      for (int i = 0; i < names.size(); i++) {
        out.append(i == 0 ? "" : ",").append(com.fasterxml.jackson.databind.node.TextNode.valueOf(names.get(i))).append(':');
        canonical(node.get(names.get(i)), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        out.append(i == 0 ? "" : ",");
        canonical(node.get(i), out);
      }
      out.append(']');
    } else if (node.isNumber()) {
      out.append(node.decimalValue().stripTrailingZeros().toPlainString());
    } else {
      out.append(node.toString());
    }
  }

  /** What results record: the version and the fingerprint, {@code tianjin-2025.1@3f2a9c01b7de}. */
  public String recorded() {
    return version + "@" + fingerprint();
  }

  private static void fillMissing(ObjectNode target, ObjectNode fill) {
    Iterator<Map.Entry<String, JsonNode>> fields = fill.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode existing = target.get(field.getKey());
      if (existing == null || existing.isNull()) {
        target.set(field.getKey(), field.getValue().deepCopy());
      } else if (existing.isObject() && field.getValue().isObject()) {
        fillMissing((ObjectNode) existing, (ObjectNode) field.getValue());
      }
    }
  }

  /** Reads a parameter-set document (with a top-level {@code version}) from the classpath. */
  public static ParameterSet fromResource(String resource) {
    requireNonNull(resource, "resource is null");
    try (InputStream in = ParameterSet.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw LiangshanException.failure(
            "Parameter set %s is not on the classpath; the core jar is incomplete, rebuild it.",
            resource);
      }
      return fromJsonWithProvenance(JSON.readTree(in), resource);
    } catch (IOException e) {
      throw LiangshanException.failure(
          e, "Parameter set %s is not valid JSON: %s", resource, e.getMessage());
    }
  }

  /** Parses a parameter-set document from JSON text. */
  public static ParameterSet parse(String json) {
    requireNonNull(json, "json is null");
    try {
      return fromJson(JSON.readTree(json), "(text)");
    } catch (IOException e) {
      throw LiangshanException.badInput(e, "Parameter set is not valid JSON: %s", e.getMessage());
    }
  }

  /** A parameter set from a document whose top-level {@code version} names it. */
  public static ParameterSet fromJson(JsonNode document, String origin) {
    requireNonNull(document, "document is null");
    if (!document.isObject()) {
      throw LiangshanException.failure("Parameter set %s must be a JSON object", origin);
    }
    JsonNode version = document.get("version");
    if (version == null || !version.isTextual() || version.asText().isBlank()) {
      throw LiangshanException.failure(
          "Parameter set %s has no \"version\" string; add one.", origin);
    }
    return new ParameterSet(version.asText(), exact(document).deepCopy());
  }

  /** {@link #fromJson}, refusing a document with a parameter that has no source or status ({@link Provenance}). */
  private static ParameterSet fromJsonWithProvenance(JsonNode document, String origin) {
    ParameterSet set = fromJson(document, origin);
    Provenance.of(set.root, origin);
    return set;
  }

  public String version() {
    return version;
  }

  /** Whether the key is present and not JSON null. */
  public boolean has(String dottedKey) {
    JsonNode node = find(dottedKey);
    return node != null && !node.isNull();
  }

  /** A numeric parameter as a double (for numerical kernels). */
  public double number(String dottedKey) {
    return numeric(dottedKey).doubleValue();
  }

  /** A numeric parameter exactly, as written in the JSON (for money and exact shares). */
  public BigDecimal decimal(String dottedKey) {
    return numeric(dottedKey).decimalValue();
  }

  /** A string parameter. */
  public String text(String dottedKey) {
    JsonNode node = required(dottedKey);
    if (!node.isTextual()) {
      throw wrongType(dottedKey, "a string", node);
    }
    return node.asText();
  }

  /** Any parameter as JSON (a copy: the set stays immutable). */
  public JsonNode node(String dottedKey) {
    return required(dottedKey).deepCopy();
  }

  /** The names of an object parameter's members, in document order. */
  public List<String> keys(String dottedKey) {
    JsonNode node = required(dottedKey);
    if (!node.isObject()) {
      throw wrongType(dottedKey, "an object", node);
    }
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return List.copyOf(names);
  }

  /** A list-of-strings parameter, such as {@code gep.indicators}. */
  public List<String> texts(String dottedKey) {
    JsonNode node = required(dottedKey);
    if (!node.isArray()) {
      throw wrongType(dottedKey, "an array of strings", node);
    }
    List<String> values = new ArrayList<>();
    for (JsonNode element : node) {
      if (!element.isTextual()) {
        throw wrongType(dottedKey, "an array of strings", node);
      }
      values.add(element.asText());
    }
    return List.copyOf(values);
  }

  /** The whole document (a copy). */
  public ObjectNode toJson() {
    ObjectNode copy = root.deepCopy();
    copy.put("version", version);
    return copy;
  }

  /**
   * A new set named {@code newVersion}: this one deep-merged with {@code overrides}. Objects merge
   * member by member; arrays, numbers and strings replace; a JSON {@code null} removes the key. A
   * {@code version} member inside the overrides is ignored (the new version is the argument).
   */
  public ParameterSet withOverrides(String newVersion, JsonNode overrides) {
    requireNonNull(newVersion, "newVersion is null");
    requireNonNull(overrides, "overrides is null");
    if (newVersion.isBlank()) {
      throw LiangshanException.failure(
          "Overridden parameter set needs a version; got a blank one over %s", version);
    }
    if (!overrides.isObject()) {
      throw LiangshanException.failure(
          "Overrides of parameter set %s for %s must be a JSON object, got %s",
          version, newVersion, overrides.getNodeType());
    }
    ObjectNode merged = root.deepCopy();
    merge(merged, (ObjectNode) exact(overrides));
    merged.put("version", newVersion);
    return new ParameterSet(newVersion, merged, sources);
  }

  @Override
  public String toString() {
    return "ParameterSet[" + version + "]";
  }

  private static void merge(ObjectNode target, ObjectNode overrides) {
    Iterator<Map.Entry<String, JsonNode>> fields = overrides.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      JsonNode existing = target.get(name);
      if (value.isNull()) {
        target.remove(name);
      } else if (value.isObject() && existing != null && existing.isObject()) {
        merge((ObjectNode) existing, (ObjectNode) value);
      } else {
        target.set(name, value.deepCopy());
      }
    }
  }

  /**
   * Re-reads a tree so that floats become exact BigDecimals even if the caller's mapper used
   * doubles.
   */
  private static JsonNode exact(JsonNode node) {
    try {
      return JSON.readTree(JSON.writeValueAsString(node));
    } catch (IOException e) {
      throw LiangshanException.failure(e, "Cannot copy parameter JSON: %s", e.getMessage());
    }
  }

  private JsonNode numeric(String dottedKey) {
    JsonNode node = required(dottedKey);
    if (!node.isNumber()) {
      throw wrongType(dottedKey, "a number", node);
    }
    return node;
  }

  private JsonNode required(String dottedKey) {
    JsonNode node = find(dottedKey);
    if (node == null || node.isNull()) {
      throw LiangshanException.failure(
          "Parameter '%s' is missing from parameter set %s. Add it to %s or to the region's"
              + " parameter_set.overrides.",
          dottedKey, version, DEFAULT_RESOURCE);
    }
    return node;
  }

  private JsonNode find(String dottedKey) {
    requireNonNull(dottedKey, "dottedKey is null");
    if (dottedKey.isEmpty()) {
      return null;
    }
    JsonNode node = root;
    for (String segment : dottedKey.split("\\.", -1)) {
      if (node.isObject()) {
        node = node.get(segment);
      } else if (node.isArray() && segment.matches("\\d+")) {
        node = node.get(Integer.parseInt(segment));
      } else {
        return null;
      }
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  private LiangshanException wrongType(String dottedKey, String expected, JsonNode node) {
    return LiangshanException.failure(
        "Parameter '%s' in parameter set %s must be %s, got %s %s",
        dottedKey, version, expected, node.getNodeType().toString().toLowerCase(Locale.ROOT), node);
  }
}
