package org.liangshan.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.liangshan.core.method.GepUncertainty;
import org.liangshan.core.param.IllustrativeParameters;
import org.liangshan.geo.model.AccountingParameters;
import org.liangshan.geo.model.DistrictAccounts;
import org.liangshan.geo.model.EcoProductCatalogue;
import org.liangshan.geo.model.GepService;
import org.liangshan.geo.model.GepTerms;
import org.liangshan.geo.model.GridPiece;
import org.liangshan.geo.model.GridSpec;
import org.liangshan.geo.model.LandCover;
import org.liangshan.geo.model.PieceAccount;
import org.liangshan.geo.model.ZonalStats;
import org.liangshan.warehouse.JobSupport;
import org.liangshan.warehouse.TableDef;

/**
 * Records → rows of the gold tables, in each table's column order without the audit columns ({@link
 * org.liangshan.warehouse.Run#stamp} adds those).
 */
final class GoldRows {
  static final StructType GRID_CELLS = withoutAudit(GeoTables.GRID_CELLS);
  static final StructType CELL_MONTH_STATS = withoutAudit(GeoTables.CELL_MONTH_STATS);
  static final StructType LANDCOVER_FRACTIONS = withoutAudit(GeoTables.LANDCOVER_FRACTIONS);
  static final StructType CARBON_SINK_CELL_YEAR = withoutAudit(GeoTables.CARBON_SINK_CELL_YEAR);
  static final StructType CARBON_SINK_DISTRICT_YEAR = withoutAudit(GeoTables.CARBON_SINK_DISTRICT_YEAR);
  static final StructType GEP_BY_DISTRICT = withoutAudit(GeoTables.GEP_BY_DISTRICT);
  static final StructType GEP_CELL_YEAR = withoutAudit(GeoTables.GEP_CELL_YEAR);
  static final StructType GEP_UNCERTAINTY = withoutAudit(GeoTables.GEP_UNCERTAINTY);
  static final StructType ECO_PRODUCT_CATALOGUE = withoutAudit(GeoTables.ECO_PRODUCT_CATALOGUE);
  static final StructType CARBON_SINK_MAP = withoutAudit(GeoTables.CARBON_SINK_MAP);
  static final StructType GEP_BY_SERVICE = withoutAudit(GeoTables.GEP_BY_SERVICE);

  private GoldRows() {}

  private static StructType withoutAudit(TableDef table) {
    return new StructType(
        java.util.Arrays.stream(table.schema().fields())
            .filter(f -> !f.name().equals("run_id") && !f.name().equals("parameter_set"))
            .toArray(StructField[]::new));
  }

  static List<Row> gridCells(String region, GridSpec spec, List<GridPiece> pieces) {
    List<Row> rows = new ArrayList<>(pieces.size());
    for (GridPiece p : pieces) {
      rows.add(RowFactory.create(region, p.cellId(), p.column(), p.row(), p.districtCode(), p.districtName(),
          p.zoneId(), p.areaM2(), p.centroidLon(), p.centroidLat(), p.wkt(), p.polygonJson(),
          spec.metricCrs(), spec.resolutionM()));
    }
    return rows;
  }

  /** Every cell of the grid for one monthly scene: cells without a valid pixel have coverage 0. */
  static List<Row> cellMonthStats(String region, GridSpec spec, SceneStats scene) {
    ZonalStats stats = scene.stats();
    List<Row> rows = new ArrayList<>(stats.cellCount());
    for (int ordinal = 0; ordinal < stats.cellCount(); ordinal++) {
      OptionalDouble mean = stats.mean(ordinal);
      rows.add(RowFactory.create(region, scene.scene().year(), scene.scene().month(), spec.cellId(ordinal),
          scene.scene().product().id(), scene.scene().product().unit(),
          mean.isPresent() ? mean.getAsDouble() : null,
          stats.validPixels(ordinal), stats.pixels(ordinal), stats.coverage(ordinal), scene.scene().location()));
    }
    return rows;
  }

