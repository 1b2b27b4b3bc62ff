package org.liangshan.warehouse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.MapType;

/** One-off: writes Java-declared tables as a spec file (used once per module, then removed). */
public final class TableSpecWriter {
  private static final Map<String, String> UNITS = new LinkedHashMap<>();

  static {
    String[][] units = {
      {"_yuan_per_t_a", "yuan per t/a"}, {"_yuan_per_km2", "yuan/km2"}, {"_kgco2_per_unit", "kg CO2 per unit"},
      {"_gc_m2", "gC/m2"}, {"_m3_s", "m3/s"}, {"_mg_l", "mg/L"}, {"_10k_m3", "10^4 m3"}, {"_per_day", "1/day"},
      {"_tco2e", "tCO2e"}, {"_tco2", "tCO2"}, {"_kgco2", "kg CO2"}, {"_yuan", "yuan"}, {"_km2", "km2"},
      {"_m2", "m2"}, {"_m3", "m3"}, {"_mm", "mm"}, {"_mwh", "MWh"}, {"_kwh", "kWh"}, {"_t_a", "t/a"},
      {"_tc", "t C"}, {"_ha", "ha"}, {"_years", "years"}, {"_lon", "degrees"}, {"_lat", "degrees"},
      {"_t", "t"}, {"_m", "m"}, {"_c", "degC"}, {"_k", "K"}
    };
    for (String[] unit : units) {
      UNITS.put(unit[0], unit[1]);
    }
  }

  private TableSpecWriter() {}

  public static String write(String module, List<TableDef> tables) {
    List<Column> audit = TableSpec.auditColumns("gold");
    StringBuilder y = new StringBuilder();
    y.append("module: ").append(module).append("\n").append("tables:\n");
    for (TableDef table : tables) {
      List<Column> columns = table.columns();
      boolean audited = columns.size() >= audit.size()
          && columns.subList(columns.size() - audit.size(), columns.size()).equals(audit);
      if (audited) {
        columns = columns.subList(0, columns.size() - audit.size());
      }
      y.append("  - name: ").append(table.name()).append('\n');
      y.append("    layer: ").append(table.layer().directory()).append('\n');
      y.append("    comment: ").append(quote(table.comment())).append('\n');
      y.append("    columns:\n");
      for (Column column : columns) {
        String type = type(column);
        y.append("      - {name: ").append(column.name()).append(", type: ").append(type);
        if (column.nullable()) {
          y.append(", nullable: true");
        }
        String unit = unit(column.name());
        if (unit != null && !(type.equals("money") && unit.equals("yuan"))) {
          y.append(", unit: ").append(unit);
        }
        y.append(", description: ").append(quote(column.comment())).append("}\n");
      }
      if (audited) {
        y.append("    audit: gold\n");
      }
      if (!table.partitionBy().isEmpty()) {
        y.append("    partition-by: [").append(String.join(", ", table.partitionBy())).append("]\n");
      }
      if (!table.checks().isEmpty()) {
        y.append("    checks:\n");
        table.checks().forEach((name, expression) -> y.append("      ").append(name).append(": ").append(quote(expression)).append('\n'));
      }
      if (!table.naturalKey().isEmpty()) {
        y.append("    natural-key: [").append(String.join(", ", table.naturalKey())).append("]\n");
      }
      y.append('\n');
    }
    return y.toString();
  }

  private static String unit(String name) {
    for (Map.Entry<String, String> unit : UNITS.entrySet()) {
      if (name.endsWith(unit.getKey())) {
        return unit.getValue();
      }
    }
    return null;
  }

  private static String type(Column column) {
    DataType type = column.type();
    if (type instanceof DecimalType decimal) {
      if (decimal.equals(Column.MONEY) && !column.name().endsWith("_km2")) {
        return "money";
      }
      return "decimal(" + decimal.precision() + "," + decimal.scale() + ")";
    }
    if (type instanceof MapType map) {
      return "map<" + map.keyType().simpleString() + "," + map.valueType().simpleString() + ">";
    }
    if (type.equals(DataTypes.IntegerType)) {
      return "int";
    }
    return type.simpleString();
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
