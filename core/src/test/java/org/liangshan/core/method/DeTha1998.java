package org.liangshan.core.method;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * REddyProc's example tower-year, DE-Tha 1998 (test resource {@code flux/DE-Tha_1998.txt}, its origin and
 * licence in the README beside it), read as half-hour records: {@code Hour} is the end of the half hour in
 * local standard time, -9999 is missing.
 */
final class DeTha1998 {
  /** REddyProc's u* threshold for the year (vignettes/useCase.md: 0.41625 m s⁻¹). */
  static final double REDDYPROC_USTAR_M_S = 0.41625;
  /** REddyProc's bootstrap quantiles 5, 50, 95 % (vignettes/useCase.md). */
  static final double[] REDDYPROC_USTAR_QUANTILES = {0.3855867, 0.4479808, 0.5768934};
  /**
   * REddyProc's annual NEE: mean NEE_uStar_f −1.616926 µmol m⁻² s⁻¹ (vignettes/aggUncertainty.md) over 365 days,
   * × 12.011 × 10⁻⁶ g C µmol⁻¹ × 86,400 s × 365.
   */
  static final double REDDYPROC_NEE_GC_M2 = -1.616926 * 12.011e-6 * 86_400 * 365;

  /**
   * REddyProc's annual GPP, 1,919.176 gC m⁻² (vignettes/useCase.md, column uStar: mean GPP_uStar_f × 12.011 ×
   * 10⁻⁶ × 86,400 × 365.25), over the 365 days of the series.
   */
  static final double REDDYPROC_GPP_GC_M2 = 1919.176 * 365 / 365.25;

  /** The site as REddyProc's use case declares it ({@code sSetLocationInfo(LatDeg = 51.0, LongDeg = 13.6, TimeZoneHour = 1)}). */
  static final FluxPartitioning.Site SITE = new FluxPartitioning.Site(51.0, 13.6, 1);

  private DeTha1998() {}

  static List<FluxCalibration.HalfHour> records() {
    List<FluxCalibration.HalfHour> out = new ArrayList<>();
    for (String line : lines().subList(2, lines().size())) {
      String[] v = line.split("\t");
      double hour = Double.parseDouble(v[2]);
      LocalDateTime start = LocalDateTime.of(Integer.parseInt(v[0]), 1, 1, 0, 0)
          .plusDays(Integer.parseInt(v[1]) - 1L)
          .plusMinutes(Math.round(hour * 60) - 30);
      out.add(new FluxCalibration.HalfHour(
          (int) start.toLocalDate().toEpochDay(),
          start.getHour() * 2 + start.getMinute() / 30,
          value(v[3]), value(v[7]), value(v[6]), value(v[10]), value(v[11])));
    }
    return out;
  }

  private static List<String> cached;

  private static synchronized List<String> lines() {
    if (cached == null) {
      try (InputStream in = DeTha1998.class.getResourceAsStream("/flux/DE-Tha_1998.txt")) {
        cached = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return cached;
  }

  private static double value(String text) {
    double v = Double.parseDouble(text);
    return v == -9999 ? Double.NaN : v;
  }
}
