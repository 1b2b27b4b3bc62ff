package org.liangshan.dashboards;

import static org.liangshan.dashboards.Sql.label;
import static org.liangshan.dashboards.Sql.regionName;
import static org.liangshan.dashboards.Sql.zoneName;

import java.util.ArrayList;
import java.util.List;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;
import org.locationtech.jts.geom.Envelope;

/**
 * The dashboards for leadership, as code: datasets over the gold tables (and the two silver tables that
 * have no gold counterpart yet), the charts on them, and their layout. Titles are Chinese; identifiers
 * (and so the UUIDs) are English. docs/dashboards.md describes each chart and its source.
 */
public final class LeadershipDashboards {
  private LeadershipDashboards() {}

  // ---------------------------------------------------------------- GEP
  static final DatasetDef GEP = DatasetDef.builder("gep_district_service", "GEP：区县 × 年度 × 服务")
      .sql("""
          SELECT g.region, %s AS region_name, g.year, CAST(g.year AS VARCHAR) AS year_label,
                 g.district_code, g.district, g.service, %s AS service_name, g.category, %s AS category_name,
                 g.physical_quantity, g.physical_unit, g.value_yuan,
                 g.year = MAX(g.year) OVER (PARTITION BY g.region) AS latest_year
          FROM gold.gep_by_district g
          """.formatted(regionName("g.region"), label("g.service", Sql.SERVICES), label("g.category", Sql.CATEGORIES)),
          "gold.gep_by_district")
      .text("region", "地区编码").text("region_name", "地区").integer("year", "年度").text("year_label", "年度")
      .text("district_code", "区县编码").text("district", "区县").text("service", "服务编码").text("service_name", "生态系统服务")
      .text("category", "类别编码").text("category_name", "类别").number("physical_quantity", "实物量")
      .text("physical_unit", "实物量单位").money("value_yuan", "价值（元）")
      .metric("gep_100m_yuan", "GEP（亿元）", "SUM(value_yuan) / 1e8", ",.2f")
      .build();

  static final DatasetDef GEP_LATEST = DatasetDef.builder("gep_latest_year", "GEP：各地区最新核算年度")
      .sql("""
          SELECT g.region, %s AS region_name, CAST(g.year AS VARCHAR) AS year_label, g.district, g.service,
                 %s AS service_name, %s AS category_name, g.value_yuan
          FROM gold.gep_by_district g
          WHERE g.year = (SELECT MAX(x.year) FROM gold.gep_by_district x WHERE x.region = g.region)
          """.formatted(regionName("g.region"), label("g.service", Sql.SERVICES), label("g.category", Sql.CATEGORIES)),
          "gold.gep_by_district")
      .text("region", "地区编码").text("region_name", "地区").text("year_label", "年度").text("district", "区县")
      .text("service", "服务编码").text("service_name", "生态系统服务").text("category_name", "类别").money("value_yuan", "价值（元）")
      .metric("gep_100m_yuan", "GEP（亿元）", "SUM(value_yuan) / 1e8", ",.2f")
      .build();

  static final DatasetDef GEP_GROWTH = DatasetDef.builder("gep_region_year", "GEP：地区 × 年度，含同比增长")
      .sql("""
          WITH t AS (
            SELECT region, year, CAST(SUM(value_yuan) AS DOUBLE) AS gep_yuan
            FROM gold.gep_by_district GROUP BY region, year)
          SELECT region, %s AS region_name, year, CAST(year AS VARCHAR) AS year_label, gep_yuan,
                 LAG(gep_yuan) OVER (PARTITION BY region ORDER BY year) AS previous_gep_yuan
          FROM t
          """.formatted(regionName("region")), "gold.gep_by_district")
      .text("region", "地区编码").text("region_name", "地区").integer("year", "年度").text("year_label", "年度")
      .number("gep_yuan", "GEP（元）").number("previous_gep_yuan", "上年 GEP（元）")
      .metric("gep_100m_yuan", "GEP（亿元）", "SUM(gep_yuan) / 1e8", ",.2f")
      .metric("growth", "同比增长", "SUM(gep_yuan) / NULLIF(SUM(previous_gep_yuan), 0) - 1", ".2%")
      .build();

