package org.liangshan.pipelines.ingest;

import java.util.List;

/**
 * What one ingest did, per family and file: the reconciliation an operator reads. For every loaded file
 * {@code received = loaded + quarantined + duplicates}. Files refused whole and redeliveries held for
 * confirmation are listed apart: nothing of them was written.
 */
public record LoadReport(List<FileLine> files, List<FileRejected> rejectedFiles, List<Held> heldFiles) {
  public LoadReport {
    files = List.copyOf(files);
    rejectedFiles = List.copyOf(rejectedFiles);
    heldFiles = List.copyOf(heldFiles);
  }

  public LoadReport(List<FileLine> files, List<FileRejected> rejectedFiles) {
    this(files, rejectedFiles, List.of());
  }

  /** One file's counts; {@code skipped} means the same bytes were loaded before. */
  public record FileLine(
      String family, String file, long received, long loaded, long quarantined, long duplicates, boolean skipped) {}

  /**
   * A redelivery of a loaded file held because it would withdraw too much of what the file loaded before:
   * the file's silver rows now ({@code rowsBefore}), how many the redelivery keeps and how many it would
   * withdraw, and why it was held. Loaded only when the operator confirms it ({@code --allow-shrink FILE}).
   */
  public record Held(String family, String file, long rowsBefore, long rowsKept, long rowsWithdrawn, String reason) {
    /** The message an operator reads, without the command to confirm (the caller knows how it was run). */
    public String message() {
      return file + ": HELD, not loaded: " + reason + ". Rows loaded before: " + rowsBefore + ", rows it would keep: "
          + rowsKept + ", rows it would withdraw: " + rowsWithdrawn + ". Nothing changed.";
    }
  }

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
