package org.liangshan.core.region;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A region the platform serves, entirely as configuration: boundaries, CRS, grid, water-function zones,
 * monitoring sections, flux towers, compensation agreements and the parameter-set version with its
 * overrides. Loaded by {@link Regions} from {@code regions/<id>/region.json}.
 */
public record Region(
    String id,
    String name,
    String nameEn,
    String province,
    String storageCrs,
    String metricCrs,
    int gridResolutionM,
    JsonNode seedFacts,
    String parameterSetVersion,
    JsonNode parameterOverrides,
    List<District> districts,
    List<District> neighbours,
    List<WaterFunctionZone> zones,
    List<MonitoringSection> sections,
    List<FluxTower> fluxTowers,
    List<CompensationAgreement> agreements) {

  public Region {
    requireNonNull(id, "id is null");
    requireNonNull(name, "name is null");
    requireNonNull(nameEn, "nameEn is null");
    requireNonNull(storageCrs, "storageCrs is null");
    requireNonNull(metricCrs, "metricCrs is null");
    requireNonNull(seedFacts, "seedFacts is null");
    requireNonNull(parameterSetVersion, "parameterSetVersion is null");
    requireNonNull(parameterOverrides, "parameterOverrides is null");
    if (gridResolutionM <= 0) {
      throw new IllegalArgumentException("Invalid grid resolution (must be positive): " + gridResolutionM);
    }
    districts = List.copyOf(districts);
    neighbours = List.copyOf(neighbours);
    zones = List.copyOf(zones);
    sections = List.copyOf(sections);
    fluxTowers = List.copyOf(fluxTowers);
    agreements = List.copyOf(agreements);
    if (districts.isEmpty()) {
      throw new IllegalArgumentException("Region has no districts: " + id);
    }
  }

  /** The union of the districts' boundaries. */
  public Geometry boundary() {
    Geometry union = districts.get(0).boundary();
    for (int i = 1; i < districts.size(); i++) {
      union = union.union(districts.get(i).boundary());
    }
    return union;
  }

  /** The lon/lat bounding box of the region. */
  public Envelope envelope() {
    Envelope envelope = new Envelope();
    for (District district : districts) {
      envelope.expandToInclude(district.boundary().getEnvelopeInternal());
    }
    return envelope;
  }

  /** The water-function zone a point falls in: the first whose bounds contain it. */
  public Optional<WaterFunctionZone> zoneAt(double lon, double lat) {
    return zones.stream().filter(zone -> zone.contains(lon, lat)).findFirst();
  }

  public Optional<MonitoringSection> section(String sectionId) {
    return sections.stream().filter(s -> s.id().equals(sectionId)).findFirst();
  }

  public double seedLandCoverKm2(String landCover) {
    return seedFacts.path("land_cover_km2").path(landCover).asDouble(0);
  }

  public double seedAreaKm2() {
    return seedFacts.path("area_km2").asDouble();
  }
}
