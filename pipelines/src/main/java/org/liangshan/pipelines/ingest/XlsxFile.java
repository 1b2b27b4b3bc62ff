package org.liangshan.pipelines.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.liangshan.pipelines.source.LandingSpec;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an Excel workbook (.xlsx) seen as records, like a CSV file: the first non-empty row is
 * the header, every later non-empty row a record whose "line" is its row number (1 = the first row). Read
 * with POI's streaming reader ({@link XSSFReader} and {@link XSSFSheetXMLHandler}: SAX events, never the
 * sheet as a DOM), after {@link ZipLimits} has bounded what the workbook unpacks to.
 *
 * <p>Each cell becomes the text a CSV export would carry, so that the family's fields type it as they type
 * CSV: a date cell is written ISO ({@code 2024-07-01}, or {@code 2024-07-01 08:00:00} with a time), whatever
 * its display format; a number is its stored value without the display format (no thousands separator,
 * percent sign or rounding to the shown decimals); text is as typed, so a number stored as text is then
 * read by the field like any CSV value; a formula gives its cached result.
 */
record XlsxFile(List<String> headers, List<CsvFile.Record> records) {
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  /** Whether the file is an Excel workbook delivery. */
  static boolean accepts(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
  }

  /**
   * Reads the first sheet.
   *
   * @throws FileRejected when the workbook is over a size limit, unreadable, or has no header row
   */
  static XlsxFile read(Path file, String name, LandingSpec.Policy policy) throws FileRejected {
    ZipLimits.check(file, name, policy);
    Rows rows = new Rows();
    try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(workbook);
      Iterator<InputStream> sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new FileRejected(name, "is a workbook without a sheet");
      }
      XMLReader parser = XMLHelper.newXMLReader();
      parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
          new ReadOnlySharedStringsTable(workbook), rows, new StoredValues(), false));
      try (InputStream sheet = sheets.next()) {
        parser.parse(new InputSource(sheet));
      }
    } catch (IOException | OpenXML4JException | SAXException | javax.xml.parsers.ParserConfigurationException
        | org.apache.poi.UnsupportedFileFormatException e) {
      throw new FileRejected(name, "is not a readable .xlsx workbook (" + e.getMessage() + ")");
    }
    if (rows.header == null) {
      throw new FileRejected(name, "the first sheet is empty (no header row)");
    }
    return new XlsxFile(List.copyOf(rows.header), rows.records);
  }

  Iterator<CsvFile.Record> iterator() {
    return records.iterator();
  }

  /** Collects the rows of the sheet: the first non-empty one as the header, the others as records. */
  private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
    private List<String> header;
    private final List<CsvFile.Record> records = new ArrayList<>();
    private List<String> row;

    @Override
    public void startRow(int rowNum) {
      row = new ArrayList<>();
    }

    @Override
    public void cell(String cellReference, String value, XSSFComment comment) {
      int column = cellReference == null ? row.size() : new CellReference(cellReference).getCol();
      while (row.size() < column) {
        row.add("");
      }
      row.add(value == null ? "" : value);
    }

    @Override
    public void endRow(int rowNum) {
      if (row.stream().allMatch(String::isBlank)) {
        return; // a blank row, as a blank line in a CSV file
      }
      if (header == null) {
        header = trimTrailingEmpty(row, 0);
        return;
      }
      // Empty cells beyond the header are formatting, not values; anything else there is a misplaced value.
      List<String> values = trimTrailingEmpty(row, header.size());
      while (values.size() < header.size()) {
        values.add("");
      }
      records.add(new CsvFile.Record(rowNum + 1L, String.join("\t", values), List.copyOf(values)));
    }

    private static List<String> trimTrailingEmpty(List<String> values, int keep) {
      List<String> trimmed = new ArrayList<>(values);
      while (trimmed.size() > keep && trimmed.get(trimmed.size() - 1).isBlank()) {
        trimmed.remove(trimmed.size() - 1);
      }
      return trimmed;
    }
  }

  /** Writes numbers and dates as stored (see the class comment), not as the cell displays them. */
  private static final class StoredValues extends DataFormatter {
    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        LocalDateTime at = DateUtil.getLocalDateTime(value, use1904Windowing, true);
        if (value < 1) {
          return at.toLocalTime().toString(); // a time of day without a date
        }
        return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().toString() : at.format(TIMESTAMP);
      }
      return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
  }
}
