package org.liangshan.cli;

import java.io.Console;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.text.TextTable;
import org.liangshan.warehouse.LakehouseConfig;
import org.liangshan.warehouse.serving.AccessRules;
import org.liangshan.warehouse.serving.ForeignTrinoCheck;
import org.liangshan.warehouse.serving.LakehouseStorage;
import org.liangshan.warehouse.serving.LakehouseTables;
import org.liangshan.warehouse.serving.Registration;
import org.liangshan.warehouse.serving.Secrets;
import org.liangshan.warehouse.serving.ServingBenchmark;
import org.liangshan.warehouse.serving.ServingLayout;
import org.liangshan.warehouse.serving.TrinoEndpoint;
import org.liangshan.warehouse.serving.TrinoInstallation;
import org.liangshan.warehouse.serving.TrinoServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "warehouse", mixinStandardHelpOptions = true,
    description = {
      "SQL serving through Trino: a local Trino over the lakehouse (installed through Maven, started on",
      "127.0.0.1 with HTTPS, password users and per-role access rules), or an existing Trino by --url.",
      "Every silver and gold table is registered and the marts (views for the dashboards) are created.",
      "See docs/serving.md."
    },
    subcommands = {
      WarehouseCommand.Start.class,
      WarehouseCommand.Stop.class,
      WarehouseCommand.Status.class,
      WarehouseCommand.Sql.class,
      WarehouseCommand.Bench.class
    })
