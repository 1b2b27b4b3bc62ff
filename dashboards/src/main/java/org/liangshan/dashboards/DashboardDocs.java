package org.liangshan.dashboards;

import java.util.List;
import java.util.StringJoiner;

/**
 * The chart tables of docs/dashboards.md, generated from the dashboard spec: per dashboard, each chart with its
 * type, dataset, sources and the figures it shows (each metric's label and the aggregate it is). The tables sit
 * between two marker lines; the prose around them is written by hand.
 */
final class DashboardDocs {
  static final String BEGIN = "<!-- BEGIN generated from dashboards/src/main/resources/spec/dashboards.yaml"
      + " (DocsTableTest; regenerate with -Ddocs.update=true), do not edit by hand -->";
  static final String END = "<!-- END generated -->";

  private DashboardDocs() {}

  /** The generated part, markers included. */
  static String section(List<DashboardDef> dashboards) {
    StringBuilder md = new StringBuilder(BEGIN).append("\n");
    for (DashboardDef dashboard : dashboards) {
      md.append("\n### ").append(dashboard.title()).append(" — `").append(dashboard.name()).append("`\n\n");
      md.append(dashboard.description()).append("\n\n");
      md.append("| chart | 标题 | type | dataset | sources | figure = aggregate over the dataset | what it shows |\n");
      md.append("|---|---|---|---|---|---|---|\n");
      for (ChartDef chart : dashboard.charts()) {
        StringJoiner sources = new StringJoiner(", ");
        chart.dataset().sources().forEach(s -> sources.add("`" + s + "`"));
        StringJoiner figures = new StringJoiner("<br>");
        for (String metric : chart.check().metrics()) {
          DatasetDef.Measure measure = chart.dataset().metric(metric);
          figures.add(measure.title() + " = `" + measure.expression() + "`");
        }
        md.append("| `").append(chart.name()).append("` | ").append(cell(chart.title())).append(" | ").append(chart.viz())
            .append(" | `").append(chart.dataset().name()).append("` | ").append(sources).append(" | ")
            .append(cell(figures.toString())).append(" | ").append(cell(chart.description())).append(" |\n");
      }
    }
    return md.append("\n").append(END).toString();
  }

  /** The document with its generated part replaced by {@code section}; an error when the markers are missing. */
  static String splice(String document, String section) {
    int begin = document.indexOf(BEGIN);
    int end = document.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("docs/dashboards.md has no generated section (the lines '" + BEGIN + "' and '"
          + END + "'); add them where the chart tables go");
    }
    return document.substring(0, begin) + section + document.substring(end + END.length());
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
