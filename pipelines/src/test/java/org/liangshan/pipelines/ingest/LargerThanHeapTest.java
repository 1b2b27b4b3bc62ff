package org.liangshan.pipelines.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liangshan.pipelines.source.SourceFamilies;

/**
 * A file larger than the heap the loader gets is streamed, not loaded whole: a 150 MB water-quality file
 * is parsed by the same record-by-record reader the Spark tasks use, in a child JVM with -Xmx64m, and
 * every record is accounted for.
 */
class LargerThanHeapTest {
  private static final long RECORDS = 3_000_000;
  @TempDir Path dir;

  /** The child: parses the file and prints the counts. */
  public static final class Probe {
    public static void main(String[] args) throws Exception {
      long[] counts = new long[2];
      FileParser.parse(SourceFamilies.get("water-quality-manual"), Path.of(args[0]), "big.csv",
          new FileParser.Known(Instant.now(), Map.of()),
          parsed -> counts[parsed.rejection() == null ? 0 : 1]++);
      System.out.println("parsed=" + counts[0] + " rejected=" + counts[1] + " maxHeapMB=" + Runtime.getRuntime().maxMemory() / (1 << 20));
    }
  }

  @Test
  void aFileTwiceTheSizeOfTheHeapIsParsedInConstantMemory() throws Exception {
    Path big = dir.resolve("big.csv");
    try (BufferedWriter out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
      out.write("断面编码,采样日期,监测指标,监测值,单位,备注\n");
      LocalDate start = LocalDate.of(2000, 1, 1);
      for (long i = 0; i < RECORDS; i++) {
        // Every 1000th value is negative (quarantined); the note pads each record to about 50 bytes.
        out.write("LY-S01," + start.plusDays(i % 8000) + ",总磷," + (i % 1000 == 999 ? "-" : "") + "0.05,mg/L,padding-" + (i % 97) + "\n");
      }
    }
    assertThat(Files.size(big)).isGreaterThan(2L * 64 * 1024 * 1024);

    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
        "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), Probe.class.getName(), big.toString());
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(child.exitValue()).as(output).isZero();
    String last = output.strip().lines().reduce((a, b) -> b).orElseThrow();
    assertThat(last).startsWith("parsed=" + (RECORDS - RECORDS / 1000) + " rejected=" + RECORDS / 1000 + " maxHeapMB=");
    assertThat(Long.parseLong(last.substring(last.indexOf("maxHeapMB=") + 10))).isLessThanOrEqualTo(64);
  }
}
