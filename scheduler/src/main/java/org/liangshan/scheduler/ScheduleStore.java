package org.liangshan.scheduler;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.h2.jdbcx.JdbcConnectionPool;
import org.liangshan.core.LiangshanException;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * The scheduler's database: Quartz's JDBC job store tables ({@code QRTZ_*}: jobs, triggers, pause state) and the
 * platform's own two, {@code LS_PERIOD_STATE} (the latest state of each job, region and period: what makes a
 * firing idempotent) and {@code LS_JOB_HISTORY} (every attempt, check and skip). An embedded H2 file by default,
 * PostgreSQL (or any database Quartz has a delegate for) by configuration. The schema is created once, when absent.
 */
public final class ScheduleStore implements AutoCloseable {
  /** Quartz's name for the data source; also the scheduler's name in the {@code QRTZ_*} rows. */
  public static final String DATA_SOURCE = "liangshan";

  /** Keys of a store properties file (besides any {@code org.quartz.*} key, passed to Quartz as is). */
  public static final String URL = "liangshan.store.url";
  public static final String USER = "liangshan.store.user";
  public static final String PASSWORD = "liangshan.store.password";

  private final String url;
  private final String description;
  private final Properties quartzOverrides;
  private final JdbcConnectionPool h2Pool;
  private final String user;
  private final String password;

  private ScheduleStore(String url, String user, String password, Properties quartzOverrides, String description) {
    this.url = requireNonNull(url, "url is null");
    this.user = user == null ? "" : user;
    this.password = password == null ? "" : password;
    this.quartzOverrides = quartzOverrides;
    this.description = description;
    this.h2Pool = url.startsWith("jdbc:h2:") ? JdbcConnectionPool.create(url, this.user, this.password) : null;
    if (h2Pool != null) {
      h2Pool.setMaxConnections(8);
    }
  }

