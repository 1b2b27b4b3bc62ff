package org.liangshan.cli;

import org.liangshan.core.LiangshanException;

/** A year range written {@code 2023-2024} or {@code 2024}. */
record Years(int first, int last) {
  static Years parse(String text) {
    String[] parts = text.strip().split("-");
    try {
      int first = Integer.parseInt(parts[0]);
      int last = parts.length > 1 ? Integer.parseInt(parts[1]) : first;
      if (parts.length > 2 || first < 1990 || last > 2100 || last < first) {
        throw new NumberFormatException();
      }
      return new Years(first, last);
    } catch (NumberFormatException e) {
      throw LiangshanException.badInput("Invalid --years '%s': expected YYYY or YYYY-YYYY between 1990 and 2100.", text);
    }
  }
}
