package org.liangshan.pipelines.source;

import static java.util.Objects.requireNonNull;

/**
 * Why a record cannot enter silver: a machine-readable reason code, the field at fault (when one) and a
 * message for the person who must fix the delivery. Thrown by parsers; the load turns it into a
 * quarantine row, never into a lost record.
 */
public final class Rejection extends Exception {
  private static final long serialVersionUID = 1L;

  /** Reason codes, stable for dashboards and reports. */
  public enum Reason {
    MISSING_VALUE,
    NOT_A_NUMBER,
    BAD_DATE,
    OUT_OF_RANGE,
    NEGATIVE_VALUE,
    UNKNOWN_CODE,
    UNKNOWN_UNIT,
    /** A known unit that does not convert to the one the record's right type is quoted in (tCO2e on an eco-voucher). */
    UNIT_MISMATCH,
    /** A units row under the header (REddyProc text): checked, kept in bronze, not a record. */
    UNITS_ROW,
    FUTURE_TIMESTAMP,
    UNKNOWN_REFERENCE,
    WRONG_COLUMN_COUNT,
    BAD_CHECK_DIGIT,
    INVALID_GEOMETRY,
    /** A right without the start of its term, its kind, or (a flow right) its end; half a stated term. */
    MISSING_TERM,
    /** A term that ends before it starts. */
    INVERTED_TERM
  }

  private final Reason reason;
  private final String field;

  public Rejection(Reason reason, String field, String message) {
    super(message, null, false, false);
    this.reason = requireNonNull(reason, "reason is null");
    this.field = field;
  }

  public Reason reason() {
    return reason;
  }

  /** The offending field, or null when the record as a whole is at fault. */
  public String field() {
    return field;
  }
}
