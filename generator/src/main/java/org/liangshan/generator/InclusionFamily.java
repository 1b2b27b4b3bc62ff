package org.liangshan.generator;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The carbon-inclusion platform's other files, beside {@code market/carbon_inclusion.csv}:
 * {@code market/points_redemptions.csv} (积分兑换: a person or organisation spends eco-points on a reward),
 * {@code market/credit_events.csv} (信用事件: environmental violations recorded against enterprises; Tianjin
 * only, as Tianjin's green-credit rules record them) and {@code market/neutral_events.csv} (碳中和活动: a
 * conference or sports event offsets its emissions by retiring forest carbon-sink credits of a forest farm).
 *
 * <p>Redemptions are sized without knowing the balance, as users ask for them, so a few exceed what the
 * user holds (the platform refuses them). Every row is drawn from a random stream keyed by its own
 * coordinates, so the files are byte-identical for a seed.
 */
final class InclusionFamily {
  private InclusionFamily() {}

  /** The persons and organisations of {@code carbon_inclusion.csv}, as MarketFamily numbers them. */
  static int persons(Context context) {
    return (context.region().id().equals("tianjin") ? 600 : 250) * context.scale();
  }

  static int organisations(Context context) {
    return 8 * context.scale();
  }

  static void generate(Context context, Output.Family family) {
    redemptions(context, family);
    if (context.region().id().equals("tianjin")) {
      creditEvents(context, family);
    }
    neutralEvents(context, family);
  }

  private static void redemptions(Context context, Output.Family family) {
    String prefix = MarketFamily.prefix(context);
    String[] rewards = {"公交卡充值", "绿色商品兑换", "景区门票", "共享单车月卡", "话费充值"};
    try (Output.Csv csv = family.csv("market/points_redemptions.csv", "兑换编号", "用户编号", "日期", "积分", "兑换内容")) {
      int number = 0;
      for (int year = context.request().firstYear(); year <= context.request().lastYear(); year++) {
        for (int month = 1; month <= 12; month++) {
          int days = Weather.days(year, month);
          for (int p = 1; p <= persons(context); p++) {
            SplittableRandom random = context.rng("points-redemptions", "person", Integer.toString(p), Integer.toString(year), Integer.toString(month));
            if (random.nextDouble() >= 0.08) {
              continue;
            }
            number++;
            // Persons earn about 1,000-3,000 points a month; most ask for less than they hold.
            long points = 100L * (2 + random.nextInt(59));
            csv.row(String.format("%s-RD-%d-%06d", prefix, year, number), String.format("%s-U%06d", prefix, p),
                LocalDate.of(year, month, 1 + random.nextInt(days)).toString(), points, rewards[random.nextInt(rewards.length)]);
          }
          for (int o = 1; o <= organisations(context); o++) {
            SplittableRandom random = context.rng("points-redemptions", "organisation", Integer.toString(o), Integer.toString(year), Integer.toString(month));
            if (month % 6 != 0 || random.nextDouble() >= 0.5) {
              continue;
            }
            number++;
            long points = 1000L * (5 + random.nextInt(60));
            csv.row(String.format("%s-RD-%d-%06d", prefix, year, number), String.format("%s-ORG%03d", prefix, o),
                LocalDate.of(year, month, 1 + random.nextInt(days)).toString(), points, "绿色办公用品");
          }
        }
      }
    }
  }

  private static void creditEvents(Context context, Output.Family family) {
    String prefix = MarketFamily.prefix(context);
    String[][] kinds = {
      {"一般", "超标排放(轻微)"}, {"一般", "环境信息未按时公开"}, {"较重", "超标排放"}, {"较重", "未批先建"}, {"严重", "偷排偷放"}
    };
    try (Output.Csv csv = family.csv("market/credit_events.csv", "事件编号", "主体编号", "主体类型", "日期", "事件类型", "严重程度", "说明")) {
      int number = 0;
      for (int year = context.request().firstYear(); year <= context.request().lastYear(); year++) {
        for (Enterprises.Enterprise e : context.enterprises()) {
          SplittableRandom random = context.rng("credit-events", e.uscc(), Integer.toString(year));
          if (e.registeredOn().getYear() > year || random.nextDouble() >= 0.06) {
            continue;
          }
          number++;
          String[] kind = kinds[random.nextInt(kinds.length)];
          LocalDate date = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
          if (date.isBefore(e.registeredOn())) {
            date = e.registeredOn();
          }
          csv.row(String.format("%s-CE-%d-%05d", prefix, year, number), e.uscc(), "企业", date.toString(), "环境违法", kind[0], kind[1]);
        }
      }
    }
  }

  private static void neutralEvents(Context context, Output.Family family) {
    String prefix = MarketFamily.prefix(context);
    List<Enterprises.Enterprise> farms = context.enterprises().stream().filter(e -> e.industry().equals(Enterprises.FOREST_FARM)).toList();
    List<Enterprises.Enterprise> organisers = context.enterprises().stream().filter(e -> !e.industry().equals(Enterprises.FOREST_FARM)).toList();
    String[] names = {"生态论坛", "马拉松", "绿色发展大会", "自行车赛", "文旅节"};
    try (Output.Csv csv = family.csv("market/neutral_events.csv", "活动编号", "活动名称", "主办方", "活动日期", "排放量(tCO2e)", "碳汇提供方")) {
      int number = 0;
      for (int year = context.request().firstYear(); year <= context.request().lastYear(); year++) {
        int count = context.region().id().equals("tianjin") ? 2 : 1;
        for (int k = 0; k < count && !farms.isEmpty() && !organisers.isEmpty(); k++) {
          SplittableRandom random = context.rng("neutral-events", Integer.toString(year), Integer.toString(k));
          number++;
          Enterprises.Enterprise farm = farms.get(random.nextInt(farms.size()));
          Enterprises.Enterprise organiser = organisers.get(random.nextInt(organisers.size()));
          String name = year + " " + context.region().name() + names[random.nextInt(names.length)];
          LocalDate date = LocalDate.of(year, 9 + random.nextInt(3), 1 + random.nextInt(28));
          csv.row(String.format("%s-NE-%d-%03d", prefix, year, number), name, organiser.uscc(), date.toString(),
              Output.fixed(Seeds.uniform(random, 15, 180), 1), farm.uscc());
        }
      }
    }
  }
}
