package org.liangshan.geo.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.method.Gep;
import org.liangshan.core.method.GepValues;
import org.liangshan.core.region.District;

/**
 * District accounts for one year: the carbon sink and each GEP service (physical quantity and value),
 * and GEP by core's {@link Gep#total}.
 *
 * <p>Grid-derived services and the carbon sink of a district are the sums of its cell pieces (so the
 * map and the table agree by construction; values summed exactly in {@link BigDecimal}). Material
 * products and cultural services come from the statistics: output value × 10⁴ yuan plus water supply
 * by use × its price ({@link GepValues#waterSupplyValue}); tourism revenue × 10⁴ × the share
 * attributable to ecosystems. A statistics-based service is reported only for districts that have
 * statistics for the year (never as a made-up zero). Only services in the parameter set's indicator
 * list ({@code gep.indicators}) get a row; GEP sums exactly those rows. A grid service's {@code
 * detail} holds the sums of its pieces' additive components (e.g. tonnes per pollutant, sediment
 * volume, transpiration and water-surface kWh).
 */
public final class DistrictAccounts {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

  /** The carbon sink of a district: sums over its pieces. */
  public record DistrictCarbon(
      String districtCode,
      String district,
      double areaM2,
      int pieces,
      double nppTc,
      double rhTc,
      double nepTc,
      double co2T) {}

  /** One row of {@code gold.gep_by_district}. */
  public record ServiceRow(
      String districtCode,
      String district,
      GepService service,
      String category,
      double physicalQuantity,
      String physicalUnit,
      BigDecimal valueYuan,
      String detail) {}

  private final List<DistrictCarbon> carbon;
  private final List<ServiceRow> services;
  private final Map<String, Gep.Total> gepByDistrict;

  private DistrictAccounts(
      List<DistrictCarbon> carbon, List<ServiceRow> services, Map<String, Gep.Total> gep) {
    this.carbon = List.copyOf(carbon);
    this.services = List.copyOf(services);
    this.gepByDistrict = Collections.unmodifiableMap(gep);
  }

  public List<DistrictCarbon> carbon() {
    return carbon;
  }

  public List<ServiceRow> services() {
    return services;
  }

  /** One row of {@code gold.gep_by_service}: a service's rows of {@link #services()} summed over the districts. */
  public record ServiceTotal(GepService service, String category, int districts, BigDecimal valueYuan) {
    public ServiceTotal {
      requireNonNull(service, "service is null");
      requireNonNull(category, "category is null");
      requireNonNull(valueYuan, "valueYuan is null");
    }
  }

  /**
   * The region's GEP per service: {@link #services()} summed over the districts at full scale, in the order the
   * services first appear there (what the dashboards' service breakdown shows, without summing the district
   * table per query).
   */
  public List<ServiceTotal> serviceTotals() {
    Map<GepService, ServiceTotal> totals = new LinkedHashMap<>();
    for (ServiceRow row : services) {
      totals.merge(row.service(), new ServiceTotal(row.service(), row.category(), 1, row.valueYuan()), (a, b) -> {
        if (!a.category().equals(b.category())) {
          throw new IllegalStateException("Service " + a.service().id() + " has two categories: " + a.category()
              + " and " + b.category());
        }
        return new ServiceTotal(a.service(), a.category(), a.districts() + b.districts(), a.valueYuan().add(b.valueYuan()));
      });
    }
    return List.copyOf(totals.values());
  }

  /** GEP by district code (core's total of the included indicators). */
  public Map<String, Gep.Total> gepByDistrict() {
    return gepByDistrict;
  }