  /**
   * GEP realization rate (METHODOLOGY.md section 2): value realized through trading, compensation and
   * eco-finance divided by GEP, per region and year. Trading is what eco-voucher auctions awarded;
   * compensation the latest revision of each ledger entry; eco-finance the outstanding balance of the
   * loans pledged with eco-rights at the year's last valuation, each loan once.
   */
  static final DatasetDef REALIZATION = DatasetDef.builder("gep_realization", "GEP 转化率：交易、补偿、绿色金融 ÷ GEP")
      .sql("""
          WITH gep AS (
            SELECT region, year, CAST(SUM(value_yuan) AS DOUBLE) AS gep_yuan FROM gold.gep_by_district GROUP BY region, year),
          market AS (
            SELECT region, year, CAST(SUM(amount_yuan) AS DOUBLE) AS market_yuan FROM gold.auction_awards GROUP BY region, year),
          ledger AS (
            SELECT region, year, amount_yuan,
                   revision = MAX(revision) OVER (PARTITION BY region, agreement_id, period, payer, payee) AS latest
            FROM gold.compensation_ledger),
          compensation AS (
            SELECT region, year, CAST(SUM(amount_yuan) AS DOUBLE) AS compensation_yuan FROM ledger WHERE latest GROUP BY region, year),
          valued AS (
            SELECT region, YEAR(valuation_date) AS year, valuation_date, loan_id, MAX(outstanding_yuan) AS outstanding_yuan
            FROM gold.collateral_valuation
            WHERE status IN ('ok', 'ltv_breach')
            GROUP BY region, YEAR(valuation_date), valuation_date, loan_id),
          finance AS (
            SELECT region, year, CAST(SUM(outstanding_yuan) AS DOUBLE) AS finance_yuan
            FROM (SELECT v.*, valuation_date = MAX(valuation_date) OVER (PARTITION BY region, year) AS last_of_year FROM valued v)
            WHERE last_of_year GROUP BY region, year)
          SELECT g.region, %s AS region_name, g.year, CAST(g.year AS VARCHAR) AS year_label, g.gep_yuan,
                 COALESCE(m.market_yuan, 0) AS market_yuan, COALESCE(c.compensation_yuan, 0) AS compensation_yuan,
                 COALESCE(f.finance_yuan, 0) AS finance_yuan
          FROM gep g
          LEFT JOIN market m ON m.region = g.region AND m.year = g.year
          LEFT JOIN compensation c ON c.region = g.region AND c.year = g.year
          LEFT JOIN finance f ON f.region = g.region AND f.year = g.year
          """.formatted(regionName("g.region")),
          "gold.gep_by_district", "gold.auction_awards", "gold.compensation_ledger", "gold.collateral_valuation")
      .text("region", "地区编码").text("region_name", "地区").integer("year", "年度").text("year_label", "年度")
      .number("gep_yuan", "GEP（元）").number("market_yuan", "交易（元）").number("compensation_yuan", "生态补偿（元）")
      .number("finance_yuan", "绿色金融（元）")
      .metric("realization_rate", "GEP 转化率", "(SUM(market_yuan) + SUM(compensation_yuan) + SUM(finance_yuan)) / NULLIF(SUM(gep_yuan), 0)", ".2%")
      .metric("market_10k_yuan", "交易（万元）", "SUM(market_yuan) / 1e4", ",.1f")
      .metric("compensation_10k_yuan", "生态补偿（万元）", "SUM(compensation_yuan) / 1e4", ",.1f")
      .metric("finance_10k_yuan", "绿色金融（万元）", "SUM(finance_yuan) / 1e4", ",.1f")
      .build();

  // ---------------------------------------------------------------- carbon sink
  static DatasetDef carbonCells(Region region) {
    return DatasetDef.builder("carbon_sink_cells_" + region.id(), region.name() + "：网格碳汇（最新年度）")
        .sql("""
            SELECT c.year, c.cell_id, c.district_code, g.polygon_json, c.veg_class, c.area_m2, c.nep_tc, c.co2_t
            FROM gold.carbon_sink_cell_year c
            JOIN gold.grid_cells g ON g.region = c.region AND g.cell_id = c.cell_id AND g.district_code = c.district_code
            WHERE c.region = %s
              AND c.year = (SELECT MAX(x.year) FROM gold.carbon_sink_cell_year x WHERE x.region = %s)
            """.formatted(Sql.literal(region.id()), Sql.literal(region.id())),
            "gold.carbon_sink_cell_year", "gold.grid_cells")
        .integer("year", "年度").text("cell_id", "网格").text("district_code", "区县编码").text("polygon_json", "网格多边形")
        .text("veg_class", "植被类型").number("area_m2", "面积（m²）").number("nep_tc", "NEP（t C）").number("co2_t", "CO₂（t）")
        .metric("co2_t_per_ha", "单位面积碳汇（t CO₂/ha）", "SUM(co2_t) / NULLIF(SUM(area_m2) / 1e4, 0)", ",.2f")
        .build();
  }

