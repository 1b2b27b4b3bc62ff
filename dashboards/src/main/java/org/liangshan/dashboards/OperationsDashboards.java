package org.liangshan.dashboards;

import static org.liangshan.dashboards.Sql.regionName;

import java.util.List;
import java.util.Map;

/**
 * The operations dashboard (运行监控 / 数据质量) for the data team and leadership: completeness of the
 * monitoring time series per family and month, quarantine rates per family, deliveries on time, late and
 * missing. It reads the data-quality marts over {@code ops.dq_*} (docs/operations-lineage.md).
 */
final class OperationsDashboards {
  private OperationsDashboards() {}

  /** Source families in Chinese (those the data-quality report names; any other shows its code). */
  static final Map<String, String> FAMILIES = Map.ofEntries(
      Map.entry("water-quality-auto", "水质自动监测"), Map.entry("water-quality-manual", "水质手工监测"),
      Map.entry("hydrology", "水文"), Map.entry("meteo", "气象"), Map.entry("flux", "通量塔观测"),
      Map.entry("flux-towers", "通量塔名录"), Map.entry("sections", "监测断面"), Map.entry("vectors", "矢量图层"),
      Map.entry("enterprises", "企业名录"), Map.entry("enterprise-activity", "企业活动"));

  private static String family(String column) {
    return Sql.label(column, new java.util.TreeMap<>(FAMILIES));
  }

  static final DatasetDef COMPLETENESS = DatasetDef.builder("data_quality_completeness", "数据质量：来源 × 月份完整率")
      .sql("""
          SELECT c.region, %s AS region_name, c.family, %s AS family_name, c.month, CAST(c.year AS VARCHAR) AS year_label,
                 c.stations, c.expected, c.received, c.loaded, c.loaded_within_expected, c.quarantined, c.duplicates,
                 c.stations_below_90pct
          FROM marts.data_quality_completeness c
          """.formatted(regionName("c.region"), family("c.family")), "marts.data_quality_completeness")
      .text("region", "地区编码").text("region_name", "地区").text("family", "来源编码").text("family_name", "数据来源")
      .text("month", "月份").text("year_label", "年度").integer("stations", "站点数").integer("expected", "应到观测")
      .integer("received", "收到记录").integer("loaded", "入库记录").integer("loaded_within_expected", "计入完整率的记录")
      .integer("quarantined", "隔离记录").integer("duplicates", "重复记录").integer("stations_below_90pct", "完整率低于 90% 的站点")
      .metric("completeness", "完整率", "SUM(loaded_within_expected) / NULLIF(SUM(expected), 0)", ".1%")
      .metric("stations_below_90pct_sum", "完整率低于 90% 的站点·月", "SUM(stations_below_90pct)", ",d")
      .build();

  static final DatasetDef QUARANTINE = DatasetDef.builder("data_quality_quarantine", "数据质量：来源隔离率与报送")
      .sql("""
          SELECT q.region, %s AS region_name, q.family, %s AS family_name, q.files, q.received, q.quarantined,
                 q.deliveries_on_time, q.deliveries_late, q.deliveries_missing, q.max_lateness_days
          FROM marts.data_quality_quarantine q
          """.formatted(regionName("q.region"), family("q.family")), "marts.data_quality_quarantine")
      .text("region", "地区编码").text("region_name", "地区").text("family", "来源编码").text("family_name", "数据来源")
      .integer("files", "文件数").integer("received", "收到记录").integer("quarantined", "隔离记录")
      .integer("deliveries_on_time", "按时报送").integer("deliveries_late", "逾期报送").integer("deliveries_missing", "缺报")
      .integer("max_lateness_days", "最长逾期（天）")
      .metric("quarantine_rate", "隔离率", "SUM(quarantined) / NULLIF(SUM(received), 0)", ".2%")
      .metric("quarantined_sum", "隔离记录", "SUM(quarantined)", ",d")
      .metric("on_time_sum", "按时报送", "SUM(deliveries_on_time)", ",d")
      .metric("late_sum", "逾期报送", "SUM(deliveries_late)", ",d")
      .metric("missing_sum", "缺报", "SUM(deliveries_missing)", ",d")
      .build();

  static DashboardDef dataQuality() {
    return new DashboardDef("operations_data_quality", "运行监控：数据质量",
        "监测数据的完整率（按来源、月份）、各来源的隔离率，以及按时、逾期与缺报的报送。", List.of(
        List.of(
            Charts.bigNumber("dq_completeness_overall", "完整率", "全部时间序列来源：入库观测 ÷ 按频次应到观测。", COMPLETENESS,
                "completeness", "入库 ÷ 应到"),
            Charts.bigNumber("dq_quarantine_rate_overall", "隔离率", "全部来源：隔离记录 ÷ 收到记录。", QUARANTINE,
                "quarantine_rate", "隔离 ÷ 收到"),
            Charts.bigNumber("dq_deliveries_late", "逾期报送", "到期日（期末后 30 天）之后送达的文件数。", QUARANTINE,
                "late_sum", "个文件"),
            Charts.bigNumber("dq_deliveries_missing", "缺报", "已过到期日仍未送达的文件数。", QUARANTINE,
                "missing_sum", "个文件")),
        List.of(
            Charts.line("dq_completeness_by_month", "各来源月度完整率", "入库观测 ÷ 应到观测，按数据来源。", COMPLETENESS,
                "month", List.of("completeness"), "family_name").withSize(12, 50)),
        List.of(
            Charts.bar("dq_quarantine_by_family", "各来源隔离率", "隔离记录 ÷ 收到记录，按地区。", QUARANTINE,
                "family_name", List.of("quarantine_rate"), "region_name", false).with("xAxisLabelRotation", 30),
            Charts.table("dq_deliveries_table", "报送情况", "按地区与来源：按时、逾期、缺报的文件数与隔离记录。", QUARANTINE,
                List.of("region_name", "family_name"), List.of("on_time_sum", "late_sum", "missing_sum", "quarantined_sum",
                    "quarantine_rate")))));
  }
}
