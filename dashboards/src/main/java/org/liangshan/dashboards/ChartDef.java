package org.liangshan.dashboards;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A Superset chart ("slice"): its visualisation type, the form data Superset renders it from, and the
 * query the platform runs through Superset's chart-data API to check it returns rows. Build charts with
 * {@link Charts}, which validates every column and metric against the dataset.
 *
 * @param name English identifier (stable: the UUID derives from it)
 * @param title Chinese title shown on the dashboard
 * @param params Superset form data (without {@code datasource}, which the import sets)
 * @param check the query behind the chart, as Superset's chart-data API takes it
 * @param width grid columns out of 12
 */
public record ChartDef(
    String name, String title, String description, String viz, DatasetDef dataset,
    Map<String, Object> params, Check check, int width, int height) {

  public ChartDef {
    requireNonNull(name, "name is null");
    requireNonNull(title, "title is null");
    requireNonNull(description, "description is null");
    requireNonNull(viz, "viz is null");
    requireNonNull(dataset, "dataset is null");
    params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    requireNonNull(check, "check is null");
    if (width < 1 || width > 12) {
      throw new IllegalArgumentException("Invalid width (1..12 grid columns): " + width);
    }
    if (height < 10) {
      throw new IllegalArgumentException("Invalid height (at least 10 grid rows): " + height);
    }
  }

  public UUID uuid() {
    return Uuids.of("chart", name);
  }

  /** The same chart with one form-data field set (e.g. {@code xAxisLabelRotation}). */
  public ChartDef with(String key, Object value) {
    Map<String, Object> changed = new LinkedHashMap<>(params);
    changed.put(key, value);
    return new ChartDef(name, title, description, viz, dataset, changed, check, width, height);
  }

  public ChartDef withSize(int newWidth, int newHeight) {
    return new ChartDef(name, title, description, viz, dataset, params, check, newWidth, newHeight);
  }

  /**
   * The chart's query: grouping columns, metrics, row limit. {@code legacy} charts (deck.gl) are fetched
   * through Superset's explore-JSON endpoint, the others through {@code /api/v1/chart/data}.
   */
  public record Check(List<String> columns, List<String> metrics, int rowLimit, boolean legacy) {
    public Check {
      columns = List.copyOf(columns);
      metrics = List.copyOf(metrics);
    }
  }
}