  static final DatasetDef CARBON_DISTRICT = DatasetDef.builder("carbon_sink_district", "碳汇：区县 × 年度")
      .sql("""
          SELECT c.region, %s AS region_name, c.year, CAST(c.year AS VARCHAR) AS year_label, c.district_code, c.district,
                 c.area_m2, c.npp_tc, c.nep_tc, c.co2_t,
                 c.year = MAX(c.year) OVER (PARTITION BY c.region) AS latest_year
          FROM gold.carbon_sink_district_year c
          """.formatted(regionName("c.region")), "gold.carbon_sink_district_year")
      .text("region", "地区编码").text("region_name", "地区").integer("year", "年度").text("year_label", "年度")
      .text("district_code", "区县编码").text("district", "区县").number("area_m2", "面积（m²）").number("npp_tc", "NPP（t C）")
      .number("nep_tc", "NEP（t C）").number("co2_t", "CO₂（t）")
      .metric("co2_10k_t", "碳汇（万吨 CO₂）", "SUM(co2_t) / 1e4", ",.2f")
      .metric("co2_t_per_ha", "单位面积碳汇（t CO₂/ha）", "SUM(co2_t) / NULLIF(SUM(area_m2) / 1e4, 0)", ",.2f")
      .build();

  // ---------------------------------------------------------------- water capacity
  static final DatasetDef CAPACITY = DatasetDef.builder("water_capacity_zone", "水环境容量：功能区 × 污染物 × 年度")
      .sql("""
          SELECT z.region, %s AS region_name, z.year, CAST(z.year AS VARCHAR) AS year_label, z.zone_id, %s AS zone_name,
                 z.pollutant, z.zone_id || ' ' || z.pollutant AS zone_pollutant, z.target_class,
                 z.capacity_t_a, z.allocatable_t_a, z.occupied_t_a, z.remaining_t_a,
                 CASE WHEN z.remaining_t_a < 0 THEN '超载' ELSE '未超载' END AS exceedance,
                 z.year = MAX(z.year) OVER (PARTITION BY z.region) AS latest_year
          FROM gold.zone_capacity z
          """.formatted(regionName("z.region"), zoneName("z.zone_id")), "gold.zone_capacity")
      .text("region", "地区编码").text("region_name", "地区").integer("year", "年度").text("year_label", "年度")
      .text("zone_id", "功能区编码").text("zone_name", "水功能区").text("pollutant", "污染物").text("zone_pollutant", "功能区 × 污染物")
      .integer("target_class", "目标水质类别").number("capacity_t_a", "环境容量（t/a）").number("allocatable_t_a", "可分配容量（t/a）")
      .number("occupied_t_a", "已占用（t/a）").number("remaining_t_a", "剩余（t/a）").text("exceedance", "是否超载")
      .metric("allocatable_t", "可分配容量（t/a）", "SUM(allocatable_t_a)", ",.1f")
      .metric("occupied_t", "已占用（t/a）", "SUM(occupied_t_a)", ",.1f")
      .metric("remaining_t", "剩余容量（t/a）", "SUM(remaining_t_a)", ",.1f")
      .metric("utilization", "容量占用率", "SUM(occupied_t_a) / NULLIF(SUM(allocatable_t_a), 0)", ".1%")
      .metric("exceeded_zones", "超载的功能区 × 污染物", "COUNT_IF(remaining_t_a < 0)", ",d")
      .metric("zone_pollutants", "功能区 × 污染物", "COUNT(*)", ",d")
      .build();

