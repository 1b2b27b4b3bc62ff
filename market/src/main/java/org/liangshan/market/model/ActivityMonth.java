package org.liangshan.market.model;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;

/**
 * One enterprise's activity in one month (silver.enterprise_activity); a field that does not apply is
 * null.
 */
public record ActivityMonth(
    String uscc,
    YearMonth month,
    Double coalT,
    Double gas10kM3,
    Double electricityMwh,
    Double outputT,
    Double clinkerT,
    Double clinkerCaoFrac,
    Double clinkerMgoFrac,
    Double teaAreaMu,
    Double beds,
    Double occupancy,
    Double livestockHead,
    Boolean metered,
    Double dischargeM3,
    Double codMgL,
    Double nh3nMgL,
    Double tpMgL,
    Double tnMgL) {

  public ActivityMonth {
    requireNonNull(uscc, "uscc is null");
    requireNonNull(month, "month is null");
  }

  static double or0(Double value) {
    return value == null ? 0 : value;
  }

  /** The discharge concentration of a pollutant, mg/L, or null. */
  public Double concentrationMgL(Pollutant pollutant) {
    return switch (pollutant) {
      case COD -> codMgL;
      case NH3N -> nh3nMgL;
      case TP -> tpMgL;
      case TN -> tnMgL;
    };
  }

  /** Metered, with a discharge volume and the pollutant's concentration. */
  public boolean meteredFor(Pollutant pollutant) {
    return Boolean.TRUE.equals(metered) && dischargeM3 != null && concentrationMgL(pollutant) != null;
  }
}
