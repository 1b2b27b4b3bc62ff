package org.liangshan.geo.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The year's grid-derived accounts of one cell piece: the carbon sink in tonnes, the water balance,
 * and each grid-derived GEP service's physical quantity and value. {@code valueYuan} sums the
 * services the parameter set's indicator list includes; the others are still computed (and shown) but
 * not summed.
 *
 * @param precipMm annual precipitation over the months with both P and ET
 * @param etMm annual ET over the same months
 * @param waterMonths months counted in the water balance
 * @param rFactor RUSLE rainfall erosivity R of the cell, MJ·mm ha⁻¹ h⁻¹ a⁻¹
 * @param lsFactor mean RUSLE LS of the cell's DEM pixels (NaN without a DEM)
 * @param components additive parts of the services, keyed {@code <service>.<part>} (e.g. {@code
 *     water_purification.cod_t}, {@code soil_retention.sediment_m3}); a district's are the sums
 */
public record PieceAccount(
    GridPiece piece,
    CarbonSink.CellCarbon carbon,
    double nppTc,
    double rhTc,
    double nepTc,
    double co2T,
    double precipMm,
    double etMm,
    int waterMonths,
    double rFactor,
    double lsFactor,
    Map<String, Double> components,
    Map<GepService, Double> quantities,
    Map<GepService, BigDecimal> valuesYuan,
    BigDecimal valueYuan) {

  public PieceAccount {
    requireNonNull(piece, "piece is null");
    requireNonNull(carbon, "carbon is null");
    components = Collections.unmodifiableMap(new java.util.TreeMap<>(components));
    quantities = Collections.unmodifiableMap(new EnumMap<>(quantities));
    valuesYuan = Collections.unmodifiableMap(new EnumMap<>(valuesYuan));
    requireNonNull(valueYuan, "valueYuan is null");
  }

  public double quantity(GepService service) {
    return quantities.getOrDefault(service, 0.0);
  }

  public BigDecimal value(GepService service) {
    return valuesYuan.getOrDefault(service, BigDecimal.ZERO);
  }
}
