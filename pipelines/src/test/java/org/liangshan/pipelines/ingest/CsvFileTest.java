package org.liangshan.pipelines.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text reader on the files of the bad-input corpus (src/test/resources/bad-input/csv): no Spark. */
class CsvFileTest {
  private static final Path CORPUS = Path.of("src/test/resources/bad-input/csv");
  @TempDir Path dir;

  private static List<CsvFile.Record> records(Path file) throws IOException {
    try (CsvFile csv = CsvFile.open(file)) {
      List<CsvFile.Record> all = new ArrayList<>();
      csv.records().forEachRemaining(all::add);
      return all;
    }
  }

  @Test
  void quotingFollowsRfc4180AndARemarkOverTwoLinesIsOneRecordNumberedByItsFirstLine() throws IOException {
    List<CsvFile.Record> records = records(CORPUS.resolve("rfc4180.csv"));
    assertThat(records).extracting(CsvFile.Record::line).containsExactly(2L, 3L, 6L);
    assertThat(records.get(0).values()).containsExactly("LY-S01", "2023-03-01", "总磷", "0.05", "mg/L", "晴, 微风");
    assertThat(records.get(1).values()).last().isEqualTo("采样员注：\"水浑\"，\n已复测");
    assertThat(records.get(1).text()).isEqualTo("LY-S01,2023-03-02,总磷,0.06,mg/L,\"采样员注：\"\"水浑\"\"，\n已复测\"");
    assertThat(records.get(2).values()).containsExactly("LY-S01", "2023-03-03", "总磷", "0.04", "mg/L", "");
    assertThat(records.get(2).text()).isEqualTo("LY-S01,2023-03-03,总磷,0.04,mg/L,");
  }

  @Test
  void aQuoteThatNeverClosesRefusesTheFileNamingItsLine() {
    // 100 records; line 4 opens a quoted value with no closing quote: never read as 3 records.
    assertThatThrownBy(() -> records(CORPUS.resolve("stray_quote.csv")))
        .isInstanceOf(CsvFile.Malformed.class)
        .hasMessage("line 4: a double quote (\") opens a value that never closes before the end of the file (line 101),"
            + " swallowing 97 line(s); remove the stray quote, or double it (\"\") inside a quoted value, and deliver the file again")
        .extracting(e -> ((CsvFile.Malformed) e).line()).isEqualTo(4L);
  }

  @Test
  void twoStrayQuotesThatSwallowTheRecordsBetweenThemRefuseTheFile() {
    assertThatThrownBy(() -> records(CORPUS.resolve("swallowed.csv")))
        .isInstanceOf(CsvFile.Malformed.class)
        .hasMessage("lines 4-60: a double quote (\") on line 4 opens a value that runs over 57 lines and a line inside the"
            + " quoted value is a whole record (\"LY-S01,2024-01-04,总磷,0.053,mg/L\"): a stray quote swallows the records"
            + " that follow; remove it, or double it (\"\") inside a quoted value, and deliver the file again");
  }

  @Test
  void aQuoteInsideAnUnquotedValueIsACharacterOfThatValueAndNothingIsSwallowed() throws IOException {
    List<CsvFile.Record> records = records(CORPUS.resolve("quote_in_value.csv"));
    assertThat(records).hasSize(100);
    assertThat(records.get(2).line()).isEqualTo(4);
    assertThat(records.get(2).values()).containsExactly("LY-S01", "2024-01-03", "总磷", "0.0\"52", "mg/L");
    assertThat(records.get(99).line()).isEqualTo(101);
  }

  @Test
  void excelUnicodeTextIsUtf16WithABomAndTabDelimitedInEitherByteOrder() throws IOException {
    for (String name : List.of("unicode_text_utf16le.txt", "unicode_text_utf16be.csv")) {
      Path file = CORPUS.resolve(name);
      try (CsvFile csv = CsvFile.open(file)) {
        assertThat(csv.charset()).isEqualTo(name.contains("le") ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
        assertThat(csv.delimiter()).isEqualTo('\t');
        assertThat(csv.header().values()).containsExactly("断面编码", "采样日期", "监测指标", "监测值", "单位");
      }
      List<CsvFile.Record> records = records(file);
      assertThat(records).extracting(CsvFile.Record::line).containsExactly(2L, 3L);
      assertThat(records.get(1).values()).containsExactly("LY-S01", "2022-03-02", "氨氮", "0.31", "mg/L");
    }
  }

  @Test
  void utf16WithoutAByteOrderMarkIsRefusedNotMisreadAsGbk() throws IOException {
    Path file = dir.resolve("no_bom.txt");
    Files.write(file, "断面编码\t采样日期\r\n".getBytes(StandardCharsets.UTF_16LE));
    assertThatThrownBy(() -> CsvFile.open(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line 1 holds a NUL byte: the file looks like UTF-16 without a byte-order mark, or is not text;"
            + " save it as UTF-8 (or Excel \"Unicode text\", which writes the mark)");
  }

  @Test
  void aRecordLongerThanTheLimitIsRefusedNamingItsLineAndTheHeaderToo() throws IOException {
    Path file = dir.resolve("long.csv");
    try (Writer out = Files.newBufferedWriter(file)) {
      out.write("断面编码,备注\nLY-S01,short\nLY-S01,\"");
      out.write("x".repeat(CsvFile.MAX_RECORD_CHARS + 1));
      out.write("\"\nLY-S01,after\n");
    }
    assertThatThrownBy(() -> records(file))
        .isInstanceOf(CsvFile.Malformed.class)
        .hasMessage("line 3 is longer than 1048576 characters (the limit of a record): a quote that never closes,"
            + " or a file that is not delimited text; check the line and re-export the file");

    Path header = dir.resolve("long_header.csv");
    Files.writeString(header, "h".repeat(CsvFile.MAX_RECORD_CHARS + 1));
    assertThatThrownBy(() -> CsvFile.open(header))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("line 1 is longer than 1048576 characters");
  }

  @Test
  void blankLinesAndAUtf8BomAreSkippedAndLinesStillCount() throws IOException {
    Path file = dir.resolve("blank.csv");
    Files.write(file, "\uFEFF\n断面编码,日期\n\nLY-S01,2024-01-01\n\n\nLY-S02,2024-01-02".getBytes(StandardCharsets.UTF_8));
    try (CsvFile csv = CsvFile.open(file)) {
      assertThat(csv.header().line()).isEqualTo(2);
      assertThat(csv.header().values()).containsExactly("断面编码", "日期");
    }
    assertThat(records(file)).extracting(CsvFile.Record::line).containsExactly(4L, 7L);
  }
}