  /** The embedded H2 store in this directory ({@code quartz.mv.db}), created on first use. */
  public static ScheduleStore h2(Path directory) {
    Path dir = directory.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw LiangshanException.badInput("Cannot create the schedule store directory %s: %s", dir, e.getMessage());
    }
    // AUTO_SERVER: a second process (schedule status, pause) can open the file while the scheduler runs.
    ScheduleStore store = new ScheduleStore("jdbc:h2:file:" + dir.resolve("quartz") + ";AUTO_SERVER=TRUE", "sa", "",
        new Properties(), "H2 file " + dir.resolve("quartz.mv.db"));
    store.createSchema();
    return store;
  }

  /** A store configured by a properties file: liangshan.store.url/user/password and any org.quartz.* key. */
  public static ScheduleStore configured(Path propertiesFile) {
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
      props.load(in);
    } catch (IOException e) {
      throw LiangshanException.badInput("Store properties %s: cannot read them: %s", propertiesFile, e.getMessage());
    }
    String url = props.getProperty(URL);
    if (url == null || url.isBlank()) {
      throw LiangshanException.badInput("Store properties %s: %s is missing (e.g. jdbc:postgresql://db:5432/liangshan).", propertiesFile, URL);
    }
    String password = props.getProperty(PASSWORD);
    if (password != null && password.startsWith("env:")) {
      password = System.getenv(password.substring(4));
    }
    Properties quartz = new Properties();
    for (String key : props.stringPropertyNames()) {
      if (key.startsWith("org.quartz.")) {
        quartz.setProperty(key, props.getProperty(key));
      }
    }
    ScheduleStore store = new ScheduleStore(url.trim(), props.getProperty(USER), password, quartz, url.trim());
    store.createSchema();
    return store;
  }

  public String description() {
    return description;
  }

  Connection connection() throws SQLException {
    return h2Pool != null ? h2Pool.getConnection() : DriverManager.getConnection(url, user, password);
  }

  private boolean postgres() {
    return url.startsWith("jdbc:postgresql:");
  }

  /** Quartz's properties for a scheduler on this store (JobStoreTX, one data source, strings-only job data). */
  Properties quartzProperties(int threads) {
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", DATA_SOURCE);
    p.setProperty("org.quartz.scheduler.instanceId", "NON_CLUSTERED");
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
    p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
    p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
    p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    p.setProperty("org.quartz.jobStore.driverDelegateClass", postgres()
        ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
    p.setProperty("org.quartz.jobStore.dataSource", DATA_SOURCE);
    p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
    p.setProperty("org.quartz.jobStore.useProperties", "true");
    p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    p.putAll(quartzOverrides);
    return p;
  }

  /** Makes this store the connection provider of Quartz's data source (before a scheduler is created). */
  void registerWithQuartz() {
    DBConnectionManager.getInstance().addConnectionProvider(DATA_SOURCE, new ConnectionProvider() {
      @Override
      public Connection getConnection() throws SQLException {
        return connection();
      }

      @Override
      public void shutdown() {
        // The store closes its pool itself, after the scheduler.
      }

      @Override
      public void initialize() {}
    });
  }

  /** Creates the Quartz tables (from the script Quartz ships) and the platform's, when absent. */
  private void createSchema() {
    try (Connection c = connection()) {
      c.setAutoCommit(true);
      if (!tableExists(c, "QRTZ_LOCKS")) {
        String script = postgres() ? "tables_postgres.sql" : "tables_h2.sql";
        for (String sql : statements(script)) {
          try (Statement s = c.createStatement()) {
            s.execute(sql);
          }
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS LS_PERIOD_STATE (JOB_NAME VARCHAR(100) NOT NULL, REGION VARCHAR(40) NOT NULL,"
            + " PERIOD VARCHAR(20) NOT NULL, STATUS VARCHAR(16) NOT NULL, ATTEMPTS INTEGER NOT NULL, CHECKS INTEGER NOT NULL,"
            + " UPDATED_AT BIGINT NOT NULL, RUN_ID VARCHAR(200), MESSAGE VARCHAR(4000), PRIMARY KEY (JOB_NAME, REGION, PERIOD))");
        s.execute("CREATE TABLE IF NOT EXISTS LS_JOB_HISTORY (JOB_NAME VARCHAR(100) NOT NULL, REGION VARCHAR(40) NOT NULL,"
            + " PERIOD VARCHAR(20) NOT NULL, ORIGIN VARCHAR(20) NOT NULL, ATTEMPT INTEGER NOT NULL, OUTCOME VARCHAR(16) NOT NULL,"
            + " STARTED_AT BIGINT NOT NULL, FINISHED_AT BIGINT NOT NULL, RUN_ID VARCHAR(200), MESSAGE VARCHAR(4000))");
      }
    } catch (SQLException e) {
      throw LiangshanException.failure(e, "Cannot create the schedule store schema in %s: %s", description, e.getMessage());
    }
  }

  private static boolean tableExists(Connection c, String table) {
    try (Statement s = c.createStatement()) {
      s.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static List<String> statements(String script) {
    String path = "/org/quartz/impl/jdbcjobstore/" + script;
    StringBuilder text = new StringBuilder();
    try (InputStream in = org.quartz.Scheduler.class.getResourceAsStream(path)) {
      if (in == null) {
        throw LiangshanException.failure("Quartz's schema script %s is not on the classpath.", path);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = reader.readLine()) != null; ) {
        String trimmed = line.trim();
        if (!trimmed.startsWith("--") && !trimmed.startsWith("#")) {
          text.append(line).append('\n');
        }
      }
    } catch (IOException e) {
      throw LiangshanException.failure(e, "Cannot read Quartz's schema script %s.", path);
    }
    List<String> statements = new ArrayList<>();
    for (String sql : text.toString().split(";")) {
      String s = sql.trim();
      if (!s.isEmpty() && !s.equalsIgnoreCase("commit")) {
        statements.add(s);
      }
    }
    return statements;
  }

  /** The latest state of a job for a region and period. */
  public record PeriodState(String job, String region, String period, String status, int attempts, int checks,
      Instant updatedAt, String runId, String message) {}

  /** One attempt, check or skip. */
  public record HistoryRow(String job, String region, String period, String origin, int attempt, String outcome,
      Instant startedAt, Instant finishedAt, String runId, String message) {}

  /** The result of trying to claim a period for running. */
  public enum Claim {
    CLAIMED,
    ALREADY_SUCCEEDED,
    ALREADY_RUNNING
  }

  public Optional<PeriodState> state(String job, String region, String period) {
    try (Connection c = connection();
        PreparedStatement s = c.prepareStatement("SELECT " + STATE_COLUMNS + " FROM LS_PERIOD_STATE WHERE JOB_NAME = ? AND REGION = ? AND PERIOD = ?")) {
      s.setString(1, job);
      s.setString(2, region);
      s.setString(3, period);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(state(r)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw storeFailure(e);
    }
  }

  /** Every state row, newest first (optionally of one job). */
  public List<PeriodState> states(String job) {
    String sql = "SELECT " + STATE_COLUMNS + " FROM LS_PERIOD_STATE" + (job == null ? "" : " WHERE JOB_NAME = ?")
        + " ORDER BY UPDATED_AT DESC";
    try (Connection c = connection(); PreparedStatement s = c.prepareStatement(sql)) {
      if (job != null) {
        s.setString(1, job);
      }
      List<PeriodState> rows = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(state(r));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw storeFailure(e);
    }
  }

  private static final String STATE_COLUMNS = "JOB_NAME, REGION, PERIOD, STATUS, ATTEMPTS, CHECKS, UPDATED_AT, RUN_ID, MESSAGE";

  private static PeriodState state(ResultSet r) throws SQLException {
    return new PeriodState(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getInt(5), r.getInt(6),
        Instant.ofEpochMilli(r.getLong(7)), r.getString(8), r.getString(9));
  }

  /**
   * Marks (job, region, period) RUNNING unless it already succeeded (and {@code rerun} is false) or is running now.
   * One transaction with the row locked, so two firings of the same period cannot both claim it.
   */
  public Claim claim(String job, String region, String period, int attempt, boolean rerun, Instant now) {
    try (Connection c = connection()) {
      c.setAutoCommit(false);
      try {
        String status = null;
        String owner = null;
        try (PreparedStatement s = c.prepareStatement(
            "SELECT STATUS, MESSAGE FROM LS_PERIOD_STATE WHERE JOB_NAME = ? AND REGION = ? AND PERIOD = ? FOR UPDATE")) {
          s.setString(1, job);
          s.setString(2, region);
          s.setString(3, period);
          try (ResultSet r = s.executeQuery()) {
            if (r.next()) {
              status = r.getString(1);
              owner = r.getString(2);
            }
          }
        }
        if ("RUNNING".equals(status) && !ownerIsGone(owner)) {
          c.rollback();
          return Claim.ALREADY_RUNNING;
        }
        if ("SUCCEEDED".equals(status) && !rerun) {
          c.rollback();
          return Claim.ALREADY_SUCCEEDED;
        }
        upsert(c, job, region, period, "RUNNING", attempt, 0, now, null, RUNNING_IN + PROCESS);
        c.commit();
        return Claim.CLAIMED;
      } catch (SQLException e) {
        c.rollback();
        if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
          return Claim.ALREADY_RUNNING; // another process inserted the row first
        }
        throw e;
      }
    } catch (SQLException e) {
      throw storeFailure(e);
    }
  }

  private static final String RUNNING_IN = "running in process ";
  /** This process, as {@code pid@host}: recorded with a RUNNING claim. */
  static final String PROCESS = ProcessHandle.current().pid() + "@" + hostName();

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "unknown-host";
    }
  }

  /**
   * Whether the process that claimed a RUNNING period has died on this machine (a killed {@code schedule trigger}):
   * its claim is then stale and the period may run. A claim from another machine is never judged stale here.
   */
  static boolean ownerIsGone(String message) {
    if (message == null || !message.startsWith(RUNNING_IN)) {
      return false;
    }
    String owner = message.substring(RUNNING_IN.length());
    int at = owner.indexOf('@');
    if (at < 0 || !owner.substring(at + 1).equals(PROCESS.substring(PROCESS.indexOf('@') + 1))) {
      return false;
    }
    try {
      long pid = Long.parseLong(owner.substring(0, at));
      return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Sets the state of (job, region, period) and appends the attempt or check to the history, in one transaction. */
  public void record(HistoryRow row, String status, int checks) {
    try (Connection c = connection()) {
      c.setAutoCommit(false);
      try {
        upsert(c, row.job(), row.region(), row.period(), status, row.attempt(), checks, row.finishedAt(), row.runId(), row.message());
        insertHistory(c, row);
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw storeFailure(e);
    }
  }

  /** Appends to the history without changing the state (a duplicate firing skipped). */
  public void history(HistoryRow row) {
    try (Connection c = connection()) {
      insertHistory(c, row);
    } catch (SQLException e) {
      throw storeFailure(e);
    }
  }

  private static void insertHistory(Connection c, HistoryRow row) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO LS_JOB_HISTORY (JOB_NAME, REGION, PERIOD, ORIGIN, ATTEMPT,"
        + " OUTCOME, STARTED_AT, FINISHED_AT, RUN_ID, MESSAGE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, row.job());
      s.setString(2, row.region());
      s.setString(3, row.period());
      s.setString(4, row.origin());
      s.setInt(5, row.attempt());
      s.setString(6, row.outcome());
      s.setLong(7, row.startedAt().toEpochMilli());
      s.setLong(8, row.finishedAt().toEpochMilli());
      s.setString(9, row.runId());
      s.setString(10, clip(row.message()));
      s.executeUpdate();
    }
  }

  private static void upsert(Connection c, String job, String region, String period, String status, int attempts, int checks,
      Instant at, String runId, String message) throws SQLException {
    try (PreparedStatement u = c.prepareStatement("UPDATE LS_PERIOD_STATE SET STATUS = ?, ATTEMPTS = ?, CHECKS = ?, UPDATED_AT = ?,"
        + " RUN_ID = ?, MESSAGE = ? WHERE JOB_NAME = ? AND REGION = ? AND PERIOD = ?")) {
      u.setString(1, status);
      u.setInt(2, attempts);
      u.setInt(3, checks);
      u.setLong(4, at.toEpochMilli());
      u.setString(5, runId);
      u.setString(6, clip(message));
      u.setString(7, job);
      u.setString(8, region);
      u.setString(9, period);
      if (u.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement i = c.prepareStatement("INSERT INTO LS_PERIOD_STATE (JOB_NAME, REGION, PERIOD, STATUS, ATTEMPTS, CHECKS,"
        + " UPDATED_AT, RUN_ID, MESSAGE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      i.setString(1, job);
      i.setString(2, region);
      i.setString(3, period);
      i.setString(4, status);
      i.setInt(5, attempts);
      i.setInt(6, checks);
      i.setLong(7, at.toEpochMilli());
      i.setString(8, runId);
      i.setString(9, clip(message));
      i.executeUpdate();
    }
  }

  /** The newest history rows, newest first (optionally of one job). */
  public List<HistoryRow> history(String job, int limit) {
    String sql = "SELECT JOB_NAME, REGION, PERIOD, ORIGIN, ATTEMPT, OUTCOME, STARTED_AT, FINISHED_AT, RUN_ID, MESSAGE FROM LS_JOB_HISTORY"
        + (job == null ? "" : " WHERE JOB_NAME = ?") + " ORDER BY FINISHED_AT DESC, STARTED_AT DESC";
    try (Connection c = connection(); PreparedStatement s = c.prepareStatement(sql)) {
      if (job != null) {
        s.setString(1, job);
      }
      s.setMaxRows(limit);
      List<HistoryRow> rows = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(new HistoryRow(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getInt(5), r.getString(6),
              Instant.ofEpochMilli(r.getLong(7)), Instant.ofEpochMilli(r.getLong(8)), r.getString(9), r.getString(10)));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw storeFailure(e);
    }
  }

  /**
   * Marks periods left RUNNING by a process that died as INTERRUPTED (called when a scheduler starts, before it
   * fires anything): Quartz then re-runs the interrupted firing (requests recovery) instead of skipping it.
   */
  public int interruptRunning(Instant now) {
    try (Connection c = connection();
        PreparedStatement s = c.prepareStatement("UPDATE LS_PERIOD_STATE SET STATUS = 'INTERRUPTED', UPDATED_AT = ?,"
            + " MESSAGE = 'the scheduler stopped while it ran' WHERE STATUS = 'RUNNING'")) {
      s.setLong(1, now.toEpochMilli());
      return s.executeUpdate();
    } catch (SQLException e) {
      throw storeFailure(e);
    }
  }

  private static String clip(String message) {
    return message == null || message.length() <= 4000 ? message : message.substring(0, 3997) + "...";
  }

  private LiangshanException storeFailure(SQLException e) {
    return LiangshanException.failure(e, "Schedule store %s: %s", description, e.getMessage());
  }

  @Override
  public void close() {
    if (h2Pool != null) {
      h2Pool.dispose();
    }
  }
}
