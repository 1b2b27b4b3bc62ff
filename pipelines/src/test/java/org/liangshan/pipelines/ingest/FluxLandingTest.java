package org.liangshan.pipelines.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liangshan.pipelines.source.Rejection;
import org.liangshan.pipelines.source.SourceFamilies;
import org.liangshan.pipelines.source.SourceFamily;

/**
 * The flux family reads the three layouts real towers deliver (docs/landing-formats.md, flux): a real
 * REddyProc text year (DE-Tha 1998, core's test resource {@code flux/DE-Tha_1998.txt}), the same records
 * renamed as FLUXNET2015/ONEFlux and as ICOS/AmeriFlux BASE. Parsed by {@link FileParser} without Spark.
 */
class FluxLandingTest {
  private static final SourceFamily FLUX = SourceFamilies.get("flux");
  private static final FileParser.Known KNOWN =
      new FileParser.Known(Instant.parse("2026-01-01T00:00:00Z"), Map.of("tower", Set.of("DE-Tha", "US-Ha1")));
  // Silver row layout of the flux family: tower, ts_start, nee, nee_qc, le, h, ta, sw_in, vpd, ustar, sw_in_clamped.
  private static final int NEE = 2;
  private static final int NEE_QC = 3;
  private static final int SW_IN = 7;
  private static final int USTAR = 9;
  private static final int CLAMPED = 10;

  @TempDir Path dir;

  @Test
  void theRealREddyProcYearLoadsWithNeeOnEveryMeasuredRow() throws Exception {
    List<String> lines = deTha();
    Path file = write("DE-Tha_1998.txt", String.join("\n", lines) + "\n");
    List<FileParser.Parsed> parsed = parse(file);

    // 17,520 half hours of 1998 and the units row.
    assertThat(parsed).hasSize(17_521);
    FileParser.Parsed units = parsed.get(0);
    assertThat(units.rejection().reason()).isEqualTo(Rejection.Reason.UNITS_ROW);
    List<Object[]> rows = silver(parsed);
    assertThat(rows).hasSize(17_520);
    assertThat(parsed.stream().filter(p -> p.rejection() != null)).hasSize(1);

    // NEE present on exactly the rows where the file has a value (not -9999): 11,263 of them.
    long measuredInFile = lines.stream().skip(2).filter(l -> !l.split("\t")[3].equals("-9999")).count();
    assertThat(measuredInFile).isEqualTo(11_263);
    assertThat(rows.stream().filter(r -> r[NEE] != null)).hasSize(11_263);
    for (int i = 0; i < rows.size(); i++) {
      String nee = lines.get(i + 2).split("\t")[3];
      assertThat(rows.get(i)[NEE]).isEqualTo(nee.equals("-9999") ? null : Double.parseDouble(nee));
    }
    // Hour is the end of the half hour: "1998 1 0.5" starts at 00:00, "1998 366 0" at 23:30 of 31 December
    // (local standard time, stored as UTC from UTC+8).
    assertThat(rows.get(0)[1]).isEqualTo(Timestamp.from(Instant.parse("1997-12-31T16:00:00Z")));
    assertThat(rows.get(17_519)[1]).isEqualTo(Timestamp.from(Instant.parse("1998-12-31T15:30:00Z")));
    assertThat(rows.stream().filter(r -> r[USTAR] != null)).hasSize(17_520);
  }

  @Test
  void aFluxnet2015FileLoadsWithNeeOnEveryMeasuredRow() throws Exception {
    // The first 10 days of DE-Tha 1998 as FLUXNET2015 names them; NEE_VUT_REF_QC 0 where measured, 3 where a
    // gap-filled value would stand (here -9999 is kept to leave the gap visible).
    List<String> lines = deTha();
    StringBuilder csv = new StringBuilder("TIMESTAMP_START,TIMESTAMP_END,NEE_VUT_REF,NEE_VUT_REF_QC,TA_F,SW_IN_F,VPD_F,USTAR\n");
    java.time.LocalDateTime start = java.time.LocalDateTime.of(1998, 1, 1, 0, 0);
    java.time.format.DateTimeFormatter stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmm");
    int measured = 0;
    for (int i = 0; i < 480; i++) {
      String[] v = lines.get(i + 2).split("\t");
      boolean has = !v[3].equals("-9999");
      measured += has ? 1 : 0;
      csv.append(start.plusMinutes(30L * i).format(stamp)).append(',').append(start.plusMinutes(30L * i + 30).format(stamp))
          .append(',').append(v[3]).append(',').append(has ? "0" : "3").append(',').append(v[7]).append(',').append(v[6])
          .append(',').append(v[10]).append(',').append(v[11]).append('\n');
    }
    List<FileParser.Parsed> parsed = parse(write("DE-Tha_1998.csv", csv.toString()));
    List<Object[]> rows = silver(parsed);
    assertThat(rows).hasSize(480);
    assertThat(rows.stream().filter(r -> r[NEE] != null)).hasSize(measured);
    assertThat(measured).isEqualTo(lines.stream().skip(2).limit(480).filter(l -> !l.split("\t")[3].equals("-9999")).count());
    assertThat(rows.get(0)[NEE]).isEqualTo(-1.21);
    assertThat(rows.get(0)[NEE_QC]).isEqualTo(0.0);
    assertThat(rows.get(0)[1]).isEqualTo(Timestamp.from(Instant.parse("1997-12-31T16:00:00Z")));
  }

