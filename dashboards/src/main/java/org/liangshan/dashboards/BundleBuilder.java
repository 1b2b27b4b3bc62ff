package org.liangshan.dashboards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns dashboards as code into a Superset import bundle (format version 1.0.0). Only the fields common
 * to Superset 4.x-6.x are written; the import fills in the rest. The database entry never holds a
 * password: the publish request supplies it.
 */
public final class BundleBuilder {
  public static final String ROOT = "liangshan_dashboards";
  static final String VERSION = "1.0.0";
  static final String DATABASE_FILE = "databases/Liangshan_Trino.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(
      YAMLFactory.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
          .build());
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Who certified what this bundle publishes. Superset shows it as the certification of every chart, dataset and
   * dashboard; with {@link #CERTIFICATION} it is how a publish recognises the objects an earlier publish of this
   * bundle made (the name-based UUIDs cannot be traced back to names, see {@link Publisher#orphans}).
   */
  public static final String CERTIFIED_BY = "Liangshan";
  /** The certification details of everything this bundle publishes; its prefix ({@code ROOT + ":"}) marks the bundle. */
  public static final String CERTIFICATION = ROOT + ": published as code by 'liangshan dashboards publish'; "
      + "changes made in Superset are overwritten by the next publish";

  private BundleBuilder() {}

  /** Whether a certification-details text is this bundle's mark. */
  public static boolean marked(String certificationDetails) {
    return certificationDetails != null && certificationDetails.startsWith(ROOT + ":");
  }

  public static Bundle build(TrinoTarget trino, List<DashboardDef> dashboards) {
    SortedMap<String, String> files = new TreeMap<>();
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("version", VERSION);
    metadata.put("type", "Dashboard");
    files.put("metadata.yaml", yaml(metadata));
    files.put(DATABASE_FILE, yaml(database(trino)));

    Set<DatasetDef> datasets = new LinkedHashSet<>();
    Set<String> chartNames = new LinkedHashSet<>();
    for (DashboardDef dashboard : dashboards) {
      for (ChartDef chart : dashboard.charts()) {
        if (chartNames.add(chart.name())) {
          files.put("charts/" + chart.name() + ".yaml", yaml(chart(chart)));
          datasets.add(chart.dataset());
        }
      }
      files.put("dashboards/" + dashboard.name() + ".yaml", yaml(dashboard(dashboard)));
    }
    for (DatasetDef dataset : datasets) {
      files.put("datasets/Liangshan_Trino/" + dataset.name() + ".yaml", yaml(dataset(dataset)));
    }
    return new Bundle(ROOT, files);
  }

  /**
   * The part of a bundle one import endpoint takes: its files and what they depend on, with the metadata type
   * that endpoint expects. Superset's dashboard import never overwrites existing databases, datasets or
   * charts (only the dashboards), so a publish imports each level through its own endpoint.
   */
  public static Bundle part(Bundle full, String metadataType, String... prefixes) {
    SortedMap<String, String> files = new TreeMap<>(full.only(prefixes).files());
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("version", VERSION);
    metadata.put("type", metadataType);
    files.put("metadata.yaml", yaml(metadata));
    return new Bundle(full.root(), files);
  }

  /** The file name of the database entry, the key of its password in an import request. */
  public static String databaseFile() {
    return DATABASE_FILE;
  }

  static java.util.UUID databaseUuid() {
    return Uuids.of("database", TrinoTarget.DATABASE_NAME);
  }

  private static Map<String, Object> database(TrinoTarget trino) {
    Map<String, Object> db = new LinkedHashMap<>();
    db.put("database_name", TrinoTarget.DATABASE_NAME);
    db.put("sqlalchemy_uri", trino.sqlalchemyUri());
    db.put("cache_timeout", null);
    db.put("expose_in_sqllab", true);
    db.put("allow_run_async", false);
    db.put("allow_ctas", false);
    db.put("allow_cvas", false);
    db.put("allow_dml", false);
    db.put("allow_csv_upload", false);
    db.put("extra", trino.extra());
    db.put("uuid", databaseUuid().toString());
    db.put("version", VERSION);
    return db;
  }

  private static Map<String, Object> dataset(DatasetDef dataset) {
    Map<String, Object> ds = new LinkedHashMap<>();
    ds.put("table_name", dataset.name());
    ds.put("main_dttm_col", null);
    ds.put("description", dataset.title());
    ds.put("default_endpoint", null);
    ds.put("offset", 0);
    ds.put("cache_timeout", null);
    ds.put("catalog", "delta");
    ds.put("schema", "marts");
    ds.put("sql", dataset.sql() + "\n");
    ds.put("params", null);
    ds.put("template_params", null);
    ds.put("filter_select_enabled", true);
    ds.put("fetch_values_predicate", null);
    ds.put("extra", Map.of("certification", Charts.ordered("certified_by", CERTIFIED_BY, "details", CERTIFICATION)));
    ds.put("normalize_columns", false);
    ds.put("is_managed_externally", true);
    ds.put("uuid", dataset.uuid().toString());
    List<Map<String, Object>> metrics = new ArrayList<>();
    for (DatasetDef.Measure measure : dataset.metrics()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("metric_name", measure.name());
      m.put("verbose_name", measure.title());
      m.put("metric_type", null);
      m.put("expression", measure.expression());
      m.put("description", null);
      m.put("d3format", measure.format());
      m.put("extra", null);
      m.put("warning_text", null);
      metrics.add(m);
    }
    ds.put("metrics", metrics);
    List<Map<String, Object>> columns = new ArrayList<>();
    for (DatasetDef.Field field : dataset.columns()) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("column_name", field.name());
      c.put("verbose_name", field.title());
      c.put("is_dttm", false);
      c.put("is_active", true);
      c.put("type", field.type());
      c.put("groupby", true);
      c.put("filterable", true);
      c.put("expression", null);
      c.put("description", null);
      c.put("python_date_format", null);
      c.put("extra", null);
      columns.add(c);
    }
    ds.put("columns", columns);
    ds.put("version", VERSION);
    ds.put("database_uuid", databaseUuid().toString());
    return ds;
  }

  private static Map<String, Object> chart(ChartDef chart) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("slice_name", chart.title());
    c.put("description", chart.description());
    c.put("certified_by", CERTIFIED_BY);
    c.put("certification_details", CERTIFICATION);
    c.put("is_managed_externally", true);
    c.put("viz_type", chart.viz());
    c.put("params", chart.params());
    c.put("query_context", null);
    c.put("cache_timeout", null);
    c.put("uuid", chart.uuid().toString());
    c.put("version", VERSION);
    c.put("dataset_uuid", chart.dataset().uuid().toString());
    return c;
  }

  private static Map<String, Object> dashboard(DashboardDef dashboard) {
    Map<String, Object> position = new LinkedHashMap<>();
    position.put("DASHBOARD_VERSION_KEY", "v2");
    position.put("ROOT_ID", node("ROOT", "ROOT_ID", List.of("GRID_ID"), List.of(), null));
    List<String> rowIds = new ArrayList<>();
    for (int i = 0; i < dashboard.rows().size(); i++) {
      rowIds.add("ROW-" + (i + 1));
    }
    position.put("GRID_ID", node("GRID", "GRID_ID", rowIds, List.of("ROOT_ID"), null));
    position.put("HEADER_ID", Charts.ordered("id", "HEADER_ID", "type", "HEADER", "meta", Map.of("text", dashboard.title())));
    for (int i = 0; i < dashboard.rows().size(); i++) {
      String rowId = rowIds.get(i);
      List<String> chartIds = new ArrayList<>();
      for (ChartDef chart : dashboard.rows().get(i)) {
        String chartId = "CHART-" + chart.name();
        chartIds.add(chartId);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("width", chart.width());
        meta.put("height", chart.height());
        meta.put("uuid", chart.uuid().toString());
        // A placeholder the import replaces with the chart's id in the target Superset (it must be present).
        meta.put("chartId", position.size());
        meta.put("sliceName", chart.title());
        position.put(chartId, node("CHART", chartId, List.of(), List.of("ROOT_ID", "GRID_ID", rowId), meta));
      }
      position.put(rowId, node("ROW", rowId, chartIds, List.of("ROOT_ID", "GRID_ID"),
          Map.of("background", "BACKGROUND_TRANSPARENT")));
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("color_scheme", "supersetColors");
    metadata.put("refresh_frequency", 0);
    metadata.put("expanded_slices", Map.of());
    metadata.put("label_colors", Map.of());
    metadata.put("timed_refresh_immune_slices", List.of());
    metadata.put("cross_filters_enabled", false);
    metadata.put("native_filter_configuration", List.of());
    metadata.put("default_filters", "{}");

    Map<String, Object> d = new LinkedHashMap<>();
    d.put("dashboard_title", dashboard.title());
    d.put("description", dashboard.description());
    d.put("css", "");
    d.put("slug", dashboard.name());
    d.put("certified_by", CERTIFIED_BY);
    d.put("certification_details", CERTIFICATION);
    d.put("is_managed_externally", true);
    d.put("published", true);
    d.put("uuid", dashboard.uuid().toString());
    d.put("position", position);
    d.put("metadata", metadata);
    d.put("version", VERSION);
    return d;
  }

  private static Map<String, Object> node(String type, String id, List<String> children, List<String> parents,
      Map<String, Object> meta) {
    Map<String, Object> n = new LinkedHashMap<>();
    n.put("type", type);
    n.put("id", id);
    n.put("children", children);
    if (!parents.isEmpty()) {
      n.put("parents", parents);
    }
    if (meta != null) {
      n.put("meta", meta);
    }
    return n;
  }

  static String yaml(Object value) {
    try {
      return YAML.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
