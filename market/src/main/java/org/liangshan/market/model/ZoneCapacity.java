package org.liangshan.market.model;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;
import org.liangshan.core.method.WaterCapacity;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.WaterFunctionZone;
import org.liangshan.core.region.WaterFunctionZone.WaterBody;

/**
 * A zone's capacity for one pollutant and year: the model chosen by the water body (lake: fully mixed;
 * river: {@code water_capacity.model}), Cs from the zone's GB 3838-2002 target class, C0 and the design
 * flow from the data, K from {@code water_capacity.decay_k_per_day}, then the allocatable capacity. The
 * formulas are core's {@link WaterCapacity}. C0 is the concentration at the zone's upstream boundary section
 * ({@link C0Source#UPSTREAM_SECTION}); a zone that declares none (or whose section has no samples in the year)
 * falls back to the mean of its own sections, flagged ({@link C0Source#ZONE_SECTIONS_FALLBACK}): its own
 * enterprises' loads are then in C0 and again in the occupation subtracted from the allocatable capacity.
 */
public record ZoneCapacity(
    String zoneId,
    Pollutant pollutant,
    String waterBody,
    String model,
    int targetClass,
    double csMgL,
    double c0MgL,
    String c0Basis,
    C0Source c0Source,
    double designFlowM3S,
    String designFlowSection,
    Hydrology.Source designFlowSource,
    int yearsOfRecord,
    double kPerDay,
    double capacityTA,
    double backgroundTA,
    String backgroundBasis,
    double safetyMargin,
    double allocatableTA) {

  public ZoneCapacity {
    requireNonNull(zoneId, "zoneId is null");
    requireNonNull(pollutant, "pollutant is null");
    requireNonNull(c0Source, "c0Source is null");
    requireNonNull(designFlowSource, "designFlowSource is null");
  }

  /** Where C0 was measured. */
  public enum C0Source {
    /** The zone's declared upstream boundary section (region.json {@code upstream_section}). */
    UPSTREAM_SECTION,
    /** No upstream section declared, or no samples there in the year: the mean of the zone's own sections. */
    ZONE_SECTIONS_FALLBACK;

    /** The stored name: {@code upstream_section}, {@code zone_sections_fallback}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What the zone's allocatable capacity leaves once its enterprises' occupation is taken out. */
  public enum Status {
    /** allocatable − occupied &gt; 0: there is a tradable surplus, and a benchmark price over it. */
    SURPLUS,
    /** allocatable − occupied = 0: nothing to trade, no benchmark price. */
    NO_SURPLUS,
    /** allocatable − occupied &lt; 0 (allocatable itself may be below zero): an overload, no benchmark price. */
    OVERLOADED;

    /** The stored name: {@code surplus}, {@code no_surplus}, {@code overloaded}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The balance of a zone and pollutant: tradable surplus = max(0, allocatable − occupied), the quantity the
   * benchmark price is spread over (METHODOLOGY.md 3; the Tianmu Lake study's 1.37 t); overload = max(0,
   * occupied − allocatable), by how much the zone carries more than it may. One of the two is zero.
   */
  public record Balance(double allocatableTA, double occupiedTA, double tradableSurplusTA, double overloadTA,
      Status status) {}

  /** This capacity's balance against the occupation of its zone's enterprises (t/a). */
  public Balance balance(double occupiedTA) {
    return balance(allocatableTA, occupiedTA);
  }

  public static Balance balance(double allocatableTA, double occupiedTA) {
    double remaining = allocatableTA - occupiedTA;
    Status status = remaining > 0 ? Status.SURPLUS : remaining == 0 ? Status.NO_SURPLUS : Status.OVERLOADED;
    return new Balance(allocatableTA, occupiedTA, Math.max(0, remaining), Math.max(0, -remaining), status);
  }

  /** Whether GB 3838-2002 sets a limit for the pollutant in this water body (TN: lakes only). */
  public static boolean applies(WaterFunctionZone zone, Pollutant pollutant) {
    return pollutant != Pollutant.TN || zone.waterBody() == WaterBody.LAKE;
  }

  public static Optional<ZoneCapacity> compute(
      WaterFunctionZone zone, Pollutant pollutant, Hydrology.DesignFlow flow, WaterQuality.Mean background, String c0Basis,
      C0Source c0Source, ParameterSet params) {
    requireNonNull(zone, "zone is null");
    if (!applies(zone, pollutant)) {
      return Optional.empty();
    }
    double cs = WaterCapacity.standardLimitMgL(params, pollutant.indicator(), zone.waterBody(), zone.targetClass());
    String body = zone.waterBody().name().toLowerCase(Locale.ROOT);
    double k = params.number("water_capacity.decay_k_per_day." + body + "." + pollutant.indicator());
    double c0 = background.valueMgL();
    double capacity;
    String model;
    if (zone.waterBody() == WaterBody.LAKE) {
      model = "lake";
      capacity = WaterCapacity.lake(new WaterCapacity.LakeInput(cs, c0, flow.flowM3S(), k, zone.volumeM3()));
    } else {
      WaterCapacity.RiverModel riverModel = WaterCapacity.RiverModel.parse("water_capacity.model", params.text("water_capacity.model"));
      model = "river_" + riverModel.jsonName();
      capacity = WaterCapacity.river(new WaterCapacity.RiverInput(
          cs, c0, flow.flowM3S(), k, zone.lengthKm(), zone.velocityMS(), params.number("water_capacity.b"), riverModel));
    }
    String backgroundKey = "water_capacity.background_t_a." + zone.id() + "." + pollutant.indicator();
    double backgroundLoad = params.has(backgroundKey) ? params.number(backgroundKey) : 0;
    String backgroundBasis = params.has(backgroundKey)
        ? "parameter " + backgroundKey
        : "none surveyed: 0 (set " + backgroundKey + ")";
    double margin = params.number("water_capacity.safety_margin");
    // Negative when the inflow already exceeds the standard: nothing is allocatable.
    double allocatable = WaterCapacity.allocatable(capacity, backgroundLoad, margin);
    return Optional.of(new ZoneCapacity(zone.id(), pollutant, body, model, zone.targetClass(), cs, c0, c0Basis, c0Source,
        flow.flowM3S(), flow.basis(), flow.source(), flow.yearsOfRecord(), k, capacity, backgroundLoad, backgroundBasis,
        margin, allocatable));
  }
}
