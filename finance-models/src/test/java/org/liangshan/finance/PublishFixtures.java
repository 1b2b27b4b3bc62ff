package org.liangshan.finance;

import static org.liangshan.market.Lakehouse.row;

import java.util.List;
import org.liangshan.core.param.ParameterSet;
import org.liangshan.core.region.Region;
import org.liangshan.market.Lakehouse;
import org.liangshan.warehouse.Run;
import org.liangshan.warehouse.TableCatalog;

/** A test lakehouse with the publication tables too, for tests outside this package. */
public final class PublishFixtures {
  private final Lakehouse lake;

  /** An empty lakehouse. */
  public PublishFixtures() {
    this(FinanceLakehouse.create());
  }

  private PublishFixtures(Lakehouse lake) {
    this.lake = lake;
  }

  /**
   * A copy of the lakehouse holding the Tianjin 2024 compensation inputs of {@link CompensationFixture} and the
   * outputs of one compensation run on them (made once per JVM).
   */
  public static PublishFixtures afterCompensation() {
    return new PublishFixtures(CompensationFixture.computedCopy());
  }

  public TableCatalog catalog() {
    return lake.catalog;
  }

  public Run run(String job, Region region, String period, ParameterSet params) {
    return lake.run(job, region, period, params);
  }

  public void addWaterQuality(String section, String at, String method, String indicator, double value) {
    lake.silver("water_quality", "tianjin", List.of(row("section_id", section, "observed_at", at, "method", method,
        "indicator", indicator, "value", value, "unit", "mg/L")));
  }

  /** Rows appended to a silver table of a region. */
  public void silver(String table, String region, List<java.util.Map<String, Object>> rows) {
    lake.silver(table, region, rows);
  }

  public void gold(org.liangshan.warehouse.TableDef def, String region, List<java.util.Map<String, Object>> rows) {
    lake.write(def, region, rows);
  }
}
