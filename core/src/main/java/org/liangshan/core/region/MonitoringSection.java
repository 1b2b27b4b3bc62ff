package org.liangshan.core.region;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A water-quality monitoring section (断面). Cross-boundary sections name the upstream and downstream
 * parties that a compensation agreement settles between.
 */
public record MonitoringSection(
    String id,
    String name,
    String nameEn,
    String zoneId,
    WaterFunctionZone.WaterBody waterBody,
    double lon,
    double lat,
    boolean crossBoundary,
    Optional<String> upstream,
    Optional<String> downstream) {
  public MonitoringSection {
    requireNonNull(id, "id is null");
    requireNonNull(name, "name is null");
    requireNonNull(nameEn, "nameEn is null");
    requireNonNull(zoneId, "zoneId is null");
    requireNonNull(waterBody, "waterBody is null");
    requireNonNull(upstream, "upstream is null");
    requireNonNull(downstream, "downstream is null");
    if (crossBoundary && (upstream.isEmpty() || downstream.isEmpty())) {
      throw new IllegalArgumentException("Cross-boundary section needs upstream and downstream: " + id);
    }
  }
}
