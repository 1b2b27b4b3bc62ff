package org.liangshan.generator;

/** Told as families and their files complete, so a command line can show progress. */
public interface ProgressListener {
  /** A listener that ignores progress. */
  ProgressListener NONE = (family, done, total) -> {};

  /**
   * @param family the family being generated (e.g. {@code rasters/ndvi}, {@code water-quality-auto})
   * @param done files of that family written so far
   * @param total files that family will write
   */
  void step(String family, int done, int total);
}
