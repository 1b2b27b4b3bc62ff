package org.liangshan.pipelines.source;

import static org.liangshan.pipelines.source.FieldType.BOOLEAN;
import static org.liangshan.pipelines.source.FieldType.DATE;
import static org.liangshan.pipelines.source.FieldType.INTEGER;
import static org.liangshan.pipelines.source.FieldType.MONTH;
import static org.liangshan.pipelines.source.FieldType.TEXT;
import static org.liangshan.pipelines.source.FieldType.TIMESTAMP;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.liangshan.pipelines.source.Rejection.Reason;
import org.liangshan.warehouse.Column;
import org.liangshan.warehouse.TableDef;

/**
 * Every tabular source family, declared once: headers, types, ranges, natural keys and the silver table
 * each fills. The order is the load order ({@code ingest --all}): reference data before the records that
 * refer to it. docs/landing-formats.md documents the same contract for the agencies.
 */
public final class SourceFamilies {
  private SourceFamilies() {}

  /** Water-quality indicators, their silver code, valid range in the canonical unit, and that unit. */
  public record Indicator(String code, String nameZh, String unit, double min, double max) {}

  public static final List<Indicator> INDICATORS =
      List.of(
          new Indicator("cod", "化学需氧量", "mg/L", 0, 1000),
          new Indicator("codmn", "高锰酸盐指数", "mg/L", 0, 200),
          new Indicator("nh3n", "氨氮", "mg/L", 0, 100),
          new Indicator("tp", "总磷", "mg/L", 0, 20),
          new Indicator("tn", "总氮", "mg/L", 0, 100),
          new Indicator("do", "溶解氧", "mg/L", 0, 20),
          new Indicator("ph", "pH", "无量纲", 0, 14),
          new Indicator("water_temp", "水温", "℃", -5, 40));

  /** Silver columns of {@code silver.water_quality}, filled by both water-quality families. */
  static final List<Column> WATER_QUALITY_COLUMNS =
      List.of(
          Column.required("section_id", DataTypes.StringType, "monitoring section"),
          Column.required("observed_at", DataTypes.TimestampType, "time of observation (UTC)"),
          Column.required("method", DataTypes.StringType, "auto (automatic station) or manual (routine sampling)"),
          Column.required("indicator", DataTypes.StringType, "cod, codmn, nh3n, tp, tn, do, ph, water_temp"),
          Column.required("value", DataTypes.DoubleType, "value in the canonical unit"),
          Column.required("unit", DataTypes.StringType, "canonical unit: mg/L, ℃, 无量纲"));

  private static final List<SourceFamily> ALL = build();

  public static List<SourceFamily> all() {
    return ALL;
  }

  public static SourceFamily get(String name) {
    return ALL.stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(() -> org.liangshan.core.LiangshanException.badInput(
            "Unknown source family '%s'. Known families: %s.", name, String.join(", ", names())));
  }

  public static List<String> names() {
    return ALL.stream().map(SourceFamily::name).toList();
  }

  /** The silver tables, one per name (both water-quality families fill the same table). */
  public static List<TableDef> silverTables() {
    Map<String, TableDef> tables = new LinkedHashMap<>();
    for (SourceFamily family : ALL) {
      tables.putIfAbsent(family.silver().name(), family.silver());
    }
    return List.copyOf(tables.values());
  }

  public static TableDef silver(String tableName) {
    return silverTables().stream().filter(t -> t.name().equals(tableName)).findFirst().orElseThrow();
  }

