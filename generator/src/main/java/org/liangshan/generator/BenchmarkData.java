package org.liangshan.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.liangshan.core.region.Region;

/**
 * Deterministic bulk landing data for the ingestion benchmark ({@code liangshan bench ingest}): many
 * water-quality records in the manual-sampling format, and a year of monthly NDVI scenes at a fine pixel.
 * The sample generator stays realistic in size; this path is only about volume.
 */
public final class BenchmarkData {
  /** Sections the benchmark declares, so that records reference known ids. */
  public static final int SECTIONS = 400;

  private static final String[] INDICATORS = {"化学需氧量", "高锰酸盐指数", "氨氮", "总磷", "总氮", "溶解氧", "pH", "水温"};
  private static final double[][] RANGES = {{8, 30}, {1, 8}, {0.05, 2}, {0.01, 0.4}, {0.3, 3}, {4, 11}, {6.5, 8.8}, {2, 32}};

  private BenchmarkData() {}

  /** Writes {@code <landing>/<region>/sections/bench_sections.csv}: {@value #SECTIONS} sections. */
  public static Path sections(Path landingRoot, Region region) throws IOException {
    Path file = landingRoot.resolve(region.id()).resolve("sections/bench_sections.csv");
    Files.createDirectories(file.getParent());
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("断面编码,断面名称,英文名称,水功能区,水体类型,经度,纬度,是否跨界,上游,下游\n");
      for (int s = 0; s < SECTIONS; s++) {
        out.write(String.format("BENCH-S%04d,基准断面%d,Bench %d,BENCH-WFZ,河流,119.%04d,31.%04d,否,,%n", s, s, s, s, s));
      }
    }
    return file;
  }

  /**
   * Writes {@code records} manual water-quality records (one indicator value each) over {@code files}
   * files {@code water-quality-manual/bench_NN.csv}: every section, indicator and day from 2010-01-01 on,
   * so every natural key is distinct; one record in 2,000 carries a negative value (quarantined).
   *
   * @param progress receives the number of records written so far, every million
   */
  public static List<Path> waterQuality(Path landingRoot, Region region, long records, int files, LongConsumer progress)
      throws IOException {
    Path folder = landingRoot.resolve(region.id()).resolve("water-quality-manual");
    Files.createDirectories(folder);
    SplittableRandom random = new SplittableRandom(20240101L);
    List<Path> written = new ArrayList<>();
    long perFile = (records + files - 1) / files;
    long n = 0;
    LocalDate start = LocalDate.of(2010, 1, 1);
    for (int f = 0; f < files && n < records; f++) {
      Path file = folder.resolve(String.format("bench_%02d.csv", f));
      written.add(file);
      try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
        out.write("断面编码,采样日期,监测指标,监测值,单位\n");
        StringBuilder line = new StringBuilder(64);
        for (long i = 0; i < perFile && n < records; i++, n++) {
          int indicator = (int) (n % INDICATORS.length);
          int section = (int) (n / INDICATORS.length % SECTIONS);
          long day = n / ((long) INDICATORS.length * SECTIONS);
          double[] range = RANGES[indicator];
          double value = range[0] + (range[1] - range[0]) * random.nextDouble();
          if (n % 2000 == 1999) {
            value = -value;
          }
          line.setLength(0);
          line.append("BENCH-S").append(String.format("%04d", section)).append(',').append(start.plusDays(day)).append(',')
              .append(INDICATORS[indicator]).append(',').append(Output.fixed(value, 3)).append(',')
              .append(indicator == 6 ? "无量纲" : indicator == 7 ? "℃" : "mg/L").append('\n');
          out.append(line);
          if ((n + 1) % 1_000_000 == 0) {
            progress.accept(n + 1);
          }
        }
      }
    }
    return written;
  }

  /**
   * Writes twelve monthly NDVI GeoTIFFs {@code rasters/ndvi/ndvi_<year><MM>.tif} over the region at the
   * generator's pixel for {@code scale} ({@code 0.005° / sqrt(scale)}; 343 gives about 30 m), nodata
   * outside the region. Returns the files.
   */
  public static List<Path> monthlyNdvi(Path landingRoot, Region region, int year, int scale, LongConsumer progress) {
    return monthlyNdvi(landingRoot, region, year, new Grid(region, scale), progress).files();
  }

  /** A year of generated scenes: the files and the pixel grid they share. */
  public record Scenes(List<Path> files, double pixelDeg, int width, int height, long insidePixels) {
    /** Pixels per scene, nodata included (width × height). */
    public long pixels() {
      return (long) width * height;
    }
  }

  /**
   * The pixel size in degrees whose area at the region's centre latitude equals {@code metres}²: 30 gives
   * the area of a 30 m Landsat pixel (900 m²), about 13 million pixels over Tianjin's 11,900 km². Pixels
   * stay square in degrees, so they are a little taller than wide on the ground.
   */
  public static double pixelDegreesForResolution(Region region, double metres) {
    if (!(metres > 0)) {
      throw new IllegalArgumentException("resolution must be positive: " + metres);
    }
    double latitude = Math.toRadians((region.envelope().getMinY() + region.envelope().getMaxY()) / 2);
    double metresPerDegree = Math.toRadians(1) * 6_371_008.8;
    return metres / (metresPerDegree * Math.sqrt(Math.cos(latitude)));
  }

  /**
   * Twelve monthly NDVI GeoTIFFs as {@link #monthlyNdvi(Path, Region, int, int, LongConsumer)} writes
   * them, at a pixel of {@code pixelDeg} degrees (see {@link #pixelDegreesForResolution}).
   */
  public static Scenes monthlyNdvi(Path landingRoot, Region region, int year, double pixelDeg, LongConsumer progress) {
    return monthlyNdvi(landingRoot, region, year, new Grid(region, pixelDeg), progress);
  }

  private static Scenes monthlyNdvi(Path landingRoot, Region region, int year, Grid grid, LongConsumer progress) {
    Path folder = landingRoot.resolve(region.id()).resolve("rasters/ndvi");
    List<Path> written = new ArrayList<>();
    float[] values = new float[grid.size()];
    for (int month = 1; month <= 12; month++) {
      double season = 0.35 + 0.3 * Math.sin((month - 4) / 12.0 * 2 * Math.PI);
      for (int i = 0; i < values.length; i++) {
        if (!grid.inside(i)) {
          values[i] = GeoTiffs.FLOAT_NODATA;
        } else {
          int col = i % grid.width;
          int row = i / grid.width;
          values[i] = (float) (season + 0.2 * Math.sin(col * 0.01) * Math.cos(row * 0.013));
        }
      }
      Path file = folder.resolve(String.format("ndvi_%04d%02d.tif", year, month));
      try {
        Files.createDirectories(folder);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      GeoTiffs.writeFloat(file, grid, "ndvi", values);
      written.add(file);
      progress.accept(month);
    }
    return new Scenes(List.copyOf(written), grid.pixel, grid.width, grid.height, grid.insideCount());
  }

  /** Pixel size in degrees at {@code scale}, and the grid's width and height. */
  public static double[] rasterShape(Region region, int scale) {
    Grid grid = new Grid(region, scale);
    return new double[] {grid.pixel, grid.width, grid.height};
  }
}
