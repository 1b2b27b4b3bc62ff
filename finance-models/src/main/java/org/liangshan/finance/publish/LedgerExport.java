package org.liangshan.finance.publish;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.money.Money;
import org.liangshan.finance.FinanceTables;
import org.liangshan.finance.model.LedgerRevisions;
import org.liangshan.warehouse.TableCatalog;

/**
 * Exports of the compensation ledger of a region and year, for the finance bureau: a CSV of the
 * entries (UTF-8 with a byte-order mark so spreadsheet programs read the Chinese names) and an XLSX
 * workbook with a summary sheet and one sheet per agreement. Per period the export shows the latest
 * approved revision, or with {@code approvedOnly} off and no approved revision, the latest one (its
 * status says so). Amounts are the ledger's, in yuan at the fen (HALF_EVEN when the ledger was written).
 * In the workbook, cells copied from the ledger are values; totals and checks are spreadsheet formulas,
 * and every column header says which.
 */
public final class LedgerExport {
  public static final List<String> CSV_COLUMNS = List.of("region", "year", "period", "revision", "status", "entry_id",
      "agreement_id", "method", "payer", "payee", "amount_yuan", "illustrative_share", "inputs", "basis_json", "parameter_set", "run_id");

  private final TableCatalog catalog;
  private final LedgerBook book;

  public LedgerExport(TableCatalog catalog) {
    this.catalog = catalog;
    this.book = new LedgerBook(catalog);
  }

  /** What was written. */
  public record Result(List<Path> files, int entries, BigDecimal totalYuan, Map<String, BigDecimal> totalsByAgreement,
      List<LedgerBook.RevisionSummary> revisions) {}

  /** The entries exported: per period, the chosen revision's, by agreement, period and entry id. */
  public List<Row> entries(String region, int year, boolean approvedOnly) {
    List<LedgerBook.RevisionSummary> chosen = book.publishable(region, year, approvedOnly);
    List<Row> rows = new ArrayList<>();
    if (chosen.isEmpty()) {
      return rows;
    }
    org.apache.spark.sql.Column filter = null;
    for (LedgerBook.RevisionSummary s : chosen) {
      org.apache.spark.sql.Column c = col("period").equalTo(s.period()).and(col("revision").equalTo(s.revision()));
      filter = filter == null ? c : filter.or(c);
    }
    rows.addAll(catalog.read(FinanceTables.COMPENSATION_LEDGER).where(col("region").equalTo(region))
        .where(col("year").equalTo(year)).where(filter).orderBy("agreement_id", "period", "entry_id").collectAsList());
    return rows;
  }