  private static List<SourceFamily> build() {
    List<SourceFamily> f = new ArrayList<>();
    f.add(SourceFamily.builder("sections", "sections", "*.csv")
        .silver("sections", "Water-quality monitoring sections")
        .required("section_id", TEXT, "断面编码", "section id")
        .required("section_name", TEXT, "断面名称", "section name")
        .optional("name_en", TEXT, "英文名称", "English name")
        .required("zone_id", TEXT, "水功能区", "water-function zone")
        .code("water_body", true, "水体类型", "river or lake", "河流", "river", "湖库", "lake")
        .number("lon", true, "经度", 73, 136, "longitude, WGS 84")
        .number("lat", true, "纬度", 3, 54, "latitude, WGS 84")
        .field(bool("cross_boundary", true, "是否跨界", "cross-boundary section"))
        .optional("upstream", TEXT, "上游", "upstream party")
        .optional("downstream", TEXT, "下游", "downstream party")
        .naturalKey("section_id")
        .build());

    f.add(waterQualityAuto());
    f.add(waterQualityManual());

    f.add(SourceFamily.builder("hydrology", "hydrology", "*.csv")
        .silver("hydrology", "Daily flow and level at sections")
        .required("section_id", TEXT, "断面编码", "section").references("section_id", "section")
        .required("date", DATE, "日期", "day")
        .number("flow_m3_s", false, "流量(m³/s)", 0, 100000, "daily mean flow, m³/s")
        .number("level_m", false, "水位(m)", -10, 2000, "water level, m")
        .naturalKey("section_id", "date")
        .build());

    f.add(SourceFamily.builder("flux-towers", "flux", "towers.csv")
        .silver("flux_towers", "Eddy-covariance flux towers")
        .required("tower_id", TEXT, "站点编码", "tower id")
        .required("tower_name", TEXT, "站点名称", "tower name")
        .number("lon", true, "经度", 73, 136, "longitude")
        .number("lat", true, "纬度", 3, 54, "latitude")
        .code("veg_class", true, "植被类型", "CASA vegetation class",
            "ENF", "ENF", "EBF", "EBF", "DNF", "DNF", "DBF", "DBF", "MF", "MF", "SHRUB", "SHRUB",
            "GRASS", "GRASS", "CROP", "CROP", "WETLAND", "WETLAND")
        .naturalKey("tower_id")
        .build());

    f.add(flux());

    f.add(SourceFamily.builder("meteo", "meteo", "*.csv")
        .silver("meteo", "Daily meteorological station records")
        .required("station_id", TEXT, "站号", "station id")
        .required("station_name", TEXT, "站名", "station name")
        .number("lon", true, "经度", 73, 136, "longitude")
        .number("lat", true, "纬度", 3, 54, "latitude")
        .required("date", DATE, "日期", "day")
        .number("temp_mean_c", false, "平均气温(℃)", -50, 50, "daily mean air temperature, °C")
        .number("precip_mm", false, "降水量(mm)", 0, 1000, "daily precipitation, mm")
        .number("radiation_mj_m2", false, "太阳总辐射(MJ/m²)", 0, 45, "daily global radiation, MJ/m²")
        .number("rh_pct", false, "相对湿度(%)", 0, 100, "relative humidity, %")
        .number("wind_m_s", false, "平均风速(m/s)", 0, 60, "mean wind speed, m/s")
        .number("et0_mm", false, "参考蒸散(mm)", 0, 20, "reference evapotranspiration, mm")
        .naturalKey("station_id", "date")
        .build());

    f.add(vectors());

    f.add(SourceFamily.builder("enterprises", "enterprises", "registry.csv")
        .silver("enterprises", "Enterprise registry")
        .required("uscc", TEXT, "统一社会信用代码", "unified social credit code (GB 32100-2015)")
        .required("name", TEXT, "企业名称", "enterprise name")
        .code("industry", true, "行业", "industry", "钢铁", "steel", "水泥", "cement", "茶园", "tea_garden",
            "酒店", "hotel", "餐饮", "restaurant", "养殖场", "farm", "化工", "chemical", "印染", "textile", "林场", "forest_farm")
        .number("lon", true, "经度", 73, 136, "longitude")
        .number("lat", true, "纬度", 3, 54, "latitude")
        .required("district", TEXT, "所在区县", "district name")
        .optional("zone_id", TEXT, "水功能区", "water-function zone")
        .optional("registered_on", DATE, "登记日期", "registration date")
        .naturalKey("uscc")
        .build());

    f.add(SourceFamily.builder("enterprise-activity", "enterprises", "activity_*.csv")
        .silver("enterprise_activity", "Monthly enterprise activity: energy, production, discharge")
        .required("uscc", TEXT, "统一社会信用代码", "enterprise").references("uscc", "enterprise")
        .required("month", MONTH, "年月", "month, yyyy-MM")
        .number("coal_t", false, "原煤消耗量(t)", 0, 1e8, "raw coal burned, t")
        .number("gas_10k_m3", false, "天然气消耗量(万m³)", 0, 1e7, "natural gas burned, 10⁴ m³")
        .number("electricity_mwh", false, "外购电力(MWh)", 0, 1e8, "purchased electricity, MWh")
        .number("output_t", false, "产品产量(t)", 0, 1e8, "product output, t")
        .number("clinker_t", false, "熟料产量(t)", 0, 1e8, "clinker produced, t")
        .number("clinker_cao_frac", false, "熟料CaO含量", 0, 1, "CaO mass fraction of clinker")
        .number("clinker_mgo_frac", false, "熟料MgO含量", 0, 1, "MgO mass fraction of clinker")
        .number("tea_area_mu", false, "茶园面积(亩)", 0, 1e6, "tea-garden area, mu")
        .number("beds", false, "床位数", 0, 1e5, "hotel beds")
        .number("occupancy", false, "入住率", 0, 1, "occupancy rate")
        .number("livestock_head", false, "存栏量(头)", 0, 1e7, "livestock on hand, head")
        .field(bool("metered", false, "在线监测", "discharge metered online"))
        .number("discharge_m3", false, "排水量(m³)", 0, 1e9, "wastewater discharged, m³")
        .number("cod_mg_l", false, "化学需氧量排放浓度(mg/L)", 0, 10000, "COD in discharge, mg/L")
        .number("nh3n_mg_l", false, "氨氮排放浓度(mg/L)", 0, 1000, "NH3-N in discharge, mg/L")
        .number("tp_mg_l", false, "总磷排放浓度(mg/L)", 0, 100, "TP in discharge, mg/L")
        .number("tn_mg_l", false, "总氮排放浓度(mg/L)", 0, 1000, "TN in discharge, mg/L")
        .naturalKey("uscc", "month")
        .build());

    f.add(SourceFamily.builder("protection-costs", "surveys", "protection_costs*.csv")
        .silver("protection_costs", "Protection and governance cost survey")
        .field(new FieldSpec("survey_year", List.of("调查年度", "survey_year"), INTEGER, true, 1990, 2100, Map.of(), "survey year"))
        .required("zone_id", TEXT, "水功能区", "water-function zone")
        .code("pollutant", true, "污染物", "pollutant", "COD", "COD", "NH3-N", "NH3-N", "氨氮", "NH3-N", "TP", "TP", "总磷", "TP", "TN", "TN", "总氮", "TN")
        .required("item", TEXT, "项目名称", "cost item")
        .code("cost_type", true, "成本类型", "capital, operating or opportunity", "建设投资", "capital", "运行维护", "operating", "机会成本", "opportunity")
        .money("amount_yuan", true, "金额(元)", "amount, yuan")
        .number("life_years", false, "使用年限(年)", 1, 100, "service life of a capital item, years")
        .number("discount_rate", false, "折现率", 0, 0.5, "discount rate of a capital item")
        .naturalKey("survey_year", "zone_id", "pollutant", "item")
        .build());

    f.add(SourceFamily.builder("industry-cost-benefit", "surveys", "industry_cost_benefit*.csv")
        .silver("industry_cost_benefit", "Industry cost-benefit survey")
        .field(new FieldSpec("survey_year", List.of("调查年度", "survey_year"), INTEGER, true, 1990, 2100, Map.of(), "survey year"))
        .required("industry", TEXT, "行业", "industry")
        .required("pollutant", TEXT, "污染物", "pollutant")
        .number("abatement_cost_yuan_per_t", true, "单位削减成本(元/t)", 0, 1e9, "abatement cost, yuan per t")
        .number("output_value_10k_yuan_per_t", true, "单位排放产值(万元/t)", 0, 1e9, "output value per t emitted, 10⁴ yuan")
        .naturalKey("survey_year", "industry", "pollutant")
        .build());

    f.add(SourceFamily.builder("stat-output", "statistics", "output_*.csv")
        .silver("stat_output", "Agriculture, forestry, livestock and fishery output value")
        .field(new FieldSpec("year", List.of("年度", "year"), INTEGER, true, 1990, 2100, Map.of(), "year"))
        .required("district", TEXT, "区县", "district")
        .code("category", true, "类别", "sector", "农业", "agriculture", "林业", "forestry", "牧业", "livestock", "渔业", "fishery")
        .number("output_10k_yuan", true, "产值(万元)", 0, 1e9, "output value, 10⁴ yuan")
        .naturalKey("year", "district", "category")
        .build());

    f.add(SourceFamily.builder("stat-water-supply", "statistics", "water_supply_*.csv")
        .silver("stat_water_supply", "Water supply by use")
        .field(new FieldSpec("year", List.of("年度", "year"), INTEGER, true, 1990, 2100, Map.of(), "year"))
        .required("district", TEXT, "区县", "district")
        .code("use", true, "用途", "use", "生活", "domestic", "工业", "industrial", "农业", "agricultural")
        .number("supply_10k_m3", true, "供水量(万m³)", 0, 1e8, "water supplied, 10⁴ m³")
        .naturalKey("year", "district", "use")
        .build());

    f.add(SourceFamily.builder("stat-tourism", "statistics", "tourism_*.csv")
        .silver("stat_tourism", "Tourism visits and revenue")
        .field(new FieldSpec("year", List.of("年度", "year"), INTEGER, true, 1990, 2100, Map.of(), "year"))
        .required("district", TEXT, "区县", "district")
        .number("visits_10k", true, "游客人次(万人次)", 0, 1e6, "visits, 10⁴")
        .number("revenue_10k_yuan", true, "旅游收入(万元)", 0, 1e9, "tourism revenue, 10⁴ yuan")
        .number("eco_share", true, "生态旅游占比", 0, 1, "share of revenue attributable to ecosystems")
        .naturalKey("year", "district")
        .build());

    f.add(SourceFamily.builder("rights-issued", "market", "rights_issued*.csv")
        .silver("rights_issued", "Rights issued: eco-vouchers, quotas, permits, credits")
        .required("right_id", TEXT, "权证编号", "right id")
        .code("right_type", true, "权利类型", "right type", "生态券", "eco_voucher", "碳配额", "carbon_quota",
            "排污权", "discharge_right", "林业碳汇", "carbon_sink_credit", "用能权", "energy_use_right",
            "绿证", "green_certificate", "林权", "forest_right", "森林覆盖率指标", "forest_coverage_index")
        .required("holder", TEXT, "持有人", "holder USCC or party")
        .optional("zone_id", TEXT, "水功能区", "water-function zone, for water rights")
        .optional("subject", TEXT, "标的", "pollutant or gas; empty for rights that have none (forest rights, certificates)")
        .number("quantity", true, "数量", 0, 1e12, "quantity in unit")
        .required("unit", TEXT, "单位", "unit")
        .required("issued_on", DATE, "签发日期", "issue date")
        .optional("valid_until", TEXT, "有效期至", "expiry date, yyyy-MM-dd")
        .naturalKey("right_id")
        .build());

    f.add(SourceFamily.builder("auctions", "market", "auctions*.csv")
        .silver("auctions", "Eco-voucher auction calendar")
        .required("auction_id", TEXT, "拍卖编号", "auction id")
        .optional("zone_id", TEXT, "水功能区", "zone")
        .required("subject", TEXT, "标的", "pollutant")
        .number("supply", true, "供应量", 0, 1e12, "units offered")
        .required("unit", TEXT, "单位", "unit")
        .required("opens_at", TIMESTAMP, "开始时间", "bidding opens")
        .required("closes_at", TIMESTAMP, "截止时间", "bidding closes")
        .code("rule", true, "出清规则", "clearing rule", "lowest_accepted", "lowest_accepted", "highest_rejected", "highest_rejected")
        .field(new FieldSpec("tie_seed", List.of("随机种子", "tie_seed"), FieldType.LONG, true, 0, Long.MAX_VALUE, Map.of(), "seed for the tie order"))
        .naturalKey("auction_id")
        .build());

    f.add(SourceFamily.builder("bids", "market", "bids*.csv")
        .silver("bids", "Sealed bids as submitted (validity is judged by the auction, not here)")
        .required("bid_id", TEXT, "投标编号", "bid id")
        .required("auction_id", TEXT, "拍卖编号", "auction").references("auction_id", "auction")
        .required("bidder", TEXT, "投标人", "bidder USCC")
        .number("quantity", true, "数量", Double.NEGATIVE_INFINITY, 1e12, "units bid for (validated at auction)")
        .number("price_yuan", true, "价格(元/单位)", Double.NEGATIVE_INFINITY, 1e12, "price per unit (validated at auction)")
        .money("deposit_yuan", true, "保证金(元)", "deposit lodged")
        .required("submitted_at", TIMESTAMP, "提交时间", "time of submission")
        .naturalKey("bid_id")
        .build());

    f.add(SourceFamily.builder("trades", "market", "trades*.csv")
        .silver("trades", "Exchange trades: the price history valuations use")
        .required("trade_id", TEXT, "成交编号", "trade id")
        .required("trade_date", DATE, "成交日期", "trade date")
        .code("right_type", true, "权利类型", "right type", "生态券", "eco_voucher", "碳配额", "carbon_quota",
            "排污权", "discharge_right", "林业碳汇", "carbon_sink_credit", "用能权", "energy_use_right",
            "绿证", "green_certificate", "林权", "forest_right", "森林覆盖率指标", "forest_coverage_index")
        .number("quantity", true, "数量", 0, 1e12, "quantity")
        .number("price_yuan", true, "成交价(元/单位)", 0, 1e12, "price per unit")
        .optional("buyer", TEXT, "买方", "buyer")
        .optional("seller", TEXT, "卖方", "seller")
        .optional("subject", TEXT, "标的", "pollutant or gas the right is for (prices differ by subject)")
        .check("quantity_positive", "quantity > 0")
        .naturalKey("trade_id")
        .build());

    f.add(SourceFamily.builder("carbon-inclusion", "market", "carbon_inclusion*.csv")
        .silver("carbon_inclusion", "Carbon-inclusion (碳普惠) activities")
        .required("activity_id", TEXT, "活动编号", "activity id")
        .required("user_id", TEXT, "用户编号", "user")
        .code("user_type", true, "用户类型", "person, enterprise or organisation", "个人", "person", "企业", "enterprise", "机构", "organisation")
        .code("scenario", true, "场景", "scenario", "公交出行", "public_transport", "新能源汽车", "nev", "充电", "ev_charging",
            "垃圾分类", "waste_sorting", "清洁农业", "clean_agriculture")
        .required("date", DATE, "日期", "date")
        .number("activity", true, "活动量", 0, 1e7, "activity amount")
        .required("unit", TEXT, "单位", "unit of the activity")
        .naturalKey("activity_id")
        .build());

    f.add(SourceFamily.builder("points-redemptions", "market", "points_redemptions*.csv")
        .silver("points_redemptions", "Eco-points redeemed (积分兑换) as requested; the points ledger refuses those above the balance")
        .required("redemption_id", TEXT, "兑换编号", "redemption id")
        .required("user_id", TEXT, "用户编号", "person or organisation")
        .required("date", DATE, "日期", "date of the request")
        .field(new FieldSpec("points", List.of("积分", "points"), FieldType.LONG, true, 1, 1e9, Map.of(), "points asked for"))
        .optional("reward", TEXT, "兑换内容", "what the points buy")
        .naturalKey("redemption_id")
        .build());

    f.add(SourceFamily.builder("credit-events", "market", "credit_events*.csv")
        .silver("credit_events", "Credit events: environmental violations recorded against a party (Tianjin green credit)")
        .required("event_id", TEXT, "事件编号", "event id")
        .required("subject_id", TEXT, "主体编号", "enterprise USCC, organisation or person")
        .code("subject_type", true, "主体类型", "person, enterprise or organisation", "个人", "person", "企业", "enterprise", "机构", "organisation")
        .required("date", DATE, "日期", "date recorded")
        .code("event_type", true, "事件类型", "event type", "环境违法", "violation")
        .code("severity", true, "严重程度", "severity", "一般", "minor", "较重", "serious", "严重", "grave")
        .optional("description", TEXT, "说明", "what happened")
        .naturalKey("event_id")
        .build());

    f.add(SourceFamily.builder("neutral-events", "market", "neutral_events*.csv")
        .silver("neutral_events", "Events that offset their emissions by retiring carbon-sink credits (活动碳中和)")
        .required("event_id", TEXT, "活动编号", "event id")
        .required("event_name", TEXT, "活动名称", "event name")
        .required("organiser", TEXT, "主办方", "organiser (the certificate's beneficiary)")
        .required("event_date", DATE, "活动日期", "date of the event; credits are retired on it")
        .number("emissions_tco2e", true, "排放量(tCO2e)", 0, 1e7, "the event's verified emissions, tCO2e")
        .required("credit_holder", TEXT, "碳汇提供方", "holder whose carbon-sink credits are retired")
        .check("emissions_positive", "emissions_tco2e > 0")
        .naturalKey("event_id")
        .build());

    f.add(SourceFamily.builder("banks", "finance", "banks.csv")
        .silver("banks", "Banks")
        .required("bank_id", TEXT, "银行编码", "bank id")
        .required("bank_name", TEXT, "银行名称", "bank name")
        .optional("bank_type", TEXT, "银行类型", "bank type")
        .naturalKey("bank_id")
        .build());

    f.add(SourceFamily.builder("loans", "finance", "loans.csv")
        .silver("loans", "Loans")
        .required("loan_id", TEXT, "贷款编号", "loan id")
        .required("bank_id", TEXT, "银行编码", "bank").references("bank_id", "bank")
        .required("borrower", TEXT, "借款人", "borrower USCC")
        .optional("borrower_name", TEXT, "借款人名称", "borrower name")
        .required("disbursed_on", DATE, "放款日期", "disbursement date")
        .required("matures_on", TEXT, "到期日", "maturity date, yyyy-MM-dd")
        .money("principal_yuan", true, "本金(元)", "principal")
        .money("outstanding_yuan", true, "余额(元)", "outstanding balance")
        .number("rate", true, "利率", 0, 0.5, "annual interest rate")
        .code("green_rating", false, "绿色评级", "green rating", "A", "A", "B", "B", "C", "C", "none", "none", "无", "none")
        .optional("project_id", TEXT, "项目编号", "green project")
        .naturalKey("loan_id")
        .build());

    f.add(SourceFamily.builder("pledges", "finance", "pledges.csv")
        .silver("pledges", "Pledges of rights as loan collateral, as registered (double pledges are judged by valuation)")
        .required("pledge_id", TEXT, "质押编号", "pledge id")
        .required("loan_id", TEXT, "贷款编号", "loan").references("loan_id", "loan")
        .required("right_id", TEXT, "权证编号", "pledged right")
        .number("quantity", true, "质押数量", 0, 1e12, "quantity pledged")
        .required("pledged_on", DATE, "质押日期", "pledge date")
        .code("status", true, "状态", "active or released", "有效", "active", "解除", "released")
        .naturalKey("pledge_id")
        .build());

    f.add(SourceFamily.builder("repayments", "finance", "repayments.csv")
        .silver("repayments", "Loan repayments")
        .required("loan_id", TEXT, "贷款编号", "loan").references("loan_id", "loan")
        .required("repaid_on", DATE, "还款日期", "date")
        .money("amount_yuan", true, "还款金额(元)", "amount")
        .naturalKey("loan_id", "repaid_on")
        .build());

    f.add(SourceFamily.builder("borrowers", "finance", "borrowers.csv")
        .silver("borrowers", "Borrower financials and emissions for PCAF")
        .required("uscc", TEXT, "统一社会信用代码", "borrower")
        .field(new FieldSpec("year", List.of("年度", "year"), INTEGER, true, 1990, 2100, Map.of(), "year"))
        .money("evic_yuan", false, "企业价值EVIC(元)", "enterprise value including cash")
        .money("equity_yuan", false, "股本(元)", "equity")
        .money("debt_yuan", false, "负债(元)", "debt")
        .number("emissions_tco2e", true, "排放量(tCO2e)", 0, 1e9, "scope 1+2 emissions, tCO2e")
        .field(new FieldSpec("data_quality", List.of("数据质量", "data_quality"), INTEGER, true, 1, 5, Map.of(), "PCAF data-quality score"))
        .naturalKey("uscc", "year")
        .build());

    f.add(SourceFamily.builder("rights-register", "finance", "rights_register.csv")
        .silver("rights_register", "Natural-resource rights register")
        .required("parcel_id", TEXT, "不动产单元号", "parcel id")
        .code("right_type", true, "权利类型", "right type", "林权", "forest", "水域滩涂养殖权", "aquaculture", "土地承包经营权", "land_contract")
        .required("holder", TEXT, "权利人", "holder")
        .number("area_mu", true, "面积(亩)", 0, 1e7, "area, mu")
        .optional("veg_class", TEXT, "植被类型", "vegetation class")
        .number("stand_age_years", false, "林龄(年)", 0, 500, "stand age, years")
        .required("district", TEXT, "区县", "district")
        .number("lon", true, "经度", 73, 136, "longitude")
        .number("lat", true, "纬度", 3, 54, "latitude")
        .naturalKey("parcel_id")
        .build());

    f.add(SourceFamily.builder("green-projects", "finance", "green_projects.csv")
        .silver("green_projects", "Green project library with ratings")
        .required("project_id", TEXT, "项目编号", "project id")
        .required("name", TEXT, "项目名称", "project name")
        .required("category", TEXT, "类别", "category")
        .code("rating", true, "评级", "rating", "A", "A", "B", "B", "C", "C")
        .required("criteria", TEXT, "评级依据", "rating criteria")
        .required("listed_on", DATE, "入库日期", "date listed")
        .naturalKey("project_id")
        .build());

    f.add(SourceFamily.builder("bank-qualitative", "finance", "bank_qualitative.csv")
        .silver("bank_qualitative", "Qualitative scores of banks for the PBoC evaluation")
        .required("bank_id", TEXT, "银行编码", "bank").references("bank_id", "bank")
        .required("quarter", TEXT, "季度", "quarter, yyyy-Qn")
        .number("policy", true, "政策执行", 0, 100, "policy execution score")
        .number("system", true, "制度建设", 0, 100, "internal system score")
        .number("support", true, "支持产业", 0, 100, "industry support score")
        .naturalKey("bank_id", "quarter")
        .build());
    return List.copyOf(f);
  }