  // ---------------------------------------------------------------- eco-voucher market
  static final DatasetDef AUCTIONS = DatasetDef.builder("eco_voucher_auctions", "生态券拍卖：出清价、基准价、供需")
      .sql("""
          SELECT a.region, %s AS region_name, a.year, CAST(a.year AS VARCHAR) AS year_label, a.auction_id,
                 a.zone_id, %s AS zone_name, a.pollutant, a.supply, a.sold,
                 COALESCE(b.demand, 0) AS demand, a.bids_received, a.bids_awarded,
                 CAST(a.clearing_price_yuan AS DOUBLE) AS clearing_price_yuan,
                 CAST(a.reserve_price_yuan AS DOUBLE) AS reserve_price_yuan,
                 CAST(a.clearing_price_yuan * a.sold AS DOUBLE) AS turnover_yuan,
                 CASE WHEN a.undersubscribed THEN '认购不足' ELSE '足额认购' END AS subscription
          FROM gold.auction_results a
          LEFT JOIN (SELECT region, auction_id, SUM(quantity) AS demand FROM silver.bids WHERE quantity > 0 GROUP BY region, auction_id) b
            ON b.region = a.region AND b.auction_id = a.auction_id
          """.formatted(regionName("a.region"), zoneName("a.zone_id")), "gold.auction_results", "silver.bids")
      .text("region", "地区编码").text("region_name", "地区").integer("year", "年度").text("year_label", "年度")
      .text("auction_id", "拍卖").text("zone_id", "功能区编码").text("zone_name", "水功能区").text("pollutant", "标的")
      .integer("supply", "供应量").integer("sold", "成交量").number("demand", "投标量").integer("bids_received", "投标数")
      .integer("bids_awarded", "中标数").number("clearing_price_yuan", "出清价（元）").number("reserve_price_yuan", "基准价（元）")
      .number("turnover_yuan", "成交额（元）").text("subscription", "认购情况")
      .metric("clearing_price", "出清价（元/单位）", "AVG(clearing_price_yuan)", ",.2f")
      .metric("benchmark_price", "基准价（元/单位）", "AVG(reserve_price_yuan)", ",.2f")
      .metric("supply_units", "供应量", "SUM(supply)", ",d")
      .metric("demand_units", "投标量", "SUM(demand)", ",.0f")
      .metric("sold_units", "成交量", "SUM(sold)", ",d")
      .metric("turnover_10k_yuan", "成交额（万元）", "SUM(turnover_yuan) / 1e4", ",.2f")
      .metric("auctions", "拍卖场次", "COUNT(*)", ",d")
      .build();

  static final DatasetDef BENCHMARKS = DatasetDef.builder("benchmark_prices", "基准价：功能区 × 污染物 × 年度")
      .sql("""
          SELECT b.region, %s AS region_name, CAST(b.year AS VARCHAR) AS year_label, b.zone_id, %s AS zone_name, b.pollutant,
                 CAST(b.benchmark_price_yuan_per_t_a AS DOUBLE) AS benchmark_price_yuan_per_t_a,
                 CAST(b.annualized_cost_yuan AS DOUBLE) AS annualized_cost_yuan, b.tradable_capacity_t_a
          FROM gold.benchmark_prices b
          """.formatted(regionName("b.region"), zoneName("b.zone_id")), "gold.benchmark_prices")
      .text("region", "地区编码").text("region_name", "地区").text("year_label", "年度").text("zone_id", "功能区编码")
      .text("zone_name", "水功能区").text("pollutant", "污染物").number("benchmark_price_yuan_per_t_a", "基准价（元/(t/a)）")
      .number("annualized_cost_yuan", "年化成本（元）").number("tradable_capacity_t_a", "可交易容量（t/a）")
      .metric("benchmark_price", "基准价（元/(t/a)）", "AVG(benchmark_price_yuan_per_t_a)", ",.0f")
      .metric("annualized_cost_10k_yuan", "年化成本（万元）", "SUM(annualized_cost_yuan) / 1e4", ",.1f")
      .build();

  // ---------------------------------------------------------------- compensation
  static final DatasetDef COMPENSATION = DatasetDef.builder("compensation_flows", "生态补偿台账（每笔取最新修订）")
      .sql("""
          SELECT l.region, %s AS region_name, l.year, CAST(l.year AS VARCHAR) AS year_label, l.period, l.entry_id,
                 l.agreement_id, l.method, %s AS method_name, l.payer, l.payee, l.status, %s AS status_name, l.revision,
                 CAST(l.amount_yuan AS DOUBLE) AS amount_yuan
          FROM (SELECT c.*, c.revision = MAX(c.revision) OVER (PARTITION BY c.region, c.agreement_id, c.period, c.payer, c.payee) AS latest
                FROM gold.compensation_ledger c) l
          WHERE l.latest
          """.formatted(regionName("l.region"), label("l.method", Sql.COMPENSATION_METHODS), label("l.status", Sql.LEDGER_STATUS)),
          "gold.compensation_ledger")
      .text("region", "地区编码").text("region_name", "地区").integer("year", "年度").text("year_label", "年度")
      .text("period", "期间").text("entry_id", "台账条目").text("agreement_id", "协议").text("method", "方法编码")
      .text("method_name", "补偿方式").text("payer", "支付方").text("payee", "受偿方").text("status", "状态编码")
      .text("status_name", "审核状态").integer("revision", "修订版本").number("amount_yuan", "金额（元）")
      .metric("amount_10k_yuan", "补偿金额（万元）", "SUM(amount_yuan) / 1e4", ",.2f")
      .metric("entries", "台账条目数", "COUNT(*)", ",d")
      .build();

