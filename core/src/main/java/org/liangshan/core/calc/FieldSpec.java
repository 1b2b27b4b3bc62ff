package org.liangshan.core.calc;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A calc input or output field as {@code liangshan calc --list} describes it (METHODOLOGY.md "The
 * calc contract"): snake_case name, JSON type, unit ("-" when dimensionless, "" when not a
 * quantity), whether it is required, the default of an optional input (a literal or the
 * parameter-set key it comes from), and a one-line description.
 */
public record FieldSpec(
    String name,
    FieldType type,
    String unit,
    boolean required,
    Optional<String> defaultValue,
    String description) {
  public FieldSpec {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    requireNonNull(unit, "unit is null");
    requireNonNull(defaultValue, "defaultValue is null");
    requireNonNull(description, "description is null");
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("Invalid field name (must be snake_case): " + name);
    }
    if (required && defaultValue.isPresent()) {
      throw new IllegalArgumentException("A required field has no default: " + name);
    }
  }

  /** A required input. */
  public static FieldSpec required(String name, FieldType type, String unit, String description) {
    return new FieldSpec(name, type, unit, true, Optional.empty(), description);
  }

  /** An optional input and where its default comes from. */
  public static FieldSpec optional(
      String name, FieldType type, String unit, String defaultValue, String description) {
    return new FieldSpec(name, type, unit, false, Optional.of(defaultValue), description);
  }

  /** An output field (always present unless its description says when). */
  public static FieldSpec output(String name, FieldType type, String unit, String description) {
    return new FieldSpec(name, type, unit, true, Optional.empty(), description);
  }
}
