package org.liangshan.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The generated bundle against golden files in src/test/resources/golden. After an intended change,
 * regenerate them with {@code mvn -pl dashboards -am test -Dtest=BundleGoldenTest -Dgolden.update=true
 * -Dsurefire.failIfNoSpecifiedTests=false} and review the diff.
 */
class BundleGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  static final TrinoTarget TRINO =
      new TrinoTarget("127.0.0.1", 8443, "leadership", "delta", true, true, java.util.Optional.of("/srv/liangshan/trino/tls/trino.pem"));
  private static final DatasetDef GEP = DashboardSpec.load().dataset("gep_district_service");

  @Test
  void bundleMatchesTheGoldenFiles() throws IOException {
    Bundle bundle = BundleBuilder.build(TRINO, LeadershipDashboards.all());
    if (Boolean.getBoolean("golden.update")) {
      if (Files.exists(GOLDEN)) {
        try (Stream<Path> old = Files.walk(GOLDEN)) {
          old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      for (Map.Entry<String, String> file : bundle.files().entrySet()) {
        Path target = GOLDEN.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
      }
    }
    TreeSet<String> golden = new TreeSet<>();
    try (Stream<Path> files = Files.walk(GOLDEN)) {
      files.filter(Files::isRegularFile).forEach(p -> golden.add(GOLDEN.relativize(p).toString().replace('\\', '/')));
    }
    assertThat(bundle.files().keySet()).as("bundle files vs golden files (regenerate with -Dgolden.update=true)")
        .containsExactlyElementsOf(golden);
    for (Map.Entry<String, String> file : bundle.files().entrySet()) {
      assertThat(file.getValue()).as(file.getKey() + " (regenerate with -Dgolden.update=true)")
          .isEqualTo(Files.readString(GOLDEN.resolve(file.getKey()), StandardCharsets.UTF_8));
    }
  }

  @Test
  void bundleHasOneTopFolderAndTheImportLayout() {
    Bundle bundle = BundleBuilder.build(TRINO, LeadershipDashboards.all());
    assertThat(bundle.root()).isEqualTo("liangshan_dashboards");
    assertThat(bundle.files()).containsKeys("metadata.yaml", "databases/Liangshan_Trino.yaml");
    assertThat(bundle.files().get("metadata.yaml")).isEqualTo("version: 1.0.0\ntype: Dashboard\n");
    int charts = LeadershipDashboards.all().stream().mapToInt(d -> d.charts().size()).sum();
    assertThat(bundle.count("charts/")).isEqualTo(charts);
    assertThat(bundle.count("dashboards/")).isEqualTo(LeadershipDashboards.all().size());
    long datasets = LeadershipDashboards.all().stream().flatMap(d -> d.charts().stream()).map(ChartDef::dataset).distinct().count();
    assertThat(bundle.count("datasets/Liangshan_Trino/")).isEqualTo(datasets);
    for (Map.Entry<String, String> file : bundle.files().entrySet()) {
      if (!file.getKey().equals("metadata.yaml")) {
        assertThat(file.getValue()).as(file.getKey()).contains("\nversion: 1.0.0\n").containsPattern("(^|\\n)uuid: [0-9a-f-]{36}\\n");
      }
    }
  }

  @Test
  void theZipIsReproducibleAndHasOneTopFolder() throws IOException {
    byte[] first = BundleBuilder.build(TRINO, LeadershipDashboards.all()).zip();
    byte[] second = BundleBuilder.build(TRINO, LeadershipDashboards.all()).zip();
    assertThat(first).isEqualTo(second);
    try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(first))) {
      TreeSet<String> tops = new TreeSet<>();
      for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        tops.add(e.getName().substring(0, e.getName().indexOf('/')));
      }
      assertThat(tops).containsExactly("liangshan_dashboards");
    }
  }

  @Test
  void theDatabaseEntryPointsAtTrinoOverVerifiedHttpsWithoutAPassword() {
    String database = BundleBuilder.build(TRINO, LeadershipDashboards.all()).files().get("databases/Liangshan_Trino.yaml");
    assertThat(database)
        .contains("sqlalchemy_uri: trino://leadership:XXXXXXXXXX@127.0.0.1:8443/delta\n")
        .contains("http_scheme: https").contains("verify: /srv/liangshan/trino/tls/trino.pem")
        .doesNotContain("password");
  }

  @Test
  void uuidsAreNameBasedAndDistinct() {
    assertThat(Uuids.of("chart", "gep_growth")).isEqualTo(Uuids.of("chart", "gep_growth"))
        .isNotEqualTo(Uuids.of("dataset", "gep_growth"));
    assertThat(Uuids.of("chart", "gep_growth").version()).isEqualTo(3);
    List<DashboardDef> all = LeadershipDashboards.all();
    List<String> chartNames = all.stream().flatMap(d -> d.charts().stream()).map(ChartDef::name).toList();
    assertThat(chartNames).doesNotHaveDuplicates();
    assertThat(all.stream().map(DashboardDef::name).toList()).doesNotHaveDuplicates();
  }

  @Test
  void aChartNamingAColumnTheDatasetLacksFailsWhenBuilt() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Charts.pie("x", "x", "x", GEP, "no_such", "gep_100m_yuan"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Dataset gep_district_service has no column no_such");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Charts.pie("x", "x", "x", GEP, "district", "nope"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Dataset gep_district_service has no metric nope");
  }

  @Test
  void rowsFitTheTwelveColumnGrid() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DashboardDef("d", "d", "d", List.of(List.of(
            Charts.pie("a", "a", "a", GEP, "district", "gep_100m_yuan").withSize(8, 50),
            Charts.pie("b", "b", "b", GEP, "district", "gep_100m_yuan").withSize(8, 50)))))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Dashboard d: a row needs 1..12 grid columns, got 16");
  }
}
