package org.liangshan.core;

import static java.util.Objects.requireNonNull;

/**
 * The one error type users see. Each carries a {@link Kind}: {@code BAD_INPUT} is the caller's to fix
 * (the CLI exits 2), {@code FAILURE} is ours or the environment's (the CLI exits 1). Messages state the
 * problem, the cause and, where there is one, the fix. Build them through the factory methods so that
 * wording stays consistent.
 */
public class LiangshanException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Who has to act. */
  public enum Kind {
    /** Bad usage or bad input: exit status 2. */
    BAD_INPUT,
    /** A failure of the platform or its environment: exit status 1. */
    FAILURE
  }

  private final Kind kind;

  protected LiangshanException(Kind kind, String message, Throwable cause) {
    super(requireNonNull(message, "message is null"), cause);
    this.kind = requireNonNull(kind, "kind is null");
  }

  public Kind kind() {
    return kind;
  }

  public static LiangshanException badInput(String format, Object... args) {
    return new LiangshanException(Kind.BAD_INPUT, String.format(format, args), null);
  }

  public static LiangshanException badInput(Throwable cause, String format, Object... args) {
    return new LiangshanException(Kind.BAD_INPUT, String.format(format, args), cause);
  }

  /** A bad value of a named field: "field 'ndvi': must be in [-1, 1], got 1.4". */
  public static LiangshanException badField(String field, String reason) {
    return new LiangshanException(Kind.BAD_INPUT, "field '" + field + "': " + reason, null);
  }

  public static LiangshanException failure(String format, Object... args) {
    return new LiangshanException(Kind.FAILURE, String.format(format, args), null);
  }

  public static LiangshanException failure(Throwable cause, String format, Object... args) {
    return new LiangshanException(Kind.FAILURE, String.format(format, args), cause);
  }
}
