package org.liangshan.geo.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.method.StandGrowth;
import org.liangshan.core.param.ParameterSet;

/**
 * The forestry carbon-sink base (docs/methods/forestry-carbon-base.md): per forest parcel of the
 * rights register, its stock from the Richards stand curve of its forest type at its age, scaled by a
 * site factor that matches the curve's increment to the CASA NEP of the parcel's grid cell; its
 * forecast for the next years; and the priority lists for afforestation and forest management.
 */
public final class ForestCarbonBase {
  public static final double HA_PER_MU = 1.0 / 15.0;

  /** A forest parcel as registered; {@code ageYears} NaN when the register has none. */
  public record Parcel(String parcelId, String district, String districtCode, String vegClass, double areaMu,
      double ageYears, double lon, double lat) {
    public Parcel {
      requireNonNull(parcelId, "parcelId is null");
      requireNonNull(district, "district is null");
    }
  }

  /**
   * The parcel's cell, if the parcel's point lies in the grid: the cell's NEP per m² of cell and
   * its vegetated fraction.
   */
  public record CellSink(String cellId, double nepGcM2, double vegetatedFraction, int monthsComputed) {}

  public record Base(Parcel parcel, String cellId, String forestType, String typeBasis, double areaHa, double ageYears,
      String ageBasis, OptionalDouble nepGcM2Vegetated, OptionalDouble observedTc, double modelTc, double siteFactor,
      String siteBasis, double stockTc, double potentialTc, double gapTc) {}

  public record Forecast(String parcelId, int year, double ageYears, double stockTc, double sequestrationTc) {}

  /** An afforestation candidate: a grid-cell piece with non-forest land that could be planted. */
  public record Candidate(String cellId, String districtCode, double afforestableHa, double annualPrecipMm) {}

  public record Priority(String kind, int rank, String targetId, String districtCode, double areaHa, double potentialTc,
      String basis) {}

  private final Map<String, StandGrowth> curves = new LinkedHashMap<>();
  private final String defaultType;
  private final double defaultAge;
  private final int horizon;
  private final double siteMin;
  private final double siteMax;
  private final String afforestationType;
  private final double precipRefMm;

  public ForestCarbonBase(ParameterSet params) {
    for (String type : params.keys("forest_carbon.types")) {
      String key = "forest_carbon.types." + type;
      curves.put(type, new StandGrowth(params.number(key + ".a_tc_ha"), params.number(key + ".k"), params.number(key + ".c")));
    }
    defaultType = known(params, params.text("forest_carbon.default_type"), "forest_carbon.default_type");
    afforestationType = known(params, params.text("forest_carbon.afforestation_type"), "forest_carbon.afforestation_type");
    defaultAge = params.number("forest_carbon.default_age_years");
    horizon = (int) params.number("forest_carbon.horizon_years");
    siteMin = params.number("forest_carbon.site_factor_min");
    siteMax = params.number("forest_carbon.site_factor_max");
    precipRefMm = params.number("forest_carbon.afforestation_precip_ref_mm");
    if (horizon < 1 || horizon > 100 || !(siteMin > 0 && siteMin <= 1 && siteMax >= 1)) {
      throw LiangshanException.badInput(
          "Parameter set %s: forest_carbon.horizon_years must be 1..100 and site_factor_min <= 1 <= site_factor_max (got %d, %s, %s).",
          params.version(), horizon, siteMin, siteMax);
    }
  }

  private String known(ParameterSet params, String type, String key) {
    if (!curves.containsKey(type)) {
      throw LiangshanException.badInput("Parameter set %s: %s is %s, which has no curve in forest_carbon.types (%s).",
          params.version(), key, type, curves.keySet());
    }
    return type;
  }

  public int horizon() {
    return horizon;
  }

  public StandGrowth curve(String type) {
    return curves.get(type);
  }

