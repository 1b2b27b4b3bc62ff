package org.liangshan.dashboards;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;
import org.locationtech.jts.geom.Envelope;

/**
 * The dashboards as declared in {@code spec/dashboards.yaml}: the file's records, checked when they are read (a
 * chart naming a dataset, metric or column that does not exist fails at load, naming the chart), and turned into
 * the datasets and charts the bundle is built from.
 */
public final class DashboardSpec {
  static final String RESOURCE = "spec/dashboards.yaml";

  private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .build();

  private static final Pattern MACRO = Pattern.compile("\\$\\{(\\w+)(?:\\((.*?)\\))?}");
  private static final Pattern AGGREGATE = Pattern.compile("(SUM|AVG|COUNT|MAX|MIN)\\(.*");
  /** A column in a metric's SQL: a lower-case identifier (functions and keywords are written in upper case). */
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])[a-z_][a-z0-9_]*(?![\\w(])");

  private final List<DashboardDef> dashboards;

  private DashboardSpec(List<DashboardDef> dashboards) {
    this.dashboards = List.copyOf(dashboards);
  }

  /** The spec shipped with the platform (read once per call; it is small). */
  public static DashboardSpec load() {
    try (InputStream in = DashboardSpec.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The dashboard spec " + RESOURCE + " is not on the classpath");
      }
      return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), Regions.all());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the dashboard spec " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  /** Reads a spec's text; per-region datasets and charts are repeated for each of {@code regions}, in order. */
  static DashboardSpec parse(String yaml, List<Region> regions) {
    File file;
    try {
      file = YAML.readValue(yaml, File.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // A record's own check (compact constructor) arrives wrapped: its message is the one to show.
      String problem = e instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException && e.getCause() != null
          ? e.getCause().getMessage() : e.getOriginalMessage();
      String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
      throw new IllegalArgumentException("Invalid dashboard spec " + RESOURCE + line + ": " + problem, e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the dashboard spec " + RESOURCE + ": " + e.getMessage(), e);
    }
    Map<String, DatasetDef> datasets = new LinkedHashMap<>();
    for (Dataset dataset : file.datasets()) {
      for (Region region : instances(dataset.perRegion(), regions)) {
        DatasetDef def = dataset.resolve(region, file.labels());
        if (datasets.put(def.name(), def) != null) {
          throw new IllegalArgumentException("Dataset " + def.name() + " is declared twice in " + RESOURCE);
        }
      }
    }
    List<DashboardDef> dashboards = new ArrayList<>();
    for (Dashboard dashboard : file.dashboards()) {
      List<List<ChartDef>> rows = new ArrayList<>();
      for (List<Chart> row : dashboard.rows()) {
        List<ChartDef> charts = new ArrayList<>();
        for (Chart chart : row) {
          for (Region region : instances(chart.perRegion(), regions)) {
            charts.add(chart.resolve(dashboard.name(), region, datasets));
          }
        }
        rows.add(charts);
      }
      dashboards.add(new DashboardDef(dashboard.name(), dashboard.title(), dashboard.description(), rows));
    }
    return new DashboardSpec(dashboards);
  }

  /** Every dashboard, in the order of the menu. */
  public List<DashboardDef> dashboards() {
    return dashboards;
  }

  /** The charts of every dashboard, in dashboard and layout order. */
  public List<ChartDef> charts() {
    return dashboards.stream().flatMap(d -> d.charts().stream()).toList();
  }

  /** The dataset named, as the charts use it. */
  public DatasetDef dataset(String name) {
    return charts().stream().map(ChartDef::dataset).filter(d -> d.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No chart uses a dataset named " + name));
  }

  // ------------------------------------------------------------------ the file's records

  record File(Map<String, Map<String, String>> labels, List<Dataset> datasets, List<Dashboard> dashboards) {
    File {
      labels = labels == null ? Map.of() : labels;
      requireNonNull(datasets, "datasets is null");
      requireNonNull(dashboards, "dashboards is null");
    }
  }

  /** A column's type as the dataset declares it to Superset. */
  enum ColumnType {
    TEXT("VARCHAR"), INTEGER("INTEGER"), NUMBER("DOUBLE"), MONEY("DECIMAL(38, 6)");

    private final String sql;

    ColumnType(String sql) {
      this.sql = sql;
    }
  }

  record Column(String name, String label, ColumnType type) {
    Column {
      requireNonNull(name, "column name is null");
      requireNonNull(label, "label of column " + name + " is null");
      requireNonNull(type, "type of column " + name + " is null");
    }
  }

  record Metric(String name, String label, String sql, String format) {
    Metric {
      requireNonNull(name, "metric name is null");
      requireNonNull(label, "label of metric " + name + " is null");
      requireNonNull(sql, "sql of metric " + name + " is null");
      requireNonNull(format, "format of metric " + name + " is null");
      if (!AGGREGATE.matcher(sql).matches()) {
        throw new IllegalArgumentException("Metric " + name + " must be an aggregate (SUM, AVG, COUNT, MAX, MIN) of the "
            + "dataset's columns, got: " + sql);
      }
    }
  }

  record Dataset(String name, String title, boolean perRegion, List<String> sources, String sql, List<Column> columns,
      List<Metric> metrics) {
    Dataset {
      requireNonNull(name, "dataset name is null");
      requireNonNull(title, "title of dataset " + name + " is null");
      requireNonNull(sql, "sql of dataset " + name + " is null");
      sources = List.copyOf(requireNonNull(sources, "sources of dataset " + name + " is null"));
      columns = List.copyOf(requireNonNull(columns, "columns of dataset " + name + " is null"));
      metrics = metrics == null ? List.of() : List.copyOf(metrics);
      if (perRegion != name.contains("{region}")) {
        throw new IllegalArgumentException("Dataset " + name + ": per_region datasets, and only they, have {region} in their name");
      }
      for (Column column : columns) {
        if (!Pattern.compile("(\\.|\\bAS )" + column.name() + "\\b").matcher(sql).find()) {
          throw new IllegalArgumentException("Dataset " + name + ": column " + column.name() + " is not selected by its SQL");
        }
      }
      for (Metric metric : metrics) {
        Matcher identifier = IDENTIFIER.matcher(metric.sql());
        while (identifier.find()) {
          String used = identifier.group();
          if (columns.stream().noneMatch(c -> c.name().equals(used))) {
            throw new IllegalArgumentException("Dataset " + name + ": metric " + metric.name() + " names " + used
                + ", which is not one of the dataset's columns");
          }
        }
      }
    }

    DatasetDef resolve(Region region, Map<String, Map<String, String>> labels) {
      DatasetDef.Builder builder = DatasetDef.builder(named(name, region), named(title, region))
          .sql(expand(sql, region, labels, name), sources.toArray(String[]::new));
      for (Column column : columns) {
        builder.column(column.name(), column.label(), column.type().sql);
      }
      for (Metric metric : metrics) {
        builder.metric(metric.name(), metric.label(), metric.sql(), metric.format());
      }
      return builder.build();
    }
  }

  record Dashboard(String name, String title, String description, List<List<Chart>> rows) {
    Dashboard {
      requireNonNull(name, "dashboard name is null");
      requireNonNull(title, "title of dashboard " + name + " is null");
      requireNonNull(description, "description of dashboard " + name + " is null");
      rows = requireNonNull(rows, "rows of dashboard " + name + " is null").stream().map(List::copyOf).toList();
    }
  }

  /** The chart types the dashboards use (each built by a {@link Charts} factory). */
  enum ChartType { BAR, LINE, PIE, TABLE, BIG_NUMBER, FLOWS, POLYGON_MAP }

  record Chart(String name, boolean perRegion, ChartType type, String title, String description, String dataset,
      String x, String series, boolean stacked, List<String> dimensions, List<String> metrics, String unit,
      int width, int height, Map<String, Object> options) {
    Chart {
      requireNonNull(name, "chart name is null");
      requireNonNull(type, "type of chart " + name + " is null");
      requireNonNull(title, "title of chart " + name + " is null");
      requireNonNull(description, "description of chart " + name + " is null");
      requireNonNull(dataset, "dataset of chart " + name + " is null");
      dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
      metrics = List.copyOf(requireNonNull(metrics, "metrics of chart " + name + " is null"));
      options = options == null ? Map.of() : new LinkedHashMap<>(options);
      if (perRegion != name.contains("{region}")) {
        throw new IllegalArgumentException("Chart " + name + ": per_region charts, and only they, have {region} in their name");
      }
    }

    ChartDef resolve(String dashboard, Region region, Map<String, DatasetDef> datasets) {
      String chartName = named(name, region);
      DatasetDef data = datasets.get(named(dataset, region));
      if (data == null) {
        throw new IllegalArgumentException("Chart " + chartName + " (dashboard " + dashboard + ") names dataset "
            + named(dataset, region) + ", which " + RESOURCE + " does not declare");
      }
      try {
        ChartDef chart = build(chartName, named(title, region), data, region).withSize(width, height);
        for (Map.Entry<String, Object> option : options.entrySet()) {
          chart = chart.with(option.getKey(), option.getValue());
        }
        return chart;
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Chart " + chartName + " (dashboard " + dashboard + "): " + e.getMessage(), e);
      }
    }

    private ChartDef build(String chartName, String chartTitle, DatasetDef data, Region region) {
      return switch (type) {
        case BAR -> Charts.bar(chartName, chartTitle, description, data, required(x, "x"), metrics, series, stacked);
        case LINE -> Charts.line(chartName, chartTitle, description, data, required(x, "x"), metrics, series);
        case PIE -> Charts.pie(chartName, chartTitle, description, data, only(dimensions, "dimension"), only(metrics, "metric"));
        case TABLE -> Charts.table(chartName, chartTitle, description, data, dimensions, metrics);
        case BIG_NUMBER -> Charts.bigNumber(chartName, chartTitle, description, data, only(metrics, "metric"),
            required(unit, "unit"));
        case FLOWS -> {
          if (dimensions.size() != 2) {
            throw new IllegalArgumentException("a flows chart has two dimensions (source, target), got " + dimensions);
          }
          yield Charts.flows(chartName, chartTitle, description, data, dimensions.get(0), dimensions.get(1),
              only(metrics, "metric"));
        }
        case POLYGON_MAP -> {
          if (region == null) {
            throw new IllegalArgumentException("a polygon map is drawn per region (per_region: true)");
          }
          Envelope box = region.envelope();
          double span = Math.max(box.getWidth(), box.getHeight());
          double zoom = Math.floor(Math.log(360.0 / span) / Math.log(2) * 2) / 2.0;
          yield Charts.polygonMap(chartName, chartTitle, description, data, only(dimensions, "dimension"),
              only(metrics, "metric"), box.centre().x, box.centre().y, zoom);
        }
      };
    }

    private String required(String value, String field) {
      if (value == null) {
        throw new IllegalArgumentException("a " + type.name().toLowerCase(java.util.Locale.ROOT) + " chart needs '" + field + "'");
      }
      return value;
    }

    private String only(List<String> values, String field) {
      if (values.size() != 1) {
        throw new IllegalArgumentException("a " + type.name().toLowerCase(java.util.Locale.ROOT) + " chart takes one "
            + field + ", got " + values);
      }
      return values.get(0);
    }
  }

  // ------------------------------------------------------------------ templates

  /** The regions a declaration is repeated for: each region, or once (no region) when it is not per region. */
  private static List<Region> instances(boolean perRegion, List<Region> regions) {
    return perRegion ? regions : java.util.Collections.singletonList(null);
  }

  private static String named(String template, Region region) {
    return region == null ? template : template.replace("{region}", region.id()).replace("{region_name}", region.name());
  }

  /** Expands the dataset SQL's macros: ${region_name(c)}, ${zone_name(c)}, ${label(c, list)}, ${region}. */
  static String expand(String sql, Region region, Map<String, Map<String, String>> labels, String dataset) {
    Matcher macro = MACRO.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (macro.find()) {
      String argument = macro.group(2);
      String expansion = switch (macro.group(1)) {
        case "region_name" -> Sql.regionName(argument);
        case "zone_name" -> Sql.zoneName(argument);
        case "label" -> {
          int comma = argument == null ? -1 : argument.lastIndexOf(',');
          if (comma < 0) {
            throw new IllegalArgumentException("Dataset " + dataset + ": ${label(column, list)} expected, got " + macro.group());
          }
          String list = argument.substring(comma + 1).strip();
          Map<String, String> codes = labels.get(list);
          if (codes == null) {
            throw new IllegalArgumentException("Dataset " + dataset + ": no label list '" + list + "' in " + RESOURCE);
          }
          yield Sql.label(argument.substring(0, comma).strip(), codes);
        }
        case "region" -> {
          if (region == null) {
            throw new IllegalArgumentException("Dataset " + dataset + ": ${region} is only known in a per_region dataset");
          }
          yield Sql.literal(region.id());
        }
        default -> throw new IllegalArgumentException("Dataset " + dataset + ": unknown macro " + macro.group());
      };
      macro.appendReplacement(out, Matcher.quoteReplacement(expansion));
    }
    macro.appendTail(out);
    return out.toString();
  }
}