  private static FieldSpec bool(String column, boolean required, String header, String description) {
    return new FieldSpec(column, List.of(header, column), BOOLEAN, required, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Map.of(), description);
  }

  private static SourceFamily waterQualityAuto() {
    SourceFamily.Builder b = SourceFamily.builder("water-quality-auto", "water-quality-auto", "*.csv")
        .silver("water_quality", "Water quality, long: one indicator value per row, canonical units")
        .required("section_id", TEXT, "断面编码", "section")
        .required("observed_at", TIMESTAMP, "监测时间", "time of observation");
    Map<String, String> headerOf = new LinkedHashMap<>();
    headerOf.put("water_temp", "水温(℃)");
    headerOf.put("ph", "pH");
    headerOf.put("do", "溶解氧(mg/L)");
    headerOf.put("codmn", "高锰酸盐指数(mg/L)");
    headerOf.put("nh3n", "氨氮(mg/L)");
    headerOf.put("tp", "总磷(mg/L)");
    headerOf.put("tn", "总氮(mg/L)");
    List<FieldSpec> values = new ArrayList<>();
    for (Map.Entry<String, String> e : headerOf.entrySet()) {
      Indicator indicator = indicator(e.getKey());
      String column = e.getKey().equals("ph") ? "ph" : e.getKey() + (indicator.unit().equals("mg/L") ? "_mg_l" : "_c");
      FieldSpec spec = new FieldSpec(column, List.of(e.getValue(), column), FieldType.DOUBLE, false, indicator.min(), indicator.max(), Map.of(),
          indicator.nameZh() + " " + indicator.unit());
      values.add(spec);
      b.field(spec);
    }
    FieldSpec sectionSpec = b.build().field("section_id");
    FieldSpec timeSpec = b.build().field("observed_at");
    List<FieldSpec> valueSpecs = List.copyOf(values);
    List<String> codes = List.copyOf(headerOf.keySet());
    return b.mapper(WATER_QUALITY_COLUMNS, (raw, context) -> {
      String section = (String) sectionSpec.parse(raw.get("section_id"), context.now());
      checkKnown(context, "section", section, "section_id", "断面编码");
      Object time = timeSpec.parse(raw.get("observed_at"), context.now());
      List<Object[]> rows = new ArrayList<>();
      for (int i = 0; i < valueSpecs.size(); i++) {
        Object value = valueSpecs.get(i).parse(raw.get(valueSpecs.get(i).column()), context.now());
        if (value != null) {
          rows.add(new Object[] {section, time, "auto", codes.get(i), value, indicator(codes.get(i)).unit()});
        }
      }
      if (rows.isEmpty()) {
        throw new Rejection(Reason.MISSING_VALUE, null, "record carries no indicator value");
      }
      return rows;
    }).naturalKey("section_id", "observed_at", "method", "indicator").build();
  }

