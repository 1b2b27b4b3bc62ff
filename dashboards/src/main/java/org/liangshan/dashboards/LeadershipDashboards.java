package org.liangshan.dashboards;

import java.util.List;

/**
 * The dashboards for leadership and operations as declared in {@code spec/dashboards.yaml} (datasets over the
 * marts, the charts on them, and their layout). Titles are Chinese; identifiers (and so the UUIDs) are English.
 * docs/dashboards.md describes each chart and where its figure comes from.
 */
public final class LeadershipDashboards {
  private LeadershipDashboards() {}

  /** Every dashboard, in the order of the menu. */
  public static List<DashboardDef> all() {
    return DashboardSpec.load().dashboards();
  }
}
