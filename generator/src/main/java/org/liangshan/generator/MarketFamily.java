package org.liangshan.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.liangshan.core.region.WaterFunctionZone;

/**
 * {@code market/rights_issued.csv}, {@code auctions.csv}, {@code bids.csv}, {@code trades.csv} and
 * {@code carbon_inclusion.csv}.
 *
 * <p>Rights: eco-vouchers (生态券) each year to water-using enterprises per zone and pollutant, sized on their
 * estimated occupation; discharge rights (排污权, five years) to metered industry; carbon quotas to steel and
 * cement (95 % of estimated emissions); carbon-sink credits and forest rights to forest farms; in Tianjin also
 * energy-use rights, green certificates and forest-coverage indices (held by district forestry bureaus). Each right
 * states its term: valid from its issue date to its 有效期至, a flow right (年度) or a stock (存量).
 *
 * <p>Bids are mostly valid; with small fixed probabilities a bid is below the reserve (the estimated benchmark
 * price), has zero or negative quantity, comes from a code not in the registry, arrives after the close, or
 * carries a deposit short of 10 % of its value. Trades: every trading day (weekdays except New Year, Labour
 * Day and National Day) each right type and subject trades {@code scale} to {@code 2·scale} times along a
 * mean-reverting price path.
 */
final class MarketFamily {
  static final String ECO_VOUCHER = "生态券";
  static final String CARBON_QUOTA = "碳配额";
  static final String DISCHARGE_RIGHT = "排污权";
  static final String CARBON_SINK = "林业碳汇";
  static final String ENERGY_USE = "用能权";
  static final String GREEN_CERTIFICATE = "绿证";
  static final String FOREST_RIGHT = "林权";
  static final String FOREST_COVERAGE = "森林覆盖率指标";

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final Set<String> WATER_USERS = Set.of("茶园", "酒店", "餐饮", "养殖场", "印染", "化工");

  private MarketFamily() {}

  /** An issued right. */
  record Right(String id, String type, String holder, String zoneId, String subject, double quantity, String unit, LocalDate issuedOn, LocalDate validUntil) {}

  /** Tradable capacity (t/a) assumed for a zone's benchmark estimate: prices of bids and trades centre on it. */
  static double assumedCapacity(WaterFunctionZone zone, String pollutant) {
    double factor = zone.targetClass() <= 2 ? 1 : zone.targetClass() == 3 ? 3 : 6;
    return factor
        * switch (pollutant) {
          case "TP" -> 1.37;
          case "TN" -> 60;
          case "NH3-N" -> 30;
          default -> 300;
        };
  }

  /** The benchmark price the generator assumes (yuan per t/a): annualised survey cost over capacity. */
  static double benchmark(WaterFunctionZone zone, String pollutant) {
    return SurveyFamily.annualCostYuan(zone, pollutant) / assumedCapacity(zone, pollutant);
  }

  /** Estimated annual occupation (t/a) of an enterprise for a pollutant. */
  static double occupation(Enterprises.Enterprise e, String pollutant) {
    int p = SurveyFamily.POLLUTANTS.indexOf(pollutant);
    double[] perUnit =
        switch (e.industry()) {
          case "茶园" -> new double[] {3e-3, 3e-4, 8e-5, 1.5e-3}; // t per mu and year
          case "酒店" -> new double[] {45e-6, 5e-6, 0.6e-6, 15e-6}; // per bed: 0.6 × 365 × 0.35 m³ × mg/L
          case "餐饮" -> new double[] {30e-6, 3e-6, 0.5e-6, 8e-6};
          case "养殖场" -> new double[] {2e-3, 3e-4, 4e-5, 5e-4}; // per head
          case "印染" -> new double[] {0.08, 5e-3, 6e-4, 0.016}; // per t of fabric a month
          case "化工" -> new double[] {0.2e-2, 1.2e-4, 1.4e-5, 4e-4};
          case "钢铁" -> new double[] {0.25e-3, 1.5e-5, 2.5e-6, 8e-5};
          default -> new double[] {0, 0, 0, 0};
        };
    return e.size() * perUnit[p];
  }