  private static SourceFamily waterQualityManual() {
    SourceFamily.Builder b = SourceFamily.builder("water-quality-manual", "water-quality-manual", "*.csv")
        .silver("water_quality", "Water quality, long: one indicator value per row, canonical units")
        .required("section_id", TEXT, "断面编码", "section")
        .required("sampled_on", DATE, "采样日期", "sampling date")
        .required("indicator", TEXT, "监测指标", "indicator name")
        .required("value", TEXT, "监测值", "value as reported")
        .required("unit", TEXT, "单位", "unit as reported");
    SourceFamily draft = b.build();
    FieldSpec sectionSpec = draft.field("section_id");
    FieldSpec dateSpec = draft.field("sampled_on");
    return b.mapper(WATER_QUALITY_COLUMNS, (raw, context) -> {
      String section = (String) sectionSpec.parse(raw.get("section_id"), context.now());
      checkKnown(context, "section", section, "section_id", "断面编码");
      java.sql.Date date = (java.sql.Date) dateSpec.parse(raw.get("sampled_on"), context.now());
      String name = raw.getOrDefault("indicator", "").strip();
      Indicator indicator = INDICATORS.stream()
          .filter(i -> i.nameZh().equalsIgnoreCase(name) || i.code().equalsIgnoreCase(name))
          .findFirst()
          .orElseThrow(() -> new Rejection(Reason.UNKNOWN_CODE, "indicator",
              "'" + name + "' is not a known indicator; expected one of "
                  + String.join(", ", INDICATORS.stream().map(Indicator::nameZh).toList())));
      String valueText = raw.getOrDefault("value", "").strip();
      double value;
      try {
        value = Double.parseDouble(valueText);
      } catch (NumberFormatException e) {
        throw new Rejection(valueText.isEmpty() ? Reason.MISSING_VALUE : Reason.NOT_A_NUMBER, "value",
            "'" + valueText + "' in '监测值' is not a number");
      }
      String unit = raw.getOrDefault("unit", "").strip();
      double factor = unitFactor(indicator, unit);
      double canonical = value * factor;
      if (canonical < indicator.min()) {
        throw new Rejection(indicator.min() == 0 ? Reason.NEGATIVE_VALUE : Reason.OUT_OF_RANGE, "value",
            indicator.nameZh() + " = " + valueText + " " + unit + " is below the minimum " + indicator.min());
      }
      if (canonical > indicator.max()) {
        throw new Rejection(Reason.OUT_OF_RANGE, "value",
            indicator.nameZh() + " = " + valueText + " " + unit + " is above the plausible maximum " + indicator.max() + " " + indicator.unit());
      }
      // Routine samples are taken in the morning; the date is stored as 00:00 China Standard Time.
      java.sql.Timestamp at = java.sql.Timestamp.from(date.toLocalDate().atStartOfDay().toInstant(FieldSpec.CST));
      return List.<Object[]>of(new Object[] {section, at, "manual", indicator.code(), canonical, indicator.unit()});
    }).naturalKey("section_id", "observed_at", "method", "indicator").build();
  }

