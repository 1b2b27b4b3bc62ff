package org.liangshan.generator;

import java.util.List;
import java.util.SplittableRandom;
import org.liangshan.core.region.District;

/**
 * {@code statistics/output_<yyyy>.csv}, {@code water_supply_<yyyy>.csv} and {@code tourism_<yyyy>.csv} per
 * district: agriculture follows cropland, forestry forest, fishery water, supply and tourism follow built-up
 * land, with regional totals of the right order (Liyang about 1.2×10⁶ 万元 of farm output and 2,300 万人次
 * visits a year; Tianjin about 5×10⁶ 万元 and 2.3×10⁴ 万人次).
 */
final class StatisticsFamily {
  private StatisticsFamily() {}

  static void generate(Context context) {
    int years = context.request().years();
    Output.Family family = context.output().family("statistics", 3 * years);
    Landscape base = context.baseLandscape();
    List<District> districts = context.region().districts();
    boolean tianjin = context.region().id().equals("tianjin");
    for (int year = context.request().firstYear(); year <= context.request().lastYear(); year++) {
      byte[] cover = context.baseLandCover(year);
      int d = districts.size();
      double[] crop = new double[d];
      double[] forest = new double[d];
      double[] water = new double[d];
      double[] built = new double[d];
      double[] all = new double[d];
      for (int i = 0; i < cover.length; i++) {
        int k = base.grid.district[i];
        if (k < 0) {
          continue;
        }
        double area = base.grid.areaKm2(i);
        int lc = cover[i] & 0xFF;
        all[k] += area;
        if (lc == 10) {
          crop[k] += area;
        } else if (Landscape.isForest(lc)) {
          forest[k] += area;
        } else if (lc == 60 || lc == 50) {
          water[k] += area;
        } else if (lc == 80) {
          built[k] += area;
        }
      }
      double growth = Math.pow(1.04, year - 2020);
      double totalOutput = (tianjin ? 5.0e6 : 1.2e6) * growth;
      double[] shares = tianjin ? new double[] {0.55, 0.03, 0.25, 0.17} : new double[] {0.52, 0.07, 0.13, 0.28};
      String[] categories = {"农业", "林业", "牧业", "渔业"};
      double[][] weights = {crop, forest, crop, water};
      try (Output.Csv csv = family.csv("statistics/output_" + year + ".csv", "年度", "区县", "类别", "产值(万元)")) {
        for (int k = 0; k < d; k++) {
          SplittableRandom random = context.rng("statistics", "output", districts.get(k).code(), Integer.toString(year));
          for (int c = 0; c < 4; c++) {
            double value = totalOutput * shares[c] * weights[c][k] / sum(weights[c]) * Seeds.uniform(random, 0.95, 1.05);
            csv.row(year, districts.get(k).name(), categories[c], Output.fixed(value, 1));
          }
        }
      }
      double totalSupply = tianjin ? 330_000 : 45_000;
      double[] useShares = tianjin ? new double[] {0.30, 0.17, 0.53} : new double[] {0.13, 0.27, 0.60};
      String[] uses = {"生活", "工业", "农业"};
      double[][] useWeights = {built, built, crop};
      try (Output.Csv csv = family.csv("statistics/water_supply_" + year + ".csv", "年度", "区县", "用途", "供水量(万m³)")) {
        for (int k = 0; k < d; k++) {
          SplittableRandom random = context.rng("statistics", "water", districts.get(k).code(), Integer.toString(year));
          for (int u = 0; u < 3; u++) {
            double value = totalSupply * useShares[u] * useWeights[u][k] / sum(useWeights[u]) * Seeds.uniform(random, 0.95, 1.05);
            csv.row(year, districts.get(k).name(), uses[u], Output.fixed(value, 1));
          }
        }
      }
      double recovery = year <= 2020 ? 0.6 : year == 2021 ? 0.75 : year == 2022 ? 0.7 : Math.pow(1.05, year - 2023);
      double totalVisits = (tianjin ? 23_000 : 2_300) * recovery;
      try (Output.Csv csv =
          family.csv("statistics/tourism_" + year + ".csv", "年度", "区县", "游客人次(万人次)", "旅游收入(万元)", "生态旅游占比")) {
        double[] attraction = new double[d];
        for (int k = 0; k < d; k++) {
          attraction[k] = built[k] + 1.5 * forest[k] + 0.8 * water[k] + 1;
        }
        for (int k = 0; k < d; k++) {
          SplittableRandom random = context.rng("statistics", "tourism", districts.get(k).code(), Integer.toString(year));
          double visits = totalVisits * attraction[k] / sum(attraction) * Seeds.uniform(random, 0.95, 1.05);
          double spend = (tianjin ? 1_250 : 1_300) * Seeds.uniform(random, 0.9, 1.1); // yuan per visit
          double natural = (forest[k] + water[k]) / Math.max(1e-9, all[k]);
          double ecoShare = Math.min(0.85, (tianjin ? 0.1 : 0.35) + (tianjin ? 1.2 : 1.0) * natural);
          csv.row(year, districts.get(k).name(), Output.fixed(visits, 2), Output.fixed(visits * spend, 1), Output.fixed(ecoShare, 3));
        }
      }
    }
  }

  private static double sum(double[] values) {
    double total = 0;
    for (double v : values) {
      total += v;
    }
    return total == 0 ? 1 : total;
  }
}
