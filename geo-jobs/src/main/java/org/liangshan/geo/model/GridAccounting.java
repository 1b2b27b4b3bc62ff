package org.liangshan.geo.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.liangshan.core.method.AirPurification;
import org.liangshan.core.method.Casa;
import org.liangshan.core.method.ClimateRegulation;
import org.liangshan.core.method.GepValues;
import org.liangshan.core.method.Rusle;
import org.liangshan.core.method.SoilRetention;
import org.liangshan.core.method.WaterConservation;
import org.liangshan.core.method.WaterPurification;
import org.liangshan.core.money.Money;
import org.liangshan.core.unit.Carbon;

/**
 * The grid-derived accounts of a cell piece, all formulas from core ({@link Casa}, {@link
 * WaterConservation}, {@link GepValues}); this class only decides which cell values feed them.
 *
 * <ul>
 *   <li>carbon sink: {@link CarbonSink} per m² of the cell × the piece's area (Casa.carbonTonnes),
 *       CO₂ = C·44/12;
 *   <li>carbon fixation: NEP t C of the sequestering classes (not annual cropland) × carbon price;
 *       oxygen release: C·32/12 t × oxygen price;
 *   <li>water conservation: per land-cover class with a runoff coefficient α (see {@link
 *       RunoffCoefficients}), {@link WaterConservation} on (P, R = α·P, ET) over the class's share of
 *       the piece (P and ET summed over the months that have both), negative balances counting 0;
 *   <li>flood regulation: swamp storage of the piece's wetland area (depth {@code
 *       gep.flood.swamp_storage_depth_m} × area) × reservoir cost. Reservoir and lake storage need
 *       storage data the platform does not receive and are not included;
 *   <li>soil retention: per land-cover class of the piece, {@link SoilRetention.Rusle} with R from
 *       the cell's monthly precipitation ({@link Rusle#erosivityFromMonthly}), the cell's mean LS
 *       from the DEM ({@link Terrain}), the class's K and P, and C from the cell's annual mean NDVI
 *       ({@link Rusle#coverFromNdvi}) for vegetated classes or the class's fixed C otherwise; valued
 *       by {@link SoilRetention#compute} (sediment + N + P). Without a DEM or rainfall, 0;
 *   <li>water purification: per class, removal rates × the class's area ({@link
 *       WaterPurification#removedT}), times the zone's cap share ({@link WaterPurificationCaps});
 *       valued by {@link GepValues#waterPurificationValue};
 *   <li>air purification: per class, absorption rates × area ({@link AirPurification#absorbedT});
 *       valued by {@link GepValues#airPurificationValue};
 *   <li>climate regulation: on the days that need cooling (the guide's daily maximum above 26 °C,
 *       estimated per month from the monthly mean, {@link ClimateRegulation#coolingFractions}),
 *       transpiration Σ EPP_i·S_i·d/(3600·r) of the vegetated classes plus the evaporation of the
 *       water class on those days (PET, else ET, × cooling share × water area) E·ρ·q/(3600·r) + E·y
 *       ({@link GepValues}); × electricity price.
 * </ul>
 */
public final class GridAccounting {
  private GridAccounting() {}

  /** A piece's accounts with water purification uncapped (no zone capacity known). */
  public static PieceAccount account(
      GridPiece piece, CellYear cell, AccountingParameters parameters, int year) {
    return account(piece, cell, parameters, year, Map.of());
  }

