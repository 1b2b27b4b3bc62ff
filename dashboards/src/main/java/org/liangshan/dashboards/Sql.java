package org.liangshan.dashboards;

import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;
import org.liangshan.core.region.WaterFunctionZone;

/**
 * SQL fragments the datasets share: Chinese labels for codes, taken from the regions' configuration so a
 * new region needs no change here. Only constants from configuration and code are ever inlined.
 */
final class Sql {
  private Sql() {}

  static final Map<String, String> SERVICES = labels(
      "material_products", "物质产品", "water_conservation", "水源涵养", "soil_retention", "土壤保持",
      "flood_regulation", "洪水调蓄", "water_purification", "水质净化", "air_purification", "空气净化",
      "carbon_fixation", "固碳", "oxygen_release", "释氧", "climate_regulation", "气候调节",
      "cultural_services", "文化服务");

  static final Map<String, String> CATEGORIES = labels("EPV", "物质产品价值", "ERV", "调节服务价值", "ECV", "文化服务价值");

  static final Map<String, String> LEDGER_STATUS = labels("draft", "草稿", "reviewed", "已复核", "published", "已发布");

  static final Map<String, String> COMPENSATION_METHODS = labels(
      "xinan-p-index", "新安江模式（P 指数）", "section-compensation", "断面考核补偿", "gep-keyed", "GEP 挂钩补偿");

  static final Map<String, String> RIGHT_TYPES = labels(
      "eco_voucher", "生态券", "carbon_quota", "碳配额", "discharge_right", "排污权", "carbon_sink_credit", "林业碳汇",
      "energy_use_right", "用能权", "green_certificate", "绿证", "forest_right", "林权", "forest_coverage_index", "森林覆盖率指标");

  static final Map<String, String> COLLATERAL_STATUS = labels(
      "ok", "正常", "ltv_breach", "触发追加保证金", "refused_double_pledge", "重复质押（拒绝）", "retired", "已注销",
      "expired", "已过期", "unknown_right", "权利不存在", "no_price", "无价格", "unsupported_right_type", "不支持的权利类型");

  static final Map<String, String> SCENARIOS = labels(
      "public_transport", "公交出行", "nev", "新能源汽车", "ev_charging", "充电", "waste_sorting", "垃圾分类",
      "clean_agriculture", "清洁农业");

  /** CASA's vegetation classes (org.liangshan.core.method.VegetationClass). */
  static final Map<String, String> VEGETATION_CLASSES = labels(
      "ENF", "常绿针叶林", "EBF", "常绿阔叶林", "DNF", "落叶针叶林", "DBF", "落叶阔叶林", "MF", "针阔混交林",
      "SHRUB", "灌丛", "GRASS", "草地", "CROP", "农田", "WETLAND", "湿地");

  static final Map<String, String> USER_TYPES = labels("person", "个人", "enterprise", "企业", "organisation", "机构");

  /** region id to its Chinese name, from the regions' configuration. */
  static String regionName(String column) {
    Map<String, String> names = new TreeMap<>();
    for (Region region : Regions.all()) {
      names.put(region.id(), region.name());
    }
    return label(column, names);
  }

  /** water-function zone id to its Chinese name, from the regions' configuration. */
  static String zoneName(String column) {
    Map<String, String> names = new TreeMap<>();
    for (Region region : Regions.all()) {
      for (WaterFunctionZone zone : region.zones()) {
        names.put(zone.id(), zone.name());
      }
    }
    return label(column, names);
  }

  /** {@code CASE column WHEN 'code' THEN 'label' ... ELSE column END}. */
  static String label(String column, Map<String, String> labels) {
    StringJoiner sql = new StringJoiner(" ", "CASE " + column + " ", " ELSE " + column + " END");
    labels.forEach((code, label) -> sql.add("WHEN " + literal(code) + " THEN " + literal(label)));
    return sql.toString();
  }

  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static Map<String, String> labels(String... pairs) {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
