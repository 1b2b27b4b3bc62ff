package org.liangshan.generator;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.liangshan.core.region.District;
import org.liangshan.core.region.WaterFunctionZone;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * {@code enterprises/registry.csv} and {@code enterprises/activity_<yyyy>.csv}. Each industry of the region's
 * profile has {@code count × scale} enterprises placed around its cluster, on land inside the region; the
 * district and water-function zone follow from the location. A few enterprises register during the first
 * year (new entrants that must buy eco-vouchers). Forest farms (林场) hold the forest rights and carbon-sink
 * credits.
 */
final class Enterprises {
  static final String FOREST_FARM = "林场";

  private static final String[] WORDS_A = {
    "天目", "南山", "华强", "金峰", "恒达", "瑞丰", "东方", "振兴", "宏盛", "鑫源", "永安", "新华", "兴业", "银河", "长荡", "海通",
    "远航", "中联", "泰和", "锦绣", "青松", "丰源", "龙潭", "翠谷", "盛世", "安泰", "福润", "嘉禾", "润泽", "云峰"
  };
  private static final String[] WORDS_B = {"", "宏", "鑫", "达", "源", "通", "诚", "旺", "利", "信", "康", "和"};

  private Enterprises() {}

  /** A registered enterprise and the attributes that drive its activity. */
  record Enterprise(
      int index,
      String uscc,
      String name,
      String industry,
      double lon,
      double lat,
      String district,
      String zoneId,
      LocalDate registeredOn,
      double size,
      boolean metered) {

    boolean activeIn(YearMonth month) {
      return !YearMonth.from(registeredOn).isAfter(month);
    }
  }

  static List<Enterprise> registry(Context context) {
    RegionProfile profile = context.profile();
    List<RegionProfile.IndustryMix> mixes = new ArrayList<>(profile.industries());
    RegionProfile.Blob forestCluster = forestCluster(context);
    mixes.add(new RegionProfile.IndustryMix(FOREST_FARM, context.region().id().equals("tianjin") ? 5 : 6, forestCluster));
    List<Enterprise> result = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> codes = new HashSet<>();
    Landscape base = context.baseLandscape();
    byte[] cover = context.baseLandCover(context.request().firstYear());
    GeometryFactory factory = new GeometryFactory();
    int firstYear = context.request().firstYear();
    for (RegionProfile.IndustryMix mix : mixes) {
      int count = mix.count() * context.scale();
      for (int k = 0; k < count; k++) {
        SplittableRandom random = context.rng("enterprises", mix.industry(), Integer.toString(k));
        double lon = mix.cluster().lon();
        double lat = mix.cluster().lat();
        for (int attempt = 0; attempt < 400; attempt++) {
          double x = mix.cluster().lon() + mix.cluster().radiusLon() * Seeds.gaussian(random) * 0.8;
          double y = mix.cluster().lat() + mix.cluster().radiusLat() * Seeds.gaussian(random) * 0.8;
          int cell = base.grid.indexOf(x, y);
          if (cell < 0 || !base.grid.inside(cell)) {
            continue;
          }
          int lc = cover[cell] & 0xFF;
          boolean fits =
              switch (mix.industry()) {
                case FOREST_FARM -> Landscape.isForest(lc);
                case "茶园" -> !Landscape.isWet(lc) && lc != 80;
                case "酒店", "餐饮" -> !Landscape.isWet(lc);
                default -> !Landscape.isWet(lc) && !Landscape.isForest(lc);
              };
          if (fits || attempt == 399) {
            lon = x;
            lat = y;
            if (fits) {
              break;
            }
          }
        }
        District district = districtAt(context, factory, lon, lat);
        String zoneId = context.region().zoneAt(lon, lat).map(WaterFunctionZone::id).orElse(null);
        LocalDate registered;
        if (random.nextDouble() < 0.06 && !mix.industry().equals("钢铁") && !mix.industry().equals("水泥")) {
          registered = LocalDate.of(firstYear, 1 + random.nextInt(11), 1 + random.nextInt(28));
        } else {
          registered = LocalDate.of(1993 + random.nextInt(Math.max(1, firstYear - 1994)), 1 + random.nextInt(12), 1 + random.nextInt(28));
        }
        String uscc;
        do {
          String type = mix.industry().equals(FOREST_FARM) ? "12" : mix.industry().equals("茶园") && random.nextBoolean() ? "93" : "91";
          uscc = Uscc.random(random, type, district.code().substring(0, 6), registered.getYear() >= 2015);
        } while (!codes.add(uscc));
        String name;
        do {
          name = profile.shortName() + WORDS_A[random.nextInt(WORDS_A.length)] + WORDS_B[random.nextInt(WORDS_B.length)] + suffix(mix.industry(), random);
        } while (!names.add(name));
        double size =
            switch (mix.industry()) {
              case "钢铁" -> Seeds.uniform(random, 80_000, 260_000); // crude steel, t/month
              case "水泥" -> Seeds.uniform(random, 60_000, 140_000); // clinker, t/month
              case "茶园" -> Math.round(Seeds.uniform(random, 60, 2_500)); // mu
              case "酒店" -> Math.round(Seeds.uniform(random, 60, 650)); // beds
              case "餐饮" -> Math.round(Seeds.uniform(random, 40, 400)); // seats
              case "养殖场" -> Math.round(Seeds.uniform(random, 400, 9_000)); // head
              case "化工" -> Seeds.uniform(random, 5_000, 60_000); // product, t/month
              case "印染" -> Seeds.uniform(random, 800, 6_000); // fabric, t/month
              case FOREST_FARM -> Math.round(Seeds.uniform(random, 3_000, 40_000)); // forest, mu
              default -> 1;
            };
        boolean metered =
            switch (mix.industry()) {
              case "钢铁", "化工", "印染" -> true;
              case "酒店" -> size >= 300;
              case "养殖场" -> size >= 3_000;
              default -> false;
            };
        result.add(new Enterprise(result.size(), uscc, name, mix.industry(), lon, lat, district.name(), zoneId, registered, size, metered));
      }
    }
    return List.copyOf(result);
  }

