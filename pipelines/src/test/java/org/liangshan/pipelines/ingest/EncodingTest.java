package org.liangshan.pipelines.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The encoding is decided on the whole stream, not on a sample of its head. */
class EncodingTest {
  @TempDir Path dir;

  /** 4,000 ASCII records (about 150 KiB, more than twice the old 64 KiB sample), then {@code tail}. */
  private Path file(String name, String header, byte[] tail) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(header.getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 4000; i++) {
      bytes.writeBytes(String.format("LY-S01,2024-01-01,TP,0.%04d,mg/L,ascii filler %06d\n", i, i).getBytes(StandardCharsets.US_ASCII));
    }
    bytes.writeBytes(tail);
    Path file = dir.resolve(name);
    Files.write(file, bytes.toByteArray());
    return file;
  }

  private static List<CsvFile.Record> records(Path file) throws IOException {
    try (CsvFile csv = CsvFile.open(file)) {
      List<CsvFile.Record> all = new ArrayList<>();
      Iterator<CsvFile.Record> it = csv.records();
      it.forEachRemaining(all::add);
      return all;
    }
  }

  @Test
  void aFileWhoseFirst150KiBAreAsciiAndWhoseLastLineIsGbkIsReadAsGbk() throws IOException {
    Path file = file("late-gbk.csv", "section,date,indicator,value,unit,note\n",
        "LY-S02,2024-01-02,TP,0.03,mg/L,南河城区\n".getBytes(CsvFile.GBK));
    assertThat(file.toFile().length()).isGreaterThan(2 * 65536);
    assertThat(Encoding.detect(file).charset()).isEqualTo(CsvFile.GBK);
    List<CsvFile.Record> records = records(file);
    assertThat(records).hasSize(4001);
    assertThat(records.get(4000).values()).last().isEqualTo("南河城区");
    assertThat(records.get(4000).line()).isEqualTo(4002);
  }

  @Test
  void aUtf8FileWithOneGbkLineLateIsRefusedNamingTheLine() throws IOException {
    Path file = file("mixed.csv", "断面编码,采样日期,监测指标,监测值,单位,备注\n",
        "LY-S02,2024-01-02,TP,0.03,mg/L,南河城区\n".getBytes(CsvFile.GBK));
    assertThatThrownBy(() -> Encoding.detect(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mixes encodings: line 4002 is not UTF-8 (bytes 0xC4 0xCF) although 1 earlier line(s) are UTF-8 Chinese;"
            + " re-save the whole file in one encoding (UTF-8)");
  }

  @Test
  void aUtf8FileCutInsideItsLastCharacterIsUtf8AndTheCutCharacterIsReplaced() throws IOException {
    byte[] last = "LY-S02,2024-01-02,TP,0.03,mg/L,南河".getBytes(StandardCharsets.UTF_8);
    Path file = file("cut.csv", "断面编码,采样日期,监测指标,监测值,单位,备注\n", java.util.Arrays.copyOf(last, last.length - 1));
    Encoding.Decision decision = Encoding.detect(file);
    assertThat(decision.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(decision.truncatedCharacter()).isTrue();
    List<CsvFile.Record> records = records(file);
    assertThat(records.get(records.size() - 1).values()).last().isEqualTo("南\uFFFD");
    assertThat(records.get(0).values()).first().isEqualTo("LY-S01");
  }

  @Test
  void aUtf8FileWithABomIsUtf8AndTheBomIsNotPartOfTheFirstHeader() throws IOException {
    Path file = dir.resolve("bom.csv");
    Files.write(file, "\uFEFF断面编码,日期\nLY-S01,2024-01-01\n".getBytes(StandardCharsets.UTF_8));
    assertThat(Encoding.detect(file).charset()).isEqualTo(StandardCharsets.UTF_8);
    try (CsvFile csv = CsvFile.open(file)) {
      assertThat(csv.header().values()).containsExactly("断面编码", "日期");
    }
  }

  @Test
  void bytesThatAreNeitherUtf8NorGbkAreRefusedNamingBothLines() throws IOException {
    Path file = file("binary.csv", "section,date,indicator,value,unit,note\n", new byte[] {'x', ',', (byte) 0xff, (byte) 0xff, '\n'});
    assertThatThrownBy(() -> Encoding.detect(file))
        .hasMessage("is neither UTF-8 nor GBK: line 4002 is not UTF-8 (bytes 0xFF) and line 4002 is not GBK;"
            + " re-save the file as UTF-8 (or GBK)");
  }

  @Test
  void aPureGbkFileWithChineseHeadersIsGbk() throws IOException {
    Path file = dir.resolve("gbk.csv");
    Files.write(file, "断面编码,断面名称\nLY-S03,南河城区\n".getBytes(CsvFile.GBK));
    assertThat(Encoding.detect(file).charset()).isEqualTo(CsvFile.GBK);
    assertThat(records(file).get(0).values()).containsExactly("LY-S03", "南河城区");
  }
}