  // ---------------------------------------------------------------- green finance
  static final DatasetDef COLLATERAL = DatasetDef.builder("green_finance_collateral", "质押品估值（各地区最新估值日）")
      .sql("""
          SELECT v.region, %s AS region_name, CAST(v.valuation_date AS VARCHAR) AS valuation_date, v.bank_id,
                 COALESCE(b.bank_name, v.bank_id) AS bank_name, v.loan_id, v.pledge_id, v.right_id,
                 COALESCE(v.right_type, 'unknown') AS right_type, %s AS right_type_name, v.status, %s AS status_name,
                 v.quantity, CAST(v.collateral_value_yuan AS DOUBLE) AS collateral_value_yuan,
                 CAST(v.max_loan_yuan AS DOUBLE) AS max_loan_yuan,
                 CAST(v.outstanding_yuan AS DOUBLE) / COUNT(*) OVER (PARTITION BY v.region, v.valuation_date, v.loan_id) AS outstanding_share_yuan,
                 v.ltv, CASE WHEN v.status = 'ltv_breach' THEN 1 ELSE 0 END AS margin_call
          FROM gold.collateral_valuation v
          LEFT JOIN silver.banks b ON b.region = v.region AND b.bank_id = v.bank_id
          WHERE v.valuation_date = (SELECT MAX(x.valuation_date) FROM gold.collateral_valuation x WHERE x.region = v.region)
          """.formatted(regionName("v.region"), label("COALESCE(v.right_type, 'unknown')", Sql.RIGHT_TYPES),
              label("v.status", Sql.COLLATERAL_STATUS)),
          "gold.collateral_valuation", "silver.banks")
      .text("region", "地区编码").text("region_name", "地区").text("valuation_date", "估值日").text("bank_id", "银行编码")
      .text("bank_name", "银行").text("loan_id", "贷款").text("pledge_id", "质押").text("right_id", "质押权利")
      .text("right_type", "权利类型编码").text("right_type_name", "权利类型").text("status", "状态编码").text("status_name", "状态")
      .number("quantity", "质押数量").number("collateral_value_yuan", "质押品价值（元）").number("max_loan_yuan", "最高可贷（元）")
      .number("outstanding_share_yuan", "贷款余额分摊（元）").number("ltv", "抵质押率上限").integer("margin_call", "追加保证金")
      .metric("pledged_value_10k_yuan", "质押品价值（万元）", "SUM(collateral_value_yuan) / 1e4", ",.1f")
      .metric("outstanding_10k_yuan", "贷款余额（万元）", "SUM(outstanding_share_yuan) / 1e4", ",.1f")
      .metric("max_loan_10k_yuan", "最高可贷（万元）", "SUM(max_loan_yuan) / 1e4", ",.1f")
      .metric("actual_ltv", "实际抵质押率（余额 ÷ 质押品价值）", "SUM(outstanding_share_yuan) / NULLIF(SUM(collateral_value_yuan), 0)", ".1%")
      .metric("margin_calls", "追加保证金笔数", "SUM(margin_call)", ",d")
      .metric("pledges", "质押笔数", "COUNT(*)", ",d")
      .build();

  static final DatasetDef STRESS = DatasetDef.builder("green_finance_stress", "质押品压力测试（各地区最新估值日）")
      .sql("""
          SELECT s.region, %s AS region_name, s.shock, format('%%+.0f%%%%', s.shock * 100) AS shock_label, s.pledge_id,
                 CAST(s.collateral_value_yuan AS DOUBLE) AS collateral_value_yuan,
                 CASE WHEN s.ltv_breach THEN 1 ELSE 0 END AS breach
          FROM gold.collateral_stress s
          WHERE s.valuation_date = (SELECT MAX(x.valuation_date) FROM gold.collateral_stress x WHERE x.region = s.region)
          """.formatted(regionName("s.region")), "gold.collateral_stress")
      .text("region", "地区编码").text("region_name", "地区").number("shock", "价格冲击").text("shock_label", "价格冲击")
      .text("pledge_id", "质押").number("collateral_value_yuan", "冲击后质押品价值（元）").integer("breach", "突破抵质押率")
      .metric("breaches", "突破抵质押率的质押笔数", "SUM(breach)", ",d")
      .metric("stressed_value_10k_yuan", "冲击后质押品价值（万元）", "SUM(collateral_value_yuan) / 1e4", ",.1f")
      .build();

