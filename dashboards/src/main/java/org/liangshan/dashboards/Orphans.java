package org.liangshan.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What an earlier publish of the bundle left in Superset that the code no longer has: dashboards, charts and
 * datasets carrying the bundle's certification ({@link BundleBuilder#CERTIFICATION}) whose UUID is not in the
 * code any more. The UUIDs are name-based (MD5) and cannot be traced back to a name, so the certification is
 * what tells this bundle's objects from those an analyst made in the same Superset: those never carry it and
 * are never touched. A dataset still used by a chart that stays (an analyst's own chart on it) is kept and
 * reported instead of deleted.
 */
public final class Orphans {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Orphans() {}

  /** An object to delete (or kept, with the reason). */
  public record Orphan(SupersetClient.Kind kind, int id, UUID uuid, String title, String keptBecause) {
    public boolean deletable() {
      return keptBecause == null;
    }
  }

  /**
   * The orphans, in the order they can be deleted: dashboards, then charts, then datasets.
   *
   * @param dashboards the code's dashboards
   * @param dashboardItems, chartItems, datasetItems Superset's listings ({@code /api/v1/<kind>/})
   */
  public static List<Orphan> find(List<DashboardDef> dashboards, List<SupersetClient.Item> dashboardItems,
      List<SupersetClient.Item> chartItems, List<SupersetClient.Item> datasetItems) {
    Set<UUID> codeDashboards = new HashSet<>();
    Set<UUID> codeCharts = new HashSet<>();
    Set<UUID> codeDatasets = new HashSet<>();
    for (DashboardDef dashboard : dashboards) {
      codeDashboards.add(dashboard.uuid());
      for (ChartDef chart : dashboard.charts()) {
        codeCharts.add(chart.uuid());
        codeDatasets.add(chart.dataset().uuid());
      }
    }
    List<Orphan> orphans = new ArrayList<>();
    for (SupersetClient.Item item : dashboardItems) {
      if (orphan(item, codeDashboards, item.raw().path("certification_details").asText(null))) {
        orphans.add(new Orphan(SupersetClient.Kind.DASHBOARD, item.id(), item.uuid(), item.title(), null));
      }
    }
    Set<Integer> deletedCharts = new HashSet<>();
    for (SupersetClient.Item item : chartItems) {
      if (orphan(item, codeCharts, item.raw().path("certification_details").asText(null))) {
        orphans.add(new Orphan(SupersetClient.Kind.CHART, item.id(), item.uuid(), item.title(), null));
        deletedCharts.add(item.id());
      }
    }
    for (SupersetClient.Item item : datasetItems) {
      if (orphan(item, codeDatasets, datasetCertification(item.raw()))) {
        List<String> users = new ArrayList<>();
        for (SupersetClient.Item chart : chartItems) {
          if (!deletedCharts.contains(chart.id()) && chart.raw().path("datasource_id").asInt(-1) == item.id()
              && "table".equals(chart.raw().path("datasource_type").asText("table"))) {
            users.add("'" + chart.title() + "' (chart " + chart.id() + ")");
          }
        }
        orphans.add(new Orphan(SupersetClient.Kind.DATASET, item.id(), item.uuid(), item.title(),
            users.isEmpty() ? null : "still used by " + String.join(", ", users)));
      }
    }
    return orphans;
  }

  private static boolean orphan(SupersetClient.Item item, Set<UUID> inCode, String certification) {
    return BundleBuilder.marked(certification) && (item.uuid() == null || !inCode.contains(item.uuid()));
  }

  /** A dataset's {@code extra.certification.details}; the listing gives {@code extra} as JSON text. */
  static String datasetCertification(JsonNode raw) {
    JsonNode extra = raw.path("extra");
    if (extra.isTextual()) {
      try {
        extra = JSON.readTree(extra.asText());
      } catch (IOException e) {
        return null;
      }
    }
    JsonNode details = extra == null ? null : extra.path("certification").path("details");
    return details == null || !details.isTextual() ? null : details.asText();
  }
}
