package org.liangshan.geo.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.liangshan.core.method.Casa;
import org.liangshan.core.method.GepValues;
import org.liangshan.core.method.WaterConservation;
import org.liangshan.core.money.Money;

/**
 * The grid-derived accounts of a cell piece, all formulas from core ({@link Casa}, {@link
 * WaterConservation}, {@link GepValues}); this class only decides which cell values feed them.
 *
 * <ul>
 *   <li>carbon sink: {@link CarbonSink} per m² of the cell × the piece's area (Casa.carbonTonnes),
 *       CO₂ = C·44/12;
 *   <li>carbon fixation: NEP t C × carbon price; oxygen release: C·32/12 t × oxygen price;
 *   <li>water conservation: per land-cover class with a runoff coefficient α (see {@link
 *       RunoffCoefficients}), {@link WaterConservation} on (P, R = α·P, ET) over the class's share of
 *       the piece (P and ET summed over the months that have both), negative balances counting 0;
 *   <li>flood regulation: swamp storage of the piece's wetland area (depth {@code
 *       gep.flood.swamp_storage_depth_m} × area) × reservoir cost. Reservoir and lake storage need
 *       storage data the platform does not receive and are not included.
 * </ul>
 */
public final class GridAccounting {
  private GridAccounting() {}

  public static PieceAccount account(GridPiece piece, CellYear cell, AccountingParameters parameters) {
    requireNonNull(piece, "piece is null");
    requireNonNull(cell, "cell is null");
    requireNonNull(parameters, "parameters is null");
    if (piece.ordinal() != cell.ordinal()) {
      throw new IllegalArgumentException(
          "Piece of cell " + piece.ordinal() + " given the data of cell " + cell.ordinal());
    }
    double areaM2 = piece.areaM2();
    CarbonSink.CellCarbon carbon = CarbonSink.compute(cell, parameters.casa());
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

    Map<GepService, Double> quantities = new EnumMap<>(GepService.class);
    Map<GepService, BigDecimal> values = new EnumMap<>(GepService.class);
    quantities.put(GepService.WATER_CONSERVATION, conservedM3);
    values.put(GepService.WATER_CONSERVATION, conservedYuan);
    quantities.put(GepService.FLOOD_REGULATION, swampM3);
    values.put(
        GepService.FLOOD_REGULATION,
        GepValues.floodRegulationValue(swampM3, parameters.params()));
    // A cell that is a net carbon source (NEP < 0, e.g. built-up land with little vegetation) provides no
    // fixation or oxygen service: it counts 0, as negative water-balance cells do for water conservation
    // (METHODOLOGY.md section 2). The signed NEP stays in the carbon-sink tables.
    double fixedTc = Math.max(0, nepTc);
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
        Casa.co2FromCarbon(nepTc),
        precip,
        et,
        waterMonths,
        quantities,
        values,
        included);
  }

  /**
   * Values are published per piece at the lakehouse's money scale ({@link Money#atStorageScale}, half
   * even), and district totals are sums of those published values, so the two tables agree exactly.
   */
  static BigDecimal storageScale(BigDecimal value) {
    return Money.cny(value).atStorageScale().amount();
  }
}