  static final DatasetDef BANK_LOANS = DatasetDef.builder("green_finance_bank_loans", "银行贷款与绿色评级")
      .sql("""
          SELECT l.region, %s AS region_name, l.bank_id, COALESCE(b.bank_name, l.bank_id) AS bank_name,
                 COALESCE(l.green_rating, 'none') AS green_rating, l.loan_id,
                 CAST(l.outstanding_yuan AS DOUBLE) AS outstanding_yuan, CAST(l.principal_yuan AS DOUBLE) AS principal_yuan,
                 CASE WHEN COALESCE(l.green_rating, 'none') <> 'none' THEN CAST(l.outstanding_yuan AS DOUBLE) ELSE 0 END AS green_outstanding_yuan
          FROM silver.loans l
          LEFT JOIN silver.banks b ON b.region = l.region AND b.bank_id = l.bank_id
          """.formatted(regionName("l.region")), "silver.loans", "silver.banks")
      .text("region", "地区编码").text("region_name", "地区").text("bank_id", "银行编码").text("bank_name", "银行")
      .text("green_rating", "绿色评级").text("loan_id", "贷款").number("outstanding_yuan", "余额（元）")
      .number("principal_yuan", "本金（元）").number("green_outstanding_yuan", "绿色贷款余额（元）")
      .metric("loan_outstanding_10k_yuan", "贷款余额（万元）", "SUM(outstanding_yuan) / 1e4", ",.1f")
      .metric("green_share", "绿色贷款占比", "SUM(green_outstanding_yuan) / NULLIF(SUM(outstanding_yuan), 0)", ".1%")
      .metric("loans", "贷款笔数", "COUNT(*)", ",d")
      .build();

  // ---------------------------------------------------------------- carbon inclusion
  static final DatasetDef INCLUSION = DatasetDef.builder("carbon_inclusion_activity", "碳普惠：参与活动记录")
      .sql("""
          SELECT a.region, %s AS region_name, date_format(a.date, '%%Y-%%m') AS month, a.scenario, %s AS scenario_name,
                 a.user_type, %s AS user_type_name, a.user_id, a.activity, a.unit
          FROM silver.carbon_inclusion a
          """.formatted(regionName("a.region"), label("a.scenario", Sql.SCENARIOS), label("a.user_type", Sql.USER_TYPES)),
          "silver.carbon_inclusion")
      .text("region", "地区编码").text("region_name", "地区").text("month", "月份").text("scenario", "场景编码")
      .text("scenario_name", "场景").text("user_type", "用户类型编码").text("user_type_name", "用户类型").text("user_id", "用户")
      .number("activity", "活动量").text("unit", "单位")
      .metric("participants", "参与用户数", "COUNT(DISTINCT user_id)", ",d")
      .metric("activities", "活动记录数", "COUNT(*)", ",d")
      .metric("activity_amount", "活动量", "SUM(activity)", ",.0f")
      .build();

  // ---------------------------------------------------------------- dashboards
  static DashboardDef gepOverview() {
    return new DashboardDef("gep_overview", "生态产品总值（GEP）总览",
        "各地区、区县、年度的生态产品总值，按服务构成，同比增长与价值转化率。", List.of(
        List.of(
            Charts.bar("gep_by_region_year", "各地区 GEP（亿元）", "各地区各年度 GEP 合计。", GEP_GROWTH,
                "region_name", List.of("gep_100m_yuan"), "year_label", false).withSize(4, 50),
            Charts.line("gep_growth", "GEP 同比增长", "各地区 GEP 较上年的增长率（首个核算年无上年，不显示）。", GEP_GROWTH,
                "year_label", List.of("growth"), "region_name").withSize(4, 50),
            Charts.bar("gep_realization_rate", "GEP 转化率", "交易、生态补偿、绿色金融实现的价值 ÷ GEP。", REALIZATION,
                "region_name", List.of("realization_rate"), "year_label", false).withSize(4, 50)),
        List.of(
            Charts.bar("gep_by_district_year", "各区县 GEP（亿元）", "各区县各年度 GEP。", GEP,
                "district", List.of("gep_100m_yuan"), "year_label", false).withSize(12, 55)),
        List.of(
            Charts.bar("gep_by_service", "GEP 服务构成（最新年度，亿元）", "最新核算年度各项生态系统服务的价值。", GEP_LATEST,
                "service_name", List.of("gep_100m_yuan"), "region_name", true),
            Charts.pie("gep_by_category", "GEP 类别构成（最新年度）", "物质产品、调节服务、文化服务的价值占比。", GEP_LATEST,
                "category_name", "gep_100m_yuan")),
        List.of(
            Charts.table("gep_realization_table", "价值实现明细（万元）", "转化率的分子：交易、补偿、绿色金融。", REALIZATION,
                List.of("region_name", "year_label"),
                List.of("market_10k_yuan", "compensation_10k_yuan", "finance_10k_yuan", "realization_rate")).withSize(12, 40))));
  }