  static String typeCode(String type) {
    return switch (type) {
      case ECO_VOUCHER -> "EV";
      case CARBON_QUOTA -> "CQ";
      case DISCHARGE_RIGHT -> "DR";
      case CARBON_SINK -> "CS";
      case ENERGY_USE -> "EU";
      case GREEN_CERTIFICATE -> "GC";
      case FOREST_RIGHT -> "FR";
      default -> "FC";
    };
  }

  static String prefix(Context context) {
    return context.region().id().equals("tianjin") ? "TJ" : context.region().id().equals("liyang") ? "LY" : context.region().id().toUpperCase();
  }

  /** Every issued right, in issue order. */
  static List<Right> rights(Context context) {
    List<Enterprises.Enterprise> enterprises = context.enterprises();
    boolean tianjin = context.region().id().equals("tianjin");
    String prefix = prefix(context);
    Map<String, Integer> sequence = new LinkedHashMap<>();
    List<Right> rights = new ArrayList<>();
    int first = context.request().firstYear();
    for (int year = first; year <= context.request().lastYear(); year++) {
      for (Enterprises.Enterprise e : enterprises) {
        SplittableRandom random = context.rng("rights", e.uscc(), Integer.toString(year));
        LocalDate issuedBase = year == e.registeredOn().getYear() ? e.registeredOn().plusDays(20) : LocalDate.of(year, 1, 15);
        if (issuedBase.getYear() > year || e.registeredOn().getYear() > year) {
          continue;
        }
        if (e.zoneId() != null && WATER_USERS.contains(e.industry()) && !issuedBase.isAfter(LocalDate.of(year, 12, 1))) {
          for (String pollutant : SurveyFamily.POLLUTANTS) {
            double quantity = occupation(e, pollutant) * Seeds.uniform(random, 0.75, 1.0);
            if (quantity >= 0.0005) {
              add(rights, sequence, prefix, ECO_VOUCHER, year, e.uscc(), e.zoneId(), pollutant, round(quantity, 4), "t/a", issuedBase, LocalDate.of(year, 12, 31));
            }
          }
        }
        boolean newThisYear = e.registeredOn().getYear() == year;
        if (e.metered() && Set.of("钢铁", "化工", "印染").contains(e.industry()) && (year == first || newThisYear)) {
          for (String pollutant : List.of("COD", "NH3-N")) {
            double quantity = occupation(e, pollutant) * 12 * Seeds.uniform(random, 0.9, 1.2);
            add(rights, sequence, prefix, DISCHARGE_RIGHT, year, e.uscc(), e.zoneId(), pollutant, round(quantity, 3), "t/a", issuedBase, issuedBase.plusYears(5).minusDays(1));
          }
        }
        if (e.industry().equals("钢铁") || e.industry().equals("水泥")) {
          double quota = Enterprises.annualEmissionsTco2(e) * 0.95 * Seeds.uniform(random, 0.97, 1.03);
          add(rights, sequence, prefix, CARBON_QUOTA, year, e.uscc(), null, "CO2", Math.round(quota), "tCO2e", LocalDate.of(year, 3, 31), LocalDate.of(year + 1, 12, 31));
        }
        if (e.industry().equals(Enterprises.FOREST_FARM)) {
          double hectares = e.size() / 15.0;
          if (year == first) {
            add(rights, sequence, prefix, FOREST_RIGHT, year, e.uscc(), null, null, round(hectares, 2), "ha", e.registeredOn().plusMonths(3), e.registeredOn().plusMonths(3).plusYears(50));
          }
          double credits = hectares * Seeds.uniform(random, 3.5, 7.5);
          add(rights, sequence, prefix, CARBON_SINK, year, e.uscc(), null, "CO2", Math.round(credits), "tCO2e", LocalDate.of(year, 6, 30), LocalDate.of(year + 5, 6, 29));
        }
        if (tianjin && Set.of("钢铁", "化工", "水泥").contains(e.industry())) {
          double tce = Enterprises.annualEmissionsTco2(e) / 2.66 * Seeds.uniform(random, 0.9, 1.0);
          add(rights, sequence, prefix, ENERGY_USE, year, e.uscc(), null, null, Math.round(tce), "tce", LocalDate.of(year, 2, 28), LocalDate.of(year, 12, 31));
        }
        if (tianjin && Set.of("化工", "印染").contains(e.industry())) {
          double mwh = Seeds.uniform(random, 2_000, 40_000);
          add(rights, sequence, prefix, GREEN_CERTIFICATE, year, e.uscc(), null, null, Math.round(mwh), "MWh", LocalDate.of(year, 4, 30), LocalDate.of(year + 1, 12, 31));
        }
      }
      if (tianjin && year == first) {
        for (String code : List.of("120119", "120115", "120114", "120117", "120118")) {
          SplittableRandom random = context.rng("rights", "forest-coverage", code);
          String bureau = Uscc.random(random, "11", code, false);
          add(rights, sequence, prefix, FOREST_COVERAGE, year, bureau, null, null, round(Seeds.uniform(random, 150, 1500), 1), "ha", LocalDate.of(year, 5, 20), LocalDate.of(year + 10, 5, 19));
        }
      }
    }
    return rights;
  }

