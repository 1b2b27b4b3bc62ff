package org.liangshan.generator;

import java.util.List;
import java.util.SplittableRandom;
import org.liangshan.core.region.WaterFunctionZone;

/**
 * {@code surveys/protection_costs.csv} (per survey year, zone and pollutant: capital items with life and
 * discount rate, operating and opportunity costs) and {@code surveys/industry_cost_benefit.csv}. Magnitudes
 * put the benchmark price of TP in a class II lake zone (Tianmu Lake) at 10⁶–10⁷ yuan per t/a for the
 * tradable capacities the capacity models give (about 1–2 t/a), as in the Tianmu Lake study.
 */
final class SurveyFamily {
  static final List<String> POLLUTANTS = List.of("COD", "NH3-N", "TP", "TN");

  private SurveyFamily() {}

  /** Annualised cost scale of protecting a zone against one pollutant, yuan per year. */
  static double annualCostYuan(WaterFunctionZone zone, String pollutant) {
    double zoneFactor = zone.targetClass() <= 2 ? 1.0 : zone.targetClass() == 3 ? 0.7 : 0.5;
    double base =
        switch (pollutant) {
          case "TP" -> 1.6e7;
          case "TN" -> 1.2e7;
          case "NH3-N" -> 9e6;
          default -> 2.0e7;
        };
    return base * zoneFactor;
  }

  static void generate(Context context) {
    Output.Family family = context.output().family("surveys", 2);
    String[][] capitalItems = {
      {"截污管网建设", "0.30"}, {"污水处理厂提标改造", "0.30"}, {"生态湿地与缓冲带建设", "0.25"}, {"农业面源污染治理工程", "0.15"}
    };
    try (Output.Csv csv =
        family.csv("surveys/protection_costs.csv", "调查年度", "水功能区", "污染物", "项目名称", "成本类型", "金额(元)", "使用年限(年)", "折现率")) {
      for (int year = context.request().firstYear(); year <= context.request().lastYear(); year++) {
        double inflation = Math.pow(1.02, year - context.request().firstYear());
        for (WaterFunctionZone zone : context.region().zones()) {
          for (String pollutant : POLLUTANTS) {
            SplittableRandom random = context.rng("surveys", zone.id(), pollutant);
            double annual = annualCostYuan(zone, pollutant) * inflation * Seeds.uniform(random, 0.85, 1.15);
            // About 55 % of the annualised cost from capital, 30 % operating, 15 % opportunity.
            double discount = 0.05;
            for (String[] item : capitalItems) {
              int life = item[0].contains("管网") ? 30 : item[0].contains("湿地") ? 25 : 20;
              double crf = discount * Math.pow(1 + discount, life) / (Math.pow(1 + discount, life) - 1);
              double amount = annual * 0.55 * Double.parseDouble(item[1]) / crf * Seeds.uniform(random, 0.9, 1.1);
              csv.row(year, zone.id(), pollutant, item[0], "建设投资", Output.fixed(amount, 2), life, Output.fixed(discount, 3));
            }
            csv.row(year, zone.id(), pollutant, "设施运行维护", "运行维护", Output.fixed(annual * 0.22 * Seeds.uniform(random, 0.9, 1.1), 2), null, null);
            csv.row(year, zone.id(), pollutant, "水质监测与巡查", "运行维护", Output.fixed(annual * 0.08 * Seeds.uniform(random, 0.9, 1.1), 2), null, null);
            csv.row(year, zone.id(), pollutant, "禁养限养与退耕还湿补偿", "机会成本", Output.fixed(annual * 0.15 * Seeds.uniform(random, 0.9, 1.1), 2), null, null);
          }
        }
      }
    }
    String[] industries = {"钢铁", "水泥", "化工", "印染", "茶园", "酒店", "餐饮", "养殖场"};
    try (Output.Csv csv =
        family.csv("surveys/industry_cost_benefit.csv", "调查年度", "行业", "污染物", "单位削减成本(元/t)", "单位排放产值(万元/t)")) {
      for (int year = context.request().firstYear(); year <= context.request().lastYear(); year++) {
        for (String industry : industries) {
          for (String pollutant : POLLUTANTS) {
            SplittableRandom random = context.rng("industry-cost-benefit", industry, pollutant, Integer.toString(year));
            double cost =
                switch (pollutant) {
                  case "TP" -> 1.2e5;
                  case "TN" -> 2.5e4;
                  case "NH3-N" -> 3.0e4;
                  default -> 8.0e3;
                } * Seeds.uniform(random, 0.6, 1.6);
            double value =
                switch (pollutant) {
                  case "TP" -> 2.0e5;
                  case "TN" -> 1.5e4;
                  case "NH3-N" -> 2.0e4;
                  default -> 2.5e3;
                } * (industry.equals("钢铁") || industry.equals("化工") ? 3 : industry.equals("养殖场") ? 0.1 : 1) * Seeds.uniform(random, 0.5, 1.5);
            csv.row(year, industry, pollutant, Output.fixed(cost, 2), Output.fixed(value, 2));
          }
        }
      }
    }
  }
}
