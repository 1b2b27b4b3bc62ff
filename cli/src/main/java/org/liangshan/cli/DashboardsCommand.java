package org.liangshan.cli;

import java.io.Console;
import java.net.HttpCookie;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.text.TextTable;
import org.liangshan.dashboards.Bundle;
import org.liangshan.dashboards.BundleBuilder;
import org.liangshan.dashboards.DashboardDef;
import org.liangshan.dashboards.HeadlessChromium;
import org.liangshan.dashboards.LeadershipDashboards;
import org.liangshan.dashboards.Publisher;
import org.liangshan.dashboards.SupersetClient;
import org.liangshan.dashboards.TrinoTarget;
import org.liangshan.warehouse.serving.ServingLayout;
import org.liangshan.warehouse.serving.TrinoServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "dashboards", mixinStandardHelpOptions = true,
    description = {
      "Leadership's Superset dashboards, kept as code (dashboards/): publish them to a Superset, export the",
      "import bundle, or check that every chart's query returns rows. Passwords are never arguments: the",
      "Superset password comes from LIANGSHAN_SUPERSET_PASSWORD, the Trino password from LIANGSHAN_TRINO_PASSWORD_<USER>",
      "or the local Trino's secrets file, else from a prompt. TLS is verified by default (Superset's connection to Trino",
      "included: the local Trino's self-signed certificate is trusted explicitly); plain http:// only to this machine."
    },
    subcommands = {DashboardsCommand.Publish.class, DashboardsCommand.Export.class, DashboardsCommand.Check.class,
        DashboardsCommand.CaptureQueries.class})
