package org.liangshan.geo;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an accounting run produced, for the CLI and the run log: GEP per district (yuan, the sum of
 * the services in the parameter set's indicator list that could be computed), the region's carbon
 * sink (NEP in t C and t CO₂e), the grid size, which services were computed and which were not, and
 * how long each step took.
 */
public record AccountingSummary(
    String region,
    int year,
    String parameterSet,
    String runId,
    List<DistrictGep> gepByDistrict,
    double carbonSinkTc,
    double carbonSinkTco2e,
    int cellCount,
    int pieceCount,
    int scenesRead,
    List<String> servicesComputed,
    List<String> servicesNotComputed,
    Map<String, Duration> timings) {

  /** A district's GEP for the year, yuan at storage scale. */
  public record DistrictGep(String districtCode, String district, BigDecimal gepYuan) {
    public DistrictGep {
      requireNonNull(districtCode, "districtCode is null");
      requireNonNull(district, "district is null");
      requireNonNull(gepYuan, "gepYuan is null");
    }
  }

  public AccountingSummary {
    requireNonNull(region, "region is null");
    requireNonNull(parameterSet, "parameterSet is null");
    requireNonNull(runId, "runId is null");
    gepByDistrict = List.copyOf(gepByDistrict);
    servicesComputed = List.copyOf(servicesComputed);
    servicesNotComputed = List.copyOf(servicesNotComputed);
    timings = Collections.unmodifiableMap(new LinkedHashMap<>(timings));
  }

  /** The region's GEP: the sum over districts. */
  public BigDecimal totalGepYuan() {
    return gepByDistrict.stream().map(DistrictGep::gepYuan).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    text.append(String.format(
        "accounting %s %d (parameter set %s, run %s): %d cells, %d pieces, %d scenes%n",
        region, year, parameterSet, runId, cellCount, pieceCount, scenesRead));
    text.append(String.format(
        "  carbon sink %.3f t C = %.3f t CO2e%n", carbonSinkTc, carbonSinkTco2e));
    for (DistrictGep district : gepByDistrict) {
      text.append(String.format(
          "  GEP %s %s: %s yuan%n", district.districtCode(), district.district(), district.gepYuan().toPlainString()));
    }
    text.append("  services computed: ").append(String.join(", ", servicesComputed)).append('\n');
    text.append("  not computed: ").append(String.join(", ", servicesNotComputed)).append('\n');
    timings.forEach((step, time) -> text.append(String.format("  %-10s %.1f s%n", step, time.toMillis() / 1000.0)));
    return text.toString();
  }
}
