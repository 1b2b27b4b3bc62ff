package org.liangshan.generator;

import java.util.SplittableRandom;

/**
 * A smooth random field over lon/lat: a sum of seeded plane waves with wavelengths in a band. Values are
 * roughly in [-1, 1] (normalised by the root of the number of waves), resolution-independent, so the same
 * field is sampled at any raster scale.
 */
final class SmoothField {
  private final double[] kx;
  private final double[] ky;
  private final double[] phase;
  private final double norm;

  SmoothField(SplittableRandom random, int waves, double minWavelengthDeg, double maxWavelengthDeg) {
    kx = new double[waves];
    ky = new double[waves];
    phase = new double[waves];
    for (int i = 0; i < waves; i++) {
      double wavelength = minWavelengthDeg * Math.pow(maxWavelengthDeg / minWavelengthDeg, random.nextDouble());
      double angle = random.nextDouble() * Math.PI;
      kx[i] = 2 * Math.PI / wavelength * Math.cos(angle);
      ky[i] = 2 * Math.PI / wavelength * Math.sin(angle);
      phase[i] = random.nextDouble() * 2 * Math.PI;
    }
    norm = Math.sqrt(waves / 2.0);
  }

  double at(double lon, double lat) {
    double sum = 0;
    for (int i = 0; i < kx.length; i++) {
      sum += Math.sin(kx[i] * lon + ky[i] * lat + phase[i]);
    }
    return sum / norm;
  }
}