  private static RegionProfile.Blob forestCluster(Context context) {
    RegionProfile.Hill hill = context.profile().hills().get(0);
    return new RegionProfile.Blob("林区", hill.lon(), hill.lat() + (hill.lat() > 35 ? -0.05 : 0.06), hill.radiusLon() * 0.8, hill.radiusLat() * 0.8, 1);
  }

  private static District districtAt(Context context, GeometryFactory factory, double lon, double lat) {
    var point = factory.createPoint(new Coordinate(lon, lat));
    District nearest = context.region().districts().get(0);
    double best = Double.MAX_VALUE;
    for (District district : context.region().districts()) {
      if (district.boundary().contains(point)) {
        return district;
      }
      double d = district.boundary().distance(point);
      if (d < best) {
        best = d;
        nearest = district;
      }
    }
    return nearest;
  }

  private static String suffix(String industry, SplittableRandom random) {
    String[] options =
        switch (industry) {
          case "钢铁" -> new String[] {"钢铁有限公司", "特钢有限公司", "钢铁集团有限公司"};
          case "水泥" -> new String[] {"水泥有限公司", "建材有限公司"};
          case "茶园" -> new String[] {"茶业专业合作社", "生态茶场", "茶业有限公司"};
          case "酒店" -> new String[] {"大酒店有限公司", "度假酒店有限公司", "宾馆"};
          case "餐饮" -> new String[] {"餐饮管理有限公司", "农家乐", "酒楼"};
          case "养殖场" -> new String[] {"生态养殖场", "畜牧养殖有限公司", "水产养殖专业合作社"};
          case "化工" -> new String[] {"化工有限公司", "新材料科技有限公司"};
          case "印染" -> new String[] {"印染有限公司", "纺织印染有限公司"};
          case FOREST_FARM -> new String[] {"林场", "国有林场"};
          default -> new String[] {"有限公司"};
        };
    return options[random.nextInt(options.length)];
  }

