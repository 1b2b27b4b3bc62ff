package org.liangshan.dashboards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Factories for the chart types the leadership dashboards use, emitting only the form-data fields common
 * to Superset 4.x-6.x. Every column and metric named is looked up in the dataset, so a typo fails when
 * the catalog is built (in the unit tests), not in front of leadership.
 */
public final class Charts {
  private Charts() {}

  private static Map<String, Object> base(String viz) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("viz_type", viz);
    params.put("adhoc_filters", List.of());
    return params;
  }

  /** A map that keeps its insertion order (Map.of's order changes between JVM runs: the YAML must not). */
  static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static List<String> metrics(DatasetDef dataset, List<String> names) {
    names.forEach(dataset::metric);
    return List.copyOf(names);
  }

  private static List<String> columns(DatasetDef dataset, List<String> names) {
    names.forEach(dataset::column);
    return List.copyOf(names);
  }

  /** A single figure (KPI): the metric over the whole dataset. */
  public static ChartDef bigNumber(String name, String title, String description, DatasetDef dataset,
      String metric, String unit) {
    dataset.metric(metric);
    Map<String, Object> params = base("big_number_total");
    params.put("metric", metric);
    params.put("header_font_size", 0.4);
    params.put("subheader_font_size", 0.15);
    params.put("subheader", unit);
    params.put("y_axis_format", dataset.metric(metric).format());
    return new ChartDef(name, title, description, "big_number_total", dataset, params,
        new ChartDef.Check(List.of(), List.of(metric), 1, false), 3, 30);
  }

  /** Bars over a categorical x axis, one series per value of {@code series} (or one series when null). */
  public static ChartDef bar(String name, String title, String description, DatasetDef dataset,
      String xAxis, List<String> metrics, String series, boolean stacked) {
    return xy("echarts_timeseries_bar", name, title, description, dataset, xAxis, metrics, series, stacked);
  }

  /** Lines over a categorical x axis (years), one line per value of {@code series}. */
  public static ChartDef line(String name, String title, String description, DatasetDef dataset,
      String xAxis, List<String> metrics, String series) {
    return xy("echarts_timeseries_line", name, title, description, dataset, xAxis, metrics, series, false);
  }

  private static ChartDef xy(String viz, String name, String title, String description, DatasetDef dataset,
      String xAxis, List<String> metrics, String series, boolean stacked) {
    dataset.column(xAxis);
    List<String> groupby = series == null ? List.of() : columns(dataset, List.of(series));
    Map<String, Object> params = base(viz);
    params.put("x_axis", xAxis);
    params.put("xAxisForceCategorical", true);
    params.put("x_axis_sort_asc", true);
    params.put("metrics", metrics(dataset, metrics));
    params.put("groupby", groupby);
    params.put("row_limit", 10000);
    params.put("order_desc", true);
    params.put("show_legend", true);
    params.put("legendOrientation", "top");
    params.put("rich_tooltip", true);
    params.put("y_axis_format", dataset.metric(metrics.get(0)).format());
    params.put("truncateXAxis", true);
    params.put("xAxisLabelRotation", 0);
    if (viz.endsWith("_bar")) {
      params.put("orientation", "vertical");
      params.put("show_value", false);
      if (stacked) {
        params.put("stack", "Stack");
      }
    } else {
      params.put("markerEnabled", true);
      params.put("markerSize", 6);
    }
    List<String> columns = new ArrayList<>();
    columns.add(xAxis);
    columns.addAll(groupby);
    return new ChartDef(name, title, description, viz, dataset, params,
        new ChartDef.Check(columns, metrics, 10000, false), 6, 50);
  }

  /** A donut of one metric by one column. */
  public static ChartDef pie(String name, String title, String description, DatasetDef dataset,
      String slices, String metric) {
    Map<String, Object> params = base("pie");
    params.put("groupby", columns(dataset, List.of(slices)));
    params.put("metric", metrics(dataset, List.of(metric)).get(0));
    params.put("row_limit", 100);
    params.put("sort_by_metric", true);
    params.put("show_labels", true);
    params.put("label_type", "key_percent");
    params.put("labels_outside", true);
    params.put("number_format", dataset.metric(metric).format());
    params.put("show_legend", true);
    params.put("legendOrientation", "right");
    params.put("donut", true);
    params.put("innerRadius", 40);
    params.put("outerRadius", 70);
    return new ChartDef(name, title, description, "pie", dataset, params,
        new ChartDef.Check(List.of(slices), List.of(metric), 100, false), 6, 50);
  }

  /** A table of metrics grouped by columns. */
  public static ChartDef table(String name, String title, String description, DatasetDef dataset,
      List<String> groupby, List<String> metrics) {
    Map<String, Object> params = base("table");
    params.put("query_mode", "aggregate");
    params.put("groupby", columns(dataset, groupby));
    params.put("metrics", metrics(dataset, metrics));
    params.put("all_columns", List.of());
    params.put("percent_metrics", List.of());
    params.put("order_by_cols", List.of());
    params.put("row_limit", 1000);
    params.put("order_desc", true);
    params.put("server_pagination", false);
    params.put("include_search", false);
    params.put("show_cell_bars", true);
    return new ChartDef(name, title, description, "table", dataset, params,
        new ChartDef.Check(groupby, metrics, 1000, false), 6, 50);
  }

  /**
   * Flows from {@code source} to {@code target} as a directed graph, edge width by a metric. (A Sankey
   * diagram refuses cycles, and compensation runs both ways between regions.)
   */
  public static ChartDef flows(String name, String title, String description, DatasetDef dataset,
      String source, String target, String metric) {
    columns(dataset, List.of(source, target));
    Map<String, Object> params = base("graph_chart");
    params.put("source", source);
    params.put("target", target);
    params.put("metric", metrics(dataset, List.of(metric)).get(0));
    params.put("row_limit", 1000);
    params.put("layout", "circular");
    params.put("edgeSymbol", "none,arrow");
    params.put("show_legend", false);
    params.put("roam", false);
    params.put("draggable", false);
    params.put("selectedMode", "single");
    params.put("showSymbolThreshold", 0);
    params.put("baseNodeSize", 20);
    params.put("baseEdgeWidth", 3);
    return new ChartDef(name, title, description, "graph_chart", dataset, params,
        new ChartDef.Check(List.of(source, target), List.of(metric), 1000, false), 6, 50);
  }

  /**
   * A deck.gl polygon map: one polygon per row from a column holding a JSON array of [lon, lat] pairs,
   * coloured by a metric in {@code buckets} classes.
   */
  public static ChartDef polygonMap(String name, String title, String description, DatasetDef dataset,
      String polygonColumn, String metric, double longitude, double latitude, double zoom) {
    dataset.column(polygonColumn);
    Map<String, Object> params = base("deck_polygon");
    params.put("line_column", polygonColumn);
    params.put("line_type", "json");
    params.put("metric", metrics(dataset, List.of(metric)).get(0));
    params.put("point_radius_fixed", ordered("type", "fix", "value", 0));
    params.put("row_limit", 50000);
    params.put("mapbox_style", "tile://https://tile.openstreetmap.org/{z}/{x}/{y}.png");
    Map<String, Object> viewport = new LinkedHashMap<>();
    viewport.put("longitude", longitude);
    viewport.put("latitude", latitude);
    viewport.put("zoom", zoom);
    viewport.put("bearing", 0);
    viewport.put("pitch", 0);
    params.put("viewport", viewport);
    params.put("autozoom", true);
    params.put("filled", true);
    params.put("stroked", false);
    params.put("extruded", false);
    params.put("multiplier", 1);
    params.put("line_width", 1);
    params.put("opacity", 80);
    params.put("linear_color_scheme", "schemeGreens");
    params.put("num_buckets", "5");
    params.put("break_points", List.of());
    params.put("legend_position", "tr");
    params.put("legend_format", ".1f");
    params.put("fill_color_picker", ordered("r", 30, "g", 130, "b", 76, "a", 1));
    params.put("stroke_color_picker", ordered("r", 255, "g", 255, "b", 255, "a", 1));
    params.put("reverse_long_lat", false);
    params.put("filter_nulls", true);
    params.put("js_columns", List.of());
    params.put("table_filter", false);
    params.put("toggle_polygons", true);
    return new ChartDef(name, title, description, "deck_polygon", dataset, params,
        new ChartDef.Check(List.of(polygonColumn), List.of(metric), 50000, true), 6, 60);
  }
}
