package org.liangshan.generator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a generation wrote: files and records per family (in the order the families were generated) and the
 * total number of bytes. Records are data rows (CSV rows without the header, GeoJSON features, raster cells
 * inside the region).
 */
public record GenerationSummary(Map<String, Long> filesByFamily, Map<String, Long> recordsByFamily, long bytes) {
  public GenerationSummary {
    filesByFamily = Collections.unmodifiableMap(new LinkedHashMap<>(filesByFamily));
    recordsByFamily = Collections.unmodifiableMap(new LinkedHashMap<>(recordsByFamily));
  }

  public long files() {
    return filesByFamily.values().stream().mapToLong(Long::longValue).sum();
  }

  public long records() {
    return recordsByFamily.values().stream().mapToLong(Long::longValue).sum();
  }
}
