package org.liangshan.pipelines.ingest;

import java.util.List;

/**
 * What one ingest did, per family and file: the reconciliation an operator reads. For every loaded file
 * {@code received = loaded + quarantined + duplicates}.
 */
public record LoadReport(List<FileLine> files, List<FileRejected> rejectedFiles) {
  public LoadReport {
    files = List.copyOf(files);
    rejectedFiles = List.copyOf(rejectedFiles);
  }

  /** One file's counts; {@code skipped} means the same bytes were loaded before. */
  public record FileLine(
      String family, String file, long received, long loaded, long quarantined, long duplicates, boolean skipped) {}

  public long received() {
    return files.stream().mapToLong(FileLine::received).sum();
  }

  public long loaded() {
    return files.stream().mapToLong(FileLine::loaded).sum();
  }

  public long quarantined() {
    return files.stream().mapToLong(FileLine::quarantined).sum();
  }

  public long duplicates() {
    return files.stream().mapToLong(FileLine::duplicates).sum();
  }
}
