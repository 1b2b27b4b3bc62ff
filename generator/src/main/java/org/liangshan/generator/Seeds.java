package org.liangshan.generator;

import java.util.SplittableRandom;

/**
 * Deterministic random streams. Each stream is seeded from the master seed and a path of names (region,
 * family, entity...), so that families do not depend on each other: adding a row to one family never
 * shifts the numbers of another.
 */
final class Seeds {
  private Seeds() {}

  static long hash(long seed, String... keys) {
    long h = mix(seed ^ 0x9E3779B97F4A7C15L);
    for (String key : keys) {
      for (int i = 0; i < key.length(); i++) {
        h = mix(h ^ key.charAt(i)) * 0x100000001B3L;
      }
      h = mix(h ^ 0xFFL);
    }
    return h;
  }

  static SplittableRandom rng(long seed, String... keys) {
    return new SplittableRandom(hash(seed, keys));
  }

  /** The SplitMix64 finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A standard normal draw (Box–Muller; deterministic for a given stream). */
  static double gaussian(SplittableRandom random) {
    double u1 = random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** A uniform draw in [low, high). */
  static double uniform(SplittableRandom random, double low, double high) {
    return low + (high - low) * random.nextDouble();
  }
}
