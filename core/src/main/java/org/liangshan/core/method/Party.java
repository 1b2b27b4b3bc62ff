package org.liangshan.core.method;

import java.util.Locale;

/**
 * A side of a horizontal compensation at a cross-boundary section (METHODOLOGY.md section 5).
 * {@link #NONE} is used when a settlement nets to exactly zero and nobody pays.
 */
public enum Party {
  UPSTREAM,
  DOWNSTREAM,
  NONE;

  /** The JSON name: {@code upstream}, {@code downstream}, {@code none}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The other side; NONE stays NONE. */
  public Party other() {
    return switch (this) {
      case UPSTREAM -> DOWNSTREAM;
      case DOWNSTREAM -> UPSTREAM;
      case NONE -> NONE;
    };
  }
}
