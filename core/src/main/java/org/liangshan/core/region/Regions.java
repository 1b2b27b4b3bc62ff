package org.liangshan.core.region;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.liangshan.core.LiangshanException;
import org.locationtech.jts.geom.Envelope;

/** The regions the platform ships with, read from the classpath ({@code regions/<id>/region.json}). */
public final class Regions {
  /** Every shipped region, in the order the demo runs them. */
  public static final List<String> IDS = List.of("liyang", "tianjin");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Region> CACHE = new ConcurrentHashMap<>();

  private Regions() {}

  public static List<Region> all() {
    return IDS.stream().map(Regions::load).toList();
  }

  /** Loads a region by id, or fails with the list of known ids. */
  public static Region load(String id) {
    String key = id.toLowerCase(Locale.ROOT);
    if (!IDS.contains(key)) {
      throw LiangshanException.badInput(
          "Unknown region '%s'. Known regions: %s.", id, String.join(", ", IDS));
    }
    return CACHE.computeIfAbsent(key, Regions::read);
  }

  private static Region read(String id) {
    String base = "regions/" + id + "/";
    JsonNode root = readJson(base + "region.json");
    try {
      List<District> districts = districts(base + root.path("districts_file").asText(), false);
      List<District> neighbours =
          root.hasNonNull("neighbours_file")
              ? districts(base + root.path("neighbours_file").asText(), true)
              : List.of();
      List<WaterFunctionZone> zones = new ArrayList<>();
      for (JsonNode z : root.path("water_function_zones")) {
        JsonNode b = z.path("bounds");
        zones.add(
            new WaterFunctionZone(
                text(z, "id"),
                text(z, "name"),
                text(z, "name_en"),
                WaterFunctionZone.WaterBody.valueOf(text(z, "water_body").toUpperCase(Locale.ROOT)),
                z.path("target_class").asInt(),
                new Envelope(b.get(0).asDouble(), b.get(2).asDouble(), b.get(1).asDouble(), b.get(3).asDouble()),
                z.path("volume_m3").asDouble(),
                z.path("mean_depth_m").asDouble(),
                z.path("surface_km2").asDouble(),
                z.path("length_km").asDouble(),
                z.path("velocity_m_s").asDouble(),
                optionalText(z, "upstream_section")));
      }
      List<MonitoringSection> sections = new ArrayList<>();
      for (JsonNode s : root.path("sections")) {
        sections.add(
            new MonitoringSection(
                text(s, "id"),
                text(s, "name"),
                text(s, "name_en"),
                text(s, "zone"),
                WaterFunctionZone.WaterBody.valueOf(text(s, "water_body").toUpperCase(Locale.ROOT)),
                s.path("lon").asDouble(),
                s.path("lat").asDouble(),
                s.path("cross_boundary").asBoolean(false),
                optionalText(s, "upstream"),
                optionalText(s, "downstream")));
      }
      List<FluxTower> towers = new ArrayList<>();
      for (JsonNode t : root.path("flux_towers")) {
        towers.add(
            new FluxTower(
                text(t, "id"), text(t, "name"), t.path("lon").asDouble(), t.path("lat").asDouble(), text(t, "veg_class")));
      }
      List<CompensationAgreement> agreements = new ArrayList<>();
      for (JsonNode a : root.path("compensation_agreements")) {
        List<CompensationAgreement.FactorTarget> factors = new ArrayList<>();
        for (JsonNode f : a.path("factors")) {
          factors.add(new CompensationAgreement.FactorTarget(text(f, "name"), f.path("target_mg_l").asDouble()));
        }
        agreements.add(
            new CompensationAgreement(
                text(a, "id"),
                CompensationAgreement.Kind.valueOf(text(a, "kind").toUpperCase(Locale.ROOT)),
                text(a, "method"),
                optionalText(a, "section"),
                optionalText(a, "upstream"),
                optionalText(a, "downstream"),
                optionalText(a, "payer"),
                a.hasNonNull("annual_fund_yuan")
                    ? Optional.of(new BigDecimal(a.path("annual_fund_yuan").asText()))
                    : Optional.empty(),
                a.path("alpha").asDouble(0.5),
                a.path("beta").asDouble(0.5),
                a.path("k0").asDouble(0.85),
                factors,
                optionalText(a, "payee"),
                terms(a)));
      }
      JsonNode params = root.path("parameter_set");
      Region region =
          new Region(
              id,
              text(root, "name"),
              text(root, "name_en"),
              text(root, "province"),
              text(root, "storage_crs"),
              text(root, "metric_crs"),
              root.path("grid_resolution_m").asInt(),
              root.path("seed_facts"),
              text(params, "version"),
              params.has("overrides") ? params.get("overrides") : JsonNodeFactory.instance.objectNode(),
              districts,
              neighbours,
              zones,
              sections,
              towers,
              agreements);
      for (MonitoringSection section : region.sections()) {
        if (region.zones().stream().noneMatch(z -> z.id().equals(section.zoneId()))) {
          throw new IllegalArgumentException("section " + section.id() + " names unknown zone " + section.zoneId());
        }
      }
      for (WaterFunctionZone zone : region.zones()) {
        zone.upstreamSection().ifPresent(upstream -> {
          if (region.sections().stream().noneMatch(s -> s.id().equals(upstream))) {
            throw new IllegalArgumentException("zone " + zone.id() + " names unknown upstream_section " + upstream);
          }
        });
      }
      return region;
    } catch (RuntimeException e) {
      throw LiangshanException.failure(e, "Region configuration %sregion.json is invalid: %s", base, e.getMessage());
    }
  }