  private static double unitFactor(Indicator indicator, String unit) throws Rejection {
    String u = unit.replace(" ", "").toLowerCase(Locale.ROOT);
    if (indicator.unit().equals("mg/L")) {
      switch (u) {
        case "mg/l":
          return 1;
        case "μg/l", "µg/l", "ug/l":
          return 0.001;
        case "g/m³", "g/m3":
          return 1;
        default:
          break;
      }
    } else if (indicator.unit().equals("℃") && (u.equals("℃") || u.equals("°c") || u.equals("c"))) {
      return 1;
    } else if (indicator.unit().equals("无量纲") && (u.equals("无量纲") || u.isEmpty() || u.equals("-"))) {
      return 1;
    }
    throw new Rejection(Reason.UNKNOWN_UNIT, "unit",
        "unit '" + unit + "' is not accepted for " + indicator.nameZh() + "; expected " + indicator.unit()
            + (indicator.unit().equals("mg/L") ? " or μg/L" : ""));
  }

  private static void checkKnown(RecordMapper.Context context, String reference, String id, String column, String header)
      throws Rejection {
    if (!context.known(reference).isEmpty() && !context.known(reference).contains(id)) {
      throw new Rejection(Reason.UNKNOWN_REFERENCE, column, "'" + id + "' in '" + header + "' is not a known " + reference);
    }
  }

