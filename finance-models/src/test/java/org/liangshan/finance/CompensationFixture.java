package org.liangshan.finance;

import static org.liangshan.market.Lakehouse.row;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;
import org.liangshan.geo.GeoTables;
import org.liangshan.market.Lakehouse;

/**
 * Silver water quality, hydrology and gold GEP for Tianjin 2024: the compensation tests' inputs; and, made
 * once per JVM, a lakehouse holding them and the outputs of one compensation run on them, which the classes
 * starting from that run each take a copy of (they review, approve and recompute).
 */
final class CompensationFixture {
  /** The inputs and the outputs of one compensation run; never written to once made, only copied. */
  private static Lakehouse computed;
  private static CompensationJob.Summary computedSummary;

  private CompensationFixture() {}

  /** A copy of the lakehouse holding these inputs and the outputs of one compensation run of Tianjin 2024. */
  static Lakehouse computedCopy() {
    return computed().copy();
  }

  /** The summary of that run. */
  static CompensationJob.Summary computedSummary() {
    computed();
    return computedSummary;
  }

  private static synchronized Lakehouse computed() {
    if (computed == null) {
      Lakehouse lake = FinanceLakehouse.create();
      write(lake);
      Region tianjin = Regions.load("tianjin");
      ParameterSet params = ParameterSet.forRegion(tianjin);
      computedSummary = CompensationJob.run(lake.run("compensation", tianjin, "2024", params), tianjin, 2024, params);
      computed = lake;
    }
    return computed;
  }

  static void write(Lakehouse lake) {
    List<Map<String, Object>> wq = new ArrayList<>();
    // TJ-S01 (Xin'an P-index): January 2023 is the baseline; January 2024 manual (an automatic CODMn of 100 is
    // ignored because the month has a manual one); February 2024 automatic only.
    wq.addAll(sample("TJ-S01", "2023-01-14T16:00:00Z", "manual", 4.0, 0.5, 1.0, 0.1));
    wq.addAll(sample("TJ-S01", "2024-01-14T16:00:00Z", "manual", 4.0, 0.55, 0.9, 0.12));
    wq.add(row("section_id", "TJ-S01", "observed_at", "2024-01-20T00:00:00Z", "method", "auto", "indicator", "codmn",
        "value", 100.0, "unit", "mg/L"));
    wq.addAll(sample("TJ-S01", "2024-02-10T00:00:00Z", "auto", 4.0, 0.5, 1.0, 0.1));
    // TJ-S08 (Yongding, P-index with a quantity term): June 2023 is the baseline, June 2024 every factor 1.1 times it.
    wq.addAll(sample("TJ-S08", "2023-06-14T16:00:00Z", "manual", 8.0, 1.0, 3.0, 0.2));
    wq.addAll(sample("TJ-S08", "2024-06-14T16:00:00Z", "manual", 8.8, 1.1, 3.3, 0.22));
    // TJ-S03 (Jiangsu per factor): April above target, May CODMn below it.
    wq.addAll(sample("TJ-S03", "2024-04-14T16:00:00Z", "manual", 10.5, 1.7, null, 0.35));
    wq.addAll(sample("TJ-S03", "2024-05-14T16:00:00Z", "manual", 9.0, 1.5, null, 0.3));
    lake.silver("water_quality", "tianjin", wq);
    List<Map<String, Object>> flows = new ArrayList<>(Lakehouse.rows(
        row("section_id", "TJ-S03", "date", "2024-04-01", "flow_m3_s", 4.0),
        row("section_id", "TJ-S03", "date", "2024-04-02", "flow_m3_s", 6.0),
        row("section_id", "TJ-S03", "date", "2024-05-01", "flow_m3_s", 5.0)));
    // TJ-S08: 10 m³/s in every month of 2024, 316,224,000 m³ in the year.
    for (int m = 1; m <= 12; m++) {
      flows.add(row("section_id", "TJ-S08", "date", String.format("2024-%02d-15", m), "flow_m3_s", 10.0));
    }
    lake.silver("hydrology", "tianjin", flows);
    lake.write(GeoTables.GEP_BY_DISTRICT, "tianjin", Lakehouse.rows(
        gep(2024, "120101", "和平区", "water_conservation", "600000000"),
        gep(2024, "120101", "和平区", "carbon_fixation", "400000000"),
        gep(2024, "120102", "河东区", "water_conservation", "2000000000"),
        gep(2024, "120103", "河西区", "water_conservation", "4000000000"),
        gep(2023, "120101", "和平区", "water_conservation", "900000000"),
        gep(2023, "120102", "河东区", "water_conservation", "2100000000")));
  }

  static List<Map<String, Object>> sample(String section, String at, String method, Double codmn, Double nh3n,
      Double tn, Double tp) {
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<String, Double> values = new java.util.LinkedHashMap<>();
    values.put("codmn", codmn);
    values.put("nh3n", nh3n);
    values.put("tn", tn);
    values.put("tp", tp);
    values.forEach((indicator, value) -> {
      if (value != null) {
        rows.add(row("section_id", section, "observed_at", at, "method", method, "indicator", indicator, "value", value,
            "unit", "mg/L"));
      }
    });
    return rows;
  }

  static Map<String, Object> gep(int year, String code, String name, String service, String value) {
    return row("year", year, "district_code", code, "district", name, "service", service, "category", "ERV",
        "physical_quantity", 1.0, "physical_unit", "m3", "value_yuan", value);
  }

}