  private static List<District> districts(String resource, boolean neighbours) {
    JsonNode collection = readJson(resource);
    List<District> result = new ArrayList<>();
    int index = 0;
    for (JsonNode feature : collection.path("features")) {
      JsonNode p = feature.path("properties");
      String where = resource + " feature " + index++;
      result.add(
          new District(text(p, "code"), text(p, "name"), text(p, "name_en"), GeoJson.geometry(feature.path("geometry"), where)));
    }
    return result;
  }

  private static JsonNode readJson(String resource) {
    try (InputStream in = Regions.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw LiangshanException.failure("Region resource %s is missing from the classpath", resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw LiangshanException.failure(e, "Cannot read region resource %s: %s", resource, e.getMessage());
    }
  }

  /**
   * An agreement's terms: {@code settlement} (annual or monthly), {@code baseline} ({@code years: [from, to]}
   * or {@code values_mg_l}), {@code weights}, {@code quantity} ({@code baseline_m3}, {@code rate_yuan_per_m3},
   * {@code two_way}, {@code source}, {@code status}), {@code source} and {@code status}; an agreement that
   * declares none of them gets {@link CompensationAgreement.Terms#undeclared}.
   */
  private static CompensationAgreement.Terms terms(JsonNode a) {
    String id = text(a, "id");
    String method = text(a, "method");
    if (!a.has("settlement") && !a.has("source")) {
      return CompensationAgreement.Terms.undeclared(method);
    }
    try {
      Optional<CompensationAgreement.Baseline> baseline = Optional.empty();
      JsonNode b = a.path("baseline");
      if (b.has("years")) {
        JsonNode years = b.get("years");
        if (!years.isArray() || years.size() != 2) {
          throw new IllegalArgumentException("baseline.years must be [from, to]");
        }
        baseline = Optional.of(CompensationAgreement.Baseline.years(years.get(0).asInt(), years.get(1).asInt()));
      } else if (b.has("values_mg_l")) {
        Map<String, Double> values = new java.util.LinkedHashMap<>();
        b.get("values_mg_l").fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue().asDouble()));
        baseline = Optional.of(CompensationAgreement.Baseline.values(values));
      }
      Map<String, BigDecimal> weights = new java.util.LinkedHashMap<>();
      a.path("weights").fields().forEachRemaining(f -> weights.put(f.getKey(), new BigDecimal(f.getValue().asText())));
      Optional<CompensationAgreement.QuantityTerm> quantity = Optional.empty();
      JsonNode q = a.path("quantity");
      if (q.isObject()) {
        quantity = Optional.of(new CompensationAgreement.QuantityTerm(q.path("baseline_m3").asDouble(),
            new BigDecimal(text(q, "rate_yuan_per_m3")), q.path("two_way").asBoolean(false), text(q, "source"),
            text(q, "status")));
      }
      return new CompensationAgreement.Terms(
          CompensationAgreement.Settlement.valueOf(text(a, "settlement").toUpperCase(Locale.ROOT)), baseline, weights,
          quantity, text(a, "source"), text(a, "status"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("agreement " + id + ": " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("missing field '" + field + "'");
    }
    return value.asText();
  }

  private static Optional<String> optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }
}