final class WarehouseCommand implements Runnable {
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
        "Missing subcommand: start, stop, status or sql. Run 'liangshan warehouse --help'.");
  }

  /** Where the local server keeps its files. */
  static final class ServingOptions {
    @Option(names = "--serving-dir", paramLabel = "DIR",
        description = "Directory of the local Trino's configuration, secrets and state (default: $LIANGSHAN_WORK/trino, i.e. ./.liangshan/trino).")
    Path servingDir;

    ServingLayout layout() {
      return servingDir == null ? ServingLayout.defaultLayout() : new ServingLayout(servingDir);
    }
  }

  /** How to reach an existing Trino instead of the local one. */
  static final class Remote {
    @Option(names = "--url", paramLabel = "URL", description = "An existing Trino, e.g. https://trino.example:8443 (default: the local server).")
    String url;

    @Option(names = "--user", paramLabel = "USER",
        description = "Trino user (default: platform). Password: LIANGSHAN_TRINO_PASSWORD_<USER>, else the local secrets file, else prompted.")
    String user;

    @Option(names = "--certificate", paramLabel = "PEM", description = "PEM certificate to verify the server with (default: the local server's).")
    Path certificate;

    @Option(names = "--insecure",
        description = "Do not verify the server's certificate, and allow plain http:// to a Trino not on this machine (tests only; warns on stderr).")
    boolean insecure;
  }

  static TrinoEndpoint endpoint(ServingOptions serving, Remote remote, String defaultUser) {
    String user = remote.user != null ? remote.user : defaultUser;
    ServingLayout layout = serving.layout();
    if (remote.url == null) {
      TrinoServer server = new TrinoServer(layout, System.err);
      TrinoServer.State state = server.state().filter(server::isRunning).orElseThrow(() -> LiangshanException.badInput(
          "No local Trino is running from %s. Start it with 'liangshan warehouse start', or pass --url.", layout.dir()));
      TrinoEndpoint endpoint = server.endpoint(state, user);
      return endpoint.password().isPresent() ? endpoint : endpoint.as(user, Optional.of(prompt(user)));
    }
    // The URL is checked (plain HTTP off this machine refused, --insecure announced) before any password is looked up.
    TrinoEndpoint endpoint = TrinoEndpoint.remote(remote.url, user, Optional.empty(), Optional.ofNullable(remote.certificate),
        remote.insecure, System.err);
    if (!endpoint.secure()) {
      return endpoint;
    }
    return endpoint.as(user, Secrets.storedPassword(layout.secrets(), user, System.getenv()).or(() -> Optional.of(prompt(user))));
  }

  private static String prompt(String user) {
    Console console = System.console();
    if (console == null) {
      throw LiangshanException.badInput("No password for Trino user %s: set %s (no terminal to prompt on).", user, Secrets.envName(user));
    }
    char[] password = console.readPassword("Trino password for %s: ", user);
    if (password == null || password.length == 0) {
      throw LiangshanException.badInput("No password given for Trino user %s.", user);
    }
    return new String(password);
  }

  @Command(name = "start", mixinStandardHelpOptions = true,
      description = {
        "Start a local Trino over the lakehouse (or use --url), register every existing silver and gold table and",
        "create the marts. The first start downloads io.trino:trino-server through Maven (about 820 MB) and unpacks",
        "it into ~/.cache/liangshan; later starts reuse both. Needs a JDK 22+ (found under /usr/lib/jvm, JAVA_HOME",
        "or LIANGSHAN_TRINO_JAVA). Safe to run again: a running server is reused and registration is idempotent.",
        "With --url, nothing is registered until that Trino shows it enforces rules equivalent to ours: leadership and",
        "finance_bureau each try to register a table and must be denied (else exit 2; --accept-open-trino overrides)."
      })
  static final class Start implements Callable<Integer> {
    @Option(names = "--lakehouse", paramLabel = "DIR|URI", defaultValue = "${env:LIANGSHAN_LAKEHOUSE:-lakehouse}",
        description = {"Lakehouse root: a directory, or s3a://bucket/folder for a lakehouse on S3-compatible storage",
          "(credentials from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; docs/operations.md). Default ${DEFAULT-VALUE}."})
    String lakehouse;

    @Option(names = "--spark-conf", paramLabel = "KEY=VALUE",
        description = {"The lakehouse's Hadoop S3A settings, as for the batch commands (repeatable): spark.hadoop.fs.s3a.endpoint,",
          "...endpoint.region, ...path.style.access, ...connection.ssl.enabled. Keys and secrets are refused here."})
    java.util.Map<String, String> sparkConf = new java.util.LinkedHashMap<>();

    @Option(names = "--port", defaultValue = "8443", description = "HTTPS port for clients on 127.0.0.1 (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--internal-port", description = "HTTP port for Trino's internal communication (default: port + 1).")
    Integer internalPort;

    @Option(names = "--heap", defaultValue = "2G", description = "Trino JVM heap (default ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--trino-version", defaultValue = TrinoInstallation.DEFAULT_VERSION, description = "Trino release (default ${DEFAULT-VALUE}).")
    String version;

    @Option(names = "--trino-home", paramLabel = "DIR",
        description = "Where Trino is unpacked (default: $LIANGSHAN_TRINO_HOME or ~/.cache/liangshan/trino-server-<version>).")
    Path trinoHome;

    @Option(names = "--timeout", defaultValue = "240", description = "Seconds to wait for Trino to answer (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--table-root", paramLabel = "URI",
        description = "With --url: the lakehouse root as that Trino sees it, e.g. s3://bucket/lake (default: local://, the local server's root).")
    String tableRoot;

    @Option(names = "--reregister", description = "Unregister and register every table again (e.g. after moving the lakehouse).")
    boolean reregister;

    @Option(names = "--rules-out", paramLabel = "FILE",
        description = "With --url: where to write the access rules for that Trino (default: <serving dir>/rules-<host>.json).")
    Path rulesFile;

    @Option(names = "--accept-open-trino",
        description = {"With --url: register even when that Trino does not deny what our access rules deny its readers",
          "(checked first by trying, as leadership and finance_bureau, to register a table). Warns on stderr."})
    boolean acceptOpenTrino;

    @Mixin Remote remote;
    @Mixin ServingOptions serving;

    @Override
    public Integer call() {
      try {
        return start();
      } catch (SQLException e) {
        throw LiangshanException.failure(e, "Registering the lakehouse with Trino failed: %s", e.getMessage());
      }
    }

    private Integer start() throws SQLException {
      PrintStream progress = System.err;
      LakehouseConfig config = new LakehouseConfig(lakehouse, LakehouseConfig.DEFAULT_MASTER, sparkConf);
      // Checked before anything is read: a secret on the command line is refused, an unsupported root explained.
      LakehouseStorage storage = remote.url == null ? LakehouseStorage.of(config, System.getenv()) : null;
      var existing = LakehouseTables.existing(config);
      progress.println("warehouse: " + existing.size() + " silver and gold tables in " + config.root());
      if (remote.url != null) {
        TrinoEndpoint endpoint = endpoint(serving, remote, AccessRules.SERVICE);
        Path rulesOut = rulesFile != null ? rulesFile : serving.layout().dir().resolve("rules-" + endpoint.url().getHost() + ".json");
        checkAccessRules(endpoint, rulesOut, progress);
        List<String> banks;
        try (Connection connection = endpoint.connect()) {
          Registration registration = new Registration(connection, tableRoot == null ? "local://" : tableRoot, progress);
          registration.register(existing, reregister);
          banks = registration.bankIds();
        }
        System.out.println("Registered with " + endpoint.url() + " as " + endpoint.user() + ".");
        printRemoteRules(new AccessRules(banks, endpoint.user()), rulesOut);
        return Main.OK;
      }
      TrinoServer server = new TrinoServer(serving.layout(), progress);
      TrinoServer.State state = server.start(new TrinoServer.Options(port, internalPort == null ? port + 1 : internalPort, storage,
          heap, version, trinoHome == null ? TrinoInstallation.defaultHome(version) : trinoHome, Duration.ofSeconds(timeoutSeconds)));
      state = register(server, state, storage.tableRoot(), existing, reregister, progress);
      System.out.println("Trino is serving the lakehouse at " + state.url() + " (JDBC: jdbc:trino://127.0.0.1:" + state.port()
          + "/delta?SSL=true&SSLTrustStorePath=" + server.layout().certificate() + ")");
      System.out.println("Users: " + String.join(", ", new AccessRules(state.banks()).users()));
      System.out.println("Passwords: " + server.layout().secrets() + " (owner-only), or LIANGSHAN_TRINO_PASSWORD_<USER>.");
      System.out.println("Stop it with 'liangshan warehouse stop'.");
      return Main.OK;
    }

    /**
     * Before anything is registered on an existing Trino: each reader role tries what our rules deny it
     * ({@link ForeignTrinoCheck}). Unless every attempt is denied, the rules for that Trino are written and the start
     * refused (exit 2), or, with --accept-open-trino, it goes on with a warning.
     */
    private void checkAccessRules(TrinoEndpoint endpoint, Path rulesOut, PrintStream progress) {
      List<ForeignTrinoCheck.Probe> probes = ForeignTrinoCheck.probes(tableRoot == null ? "local://" : tableRoot);
      ForeignTrinoCheck.Verdict verdict = ForeignTrinoCheck.check(probes, (role, sql) -> runAs(endpoint, role, sql));
      if (verdict.enforced()) {
        progress.println("  access rules: enforced (" + probes.size() + " reader probes denied)");
        return;
      }
      if (acceptOpenTrino) {
        System.err.print("WARNING: --accept-open-trino: " + endpoint.url() + " does not enforce access rules equivalent to "
            + "ours; registering anyway. Until its operator installs them, that Trino's own policy decides who reads and "
            + "writes the lakehouse's tables:\n" + verdict.report());
        return;
      }
      printRemoteRules(new AccessRules(List.of(), endpoint.user()), rulesOut);
      throw LiangshanException.badInput("Trino at %s does not enforce access rules equivalent to ours, so nothing was "
          + "registered there:%n%sInstall the rules written to %s (steps above), give each reader its login, then run this "
          + "again. To register anyway, pass --accept-open-trino (that Trino's own policy then decides who may read or "
          + "write the lakehouse's tables).", endpoint.url(), verdict.report(), rulesOut);
    }

    /** Runs one probe as a reader role: its password from the environment or the secrets file, else a prompt. */
    private Optional<SQLException> runAs(TrinoEndpoint endpoint, String role, String sql) {
      Optional<String> password = Optional.empty();
      if (endpoint.secure()) {
        password = Secrets.storedPassword(serving.layout().secrets(), role, System.getenv());
        if (password.isEmpty() && System.console() != null) {
          password = Optional.of(prompt(role));
        }
        if (password.isEmpty()) {
          return Optional.of(new SQLException("Authentication failed: no password for " + role + " (set "
              + Secrets.envName(role) + ")"));
        }
      }
      try (Connection connection = endpoint.as(role, password).connect(); Statement statement = connection.createStatement()) {
        statement.execute(sql);
        return Optional.empty();
      } catch (SQLException e) {
        return Optional.of(e);
      }
    }

    /**
     * An existing Trino enforces its own access control, which this platform cannot install over JDBC: write the
     * rules it would enforce locally (same users, row filters and read-only catalog, with the --user account as
     * the service user) and tell the operator how to install them.
     */
    static void printRemoteRules(AccessRules rules, Path file) {
      try {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
          java.nio.file.Files.createDirectories(parent);
        }
        java.nio.file.Files.writeString(file, rules.json(), java.nio.charset.StandardCharsets.UTF_8);
      } catch (java.io.IOException e) {
        throw LiangshanException.failure(e, "Cannot write the access rules to %s: %s", file, e.getMessage());
      }
      System.out.println("Access rules for that Trino written to " + file + " (" + rules.users().size() + " users: "
          + String.join(", ", rules.users()) + ").");
      System.out.println("That Trino does not enforce them until its operator installs them on the coordinator:");
      System.out.println("  1. copy the file to the coordinator, e.g. /etc/trino/liangshan-rules.json;");
      System.out.println("  2. put in its etc/access-control.properties (then restart Trino; later edits reload every minute):");
      for (String line : AccessRules.accessControlProperties("/etc/trino/liangshan-rules.json").split("\n")) {
        System.out.println("       " + line);
      }
      System.out.println("  3. give each user above a login in its password authenticator (or LDAP/OAuth2), the catalog being 'delta'.");
      System.out.println("  Already on Ranger or OPA? Translate the same rules there instead (docs/serving.md, \"Pointing at an existing Trino\").");
      System.out.println("Run 'warehouse start --url ...' again after new banks appear: their users and row filters are added to the file.");
    }

    /** Registers tables and marts, then gives each bank of the lakehouse its user and rules. */
    static TrinoServer.State register(TrinoServer server, TrinoServer.State state, String tableRoot,
        List<org.liangshan.warehouse.TableDef> existing, boolean reregister, PrintStream progress) throws SQLException {
      List<String> banks;
      try (Connection connection = server.endpoint(state, AccessRules.SERVICE).connect()) {
        Registration registration = new Registration(connection, tableRoot, progress);
        registration.register(existing, reregister);
        banks = registration.bankIds();
      }
      // The rules are rewritten on every start (they may have changed with the platform); Trino reloads them.
      boolean newBanks = !banks.equals(state.banks());
      state = server.updateBanks(state, banks);
      if (newBanks && !banks.isEmpty()) {
        server.awaitLogin(state, AccessRules.bankUser(banks.get(0)), Duration.ofSeconds(30));
      }
      progress.println("  bank users: " + banks.size());
      return state;
    }
  }

  @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the local Trino.")
  static final class Stop implements Callable<Integer> {
    @Mixin ServingOptions serving;

    @Override
    public Integer call() {
      TrinoServer server = new TrinoServer(serving.layout(), System.err);
      Optional<TrinoServer.State> state = server.state();
      boolean stopped = server.stop();
      System.out.println(stopped ? "Stopped Trino (pid " + state.get().pid() + ")." : "No local Trino was running from " + serving.layout().dir() + ".");
      return Main.OK;
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Report whether Trino runs, where, and what it serves (tables and marts per schema).")
  static final class Status implements Callable<Integer> {
    @Mixin Remote remote;
    @Mixin ServingOptions serving;

    @Override
    public Integer call() {
      try {
        return status();
      } catch (SQLException e) {
        throw LiangshanException.failure(e, "Trino did not answer the status query: %s", e.getMessage());
      }
    }

    private Integer status() throws SQLException {
      if (remote.url == null) {
        TrinoServer server = new TrinoServer(serving.layout(), System.err);
        Optional<TrinoServer.State> state = server.state();
        if (state.isEmpty() || !server.isRunning(state.get())) {
          System.out.println("Trino: not running" + (state.isPresent() ? " (stale state of pid " + state.get().pid() + ")" : "")
              + ". Start it with 'liangshan warehouse start'.");
          return Main.OK;
        }
        TrinoServer.State s = state.get();
        System.out.println("Trino: running, pid " + s.pid() + ", " + s.url() + " (internal port " + s.internalPort() + "), since " + s.startedAt());
        System.out.println("Lakehouse: " + s.lakehouse() + "   Trino home: " + s.trinoHome() + "   Java: " + s.java());
        System.out.println("Log: " + server.layout().serverLog() + "   Certificate: " + server.layout().certificate());
      }
      TrinoEndpoint endpoint = endpoint(serving, remote, AccessRules.SERVICE);
      TextTable table = new TextTable("schema", "tables", "views");
      try (Connection connection = endpoint.connect(); Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT table_schema, count_if(table_type = 'BASE TABLE'), count_if(table_type = 'VIEW') "
              + "FROM delta.information_schema.tables WHERE table_schema <> 'information_schema' GROUP BY 1 ORDER BY 1")) {
        while (rows.next()) {
          table.row(rows.getString(1), rows.getLong(2), rows.getLong(3));
        }
      }
      System.out.print(table);
      return Main.OK;
    }
  }

  @Command(name = "sql", mixinStandardHelpOptions = true,
      description = {
        "Run a read-only query on Trino and print the result, e.g.",
        "  liangshan warehouse sql --user leadership \"SELECT * FROM marts.gep_by_district LIMIT 10\"",
        "The statement must be one query, DESCRIBE, SHOW or EXPLAIN of a query as Spark's parser reads it (the same check as",
        "'liangshan sql'; Trino-only syntax Spark cannot parse is refused: use Trino's own client for it).",
        "Tables are delta.<schema>.<table>; the default catalog is delta. What a user sees is what Trino's access rules allow."
      })
  static final class Sql implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "QUERY",
        description = "One read-only statement: a query (SELECT, WITH ... SELECT, VALUES), SHOW, DESCRIBE, or EXPLAIN of a query.")
    String query;

    @Option(names = "--limit", defaultValue = "100", description = "Print at most this many rows (default ${DEFAULT-VALUE}).")
    int limit;

    @Mixin Remote remote;
    @Mixin ServingOptions serving;

    @Override
    public Integer call() {
      // Checked on Spark's parser (no session needed) before Trino sees it; the readers' access rules deny writes too.
      String statementText = ReadOnlyStatement.check(new org.apache.spark.sql.execution.SparkSqlParser(), query).strip();
      while (statementText.endsWith(";")) {
        statementText = statementText.substring(0, statementText.length() - 1).strip();
      }
      TrinoEndpoint endpoint = endpoint(serving, remote, AccessRules.LEADERSHIP);
      try (Connection connection = endpoint.connect(); Statement statement = connection.createStatement()) {
        statement.setMaxRows(limit + 1);
        try (ResultSet rows = statement.executeQuery(statementText)) {
          ResultSetMetaData meta = rows.getMetaData();
          String[] header = new String[meta.getColumnCount()];
          for (int i = 0; i < header.length; i++) {
            header[i] = meta.getColumnLabel(i + 1);
          }
          TextTable table = new TextTable(header);
          int count = 0;
          boolean more = false;
          while (rows.next()) {
            if (count == limit) {
              more = true;
              break;
            }
            Object[] values = new Object[header.length];
            for (int i = 0; i < header.length; i++) {
              values[i] = rows.getObject(i + 1);
            }
            table.row(values);
            count++;
          }
          System.out.print(table);
          System.out.println("(" + count + " row" + (count == 1 ? "" : "s") + (more ? ", limited" : "") + ")");
        }
      } catch (SQLException e) {
        throw LiangshanException.badInput(e, "Trino refused the query: %s", e.getMessage());
      }
      return Main.OK;
    }
  }

  @Command(name = "bench", mixinStandardHelpOptions = true,
      description = {
        "Benchmark the dashboards' queries on Trino: the SQL Superset sends per chart, captured with 'liangshan dashboards",
        "capture-queries --out FILE' and given as --queries FILE (without it, the queries generated from the dashboard",
        "spec). Each runs --warmup times, then --runs times fetching every row;",
        "prints median and p95 latency, rows, Trino's peak query memory and the ratio to SELECT 1 (measured in the",
        "same run), and the rows of every table it sees. To compare two data scales: bench one with --save FILE,",
        "then the other with --compare FILE (side by side, with the ratio of the medians). docs/serving.md."
      })
  static final class Bench implements Callable<Integer> {
    @Option(names = "--runs", defaultValue = "20", description = "Measured runs per query (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "3", description = "Warm-up runs per query, not measured (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--queries", paramLabel = "FILE",
        description = "The chart queries captured from Superset ('liangshan dashboards capture-queries --out FILE'). "
            + "Default: the queries generated from the dashboard spec, as a fallback.")
    Path capturedFile;

    @Option(names = "--query", paramLabel = "NAME", description = "Only the query of this chart, e.g. gep_growth (repeatable; default: every chart).")
    List<String> only;

    @Option(names = "--label", paramLabel = "TEXT", defaultValue = "this run",
        description = "What this run measures, e.g. \"scale 10\" (default: ${DEFAULT-VALUE}).")
    String label;

    @Option(names = "--save", paramLabel = "FILE", description = "Also write the results and the table rows to FILE (tab-separated).")
    Path save;

    @Option(names = "--compare", paramLabel = "FILE",
        description = "A report saved with --save (e.g. at another scale): print it and this run side by side.")
    Path compare;

    @Option(names = "--table-rows", negatable = true, defaultValue = "true", fallbackValue = "true",
        description = "Count the rows of every table and mart the user sees (default: on; --no-table-rows skips it).")
    boolean tableRows;

    @Mixin Remote remote;
    @Mixin ServingOptions serving;

    @Override
    public Integer call() {
      ServingBenchmark.Report previous = null;
      if (compare != null) {
        try {
          previous = ServingBenchmark.Report.read(compare);
        } catch (java.io.IOException e) {
          throw LiangshanException.badInput(e, "Cannot read the benchmark report %s: %s", compare, e.getMessage());
        }
      }
      List<ServingBenchmark.Query> queries;
      String querySet;
      if (capturedFile != null) {
        org.liangshan.dashboards.CapturedQueries captured = org.liangshan.dashboards.CapturedQueries.read(capturedFile);
        queries = ServingBenchmark.capturedQueries(captured);
        querySet = "captured from Superset (" + captured.superset() + ", " + captured.capturedAt() + ", " + capturedFile + ")";
      } else {
        queries = ServingBenchmark.dashboardQueries();
        querySet = "generated from the dashboard spec (no --queries FILE given; capture Superset's own with "
            + "'liangshan dashboards capture-queries --out FILE')";
      }
      if (only != null && !only.isEmpty()) {
        List<String> names = queries.stream().map(ServingBenchmark.Query::name).toList();
        for (String name : only) {
          if (!names.contains(name)) {
            throw LiangshanException.badInput("Unknown dashboard query '%s'. Known: %s.", name, String.join(", ", names));
          }
        }
        queries = queries.stream().filter(q -> only.contains(q.name())).toList();
      }
      TrinoEndpoint endpoint = endpoint(serving, remote, AccessRules.LEADERSHIP);
      System.err.println("  queries " + querySet);
      List<ServingBenchmark.Result> results;
      java.util.Map<String, Long> rows = java.util.Map.of();
      try (Connection connection = endpoint.connect()) {
        ServingBenchmark benchmark = new ServingBenchmark(connection, warmup, runs, System.err);
        if (tableRows) {
          System.err.println("  counting the rows of every table and mart...");
          rows = benchmark.tableRows();
        }
        results = benchmark.run(queries);
      } catch (SQLException e) {
        throw LiangshanException.failure(e, "A benchmark query failed on %s: %s", endpoint.url(), e.getMessage());
      }
      ServingBenchmark.Report report = new ServingBenchmark.Report(label, results, rows);
      System.out.print(previous == null ? single(report) : sideBySide(previous, report));
      if (save != null) {
        try {
          report.write(save);
        } catch (java.io.IOException e) {
          throw LiangshanException.failure(e, "Cannot write the benchmark report %s: %s", save, e.getMessage());
        }
        System.out.println("Saved to " + save + " (compare another run with it: --compare " + save + ").");
      }
      System.out.printf("%d runs per query after %d warm-up runs, as %s on %s.%n", runs, warmup, endpoint.user(), endpoint.url());
      System.out.println("Queries: " + querySet + ".");
      if (remote.url == null) {
        TrinoServer server = new TrinoServer(serving.layout(), System.err);
        server.state().ifPresent(state -> peakResident(state.pid()).ifPresent(kb ->
            System.out.printf("Trino process (pid %d): peak resident memory %.0f MB.%n", state.pid(), kb / 1024.0)));
      }
      return Main.OK;
    }

    static String single(ServingBenchmark.Report report) {
      TextTable table = new TextTable("query", "rows", "median ms", "p95 ms", "x SELECT 1", "peak memory");
      for (ServingBenchmark.Result r : report.results()) {
        table.row(r.name(), r.rows(), String.format("%.1f", r.medianMs()), String.format("%.1f", r.p95Ms()),
            String.format("%.1f", r.ratioToBaseline()), String.format("%.1f MB", r.peakMemoryBytes() / 1e6));
      }
      StringBuilder text = new StringBuilder(table.toString());
      if (!report.tableRows().isEmpty()) {
        TextTable tables = new TextTable("table", "rows");
        report.tableRows().forEach(tables::row);
        text.append('\n').append(tables);
      }
      return text.toString();
    }

    /**
     * Two reports side by side: per query rows, median, p95 and the ratio to SELECT 1 of each, and the ratio of the
     * medians (b / a); then the rows per table of each. Queries or tables only one report has show "-" in the other.
     */
    static String sideBySide(ServingBenchmark.Report a, ServingBenchmark.Report b) {
      String la = a.label();
      String lb = b.label();
      TextTable table = new TextTable("query", "rows " + la, "median ms " + la, "p95 ms " + la, "x SELECT 1 " + la,
          "rows " + lb, "median ms " + lb, "p95 ms " + lb, "x SELECT 1 " + lb, "median " + lb + " / " + la);
      java.util.Map<String, ServingBenchmark.Result> before = new java.util.LinkedHashMap<>();
      a.results().forEach(r -> before.put(r.name(), r));
      java.util.Set<String> names = new java.util.LinkedHashSet<>();
      b.results().forEach(r -> names.add(r.name()));
      a.results().forEach(r -> names.add(r.name()));
      java.util.Map<String, ServingBenchmark.Result> after = new java.util.LinkedHashMap<>();
      b.results().forEach(r -> after.put(r.name(), r));
      for (String name : names) {
        ServingBenchmark.Result x = before.get(name);
        ServingBenchmark.Result y = after.get(name);
        table.row(name,
            x == null ? "-" : x.rows(), x == null ? "-" : String.format("%.1f", x.medianMs()), x == null ? "-" : String.format("%.1f", x.p95Ms()),
            x == null ? "-" : String.format("%.1f", x.ratioToBaseline()),
            y == null ? "-" : y.rows(), y == null ? "-" : String.format("%.1f", y.medianMs()), y == null ? "-" : String.format("%.1f", y.p95Ms()),
            y == null ? "-" : String.format("%.1f", y.ratioToBaseline()),
            x == null || y == null || x.medianMs() <= 0 ? "-" : String.format("%.2f", y.medianMs() / x.medianMs()));
      }
      StringBuilder text = new StringBuilder(table.toString());
      java.util.Set<String> tableNames = new java.util.TreeSet<>(a.tableRows().keySet());
      tableNames.addAll(b.tableRows().keySet());
      if (!tableNames.isEmpty()) {
        TextTable tables = new TextTable("table", "rows " + la, "rows " + lb, lb + " / " + la);
        for (String name : tableNames) {
          Long x = a.tableRows().get(name);
          Long y = b.tableRows().get(name);
          tables.row(name, x == null ? "-" : x, y == null ? "-" : y,
              x == null || y == null || x == 0 ? "-" : String.format("%.1f", (double) y / x));
        }
        text.append('\n').append(tables);
      }
      return text.toString();
    }

    /** VmHWM of a Linux process, in kB. */
    static Optional<Long> peakResident(long pid) {
      try {
        for (String line : java.nio.file.Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
          if (line.startsWith("VmHWM:")) {
            return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
          }
        }
      } catch (java.io.IOException | NumberFormatException e) {
        // Not Linux, or the process is gone.
      }
      return Optional.empty();
    }
  }
}
