package org.liangshan.generator;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.gce.geotiff.GeoTiffReader;

/** Test helpers that read a landing folder back: CSV tables, GeoTIFF rasters, file digests. */
final class Landing {
  private Landing() {}

  /** A CSV file read back: its header and rows of cells. */
  record Table(List<String> header, List<List<String>> rows) {
    int column(String name) {
      int index = header.indexOf(name);
      if (index < 0) {
        throw new IllegalArgumentException("No column " + name + " in " + header);
      }
      return index;
    }

    List<String> values(String name) {
      int index = column(name);
      return rows.stream().map(row -> row.get(index)).toList();
    }
  }

  static Table csv(Path path) {
    try {
      List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
      List<List<String>> rows = new ArrayList<>();
      for (int i = 1; i < lines.size(); i++) {
        rows.add(split(lines.get(i)));
      }
      return new Table(split(lines.get(0)), rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  /** A single-band raster read back with GeoTools. */
  record RasterData(int width, int height, double west, double north, double pixel, double[] values, double nodata, String crs) {}

  static RasterData raster(Path path) {
    GeoTiffReader reader = null;
    try {
      reader = new GeoTiffReader(new File(path.toString()));
      GridCoverage2D coverage = reader.read(null);
      var image = coverage.getRenderedImage();
      var data = image.getData();
      int width = image.getWidth();
      int height = image.getHeight();
      double[] values = data.getSamples(0, 0, width, height, 0, new double[width * height]);
      var envelope = coverage.getEnvelope2D();
      var nodata = org.geotools.coverage.util.CoverageUtilities.getNoDataProperty(coverage);
      String crs = org.geotools.referencing.CRS.toSRS(coverage.getCoordinateReferenceSystem());
      RasterData result =
          new RasterData(
              width, height, envelope.getMinX(), envelope.getMaxY(), envelope.getWidth() / width, values,
              nodata == null ? Double.NaN : nodata.getAsSingleValue(), crs);
      coverage.dispose(true);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (reader != null) {
        reader.dispose();
      }
    }
  }

  /** SHA-256 of every file under a folder, by relative path, in path order. */
  static Map<String, String> digests(Path root) {
    Map<String, String> result = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        result.put(root.relativize(file).toString(), HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return result;
  }

  static List<Path> files(Path root, String suffix) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The contract's header per file pattern (a regular expression on the path relative to the region folder). */
  static Map<String, List<String>> contractHeaders() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("sections/sections\\.csv", List.of("断面编码", "断面名称", "英文名称", "水功能区", "水体类型", "经度", "纬度", "是否跨界", "上游", "下游"));
    headers.put("water-quality-auto/[A-Z0-9-]+_\\d{4}\\.csv",
        List.of("断面编码", "监测时间", "水温(℃)", "pH", "溶解氧(mg/L)", "高锰酸盐指数(mg/L)", "氨氮(mg/L)", "总磷(mg/L)", "总氮(mg/L)"));
    headers.put("water-quality-manual/\\d{4}\\.csv", List.of("断面编码", "采样日期", "监测指标", "监测值", "单位"));
    headers.put("hydrology/\\d{4}\\.csv", List.of("断面编码", "日期", "流量(m³/s)", "水位(m)"));
    headers.put("flux/towers\\.csv", List.of("站点编码", "站点名称", "经度", "纬度", "植被类型"));
    headers.put("flux/[A-Z0-9-]+_\\d{4}\\.csv",
        List.of("TIMESTAMP_START", "TIMESTAMP_END", "NEE", "NEE_QC", "LE", "H", "TA", "SW_IN", "VPD", "USTAR"));
    headers.put("meteo/\\d{4}\\.csv",
        List.of("站号", "站名", "经度", "纬度", "日期", "平均气温(℃)", "降水量(mm)", "太阳总辐射(MJ/m²)", "相对湿度(%)", "平均风速(m/s)", "参考蒸散(mm)"));
    headers.put("enterprises/registry\\.csv", List.of("统一社会信用代码", "企业名称", "行业", "经度", "纬度", "所在区县", "水功能区", "登记日期"));
    headers.put("enterprises/activity_\\d{4}\\.csv",
        List.of("统一社会信用代码", "年月", "原煤消耗量(t)", "天然气消耗量(万m³)", "外购电力(MWh)", "产品产量(t)", "熟料产量(t)", "熟料CaO含量", "熟料MgO含量",
            "茶园面积(亩)", "床位数", "入住率", "存栏量(头)", "在线监测", "排水量(m³)", "化学需氧量排放浓度(mg/L)", "氨氮排放浓度(mg/L)",
            "总磷排放浓度(mg/L)", "总氮排放浓度(mg/L)"));
    headers.put("surveys/protection_costs\\.csv", List.of("调查年度", "水功能区", "污染物", "项目名称", "成本类型", "金额(元)", "使用年限(年)", "折现率"));
    headers.put("surveys/industry_cost_benefit\\.csv", List.of("调查年度", "行业", "污染物", "单位削减成本(元/t)", "单位排放产值(万元/t)"));
    headers.put("statistics/output_\\d{4}\\.csv", List.of("年度", "区县", "类别", "产值(万元)"));
    headers.put("statistics/water_supply_\\d{4}\\.csv", List.of("年度", "区县", "用途", "供水量(万m³)"));
    headers.put("statistics/tourism_\\d{4}\\.csv", List.of("年度", "区县", "游客人次(万人次)", "旅游收入(万元)", "生态旅游占比"));
    headers.put("market/rights_issued\\.csv", List.of("权证编号", "权利类型", "持有人", "水功能区", "标的", "数量", "单位", "签发日期", "有效期至", "生效日期", "期限类型"));
    headers.put("market/auctions\\.csv", List.of("拍卖编号", "水功能区", "标的", "供应量", "单位", "开始时间", "截止时间", "出清规则", "随机种子"));
    headers.put("market/bids\\.csv", List.of("投标编号", "拍卖编号", "投标人", "数量", "价格(元/单位)", "保证金(元)", "提交时间"));
    headers.put("market/trades\\.csv", List.of("成交编号", "成交日期", "权利类型", "数量", "成交价(元/单位)", "单位", "买方", "卖方", "标的"));
    headers.put("market/carbon_inclusion\\.csv", List.of("活动编号", "用户编号", "用户类型", "场景", "日期", "活动量", "单位"));
    headers.put("market/points_redemptions\\.csv", List.of("兑换编号", "用户编号", "日期", "积分", "兑换内容"));
    headers.put("market/credit_events\\.csv", List.of("事件编号", "主体编号", "主体类型", "日期", "事件类型", "严重程度", "说明"));
    headers.put("market/neutral_events\\.csv", List.of("活动编号", "活动名称", "主办方", "活动日期", "排放量(tCO2e)", "碳汇提供方"));
    headers.put("finance/banks\\.csv", List.of("银行编码", "银行名称", "银行类型"));
    headers.put("finance/loans\\.csv",
        List.of("贷款编号", "银行编码", "借款人", "借款人名称", "放款日期", "到期日", "本金(元)", "余额(元)", "利率", "绿色评级", "项目编号"));
    headers.put("finance/pledges\\.csv", List.of("质押编号", "贷款编号", "权证编号", "质押数量", "质押日期", "状态"));
    headers.put("finance/repayments\\.csv", List.of("贷款编号", "还款日期", "还款金额(元)"));
    headers.put("finance/borrowers\\.csv", List.of("统一社会信用代码", "年度", "企业价值EVIC(元)", "股本(元)", "负债(元)", "排放量(tCO2e)", "数据质量"));
    headers.put("finance/rights_register\\.csv",
        List.of("不动产单元号", "权利类型", "权利人", "面积(亩)", "植被类型", "林龄(年)", "区县", "经度", "纬度"));
    headers.put("finance/green_projects\\.csv", List.of("项目编号", "项目名称", "类别", "评级", "评级依据", "入库日期"));
    headers.put("finance/bank_qualitative\\.csv", List.of("银行编码", "季度", "政策执行", "制度建设", "支持产业"));
    return headers;
  }
}