final class DashboardsCommand implements Runnable {
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
        "Missing subcommand: publish, export, check or capture-queries. Run 'liangshan dashboards --help'.");
  }

  /** Where Superset is and who logs in. */
  static final class SupersetOptions {
    @Option(names = "--url", paramLabel = "URL", defaultValue = "${env:LIANGSHAN_SUPERSET_URL:-http://127.0.0.1:8088}",
        description = "Superset's address (default ${DEFAULT-VALUE}; env LIANGSHAN_SUPERSET_URL).")
    String url;

    @Option(names = "--user", paramLabel = "NAME", defaultValue = "${env:LIANGSHAN_SUPERSET_USER:-admin}",
        description = "Superset user allowed to import dashboards (default ${DEFAULT-VALUE}). Password: env LIANGSHAN_SUPERSET_PASSWORD or a prompt.")
    String user;

    @Option(names = "--ca", paramLabel = "PEM",
        description = "Verify an https:// Superset against this certificate (its own, or its private authority's) instead of the JVM's authorities.")
    Path certificate;

    @Option(names = "--insecure",
        description = "Allow plain http:// to a Superset that is not on this machine (refused otherwise: the password would travel in clear). Warns on stderr.")
    boolean insecure;

    SupersetClient login() {
      SupersetClient client = new SupersetClient(url, java.util.Optional.ofNullable(certificate), insecure, System.err);
      client.login(user, Secrets.get("LIANGSHAN_SUPERSET_PASSWORD", "Superset password of " + user + ": "));
      return client;
    }
  }

  /** The Trino the dashboards' database entry points at. */
  static final class TrinoOptions {
    @Option(names = "--trino-url", paramLabel = "URL", defaultValue = "${env:LIANGSHAN_TRINO_URL}",
        description = "Trino as Superset reaches it (env LIANGSHAN_TRINO_URL; default: the local Trino of 'liangshan warehouse start', "
            + "else https://127.0.0.1:8443).")
    String url;

    @Option(names = "--trino-user", paramLabel = "NAME", defaultValue = "leadership",
        description = "Trino user Superset queries as (default ${DEFAULT-VALUE}: reads gold and the marts). Password: "
            + "LIANGSHAN_TRINO_PASSWORD_<USER>, else the local Trino's secrets file, else a prompt.")
    String user;

    @Option(names = "--trino-ca", paramLabel = "PEM",
        description = {"CA bundle Superset verifies Trino's certificate with: a PEM file path as the Superset host sees it",
          "(default: the local Trino's own certificate when publishing to it, else the system's authorities)."})
    String caBundle;

    @Option(names = "--trino-insecure",
        description = "Let Superset skip verifying Trino's certificate, or use plain http:// to a Trino not on this machine (tests only; warns on stderr).")
    boolean insecure;

    @Option(names = "--serving-dir", paramLabel = "DIR",
        description = "The local Trino's directory (default: $LIANGSHAN_WORK/trino, i.e. ./.liangshan/trino).")
    Path servingDir;

    private ServingLayout layout() {
      return servingDir == null ? ServingLayout.defaultLayout() : new ServingLayout(servingDir);
    }

    TrinoTarget target() {
      ServingLayout layout = layout();
      String address = url;
      if (address == null || address.isBlank()) {
        TrinoServer server = new TrinoServer(layout, System.err);
        address = server.state().filter(server::isRunning).map(TrinoServer.State::url).orElse("https://127.0.0.1:8443");
      }
      return TrinoTarget.parse(address, user, caBundle(layout, address), insecure, System.err);
    }

    /**
     * The CA bundle Superset trusts: --trino-ca, else, for the local Trino (the address 'warehouse start' recorded), the
     * certificate it generated: its self-signed certificate is trusted explicitly rather than by turning verification off.
     */
    private java.util.Optional<String> caBundle(ServingLayout layout, String address) {
      if (caBundle != null) {
        return java.util.Optional.of(caBundle);
      }
      TrinoServer server = new TrinoServer(layout, System.err);
      boolean local = server.state().map(TrinoServer.State::url).map(address::equals).orElse(address.equals("https://127.0.0.1:8443"));
      return local && Files.isRegularFile(layout.certificate())
          ? java.util.Optional.of(layout.certificate().toString()) : java.util.Optional.empty();
    }

    char[] password(TrinoTarget target) {
      if (!target.https()) {
        return null;
      }
      return org.liangshan.warehouse.serving.Secrets.storedPassword(layout().secrets(), target.user(), System.getenv())
          .map(String::toCharArray)
          .orElseGet(() -> Secrets.get(org.liangshan.warehouse.serving.Secrets.envName(target.user()),
              "Trino password of " + target.user() + ": "));
    }
  }

  @Command(name = "publish", mixinStandardHelpOptions = true,
      description = {
        "Import every dashboard, chart and dataset into Superset, with its database entry pointing at Trino.",
        "UUIDs are derived from names, so publishing again overwrites instead of duplicating; what an earlier",
        "publish made and the code no longer has (marked by the bundle's certification) is deleted, or only",
        "listed with --orphans list. Objects made by hand in Superset are never touched.",
        "Example: LIANGSHAN_SUPERSET_PASSWORD=... liangshan dashboards publish --url http://127.0.0.1:8088 --user admin"
      })
  static final class Publish implements Callable<Integer> {
    @Mixin SupersetOptions superset;
    @Mixin TrinoOptions trino;

    /** What to do with what an earlier publish left that the code no longer has. */
    enum OrphanMode { delete, list }

    @Option(names = "--orphans", paramLabel = "delete|list", defaultValue = "delete",
        description = "Dashboards, charts and datasets of this bundle that the code no longer has: delete them (default) "
            + "or only list them. Valid values: ${COMPLETION-CANDIDATES}.")
    OrphanMode orphans;

    @Override
    public Integer call() {
      TrinoTarget target = trino.target();
      SupersetClient client = superset.login();
      char[] trinoPassword = trino.password(target);
      List<DashboardDef> dashboards = LeadershipDashboards.all();
      Publisher publisher = new Publisher(client);
      System.out.println("Publishing " + dashboards.size() + " dashboards to " + client.base() + " (Trino " + target.url() + " as " + target.user() + ") ...");
      publisher.publish(target, dashboards, trinoPassword);
      List<org.liangshan.dashboards.Orphans.Orphan> found =
          orphans == OrphanMode.delete ? publisher.removeOrphans(dashboards) : publisher.orphans(dashboards);
      for (org.liangshan.dashboards.Orphans.Orphan orphan : found) {
        String action = !orphan.deletable() ? "kept (" + orphan.keptBecause() + ")"
            : orphans == OrphanMode.delete ? "deleted" : "no longer in the code (not deleted: --orphans list)";
        System.out.println("  " + orphan.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + orphan.id() + " '"
            + orphan.title() + "' " + orphan.uuid() + ": " + action);
      }
      if (found.isEmpty()) {
        System.out.println("Nothing left over from earlier publishes.");
      }
      Publisher.Inventory inventory = publisher.inventory();
      TextTable table = new TextTable("dashboard", "title", "charts", "url");
      for (DashboardDef dashboard : dashboards) {
        table.row(dashboard.name(), dashboard.title(), dashboard.charts().size(), client.base() + dashboard.path());
      }
      System.out.print(table);
      System.out.println("Superset now holds " + inventory.dashboardRows() + " dashboards, " + inventory.chartRows() + " charts, "
          + inventory.datasetRows() + " datasets. Check them with 'liangshan dashboards check'.");
      return Main.OK;
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = {"Write the import bundle (YAML files and the zip) into DIR, e.g. to import it by hand in Superset's UI.",
        "The database entry holds no password: Superset asks for it on import."})
  static final class Export implements Callable<Integer> {
    @Mixin TrinoOptions trino;

    @Parameters(index = "0", paramLabel = "DIR", description = "Directory to write into (created if missing).")
    Path directory;

    @Override
    public Integer call() throws Exception {
      Bundle bundle = BundleBuilder.build(trino.target(), LeadershipDashboards.all());
      Files.createDirectories(directory);
      Path zip = bundle.writeTo(directory);
      System.out.println("Wrote " + bundle.files().size() + " files under " + directory.resolve(bundle.root()) + " and " + zip
          + " (" + bundle.count("dashboards/") + " dashboards, " + bundle.count("charts/") + " charts, "
          + bundle.count("datasets/") + " datasets).");
      return Main.OK;
    }
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = {"Run every chart's query through Superset (against Trino) and report its rows or its error.",
        "Exit status 1 when a chart returns an error or no rows. --screenshots DIR also opens every dashboard in",
        "headless Chromium, fails on a chart that shows an error or no data, and saves a PNG per dashboard."})
  static final class Check implements Callable<Integer> {
    @Mixin SupersetOptions superset;

    @Option(names = "--screenshots", paramLabel = "DIR", description = "Also screenshot every dashboard into DIR (needs Chromium).")
    Path screenshots;

    @Option(names = "--dashboard", paramLabel = "NAME", description = "Only this dashboard (e.g. gep_overview).")
    String only;

    @Override
    public Integer call() throws Exception {
      List<DashboardDef> dashboards = LeadershipDashboards.all().stream().filter(d -> only == null || d.name().equals(only)).toList();
      if (dashboards.isEmpty()) {
        throw LiangshanException.badInput("No dashboard named '%s'. Dashboards: %s.", only,
            LeadershipDashboards.all().stream().map(DashboardDef::name).toList());
      }
      SupersetClient client = superset.login();
      List<Publisher.ChartResult> results = new Publisher(client).check(dashboards);
      TextTable table = new TextTable("dashboard", "chart", "rows", "status");
      int failed = 0;
      for (Publisher.ChartResult result : results) {
        table.row(result.dashboard().name(), result.chart().name(), result.rows(), result.ok() ? "ok" : "FAILED: " + result.problem());
        failed += result.ok() ? 0 : 1;
      }
      System.out.print(table);
      System.out.println(results.size() - failed + " of " + results.size() + " charts return rows.");
      if (screenshots != null) {
        failed += screenshots(client, dashboards);
      }
      return failed == 0 ? Main.OK : Main.FAILURE;
    }

    private int screenshots(SupersetClient client, List<DashboardDef> dashboards) throws Exception {
      HttpCookie session = client.sessionCookie();
      int failed = 0;
      Files.createDirectories(screenshots);
      try (HeadlessChromium chromium = HeadlessChromium.start(screenshots.resolve(".chromium"), 1600, 1000)) {
        for (DashboardDef dashboard : dashboards) {
          URI url = URI.create(client.base() + dashboard.path() + "?standalone=1");
          HeadlessChromium.PageReport page = chromium.capture(url, session, screenshots.resolve(dashboard.name() + ".png"),
              Duration.ofMinutes(3), 1600);
          System.out.println((page.ok() ? "ok      " : "FAILED  ") + dashboard.name() + ": " + page.rendered() + " of " + page.charts()
              + " charts drawn" + (page.errors().isEmpty() ? "" : ", " + page.errors()) + (page.timedOut() ? ", timed out" : "")
              + " -> " + page.screenshot().toAbsolutePath());
          failed += page.ok() ? 0 : 1;
        }
      }
      System.out.println("Screenshots in " + screenshots.toAbsolutePath());
      return failed;
    }
  }

  @Command(name = "capture-queries", mixinStandardHelpOptions = true,
      description = {"Ask Superset for the SQL it sends to Trino for every chart (its chart-data API with result_type",
        "\"query\"; deck.gl charts through explore-JSON with query=true), without running it, and write it per chart to",
        "FILE (JSON) for 'liangshan warehouse bench --queries FILE'. Publish the dashboards first.",
        "Example: LIANGSHAN_SUPERSET_PASSWORD=... liangshan dashboards capture-queries --out captured-queries.json"})
  static final class CaptureQueries implements Callable<Integer> {
    @Mixin SupersetOptions superset;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the captured queries (JSON).")
    Path out;

    @Override
    public Integer call() {
      List<DashboardDef> dashboards = LeadershipDashboards.all();
      SupersetClient client = superset.login();
      org.liangshan.dashboards.CapturedQueries captured = new Publisher(client).capture(dashboards, java.time.Instant.now());
      TextTable table = new TextTable("dashboard", "chart", "chart id", "sql chars", "reads");
      for (org.liangshan.dashboards.CapturedQueries.Query query : captured.queries()) {
        table.row(query.dashboard(), query.chart(), query.chartId(), query.sql().length(), String.join(", ", query.tablesRead()));
      }
      System.out.print(table);
      try {
        captured.write(out);
      } catch (java.io.IOException e) {
        throw LiangshanException.failure(e, "Cannot write the captured queries to %s: %s", out, e.getMessage());
      }
      System.out.println("Captured " + captured.queries().size() + " chart queries from " + client.base() + " into " + out
          + ". Time them with 'liangshan warehouse bench --queries " + out + "'.");
      return Main.OK;
    }
  }

  /** Passwords: from the environment, else a prompt without echo; never from the command line. */
  static final class Secrets {
    private Secrets() {}

    static char[] get(String variable, String prompt) {
      String value = System.getenv(variable);
      if (value != null && !value.isEmpty()) {
        return value.toCharArray();
      }
      Console console = System.console();
      if (console == null) {
        throw LiangshanException.badInput("No password: set %s, or run in a terminal to be prompted.", variable);
      }
      char[] typed = console.readPassword("%s", prompt);
      if (typed == null || typed.length == 0) {
        throw LiangshanException.badInput("No password given (set %s or type it at the prompt).", variable);
      }
      return typed;
    }
  }
}
