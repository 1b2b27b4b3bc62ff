package org.liangshan.dashboards;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.UUID;

/**
 * A dashboard: rows of charts laid out on Superset's 12-column grid. {@code name} is the English
 * identifier and the URL slug ({@code /superset/dashboard/<name>/}); {@code title} is Chinese.
 */
public record DashboardDef(String name, String title, String description, List<List<ChartDef>> rows) {

  public DashboardDef {
    requireNonNull(name, "name is null");
    requireNonNull(title, "title is null");
    requireNonNull(description, "description is null");
    rows = rows.stream().map(List::copyOf).toList();
    for (List<ChartDef> row : rows) {
      int width = row.stream().mapToInt(ChartDef::width).sum();
      if (row.isEmpty() || width > 12) {
        throw new IllegalArgumentException("Dashboard " + name + ": a row needs 1..12 grid columns, got " + width);
      }
    }
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("Invalid dashboard name (lower-case identifier expected): " + name);
    }
  }

  public UUID uuid() {
    return Uuids.of("dashboard", name);
  }

  public List<ChartDef> charts() {
    return rows.stream().flatMap(List::stream).toList();
  }

  /** The path of the dashboard in Superset's web application. */
  public String path() {
    return "/superset/dashboard/" + name + "/";
  }
}
