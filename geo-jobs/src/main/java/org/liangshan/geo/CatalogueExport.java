package org.liangshan.geo;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.liangshan.core.LiangshanException;
import org.liangshan.geo.model.EcoProductCatalogue;
import org.liangshan.warehouse.TableCatalog;

/**
 * The eco-product catalogue of a region and year as an XLSX workbook (docs/eco-product-catalogue.md): sheet
 * 目录清单 holds one row per district and product, the columns of {@code gold.eco_product_catalogue} in its order
 * with the rights holder's label beside its type; sheet 说明 says where the products are declared and on what source.
 * Values are numbers in yuan (the table's, at six decimals); flags are TRUE or FALSE. The workbook is written beside
 * the target and moved in place, so a reader never sees half of it.
 */
public final class CatalogueExport {
  /** The columns of sheet 目录清单: the table's (without audit), the rights holder's label, then the audit columns. */
  public static final List<String> COLUMNS = List.of("region", "year", "district_code", "district", "product_id", "product",
      "category", "gep_service", "physical_quantity", "physical_unit", "value_yuan", "rights_holder_type", "rights_holder",
      "tradable", "pledgeable", "compensable", "parameter_set", "run_id");
  static final List<String> HEADERS = List.of("地区", "年度", "区县编码", "区县", "产品编码", "生态产品", "类别", "对应 GEP 服务",
      "实物量", "实物量单位", "价值（元）", "权利人类型", "权利人", "可交易", "可抵质押", "可补偿", "参数集", "核算批次");
  static final String SHEET = "目录清单";

  private CatalogueExport() {}

  /** Writes the workbook; returns the number of product rows. Refuses (bad input) when the table has none. */
  public static int write(TableCatalog catalog, String region, int year, Path target) {
    List<org.apache.spark.sql.Row> rows = catalog.exists(GeoTables.ECO_PRODUCT_CATALOGUE)
        ? catalog.read(GeoTables.ECO_PRODUCT_CATALOGUE).where(col("region").equalTo(region)).where(col("year").equalTo(year))
            .orderBy("district_code", "gep_service", "product_id").collectAsList()
        : List.of();
    if (rows.isEmpty()) {
      throw LiangshanException.badInput(
          "No eco-product catalogue of %s for %d in gold.eco_product_catalogue. Run the accounting first:"
              + " liangshan run accounting --region %s --year %d", region, year, region, year);
    }
    EcoProductCatalogue products = EcoProductCatalogue.load();
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Sheet sheet = workbook.createSheet(SHEET);
      Row header = sheet.createRow(0);
      Row codes = sheet.createRow(1);
      for (int c = 0; c < COLUMNS.size(); c++) {
        header.createCell(c).setCellValue(HEADERS.get(c));
        codes.createCell(c).setCellValue(COLUMNS.get(c));
      }
      int r = 2;
      for (org.apache.spark.sql.Row source : rows) {
        Row row = sheet.createRow(r++);
        for (int c = 0; c < COLUMNS.size(); c++) {
          String column = COLUMNS.get(c);
          Object value = column.equals("rights_holder")
              ? products.rightsHolderLabel(source.getAs("rights_holder_type"))
              : source.getAs(column);
          Cell cell = row.createCell(c);
          if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
          } else if (value instanceof Boolean flag) {
            cell.setCellValue(flag);
          } else if (value != null) {
            cell.setCellValue(value.toString());
          }
        }
      }
      Sheet notes = workbook.createSheet("说明");
      notes.createRow(0).createCell(0).setCellValue("生态产品目录清单 " + region + " " + year
          + "：产品在 geo-jobs spec/eco-products.yaml 中声明，数值来自 gold.eco_product_catalogue（各区县同一服务的产品价值之和等于 gold.gep_by_district 中该服务的价值）。");
      notes.createRow(1).createCell(0).setCellValue("Source: " + products.spec().source());
      notes.createRow(2).createCell(0).setCellValue("Status: " + products.spec().status());
      Files.createDirectories(target.toAbsolutePath().getParent());
      Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName().toString(), ".part");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        workbook.write(out);
      } catch (IOException e) {
        Files.deleteIfExists(tmp);
        throw e;
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw LiangshanException.failure(e, "Cannot write %s: %s", target, e.getMessage());
    }
    return rows.size();
  }

  /**
   * The product rows of a workbook written by {@link #write}, each cell as text (numbers as BigDecimal's plain
   * text of the double, flags as true/false, empty cells as null), in the order of {@link #COLUMNS}.
   */
  public static List<List<String>> read(Path workbookFile) {
    try (InputStream in = Files.newInputStream(workbookFile); Workbook workbook = new XSSFWorkbook(in)) {
      Sheet sheet = workbook.getSheet(SHEET);
      if (sheet == null) {
        throw LiangshanException.badInput("%s has no sheet %s; it is not an eco-product catalogue export.", workbookFile, SHEET);
      }
      List<List<String>> rows = new ArrayList<>();
      for (int r = 2; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < COLUMNS.size(); c++) {
          Cell cell = row.getCell(c);
          cells.add(cell == null || cell.getCellType() == CellType.BLANK ? null
              : switch (cell.getCellType()) {
                case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
                case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
                default -> cell.getStringCellValue();
              });
        }
        rows.add(cells);
      }
      return rows;
    } catch (IOException e) {
      throw LiangshanException.badInput(e, "Cannot read %s as XLSX: %s", workbookFile, e.getMessage());
    }
  }
}