  public static DistrictAccounts build(
      List<District> districts,
      List<PieceAccount> pieces,
      Map<String, DistrictStatistics> statisticsByCode,
      AccountingParameters parameters) {
    requireNonNull(districts, "districts is null");
    requireNonNull(pieces, "pieces is null");
    requireNonNull(statisticsByCode, "statisticsByCode is null");
    requireNonNull(parameters, "parameters is null");
    Map<String, List<PieceAccount>> byDistrict = new LinkedHashMap<>();
    for (District district : districts) {
      byDistrict.put(district.code(), new ArrayList<>());
    }
    for (PieceAccount piece : pieces) {
      List<PieceAccount> list = byDistrict.get(piece.piece().districtCode());
      if (list == null) {
        throw new IllegalArgumentException(
            "Piece " + piece.piece().cellId() + " names unknown district " + piece.piece().districtCode());
      }
      list.add(piece);
    }
    List<DistrictCarbon> carbon = new ArrayList<>();
    List<ServiceRow> rows = new ArrayList<>();
    Map<String, Gep.Total> totals = new LinkedHashMap<>();
    for (District district : districts) {
      List<PieceAccount> own = byDistrict.get(district.code());
      double area = 0;
      double npp = 0;
      double rh = 0;
      double nep = 0;
      double co2 = 0;
      Map<GepService, Double> quantities = new LinkedHashMap<>();
      Map<GepService, BigDecimal> values = new LinkedHashMap<>();
      for (GepService service : GepService.values()) {
        if (service.gridDerived()) {
          quantities.put(service, 0.0);
          values.put(service, BigDecimal.ZERO);
        }
      }
      Map<String, Double> parts = new java.util.TreeMap<>();
      for (PieceAccount piece : own) {
        piece.components().forEach((key, part) -> parts.merge(key, part, Double::sum));
        area += piece.piece().areaM2();
        npp += piece.nppTc();
        rh += piece.rhTc();
        nep += piece.nepTc();
        co2 += piece.co2T();
        for (GepService service : quantities.keySet()) {
          quantities.merge(service, piece.quantity(service), Double::sum);
          values.merge(service, piece.value(service), BigDecimal::add);
        }
      }
      carbon.add(
          new DistrictCarbon(district.code(), district.name(), area, own.size(), npp, rh, nep, co2));

      Map<String, BigDecimal> valued = new LinkedHashMap<>();
      List<ServiceRow> districtRows = new ArrayList<>();
      DistrictStatistics statistics =
          statisticsByCode.getOrDefault(district.code(), DistrictStatistics.NONE);
      if (statistics.hasMaterialProducts()) {
        districtRows.add(materialProducts(district, statistics, parameters));
      }
      for (GepService service : quantities.keySet()) {
        districtRows.add(
            row(district, service, quantities.get(service), values.get(service),
                detail(service, parts), parameters));
      }
      statistics.tourism().ifPresent(t -> districtRows.add(culturalServices(district, t, parameters)));
      for (ServiceRow row : districtRows) {
        valued.put(row.service().id(), row.valueYuan());
        if (parameters.includes(row.service())) {
          rows.add(row);
        }
      }
      totals.put(district.code(), Gep.total(valued, parameters.params()));
    }
    return new DistrictAccounts(carbon, rows, totals);
  }

  /** The summed components of a grid service as JSON ({@code <part>: value}), null when it has none. */
  private static String detail(GepService service, Map<String, Double> parts) {
    ObjectNode detail = JSON.createObjectNode();
    String prefix = service.id() + ".";
    for (Map.Entry<String, Double> part : parts.entrySet()) {
      if (part.getKey().startsWith(prefix)) {
        detail.put(part.getKey().substring(prefix.length()), part.getValue());
      }
    }
    return detail.isEmpty() ? null : detail.toString();
  }

  private static ServiceRow materialProducts(
      District district, DistrictStatistics statistics, AccountingParameters parameters) {
    ObjectNode detail = JSON.createObjectNode();
    BigDecimal value = BigDecimal.ZERO;
    for (Map.Entry<String, Double> sector : statistics.output10kYuanBySector().entrySet()) {
      BigDecimal yuan = BigDecimal.valueOf(sector.getValue()).multiply(TEN_THOUSAND);
      detail.put(sector.getKey() + "_yuan", yuan);
      value = value.add(yuan);
    }
    Map<String, Double> supply = statistics.waterSupply10kM3ByUse();
    GepValues.WaterSupply water =
        new GepValues.WaterSupply(
            supply.getOrDefault("domestic", 0.0) * 1e4,
            supply.getOrDefault("industrial", 0.0) * 1e4,
            supply.getOrDefault("agricultural", 0.0) * 1e4);
    for (String use : supply.keySet()) {
      if (!List.of("domestic", "industrial", "agricultural").contains(use)) {
        throw LiangshanException.badInput(
            "Water supply of %s has unknown use '%s'; expected domestic, industrial or agricultural.",
            district.name(), use);
      }
    }
    double suppliedM3 = water.domesticM3() + water.industrialM3() + water.agriculturalM3();
    BigDecimal waterYuan = GepValues.waterSupplyValue(water, parameters.params());
    detail.put("water_supply_m3", suppliedM3);
    detail.put("water_supply_yuan", waterYuan);
    value = value.add(waterYuan);
    return row(district, GepService.MATERIAL_PRODUCTS, suppliedM3, value, detail.toString(), parameters);
  }

  private static ServiceRow culturalServices(
      District district, DistrictStatistics.Tourism tourism, AccountingParameters parameters) {
    BigDecimal share = BigDecimal.valueOf(tourism.ecoShare());
    BigDecimal value = BigDecimal.valueOf(tourism.revenue10kYuan()).multiply(TEN_THOUSAND).multiply(share);
    double visits = tourism.visits10k() * 1e4 * tourism.ecoShare();
    ObjectNode detail = JSON.createObjectNode();
    detail.put("visits", tourism.visits10k() * 1e4);
    detail.put("revenue_yuan", BigDecimal.valueOf(tourism.revenue10kYuan()).multiply(TEN_THOUSAND));
    detail.put("eco_share", share);
    return row(district, GepService.CULTURAL_SERVICES, visits, value, detail.toString(), parameters);
  }

  private static ServiceRow row(
      District district,
      GepService service,
      double quantity,
      BigDecimal value,
      String detail,
      AccountingParameters parameters) {
    return new ServiceRow(
        district.code(),
        district.name(),
        service,
        parameters.params().text("gep.categories." + service.id()),
        quantity,
        service.physicalUnit(),
        GridAccounting.storageScale(value),
        detail);
  }
}