  /** Writes {@code <region>-<year>-ledger.csv} and/or {@code .xlsx} into the directory. */
  public Result write(String region, int year, boolean approvedOnly, Path dir, boolean csv, boolean xlsx, Instant now) {
    List<LedgerBook.RevisionSummary> chosen = book.publishable(region, year, approvedOnly);
    if (chosen.isEmpty()) {
      throw LiangshanException.badInput("No %scompensation ledger of %s for %d to export%s.",
          approvedOnly ? "approved " : "", region, year,
          approvedOnly ? ": approve a period first ('liangshan ledger approve'), or export without --approved-only"
              : ": run 'liangshan run compensation --region " + region + " --year " + year + "'");
    }
    List<Row> rows = entries(region, year, approvedOnly);
    Map<String, BigDecimal> byAgreement = new TreeMap<>();
    BigDecimal total = BigDecimal.ZERO;
    for (Row r : rows) {
      BigDecimal amount = fen(r.getAs("amount_yuan"));
      byAgreement.merge(r.getAs("agreement_id"), amount, BigDecimal::add);
      total = total.add(amount);
    }
    List<Path> files = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      String stem = region + "-" + year + "-ledger";
      if (csv) {
        files.add(atomically(dir.resolve(stem + ".csv"), out -> writeCsv(rows, out)));
      }
      if (xlsx) {
        files.add(atomically(dir.resolve(stem + ".xlsx"), out -> writeXlsx(region, year, approvedOnly, chosen, rows, now, out)));
      }
    } catch (IOException e) {
      throw LiangshanException.failure(e, "Cannot write the ledger export into %s: %s", dir, e.getMessage());
    }
    return new Result(List.copyOf(files), rows.size(), total, byAgreement, chosen);
  }

  private interface Body {
    void write(OutputStream out) throws IOException;
  }

  /** Writes to a temporary file beside the target, then moves it in place: no half-written export. */
  private static Path atomically(Path target, Body body) throws IOException {
    Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      body.write(out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static void writeCsv(List<Row> rows, OutputStream stream) throws IOException {
    Writer out = new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8);
    out.write('\uFEFF');
    out.write(String.join(",", CSV_COLUMNS));
    out.write("\r\n");
    for (Row r : rows) {
      List<String> cells = new ArrayList<>();
      for (String column : CSV_COLUMNS) {
        cells.add(switch (column) {
          case "amount_yuan" -> fen(r.getAs("amount_yuan")).toPlainString();
          case "illustrative_share" -> share(r);
          case "inputs" -> inputs(r.getAs("basis"));
          case "basis_json" -> r.getAs("basis");
          default -> String.valueOf((Object) r.getAs(column));
        });
      }
      out.write(String.join(",", cells.stream().map(LedgerExport::csvCell).toList()));
      out.write("\r\n");
    }
    out.flush();
  }

  /** The row's illustrative share, or null when the row was written before it was recorded (or lacks the column). */
  private static Double illustrativeShare(Row r) {
    return List.of(r.schema().fieldNames()).contains("illustrative_share") ? r.<Double>getAs("illustrative_share") : null;
  }

  private static String share(Row r) {
    Double share = illustrativeShare(r);
    return share == null ? "" : share.toString();
  }

  private static String csvCell(String text) {
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  /** The scalar inputs of a basis as "key=value; ..." (arrays and objects stay in the JSON column). */
  static String inputs(String basis) {
    List<String> parts = new ArrayList<>();
    LedgerRevisions.flatBasis(basis).forEach((k, v) -> {
      if (!k.equals("agreement") && !k.equals("method") && !k.equals("period") && !v.startsWith("[") && !v.startsWith("{")) {
        parts.add(k + "=" + v);
      }
    });
    return String.join("; ", parts);
  }

  private static final String[] ENTRY_HEADERS = {"Period (value)", "Revision (value)", "Status (value)",
      "Entry id (value)", "Payer (value)", "Payee (value)", "Amount, yuan (value)",
      "Share of the amount resting on illustrative parameters (value; empty: not recorded)", "Method (value)", "Inputs (value)",
      "Parameter set (value)", "Run id (value)", "Basis JSON (value)"};
  public static final int AMOUNT_COLUMN = 6;

  static void writeXlsx(String region, int year, boolean approvedOnly, List<LedgerBook.RevisionSummary> chosen,
      List<Row> rows, Instant now, OutputStream out) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Styles st = new Styles(wb);
      Sheet summary = wb.createSheet("Summary");
      Map<String, List<Row>> byAgreement = new LinkedHashMap<>();
      rows.forEach(r -> byAgreement.computeIfAbsent(r.getAs("agreement_id"), a -> new ArrayList<>()).add(r));
      Map<String, String> totalCells = new LinkedHashMap<>();
      Map<String, BigDecimal> totalValues = new LinkedHashMap<>();
      for (Map.Entry<String, List<Row>> e : byAgreement.entrySet()) {
        String name = WorkbookUtil.createSafeSheetName(e.getKey());
        Sheet sheet = wb.createSheet(name);
        Cell title = sheet.createRow(0).createCell(0);
        title.setCellValue("Agreement " + e.getKey() + " (" + e.getValue().get(0).getAs("method") + "), " + region + " " + year);
        title.setCellStyle(st.bold);
        header(sheet.createRow(2), ENTRY_HEADERS, st);
        int i = 3;
        BigDecimal sum = BigDecimal.ZERO;
        for (Row r : e.getValue()) {
          org.apache.poi.ss.usermodel.Row x = sheet.createRow(i++);
          x.createCell(0).setCellValue((String) r.getAs("period"));
          x.createCell(1).setCellValue(r.<Integer>getAs("revision"));
          x.createCell(2).setCellValue((String) r.getAs("status"));
          x.createCell(3).setCellValue((String) r.getAs("entry_id"));
          x.createCell(4).setCellValue((String) r.getAs("payer"));
          x.createCell(5).setCellValue((String) r.getAs("payee"));
          BigDecimal amount = fen(r.getAs("amount_yuan"));
          sum = sum.add(amount);
          Cell a = x.createCell(AMOUNT_COLUMN);
          a.setCellValue(amount.doubleValue());
          a.setCellStyle(st.money);
          Double share = illustrativeShare(r);
          if (share != null) {
            x.createCell(7).setCellValue(share);
          }
          x.createCell(8).setCellValue((String) r.getAs("method"));
          x.createCell(9).setCellValue(inputs(r.getAs("basis")));
          x.createCell(10).setCellValue((String) r.getAs("parameter_set"));
          x.createCell(11).setCellValue((String) r.getAs("run_id"));
          x.createCell(12).setCellValue((String) r.getAs("basis"));
        }
        org.apache.poi.ss.usermodel.Row t = sheet.createRow(i);
        Cell label = t.createCell(5);
        label.setCellValue("Total (formula: SUM of the amounts above)");
        label.setCellStyle(st.bold);
        Cell total = t.createCell(AMOUNT_COLUMN);
        String column = "G";
        total.setCellFormula("SUM(" + column + "4:" + column + i + ")");
        total.setCellStyle(st.moneyBold);
        totalCells.put(e.getKey(), "'" + name + "'!" + column + (i + 1));
        totalValues.put(e.getKey(), sum);
        for (int c = 0; c < ENTRY_HEADERS.length - 1; c++) {
          sheet.setColumnWidth(c, c == 9 ? 60 * 256 : c == 3 ? 28 * 256 : 18 * 256);
        }
        sheet.createFreezePane(0, 3);
      }

      int r = 0;
      Cell title = summary.createRow(r++).createCell(0);
      title.setCellValue("Compensation ledger " + region + " " + year + ": summary");
      title.setCellStyle(st.bold);
      line(summary, r++, "Revisions shown", approvedOnly ? "the latest approved revision of each period"
          : "per period the latest approved revision, else the latest revision (see Status)");
      line(summary, r++, "Amounts", "yuan; computed at full scale, rounded to the fen (HALF_EVEN) once per entry");
      line(summary, r++, "Value / formula", "columns marked (value) are copied from gold.compensation_ledger;"
          + " (formula) cells are computed by this workbook");
      line(summary, r++, "Exported at (UTC)", now.toString());
      r++;
      header(summary.createRow(r++), new String[] {"Agreement (value)", "Method (value)", "Entries (value)",
          "Total, yuan (formula: the agreement sheet's total)", "Total, yuan (value: the ledger table's sum)",
          "Difference (formula: formula - value, must be 0)"}, st);
      int first = r + 1;
      for (Map.Entry<String, List<Row>> e : byAgreement.entrySet()) {
        org.apache.poi.ss.usermodel.Row x = summary.createRow(r);
        x.createCell(0).setCellValue(e.getKey());
        x.createCell(1).setCellValue((String) e.getValue().get(0).getAs("method"));
        x.createCell(2).setCellValue(e.getValue().size());
        Cell f = x.createCell(3);
        f.setCellFormula(totalCells.get(e.getKey()));
        f.setCellStyle(st.money);
        Cell v = x.createCell(4);
        v.setCellValue(totalValues.get(e.getKey()).doubleValue());
        v.setCellStyle(st.money);
        Cell d = x.createCell(5);
        d.setCellFormula("D" + (r + 1) + "-E" + (r + 1));
        d.setCellStyle(st.money);
        r++;
      }
      org.apache.poi.ss.usermodel.Row t = summary.createRow(r);
      Cell label = t.createCell(0);
      label.setCellValue("All agreements (formula: SUM)");
      label.setCellStyle(st.bold);
      Cell entries = t.createCell(2);
      entries.setCellFormula("SUM(C" + first + ":C" + r + ")");
      for (int c = 3; c <= 5; c++) {
        String letter = String.valueOf((char) ('A' + c));
        Cell s = t.createCell(c);
        s.setCellFormula("SUM(" + letter + first + ":" + letter + r + ")");
        s.setCellStyle(st.moneyBold);
      }
      r += 2;
      header(summary.createRow(r++), new String[] {"Period (value)", "Revision (value)", "Status (value)",
          "Entries (value)", "Total, yuan (value)", "Computed by run (value)"}, st);
      for (LedgerBook.RevisionSummary s : chosen) {
        org.apache.poi.ss.usermodel.Row x = summary.createRow(r++);
        x.createCell(0).setCellValue(s.period());
        x.createCell(1).setCellValue(s.revision());
        x.createCell(2).setCellValue(s.status());
        x.createCell(3).setCellValue(s.entries());
        Cell v = x.createCell(4);
        v.setCellValue(s.totalYuan().doubleValue());
        v.setCellStyle(st.money);
        x.createCell(5).setCellValue(s.computedByRun());
      }
      for (int c = 0; c < 6; c++) {
        summary.setColumnWidth(c, c == 0 ? 30 * 256 : 26 * 256);
      }
      wb.setSheetOrder("Summary", 0);
      wb.setActiveSheet(0);
      wb.setForceFormulaRecalculation(true);
      wb.write(out);
    }
  }

  private static void line(Sheet sheet, int r, String key, String value) {
    org.apache.poi.ss.usermodel.Row x = sheet.createRow(r);
    x.createCell(0).setCellValue(key);
    x.createCell(1).setCellValue(value);
  }

  private static void header(org.apache.poi.ss.usermodel.Row row, String[] names, Styles st) {
    for (int i = 0; i < names.length; i++) {
      Cell c = row.createCell(i);
      c.setCellValue(names[i]);
      c.setCellStyle(st.header);
    }
  }

  private static final class Styles {
    final CellStyle bold;
    final CellStyle header;
    final CellStyle money;
    final CellStyle moneyBold;

    Styles(XSSFWorkbook wb) {
      Font b = wb.createFont();
      b.setBold(true);
      bold = wb.createCellStyle();
      bold.setFont(b);
      header = wb.createCellStyle();
      header.setFont(b);
      header.setBorderBottom(BorderStyle.THIN);
      header.setWrapText(true);
      short format = wb.createDataFormat().getFormat("#,##0.00");
      money = wb.createCellStyle();
      money.setDataFormat(format);
      moneyBold = wb.createCellStyle();
      moneyBold.setDataFormat(format);
      moneyBold.setFont(b);
    }
  }

  static BigDecimal fen(BigDecimal amount) {
    return Money.wholeFen(amount);
  }
}
