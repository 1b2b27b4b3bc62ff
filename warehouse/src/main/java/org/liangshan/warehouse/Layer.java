package org.liangshan.warehouse;

/** The medallion layers, plus {@code ops} for the platform's own records (run log, quarantine). */
public enum Layer {
  BRONZE("bronze"),
  SILVER("silver"),
  GOLD("gold"),
  OPS("ops");

  private final String directory;

  Layer(String directory) {
    this.directory = directory;
  }

  /** The directory under the lakehouse root, and the Trino schema name. */
  public String directory() {
    return directory;
  }
}
