package org.liangshan.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.liangshan.core.region.CompensationAgreement;
import org.liangshan.core.region.MonitoringSection;
import org.liangshan.core.region.WaterFunctionZone;

/**
 * {@code sections/sections.csv}, {@code water-quality-auto/<section>_<yyyy>.csv} (every 4 hours),
 * {@code water-quality-manual/<yyyy>.csv} (monthly, long, some TP in μg/L) and {@code hydrology/<yyyy>.csv}
 * (daily). Concentrations follow a daily "true" series per section and indicator: a level set by the zone's
 * GB 3838-2002 class (or, at cross-boundary sections, by the agreement's targets, so that months fall on both
 * sides of them), a seasonal cycle, a monthly effect shared by the pollutants and AR(1) day-to-day noise.
 * Automatic and manual values sample the same series with their own measurement noise.
 */
final class WaterFamily {
  /** Indicators of the true series, in this order. */
  static final String[] INDICATORS = {"cod", "codmn", "nh3n", "tp", "tn", "do", "ph", "water_temp"};

  private WaterFamily() {}

  /** A section the generator writes: a configured one or an auxiliary station at scale > 1. */
  record Site(MonitoringSection section, String id, String name, String nameEn, double lon, double lat, WaterFunctionZone zone) {}

  static List<Site> sites(Context context) {
    List<Site> sites = new ArrayList<>();
    for (MonitoringSection s : context.region().sections()) {
      WaterFunctionZone zone = zone(context, s.zoneId());
      sites.add(new Site(s, s.id(), s.name(), s.nameEn(), s.lon(), s.lat(), zone));
    }
    for (int k = 2; k <= context.scale(); k++) {
      for (MonitoringSection s : context.region().sections()) {
        WaterFunctionZone zone = zone(context, s.zoneId());
        SplittableRandom random = context.rng("sections", s.id(), Integer.toString(k));
        double lon = clamp(s.lon() + Seeds.uniform(random, -0.03, 0.03), zone.bounds().getMinX() + 0.001, zone.bounds().getMaxX() - 0.001);
        double lat = clamp(s.lat() + Seeds.uniform(random, -0.03, 0.03), zone.bounds().getMinY() + 0.001, zone.bounds().getMaxY() - 0.001);
        sites.add(new Site(s, s.id() + "-" + k, s.name() + "辅助站" + k, s.nameEn() + ", auxiliary station " + k, lon, lat, zone));
      }
    }
    return sites;
  }

  private static double clamp(double v, double low, double high) {
    return Math.max(low, Math.min(high, v));
  }

  private static WaterFunctionZone zone(Context context, String id) {
    return context.region().zones().stream().filter(z -> z.id().equals(id)).findFirst().orElseThrow();
  }

  static void generate(Context context) {
    List<Site> sites = sites(context);
    Output.Family sectionsFamily = context.output().family("sections", 1);
    try (Output.Csv csv =
        sectionsFamily.csv(
            "sections/sections.csv", "断面编码", "断面名称", "英文名称", "水功能区", "水体类型", "经度", "纬度", "是否跨界", "上游", "下游")) {
      for (Site site : sites) {
        boolean cross = site.section().crossBoundary() && site.id().equals(site.section().id());
        csv.row(
            site.id(),
            site.name(),
            site.nameEn(),
            site.zone().id(),
            site.section().waterBody() == WaterFunctionZone.WaterBody.LAKE ? "湖库" : "河流",
            Output.fixed(site.lon(), 4),
            Output.fixed(site.lat(), 4),
            cross ? "是" : "否",
            cross ? site.section().upstream().orElse(null) : null,
            cross ? site.section().downstream().orElse(null) : null);
      }
    }
    int years = context.request().years();
    Output.Family auto = context.output().family("water-quality-auto", sites.size() * years);
    Output.Family manual = context.output().family("water-quality-manual", years);
    Output.Family hydrology = context.output().family("hydrology", years);
    for (int year = context.request().firstYear(); year <= context.request().lastYear(); year++) {
      List<double[][]> truths = new ArrayList<>();
      for (Site site : sites) {
        truths.add(truth(context, site, year));
      }
      for (int s = 0; s < sites.size(); s++) {
        writeAuto(context, auto, sites.get(s), truths.get(s), year);
      }
      writeManual(context, manual, sites, truths, year);
      writeHydrology(context, hydrology, sites, year);
    }
  }