  static void generate(Context context) {
    List<Enterprise> enterprises = context.enterprises();
    Output.Family family = context.output().family("enterprises", 1 + context.request().years());
    try (Output.Csv csv =
        family.csv("enterprises/registry.csv", "统一社会信用代码", "企业名称", "行业", "经度", "纬度", "所在区县", "水功能区", "登记日期")) {
      for (Enterprise e : enterprises) {
        csv.row(e.uscc(), e.name(), e.industry(), Output.fixed(e.lon(), 5), Output.fixed(e.lat(), 5), e.district(), e.zoneId(), e.registeredOn().toString());
      }
    }
    for (int year = context.request().firstYear(); year <= context.request().lastYear(); year++) {
      try (Output.Csv csv =
          family.csv(
              "enterprises/activity_" + year + ".csv",
              "统一社会信用代码", "年月", "原煤消耗量(t)", "天然气消耗量(万m³)", "外购电力(MWh)", "产品产量(t)", "熟料产量(t)", "熟料CaO含量", "熟料MgO含量",
              "茶园面积(亩)", "床位数", "入住率", "存栏量(头)", "在线监测", "排水量(m³)", "化学需氧量排放浓度(mg/L)", "氨氮排放浓度(mg/L)",
              "总磷排放浓度(mg/L)", "总氮排放浓度(mg/L)")) {
        for (Enterprise e : enterprises) {
          SplittableRandom random = context.rng("activity", e.uscc(), Integer.toString(year));
          for (int month = 1; month <= 12; month++) {
            YearMonth ym = YearMonth.of(year, month);
            if (!e.activeIn(ym)) {
              continue;
            }
            csv.row(activity(context, e, ym, random));
          }
        }
      }
    }
  }

  /** Monthly activity of an enterprise (null cells do not apply). */
  static Object[] activity(Context context, Enterprise e, YearMonth ym, SplittableRandom random) {
    Object[] row = new Object[19];
    row[0] = e.uscc();
    row[1] = ym.toString();
    int month = ym.getMonthValue();
    int days = ym.lengthOfMonth();
    boolean tianjin = context.region().id().equals("tianjin");
    double wiggle = 1 + 0.06 * Seeds.gaussian(random);
    double dischargeM3 = 0;
    double[] conc = null;
    switch (e.industry()) {
      case "钢铁" -> {
        double output = e.size() * wiggle * (month == 2 ? 0.9 : 1) * (tianjin && (month <= 2 || month >= 11) ? 0.85 : 1);
        row[2] = Output.fixed(output * Seeds.uniform(random, 0.62, 0.72), 1);
        row[3] = Output.fixed(output * Seeds.uniform(random, 0.00035, 0.0006), 2);
        row[4] = Output.fixed(output * Seeds.uniform(random, 0.42, 0.50), 1);
        row[5] = Output.fixed(output, 1);
        dischargeM3 = output * Seeds.uniform(random, 0.6, 1.0);
        conc = new double[] {Seeds.uniform(random, 20, 40), Seeds.uniform(random, 1, 3), Seeds.uniform(random, 0.2, 0.4), Seeds.uniform(random, 8, 12)};
      }
      case "水泥" -> {
        // Off-peak production (错峰生产) in winter.
        double season = (month <= 2 || month == 12) ? (tianjin ? 0.35 : 0.7) : 1;
        double clinker = e.size() * wiggle * season;
        row[2] = Output.fixed(clinker * Seeds.uniform(random, 0.13, 0.15), 1);
        row[4] = Output.fixed(clinker / 0.75 * Seeds.uniform(random, 0.08, 0.09), 1);
        row[5] = Output.fixed(clinker / 0.75, 1);
        row[6] = Output.fixed(clinker, 1);
        row[7] = Output.fixed(Seeds.uniform(random, 0.64, 0.665), 4);
        row[8] = Output.fixed(Seeds.uniform(random, 0.012, 0.028), 4);
      }
      case "茶园" -> {
        row[9] = Output.fixed(e.size() * (1 + 0.02 * (ym.getYear() - e.registeredOn().getYear() > 0 ? 1 : 0)), 0);
        row[4] = month >= 3 && month <= 5 ? Output.fixed(e.size() * 0.015 * wiggle, 1) : Output.fixed(e.size() * 0.002 * wiggle, 1);
      }
      case "酒店" -> {
        double occupancy = occupancy(month, tianjin) * (1 + 0.08 * Seeds.gaussian(random));
        occupancy = Math.max(0.15, Math.min(0.98, occupancy));
        row[4] = Output.fixed(e.size() * occupancy * days * 0.03, 1);
        row[3] = Output.fixed(e.size() * occupancy * days * 0.00012, 3);
        row[10] = Output.fixed(e.size(), 0);
        row[11] = Output.fixed(occupancy, 3);
        dischargeM3 = e.size() * occupancy * days * Seeds.uniform(random, 0.3, 0.45);
        conc = new double[] {Seeds.uniform(random, 30, 60), Seeds.uniform(random, 2, 8), Seeds.uniform(random, 0.3, 1.0), Seeds.uniform(random, 10, 20)};
      }
      case "餐饮" -> {
        double season = occupancy(month, tianjin) / 0.6;
        row[4] = Output.fixed(e.size() * days * 0.012 * season * wiggle, 1);
        row[3] = Output.fixed(e.size() * days * 0.00006 * season * wiggle, 3);
      }
      case "养殖场" -> {
        double head = Math.round(e.size() * (1 + 0.05 * Math.sin(2 * Math.PI * month / 12)) * wiggle);
        row[4] = Output.fixed(head * 0.012, 1);
        row[12] = Output.fixed(head, 0);
        dischargeM3 = head * days * Seeds.uniform(random, 0.012, 0.02);
        conc = new double[] {Seeds.uniform(random, 150, 400), Seeds.uniform(random, 20, 60), Seeds.uniform(random, 3, 8), Seeds.uniform(random, 40, 90)};
      }
      case "化工" -> {
        double output = e.size() * wiggle;
        row[2] = Output.fixed(output * Seeds.uniform(random, 0.2, 0.5), 1);
        row[3] = Output.fixed(output * Seeds.uniform(random, 0.004, 0.012), 2);
        row[4] = Output.fixed(output * Seeds.uniform(random, 0.3, 0.8), 1);
        row[5] = Output.fixed(output, 1);
        dischargeM3 = output * Seeds.uniform(random, 2, 5);
        conc = new double[] {Seeds.uniform(random, 40, 80), Seeds.uniform(random, 2, 5), Seeds.uniform(random, 0.3, 0.5), Seeds.uniform(random, 10, 15)};
      }
      case "印染" -> {
        double output = e.size() * wiggle;
        row[2] = Output.fixed(output * Seeds.uniform(random, 0.8, 1.4), 1);
        row[3] = Output.fixed(output * Seeds.uniform(random, 0.01, 0.03), 2);
        row[4] = Output.fixed(output * Seeds.uniform(random, 0.9, 1.6), 1);
        row[5] = Output.fixed(output, 1);
        dischargeM3 = output * Seeds.uniform(random, 60, 110);
        conc = new double[] {Seeds.uniform(random, 60, 100), Seeds.uniform(random, 3, 8), Seeds.uniform(random, 0.3, 0.8), Seeds.uniform(random, 12, 20)};
      }
      case FOREST_FARM -> row[4] = Output.fixed(e.size() * 0.0004 * wiggle, 2);
      default -> { }
    }
    row[13] = e.metered() ? "是" : "否";
    if (e.metered() && conc != null) {
      row[14] = Output.fixed(dischargeM3, 0);
      row[15] = Output.fixed(conc[0], 1);
      row[16] = Output.fixed(conc[1], 2);
      row[17] = Output.fixed(conc[2], 3);
      row[18] = Output.fixed(conc[3], 2);
    }
    return row;
  }

