package org.liangshan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;
import org.liangshan.generator.GenerationRequest;
import org.liangshan.generator.GenerationSummary;
import org.liangshan.generator.SampleDataGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {
      "Write deterministic sample landing data for a region: every source family in docs/landing-formats.md",
      "(GeoTIFF scenes, water quality, hydrology, flux towers, meteorology, enterprises, surveys, statistics,",
      "market and finance files). The same arguments always give byte-identical files.",
      "  liangshan generate --region liyang --years 2023-2024 --scale 1 --out landing"
    })
final class GenerateCommand implements Callable<Integer> {
  /** The seed the demo and the README use. */
  static final long DEFAULT_SEED = 20240101L;

  @Option(names = "--region", required = true, paramLabel = "REGION", description = "liyang or tianjin.")
  String region;

  @Option(names = "--years", defaultValue = "2023-2024", paramLabel = "Y1-Y2", description = "Years to generate (default ${DEFAULT-VALUE}).")
  String years;

  @Option(names = "--scale", defaultValue = "1", paramLabel = "S",
      description = "Size multiplier for benchmarks: raster pixels and tabular records grow about S-fold (default ${DEFAULT-VALUE}).")
  int scale;

  @Option(names = "--seed", defaultValue = "" + DEFAULT_SEED, paramLabel = "N", description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", defaultValue = "landing", paramLabel = "DIR", description = "Landing root to write under (default ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    if (scale < 1) {
      throw LiangshanException.badInput("Invalid --scale %d: must be 1 or more.", scale);
    }
    Years range = Years.parse(years);
    Region r = Regions.load(region);
    GenerationSummary summary = generate(r, range, scale, seed, out);
    System.out.printf("Generated %s %d-%d at scale %d into %s: %,d files, %,d records, %.1f MB%n", r.nameEn(), range.first(),
        range.last(), scale, out.resolve(r.id()), summary.filesByFamily().values().stream().mapToLong(Long::longValue).sum(),
        summary.recordsByFamily().values().stream().mapToLong(Long::longValue).sum(), summary.bytes() / 1e6);
    return Main.OK;
  }

  static GenerationSummary generate(Region region, Years years, int scale, long seed, Path out) {
    long[] last = {0};
    return SampleDataGenerator.generate(
        new GenerationRequest(region, years.first(), years.last(), scale, seed, out),
        (family, done, total) -> {
          long now = System.nanoTime();
          if (done == total || now - last[0] > 2_000_000_000L) {
            last[0] = now;
            System.err.printf("  generating %-8s %-24s %d/%d%n", region.id(), family, done, total);
          }
        });
  }
}