  /**
   * A piece's accounts.
   *
   * @param year the accounting year (days of its months, for the cooling days)
   * @param waterCapShares the share of removal that counts per pollutant, for the piece's zone
   *     ({@link WaterPurificationCaps#sharesOf}); a pollutant not listed counts in full
   */
  public static PieceAccount account(
      GridPiece piece,
      CellYear cell,
      AccountingParameters parameters,
      int year,
      Map<String, Double> waterCapShares) {
    requireNonNull(waterCapShares, "waterCapShares is null");
    requireNonNull(piece, "piece is null");
    requireNonNull(cell, "cell is null");
    requireNonNull(parameters, "parameters is null");
    if (piece.ordinal() != cell.ordinal()) {
      throw new IllegalArgumentException(
          "Piece of cell " + piece.ordinal() + " given the data of cell " + cell.ordinal());
    }
    double areaM2 = piece.areaM2();
    CarbonSink.CellCarbon carbon =
        CarbonSink.compute(cell, parameters.casa(), parameters.notSequestering());
    double nppTc = Casa.carbonTonnes(carbon.nppGcM2(), areaM2);
    double rhTc = Casa.carbonTonnes(carbon.rhGcM2(), areaM2);
    double nepTc = Casa.carbonTonnes(carbon.nepGcM2(), areaM2);

    double precip = 0;
    double et = 0;
    int waterMonths = 0;
    for (int m = 0; m < 12; m++) {
      if (!Double.isNaN(cell.precipMm()[m]) && !Double.isNaN(cell.etMm()[m])) {
        precip += cell.precipMm()[m];
        et += cell.etMm()[m];
        waterMonths++;
      }
    }
    double areaKm2 = areaM2 / 1e6;
    double conservedM3 = 0;
    BigDecimal conservedYuan = BigDecimal.ZERO;
    if (waterMonths > 0 && cell.landCover().isPresent()) {
      for (LandCover landCover : LandCover.values()) {
        double f = cell.fraction(landCover);
        Optional<Double> alpha = parameters.runoff().of(landCover);
        if (f > 0 && alpha.isPresent()) {
          WaterConservation.Output conserved =
              WaterConservation.compute(
                  new WaterConservation.Input(precip, alpha.get() * precip, et, areaKm2 * f),
                  parameters.params());
          conservedM3 += conserved.quantityM3();
          conservedYuan = conservedYuan.add(conserved.valueYuan());
        }
      }
    }
    double swampM3 =
        GepValues.swampFloodStorageM3(
            areaKm2 * cell.fraction(LandCover.WETLAND), parameters.swampStorageDepthM());

    Map<String, Double> components = new LinkedHashMap<>();
    Map<GepService, Double> quantities = new EnumMap<>(GepService.class);
    Map<GepService, BigDecimal> values = new EnumMap<>(GepService.class);

    // Soil retention (RUSLE potential − actual erosion).
    double r = Rusle.erosivityFromMonthly(cell.precipMm());
    double ls = cell.lsFactor();
    double retainedT = 0;
    if (cell.landCover().isPresent() && r > 0 && !Double.isNaN(ls)) {
      double areaHa = areaM2 / 1e4;
      double ndvi = annualMean(cell.ndvi());
      for (LandCover landCover : LandCover.values()) {
        double f = cell.fraction(landCover);
        if (f > 0) {
          double c =
              landCover.vegetated()
                  ? (Double.isNaN(ndvi) ? 1.0 : Rusle.coverFromNdvi(ndvi, parameters.coverAlpha(), parameters.coverBeta()))
                  : parameters.fixedCover(landCover);
          retainedT +=
              new SoilRetention.Rusle(r, parameters.erodibility(landCover), ls, c,
                      parameters.practice(landCover), areaHa * f)
                  .retainedT();
        }
      }
    }
    SoilRetention.Output soil =
        SoilRetention.compute(new SoilRetention.Retained(retainedT), parameters.soil());
    quantities.put(GepService.SOIL_RETENTION, retainedT);
    values.put(GepService.SOIL_RETENTION, soil.valueTotalYuan());
    components.put("soil_retention.sediment_m3", soil.sedimentM3());
    components.put("soil_retention.value_sediment_yuan", soil.valueSedimentYuan().doubleValue());
    components.put("soil_retention.value_n_yuan", soil.valueNYuan().doubleValue());
    components.put("soil_retention.value_p_yuan", soil.valuePYuan().doubleValue());

    // Water purification, capped at the zone's capacity.
    Map<String, Double> removed = waterRemovedT(piece, cell, parameters);
    Map<String, Double> capped = new LinkedHashMap<>();
    double removedTotal = 0;
    for (Map.Entry<String, Double> entry : removed.entrySet()) {
      double share = waterCapShares.getOrDefault(entry.getKey(), 1.0);
      double t = entry.getValue() * share;
      capped.put(entry.getKey(), t);
      removedTotal += t;
      components.put("water_purification." + entry.getKey() + "_uncapped_t", entry.getValue());
      components.put("water_purification." + entry.getKey() + "_t", t);
    }
    quantities.put(GepService.WATER_PURIFICATION, removedTotal);
    values.put(
        GepService.WATER_PURIFICATION,
        GepValues.waterPurificationValue(capped, Map.of(), parameters.params()));

    // Air purification.
    Map<String, Double> absorbed = new LinkedHashMap<>();
    if (cell.landCover().isPresent()) {
      for (LandCover landCover : LandCover.values()) {
        double f = cell.fraction(landCover);
        if (f > 0) {
          AirPurification.absorbedT(parameters.airAbsorption(landCover), areaKm2 * f)
              .forEach((pollutant, t) -> absorbed.merge(pollutant, t, Double::sum));
        }
      }
    }
    double absorbedTotal = 0;
    for (Map.Entry<String, Double> entry : absorbed.entrySet()) {
      absorbedTotal += entry.getValue();
      components.put("air_purification." + entry.getKey() + "_t", entry.getValue());
    }
    quantities.put(GepService.AIR_PURIFICATION, absorbedTotal);
    values.put(
        GepService.AIR_PURIFICATION, GepValues.airPurificationValue(absorbed, parameters.params()));

    // Climate regulation: transpiration and water-surface evaporation on the days that need cooling.
    double[] cooling =
        ClimateRegulation.coolingFractions(cell.temperatureC(), parameters.coolingDayRule());
    double days = ClimateRegulation.coolingDays(year, cooling);
    List<GepValues.Transpiration> transpiration = new ArrayList<>();
    for (LandCover landCover : LandCover.values()) {
      double f = cell.fraction(landCover);
      if (f > 0 && landCover.vegetated() && parameters.transpirationHeat(landCover) > 0) {
        transpiration.add(
            new GepValues.Transpiration(parameters.transpirationHeat(landCover), areaM2 * f, days));
      }
    }
    double vegetationKwh =
        GepValues.vegetationCoolingKwh(transpiration, parameters.acEnergyEfficiencyRatio());
    double[] evaporation = new double[12];
    for (int m = 0; m < 12; m++) {
      evaporation[m] = Double.isNaN(cell.petMm()[m]) ? cell.etMm()[m] : cell.petMm()[m];
    }
    double evaporationM3 =
        ClimateRegulation.waterEvaporationM3(
            evaporation, cooling, areaM2 * waterSurfaceFraction(cell));
    double waterKwh =
        GepValues.waterCoolingKwh(
                evaporationM3,
                parameters.waterDensityKgM3(),
                parameters.latentHeatKjPerKg(),
                parameters.acEnergyEfficiencyRatio())
            + GepValues.humidificationKwh(evaporationM3, parameters.humidifierKwhPerM3());
    quantities.put(GepService.CLIMATE_REGULATION, vegetationKwh + waterKwh);
    values.put(
        GepService.CLIMATE_REGULATION,
        GepValues.climateRegulationValue(vegetationKwh + waterKwh, parameters.params()));
    components.put("climate_regulation.vegetation_kwh", vegetationKwh);
    components.put("climate_regulation.water_surface_kwh", waterKwh);
    components.put("climate_regulation.evaporation_m3", evaporationM3);

    quantities.put(GepService.WATER_CONSERVATION, conservedM3);
    values.put(GepService.WATER_CONSERVATION, conservedYuan);
    quantities.put(GepService.FLOOD_REGULATION, swampM3);
    values.put(
        GepService.FLOOD_REGULATION,
        GepValues.floodRegulationValue(swampM3, parameters.params()));
    // Carbon fixed is the NEP of the classes the GEP guide counts (annual cropland is not: its harvest
    // returns the carbon within the year). A piece whose counted NEP is negative (a net source) provides no
    // fixation or oxygen service: it counts 0, as negative water-balance cells do for water conservation
    // (METHODOLOGY.md section 2). The signed NEP of every class stays in the carbon-sink tables.
    double fixedTc = Math.max(0, Casa.carbonTonnes(carbon.sequesteringNepGcM2(), areaM2));
    quantities.put(GepService.CARBON_FIXATION, fixedTc);
    values.put(
        GepService.CARBON_FIXATION, GepValues.carbonFixationValue(fixedTc, parameters.params()));
    quantities.put(GepService.OXYGEN_RELEASE, Casa.oxygenFromCarbon(fixedTc));
    values.put(
        GepService.OXYGEN_RELEASE, GepValues.oxygenReleaseValue(fixedTc, parameters.params()));

    values.replaceAll((service, value) -> storageScale(value));
    BigDecimal included = BigDecimal.ZERO;
    for (Map.Entry<GepService, BigDecimal> entry : values.entrySet()) {
      if (parameters.includes(entry.getKey())) {
        included = included.add(entry.getValue());
      }
    }
    return new PieceAccount(
        piece,
        carbon,
        nppTc,
        rhTc,
        nepTc,
        Carbon.co2FromCarbon(nepTc),
        precip,
        et,
        waterMonths,
        r,
        ls,
        components,
        quantities,
        values,
        included);
  }

