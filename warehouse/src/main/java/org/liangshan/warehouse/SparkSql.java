package org.liangshan.warehouse;

import java.util.List;

/**
 * The one way a value becomes a Spark SQL literal (in a {@code replaceWhere}, a MERGE condition, a slice
 * predicate). Spark's parser escapes with a backslash; a doubled quote ({@code 'it''s'}) is not an escape
 * there but two adjacent literals, which drops the quote. Trino's rule differs (doubled quotes): the
 * dashboards' SQL has its own helper for it.
 */
public final class SparkSql {
  private SparkSql() {}

  /** A Spark SQL string literal of {@code value}, quotes and backslashes escaped. */
  public static String literal(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** {@code ('a', 'b', ...)}: the values as an IN list of literals. */
  public static String in(List<String> values) {
    StringBuilder in = new StringBuilder("(");
    for (String value : values) {
      in.append(in.length() == 1 ? "" : ", ").append(literal(value));
    }
    return in.append(')').toString();
  }
}
