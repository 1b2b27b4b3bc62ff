package org.liangshan.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Orphan detection on the real bundle: Superset's listings are rebuilt from the bundle's own YAML (what an import
 * of it leaves: uuid, title, certification, a chart's dataset id), then compared with code that no longer has
 * a dashboard. Objects an analyst made (no certification) are never orphans.
 */
class OrphansTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Superset's listings after importing a bundle: ids in file order; extra as JSON text, as the listing gives it. */
  private record Listings(List<SupersetClient.Item> dashboards, List<SupersetClient.Item> charts, List<SupersetClient.Item> datasets) {}

  private static Listings imported(Bundle bundle) throws Exception {
    Map<String, Integer> datasetIds = new HashMap<>();
    List<SupersetClient.Item> dashboards = new ArrayList<>();
    List<SupersetClient.Item> charts = new ArrayList<>();
    List<SupersetClient.Item> datasets = new ArrayList<>();
    int id = 1;
    for (Map.Entry<String, String> file : bundle.files().entrySet()) {
      if (file.getKey().startsWith("datasets/")) {
        JsonNode yaml = YAML.readTree(file.getValue());
        ObjectNode raw = JSON.createObjectNode();
        raw.put("table_name", yaml.path("table_name").asText());
        raw.put("uuid", yaml.path("uuid").asText());
        raw.put("extra", JSON.writeValueAsString(yaml.path("extra")));
        datasetIds.put(yaml.path("uuid").asText(), id);
        datasets.add(new SupersetClient.Item(id++, UUID.fromString(yaml.path("uuid").asText()), yaml.path("table_name").asText(), raw));
      }
    }
    for (Map.Entry<String, String> file : bundle.files().entrySet()) {
      JsonNode yaml = YAML.readTree(file.getValue());
      if (file.getKey().startsWith("charts/")) {
        ObjectNode raw = JSON.createObjectNode();
        raw.put("certification_details", yaml.path("certification_details").asText());
        raw.put("datasource_id", datasetIds.get(yaml.path("dataset_uuid").asText()));
        raw.put("datasource_type", "table");
        charts.add(new SupersetClient.Item(id++, UUID.fromString(yaml.path("uuid").asText()), yaml.path("slice_name").asText(), raw));
      } else if (file.getKey().startsWith("dashboards/")) {
        ObjectNode raw = JSON.createObjectNode();
        raw.put("certification_details", yaml.path("certification_details").asText());
        dashboards.add(new SupersetClient.Item(id++, UUID.fromString(yaml.path("uuid").asText()), yaml.path("dashboard_title").asText(), raw));
      }
    }
    return new Listings(dashboards, charts, datasets);
  }

  private static Bundle bundle(List<DashboardDef> dashboards) {
    return BundleBuilder.build(BundleGoldenTest.TRINO, dashboards);
  }

  @Test
  void everyPublishedObjectCarriesTheBundlesCertification() throws Exception {
    Listings listings = imported(bundle(LeadershipDashboards.all()));
    assertThat(listings.dashboards()).hasSize(LeadershipDashboards.all().size());
    for (SupersetClient.Item item : listings.dashboards()) {
      assertThat(item.raw().path("certification_details").asText()).isEqualTo(BundleBuilder.CERTIFICATION);
    }
    for (SupersetClient.Item item : listings.charts()) {
      assertThat(item.raw().path("certification_details").asText()).as(item.title()).isEqualTo(BundleBuilder.CERTIFICATION);
    }
    for (SupersetClient.Item item : listings.datasets()) {
      assertThat(Orphans.datasetCertification(item.raw())).as(item.title()).isEqualTo(BundleBuilder.CERTIFICATION);
    }
  }

  @Test
  void theSameCodeLeavesNoOrphans() throws Exception {
    Listings listings = imported(bundle(LeadershipDashboards.all()));
    assertThat(Orphans.find(LeadershipDashboards.all(), listings.dashboards(), listings.charts(), listings.datasets())).isEmpty();
  }

  @Test
  void aDashboardRemovedFromTheCodeLeavesItsDashboardChartsAndOwnDatasetsAsOrphans() throws Exception {
    Listings before = imported(bundle(LeadershipDashboards.all()));
    List<DashboardDef> now = LeadershipDashboards.all().stream().filter(d -> !d.name().equals("carbon_inclusion")).toList();
    DashboardDef removed = LeadershipDashboards.all().stream().filter(d -> d.name().equals("carbon_inclusion")).findFirst().orElseThrow();

    List<Orphans.Orphan> orphans = Orphans.find(now, before.dashboards(), before.charts(), before.datasets());

    List<UUID> expected = new ArrayList<>();
    expected.add(removed.uuid());
    removed.charts().forEach(c -> expected.add(c.uuid()));
    expected.add(DashboardSpec.load().dataset("carbon_inclusion_participation").uuid());
    assertThat(orphans).extracting(Orphans.Orphan::uuid).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(orphans).allMatch(Orphans.Orphan::deletable);
    // Deletion order: the dashboard before its charts, the charts before their dataset.
    assertThat(orphans).extracting(Orphans.Orphan::kind).first().isEqualTo(SupersetClient.Kind.DASHBOARD);
    assertThat(orphans).extracting(Orphans.Orphan::kind).last().isEqualTo(SupersetClient.Kind.DATASET);
    assertThat(orphans).extracting(Orphans.Orphan::kind).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void aChartRemovedFromADashboardIsAnOrphanButItsSharedDatasetIsNot() throws Exception {
    Listings before = imported(bundle(LeadershipDashboards.all()));
    // The code without the carbon-sink calibration bar: its dataset stays (the calibration table still uses it).
    List<DashboardDef> now = new ArrayList<>();
    for (DashboardDef d : LeadershipDashboards.all()) {
      List<List<ChartDef>> rows = d.rows().stream()
          .map(row -> row.stream().filter(c -> !c.name().equals("carbon_sink_eps_max")).toList())
          .filter(row -> !row.isEmpty()).toList();
      now.add(new DashboardDef(d.name(), d.title(), d.description(), rows));
    }
    List<Orphans.Orphan> orphans = Orphans.find(now, before.dashboards(), before.charts(), before.datasets());
    assertThat(orphans).extracting(Orphans.Orphan::uuid).containsExactly(Uuids.of("chart", "carbon_sink_eps_max"));
    assertThat(orphans.get(0).kind()).isEqualTo(SupersetClient.Kind.CHART);
  }

  @Test
  void objectsWithoutTheCertificationAreNeverOrphansAndADatasetAnAnalystStillUsesIsKept() throws Exception {
    Listings before = imported(bundle(LeadershipDashboards.all()));
    List<SupersetClient.Item> dashboards = new ArrayList<>(before.dashboards());
    List<SupersetClient.Item> charts = new ArrayList<>(before.charts());
    List<SupersetClient.Item> datasets = new ArrayList<>(before.datasets());
    // An analyst's own dashboard, chart and dataset (no certification), and an analyst's chart on the bundle's
    // carbon-inclusion dataset.
    dashboards.add(new SupersetClient.Item(900, UUID.randomUUID(), "我的看板", JSON.createObjectNode()));
    ObjectNode own = JSON.createObjectNode().put("extra", "{\"warning_markdown\": \"draft\"}");
    datasets.add(new SupersetClient.Item(901, UUID.randomUUID(), "my_dataset", own));
    charts.add(new SupersetClient.Item(902, UUID.randomUUID(), "我的图表", JSON.createObjectNode().put("datasource_id", 901)));
    int inclusionId = datasets.stream().filter(i -> i.uuid().equals(DashboardSpec.load().dataset("carbon_inclusion_participation").uuid())).findFirst().orElseThrow().id();
    charts.add(new SupersetClient.Item(903, UUID.randomUUID(), "碳普惠自制图", JSON.createObjectNode()
        .put("datasource_id", inclusionId).put("datasource_type", "table").putNull("certification_details")));

    List<DashboardDef> now = LeadershipDashboards.all().stream().filter(d -> !d.name().equals("carbon_inclusion")).toList();
    List<Orphans.Orphan> orphans = Orphans.find(now, dashboards, charts, datasets);

    assertThat(orphans).extracting(Orphans.Orphan::id).doesNotContain(900, 901, 902, 903);
    Orphans.Orphan dataset = orphans.stream().filter(o -> o.kind() == SupersetClient.Kind.DATASET).findFirst().orElseThrow();
    assertThat(dataset.uuid()).isEqualTo(DashboardSpec.load().dataset("carbon_inclusion_participation").uuid());
    assertThat(dataset.deletable()).isFalse();
    assertThat(dataset.keptBecause()).contains("碳普惠自制图").contains("903");
    assertThat(orphans.stream().filter(o -> o.kind() != SupersetClient.Kind.DATASET)).allMatch(Orphans.Orphan::deletable);
  }
}