  /** Mean levels (mg/L) of COD, CODMn, NH3-N, TP, TN for a site. */
  private static double[] levels(Context context, Site site) {
    MonitoringSection section = site.section();
    boolean lake = section.waterBody() == WaterFunctionZone.WaterBody.LAKE;
    int target = site.zone().targetClass();
    double[] level =
        switch (target) {
          case 1, 2 -> lake ? new double[] {11, 3.0, 0.20, 0.024, 0.90} : new double[] {12, 3.2, 0.35, 0.07, 1.4};
          case 3 -> lake ? new double[] {16, 4.5, 0.5, 0.04, 1.0} : new double[] {17, 4.4, 0.62, 0.14, 2.1};
          case 4 -> new double[] {26, 7.8, 1.25, 0.24, 4.2};
          default -> new double[] {34, 11.5, 1.7, 0.33, 6.5};
        };
    if (site.id().equals(section.id()) && section.crossBoundary()) {
      Optional<CompensationAgreement> agreement =
          context.region().agreements().stream()
              .filter(a -> a.sectionId().filter(section.id()::equals).isPresent())
              .findFirst();
      if (agreement.isPresent()) {
        for (CompensationAgreement.FactorTarget factor : agreement.get().factors()) {
          // Centre just under the target: the monthly effect then puts months on both sides.
          double centre = 0.95 * factor.targetMgL();
          switch (factor.name()) {
            case "codmn" -> level[1] = centre;
            case "nh3n" -> level[2] = centre;
            case "tp" -> level[3] = centre;
            case "tn" -> level[4] = centre;
            case "cod" -> level[0] = centre;
            default -> { }
          }
        }
      }
    }
    return level;
  }

  /** The daily true series of a site in a year: [indicator][day of year - 1]. */
  static double[][] truth(Context context, Site site, int year) {
    int days = LocalDate.of(year, 12, 31).getDayOfYear();
    double[][] series = new double[INDICATORS.length][days];
    double[] level = levels(context, site);
    SplittableRandom random = context.rng("water", site.id(), Integer.toString(year));
    boolean crossBoundary = site.section().crossBoundary() && site.id().equals(site.section().id());
    double[] monthly = new double[13];
    for (int m = 1; m <= 12; m++) {
      monthly[m] = (crossBoundary ? 0.17 : 0.10) * Seeds.gaussian(random);
    }
    double[] ar = new double[5];
    Weather weather = context.weather();
    for (int d = 0; d < days; d++) {
      LocalDate date = LocalDate.ofYearDay(year, d + 1);
      double month = date.getMonthValue() + (date.getDayOfMonth() - 15.0) / 30.0;
      int m = date.getMonthValue();
      double summer = Math.cos(2 * Math.PI * (month - 7.5) / 12);
      double[] seasonal = {
        1 + 0.08 * summer, 1 + 0.10 * summer, 1 - 0.15 * summer, 1 + 0.18 * summer, 1 + 0.05 * summer
      };
      for (int k = 0; k < 5; k++) {
        ar[k] = 0.85 * ar[k] + Math.sqrt(1 - 0.85 * 0.85) * 0.08 * Seeds.gaussian(random);
        series[k][d] = level[k] * seasonal[k] * Math.exp(monthly[m] + ar[k]);
      }
      double air = weather.normalTemperature(site.lon(), site.lat(), 5, month - 0.5);
      double waterTemp = Math.max(1.5, 2.0 + 0.95 * air + 0.4 * Seeds.gaussian(random));
      series[7][d] = waterTemp;
      double saturation = 14.6 - 0.39 * waterTemp + 0.007 * waterTemp * waterTemp;
      series[5][d] = Math.max(2.0, saturation * (0.92 - 0.05 * (site.zone().targetClass() - 2)) + 0.3 * Seeds.gaussian(random));
      series[6][d] = 7.6 + 0.25 * Math.sin(2 * Math.PI * d / 365.0) + 0.1 * Seeds.gaussian(random);
    }
    return series;
  }

  private static void writeAuto(Context context, Output.Family family, Site site, double[][] truth, int year) {
    SplittableRandom random = context.rng("water-quality-auto", site.id(), Integer.toString(year));
    int months = context.monthsPerYear();
    try (Output.Csv csv =
        family.csv(
            "water-quality-auto/" + site.id() + "_" + year + ".csv",
            "断面编码", "监测时间", "水温(℃)", "pH", "溶解氧(mg/L)", "高锰酸盐指数(mg/L)", "氨氮(mg/L)", "总磷(mg/L)", "总氮(mg/L)")) {
      for (int d = 0; d < truth[0].length; d++) {
        LocalDate date = LocalDate.ofYearDay(year, d + 1);
        if (date.getMonthValue() > months) {
          break;
        }
        for (int hour = 0; hour < 24; hour += 4) {
          double diurnal = Math.sin(2 * Math.PI * (hour - 9) / 24.0);
          boolean outage = random.nextDouble() < 0.01;
          Object[] values = {
            Output.fixed(truth[7][d] + 0.8 * diurnal, 1),
            Output.fixed(truth[6][d] + 0.15 * diurnal + 0.03 * Seeds.gaussian(random), 2),
            Output.fixed(Math.max(0.5, truth[5][d] * (1 + 0.12 * diurnal) + 0.1 * Seeds.gaussian(random)), 2),
            Output.fixed(noisy(random, truth[1][d], 0.04), 2),
            Output.fixed(noisy(random, truth[2][d], 0.06), 3),
            Output.fixed(noisy(random, truth[3][d], 0.06), 3),
            Output.fixed(noisy(random, truth[4][d], 0.05), 2)
          };
          if (outage) {
            int drop = 3 + random.nextInt(4);
            values[drop] = null;
          }
          csv.row(site.id(), String.format("%s %02d:00", date, hour), values[0], values[1], values[2], values[3], values[4], values[5], values[6]);
        }
      }
    }
  }

