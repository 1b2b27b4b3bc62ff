package org.liangshan.geo.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.method.BalanceSheet;
import org.liangshan.core.method.BalanceSheetValue;
import org.liangshan.core.method.LandTransitions;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.District;

/**
 * The natural-resource balance sheet of a region's districts for a year, from two land covers per
 * cell piece (docs/methods/balance-sheet.md). Each piece's area (rounded to the m²) is split over
 * the assets by its cell's class fractions in the opening and in the closing land cover ({@link
 * LandTransitions#allocate}); per piece and asset, an increase is an addition and a decrease a
 * reduction; sums over the district's pieces give its lines, and region lines are recomputed from all
 * pieces and checked against the sum of the district lines.
 */
public final class BalanceSheetAccounts {
  public static final String OTHER = "other_land";

  /** One published line: the area line, its value line, and where the unit value comes from. */
  public record Line(String scope, String districtCode, String district, BalanceSheet area, BalanceSheet value,
      BigDecimal unitValueYuanPerKm2) {}

  /** One cell of the transition matrix of a district (or the region), km². */
  public record Transition(String scope, String districtCode, String fromAsset, String toAsset, double areaKm2) {}

  private final List<String> assets;
  private final Map<LandCover, Integer> assetOf;
  private final Map<String, BigDecimal> unitValues;
  private final String unitValueSource;
  private final List<Line> lines = new ArrayList<>();
  private final List<Transition> transitions = new ArrayList<>();

  private BalanceSheetAccounts(ParameterSet params) {
    List<String> named = params.keys("balance_sheet.assets");
    assets = new ArrayList<>(named);
    if (assets.contains(OTHER)) {
      throw LiangshanException.badInput("Parameter set %s: balance_sheet.assets must not name %s (it is the remainder).",
          params.version(), OTHER);
    }
    assets.add(OTHER);
    assetOf = new EnumMap<>(LandCover.class);
    for (int i = 0; i < named.size(); i++) {
      for (String className : params.texts("balance_sheet.assets." + named.get(i))) {
        LandCover landCover;
        try {
          landCover = LandCover.valueOf(className);
        } catch (IllegalArgumentException e) {
          throw LiangshanException.badInput("Parameter set %s: balance_sheet.assets.%s names %s, not a land-cover class (%s).",
              params.version(), named.get(i), className, java.util.Arrays.toString(LandCover.values()));
        }
        Integer previous = assetOf.put(landCover, i);
        if (previous != null) {
          throw LiangshanException.badInput("Parameter set %s: land-cover class %s is in two assets, %s and %s.",
              params.version(), className, named.get(previous), named.get(i));
        }
      }
    }
    unitValues = new LinkedHashMap<>();
    for (String asset : assets) {
      unitValues.put(asset, params.decimal("balance_sheet.unit_value_yuan_per_km2." + asset));
    }
    unitValueSource = params.text("balance_sheet.unit_values_source");
  }

  public List<String> assets() {
    return List.copyOf(assets);
  }

  public String unitValueSource() {
    return unitValueSource;
  }

  public List<Line> lines() {
    return List.copyOf(lines);
  }

  public List<Transition> transitions() {
    return List.copyOf(transitions);
  }

  /** The asset shares of a cell's class fractions, in {@link #assets()} order. */
  double[] shares(Optional<Map<LandCover, Double>> fractions) {
    double[] shares = new double[assets.size()];
    fractions.ifPresent(f -> f.forEach((landCover, fraction) ->
        shares[assetOf.getOrDefault(landCover, assets.size() - 1)] += fraction));
    return shares;
  }

