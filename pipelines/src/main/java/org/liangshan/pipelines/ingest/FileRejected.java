package org.liangshan.pipelines.ingest;

/**
 * A whole file cannot be loaded (empty, unreadable, wrong delimiter, missing a required column). Nothing
 * of it is written; the message names the file and the fix.
 */
public final class FileRejected extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final String reason;

  public FileRejected(String file, String reason) {
    super(file + ": " + reason, null, false, false);
    this.file = file;
    this.reason = reason;
  }

  /** The reason, without the file name. */
  public String reason() {
    return reason;
  }

  public String file() {
    return file;
  }
}