  static DashboardDef carbonSink() {
    List<ChartDef> maps = new ArrayList<>();
    for (Region region : Regions.all()) {
      Envelope box = region.envelope();
      double span = Math.max(box.getWidth(), box.getHeight());
      double zoom = Math.round(Math.log(360.0 / span) / Math.log(2) * 2) / 2.0;
      maps.add(Charts.polygonMap("carbon_sink_map_" + region.id(), region.name() + "网格碳汇（t CO₂/ha，最新年度）",
          "每个分析网格（按区县边界切分）的 CASA 碳汇，单位面积 CO₂。", carbonCells(region), "polygon_json", "co2_t_per_ha",
          box.centre().x, box.centre().y, zoom));
    }
    return new DashboardDef("carbon_sink", "碳汇",
        "CASA 模型网格碳汇地图、各地区趋势与区县排名。", List.of(
        maps,
        List.of(
            Charts.line("carbon_sink_trend", "碳汇趋势（万吨 CO₂）", "各地区各年度碳汇合计。", CARBON_DISTRICT,
                "year_label", List.of("co2_10k_t"), "region_name"),
            Charts.bar("carbon_sink_by_district", "各区县碳汇（万吨 CO₂）", "各区县各年度碳汇。", CARBON_DISTRICT,
                "district", List.of("co2_10k_t"), "year_label", false))));
  }

  static DashboardDef waterCapacity() {
    return new DashboardDef("water_capacity", "水环境容量",
        "各水功能区、污染物的可分配容量、已占用容量与超载情况。", List.of(
        List.of(
            Charts.bigNumber("water_capacity_exceeded", "超载（功能区 × 污染物 × 年度）", "剩余容量为负的组合数。", CAPACITY,
                "exceeded_zones", "个"),
            Charts.bigNumber("water_capacity_utilization", "容量占用率", "全部功能区、污染物的已占用 ÷ 可分配。", CAPACITY,
                "utilization", "已占用 ÷ 可分配"),
            Charts.bar("water_capacity_use_by_zone", "各功能区容量占用率", "已占用 ÷ 可分配，按污染物。", CAPACITY,
                "zone_name", List.of("utilization"), "pollutant", false)),
        List.of(
            Charts.table("water_capacity_table", "容量与占用明细（t/a）", "按剩余容量从少到多看超载。", CAPACITY,
                List.of("region_name", "year_label", "zone_name", "pollutant", "exceedance"),
                List.of("allocatable_t", "occupied_t", "remaining_t", "utilization")).withSize(12, 60))));
  }

  static DashboardDef ecoVoucherMarket() {
    return new DashboardDef("eco_voucher_market", "生态券市场",
        "生态券拍卖的出清价与基准价、成交量与成交额、供给与需求。", List.of(
        List.of(
            Charts.bar("eco_voucher_price_vs_benchmark", "出清价与基准价（元/单位）", "每场拍卖的统一出清价与底价（基准价）。", AUCTIONS,
                "auction_id", List.of("clearing_price", "benchmark_price"), null, false).withSize(12, 50)),
        List.of(
            Charts.bar("eco_voucher_supply_demand", "供给与需求（单位）", "每场拍卖的供应量、有效投标量与成交量。", AUCTIONS,
                "auction_id", List.of("supply_units", "demand_units", "sold_units"), null, false),
            Charts.bar("eco_voucher_turnover", "成交额（万元）", "各年度各标的成交额。", AUCTIONS,
                "year_label", List.of("turnover_10k_yuan"), "pollutant", true)),
        List.of(
            Charts.table("eco_voucher_benchmarks", "基准价（元/(t/a)）", "成本法基准价：年化成本 ÷ 可交易容量。", BENCHMARKS,
                List.of("region_name", "year_label", "zone_name", "pollutant"),
                List.of("benchmark_price", "annualized_cost_10k_yuan")).withSize(12, 45))));
  }

