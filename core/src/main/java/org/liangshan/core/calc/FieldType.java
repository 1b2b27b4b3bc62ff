package org.liangshan.core.calc;

import java.util.Locale;

/** The JSON type of a calc input or output field. */
public enum FieldType {
  NUMBER,
  INTEGER,
  STRING,
  BOOLEAN,
  OBJECT,
  ARRAY;

  /** Lower-case name as {@code liangshan calc --list} prints it. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