  /**
   * Builds the sheet. {@code opening} and {@code closing} are the class fractions of each cell (by
   * ordinal; empty when no pixel of that land cover fell in the cell): a cell known in one year only
   * keeps that year's cover in both (no change is invented); unknown in both, it is other land.
   */
  public static BalanceSheetAccounts build(ParameterSet params, String regionId, String regionName,
      List<District> districts, List<GridPiece> pieces, List<Optional<Map<LandCover, Double>>> opening,
      List<Optional<Map<LandCover, Double>>> closing) {
    requireNonNull(pieces, "pieces is null");
    BalanceSheetAccounts sheet = new BalanceSheetAccounts(params);
    int n = sheet.assets.size();
    int other = n - 1;
    Map<String, long[][]> flows = new LinkedHashMap<>(); // code -> {opening, additions, reductions, closing}
    Map<String, double[][]> matrices = new LinkedHashMap<>();
    for (District district : districts) {
      flows.put(district.code(), new long[4][n]);
      matrices.put(district.code(), new double[n][n]);
    }
    long[][] region = new long[4][n];
    double[][] regionMatrix = new double[n][n];
    for (GridPiece piece : pieces) {
      Optional<Map<LandCover, Double>> before = opening.get(piece.ordinal());
      Optional<Map<LandCover, Double>> after = closing.get(piece.ordinal());
      if (before.isEmpty()) {
        before = after;
      }
      if (after.isEmpty()) {
        after = before;
      }
      long[] b = LandTransitions.allocate(piece.areaM2(), sheet.shares(before), other);
      long[] a = LandTransitions.allocate(piece.areaM2(), sheet.shares(after), other);
      LandTransitions.Flows f = LandTransitions.flows(b, a);
      double[][] m = LandTransitions.matrix(b, a);
      long[][] d = flows.get(piece.districtCode());
      if (d == null) {
        throw LiangshanException.failure("Grid piece %s names district %s, not a district of %s.",
            piece.cellId(), piece.districtCode(), regionId);
      }
      for (long[][] target : List.of(d, region)) {
        for (int i = 0; i < n; i++) {
          target[0][i] += b[i];
          target[1][i] += f.additionsM2()[i];
          target[2][i] += f.reductionsM2()[i];
          target[3][i] += a[i];
        }
      }
      for (double[][] target : List.of(matrices.get(piece.districtCode()), regionMatrix)) {
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            target[i][j] += m[i][j];
          }
        }
      }
    }
    long[][] sumOfDistricts = new long[4][n];
    for (District district : districts) {
      long[][] d = flows.get(district.code());
      sheet.addLines("district", district.code(), district.name(), d);
      sheet.addTransitions("district", district.code(), matrices.get(district.code()));
      for (int k = 0; k < 4; k++) {
        for (int i = 0; i < n; i++) {
          sumOfDistricts[k][i] += d[k][i];
        }
      }
    }
    for (int k = 0; k < 4; k++) {
      if (!java.util.Arrays.equals(sumOfDistricts[k], region[k])) {
        throw LiangshanException.failure("Balance sheet of %s: the district lines do not add up to the region (%s vs %s m2).",
            regionId, java.util.Arrays.toString(sumOfDistricts[k]), java.util.Arrays.toString(region[k]));
      }
    }
    sheet.addLines("region", regionId, regionName, region);
    sheet.addTransitions("region", regionId, regionMatrix);
    return sheet;
  }

  private void addLines(String scope, String code, String name, long[][] d) {
    for (int i = 0; i < assets.size(); i++) {
      BalanceSheet area = BalanceSheet.of(assets.get(i), LandTransitions.km2(d[0][i]), LandTransitions.km2(d[1][i]),
          LandTransitions.km2(d[2][i]));
      if (area.closing().compareTo(LandTransitions.km2(d[3][i])) != 0) {
        throw LiangshanException.failure("Balance sheet %s %s: closing %s km2 is not the closing land cover's %s km2.",
            code, assets.get(i), area.closing().toPlainString(), LandTransitions.km2(d[3][i]).toPlainString());
      }
      BigDecimal unit = unitValues.get(assets.get(i));
      lines.add(new Line(scope, code, name, area, BalanceSheetValue.of(area, unit), unit));
    }
  }

  private void addTransitions(String scope, String code, double[][] m) {
    for (int i = 0; i < assets.size(); i++) {
      for (int j = 0; j < assets.size(); j++) {
        if (m[i][j] > 0) {
          transitions.add(new Transition(scope, code, assets.get(i), assets.get(j), m[i][j] / 1e6));
        }
      }
    }
  }
}