  private static Indicator indicator(String code) {
    return INDICATORS.stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
  }

  /**
   * Boundaries and zones as GeoJSON or Shapefile (.shp with sidecars, a folder, or a .zip): one silver row
   * per feature, geometry as WKT in WGS 84 (Shapefiles reprojected from their .prj). Invalid
   * geometries are quarantined with the validator's reason rather than repaired silently.
   */
  private static SourceFamily vectors() {
    SourceFamily.Builder b = SourceFamily.builder("vectors", "vectors", "*.{geojson,shp,zip}")
        .format(SourceFamily.Format.GEOJSON)
        .silver("vectors", "Boundaries and zones (GeoJSON or Shapefile), one row per feature, WGS 84")
        .required("layer", TEXT, "LAYER", "layer: the file name without extension (districts, water_function_zones)")
        .fileNameColumn("layer")
        .field(new FieldSpec("feature_id", List.of("code", "zone_id", "id", "编码"), TEXT, true, Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY, Map.of(), "feature id (division code, zone id)"))
        .field(new FieldSpec("name", List.of("name", "名称"), TEXT, false, Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY, Map.of(), "feature name"))
        .required("geometry", TEXT, "geometry", "GeoJSON geometry");
    SourceFamily draft = b.build();
    FieldSpec layerSpec = draft.field("layer");
    FieldSpec idSpec = draft.field("feature_id");
    FieldSpec nameSpec = draft.field("name");
    List<Column> columns = List.of(
        Column.required("layer", DataTypes.StringType, "layer"),
        Column.required("feature_id", DataTypes.StringType, "feature id"),
        Column.optional("name", DataTypes.StringType, "feature name"),
        Column.required("geometry_type", DataTypes.StringType, "Polygon or MultiPolygon"),
        Column.required("wkt", DataTypes.StringType, "geometry as WKT, WGS 84 lon/lat"),
        Column.required("area_deg2", DataTypes.DoubleType, "planar area in square degrees (metric areas are computed by the geo jobs)"));
    return b.mapper(columns, (raw, context) -> {
      String layer = (String) layerSpec.parse(raw.get("layer"), context.now());
      String id = (String) idSpec.parse(raw.get("feature_id"), context.now());
      String name = (String) nameSpec.parse(raw.get("name"), context.now());
      String geometryJson = raw.getOrDefault("geometry", "");
      if (geometryJson.isBlank()) {
        throw new Rejection(Reason.MISSING_VALUE, "geometry", "feature " + id + " has no geometry");
      }
      org.locationtech.jts.geom.Geometry geometry;
      if (geometryJson.startsWith("INVALID:")) {
        // A Shapefile shape the reader could not assemble (open ring, stray hole): quarantined with its reason.
        throw new Rejection(Reason.INVALID_GEOMETRY, "geometry", "feature " + id + " is not a valid polygon: "
            + geometryJson.substring("INVALID:".length()));
      }
      try {
        if (geometryJson.startsWith("{")) {
          com.fasterxml.jackson.databind.JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(geometryJson);
          geometry = org.liangshan.core.region.GeoJson.strictGeometry(node, "feature " + id);
        } else {
          // Shapefile shapes arrive as WKT, already reprojected to WGS 84 from the .prj's CRS.
          geometry = new org.locationtech.jts.io.WKTReader().read(geometryJson);
          if (!(geometry instanceof org.locationtech.jts.geom.Polygon || geometry instanceof org.locationtech.jts.geom.MultiPolygon)) {
            throw new IllegalArgumentException("feature " + id + " is a " + geometry.getGeometryType() + ", not a polygon");
          }
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException | org.locationtech.jts.io.ParseException | IllegalArgumentException e) {
        throw new Rejection(Reason.INVALID_GEOMETRY, "geometry", e.getMessage());
      }
      org.locationtech.jts.operation.valid.IsValidOp valid = new org.locationtech.jts.operation.valid.IsValidOp(geometry);
      if (!valid.isValid()) {
        throw new Rejection(Reason.INVALID_GEOMETRY, "geometry",
            "feature " + id + " is not a valid polygon: " + valid.getValidationError());
      }
      org.locationtech.jts.geom.Envelope e = geometry.getEnvelopeInternal();
      if (e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinY() < -90 || e.getMaxY() > 90) {
        throw new Rejection(Reason.OUT_OF_RANGE, "geometry",
            "feature " + id + " has coordinates outside longitude/latitude ranges: deliver WGS 84 degrees");
      }
      return List.<Object[]>of(new Object[] {layer, id, name, geometry.getGeometryType(), geometry.toText(), geometry.getArea()});
    }).naturalKey("layer", "feature_id").build();
  }

  private static final java.time.format.DateTimeFormatter FLUX_STAMP =
      java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmm");

  private static SourceFamily flux() {
    SourceFamily.Builder b = SourceFamily.builder("flux", "flux", "*_*.csv")
        .silver("flux", "Half-hourly eddy-covariance records; -9999 becomes null")
        .required("tower_id", TEXT, "TOWER_ID", "tower (from the file name)")
        .fileNameColumn("tower_id")
        .required("timestamp_start", TEXT, "TIMESTAMP_START", "yyyyMMddHHmm local standard time");
    String[][] vars = {
        {"NEE", "nee_umol_m2_s", "-100", "100", "net ecosystem exchange, µmol CO₂ m⁻² s⁻¹"},
        {"NEE_QC", "nee_qc", "0", "3", "NEE quality flag"},
        {"LE", "le_w_m2", "-500", "1500", "latent heat flux, W m⁻²"},
        {"H", "h_w_m2", "-500", "1500", "sensible heat flux, W m⁻²"},
        {"TA", "ta_c", "-50", "50", "air temperature, °C"},
        {"SW_IN", "sw_in_w_m2", "0", "1500", "incoming shortwave radiation, W m⁻²"},
        {"VPD", "vpd_hpa", "0", "100", "vapour-pressure deficit, hPa"},
        {"USTAR", "ustar_m_s", "0", "10", "friction velocity, m s⁻¹"}};
    List<FieldSpec> specs = new ArrayList<>();
    for (String[] v : vars) {
      FieldSpec spec = new FieldSpec(v[1], List.of(v[0], v[1]), FieldType.DOUBLE, false, Double.parseDouble(v[2]), Double.parseDouble(v[3]), Map.of(), v[4]);
      specs.add(spec);
      b.field(spec);
    }
    List<Column> columns = new ArrayList<>();
    columns.add(Column.required("tower_id", DataTypes.StringType, "tower"));
    columns.add(Column.required("ts_start", DataTypes.TimestampType, "start of the half hour (UTC)"));
    for (FieldSpec spec : specs) {
      columns.add(Column.optional(spec.column(), DataTypes.DoubleType, spec.description()));
    }
    List<FieldSpec> valueSpecs = List.copyOf(specs);
    return b.mapper(columns, (raw, context) -> {
      String tower = raw.getOrDefault("tower_id", "").strip();
      checkKnown(context, "tower", tower, "tower_id", "TOWER_ID");
      String start = raw.getOrDefault("timestamp_start", "").strip();
      java.time.Instant at;
      try {
        at = java.time.LocalDateTime.parse(start, FLUX_STAMP).toInstant(FieldSpec.CST);
      } catch (java.time.format.DateTimeParseException e) {
        throw new Rejection(Reason.BAD_DATE, "timestamp_start", "'" + start + "' in 'TIMESTAMP_START' is not yyyyMMddHHmm");
      }
      if (at.isAfter(context.now())) {
        throw new Rejection(Reason.FUTURE_TIMESTAMP, "timestamp_start", "TIMESTAMP_START " + start + " is in the future");
      }
      Object[] row = new Object[2 + valueSpecs.size()];
      row[0] = tower;
      row[1] = java.sql.Timestamp.from(at);
      for (int i = 0; i < valueSpecs.size(); i++) {
        String value = raw.get(valueSpecs.get(i).column());
        row[2 + i] = value != null && value.strip().equals("-9999") ? null : valueSpecs.get(i).parse(value, context.now());
      }
      return List.<Object[]>of(row);
    }).naturalKey("tower_id", "ts_start").build();
  }
}
