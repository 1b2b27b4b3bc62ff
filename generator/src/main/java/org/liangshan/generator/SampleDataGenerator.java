package org.liangshan.generator;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import org.liangshan.core.LiangshanException;

/**
 * Writes deterministic sample landing data for one region, every family of {@code docs/landing-formats.md}
 * with exactly its files, headers and units.
 *
 * <p><b>Determinism.</b> The same request (region, years, scale, seed) gives byte-identical files. Every
 * random number comes from a {@link java.util.SplittableRandom} seeded from (seed, region id, family,
 * entity...), so families are independent of each other; output order never depends on a hash map; no
 * file carries the time it was written (the GeoTIFF writer embeds none).
 *
 * <p><b>Scale.</b> {@code scale} S ≥ 1 multiplies:
 *
 * <ul>
 *   <li>raster cells by S (pixel size {@code 0.005° / sqrt(S)}; 0.005° ≈ 500 m at scale 1);
 *   <li>enterprises by S (each industry's count at scale 1 times S), hence their monthly activity, rights
 *       issued, bids, loans, pledges, repayments and borrower rows;
 *   <li>monitoring sections by S: the configured sections plus S − 1 auxiliary automatic stations per
 *       section ({@code <section>-2}, ...) in the same zone, hence water quality and hydrology rows;
 *   <li>auctions per zone, pollutant and year (S rounds), trades per trading day and right type (S times
 *       the base count), carbon-inclusion activities, rights-register parcels and green projects.
 * </ul>
 *
 * Fixed whatever the scale: weather stations, flux towers (the region's configuration), banks, statistics
 * per district, surveys and vectors. Land-cover areas are absolute (km²), so they do not change with S.
 *
 * <p>Land cover reproduces the region's seed facts ({@code seed_facts.land_cover_km2}: forest, water,
 * wetland) by construction (see {@link Landscape}); NDVI, ET and the fluxes are consistent with it.
 */
public final class SampleDataGenerator {
  /** The seed the command line uses unless told otherwise. */
  public static final long DEFAULT_SEED = 20240101L;

  private SampleDataGenerator() {}

  public static GenerationSummary generate(GenerationRequest request, ProgressListener progress) {
    return generate(request, progress, 12);
  }

  /**
   * Like {@link #generate(GenerationRequest, ProgressListener)} but writing monthly rasters, flux records and
   * automatic water-quality records only for the first {@code monthsPerYear} months of each year (tests).
   */
  static GenerationSummary generate(GenerationRequest request, ProgressListener progress, int monthsPerYear) {
    requireNonNull(request, "request is null");
    requireNonNull(progress, "progress is null");
    if (monthsPerYear < 1 || monthsPerYear > 12) {
      throw new IllegalArgumentException("Invalid months per year (must be 1..12): " + monthsPerYear);
    }
    try {
      Files.createDirectories(request.regionRoot());
    } catch (IOException e) {
      throw LiangshanException.failure(
          e, "Cannot create the landing folder %s: %s. Check the path and its permissions.", request.regionRoot(), e.getMessage());
    }
    Output output = new Output(request.regionRoot(), progress);
    Context context = new Context(request, output, monthsPerYear);
    VectorFamily.generate(context);
    WaterFamily.generate(context);
    MeteoFamily.generate(context);
    FluxFamily.generate(context);
    RasterFamily.generate(context);
    Enterprises.generate(context);
    SurveyFamily.generate(context);
    StatisticsFamily.generate(context);
    MarketFamily.generate(context);
    FinanceFamily.generate(context);
    return output.summary();
  }
}