  private static void add(
      List<Right> rights, Map<String, Integer> sequence, String prefix, String type, int year, String holder, String zoneId, String subject, double quantity, String unit, LocalDate issued, LocalDate until) {
    String key = typeCode(type) + "-" + year;
    int n = sequence.merge(key, 1, Integer::sum);
    rights.add(new Right(String.format("%s-%s-%05d", prefix, key, n), type, holder, zoneId, subject, quantity, unit, issued, until));
  }

  /**
   * 年度 (a flow right: so much a year for each year of its term) for eco-vouchers, discharge rights and energy-use
   * rights; 存量 (a stock) for the rest. The term starts on the issue date.
   */
  static String termKind(String type) {
    return type.equals(ECO_VOUCHER) || type.equals(DISCHARGE_RIGHT) || type.equals(ENERGY_USE) ? "年度" : "存量";
  }

  private static double round(double value, int decimals) {
    double factor = Math.pow(10, decimals);
    return Math.round(value * factor) / factor;
  }

  static String quantity(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Output.fixed(value, 4).replaceAll("0+$", "");
  }

  static void generate(Context context) {
    Output.Family family = context.output().family("market", 8);
    List<Right> rights = rights(context);
    try (Output.Csv csv =
        family.csv("market/rights_issued.csv", "权证编号", "权利类型", "持有人", "水功能区", "标的", "数量", "单位", "签发日期", "有效期至",
            "生效日期", "期限类型")) {
      for (Right r : rights) {
        csv.row(r.id(), r.type(), r.holder(), r.zoneId(), r.subject(), quantity(r.quantity()), r.unit(), r.issuedOn().toString(),
            r.validUntil().toString(), r.issuedOn().toString(), termKind(r.type()));
      }
    }
    auctions(context, family);
    trades(context, family, rights);
    carbonInclusion(context, family);
    InclusionFamily.generate(context, family);
  }