  static List<Row> landCoverFractions(String region, int year, GridSpec spec, List<SceneStats> scenes) {
    List<Row> rows = new ArrayList<>();
    for (SceneStats scene : scenes) {
      if (scene.scene().product() != org.liangshan.geo.model.Product.LANDCOVER) {
        continue;
      }
      ZonalStats stats = scene.stats();
      for (int ordinal = 0; ordinal < stats.cellCount(); ordinal++) {
        Map<LandCover, Double> fractions = stats.fractions(ordinal);
        LandCover dominant = null;
        for (LandCover landCover : LandCover.values()) {
          if (fractions.get(landCover) > 0 && (dominant == null || fractions.get(landCover) > fractions.get(dominant))) {
            dominant = landCover;
          }
        }
        List<Object> values = new ArrayList<>(List.of(region, year, scene.scene().year(), spec.cellId(ordinal),
            stats.validPixels(ordinal), stats.pixels(ordinal), stats.coverage(ordinal)));
        values.add(dominant == null ? null : dominant.name());
        for (LandCover landCover : LandCover.values()) {
          values.add(fractions.get(landCover));
        }
        values.add(scene.scene().location());
        rows.add(RowFactory.create(values.toArray()));
      }
    }
    return rows;
  }

  static List<Row> carbonCells(String region, int year, List<PieceAccount> accounts) {
    List<Row> rows = new ArrayList<>(accounts.size());
    for (PieceAccount a : accounts) {
      rows.add(RowFactory.create(region, year, a.piece().cellId(), a.piece().districtCode(),
          a.carbon().dominantVegetation().map(Enum::name).orElse("NONE"), a.piece().areaM2(),
          a.carbon().vegetatedFraction(), a.carbon().peakNdviMonth(),
          Double.isNaN(a.carbon().tOptC()) ? null : a.carbon().tOptC(), a.carbon().monthsComputed(),
          a.carbon().nppGcM2(), a.carbon().nepGcM2(), a.nppTc(), a.rhTc(), a.nepTc(), a.co2T()));
    }
    return rows;
  }

  /** The map's rows: each piece's carbon sink (as in {@link #carbonCells}) with its polygon at dashboard zoom. */
  static List<Row> carbonMap(String region, int year, List<PieceAccount> accounts) {
    List<Row> rows = new ArrayList<>(accounts.size());
    for (PieceAccount a : accounts) {
      org.liangshan.geo.model.MapPolygon polygon = org.liangshan.geo.model.MapPolygon.ofWkt(a.piece().wkt());
      rows.add(RowFactory.create(region, year, a.piece().cellId(), a.piece().districtCode(), a.piece().districtName(),
          a.piece().areaM2(), a.co2T(), polygon.json(), polygon.vertices()));
    }
    return rows;
  }

  static List<Row> gepByService(String region, int year, List<DistrictAccounts.ServiceTotal> totals) {
    List<Row> rows = new ArrayList<>(totals.size());
    for (DistrictAccounts.ServiceTotal t : totals) {
      rows.add(RowFactory.create(region, year, t.service().id(), t.category(), t.districts(), t.valueYuan()));
    }
    return rows;
  }

  static List<Row> carbonDistricts(String region, int year, List<DistrictAccounts.DistrictCarbon> districts) {
    List<Row> rows = new ArrayList<>(districts.size());
    for (DistrictAccounts.DistrictCarbon d : districts) {
      rows.add(RowFactory.create(region, year, d.districtCode(), d.district(), d.areaM2(), d.pieces(),
          d.nppTc(), d.rhTc(), d.nepTc(), d.co2T()));
    }
    return rows;
  }