  /** Tonnes removed a year by pollutant over the piece, before any capacity cap. */
  public static Map<String, Double> waterRemovedT(
      GridPiece piece, CellYear cell, AccountingParameters parameters) {
    Map<String, Double> removed = new LinkedHashMap<>();
    if (cell.landCover().isPresent()) {
      double areaKm2 = piece.areaM2() / 1e6;
      for (LandCover landCover : LandCover.values()) {
        double f = cell.fraction(landCover);
        if (f > 0) {
          WaterPurification.removedT(parameters.waterRemoval(landCover), areaKm2 * f)
              .forEach((pollutant, t) -> removed.merge(pollutant, t, Double::sum));
        }
      }
    }
    return removed;
  }

  /** The mean of the months with a value, NaN when none has one. */
  static double annualMean(double[] months) {
    double sum = 0;
    int n = 0;
    for (double value : months) {
      if (!Double.isNaN(value)) {
        sum += value;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /**
   * Values are published per piece at the lakehouse's money scale ({@link Money#atStorageScale}, half
   * even), and district totals are sums of those published values, so the two tables agree exactly.
   */
  static BigDecimal storageScale(BigDecimal value) {
    return Money.cny(value).atStorageScale().amount();
  }

  /** The cell's share of evaporating water surface: open water and aquaculture ponds. */
  private static double waterSurfaceFraction(CellYear cell) {
    double f = 0;
    for (LandCover landCover : LandCover.values()) {
      if (landCover.waterSurface()) {
        f += cell.fraction(landCover);
      }
    }
    return f;
  }
}