  private static void auctions(Context context, Output.Family family) {
    List<Enterprises.Enterprise> enterprises = context.enterprises();
    String prefix = prefix(context);
    List<Object[]> bids = new ArrayList<>();
    try (Output.Csv csv =
        family.csv("market/auctions.csv", "拍卖编号", "水功能区", "标的", "供应量", "单位", "开始时间", "截止时间", "出清规则", "随机种子")) {
      int number = 0;
      int bidNumber = 0;
      for (int year = context.request().firstYear(); year <= context.request().lastYear(); year++) {
        for (int round = 1; round <= context.scale(); round++) {
          for (WaterFunctionZone zone : context.region().zones()) {
            for (String pollutant : SurveyFamily.POLLUTANTS) {
              SplittableRandom random = context.rng("auctions", zone.id(), pollutant, Integer.toString(year), Integer.toString(round));
              number++;
              String id = String.format("%s-AU-%d-%03d", prefix, year, number);
              double capacity = assumedCapacity(zone, pollutant);
              double supply = round(capacity * Seeds.uniform(random, 0.08, 0.25) / context.scale(), pollutant.equals("TP") ? 3 : 2);
              int month = Math.min(12, 2 + (round - 1) * 10 / context.scale() + random.nextInt(2));
              LocalDateTime opens = LocalDate.of(year, month, 5 + random.nextInt(10)).atTime(9, 0);
              LocalDateTime closes = opens.plusDays(7).withHour(17);
              String rule = random.nextDouble() < 0.7 ? "lowest_accepted" : "highest_rejected";
              long tieSeed = random.nextLong() & 0x7FFFFFFFFFFFL;
              // Eco-vouchers are auctioned in whole lots of 1 kg/a; prices are per lot.
              long supplyKg = Math.max(1, Math.round(supply * 1000));
              csv.row(id, zone.id(), pollutant, supplyKg, "kg/a", opens.format(MINUTE), closes.format(MINUTE), rule, tieSeed);
              double reserve = benchmark(zone, pollutant) / 1000;
              List<Enterprises.Enterprise> local = enterprises.stream().filter(e -> zone.id().equals(e.zoneId())).toList();
              List<Enterprises.Enterprise> pool = local.size() >= 4 ? local : enterprises;
              int count = 4 + random.nextInt(7);
              double previousPrice = 0;
              for (int b = 0; b < count; b++) {
                bidNumber++;
                Enterprises.Enterprise bidder = pool.get(random.nextInt(pool.size()));
                String bidderCode = bidder.uscc();
                double price = reserve * Seeds.uniform(random, 1.0, 1.45);
                if (b > 0 && random.nextDouble() < 0.2) {
                  price = previousPrice; // a tie at the margin
                }
                double qty = supply * Seeds.uniform(random, 0.1, 0.45);
                LocalDateTime submitted = opens.plusMinutes(random.nextInt(7 * 24 * 60 - 60 * 16));
                double defect = random.nextDouble();
                // Deliberately invalid bids, each kind with a small fixed probability.
                if (defect < 0.03) {
                  price = reserve * Seeds.uniform(random, 0.6, 0.95);
                } else if (defect < 0.05) {
                  qty = random.nextBoolean() ? 0 : -qty;
                } else if (defect < 0.07) {
                  bidderCode = Uscc.random(random, "91", context.profile().areaCode(), true);
                } else if (defect < 0.09) {
                  submitted = closes.plusMinutes(1 + random.nextInt(600));
                }
                price = roundPrice(price);
                long qtyKg = Math.round(qty * 1000);
                double deposit = Math.max(0, qtyKg) * price * (defect >= 0.09 && defect < 0.11 ? 0.03 : 0.10);
                bids.add(new Object[] {
                  String.format("%s-BID-%d-%05d", prefix, year, bidNumber), id, bidderCode, qtyKg, Output.fixed(price, 2), Output.fixed(deposit, 2), submitted.format(MINUTE)
                });
                previousPrice = price;
              }
            }
          }
        }
      }
    }
    try (Output.Csv csv = family.csv("market/bids.csv", "投标编号", "拍卖编号", "投标人", "数量", "价格(元/单位)", "保证金(元)", "提交时间")) {
      for (Object[] bid : bids) {
        csv.row(bid);
      }
    }
  }

  private static double roundPrice(double price) {
    double step = price > 1e6 ? 100 : price > 1e4 ? 10 : 0.01;
    return Math.round(price / step) * step;
  }

