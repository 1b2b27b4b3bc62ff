package org.liangshan.core.text;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table for the terminal; column widths count CJK characters as two cells. */
public final class TextTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public TextTable(String... header) {
    this.header = List.of(header);
  }

  public TextTable row(Object... values) {
    List<String> row = new ArrayList<>();
    for (Object value : values) {
      row.add(value == null ? "" : value.toString());
    }
    rows.add(row);
    return this;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  @Override
  public String toString() {
    int[] widths = new int[header.size()];
    for (int i = 0; i < header.size(); i++) {
      widths[i] = width(header.get(i));
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], width(row.get(i)));
      }
    }
    StringBuilder out = new StringBuilder();
    append(out, header, widths);
    for (int i = 0; i < widths.length; i++) {
      out.append("-".repeat(widths[i])).append(i + 1 < widths.length ? "  " : "\n");
    }
    for (List<String> row : rows) {
      append(out, row, widths);
    }
    return out.toString();
  }

  private static void append(StringBuilder out, List<String> values, int[] widths) {
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      boolean numeric = value.matches("-?[0-9][0-9,.]*%?");
      int pad = widths[i] - width(value);
      if (numeric) {
        out.append(" ".repeat(pad)).append(value);
      } else {
        out.append(value).append(i + 1 < values.size() ? " ".repeat(pad) : "");
      }
      out.append(i + 1 < values.size() ? "  " : "\n");
    }
  }

  public static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      w += (c >= 0x2E80 && c <= 0xFFEF) ? 2 : 1;
    }
    return w;
  }
}
