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
                 g.physical_quantity, g.physical_unit, CAST(g.value_yuan AS DOUBLE) AS value_yuan, g.share_of_district, g.growth
          FROM marts.gep_by_district g
          """.formatted(regionName("g.region"), label("g.service", Sql.SERVICES), label("g.category", Sql.CATEGORIES)),
          "marts.gep_by_district")
      .text("region", "地区编码").text("region_name", "地区").integer("year", "年度").text("year_label", "年度")
      .text("district_code", "区县编码").text("district", "区县").text("service", "服务编码").text("service_name", "生态系统服务")
      .text("category", "类别编码").text("category_name", "类别").number("physical_quantity", "实物量")
      .text("physical_unit", "实物量单位").number("value_yuan", "价值（元）").number("share_of_district", "占区县 GEP 比重")
      .number("growth", "同比增长")
      .metric("gep_100m_yuan", "GEP（亿元）", "SUM(value_yuan) / 1e8", ",.2f")
      .build();

  static final DatasetDef GEP_LATEST = DatasetDef.builder("gep_latest_year", "GEP：各地区最新核算年度")
      .sql("""
          SELECT g.region, %s AS region_name, CAST(g.year AS VARCHAR) AS year_label, g.district, g.service,
                 %s AS service_name, %s AS category_name, CAST(g.value_yuan AS DOUBLE) AS value_yuan
          FROM marts.gep_by_district g
          WHERE g.year = (SELECT MAX(x.year) FROM marts.gep_by_district x WHERE x.region = g.region)
          """.formatted(regionName("g.region"), label("g.service", Sql.SERVICES), label("g.category", Sql.CATEGORIES)),
          "marts.gep_by_district")
      .text("region", "地区编码").text("region_name", "地区").text("year_label", "年度").text("district", "区县")
      .text("service", "服务编码").text("service_name", "生态系统服务").text("category_name", "类别").number("value_yuan", "价值（元）")
      .metric("gep_100m_yuan", "GEP（亿元）", "SUM(value_yuan) / 1e8", ",.2f")
      .build();

  /**
   * GEP per region and year with its growth and the realization rate of gold.gep_realization (METHODOLOGY.md
   * section 2 and docs/methods/realization-rate.md: value realized through trading, compensation and eco-finance
   * ÷ GEP), on the region's row of that table through marts.gep_overview.
   */
  static final DatasetDef GEP_REGION = DatasetDef.builder("gep_region_year", "GEP：地区 × 年度，同比增长与价值实现")
      .sql("""
          SELECT o.region, %s AS region_name, o.year, CAST(o.year AS VARCHAR) AS year_label,
                 CAST(o.gep_yuan AS DOUBLE) AS gep_yuan, CAST(o.previous_year_gep_yuan AS DOUBLE) AS previous_year_gep_yuan,
                 CAST(o.epv_yuan AS DOUBLE) AS epv_yuan, CAST(o.erv_yuan AS DOUBLE) AS erv_yuan, CAST(o.ecv_yuan AS DOUBLE) AS ecv_yuan,
                 CAST(o.trading_yuan AS DOUBLE) AS trading_yuan, CAST(o.compensation_yuan AS DOUBLE) AS compensation_yuan,
                 CAST(o.eco_finance_yuan AS DOUBLE) AS eco_finance_yuan, CAST(o.realized_yuan AS DOUBLE) AS realized_yuan
          FROM marts.gep_overview o
          """.formatted(regionName("o.region")), "marts.gep_overview")
      .text("region", "地区编码").text("region_name", "地区").integer("year", "年度").text("year_label", "年度")
      .number("gep_yuan", "GEP（元）").number("previous_year_gep_yuan", "上年 GEP（元）")
      .number("epv_yuan", "物质产品价值（元）").number("erv_yuan", "调节服务价值（元）").number("ecv_yuan", "文化服务价值（元）")
      .number("trading_yuan", "市场交易（元）").number("compensation_yuan", "生态补偿（元）")
      .number("eco_finance_yuan", "生态金融（元）").number("realized_yuan", "实现价值（元）")
      .metric("gep_100m_yuan", "GEP（亿元）", "SUM(gep_yuan) / 1e8", ",.2f")
      .metric("growth", "同比增长", "SUM(gep_yuan) / NULLIF(SUM(previous_year_gep_yuan), 0) - 1", ".2%")
      .metric("realization_rate", "GEP 转化率", "SUM(realized_yuan) / NULLIF(SUM(gep_yuan), 0)", ".3%")
      .metric("trading_10k_yuan", "市场交易（万元）", "SUM(trading_yuan) / 1e4", ",.1f")
      .metric("compensation_10k_yuan", "生态补偿（万元）", "SUM(compensation_yuan) / 1e4", ",.1f")
      .metric("eco_finance_10k_yuan", "生态金融（万元）", "SUM(eco_finance_yuan) / 1e4", ",.1f")
      .metric("realized_10k_yuan", "实现价值合计（万元）", "SUM(realized_yuan) / 1e4", ",.1f")
      .build();

  /** GEP realization per district and year (gold.gep_realization through marts.gep_realization_by_district). */
  static final DatasetDef GEP_REALIZATION_DISTRICT = DatasetDef.builder("gep_realization_district", "GEP 转化率：区县 × 年度")
      .sql("""
          SELECT r.region, %s AS region_name, r.year, CAST(r.year AS VARCHAR) AS year_label, r.district_code,
                 CASE WHEN r.scope = 'unattributed' THEN '无法归属区县' ELSE r.district END AS district,
                 CAST(r.trading_yuan AS DOUBLE) AS trading_yuan, CAST(r.compensation_yuan AS DOUBLE) AS compensation_yuan,
                 CAST(r.eco_finance_yuan AS DOUBLE) AS eco_finance_yuan, CAST(r.realized_yuan AS DOUBLE) AS realized_yuan,
                 CAST(r.gep_yuan AS DOUBLE) AS gep_yuan
          FROM marts.gep_realization_by_district r
          """.formatted(regionName("r.region")), "marts.gep_realization_by_district")
      .text("region", "地区编码").text("region_name", "地区").integer("year", "年度").text("year_label", "年度")
      .text("district_code", "区县编码").text("district", "区县")
      .number("trading_yuan", "市场交易（元）").number("compensation_yuan", "生态补偿（元）")
      .number("eco_finance_yuan", "生态金融（元）").number("realized_yuan", "实现价值（元）").number("gep_yuan", "GEP（元）")
      .metric("realization_rate", "GEP 转化率", "SUM(realized_yuan) / NULLIF(SUM(gep_yuan), 0)", ".3%")
      .metric("realized_10k_yuan", "实现价值合计（万元）", "SUM(realized_yuan) / 1e4", ",.1f")
      .metric("trading_10k_yuan", "市场交易（万元）", "SUM(trading_yuan) / 1e4", ",.1f")
      .metric("compensation_10k_yuan", "生态补偿（万元）", "SUM(compensation_yuan) / 1e4", ",.1f")
      .metric("eco_finance_10k_yuan", "生态金融（万元）", "SUM(eco_finance_yuan) / 1e4", ",.1f")
      .build();

  // ---------------------------------------------------------------- carbon sink
  static DatasetDef carbonCells(Region region) {
    return DatasetDef.builder("carbon_sink_cells_" + region.id(), region.name() + "：网格碳汇（最新年度）")
        .sql("""
            SELECT c.year, c.cell_id, c.district_code, c.district, c.polygon, c.veg_class, c.area_m2, c.nep_tc, c.co2_t
            FROM marts.carbon_sink_cells c
            WHERE c.region = %s
              AND c.year = (SELECT MAX(x.year) FROM marts.carbon_sink_cells x WHERE x.region = %s)
            """.formatted(Sql.literal(region.id()), Sql.literal(region.id())), "marts.carbon_sink_cells")
        .integer("year", "年度").text("cell_id", "网格").text("district_code", "区县编码").text("district", "区县")
        .text("polygon", "网格多边形").text("veg_class", "植被类型").number("area_m2", "面积（m²）").number("nep_tc", "NEP（t C）")
        .number("co2_t", "CO₂（t）")
        .metric("co2_t_per_ha", "单位面积碳汇（t CO₂/ha）", "SUM(co2_t) / NULLIF(SUM(area_m2) / 1e4, 0)", ",.2f")
        .build();
  }

  static final DatasetDef CARBON_DISTRICT = DatasetDef.builder("carbon_sink_district", "碳汇：区县 × 年度")
      .sql("""
          SELECT c.region, %s AS region_name, c.year, CAST(c.year AS VARCHAR) AS year_label, c.district_code, c.district,
                 c.area_m2, c.npp_tc, c.nep_tc, c.co2_t, c.previous_year_co2_t, c.co2_t_per_km2
          FROM marts.carbon_sink_by_district c
          """.formatted(regionName("c.region")), "marts.carbon_sink_by_district")
      .text("region", "地区编码").text("region_name", "地区").integer("year", "年度").text("year_label", "年度")
      .text("district_code", "区县编码").text("district", "区县").number("area_m2", "面积（m²）").number("npp_tc", "NPP（t C）")
      .number("nep_tc", "NEP（t C）").number("co2_t", "CO₂（t）").number("previous_year_co2_t", "上年 CO₂（t）")
      .number("co2_t_per_km2", "单位面积碳汇（t CO₂/km²）")
      .metric("co2_10k_t", "碳汇（万吨 CO₂）", "SUM(co2_t) / 1e4", ",.2f")
      .metric("co2_t_per_ha", "单位面积碳汇（t CO₂/ha）", "SUM(co2_t) / NULLIF(SUM(area_m2) / 1e4, 0)", ",.2f")
      .build();

  /**
   * CASA's ε_max calibrated on the flux towers (docs/methods/flux-calibration.md): per tower and year the
   * class's fitted ε_max against the prior it started from, and the fit at the tower (R², RMSE, bias of the
   * monthly GPP). {@code applied} says whether the carbon sink used the fitted value.
   */
  static final DatasetDef FLUX_CALIBRATION = DatasetDef.builder("flux_calibration", "碳汇模型校准：通量塔 × 年度")
      .sql("""
          SELECT f.region, %s AS region_name, CAST(f.year AS VARCHAR) AS year_label, f.tower_id, f.tower_name,
                 f.veg_class, %s AS veg_class_name, %s || ' · ' || %s AS class_label, f.months_paired,
                 f.eps_max_prior, f.eps_max_tower, f.eps_max_class, f.r_squared, f.rmse_gc_m2, f.bias_gc_m2,
                 CASE WHEN f.applied THEN '已采用校准值' ELSE '沿用先验值' END AS applied_label
          FROM marts.flux_calibration f
          """.formatted(regionName("f.region"), label("f.veg_class", Sql.VEGETATION_CLASSES), regionName("f.region"),
          label("f.veg_class", Sql.VEGETATION_CLASSES)), "marts.flux_calibration")
      .text("region", "地区编码").text("region_name", "地区").text("year_label", "年度").text("tower_id", "通量塔编码")
      .text("tower_name", "通量塔").text("veg_class", "植被类型编码").text("veg_class_name", "植被类型")
      .text("class_label", "地区 · 植被类型").integer("months_paired", "配对月数").number("eps_max_prior", "先验 ε_max（gC/MJ）")
      .number("eps_max_tower", "单塔拟合 ε_max（gC/MJ）").number("eps_max_class", "校准 ε_max（gC/MJ）")
      .number("r_squared", "R²").number("rmse_gc_m2", "RMSE（gC/m²）").number("bias_gc_m2", "偏差（gC/m²）")
      .text("applied_label", "是否采用")
      .metric("eps_max_prior_value", "先验 ε_max（gC/MJ）", "AVG(eps_max_prior)", ",.3f")
      .metric("eps_max_class_value", "校准 ε_max（gC/MJ）", "AVG(eps_max_class)", ",.3f")
      .metric("r_squared_value", "R²", "AVG(r_squared)", ",.3f")
      .metric("rmse_value", "RMSE（gC/m²/月）", "AVG(rmse_gc_m2)", ",.1f")
      .metric("bias_value", "偏差（gC/m²/月）", "AVG(bias_gc_m2)", ",.1f")
      .metric("months_paired_sum", "配对月数", "SUM(months_paired)", ",d")
      .build();

  // ---------------------------------------------------------------- water capacity
  static final DatasetDef CAPACITY = DatasetDef.builder("water_capacity_zone", "水环境容量：功能区 × 污染物 × 年度")
      .sql("""
          SELECT z.region, %s AS region_name, z.year, CAST(z.year AS VARCHAR) AS year_label, z.zone_id, %s AS zone_name,
                 z.pollutant, z.target_class, z.capacity_t_a, z.allocatable_t_a, z.occupied_t_a, z.remaining_t_a,
                 z.exceedance_t_a, z.enterprises, CASE WHEN z.exceeded THEN '超载' ELSE '未超载' END AS exceedance,
                 CASE WHEN z.exceeded THEN 1 ELSE 0 END AS exceeded
          FROM marts.water_capacity_by_zone z
          """.formatted(regionName("z.region"), zoneName("z.zone_id")), "marts.water_capacity_by_zone")
      .text("region", "地区编码").text("region_name", "地区").integer("year", "年度").text("year_label", "年度")
      .text("zone_id", "功能区编码").text("zone_name", "水功能区").text("pollutant", "污染物")
      .integer("target_class", "目标水质类别").number("capacity_t_a", "环境容量（t/a）").number("allocatable_t_a", "可分配容量（t/a）")
      .number("occupied_t_a", "已占用（t/a）").number("remaining_t_a", "剩余（t/a）").number("exceedance_t_a", "超出（t/a）")
      .integer("enterprises", "排污企业数").text("exceedance", "是否超载").integer("exceeded", "超载")
      .metric("allocatable_t", "可分配容量（t/a）", "SUM(allocatable_t_a)", ",.1f")
      .metric("occupied_t", "已占用（t/a）", "SUM(occupied_t_a)", ",.1f")
      .metric("remaining_t", "剩余容量（t/a）", "SUM(remaining_t_a)", ",.1f")
      .metric("exceedance_t", "超出可分配容量（t/a）", "SUM(exceedance_t_a)", ",.1f")
      .metric("utilization", "容量占用率", "SUM(occupied_t_a) / NULLIF(SUM(allocatable_t_a), 0)", ".1%")
      .metric("utilization_allocatable", "容量占用率（可分配容量为正者）",
          "SUM(CASE WHEN allocatable_t_a > 0 THEN occupied_t_a END) / NULLIF(SUM(CASE WHEN allocatable_t_a > 0 THEN allocatable_t_a END), 0)", ".1%")
      .metric("exceeded_zones", "超载的功能区 × 污染物 × 年度", "SUM(exceeded)", ",")
      .build();

  // ---------------------------------------------------------------- eco-voucher market
  static final DatasetDef AUCTIONS = DatasetDef.builder("eco_voucher_auctions", "生态券拍卖：出清价、基准价、供需")
      .sql("""
          SELECT a.region, %s AS region_name, a.year, CAST(a.year AS VARCHAR) AS year_label, a.auction_id,
                 a.zone_id, %s AS zone_name, a.pollutant, a.supply, a.demand, a.bidders, a.sold, a.sell_through,
                 CAST(a.clearing_price_yuan AS DOUBLE) AS clearing_price_yuan,
                 CAST(a.reserve_price_yuan AS DOUBLE) AS reserve_price_yuan, a.clearing_to_benchmark,
                 CAST(a.proceeds_yuan AS DOUBLE) AS proceeds_yuan, a.bids_received,
                 CASE WHEN a.undersubscribed THEN '认购不足' ELSE '足额认购' END AS subscription
          FROM marts.market_auctions a
          """.formatted(regionName("a.region"), zoneName("a.zone_id")), "marts.market_auctions")
      .text("region", "地区编码").text("region_name", "地区").integer("year", "年度").text("year_label", "年度")
      .text("auction_id", "拍卖").text("zone_id", "功能区编码").text("zone_name", "水功能区").text("pollutant", "标的")
      .integer("supply", "供应量").number("demand", "投标量").integer("bidders", "投标人数").integer("sold", "成交量")
      .number("sell_through", "成交率").number("clearing_price_yuan", "出清价（元）").number("reserve_price_yuan", "基准价（元）")
      .number("clearing_to_benchmark", "出清价 ÷ 基准价").number("proceeds_yuan", "成交额（元）").integer("bids_received", "投标数")
      .text("subscription", "认购情况")
      .metric("clearing_to_benchmark_ratio", "出清价 ÷ 基准价", "SUM(clearing_price_yuan * sold) / NULLIF(SUM(reserve_price_yuan * sold), 0)", ",.2f")
      .metric("clearing_price", "出清价（元/单位）", "AVG(clearing_price_yuan)", ",.2f")
      .metric("benchmark_price", "基准价（元/单位）", "AVG(reserve_price_yuan)", ",.2f")
      .metric("supply_units", "供应量", "SUM(supply)", ",d")
      .metric("demand_units", "投标量", "SUM(demand)", ",.0f")
      .metric("sold_units", "成交量", "SUM(sold)", ",d")
      .metric("turnover_10k_yuan", "成交额（万元）", "SUM(proceeds_yuan) / 1e4", ",.2f")
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

  static final DatasetDef TRADES = DatasetDef.builder("market_trades_monthly", "交易所成交：月度 × 权利类型")
      .sql("""
          SELECT t.region, %s AS region_name, date_format(t.month, '%%Y-%%m') AS month, t.right_type, %s AS right_type_name,
                 t.subject, t.trades, t.quantity, CAST(t.amount_yuan AS DOUBLE) AS amount_yuan
          FROM marts.market_trades_monthly t
          """.formatted(regionName("t.region"), label("t.right_type", Sql.RIGHT_TYPES)), "marts.market_trades_monthly")
      .text("region", "地区编码").text("region_name", "地区").text("month", "月份").text("right_type", "权利类型编码")
      .text("right_type_name", "权利类型").text("subject", "标的").integer("trades", "成交笔数").number("quantity", "成交量")
      .number("amount_yuan", "成交额（元）")
      .metric("vwap", "成交均价（元/单位）", "SUM(amount_yuan) / NULLIF(SUM(quantity), 0)", ",.2f")
      .metric("trade_amount_10k_yuan", "成交额（万元）", "SUM(amount_yuan) / 1e4", ",.1f")
      .build();

  // ---------------------------------------------------------------- compensation
  static final DatasetDef COMPENSATION = DatasetDef.builder("compensation_flows", "生态补偿台账（每笔取现行修订）")
      .sql("""
          SELECT l.region, %s AS region_name, l.year, CAST(l.year AS VARCHAR) AS year_label, l.period, l.entry_id,
                 l.agreement_id, l.method, %s AS method_name, l.payer, l.payee, l.status, %s AS status_name, l.revision,
                 CAST(l.amount_yuan AS DOUBLE) AS amount_yuan
          FROM marts.compensation_flows l
          WHERE l.latest_revision
          """.formatted(regionName("l.region"), label("l.method", Sql.COMPENSATION_METHODS), label("l.status", Sql.LEDGER_STATUS)),
          "marts.compensation_flows")
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
                 COALESCE(v.bank_name, v.bank_id) AS bank_name, v.loan_id, v.pledge_id, v.right_id,
                 COALESCE(v.right_type, 'unknown') AS right_type, %s AS right_type_name, v.status, %s AS status_name,
                 v.quantity, CAST(v.collateral_value_yuan AS DOUBLE) AS collateral_value_yuan,
                 CAST(v.max_loan_yuan AS DOUBLE) AS max_loan_yuan,
                 CAST(v.outstanding_yuan AS DOUBLE) / COUNT(*) OVER (PARTITION BY v.region, v.valuation_date, v.loan_id) AS outstanding_share_yuan,
                 CASE WHEN v.margin_call THEN 1 ELSE 0 END AS margin_call
          FROM marts.collateral_valuations v
          WHERE v.valuation_date = (SELECT MAX(x.valuation_date) FROM marts.collateral_valuations x WHERE x.region = v.region)
          """.formatted(regionName("v.region"), label("COALESCE(v.right_type, 'unknown')", Sql.RIGHT_TYPES),
              label("v.status", Sql.COLLATERAL_STATUS)),
          "marts.collateral_valuations")
      .text("region", "地区编码").text("region_name", "地区").text("valuation_date", "估值日").text("bank_id", "银行编码")
      .text("bank_name", "银行").text("loan_id", "贷款").text("pledge_id", "质押").text("right_id", "质押权利")
      .text("right_type", "权利类型编码").text("right_type_name", "权利类型").text("status", "状态编码").text("status_name", "状态")
      .number("quantity", "质押数量").number("collateral_value_yuan", "质押品价值（元）").number("max_loan_yuan", "最高可贷（元）")
      .number("outstanding_share_yuan", "贷款余额（按质押笔数分摊，元）").integer("margin_call", "追加保证金")
      .metric("pledged_value_10k_yuan", "质押品价值（万元）", "SUM(collateral_value_yuan) / 1e4", ",.1f")
      .metric("outstanding_10k_yuan", "贷款余额（万元）", "SUM(outstanding_share_yuan) / 1e4", ",.1f")
      .metric("actual_ltv", "实际抵质押率（余额 ÷ 质押品价值）", "SUM(outstanding_share_yuan) / NULLIF(SUM(collateral_value_yuan), 0)", ".1%")
      .metric("margin_calls", "追加保证金笔数", "SUM(margin_call)", ",")
      .metric("pledges", "质押笔数", "COUNT(*)", ",d")
      .build();

  static final DatasetDef BY_BANK = DatasetDef.builder("green_finance_by_bank", "各银行质押贷款（各地区最新估值日）")
      .sql("""
          SELECT b.region, %s AS region_name, CAST(b.valuation_date AS VARCHAR) AS valuation_date, b.bank_id,
                 COALESCE(b.bank_name, b.bank_id) AS bank_name, b.loans, b.pledges,
                 CAST(b.pledged_value_yuan AS DOUBLE) AS pledged_value_yuan, CAST(b.max_loan_yuan AS DOUBLE) AS max_loan_yuan,
                 CAST(b.outstanding_yuan AS DOUBLE) AS outstanding_yuan, b.margin_calls, b.refused_double_pledges
          FROM marts.green_finance_by_bank b
          WHERE b.valuation_date = (SELECT MAX(x.valuation_date) FROM marts.green_finance_by_bank x WHERE x.region = b.region)
          """.formatted(regionName("b.region")), "marts.green_finance_by_bank")
      .text("region", "地区编码").text("region_name", "地区").text("valuation_date", "估值日").text("bank_id", "银行编码")
      .text("bank_name", "银行").integer("loans", "贷款笔数").integer("pledges", "质押笔数").number("pledged_value_yuan", "质押品价值（元）")
      .number("max_loan_yuan", "最高可贷（元）").number("outstanding_yuan", "贷款余额（元）").integer("margin_calls", "追加保证金")
      .integer("refused_double_pledges", "重复质押（拒绝）")
      .metric("bank_pledged_10k_yuan", "质押品价值（万元）", "SUM(pledged_value_yuan) / 1e4", ",.1f")
      .metric("bank_max_loan_10k_yuan", "最高可贷（万元）", "SUM(max_loan_yuan) / 1e4", ",.1f")
      .metric("bank_outstanding_10k_yuan", "贷款余额（万元）", "SUM(outstanding_yuan) / 1e4", ",.1f")
      .metric("bank_ltv", "抵质押率", "SUM(outstanding_yuan) / NULLIF(SUM(pledged_value_yuan), 0)", ".1%")
      .metric("bank_margin_calls", "追加保证金笔数", "SUM(margin_calls)", ",d")
      .metric("bank_refused", "重复质押笔数", "SUM(refused_double_pledges)", ",d")
      .build();

  static final DatasetDef STRESS = DatasetDef.builder("green_finance_stress", "质押品压力测试（各地区最新估值日）")
      .sql("""
          SELECT s.region, %s AS region_name, s.shock, format('%%+.0f%%%%', s.shock * 100) AS shock_label, s.pledge_id,
                 CAST(s.collateral_value_yuan AS DOUBLE) AS collateral_value_yuan,
                 CASE WHEN s.ltv_breach THEN 1 ELSE 0 END AS breach
          FROM marts.collateral_stress s
          WHERE s.valuation_date = (SELECT MAX(x.valuation_date) FROM marts.collateral_stress x WHERE x.region = s.region)
          """.formatted(regionName("s.region")), "marts.collateral_stress")
      .text("region", "地区编码").text("region_name", "地区").number("shock", "价格冲击").text("shock_label", "价格冲击")
      .text("pledge_id", "质押").number("collateral_value_yuan", "冲击后质押品价值（元）").integer("breach", "突破抵质押率")
      .metric("breaches", "突破抵质押率的质押笔数", "SUM(breach)", ",")
      .metric("stressed_value_10k_yuan", "冲击后质押品价值（万元）", "SUM(collateral_value_yuan) / 1e4", ",.1f")
      .build();

  static final DatasetDef BANK_SCORES = DatasetDef.builder("bank_scores", "银行绿色金融评价：定性评分（季度）")
      .sql("""
          SELECT s.region, %s AS region_name, s.bank_id, COALESCE(s.bank_name, s.bank_id) AS bank_name,
                 CAST(s.quarter AS VARCHAR) AS quarter, s.policy, s.system, s.support, s.qualitative_score
          FROM marts.bank_scores s
          """.formatted(regionName("s.region")), "marts.bank_scores")
      .text("region", "地区编码").text("region_name", "地区").text("bank_id", "银行编码").text("bank_name", "银行")
      .text("quarter", "季度").number("policy", "政策执行").number("system", "制度建设").number("support", "产业支持")
      .number("qualitative_score", "定性评分")
      .metric("score", "定性评分（0-100）", "AVG(qualitative_score)", ",.1f")
      .metric("policy_score", "政策执行", "AVG(policy)", ",.1f")
      .metric("system_score", "制度建设", "AVG(system)", ",.1f")
      .metric("support_score", "产业支持", "AVG(support)", ",.1f")
      .build();

  // ---------------------------------------------------------------- carbon inclusion
  static final DatasetDef INCLUSION = DatasetDef.builder("carbon_inclusion_participation", "碳普惠参与：月度 × 场景 × 用户类型")
      .sql("""
          SELECT p.region, %s AS region_name, date_format(p.month, '%%Y-%%m') AS month, p.scenario, %s AS scenario_name,
                 p.user_type, %s AS user_type_name, p.unit, p.participants, p.activities, p.activity_total
          FROM marts.carbon_inclusion_participation p
          """.formatted(regionName("p.region"), label("p.scenario", Sql.SCENARIOS), label("p.user_type", Sql.USER_TYPES)),
          "marts.carbon_inclusion_participation")
      .text("region", "地区编码").text("region_name", "地区").text("month", "月份").text("scenario", "场景编码")
      .text("scenario_name", "场景").text("user_type", "用户类型编码").text("user_type_name", "用户类型").text("unit", "单位")
      .integer("participants", "参与用户数").integer("activities", "活动记录数").number("activity_total", "活动量")
      .metric("participants_sum", "参与用户数（按月、场景累计）", "SUM(participants)", ",d")
      .metric("activities_sum", "活动记录数", "SUM(activities)", ",d")
      .metric("activity_amount", "活动量", "SUM(activity_total)", ",.0f")
      .build();

  // ---------------------------------------------------------------- dashboards
  static DashboardDef gepOverview() {
    return new DashboardDef("gep_overview", "生态产品总值（GEP）总览",
        "各地区、区县、年度的生态产品总值，按服务构成，同比增长与价值转化率。", List.of(
        List.of(
            Charts.bar("gep_by_region_year", "各地区 GEP（亿元）", "各地区各年度 GEP 合计。", GEP_REGION,
                "region_name", List.of("gep_100m_yuan"), "year_label", false).withSize(4, 50),
            Charts.line("gep_growth", "GEP 同比增长", "各地区 GEP 较上年的增长率（首个核算年无上年，不显示）。", GEP_REGION,
                "year_label", List.of("growth"), "region_name").withSize(4, 50),
            Charts.bar("gep_realization_rate", "GEP 转化率", "市场交易、生态补偿与生态金融实现的价值 ÷ GEP。", GEP_REGION,
                "region_name", List.of("realization_rate"), "year_label", false).withSize(4, 50)),
        List.of(
            Charts.bar("gep_by_district_year", "各区县 GEP（亿元）", "各区县各年度 GEP。", GEP,
                "district", List.of("gep_100m_yuan"), "year_label", false).withSize(12, 55).with("xAxisLabelRotation", 45)),
        List.of(
            Charts.bar("gep_by_service", "GEP 服务构成（最新年度，亿元）", "最新核算年度各项生态系统服务的价值。", GEP_LATEST,
                "service_name", List.of("gep_100m_yuan"), "region_name", true).with("xAxisLabelRotation", 45),
            Charts.pie("gep_by_category", "GEP 类别构成（最新年度）", "物质产品、调节服务、文化服务的价值占比。", GEP_LATEST,
                "category_name", "gep_100m_yuan")),
        List.of(
            Charts.table("gep_realization_table", "价值实现明细（万元）", "转化率的分子：市场交易（生态券拍卖与权益交易）、生态补偿、生态金融。", GEP_REGION,
                List.of("region_name", "year_label"),
                List.of("gep_100m_yuan", "trading_10k_yuan", "compensation_10k_yuan", "eco_finance_10k_yuan", "realized_10k_yuan",
                    "realization_rate"))
                .withSize(12, 40)),
        List.of(
            Charts.bar("gep_realization_by_district", "各区县 GEP 转化率", "各区县实现价值 ÷ 该区县 GEP（无法归属区县的实现价值不计入区县）。",
                GEP_REALIZATION_DISTRICT, "district", List.of("realization_rate"), "year_label", false)
                .withSize(12, 50).with("xAxisLabelRotation", 45))));
  }

  static DashboardDef carbonSink() {
    List<ChartDef> maps = new ArrayList<>();
    for (Region region : Regions.all()) {
      Envelope box = region.envelope();
      double span = Math.max(box.getWidth(), box.getHeight());
      double zoom = Math.floor(Math.log(360.0 / span) / Math.log(2) * 2) / 2.0;
      maps.add(Charts.polygonMap("carbon_sink_map_" + region.id(), region.name() + "网格碳汇（t CO₂/ha，最新年度）",
          "每个分析网格（按区县边界切分）的 CASA 碳汇，单位面积 CO₂。", carbonCells(region), "polygon", "co2_t_per_ha",
          box.centre().x, box.centre().y, zoom));
    }
    return new DashboardDef("carbon_sink", "碳汇",
        "CASA 模型网格碳汇地图、各地区趋势与区县排名，通量塔校准。", List.of(
        maps,
        List.of(
            Charts.line("carbon_sink_trend", "碳汇趋势（万吨 CO₂）", "各地区各年度碳汇合计。", CARBON_DISTRICT,
                "year_label", List.of("co2_10k_t"), "region_name"),
            Charts.bar("carbon_sink_by_district", "各区县碳汇（万吨 CO₂）", "各区县各年度碳汇。", CARBON_DISTRICT,
                "district", List.of("co2_10k_t"), "year_label", false)),
        List.of(
            Charts.table("carbon_sink_flux_calibration", "通量塔校准：光能利用率 ε_max 与拟合优度",
                "CASA 最大光能利用率 ε_max 按植被类型用通量塔月 GPP 拟合；R²、RMSE、偏差为校准值在各塔的月 GPP 拟合结果。",
                FLUX_CALIBRATION, List.of("region_name", "year_label", "veg_class_name", "tower_name", "applied_label"),
                List.of("eps_max_prior_value", "eps_max_class_value", "r_squared_value", "rmse_value", "bias_value",
                    "months_paired_sum")).withSize(8, 50),
            Charts.bar("carbon_sink_eps_max", "ε_max：先验与校准（gC/MJ）", "各地区各植被类型的先验值与通量塔校准值。",
                FLUX_CALIBRATION, "class_label", List.of("eps_max_prior_value", "eps_max_class_value"), "year_label", false)
                .withSize(4, 50).with("xAxisLabelRotation", 30))));
  }

  static DashboardDef waterCapacity() {
    return new DashboardDef("water_capacity", "水环境容量",
        "各水功能区、污染物的可分配容量、已占用容量与超载情况。", List.of(
        List.of(
            Charts.bigNumber("water_capacity_exceeded", "超载（功能区 × 污染物 × 年度）", "已占用超过可分配容量的组合数。", CAPACITY,
                "exceeded_zones", "个"),
            Charts.bigNumber("water_capacity_utilization", "容量占用率", "全部功能区、污染物的已占用 ÷ 可分配。", CAPACITY,
                "utilization", "已占用 ÷ 可分配"),
            Charts.bar("water_capacity_use_by_zone", "各功能区容量占用率", "已占用 ÷ 可分配，按污染物；背景负荷已超过容量"
                + "（可分配容量不为正）的组合不在图中，见下表“超载”。", CAPACITY,
                "zone_name", List.of("utilization_allocatable"), "pollutant", false).with("xAxisLabelRotation", 30)),
        List.of(
            Charts.table("water_capacity_table", "容量与占用明细（t/a）", "超载：已占用超过可分配容量；超载量大者在前。", CAPACITY,
                List.of("region_name", "year_label", "zone_name", "pollutant", "exceedance"),
                List.of("exceedance_t", "allocatable_t", "occupied_t", "remaining_t", "utilization")).withSize(12, 60)
                .with("timeseries_limit_metric", "exceedance_t"))));
  }

  static DashboardDef ecoVoucherMarket() {
    return new DashboardDef("eco_voucher_market", "生态券市场",
        "生态券拍卖的出清价与基准价、成交量与成交额、供给与需求，交易所成交价格。", List.of(
        List.of(
            Charts.bar("eco_voucher_price_vs_benchmark", "出清价与基准价（元/单位）", "每场拍卖的统一出清价与底价（基准价）。", AUCTIONS,
                "auction_id", List.of("clearing_price", "benchmark_price"), null, false).withSize(8, 50).with("logAxis", true),
            Charts.bar("eco_voucher_premium", "出清价 ÷ 基准价（按成交量加权）", "1.00 即按基准价成交；按标的、年度。", AUCTIONS,
                "pollutant", List.of("clearing_to_benchmark_ratio"), "year_label", false).withSize(4, 50)),
        List.of(
            Charts.bar("eco_voucher_supply_demand", "供给与需求（单位）", "每场拍卖的供应量、投标量与成交量。", AUCTIONS,
                "auction_id", List.of("supply_units", "demand_units", "sold_units"), null, false),
            Charts.bar("eco_voucher_turnover", "成交额（万元）", "各年度各标的拍卖成交额。", AUCTIONS,
                "year_label", List.of("turnover_10k_yuan"), "pollutant", true)),
        List.of(
            Charts.line("market_trade_prices", "交易所成交均价（元/单位，对数坐标）", "各权利类型的月度成交量加权均价。", TRADES,
                "month", List.of("vwap"), "right_type_name").with("logAxis", true),
            Charts.table("eco_voucher_benchmarks", "基准价（元/(t/a)）", "成本法基准价：年化成本 ÷ 可交易容量。", BENCHMARKS,
                List.of("region_name", "year_label", "zone_name", "pollutant"),
                List.of("benchmark_price", "annualized_cost_10k_yuan")))));
  }

  static DashboardDef compensation() {
    return new DashboardDef("compensation", "生态补偿",
        "区域间补偿资金流向、审核状态与台账明细。", List.of(
        List.of(
            Charts.flows("compensation_flows", "补偿资金流向（万元）", "支付方 → 受偿方，各期合计；线宽为金额。", COMPENSATION,
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
        "生态权益质押贷款：质押品价值、抵质押率、追加保证金、压力测试与银行评价。", List.of(
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
            Charts.table("green_finance_by_bank", "各银行质押贷款（万元）", "按银行：质押品价值、最高可贷、余额、抵质押率、追加保证金。", BY_BANK,
                List.of("region_name", "bank_name"),
                List.of("bank_pledged_10k_yuan", "bank_max_loan_10k_yuan", "bank_outstanding_10k_yuan", "bank_ltv", "bank_margin_calls")),
            Charts.bar("green_finance_stress", "压力测试：突破抵质押率的笔数", "价格下跌情景下余额超过最高可贷额的质押笔数。", STRESS,
                "shock_label", List.of("breaches"), "region_name", false)),
        List.of(
            Charts.bar("green_finance_bank_scores", "银行绿色金融评价：定性评分", "政策执行、制度建设、产业支持（0-100）的季度平均。",
                BANK_SCORES, "bank_name", List.of("policy_score", "system_score", "support_score", "score"), null, false)
                .withSize(12, 50).with("xAxisLabelRotation", 45))));
  }

  static DashboardDef carbonInclusion() {
    return new DashboardDef("carbon_inclusion", "碳普惠",
        "碳普惠参与：参与用户、活动记录、场景与用户类型。", List.of(
        List.of(
            Charts.bigNumber("carbon_inclusion_activities", "活动记录", "全部碳普惠活动记录数。", INCLUSION, "activities_sum", "条"),
            Charts.bigNumber("carbon_inclusion_participants", "参与用户（人·月·场景）", "每月每场景的参与用户数之和。", INCLUSION,
                "participants_sum", "人次"),
            Charts.line("carbon_inclusion_monthly", "每月参与用户数", "按场景。", INCLUSION, "month", List.of("participants_sum"),
                "scenario_name")),
        List.of(
            Charts.bar("carbon_inclusion_by_scenario", "各场景活动记录", "按用户类型。", INCLUSION,
                "scenario_name", List.of("activities_sum"), "user_type_name", true),
            Charts.table("carbon_inclusion_table", "各场景活动量", "活动量单位见“单位”列。", INCLUSION,
                List.of("region_name", "scenario_name", "unit"), List.of("participants_sum", "activities_sum", "activity_amount")))));
  }

  /** Every leadership dashboard, in the order of the menu. */
  public static List<DashboardDef> all() {
    return List.of(gepOverview(), carbonSink(), waterCapacity(), ecoVoucherMarket(), compensation(), greenFinance(),
        carbonInclusion(), OperationsDashboards.dataQuality());
  }
}