  /** The base of one parcel; {@code cell} null when its point is outside the grid. */
  public Base base(Parcel parcel, CellSink cell) {
    String type = parcel.vegClass() == null ? null : parcel.vegClass().strip().toUpperCase(Locale.ROOT);
    String typeBasis;
    if (type != null && curves.containsKey(type)) {
      typeBasis = "registered " + type;
    } else {
      typeBasis = "default " + defaultType + " (registered vegetation class " + (parcel.vegClass() == null ? "empty" : "'" + parcel.vegClass() + "'")
          + " has no curve)";
      type = defaultType;
    }
    StandGrowth curve = curves.get(type);
    double age = Double.isNaN(parcel.ageYears()) ? defaultAge : parcel.ageYears();
    String ageBasis = Double.isNaN(parcel.ageYears()) ? "default " + (long) defaultAge + " years (no age registered)" : "registered";
    double areaHa = parcel.areaMu() * HA_PER_MU;
    double increment = curve.incrementTcHa(age);
    OptionalDouble nepVegetated = OptionalDouble.empty();
    OptionalDouble observed = OptionalDouble.empty();
    double site = 1;
    String siteBasis;
    if (cell == null) {
      siteBasis = "1: the parcel's point is outside the grid";
    } else if (cell.monthsComputed() == 0 || !(cell.vegetatedFraction() > 0)) {
      siteBasis = "1: no CASA NEP in cell " + cell.cellId();
    } else {
      double perM2 = cell.nepGcM2() / cell.vegetatedFraction();
      nepVegetated = OptionalDouble.of(perM2);
      double observedHa = perM2 * 0.01; // gC/m2 -> t C/ha
      observed = OptionalDouble.of(observedHa * areaHa);
      if (increment > 0) {
        double raw = observedHa / increment;
        site = Math.max(siteMin, Math.min(siteMax, raw));
        siteBasis = String.format(Locale.ROOT, "NEP %.4f t C/ha / curve increment %.4f t C/ha = %.4f%s", observedHa, increment, raw,
            site != raw ? ", clamped to " + site : "");
      } else {
        siteBasis = "1: the curve has no increment at age " + age;
      }
    }
    double stock = areaHa * curve.densityTcHa(age, site);
    double potential = areaHa * site * curve.asymptoteTcHa();
    return new Base(parcel, cell == null ? null : cell.cellId(), type, typeBasis, areaHa, age, ageBasis, nepVegetated, observed,
        areaHa * site * increment, site, siteBasis, stock, potential, Math.max(0, potential - stock));
  }

  /** Stock at the end of each of the next {@link #horizon()} years and the year's sequestration. */
  public List<Forecast> forecast(Base base, int baseYear) {
    StandGrowth curve = curves.get(base.forestType());
    List<Forecast> rows = new ArrayList<>(horizon);
    double previous = base.stockTc();
    for (int n = 1; n <= horizon; n++) {
      double age = base.ageYears() + n;
      double stock = base.areaHa() * curve.densityTcHa(age, base.siteFactor());
      rows.add(new Forecast(base.parcel().parcelId(), baseYear + n, age, stock, stock - previous));
      previous = stock;
    }
    return rows;
  }

  /** Forest-management priorities: parcels by gap to the mature stock, largest first (ties by parcel id). */
  public List<Priority> management(List<Base> bases) {
    List<Base> sorted = new ArrayList<>(bases);
    sorted.sort(Comparator.comparingDouble(Base::gapTc).reversed().thenComparing(b -> b.parcel().parcelId()));
    List<Priority> rows = new ArrayList<>();
    for (Base b : sorted) {
      if (b.gapTc() > 0) {
        rows.add(new Priority("forest_management", rows.size() + 1, b.parcel().parcelId(), b.parcel().districtCode(), b.areaHa(),
            b.gapTc(), String.format(Locale.ROOT, "%s age %.0f, site %.3f: stock %.1f t C of a mature %.1f t C",
                b.forestType(), b.ageYears(), b.siteFactor(), b.stockTc(), b.potentialTc())));
      }
    }
    return rows;
  }

  /**
   * Afforestation priorities: afforestable area × C(horizon) of the afforestation type × min(1,
   * annual precipitation / reference), largest first (ties by target id). A candidate without
   * precipitation (NaN) is not water-limited.
   */
  public List<Priority> afforestation(List<Candidate> candidates) {
    StandGrowth curve = curves.get(afforestationType);
    double perHa = curve.densityTcHa(horizon);
    List<Priority> unranked = new ArrayList<>();
    for (Candidate c : candidates) {
      if (!(c.afforestableHa() > 0)) {
        continue;
      }
      boolean known = !Double.isNaN(c.annualPrecipMm());
      double water = known ? Math.min(1, Math.max(0, c.annualPrecipMm()) / precipRefMm) : 1;
      unranked.add(new Priority("afforestation", 0, c.cellId() + "/" + c.districtCode(), c.districtCode(), c.afforestableHa(),
          c.afforestableHa() * perHa * water, String.format(Locale.ROOT, "%.2f ha x %.2f t C/ha (%s at %d years) x water %.3f%s",
              c.afforestableHa(), perHa, afforestationType, horizon, water,
              known ? String.format(Locale.ROOT, " (P %.0f mm)", c.annualPrecipMm()) : " (no precipitation: not limited)")));
    }
    unranked.sort(Comparator.comparingDouble(Priority::potentialTc).reversed().thenComparing(Priority::targetId));
    List<Priority> rows = new ArrayList<>();
    for (Priority p : unranked) {
      rows.add(new Priority(p.kind(), rows.size() + 1, p.targetId(), p.districtCode(), p.areaHa(), p.potentialTc(), p.basis()));
    }
    return rows;
  }
}