  private static double noisy(SplittableRandom random, double value, double relative) {
    return Math.max(0.001, value * (1 + relative * Seeds.gaussian(random)));
  }

  private static void writeManual(Context context, Output.Family family, List<Site> sites, List<double[][]> truths, int year) {
    SplittableRandom random = context.rng("water-quality-manual", Integer.toString(year));
    String[] names = {"化学需氧量", "高锰酸盐指数", "氨氮", "总磷", "总氮", "溶解氧", "pH", "水温"};
    try (Output.Csv csv = family.csv("water-quality-manual/" + year + ".csv", "断面编码", "采样日期", "监测指标", "监测值", "单位")) {
      for (int month = 1; month <= 12; month++) {
        for (int s = 0; s < sites.size(); s++) {
          Site site = sites.get(s);
          double[][] truth = truths.get(s);
          LocalDate date = LocalDate.of(year, month, 5 + random.nextInt(10));
          int d = date.getDayOfYear() - 1;
          // Some laboratories report total phosphorus in μg/L (converted to mg/L on ingestion).
          boolean microgram = random.nextDouble() < 0.3;
          for (int k = 0; k < names.length; k++) {
            double value = k < 5 ? noisy(random, truth[k][d], 0.05) : truth[k][d];
            String unit = k == 6 ? "无量纲" : k == 7 ? "℃" : "mg/L";
            String text;
            if (k == 3 && microgram) {
              unit = "μg/L";
              text = Output.fixed(value * 1000, 1);
            } else {
              int decimals = switch (k) {
                case 0, 7 -> 1;
                case 2, 3 -> 3;
                default -> 2;
              };
              text = Output.fixed(value, decimals);
            }
            csv.row(site.id(), date.toString(), names[k], text, unit);
          }
        }
      }
    }
  }

  private static void writeHydrology(Context context, Output.Family family, List<Site> sites, int year) {
    try (Output.Csv csv = family.csv("hydrology/" + year + ".csv", "断面编码", "日期", "流量(m³/s)", "水位(m)")) {
      int days = LocalDate.of(year, 12, 31).getDayOfYear();
      Weather weather = context.weather();
      double[] anomaly = new double[13];
      for (int m = 1; m <= 12; m++) {
        anomaly[m] = weather.anomaly(year, m)[1];
      }
      double[] fractions = weather.climate().precipFractions();
      for (Site site : sites) {
        SplittableRandom random = context.rng("hydrology", site.id(), Integer.toString(year));
        boolean lake = site.section().waterBody() == WaterFunctionZone.WaterBody.LAKE;
        double meanFlow = Seeds.uniform(random, lake ? 4 : 12, lake ? 12 : 45) * (context.region().id().equals("tianjin") ? 0.6 : 1);
        double baseLevel = lake ? Seeds.uniform(random, 18, 24) : Seeds.uniform(random, 1.5, 4.5);
        double ar = 0;
        double storm = 0;
        for (int d = 0; d < days; d++) {
          LocalDate date = LocalDate.ofYearDay(year, d + 1);
          int m = date.getMonthValue();
          double season = 0.35 + 12 * fractions[m - 1] * 0.65 * Math.pow(anomaly[m], 0.8);
          ar = 0.9 * ar + 0.1 * Seeds.gaussian(random);
          if (random.nextDouble() < 0.04 * 12 * fractions[m - 1]) {
            storm += Seeds.uniform(random, 0.5, 2.5);
          }
          storm *= 0.8;
          double flow = meanFlow * season * Math.exp(ar) * (1 + storm);
          double level =
              lake
                  ? baseLevel + 0.9 * Math.sin(2 * Math.PI * (d - 120) / 365.0) * -1 + 0.15 * storm + 0.05 * ar
                  : baseLevel + 0.45 * Math.pow(flow, 0.45);
          csv.row(site.id(), date.toString(), Output.fixed(flow, 2), Output.fixed(level, 2));
        }
      }
    }
  }
}
