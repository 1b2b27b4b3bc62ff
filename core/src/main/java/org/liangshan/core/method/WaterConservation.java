package org.liangshan.core.method;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;
import org.liangshan.core.param.ParameterSet;

/**
 * Water conservation by the water-balance method (METHODOLOGY.md section 2, GEP table, row "water
 * conservation"; GB/T 46869-2025): Q = Σ (P − R − ET)·A per cell, R the storm runoff, cells whose
 * balance is negative counting 0; value = Q × reservoir construction cost (7.06 yuan/m³, Ganzi 2010
 * study, {@code gep.reservoir_cost_yuan_per_m3}).
 *
 * <p>mm × km² = 10³ m³. Example: 1 km², P 1200 mm, R 200 mm, ET 700 mm → 3.0×10⁵ m³, 2.118×10⁶
 * yuan.
 */
public final class WaterConservation {
  private WaterConservation() {}

  /** One cell (or one zone treated as a cell). */
  public record Input(double precipMm, double runoffMm, double etMm, double areaKm2) {
    public Input {
      Checks.nonNegative("precip_mm", precipMm);
      Checks.nonNegative("runoff_mm", runoffMm);
      Checks.nonNegative("et_mm", etMm);
      Checks.nonNegative("area_km2", areaKm2);
    }
  }

  /** Conserved water in m³ and its value in yuan (full precision). */
  public record Output(double quantityM3, BigDecimal valueYuan) {
    public Output {
      requireNonNull(valueYuan, "valueYuan is null");
    }
  }

  /** The cell's conserved water in m³, 0 when P − R − ET is negative. */
  public static double quantityM3(Input input) {
    requireNonNull(input, "input is null");
    double balanceMm = input.precipMm() - input.runoffMm() - input.etMm();
    return Math.max(0, balanceMm) * input.areaKm2() * 1e3;
  }

  public static Output compute(Input input, BigDecimal reservoirCostYuanPerM3) {
    Checks.nonNegative("reservoir_cost_yuan_per_m3", reservoirCostYuanPerM3);
    double q = quantityM3(input);
    return new Output(q, BigDecimal.valueOf(q).multiply(reservoirCostYuanPerM3));
  }

  public static Output compute(Input input, ParameterSet params) {
    return compute(input, params.decimal("gep.reservoir_cost_yuan_per_m3"));
  }

  /** The sum over cells (each cell's negative balance counts 0). */
  public static Output total(List<Input> cells, BigDecimal reservoirCostYuanPerM3) {
    requireNonNull(cells, "cells is null");
    Checks.nonNegative("reservoir_cost_yuan_per_m3", reservoirCostYuanPerM3);
    double q = 0;
    for (Input cell : cells) {
      q += quantityM3(cell);
    }
    return new Output(q, BigDecimal.valueOf(q).multiply(reservoirCostYuanPerM3));
  }
}