  /**
   * A price series: right type, subject, start price, long-run price, daily volatility, quantity range, and the unit
   * its quantities and prices are in (单位: the unit the type is quoted in, as its rights are issued in).
   */
  private record Series(String type, String subject, double start, double mean, double volatility, double minQty, double maxQty, String unitDecimals,
      String unit) {}

  private static List<Series> series(Context context) {
    boolean tianjin = context.region().id().equals("tianjin");
    WaterFunctionZone zone = context.region().zones().get(0);
    List<Series> series = new ArrayList<>();
    series.add(new Series(CARBON_QUOTA, "CO2", 82, 92, 0.015, 500, 20_000, "0", "tCO2e"));
    series.add(new Series(CARBON_SINK, "CO2", 42, 45, 0.012, 100, 5_000, "0", "tCO2e"));
    for (String pollutant : SurveyFamily.POLLUTANTS) {
      double price = benchmark(zone, pollutant) * 1.2;
      double max = assumedCapacity(zone, pollutant) * 0.05;
      series.add(new Series(ECO_VOUCHER, pollutant, price, price, 0.006, max / 20, max, "4", "t/a"));
    }
    series.add(new Series(DISCHARGE_RIGHT, "COD", 5200, 5500, 0.008, 1, 50, "3", "t/a"));
    series.add(new Series(DISCHARGE_RIGHT, "NH3-N", 9800, 10000, 0.008, 0.5, 10, "3", "t/a"));
    if (tianjin) {
      series.add(new Series(ENERGY_USE, null, 110, 120, 0.01, 500, 20_000, "0", "tce"));
      series.add(new Series(GREEN_CERTIFICATE, null, 18, 20, 0.02, 100, 10_000, "0", "MWh"));
    }
    return series;
  }

