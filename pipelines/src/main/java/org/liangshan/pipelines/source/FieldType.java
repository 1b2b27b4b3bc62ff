package org.liangshan.pipelines.source;

/** How a landing value is typed on its way to silver. */
public enum FieldType {
  /** Free text, trimmed. */
  TEXT,
  /** A value from a fixed list; Chinese and English spellings map to one code. */
  CODE,
  /** A whole number, written strictly as the family's convention says ({@link NumberConvention}). */
  INTEGER,
  /** A whole number beyond int range (seeds, counts). */
  LONG,
  /** A finite number (NaN and infinity refused), written as the family's convention says. */
  DOUBLE,
  /** Money in yuan or 10,000 yuan, exact decimal. */
  DECIMAL,
  /** {@code yyyy-MM-dd}, resolved strictly; after the load only where the field is declared {@code future}. */
  DATE,
  /** {@code yyyy-MM}, stored as text. */
  MONTH,
  /** {@code yyyy-MM-dd HH:mm} China Standard Time, stored as a UTC timestamp. */
  TIMESTAMP,
  /** 是/否, true/false, 1/0. */
  BOOLEAN,
  /**
   * A unit of quantity, read by core's {@link org.liangshan.core.unit.Unit#parse} (the one reading of unit texts)
   * and stored as its symbol ({@code 吨/年} as {@code t/a}); an unknown unit is quarantined as UNKNOWN_UNIT.
   */
  UNIT
}
