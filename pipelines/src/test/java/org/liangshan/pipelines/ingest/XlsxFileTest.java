package org.liangshan.pipelines.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liangshan.pipelines.source.SourceFamilies;

/**
 * .xlsx deliveries: workbooks written by POI here, read back through the streaming reader and the family's
 * header mapping and field types, as a CSV export of the same sheet would be.
 */
class XlsxFileTest {
  @TempDir Path dir;

  private static final FileParser.Known KNOWN = new FileParser.Known(Instant.parse("2026-01-01T00:00:00Z"), Map.of("section", Set.of("LY-S01")));

  /**
   * A hydrology year as an agency's spreadsheet has it: dates in a Chinese display format, flows with a
   * thousands separator, a level typed as text, a blank row, and a second sheet of notes.
   */
  private Path hydrologyWorkbook() throws IOException {
    Path file = dir.resolve("2024.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      CellStyle chineseDate = workbook.createCellStyle();
      chineseDate.setDataFormat(workbook.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
      CellStyle thousands = workbook.createCellStyle();
      thousands.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
      Sheet sheet = workbook.createSheet("2024");
      Row header = sheet.createRow(0);
      String[] headers = {"断面编码", "日期", "流量（m³/s）", "水位(m)"};
      for (int i = 0; i < headers.length; i++) {
        header.createCell(i).setCellValue(headers[i]);
      }
      Row first = sheet.createRow(1);
      first.createCell(0).setCellValue("LY-S01");
      first.createCell(1).setCellValue(LocalDate.of(2024, 7, 1));
      first.getCell(1).setCellStyle(chineseDate);
      first.createCell(2).setCellValue(1234.5);
      first.getCell(2).setCellStyle(thousands);
      first.createCell(3).setCellValue("4.20"); // a number stored as text
      sheet.createRow(2).createCell(0).setCellValue(""); // a blank row
      Row second = sheet.createRow(3);
      second.createCell(0).setCellValue("LY-S01");
      second.createCell(1).setCellValue(LocalDateTime.of(2024, 7, 2, 0, 0));
      second.getCell(1).setCellStyle(chineseDate);
      second.createCell(2).setCellValue("0.019");
      second.createCell(3).setCellValue(4.25);
      workbook.createSheet("说明").createRow(0).createCell(0).setCellValue("填报说明: not data");
      workbook.write(out);
    }
    return file;
  }

  @Test
  void theFirstSheetIsReadWithDatesIsoAndNumbersAsStored() throws Exception {
    XlsxFile sheet = XlsxFile.read(hydrologyWorkbook(), "liyang/hydrology/2024.xlsx", SourceFamilies.spec().policy());
    assertThat(sheet.headers()).containsExactly("断面编码", "日期", "流量（m³/s）", "水位(m)");
    assertThat(sheet.records()).extracting(r -> r.line() + " " + r.values()).containsExactly(
        "2 [LY-S01, 2024-07-01, 1234.5, 4.20]",
        "4 [LY-S01, 2024-07-02, 0.019, 4.25]");
  }

  @Test
  void aWorkbookLoadsThroughTheFamilysHeadersAndTypesLikeCsv() throws Exception {
    Path file = hydrologyWorkbook();
    List<FileParser.Parsed> parsed = new ArrayList<>();
    FileParser.parse(SourceFamilies.get("hydrology"), file, "liyang/hydrology/2024.xlsx", KNOWN, parsed::add);
    assertThat(parsed).allSatisfy(p -> assertThat(p.rejection()).isNull());
    // silver.hydrology: section_id, date, flow_m3_s, level_m
    assertThat(parsed).extracting(p -> Arrays.asList(p.silverRows().get(0)).toString()).containsExactly(
        "[LY-S01, 2024-07-01, 1234.5, 4.2]",
        "[LY-S01, 2024-07-02, 0.019, 4.25]");
    assertThat(parsed.get(0).silverRows().get(0)[1]).isEqualTo(java.sql.Date.valueOf("2024-07-01"));
  }

  @Test
  void aWorkbookWithoutARequiredColumnIsRefusedLikeACsvFile() throws Exception {
    Path file = dir.resolve("2023.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      Row header = workbook.createSheet().createRow(0);
      header.createCell(0).setCellValue("断面编码");
      header.createCell(1).setCellValue("流量(m³/s)");
      workbook.write(out);
    }
    assertThatThrownBy(() -> FileParser.parse(SourceFamilies.get("hydrology"), file, "liyang/hydrology/2023.xlsx", KNOWN, p -> { }))
        .isInstanceOf(FileRejected.class)
        .hasMessage("liyang/hydrology/2023.xlsx: missing required column(s) 日期 for family hydrology (found: 断面编码, 流量(m³/s)).");
  }

  @Test
  void aFileThatIsNotAWorkbookIsRefused() throws Exception {
    Path file = dir.resolve("2022.xlsx");
    Files.writeString(file, "断面编码,日期\n");
    assertThatThrownBy(() -> XlsxFile.read(file, "liyang/hydrology/2022.xlsx", SourceFamilies.spec().policy()))
        .isInstanceOf(FileRejected.class)
        .hasMessageStartingWith("liyang/hydrology/2022.xlsx: ");
  }
}
