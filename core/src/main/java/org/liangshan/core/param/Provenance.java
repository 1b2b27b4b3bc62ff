package org.liangshan.core.param;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.liangshan.core.LiangshanException;

/**
 * Where each parameter of a parameter-set document comes from. The convention, one for every document:
 *
 * <ul>
 *   <li>an object may carry {@code source} (the citation: standard, paper or survey, with table or page,
 *       or the honest reason a value is illustrative) and {@code status} ({@code published}, {@code
 *       local_survey} or {@code illustrative}); they apply to every parameter below it;
 *   <li>a member {@code m} may carry siblings {@code m_source} and {@code m_status}, which win over the
 *       object's own (so a map of classes or pollutants gets its provenance without a foreign member in it);
 *   <li>the nearest declaration wins, looked up member by member from the parameter towards the root.
 * </ul>
 *
 * <p>A source that is the name of a metadata member of the same object (a {@code _note}) stands for that
 * member's text.
 *
 * <p>Members named {@code version}, {@code description}, {@code source}, {@code status}, {@code note},
 * {@code name}, or ending in {@code _source}, {@code _status} or {@code _note}, are metadata, not parameters.
 * Every other leaf (number, string, boolean, array) is a parameter and must resolve to both.
 */
public final class Provenance {
  private Provenance() {}

  /** The status of a parameter's value. */
  public enum Status {
    PUBLISHED,
    LOCAL_SURVEY,
    ILLUSTRATIVE;

    /** The word written in the documents: {@code published}, {@code local_survey}, {@code illustrative}. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The status a word names, if any. */
    public static java.util.Optional<Status> of(String word) {
      for (Status status : values()) {
        if (status.word().equals(word)) {
          return java.util.Optional.of(status);
        }
      }
      return java.util.Optional.empty();
    }

    static Status parse(String word, String key, String origin) {
      return of(word).orElseThrow(() -> LiangshanException.failure(
          "Parameter '%s' in %s has status \"%s\"; write published, local_survey or illustrative.", key, origin, word));
    }
  }

  /** One parameter: its dotted key, value (JSON), status and source. */
  public record Entry(String key, JsonNode value, Status status, String source) {
    public Entry {
      requireNonNull(key, "key is null");
      requireNonNull(value, "value is null");
      requireNonNull(status, "status is null");
      requireNonNull(source, "source is null");
    }

    /** The unit named by the key's suffix or an enclosing key's ({@code yuan/m3}), or empty. */
    public String unit() {
      return Units.of(key);
    }
  }

  /** Whether a member name is metadata (provenance or a note) rather than a parameter. */
  public static boolean isMetadata(String name) {
    return name.equals("version") || name.equals("description") || name.equals("source") || name.equals("status")
        || name.equals("note") || name.equals("name") || name.endsWith("_source") || name.endsWith("_status")
        || name.endsWith("_note");
  }

  /**
   * Every parameter of a document with its provenance, in document order. Throws naming every parameter
   * without a source or a status, so a document cannot be loaded with one missing.
   */
  public static Map<String, Entry> of(JsonNode document, String origin) {
    requireNonNull(document, "document is null");
    requireNonNull(origin, "origin is null");
    Map<String, Entry> entries = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    walk(document, "", new ArrayList<>(), origin, entries, missing);
    if (!missing.isEmpty()) {
      throw LiangshanException.failure(
          "Parameter set %s has %d parameter(s) without provenance: %s. Give each a source and a status"
              + " (published, local_survey, illustrative): on the parameter as <name>_source and <name>_status,"
              + " or on an enclosing object as source and status.",
          origin, missing.size(), String.join(", ", missing));
    }
    return entries;
  }

  private record Frame(JsonNode object, String member) {}