  /** Hotel occupancy by month: spring, summer and the October holidays are high. */
  static double occupancy(int month, boolean tianjin) {
    double[] liyang = {0.42, 0.55, 0.50, 0.68, 0.75, 0.60, 0.78, 0.82, 0.62, 0.80, 0.55, 0.45};
    double[] tj = {0.48, 0.50, 0.55, 0.62, 0.70, 0.66, 0.74, 0.76, 0.66, 0.72, 0.58, 0.50};
    return (tianjin ? tj : liyang)[month - 1];
  }

  /** Estimated annual CO2 emissions of an enterprise, t (combustion, process and electricity), for quotas. */
  static double annualEmissionsTco2(Enterprise e) {
    return switch (e.industry()) {
      case "钢铁" -> e.size() * 12 * 1.85;
      case "水泥" -> e.size() * 11 * (0.525 + 0.14 * 20.908 * 0.02618 * 0.98 * 44 / 12 + 0.085 / 0.75 * 0.58);
      case "化工" -> e.size() * 12 * 1.1;
      case "印染" -> e.size() * 12 * 2.2;
      case "酒店" -> e.size() * 0.6 * 365 * 0.03 * 0.58;
      case "养殖场" -> e.size() * 0.4;
      default -> e.size() * 0.5;
    };
  }
}