  @Test
  void icosBaseHeadersWithANightTimeRadiationOffsetAreClampedAndFlagged() throws Exception {
    Path file = write("US-Ha1_2024.csv", """
        TIMESTAMP_START,TIMESTAMP_END,FC,TA_1_1_1,SW_IN,USTAR,VPD
        202406010000,202406010030,3.2,14.1,-1.5,0.31,2.0
        202406010030,202406010100,-9999,14.0,-10,0.28,2.1
        202406010100,202406010130,2.8,13.9,-12,0.30,2.2
        202406011200,202406011230,-15.1,24.0,612.5,0.55,12.0
        """);
    List<FileParser.Parsed> parsed = parse(file);
    List<Object[]> rows = silver(parsed);
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0)[SW_IN]).isEqualTo(0.0);
    assertThat(rows.get(0)[CLAMPED]).isEqualTo(true);
    assertThat(rows.get(0)[NEE]).isEqualTo(3.2);
    assertThat(rows.get(1)[SW_IN]).isEqualTo(0.0);
    assertThat(rows.get(1)[NEE]).isNull();
    assertThat(rows.get(2)[SW_IN]).isEqualTo(612.5);
    assertThat(rows.get(2)[CLAMPED]).isEqualTo(false);
    Rejection below = parsed.get(2).rejection();
    assertThat(below.reason()).isEqualTo(Rejection.Reason.OUT_OF_RANGE);
    assertThat(below.field()).isEqualTo("sw_in_w_m2");
    assertThat(below.getMessage()).isEqualTo("SW_IN = -12 is below the minimum -10");
  }

  @Test
  void aFileWithoutUstarIsRefusedNotLoadedEmpty() throws IOException {
    Path file = write("US-Ha1_2024.csv", "TIMESTAMP_START,TIMESTAMP_END,FC,TA_1_1_1,SW_IN\n202406010000,202406010030,3.2,14.1,0\n");
    assertThatThrownBy(() -> parse(file))
        .isInstanceOf(FileRejected.class)
        .hasMessageStartingWith("flux/US-Ha1_2024.csv: missing required column(s) USTAR for family flux");
  }

  @Test
  void aFileWithoutNeeIsRefused() throws IOException {
    Path file = write("US-Ha1_2024.csv", "TIMESTAMP_START,TA_F,SW_IN_F,USTAR,LE\n202406010000,14.1,0,0.3,20\n");
    assertThatThrownBy(() -> parse(file))
        .isInstanceOf(FileRejected.class)
        .hasMessageStartingWith("flux/US-Ha1_2024.csv: missing required column(s) NEE for family flux");
  }

  @Test
  void aUnitsRowInAnotherUnitIsQuarantinedNamingTheColumn() throws Exception {
    Path file = write("DE-Tha_1998.txt", """
        Year\tDoY\tHour\tNEE\tRg\tTair\tVPD\tUstar
        -\t-\t-\tumolm-2s-1\tWm-2\tdegC\tkPa\tms-1
        1998\t1\t0.5\t-1.21\t0\t7.4\t0.46\t0.72
        """);
    List<FileParser.Parsed> parsed = parse(file);
    Rejection units = parsed.get(0).rejection();
    assertThat(units.reason()).isEqualTo(Rejection.Reason.UNKNOWN_UNIT);
    assertThat(units.field()).isEqualTo("vpd_hpa");
    assertThat(units.getMessage()).isEqualTo(
        "the units row gives 'kPa' for 'VPD' (vapour-pressure deficit, hPa); convert the column to that unit before delivery");
  }

  @Test
  void aWordInAFluxnetNeeColumnIsNotAUnitsRow() throws Exception {
    Path file = write("US-Ha1_2024.csv", "TIMESTAMP_START,FC,TA_1_1_1,SW_IN,USTAR\n202406010000,umol,14.1,0,0.3\n");
    Rejection r = parse(file).get(0).rejection();
    assertThat(r.reason()).isEqualTo(Rejection.Reason.NOT_A_NUMBER);
    assertThat(r.field()).isEqualTo("nee_umol_m2_s");
  }

  @Test
  void timestampEndMustCloseTheHalfHour() throws Exception {
    Path file = write("US-Ha1_2024.csv",
        "TIMESTAMP_START,TIMESTAMP_END,FC,TA_1_1_1,SW_IN,USTAR\n202406010000,202406010100,3.2,14.1,0,0.3\n");
    Rejection r = parse(file).get(0).rejection();
    assertThat(r.reason()).isEqualTo(Rejection.Reason.BAD_DATE);
    assertThat(r.getMessage()).isEqualTo(
        "TIMESTAMP_END 202406010100 is not 30 minutes after TIMESTAMP_START 202406010000 (half-hourly records only)");
  }

  @Test
  void neitherTimestampNorYearDayHourIsQuarantinedPerRecordWithTheFix() throws Exception {
    Path file = write("US-Ha1_2024.csv", "FC,TA_1_1_1,SW_IN,USTAR\n3.2,14.1,0,0.3\n");
    Rejection r = parse(file).get(0).rejection();
    assertThat(r.reason()).isEqualTo(Rejection.Reason.MISSING_VALUE);
    assertThat(r.getMessage()).isEqualTo("'' in 'TIMESTAMP_START' is not yyyyMMddHHmm (give TIMESTAMP_START, or Year, DoY and Hour)");
  }

  private static List<String> deTha() throws IOException {
    try (InputStream in = FluxLandingTest.class.getResourceAsStream("/flux/DE-Tha_1998.txt")) {
      assertThat(in).as("core's test resource flux/DE-Tha_1998.txt").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
    }
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static List<FileParser.Parsed> parse(Path file) throws FileRejected {
    List<FileParser.Parsed> out = new ArrayList<>();
    FileParser.parse(FLUX, file, "flux/" + file.getFileName(), KNOWN, out::add);
    return out;
  }

  private static List<Object[]> silver(List<FileParser.Parsed> parsed) {
    return parsed.stream().filter(p -> p.rejection() == null).flatMap(p -> p.silverRows().stream()).toList();
  }
}
