package org.liangshan.generator;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.region.Region;

/**
 * What to generate: a region, an inclusive span of years, a scale factor and a seed. Files go to
 * {@code landingRoot/<region id>/<family>/...}. The same request always yields byte-identical files.
 *
 * @param scale {@code >= 1}; see {@link SampleDataGenerator} for what it multiplies
 * @param seed the master seed; the CLI passes {@link SampleDataGenerator#DEFAULT_SEED} unless told otherwise
 */
public record GenerationRequest(Region region, int firstYear, int lastYear, int scale, long seed, Path landingRoot) {
  /** The earliest and latest year the generator accepts. */
  static final int MIN_YEAR = 2000;

  static final int MAX_YEAR = 2100;

  public GenerationRequest {
    requireNonNull(region, "region is null");
    requireNonNull(landingRoot, "landingRoot is null");
    if (scale < 1) {
      throw LiangshanException.badInput("Invalid scale %d: must be 1 or more (1 is the default sample size).", scale);
    }
    if (scale > 64) {
      throw LiangshanException.badInput(
          "Invalid scale %d: at most 64 (rasters grow with the scale; generate several regions instead).", scale);
    }
    if (firstYear < MIN_YEAR || firstYear > MAX_YEAR) {
      throw LiangshanException.badInput("Invalid first year %d: must be in [%d, %d].", firstYear, MIN_YEAR, MAX_YEAR);
    }
    if (lastYear < firstYear) {
      throw LiangshanException.badInput(
          "Invalid year span %d..%d: the last year is before the first; swap them.", firstYear, lastYear);
    }
    if (lastYear > MAX_YEAR) {
      throw LiangshanException.badInput("Invalid last year %d: must be in [%d, %d].", lastYear, MIN_YEAR, MAX_YEAR);
    }
  }

  /** The region's landing folder. */
  public Path regionRoot() {
    return landingRoot.resolve(region.id());
  }

  /** Number of years in the span. */
  public int years() {
    return lastYear - firstYear + 1;
  }
}