  private static void walk(JsonNode node, String key, List<Frame> path, String origin, Map<String, Entry> entries,
      List<String> missing) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (isMetadata(field.getKey())) {
          continue;
        }
        List<Frame> deeper = new ArrayList<>(path);
        deeper.add(new Frame(node, field.getKey()));
        walk(field.getValue(), key.isEmpty() ? field.getKey() : key + "." + field.getKey(), deeper, origin, entries,
            missing);
      }
      return;
    }
    if (node.isNull()) {
      return;
    }
    String source = nearest(path, "source");
    String status = nearest(path, "status");
    if (source == null || status == null) {
      missing.add(key);
      return;
    }
    entries.put(key, new Entry(key, node, Status.parse(status, key, origin), source));
  }

  /** The nearest {@code <member>_<what>} or {@code <what>} from the parameter up to the root. */
  private static String nearest(List<Frame> path, String what) {
    for (int i = path.size() - 1; i >= 0; i--) {
      Frame frame = path.get(i);
      JsonNode own = frame.object().get(frame.member() + "_" + what);
      if (own != null && own.isTextual()) {
        return pointed(frame.object(), own.asText());
      }
      JsonNode shared = frame.object().get(what);
      if (shared != null && shared.isTextual()) {
        return pointed(frame.object(), shared.asText());
      }
    }
    return null;
  }

  /**
   * A source written as the name of a metadata member of the same object ({@code "cap_source": "cap_note"})
   * is that member's text: the reason is written once, where it already was.
   */
  private static String pointed(JsonNode object, String text) {
    JsonNode target = isMetadata(text) ? object.get(text) : null;
    return target != null && target.isTextual() ? target.asText() : text;
  }

  /** Units from the key's suffixes: the deepest segment that names one. */
  static final class Units {
    private static final List<Map.Entry<String, String>> SUFFIXES = List.of(
        Map.entry("_yuan_per_m3", "yuan/m3"), Map.entry("_yuan_per_tc", "yuan/tC"),
        Map.entry("_yuan_per_t", "yuan/t"), Map.entry("_yuan_per_kwh", "yuan/kWh"),
        Map.entry("_yuan_per_km2", "yuan/km2"), Map.entry("_yuan", "yuan"),
        Map.entry("_tco2_per_mwh", "tCO2/MWh"), Map.entry("_t_per_km2", "t/km2/a"),
        Map.entry("_t_per_ha_a", "t/ha/a"), Map.entry("_t_per_head_a", "t/head/a"), Map.entry("_t_a", "t/a"),
        Map.entry("_t_m3", "t/m3"), Map.entry("_kg_m3", "kg/m3"), Map.entry("_kj_per_kg", "kJ/kg"),
        Map.entry("_kj_m2_d", "kJ/m2/d"), Map.entry("_kwh_per_m3", "kWh/m3"), Map.entry("_mg_l", "mg/L"),
        Map.entry("_m3_per_bed_day", "m3/bed-day"), Map.entry("_k_per_day", "1/d"), Map.entry("_w_m2", "W/m2"),
        Map.entry("_m_s", "m/s"), Map.entry("_hpa", "hPa"), Map.entry("_k", "K"), Map.entry("_c", "degC"),
        Map.entry("_m", "m"), Map.entry("_mm", "mm"), Map.entry("_days", "d"), Map.entry("_years", "a"),
        Map.entry("_tc_ha", "tC/ha"), Map.entry("_tc_per_gj", "tC/GJ"), Map.entry("_gj_per_unit", "GJ/unit"),
        Map.entry("_kgco2_per_pkm", "kgCO2/pkm"), Map.entry("_kgco2_per_km", "kgCO2/km"),
        Map.entry("_kgco2_per_kg", "kgCO2/kg"), Map.entry("_kgco2_per_kwh", "kgCO2/kWh"),
        Map.entry("_kgco2_per_mu", "kgCO2/mu"), Map.entry("_kwh_per_km", "kWh/km"),
        Map.entry("_per_kg_co2", "per kgCO2"), Map.entry("_percent", "%"));

    private Units() {}

    static String of(String key) {
      String[] segments = key.split("\\.");
      for (int i = segments.length - 1; i >= 0; i--) {
        for (Map.Entry<String, String> suffix : SUFFIXES) {
          if (segments[i].endsWith(suffix.getKey())) {
            return suffix.getValue();
          }
        }
      }
      return "";
    }
  }
}
