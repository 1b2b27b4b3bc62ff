package org.liangshan.dashboards;

import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;
import org.liangshan.core.region.WaterFunctionZone;

/**
 * SQL fragments the datasets' macros expand to (DashboardSpec): Chinese labels for codes, region and zone names
 * taken from the regions' configuration so a new region needs no change here.
 * Only constants from configuration and the spec are ever inlined.
 */
final class Sql {
  private Sql() {}

  /** region id to its Chinese name, from the regions' configuration. */
  static String regionName(String column) {
    Map<String, String> names = new TreeMap<>();
    for (Region region : Regions.all()) {
      names.put(region.id(), region.name());
    }
    return label(column, names);
  }

  /** water-function zone id to its Chinese name, from the regions' configuration. */
  static String zoneName(String column) {
    Map<String, String> names = new TreeMap<>();
    for (Region region : Regions.all()) {
      for (WaterFunctionZone zone : region.zones()) {
        names.put(zone.id(), zone.name());
      }
    }
    return label(column, names);
  }

  /** {@code CASE column WHEN 'code' THEN 'label' ... ELSE column END}. */
  static String label(String column, Map<String, String> labels) {
    StringJoiner sql = new StringJoiner(" ", "CASE " + column + " ", " ELSE " + column + " END");
    labels.forEach((code, label) -> sql.add("WHEN " + literal(code) + " THEN " + literal(label)));
    return sql.toString();
  }

  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
