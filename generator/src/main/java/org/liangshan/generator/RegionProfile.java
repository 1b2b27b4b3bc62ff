package org.liangshan.generator;

import java.util.List;
import org.liangshan.core.region.Region;
import org.locationtech.jts.geom.Envelope;

/**
 * What the sample data of a region looks like beyond its configuration: climate normals, the landscape
 * features that shape land cover and relief, towns, weather stations, banks and industries. Only sample data
 * depends on it; the platform reads nothing from here. Regions without a profile get a plain one built from
 * their envelope and seed facts.
 */
record RegionProfile(
    String regionId,
    String shortName,
    Climate climate,
    List<Hill> hills,
    List<Blob> lakes,
    List<Blob> wetlands,
    List<Blob> towns,
    List<River> rivers,
    Envelope pondArea,
    Targets targets,
    double[] cropNdvi,
    double evergreenWinterNdvi,
    String[] forestClasses,
    double[] forestShares,
    List<Station> stations,
    List<String[]> banks,
    List<IndustryMix> industries,
    double tourismVisits10k,
    String areaCode) {

  /** Monthly climate normals of the region. */
  record Climate(
      double tempMeanC,
      double tempAmplitudeC,
      double precipAnnualMm,
      double[] precipFractions,
      double radiationLowMj,
      double radiationHighMj,
      double radiationPeakMonth,
      double[] rhPct,
      double windMs) {}

  /** A hill or mountain: elliptical Gaussian relief with its peak in metres. */
  record Hill(double lon, double lat, double radiusLon, double radiusLat, double peakM) {}

  /** A named elliptical feature (lake, wetland, town) with a strength that ranks it against others. */
  record Blob(String name, double lon, double lat, double radiusLon, double radiusLat, double strength) {}

  /** A river as a polyline of lon/lat vertices with a half-width in degrees. */
  record River(String name, double[] lonLat, double halfWidthDeg) {}

  /** Land-cover area targets in km² (forest, water and wetland come from the region's seed facts). */
  record Targets(double builtUpKm2, double builtUpGrowthPerYear, double shrubKm2, double grassKm2, double bareKm2) {}

  /** A weather station at a district seat. */
  record Station(String id, String name, double lon, double lat) {}

  /** How many enterprises of an industry a region has at scale 1, and where they cluster. */
  record IndustryMix(String industry, int count, Blob cluster) {}

  static RegionProfile of(Region region) {
    return switch (region.id()) {
      case "liyang" -> liyang();
      case "tianjin" -> tianjin();
      default -> plain(region);
    };
  }

  private static double[] normalise(double... values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double[] result = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = values[i] / sum;
    }
    return result;
  }

  private static RegionProfile liyang() {
    Climate climate =
        new Climate(
            16.0,
            12.4,
            1150,
            normalise(62, 62, 88, 86, 102, 185, 170, 140, 90, 60, 55, 45),
            290,
            560,
            7.2,
            new double[] {75, 75, 74, 74, 75, 80, 82, 82, 80, 77, 76, 74},
            2.4);
    List<Hill> hills =
        List.of(
            new Hill(119.40, 31.16, 0.22, 0.085, 540),
            new Hill(119.55, 31.19, 0.10, 0.07, 330),
            new Hill(119.22, 31.29, 0.08, 0.06, 210),
            new Hill(119.18, 31.63, 0.04, 0.03, 110));
    List<Blob> lakes =
        List.of(
            new Blob("天目湖", 119.43, 31.28, 0.022, 0.016, 3),
            new Blob("大溪水库", 119.50, 31.245, 0.02, 0.015, 3),
            new Blob("长荡湖", 119.60, 31.63, 0.05, 0.05, 2.6),
            new Blob("塘马水库", 119.27, 31.53, 0.01, 0.01, 2.2),
            new Blob("前宋水库", 119.30, 31.33, 0.008, 0.008, 2.2));
    List<Blob> wetlands =
        List.of(
            new Blob("长荡湖湿地", 119.58, 31.62, 0.09, 0.07, 1.6),
            new Blob("天目湖湿地", 119.44, 31.30, 0.05, 0.04, 1.3),
            new Blob("大溪湿地", 119.51, 31.26, 0.04, 0.035, 1.2),
            new Blob("南河湿地", 119.38, 31.43, 0.08, 0.04, 1.0));
    List<Blob> towns =
        List.of(
            new Blob("溧城", 119.48, 31.43, 0.05, 0.035, 2.5),
            new Blob("天目湖镇", 119.44, 31.33, 0.015, 0.012, 1.3),
            new Blob("社渚镇", 119.28, 31.38, 0.012, 0.01, 1.2),
            new Blob("上兴镇", 119.23, 31.58, 0.012, 0.01, 1.2),
            new Blob("竹箦镇", 119.35, 31.50, 0.012, 0.01, 1.2),
            new Blob("别桥镇", 119.45, 31.58, 0.012, 0.01, 1.2),
            new Blob("戴埠镇", 119.52, 31.33, 0.012, 0.01, 1.2));
    List<River> rivers =
        List.of(
            new River("南河", new double[] {119.15, 31.40, 119.32, 31.41, 119.48, 31.42, 119.62, 31.46}, 0.004),
            new River("丹金溧漕河", new double[] {119.48, 31.42, 119.46, 31.55, 119.47, 31.62, 119.50, 31.69}, 0.004),
            new River("中河", new double[] {119.20, 31.49, 119.40, 31.51, 119.62, 31.55}, 0.003),
            new River("北河", new double[] {119.15, 31.60, 119.35, 31.63, 119.58, 31.64}, 0.003));
    return new RegionProfile(
        "liyang",
        "溧阳",
        climate,
        hills,
        lakes,
        wetlands,
        towns,
        rivers,
        new Envelope(119.14, 119.62, 31.45, 31.70),
        new Targets(185, 0.012, 32, 22, 3),
        new double[] {0.34, 0.37, 0.45, 0.55, 0.50, 0.36, 0.62, 0.74, 0.68, 0.50, 0.36, 0.33},
        0.55,
        new String[] {"EBF", "MF", "ENF", "DBF"},
        new double[] {0.35, 0.30, 0.25, 0.10},
        List.of(
            new Station("58345", "溧阳", 119.48, 31.43),
            new Station("58346", "天目湖", 119.44, 31.31),
            new Station("58347", "上兴", 119.24, 31.57)),
        List.of(
            new String[] {"LY-B01", "江苏银行溧阳支行", "城市商业银行"},
            new String[] {"LY-B02", "江苏溧阳农村商业银行", "农村商业银行"},
            new String[] {"LY-B03", "中国农业银行溧阳支行", "国有大型商业银行"},
            new String[] {"LY-B04", "兴业银行常州溧阳支行", "股份制商业银行"}),
        List.of(
            new IndustryMix("钢铁", 2, new Blob("溧城工业区", 119.52, 31.46, 0.04, 0.03, 1)),
            new IndustryMix("水泥", 3, new Blob("社渚", 119.26, 31.36, 0.05, 0.04, 1)),
            new IndustryMix("茶园", 40, new Blob("天目湖", 119.43, 31.27, 0.07, 0.05, 1)),
            new IndustryMix("酒店", 16, new Blob("天目湖", 119.44, 31.31, 0.05, 0.04, 1)),
            new IndustryMix("餐饮", 14, new Blob("溧城", 119.48, 31.42, 0.06, 0.05, 1)),
            new IndustryMix("养殖场", 12, new Blob("北部平原", 119.40, 31.58, 0.15, 0.06, 1)),
            new IndustryMix("印染", 2, new Blob("溧城工业区", 119.50, 31.46, 0.03, 0.03, 1))),
        2300,
        "320481");
  }

  private static RegionProfile tianjin() {
    Climate climate =
        new Climate(
            13.0,
            15.6,
            550,
            normalise(3, 5, 8, 22, 35, 75, 165, 130, 50, 25, 10, 4),
            300,
            640,
            5.8,
            new double[] {55, 53, 50, 50, 56, 64, 77, 79, 70, 64, 62, 58},
            2.6);
    List<Hill> hills =
        List.of(
            new Hill(117.50, 40.26, 0.40, 0.13, 1150),
            new Hill(117.28, 40.10, 0.07, 0.05, 650),
            new Hill(117.30, 40.18, 0.15, 0.06, 500),
            new Hill(117.75, 40.18, 0.15, 0.06, 500));
    List<Blob> lakes =
        List.of(
            new Blob("于桥水库", 117.55, 40.035, 0.085, 0.022, 3),
            new Blob("北大港水库", 117.38, 38.76, 0.07, 0.05, 2.6),
            new Blob("团泊洼水库", 117.15, 38.93, 0.04, 0.035, 2.6),
            new Blob("尔王庄水库", 117.40, 39.68, 0.02, 0.02, 2.4),
            new Blob("北塘水库", 117.72, 39.10, 0.03, 0.03, 2.2),
            new Blob("黄港水库", 117.62, 39.30, 0.025, 0.025, 2.2));
    List<Blob> wetlands =
        List.of(
            new Blob("七里海", 117.55, 39.28, 0.08, 0.06, 1.8),
            new Blob("大黄堡", 117.22, 39.48, 0.07, 0.05, 1.7),
            new Blob("北大港湿地", 117.40, 38.75, 0.12, 0.09, 1.7),
            new Blob("团泊湿地", 117.15, 38.93, 0.07, 0.06, 1.4),
            new Blob("青甸洼", 117.45, 39.95, 0.06, 0.04, 1.2),
            new Blob("滨海滩涂", 117.75, 38.85, 0.08, 0.15, 1.2));
    List<Blob> towns =
        List.of(
            new Blob("中心城区", 117.20, 39.12, 0.11, 0.085, 3.2),
            new Blob("滨海核心区", 117.68, 39.03, 0.08, 0.05, 2.6),
            new Blob("滨海南港", 117.50, 38.84, 0.06, 0.05, 1.8),
            new Blob("滨海中新生态城", 117.76, 39.17, 0.04, 0.04, 1.8),
            new Blob("东丽", 117.32, 39.09, 0.05, 0.04, 1.8),
            new Blob("西青", 117.02, 39.14, 0.05, 0.04, 1.8),
            new Blob("津南", 117.38, 38.99, 0.05, 0.04, 1.8),
            new Blob("北辰", 117.13, 39.22, 0.05, 0.04, 1.8),
            new Blob("武清", 117.04, 39.38, 0.04, 0.035, 1.6),
            new Blob("宝坻", 117.31, 39.72, 0.035, 0.03, 1.5),
            new Blob("宁河", 117.82, 39.33, 0.025, 0.02, 1.4),
            new Blob("静海", 116.92, 38.95, 0.035, 0.03, 1.5),
            new Blob("蓟州", 117.41, 40.05, 0.03, 0.02, 1.4));
    List<River> rivers =
        List.of(
            new River("海河", new double[] {117.17, 39.15, 117.35, 39.06, 117.55, 39.02, 117.72, 38.98}, 0.004),
            new River("北运河", new double[] {116.90, 39.72, 117.02, 39.50, 117.10, 39.30, 117.18, 39.16}, 0.003),
            new River("蓟运河", new double[] {117.55, 40.00, 117.45, 39.70, 117.65, 39.45, 117.78, 39.25, 117.85, 39.10}, 0.004),
            new River("独流减河", new double[] {116.95, 38.86, 117.25, 38.80, 117.58, 38.70}, 0.006),
            new River("永定新河", new double[] {116.90, 39.45, 117.20, 39.30, 117.50, 39.20, 117.75, 39.10}, 0.004),
            new River("潮白新河", new double[] {117.10, 39.80, 117.35, 39.55, 117.55, 39.35}, 0.004));
    return new RegionProfile(
        "tianjin",
        "天津",
        climate,
        hills,
        lakes,
        wetlands,
        towns,
        rivers,
        new Envelope(117.55, 118.10, 38.55, 39.40),
        new Targets(2700, 0.015, 250, 320, 150),
        new double[] {0.15, 0.16, 0.25, 0.45, 0.55, 0.35, 0.62, 0.72, 0.58, 0.35, 0.22, 0.16},
        0.42,
        new String[] {"DBF", "MF", "ENF"},
        new double[] {0.60, 0.22, 0.18},
        List.of(
            new Station("54527", "天津", 117.17, 39.08),
            new Station("54428", "蓟州", 117.41, 40.04),
            new Station("54525", "宝坻", 117.31, 39.73),
            new Station("54623", "塘沽", 117.72, 39.05),
            new Station("54619", "静海", 116.93, 38.94)),
        List.of(
            new String[] {"TJ-B01", "天津银行", "城市商业银行"},
            new String[] {"TJ-B02", "天津农村商业银行", "农村商业银行"},
            new String[] {"TJ-B03", "渤海银行", "股份制商业银行"},
            new String[] {"TJ-B04", "中国工商银行天津分行", "国有大型商业银行"},
            new String[] {"TJ-B05", "中国建设银行天津分行", "国有大型商业银行"},
            new String[] {"TJ-B06", "兴业银行天津分行", "股份制商业银行"}),
        List.of(
            new IndustryMix("钢铁", 6, new Blob("南港-静海", 117.30, 38.88, 0.25, 0.08, 1)),
            new IndustryMix("水泥", 3, new Blob("蓟州", 117.40, 40.02, 0.12, 0.05, 1)),
            new IndustryMix("化工", 10, new Blob("南港-大港", 117.50, 38.83, 0.10, 0.07, 1)),
            new IndustryMix("印染", 5, new Blob("武清-西青", 117.05, 39.30, 0.10, 0.10, 1)),
            new IndustryMix("酒店", 18, new Blob("中心城区", 117.20, 39.12, 0.08, 0.06, 1)),
            new IndustryMix("餐饮", 12, new Blob("中心城区", 117.22, 39.13, 0.08, 0.06, 1)),
            new IndustryMix("养殖场", 16, new Blob("宝坻-宁河", 117.50, 39.55, 0.25, 0.15, 1)),
            new IndustryMix("茶园", 0, new Blob("蓟州", 117.40, 40.10, 0.1, 0.05, 1))),
        0,
        "120000");
  }

  /** A profile for a region without one: climate by latitude, no named features. */
  private static RegionProfile plain(Region region) {
    Envelope box = region.envelope();
    double lon = box.centre().x;
    double lat = box.centre().y;
    double tempMean = Math.max(2, 27 - 0.45 * Math.abs(lat - 18));
    Climate climate =
        new Climate(
            tempMean,
            12,
            800,
            normalise(3, 4, 6, 8, 10, 14, 17, 15, 10, 6, 4, 3),
            280,
            600,
            6.5,
            new double[] {65, 65, 63, 62, 65, 72, 78, 78, 74, 70, 68, 66},
            2.5);
    return new RegionProfile(
        region.id(),
        region.name(),
        climate,
        List.of(new Hill(lon, box.getMaxY(), box.getWidth() / 3, box.getHeight() / 6, 400)),
        List.of(new Blob("湖", lon, lat - box.getHeight() / 4, box.getWidth() / 12, box.getHeight() / 12, 3)),
        List.of(new Blob("湿地", lon, lat - box.getHeight() / 4, box.getWidth() / 6, box.getHeight() / 6, 1.5)),
        List.of(new Blob("城区", lon, lat, box.getWidth() / 10, box.getHeight() / 10, 2.5)),
        List.of(new River("河", new double[] {box.getMinX(), lat, box.getMaxX(), lat}, 0.004)),
        new Envelope(box.getMinX(), box.getMaxX(), box.getMinY(), lat),
        new Targets(region.seedAreaKm2() * 0.12, 0.01, region.seedAreaKm2() * 0.02, region.seedAreaKm2() * 0.02, 0),
        new double[] {0.2, 0.22, 0.3, 0.45, 0.55, 0.5, 0.65, 0.72, 0.6, 0.4, 0.28, 0.22},
        0.5,
        new String[] {"MF", "DBF", "ENF"},
        new double[] {0.4, 0.4, 0.2},
        List.of(new Station(region.id().toUpperCase() + "-M1", region.name(), lon, lat)),
        List.<String[]>of(new String[] {"B01", region.name() + "农村商业银行", "农村商业银行"}),
        List.of(
            new IndustryMix("水泥", 2, new Blob("城区", lon, lat, box.getWidth() / 5, box.getHeight() / 5, 1)),
            new IndustryMix("酒店", 8, new Blob("城区", lon, lat, box.getWidth() / 5, box.getHeight() / 5, 1)),
            new IndustryMix("养殖场", 8, new Blob("平原", lon, lat, box.getWidth() / 3, box.getHeight() / 3, 1))),
        region.seedAreaKm2() * 1.2,
        region.districts().get(0).code().substring(0, Math.min(6, region.districts().get(0).code().length())));
  }
}
