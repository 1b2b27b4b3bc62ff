package org.liangshan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.liangshan.dashboards.Bundle;
import org.liangshan.dashboards.BundleBuilder;
import org.liangshan.dashboards.CapturedQueries;
import org.liangshan.dashboards.ChartDef;
import org.liangshan.dashboards.Charts;
import org.liangshan.dashboards.DashboardDef;
import org.liangshan.dashboards.DatasetDef;
import org.liangshan.dashboards.LeadershipDashboards;
import org.liangshan.dashboards.Publisher;
import org.liangshan.dashboards.SupersetClient;
import org.liangshan.dashboards.TrinoTarget;
import org.liangshan.warehouse.serving.ServingLayout;
import org.liangshan.warehouse.serving.TrinoServer;

/**
 * The dashboards end to end: the real Trino ({@code liangshan warehouse start}) over the shared demo lakehouse, a
 * real Superset 6.1.0 (dashboards/superset/superset.sh, a fresh instance under target/), publish through the CLI,
 * every chart's query through Superset's API, the SQL Superset sends per chart captured from it and checked against
 * the spec and Trino (then timed by {@code warehouse bench --queries}), a re-publish that changes nothing, and a headless Chromium
 * screenshot of every dashboard (target/dashboards-screenshots/), failing on a chart that shows an error or no data.
 *
 * <p>The Superset admin password of this throwaway instance comes from failsafe's environment
 * (LIANGSHAN_SUPERSET_PASSWORD in cli/pom.xml); Trino's leadership password from the local Trino's secrets file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardsIT {
  private static final String ADMIN = "admin";
  private Path project;
  private Path supersetHome;
  private int supersetPort;
  private String supersetUrl;
  private ServingLayout layout;
  private TrinoServer.State trino;
  private Publisher.Inventory afterFirstPublish;
  /** Every chart's rows as Superset returned them (test 2), by chart name. */
  private final Map<String, Integer> chartRows = new java.util.LinkedHashMap<>();
  private final List<DashboardDef> dashboards = LeadershipDashboards.all();
  /** Watches every command line from before Trino and Superset start until the last publish. */
  private CommandLineWatch commandLines;
  /** What the commands and scripts of this test printed (stdout and stderr). */
  private final List<String> printed = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeAll
  void startTrinoAndSuperset() throws Exception {
    project = Path.of("").toAbsolutePath().getParent();
    assertThat(project.resolve("dashboards/superset/superset.sh")).exists();
    DemoLakehouse demo = DemoLakehouse.shared();
    Path target = Path.of(System.getProperty("java.io.tmpdir"));
    commandLines = new CommandLineWatch();

    layout = new ServingLayout(Files.createTempDirectory(target, "dashboards-it-trino"));
    int trinoPort = Integer.getInteger("liangshan.it.dashboards.trino.port", freePort());
    CalcCommandTest.Result start = CalcCommandTest.run("warehouse", "start", "--lakehouse", demo.lakehouse(),
        "--serving-dir", layout.dir().toString(), "--port", Integer.toString(trinoPort),
        "--internal-port", Integer.toString(isFree(trinoPort + 1) ? trinoPort + 1 : freePort()));
    assertThat(start.status()).as(start.err()).isZero();
    printed.add(start.out() + start.err());
    trino = new TrinoServer(layout, System.err).state().orElseThrow();

    supersetHome = Files.createTempDirectory(target, "dashboards-it-superset");
    supersetPort = Integer.getInteger("liangshan.it.dashboards.superset.port", freePort());
    supersetUrl = "http://127.0.0.1:" + supersetPort;
    long t0 = System.nanoTime();
    superset("start");
    System.out.printf("DashboardsIT: Superset installed, initialised and started in %.1f s%n", (System.nanoTime() - t0) / 1e9);
  }

  @AfterAll
  void stop() throws Exception {
    if (commandLines != null) {
      commandLines.close();
    }
    if (supersetHome != null) {
      superset("stop");
    }
    if (layout != null) {
      CalcCommandTest.Result stop = CalcCommandTest.run("warehouse", "stop", "--serving-dir", layout.dir().toString());
      assertThat(stop.status()).as(stop.err()).isZero();
    }
    Lakehouse.closeAll();
  }

  /** Runs the project's Superset script against this test's instance; fails with its output when it fails. */
  private void superset(String command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("bash", project.resolve("dashboards/superset/superset.sh").toString(), command,
        "--port", Integer.toString(supersetPort), "--home", supersetHome.toString()).redirectErrorStream(true);
    builder.environment().put("LIANGSHAN_SUPERSET_USER", ADMIN);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.MINUTES)).as("superset.sh " + command + " finished").isTrue();
    System.out.print(output);
    printed.add(output);
    assertThat(process.exitValue()).as("superset.sh " + command + ":\n" + output).isZero();
  }

  private SupersetClient login() {
    SupersetClient client = new SupersetClient(supersetUrl);
    client.login(ADMIN, System.getenv("LIANGSHAN_SUPERSET_PASSWORD").toCharArray());
    return client;
  }

  private CalcCommandTest.Result publish() {
    CalcCommandTest.Result result = CalcCommandTest.run("dashboards", "publish", "--url", supersetUrl, "--user", ADMIN,
        "--trino-url", trino.url(), "--serving-dir", layout.dir().toString());
    printed.add(result.out() + result.err());
    return result;
  }

  /** The target 'dashboards publish' builds for the local Trino: TLS verified against its own certificate, trusted explicitly. */
  private TrinoTarget target() {
    return TrinoTarget.parse(trino.url(), "leadership", java.util.Optional.of(layout.certificate().toString()), false, System.err);
  }

  private Bundle bundle() {
    return BundleBuilder.build(target(), dashboards);
  }

  @Test
  @Order(1)
  void publishCreatesExactlyTheDashboardsChartsAndDatasetsOfTheCode() {
    CalcCommandTest.Result published = publish();
    assertThat(published.status()).as(published.err()).isZero();
    for (DashboardDef dashboard : dashboards) {
      assertThat(published.out()).contains(supersetUrl + dashboard.path());
    }
    Bundle bundle = bundle();
    // Superset verifies Trino's certificate: the database entry trusts the local Trino's own certificate, and every
    // chart query below goes through that verified connection.
    assertThat(bundle.files().get("databases/Liangshan_Trino.yaml")).contains("verify: " + layout.certificate());
    afterFirstPublish = new Publisher(login()).inventory();
    // A fresh instance: what Superset holds is what the code declares, by UUID, once each.
    assertThat(afterFirstPublish.dashboards().keySet()).containsExactlyInAnyOrderElementsOf(dashboards.stream().map(DashboardDef::uuid).toList());
    List<UUID> charts = dashboards.stream().flatMap(d -> d.charts().stream()).map(ChartDef::uuid).toList();
    assertThat(afterFirstPublish.charts().keySet()).containsExactlyInAnyOrderElementsOf(charts);
    Set<UUID> datasets = new HashSet<>();
    dashboards.forEach(d -> d.charts().forEach(c -> datasets.add(c.dataset().uuid())));
    assertThat(afterFirstPublish.datasets().keySet()).containsExactlyInAnyOrderElementsOf(datasets);
    assertThat(afterFirstPublish.dashboardRows()).isEqualTo(bundle.count("dashboards/")).isEqualTo(9);
    assertThat(afterFirstPublish.chartRows()).isEqualTo(bundle.count("charts/"));
    assertThat(afterFirstPublish.datasetRows()).isEqualTo(bundle.count("datasets/"));
    assertThat(afterFirstPublish.databaseRows()).isEqualTo(1);
  }

  @Test
  @Order(2)
  void everyChartQueryReturnsRowsThroughSupersetAndTrino() {
    List<Publisher.ChartResult> results = new Publisher(login()).check(dashboards);
    assertThat(results).hasSize(dashboards.stream().mapToInt(d -> d.charts().size()).sum());
    List<String> problems = new ArrayList<>();
    for (Publisher.ChartResult result : results) {
      if (!result.ok()) {
        problems.add(result.dashboard().name() + "/" + result.chart().name() + ": " + result.problem());
      }
    }
    assertThat(problems).as("charts with an error or no rows").isEmpty();
    results.forEach(r -> chartRows.put(r.chart().name(), r.rows()));
    // The two grid maps draw one polygon per grid-cell piece of the latest year: thousands, not a handful.
    for (Publisher.ChartResult result : results) {
      if (result.chart().viz().equals("deck_polygon")) {
        assertThat(result.rows()).as(result.chart().name()).isGreaterThan(500);
      }
    }
    CalcCommandTest.Result check = CalcCommandTest.run("dashboards", "check", "--url", supersetUrl, "--user", ADMIN);
    assertThat(check.status()).as(check.out() + check.err()).isZero();
    assertThat(check.out()).contains(results.size() + " of " + results.size() + " charts return rows.");
  }

  @Test
  @Order(3)
  void theCapturedQueriesAreOnePerChartReadTheSpecsTablesAndReturnTheChartsRowsOnTrino() throws Exception {
    Path file = Path.of("target", "dashboards-it-captured-queries.json").toAbsolutePath();
    CalcCommandTest.Result captured = CalcCommandTest.run("dashboards", "capture-queries", "--url", supersetUrl, "--user", ADMIN,
        "--out", file.toString());
    printed.add(captured.out() + captured.err());
    assertThat(captured.status()).as(captured.out() + captured.err()).isZero();
    CapturedQueries queries = CapturedQueries.read(file);
    List<ChartDef> charts = dashboards.stream().flatMap(d -> d.charts().stream()).toList();
    // One query per chart named in dashboards.yaml, in layout order, and nothing else.
    assertThat(queries.queries()).extracting(CapturedQueries.Query::chart)
        .containsExactlyElementsOf(charts.stream().map(ChartDef::name).toList());
    assertThat(captured.out()).contains("Captured " + charts.size() + " chart queries from " + supersetUrl);
    assertThat(chartRows).as("test 2 ran first").hasSize(charts.size());
    List<String> drift = new ArrayList<>();
    try (java.sql.Connection connection = new TrinoServer(layout, System.err).endpoint(trino, "leadership").connect()) {
      for (ChartDef chart : charts) {
        CapturedQueries.Query query = queries.queries().stream().filter(q -> q.chart().equals(chart.name())).findFirst().orElseThrow();
        // The SQL Superset sends reads exactly the tables the spec names for the chart's dataset: a dataset edited in
        // Superset, or a spec whose sources no longer match its SQL, fails here.
        if (!query.tablesRead().equals(new java.util.TreeSet<>(chart.dataset().sources()))) {
          drift.add(chart.name() + " reads " + query.tablesRead() + ", dashboards.yaml names " + chart.dataset().sources());
        }
        // It runs on Trino as leadership (the user Superset's database entry logs in as) and returns the rows the chart shows.
        int rows = 0;
        try (java.sql.Statement statement = connection.createStatement(); java.sql.ResultSet result = statement.executeQuery(query.sql())) {
          while (result.next()) {
            rows++;
          }
        }
        if (rows != chartRows.get(chart.name())) {
          drift.add(chart.name() + ": " + rows + " rows on Trino, " + chartRows.get(chart.name()) + " through Superset");
        }
      }
    }
    assertThat(drift).as("captured queries that differ from the spec or from what the chart shows").isEmpty();

    // warehouse bench times the captured set and says so; without --queries it falls back to the generated set.
    CalcCommandTest.Result bench = CalcCommandTest.run("warehouse", "bench", "--serving-dir", layout.dir().toString(),
        "--queries", file.toString(), "--runs", "1", "--warmup", "0", "--no-table-rows");
    printed.add(bench.out() + bench.err());
    assertThat(bench.status()).as(bench.out() + bench.err()).isZero();
    assertThat(bench.out()).contains("Queries: captured from Superset (" + supersetUrl);
    for (ChartDef chart : charts) {
      assertThat(bench.out()).contains(chart.name());
    }
    CalcCommandTest.Result generated = CalcCommandTest.run("warehouse", "bench", "--serving-dir", layout.dir().toString(),
        "--query", charts.get(0).name(), "--runs", "1", "--warmup", "0", "--no-table-rows");
    printed.add(generated.out() + generated.err());
    assertThat(generated.status()).as(generated.out() + generated.err()).isZero();
    assertThat(generated.out()).contains("Queries: generated from the dashboard spec (no --queries FILE given");
  }

  @Test
  @Order(4)
  void republishingChangesNothing() {
    CalcCommandTest.Result again = publish();
    assertThat(again.status()).as(again.err()).isZero();
    Publisher.Inventory second = new Publisher(login()).inventory();
    // Same UUIDs with the same ids (overwritten in place), and no new rows of any kind.
    assertThat(second.dashboards()).isEqualTo(afterFirstPublish.dashboards());
    assertThat(second.charts()).isEqualTo(afterFirstPublish.charts());
    assertThat(second.datasets()).isEqualTo(afterFirstPublish.datasets());
    assertThat(second.databases()).isEqualTo(afterFirstPublish.databases());
    assertThat(List.of(second.dashboardRows(), second.chartRows(), second.datasetRows(), second.databaseRows()))
        .isEqualTo(List.of(afterFirstPublish.dashboardRows(), afterFirstPublish.chartRows(), afterFirstPublish.datasetRows(),
            afterFirstPublish.databaseRows()));
  }

  @Test
  @Order(5)
  void aRepublishAfterARemovalFromTheCodeLeavesNoOrphans() {
    // As if an earlier version of the code had one more dashboard, with its own chart and dataset.
    DatasetDef oldDataset = DatasetDef.builder("it_removed_dataset", "测试：代码中已删除的数据集")
        .sql("SELECT o.region, o.year, CAST(o.gep_yuan AS DOUBLE) AS gep_yuan FROM marts.gep_overview o", "marts.gep_overview")
        .text("region", "地区").integer("year", "年度").number("gep_yuan", "GEP（元）")
        .metric("gep_sum", "GEP（元）", "SUM(gep_yuan)", ",.0f").build();
    ChartDef oldChart = Charts.table("it_removed_table", "测试：已删除的图表", "代码中已删除。", oldDataset, List.of("region"), List.of("gep_sum"));
    DashboardDef oldDashboard = new DashboardDef("it_removed", "测试：已删除的看板", "代码中已删除。", List.of(List.of(oldChart)));
    List<DashboardDef> older = new ArrayList<>(dashboards);
    older.add(oldDashboard);
    char[] password = org.liangshan.warehouse.serving.Secrets.storedPassword(layout.secrets(), "leadership", System.getenv())
        .orElseThrow().toCharArray();
    new Publisher(login()).publish(target(), older, password);
    Publisher.Inventory withOld = new Publisher(login()).inventory();
    assertThat(withOld.dashboards()).containsKey(oldDashboard.uuid());
    assertThat(withOld.charts()).containsKey(oldChart.uuid());
    assertThat(withOld.datasets()).containsKey(oldDataset.uuid());
    assertThat(List.of(withOld.dashboardRows(), withOld.chartRows(), withOld.datasetRows())).isEqualTo(List.of(
        afterFirstPublish.dashboardRows() + 1, afterFirstPublish.chartRows() + 1, afterFirstPublish.datasetRows() + 1));

    // --orphans list names the three and deletes nothing.
    CalcCommandTest.Result listed = CalcCommandTest.run("dashboards", "publish", "--url", supersetUrl, "--user", ADMIN,
        "--trino-url", trino.url(), "--serving-dir", layout.dir().toString(), "--orphans", "list");
    assertThat(listed.status()).as(listed.err()).isZero();
    assertThat(listed.out())
        .contains("dashboard " + withOld.dashboards().get(oldDashboard.uuid()) + " '测试：已删除的看板' " + oldDashboard.uuid() + ": no longer in the code")
        .contains("chart " + withOld.charts().get(oldChart.uuid()) + " '测试：已删除的图表' " + oldChart.uuid() + ": no longer in the code")
        .contains("dataset " + withOld.datasets().get(oldDataset.uuid()) + " 'it_removed_dataset' " + oldDataset.uuid() + ": no longer in the code");
    assertThat(new Publisher(login()).inventory().dashboardRows()).isEqualTo(withOld.dashboardRows());

    // The default publish deletes them: Superset holds exactly what the first publish of the code made.
    CalcCommandTest.Result pruned = publish();
    assertThat(pruned.status()).as(pruned.err()).isZero();
    assertThat(pruned.out()).contains(oldDashboard.uuid() + ": deleted").contains(oldChart.uuid() + ": deleted")
        .contains(oldDataset.uuid() + ": deleted");
    Publisher.Inventory after = new Publisher(login()).inventory();
    assertThat(after.dashboards()).isEqualTo(afterFirstPublish.dashboards());
    assertThat(after.charts()).isEqualTo(afterFirstPublish.charts());
    assertThat(after.datasets()).isEqualTo(afterFirstPublish.datasets());
    assertThat(List.of(after.dashboardRows(), after.chartRows(), after.datasetRows(), after.databaseRows())).isEqualTo(List.of(
        afterFirstPublish.dashboardRows(), afterFirstPublish.chartRows(), afterFirstPublish.datasetRows(), afterFirstPublish.databaseRows()));
    CalcCommandTest.Result again = publish();
    assertThat(again.out()).contains("Nothing left over from earlier publishes.");
  }

  @Test
  @Order(6)
  void everyDashboardRendersInHeadlessChromiumWithoutErrorsOrEmptyCharts() throws IOException {
    Path shots = Path.of("target", "dashboards-screenshots").toAbsolutePath();
    CalcCommandTest.Result check = CalcCommandTest.run("dashboards", "check", "--url", supersetUrl, "--user", ADMIN,
        "--screenshots", shots.toString());
    System.out.print(check.out());
    assertThat(check.status()).as(check.out() + check.err()).isZero();
    for (DashboardDef dashboard : dashboards) {
      Path png = shots.resolve(dashboard.name() + ".png");
      assertThat(check.out()).contains("ok      " + dashboard.name() + ": " + dashboard.charts().size() + " of "
          + dashboard.charts().size() + " charts drawn");
      assertThat(png).exists();
      byte[] bytes = Files.readAllBytes(png);
      assertThat(Map.entry(bytes[1], bytes[2])).as("PNG signature").isEqualTo(Map.entry((byte) 'P', (byte) 'N'));
      assertThat(bytes.length).as(png + " is a real page, not a blank one").isGreaterThan(40_000);
    }
    System.out.println("DashboardsIT: dashboard screenshots in " + shots);
  }

  @Test
  @Order(7)
  void noSecretOnAnyCommandLineInAnyLogOrInWhatWasPrinted() throws Exception {
    commandLines.close();
    Map<String, Boolean> seen = commandLines.seen();
    // The watch saw the moments that matter: Superset's admin being created, and Trino's JVM.
    assertThat(seen.keySet()).anyMatch(c -> c.contains("fab create-admin")).anyMatch(c -> c.contains("io.trino.server.TrinoServer"));
    java.util.Properties trinoSecrets = new java.util.Properties();
    try (var in = Files.newInputStream(layout.secrets())) {
      trinoSecrets.load(in);
    }
    Map<String, String> secrets = new java.util.LinkedHashMap<>();
    trinoSecrets.stringPropertyNames().forEach(name -> secrets.put("Trino " + name, trinoSecrets.getProperty(name)));
    secrets.put("Superset SECRET_KEY", Files.readString(supersetHome.resolve("secret_key")).strip());
    assertThat(secrets).containsKeys("Trino keystore.password", "Trino internal.shared-secret", "Trino password.leadership");
    String supersetPassword = System.getenv("LIANGSHAN_SUPERSET_PASSWORD");

    List<Path> logs = new ArrayList<>();
    try (var files = Files.walk(supersetHome)) {
      files.filter(p -> p.getFileName().toString().endsWith(".log")).forEach(logs::add);
    }
    try (var files = Files.walk(layout.dataDir())) {
      files.filter(Files::isRegularFile).filter(p -> p.toString().contains("log")).forEach(logs::add);
    }
    assertThat(logs).contains(supersetHome.resolve("init.log"), supersetHome.resolve("superset.log"), layout.serverLog());

    for (Map.Entry<String, String> secret : secrets.entrySet()) {
      // These are random per run: no other process on the machine can hold them by chance.
      assertThat(seen.keySet()).as(secret.getKey() + " on a command line").noneMatch(c -> c.contains(secret.getValue()));
    }
    secrets.put("the Superset admin password", supersetPassword);
    // The IT's Superset password is a fixed string (cli/pom.xml) another checkout's test may use at the same time:
    // only the command lines of this JVM's processes are checked for it.
    assertThat(seen.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey))
        .as("the Superset admin password on a command line of this test's processes").noneMatch(c -> c.contains(supersetPassword));
    for (Map.Entry<String, String> secret : secrets.entrySet()) {
      for (Path log : logs) {
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).as(secret.getKey() + " in " + log).doesNotContain(secret.getValue());
      }
      assertThat(printed).as(secret.getKey() + " printed by a command").noneMatch(p -> p.contains(secret.getValue()));
    }
    // Superset's instance is owner-only: its directory, secret key and SQLite metadata.
    assertThat(Files.getPosixFilePermissions(supersetHome)).isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    for (String file : List.of("secret_key", "superset.db", "superset_config.py", "init.log", "superset.log")) {
      assertThat(Files.getPosixFilePermissions(supersetHome.resolve(file))).as(file)
          .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