  static DashboardDef compensation() {
    return new DashboardDef("compensation", "生态补偿",
        "区域间补偿资金流向、审核状态与台账明细。", List.of(
        List.of(
            Charts.sankey("compensation_flows", "补偿资金流向（万元）", "支付方 → 受偿方，各期合计。", COMPENSATION,
                "payer", "payee", "amount_10k_yuan"),
            Charts.pie("compensation_review_status", "审核状态（万元）", "草稿、已复核、已发布的金额。", COMPENSATION,
                "status_name", "amount_10k_yuan")),
        List.of(
            Charts.bar("compensation_by_year_method", "各年度补偿金额（万元）", "按补偿方式。", COMPENSATION,
                "year_label", List.of("amount_10k_yuan"), "method_name", true),
            Charts.table("compensation_ledger_table", "补偿台账", "每个协议、支付方、受偿方、状态的金额。", COMPENSATION,
                List.of("agreement_id", "payer", "payee", "status_name"), List.of("amount_10k_yuan", "entries")))));
  }

  static DashboardDef greenFinance() {
    return new DashboardDef("green_finance", "绿色金融",
        "生态权益质押贷款：质押品价值、抵质押率、追加保证金、压力测试与银行绿色贷款。", List.of(
        List.of(
            Charts.bigNumber("green_finance_pledged_value", "质押品价值", "最新估值日质押品价值合计。", COLLATERAL,
                "pledged_value_10k_yuan", "万元"),
            Charts.bigNumber("green_finance_outstanding", "质押贷款余额", "最新估值日贷款余额（每笔贷款计一次）。", COLLATERAL,
                "outstanding_10k_yuan", "万元"),
            Charts.bigNumber("green_finance_margin_calls", "追加保证金", "余额超过最高可贷额的质押笔数。", COLLATERAL,
                "margin_calls", "笔"),
            Charts.bigNumber("green_finance_pledges", "质押笔数", "最新估值日估值的质押笔数。", COLLATERAL, "pledges", "笔")),
        List.of(
            Charts.bar("green_finance_ltv_by_right", "实际抵质押率（按权利类型）", "贷款余额 ÷ 质押品价值。", COLLATERAL,
                "right_type_name", List.of("actual_ltv"), "region_name", false),
            Charts.pie("green_finance_status", "质押状态", "正常、触发追加保证金、拒绝等。", COLLATERAL, "status_name", "pledges")),
        List.of(
            Charts.table("green_finance_by_bank", "各银行质押贷款（万元）", "按银行：质押品价值、最高可贷、余额、追加保证金。", COLLATERAL,
                List.of("region_name", "bank_name"),
                List.of("pledged_value_10k_yuan", "max_loan_10k_yuan", "outstanding_10k_yuan", "actual_ltv", "margin_calls")),
            Charts.bar("green_finance_stress", "压力测试：突破抵质押率的笔数", "价格下跌情景下余额超过最高可贷额的质押笔数。", STRESS,
                "shock_label", List.of("breaches"), "region_name", false)),
        List.of(
            Charts.bar("green_finance_bank_green_share", "各银行绿色贷款占比", "绿色评级（A/B/C）贷款余额 ÷ 全部贷款余额（银行评价的定量指标之一）。",
                BANK_LOANS, "bank_name", List.of("green_share"), "region_name", false).withSize(12, 45))));
  }

  static DashboardDef carbonInclusion() {
    return new DashboardDef("carbon_inclusion", "碳普惠",
        "碳普惠参与：用户数、活动记录、场景与用户类型。", List.of(
        List.of(
            Charts.bigNumber("carbon_inclusion_participants", "参与用户", "有活动记录的用户数。", INCLUSION, "participants", "人（户）"),
            Charts.bigNumber("carbon_inclusion_activities", "活动记录", "全部活动记录数。", INCLUSION, "activities", "条"),
            Charts.line("carbon_inclusion_monthly", "每月参与用户数", "按场景。", INCLUSION, "month", List.of("participants"), "scenario_name")),
        List.of(
            Charts.bar("carbon_inclusion_by_scenario", "各场景参与用户数", "按用户类型。", INCLUSION,
                "scenario_name", List.of("participants"), "user_type_name", true),
            Charts.table("carbon_inclusion_table", "各场景活动量", "活动量单位见“单位”列。", INCLUSION,
                List.of("region_name", "scenario_name", "unit"), List.of("participants", "activities", "activity_amount")))));
  }

  /** Every leadership dashboard, in the order of the menu. */
  public static List<DashboardDef> all() {
    return List.of(gepOverview(), carbonSink(), waterCapacity(), ecoVoucherMarket(), compensation(), greenFinance(),
        carbonInclusion());
  }
}