  /**
   * @param items the uncertainty items of the run ({@link GepTerms#items}): the services' come first, in the
   *     order of {@code services}, and give each row its illustrative share
   */
  static List<Row> gepByDistrict(String region, int year, List<DistrictAccounts.ServiceRow> services,
      List<GepUncertainty.Item> items, IllustrativeParameters illustrative) {
    List<Row> rows = new ArrayList<>(services.size());
    for (int i = 0; i < services.size(); i++) {
      DistrictAccounts.ServiceRow s = services.get(i);
      GepUncertainty.Item item = items.get(i);
      if (!item.districtCode().equals(s.districtCode()) || !item.service().equals(s.service().id())) {
        throw new IllegalStateException("GEP terms out of step with the service rows at " + s.districtCode() + " "
            + s.service().id() + " (got " + item.districtCode() + " " + item.service() + ")");
      }
      rows.add(RowFactory.create(region, year, s.districtCode(), s.district(), s.service().id(), s.category(),
          s.physicalQuantity(), s.physicalUnit(), s.valueYuan(), s.detail(),
          GepUncertainty.illustrativeShare(item, illustrative::test)));
    }
    return rows;
  }

  static List<Row> catalogue(String region, int year, List<EcoProductCatalogue.Entry> entries) {
    List<Row> rows = new ArrayList<>(entries.size());
    for (EcoProductCatalogue.Entry e : entries) {
      EcoProductCatalogue.Product p = e.product();
      rows.add(RowFactory.create(region, year, e.districtCode(), e.district(), p.id(), p.name(), p.category(), p.service(),
          e.physicalQuantity().orElse(null), e.physicalUnit().orElse(null), e.valueYuan(), p.rightsHolder(),
          p.tradable(), p.pledgeable(), p.compensable()));
    }
    return rows;
  }

  /** The intervals, at the lakehouse's storage scale (half even). */
  static List<Row> gepUncertainty(String region, int year, List<GepUncertainty.Interval> intervals) {
    List<Row> rows = new ArrayList<>(intervals.size());
    for (GepUncertainty.Interval i : intervals) {
      rows.add(RowFactory.create(region, year, i.districtCode(), i.district(), i.service(), i.unit(),
          stored(i.point()), stored(i.p05()), stored(i.p50()), stored(i.p95()), i.draws(), i.seed()));
    }
    return rows;
  }

  private static java.math.BigDecimal stored(double value) {
    return JobSupport.money(java.math.BigDecimal.valueOf(value));
  }

  static List<Row> gepCells(String region, int year, List<PieceAccount> accounts, AccountingParameters parameters) {
    List<String> included = new ArrayList<>();
    for (GepService service : GepService.values()) {
      if (service.gridDerived() && parameters.includes(service)) {
        included.add(service.id());
      }
    }
    String includedText = String.join(",", included);
    List<Row> rows = new ArrayList<>(accounts.size());
    for (PieceAccount a : accounts) {
      rows.add(RowFactory.create(region, year, a.piece().cellId(), a.piece().districtCode(), a.piece().areaM2(),
          a.valueYuan(), a.precipMm(), a.etMm(), a.waterMonths(),
          a.quantity(GepService.WATER_CONSERVATION), a.value(GepService.WATER_CONSERVATION),
          a.quantity(GepService.FLOOD_REGULATION), a.value(GepService.FLOOD_REGULATION),
          a.quantity(GepService.CARBON_FIXATION), a.value(GepService.CARBON_FIXATION),
          a.quantity(GepService.OXYGEN_RELEASE), a.value(GepService.OXYGEN_RELEASE),
          a.rFactor(), parameters.plausibleErosivity(a.rFactor()), Double.isNaN(a.lsFactor()) ? null : a.lsFactor(),
          a.quantity(GepService.SOIL_RETENTION), a.value(GepService.SOIL_RETENTION),
          a.quantity(GepService.WATER_PURIFICATION), a.value(GepService.WATER_PURIFICATION),
          a.quantity(GepService.AIR_PURIFICATION), a.value(GepService.AIR_PURIFICATION),
          a.quantity(GepService.CLIMATE_REGULATION), a.value(GepService.CLIMATE_REGULATION),
          includedText));
    }
    return rows;
  }
}