  static boolean tradingDay(LocalDate date) {
    if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
      return false;
    }
    MonthDay day = MonthDay.from(date);
    return !(day.equals(MonthDay.of(1, 1))
        || day.equals(MonthDay.of(5, 1))
        || (date.getMonthValue() == 10 && date.getDayOfMonth() <= 3));
  }

  private static void trades(Context context, Output.Family family, List<Right> rights) {
    List<Enterprises.Enterprise> enterprises = context.enterprises();
    String prefix = prefix(context);
    try (Output.Csv csv =
        family.csv("market/trades.csv", "成交编号", "成交日期", "权利类型", "数量", "成交价(元/单位)", "单位", "买方", "卖方", "标的")) {
      int number = 0;
      List<Series> all = series(context);
      double[] price = new double[all.size()];
      for (int s = 0; s < all.size(); s++) {
        price[s] = all.get(s).start();
      }
      List<List<String>> holdersBySeries = new ArrayList<>();
      for (Series series : all) {
        holdersBySeries.add(rights.stream().filter(r -> r.type().equals(series.type())).map(Right::holder).distinct().toList());
      }
      for (int year = context.request().firstYear(); year <= context.request().lastYear(); year++) {
        for (LocalDate date = LocalDate.of(year, 1, 1); date.getYear() == year; date = date.plusDays(1)) {
          if (!tradingDay(date)) {
            continue;
          }
          for (int s = 0; s < all.size(); s++) {
            Series series = all.get(s);
            SplittableRandom random = context.rng("trades", series.type(), String.valueOf(series.subject()), date.toString());
            price[s] = price[s] * Math.exp(series.volatility() * Seeds.gaussian(random) + 0.02 * Math.log(series.mean() / price[s]));
            List<String> holders = holdersBySeries.get(s);
            int count = context.scale() * (1 + random.nextInt(2));
            for (int k = 0; k < count; k++) {
              number++;
              String seller = holders.isEmpty() ? enterprises.get(random.nextInt(enterprises.size())).uscc() : holders.get(random.nextInt(holders.size()));
              String buyer;
              do {
                buyer = enterprises.get(random.nextInt(enterprises.size())).uscc();
              } while (buyer.equals(seller));
              double qty = Seeds.uniform(random, series.minQty(), series.maxQty());
              qty = series.unitDecimals().equals("0") ? Math.round(qty) : round(qty, Integer.parseInt(series.unitDecimals()));
              double dealPrice = price[s] * (1 + 0.004 * Seeds.gaussian(random));
              csv.row(
                  String.format("%s-TR-%d-%06d", prefix, year, number), date.toString(), series.type(), quantity(qty), Output.fixed(dealPrice, 2), series.unit(), buyer, seller,
                  series.subject());
            }
          }
        }
      }
    }
  }

  private static void carbonInclusion(Context context, Output.Family family) {
    boolean tianjin = context.region().id().equals("tianjin");
    String prefix = prefix(context);
    int persons = (tianjin ? 600 : 250) * context.scale();
    int organisations = 8 * context.scale();
    List<Enterprises.Enterprise> farms =
        context.enterprises().stream().filter(e -> Set.of("茶园", "养殖场", Enterprises.FOREST_FARM).contains(e.industry())).toList();
    String[][] personScenarios = {{"公交出行", "人公里"}, {"新能源汽车", "公里"}, {"充电", "kWh"}, {"垃圾分类", "kg"}};
    try (Output.Csv csv = family.csv("market/carbon_inclusion.csv", "活动编号", "用户编号", "用户类型", "场景", "日期", "活动量", "单位")) {
      int number = 0;
      for (int year = context.request().firstYear(); year <= context.request().lastYear(); year++) {
        for (int month = 1; month <= 12; month++) {
          int days = Weather.days(year, month);
          for (int p = 1; p <= persons; p++) {
            SplittableRandom random = context.rng("carbon-inclusion", "person", Integer.toString(p), Integer.toString(year), Integer.toString(month));
            int records = random.nextInt(4);
            for (int k = 0; k < records; k++) {
              number++;
              String[] scenario = personScenarios[random.nextInt(personScenarios.length)];
              double amount =
                  switch (scenario[0]) {
                    case "公交出行" -> Seeds.uniform(random, 20, 400);
                    case "新能源汽车" -> Seeds.uniform(random, 100, 1500);
                    case "充电" -> Seeds.uniform(random, 20, 300);
                    default -> Seeds.uniform(random, 2, 40);
                  };
              csv.row(
                  String.format("%s-CI-%d-%07d", prefix, year, number),
                  String.format("%s-U%06d", prefix, p),
                  "个人",
                  scenario[0],
                  LocalDate.of(year, month, 1 + random.nextInt(days)).toString(),
                  Output.fixed(amount, 1),
                  scenario[1]);
            }
          }
          for (Enterprises.Enterprise farm : farms) {
            SplittableRandom random = context.rng("carbon-inclusion", farm.uscc(), Integer.toString(year), Integer.toString(month));
            if (!farm.activeIn(java.time.YearMonth.of(year, month)) || random.nextDouble() < 0.5) {
              continue;
            }
            number++;
            csv.row(
                String.format("%s-CI-%d-%07d", prefix, year, number), farm.uscc(), "企业", "清洁农业", LocalDate.of(year, month, 1 + random.nextInt(days)).toString(),
                Output.fixed(Seeds.uniform(random, 20, 600), 1), "亩");
          }
          for (int o = 1; o <= organisations; o++) {
            SplittableRandom random = context.rng("carbon-inclusion", "organisation", Integer.toString(o), Integer.toString(year), Integer.toString(month));
            number++;
            boolean waste = o % 2 == 0;
            csv.row(
                String.format("%s-CI-%d-%07d", prefix, year, number),
                String.format("%s-ORG%03d", prefix, o),
                "机构",
                waste ? "垃圾分类" : "清洁农业",
                LocalDate.of(year, month, 1 + random.nextInt(days)).toString(),
                Output.fixed(waste ? Seeds.uniform(random, 200, 3000) : Seeds.uniform(random, 50, 800), 1),
                waste ? "kg" : "亩");
          }
        }
      }
    }
  }
}
