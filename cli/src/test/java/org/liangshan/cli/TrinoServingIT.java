package org.liangshan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.liangshan.warehouse.LakehouseConfig;
import org.liangshan.warehouse.SparkSessions;
import org.liangshan.warehouse.TableCatalog;
import org.liangshan.warehouse.serving.AccessRules;
import org.liangshan.warehouse.serving.LakehouseTables;
import org.liangshan.warehouse.serving.Registration;
import org.liangshan.warehouse.serving.ServingLayout;
import org.liangshan.warehouse.serving.TrinoEndpoint;
import org.liangshan.warehouse.serving.TrinoServer;

/**
 * The serving layer end to end: a real Trino 476 started by {@code liangshan warehouse start} over the shared demo
 * lakehouse, queried through trino-jdbc as each user. Proves each allow and each deny of the access rules, that
 * nobody but the service user writes, that a wrong password is refused, and that the marts reconcile with the gold
 * tables as Spark reads them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrinoServingIT {
  private DemoLakehouse demo;
  private ServingLayout layout;
  private TrinoServer server;
  private TrinoServer.State state;
  private TableCatalog spark;
  private String bankA;
  private String bankB;

  @BeforeAll
  void startTrino() throws IOException {
    demo = DemoLakehouse.shared();
    layout = new ServingLayout(Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "trino-serving-it"));
    int port = Integer.getInteger("liangshan.it.trino.port", freePort());
    int internalPort = port + 1 <= 65535 && isFree(port + 1) ? port + 1 : freePort();
    CalcCommandTest.Result start = CalcCommandTest.run("warehouse", "start", "--lakehouse", demo.lakehouse(),
        "--serving-dir", layout.dir().toString(), "--port", Integer.toString(port), "--internal-port", Integer.toString(internalPort));
    assertThat(start.status()).as(start.err()).isZero();
    server = new TrinoServer(layout, System.err);
    state = server.state().orElseThrow();
    assertThat(server.isRunning(state)).isTrue();
    int existing = LakehouseTables.existing(config()).size();
    // The file metastore lives in the lakehouse: a fresh demo has nothing registered, a reused one may have all.
    java.util.regex.Matcher tables = java.util.regex.Pattern.compile("tables: (\\d+) registered, (\\d+) already registered").matcher(start.err());
    assertThat(tables.find()).as(start.err()).isTrue();
    assertThat(Integer.parseInt(tables.group(1)) + Integer.parseInt(tables.group(2))).isEqualTo(existing);
    assertThat(start.err()).contains("marts: " + Registration.marts().size() + " created");
    assertThat(start.out()).contains("Trino is serving the lakehouse at https://127.0.0.1:" + port);

    LakehouseConfig config = new LakehouseConfig(demo.lakehouse(), "local[2]", Map.of());
    SparkSession session = SparkSessions.create(config);
    spark = TableCatalog.discover(session, config);
    List<String> banks = spark.read(spark.table("gold.collateral_valuation")).groupBy("bank_id").count()
        .orderBy(functions.col("count").desc(), functions.col("bank_id")).collectAsList().stream().map(r -> r.getString(0)).toList();
    assertThat(banks).hasSizeGreaterThanOrEqualTo(2);
    bankA = banks.get(0);
    bankB = banks.get(1);
  }

  @AfterAll
  void stopTrino() {
    CalcCommandTest.Result stop = CalcCommandTest.run("warehouse", "stop", "--serving-dir", layout.dir().toString());
    assertThat(stop.status()).as(stop.err()).isZero();
    assertThat(stop.out()).startsWith("Stopped Trino");
    Lakehouse.closeAll();
  }

  private LakehouseConfig config() {
    return new LakehouseConfig(demo.lakehouse(), "local[2]", Map.of());
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

  private Connection as(String user) throws SQLException {
    return server.endpoint(state, user).connect();
  }

  private static List<List<Object>> query(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<List<Object>> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            row.add(result.getObject(i));
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }

  private static long count(Connection connection, String sql, Object... parameters) throws SQLException {
    return ((Number) query(connection, sql, parameters).get(0).get(0)).longValue();
  }

  private static void assertDenied(Connection connection, String sql) {
    assertThatThrownBy(() -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql);
      }
    }).as(sql).isInstanceOf(SQLException.class).hasMessageContaining("Access Denied");
  }

  private long sparkCount(String table, String where) {
    Dataset<Row> rows = spark.read(spark.table(table));
    return where == null ? rows.count() : rows.where(where).count();
  }

  private BigDecimal sparkSum(String table, String column) {
    return spark.read(spark.table(table)).agg(functions.sum(column)).collectAsList().get(0).getDecimal(0);
  }

  @Test
  void aSecondStartReusesTheServerAndRegistersNothingTwice() {
    CalcCommandTest.Result again = CalcCommandTest.run("warehouse", "start", "--lakehouse", demo.lakehouse(),
        "--serving-dir", layout.dir().toString(), "--port", Integer.toString(state.port()));
    assertThat(again.status()).as(again.err()).isZero();
    int existing = LakehouseTables.existing(config()).size();
    assertThat(again.err()).contains("Trino already running (pid " + state.pid() + ")")
        .contains("tables: 0 registered, " + existing + " already registered, 0 unregistered");
    CalcCommandTest.Result status = CalcCommandTest.run("warehouse", "status", "--serving-dir", layout.dir().toString());
    assertThat(status.status()).as(status.err()).isZero();
    assertThat(status.out()).contains("Trino: running, pid " + state.pid()).containsPattern("gold\\s+\\d+\\s+0")
        .containsPattern("marts\\s+0\\s+" + Registration.marts().size());
  }

  @Test
  void startingWithTheUrlOfATrinoThatEnforcesOurRulesChecksThemBeforeRegistering() {
    // The local Trino, addressed as an existing one: its readers are denied the probes, so registration goes ahead.
    CalcCommandTest.Result remote = CalcCommandTest.run("warehouse", "start", "--lakehouse", demo.lakehouse(),
        "--url", state.url(), "--certificate", layout.certificate().toString(), "--serving-dir", layout.dir().toString(),
        "--rules-out", layout.dir().resolve("rules-check.json").toString());
    assertThat(remote.status()).as(remote.err()).isZero();
    int existing = LakehouseTables.existing(config()).size();
    assertThat(remote.err()).contains("access rules: enforced (4 reader probes denied)")
        .contains("tables: 0 registered, " + existing + " already registered")
        .doesNotContain("WARNING");
    assertThat(remote.err().indexOf("access rules: enforced")).isLessThan(remote.err().indexOf("tables: 0 registered"));
    assertThat(remote.out()).contains("Registered with " + state.url() + " as platform.");
  }

  @Test
  void aBankReadsOnlyItsOwnValuations() throws SQLException {
    for (String bank : List.of(bankA, bankB)) {
      try (Connection connection = as(AccessRules.bankUser(bank))) {
        long expected = sparkCount("gold.collateral_valuation", "bank_id = '" + bank + "'");
        assertThat(expected).isPositive();
        List<List<Object>> seen = query(connection, "SELECT bank_id, count(*) FROM gold.collateral_valuation GROUP BY bank_id");
        assertThat(seen).containsExactly(List.of(bank, expected));
        assertThat(count(connection, "SELECT count(*) FROM marts.collateral_valuations")).isEqualTo(expected);
        assertThat(count(connection, "SELECT count(*) FROM marts.collateral_valuations WHERE bank_id <> ?", bank)).isZero();
        assertThat(query(connection, "SELECT DISTINCT bank_id FROM marts.green_finance_by_bank")).containsExactly(List.of(bank));
        assertThat(count(connection, "SELECT count(*) FROM marts.collateral_stress WHERE bank_id <> ?", bank)).isZero();
        assertThat(count(connection, "SELECT count(*) FROM marts.bank_scores WHERE bank_id <> ?", bank)).isZero();
        assertThat(count(connection, "SELECT count(*) FROM gold.collateral_haircuts"))
            .isEqualTo(sparkCount("gold.collateral_haircuts", "bank_id = '" + bank + "'"));
        // Asking for another bank's rows by name returns nothing rather than them.
        String other = bank.equals(bankA) ? bankB : bankA;
        assertThat(count(connection, "SELECT count(*) FROM gold.collateral_valuation WHERE bank_id = ?", other)).isZero();
      }
    }
    try (Connection platform = as(AccessRules.SERVICE)) {
      assertThat(count(platform, "SELECT count(*) FROM gold.collateral_valuation")).isEqualTo(sparkCount("gold.collateral_valuation", null));
    }
  }

  @Test
  void aBankReadsNothingElse() throws SQLException {
    try (Connection connection = as(AccessRules.bankUser(bankA))) {
      assertDenied(connection, "SELECT count(*) FROM gold.compensation_ledger");
      assertDenied(connection, "SELECT count(*) FROM gold.compensation_postings");
      assertDenied(connection, "SELECT count(*) FROM marts.compensation_flows");
      assertDenied(connection, "SELECT count(*) FROM gold.gep_by_district");
      assertDenied(connection, "SELECT count(*) FROM marts.gep_by_district");
      assertDenied(connection, "SELECT count(*) FROM silver.loans");
      assertDenied(connection, "SELECT count(*) FROM gold.collateral_stress");
    }
  }

  @Test
  void theFinanceBureauReadsLedgersButNoValuations() throws SQLException {
    try (Connection connection = as(AccessRules.FINANCE_BUREAU)) {
      assertThat(count(connection, "SELECT count(*) FROM gold.compensation_ledger")).isEqualTo(sparkCount("gold.compensation_ledger", null)).isPositive();
      assertThat(count(connection, "SELECT count(*) FROM gold.compensation_postings")).isEqualTo(sparkCount("gold.compensation_postings", null));
      assertThat(count(connection, "SELECT count(*) FROM marts.compensation_flows")).isEqualTo(sparkCount("gold.compensation_ledger", null));
      assertThat(count(connection, "SELECT count(*) FROM marts.gep_by_district")).isEqualTo(sparkCount("gold.gep_by_district", null));
      assertDenied(connection, "SELECT count(*) FROM gold.collateral_valuation");
      assertDenied(connection, "SELECT count(*) FROM marts.collateral_valuations");
      assertDenied(connection, "SELECT count(*) FROM marts.green_finance_by_bank");
      assertDenied(connection, "SELECT count(*) FROM silver.banks");
    }
  }

  @Test
  void leadershipReadsEveryMartAndGoldButNotSilver() throws SQLException {
    try (Connection connection = as(AccessRules.LEADERSHIP)) {
      for (Registration.Mart mart : Registration.marts()) {
        assertThat(count(connection, "SELECT count(*) FROM marts." + mart.name())).as(mart.name()).isPositive();
      }
      assertThat(count(connection, "SELECT count(*) FROM gold.collateral_valuation")).isEqualTo(sparkCount("gold.collateral_valuation", null));
      assertDenied(connection, "SELECT count(*) FROM silver.loans");
      assertDenied(connection, "SELECT count(*) FROM silver.bids");
    }
  }

  @Test
  void nobodyButTheServiceUserWritesCreatesDropsOrRegisters() throws SQLException {
    String location = "local:///gold/grid_cells";
    for (String user : List.of(AccessRules.LEADERSHIP, AccessRules.FINANCE_BUREAU, AccessRules.bankUser(bankA))) {
      try (Connection connection = as(user)) {
        assertDenied(connection, "INSERT INTO gold.compensation_ledger SELECT * FROM gold.compensation_ledger LIMIT 1");
        assertDenied(connection, "DELETE FROM gold.collateral_valuation");
        assertDenied(connection, "UPDATE gold.collateral_valuation SET status = 'ok'");
        assertDenied(connection, "CREATE TABLE gold.intruder (a integer)");
        assertDenied(connection, "CREATE TABLE gold.copied AS SELECT * FROM gold.collateral_valuation");
        assertDenied(connection, "DROP TABLE gold.grid_cells");
        assertDenied(connection, "CREATE SCHEMA delta.intruder");
        assertDenied(connection, "DROP SCHEMA delta.marts CASCADE");
        assertDenied(connection, "CREATE OR REPLACE VIEW marts.gep_by_district AS SELECT 1 AS x");
        assertDenied(connection, "DROP VIEW marts.gep_by_district");
        assertDenied(connection, "CALL delta.system.register_table(schema_name => 'gold', table_name => 'again', table_location => '" + location + "')");
        assertDenied(connection, "CALL delta.system.unregister_table(schema_name => 'gold', table_name => 'grid_cells')");
        // The forms a first-word check lets through: EXPLAIN ANALYZE runs its statement, and a CTE can sit inside an INSERT.
        assertDenied(connection, "EXPLAIN ANALYZE DELETE FROM gold.collateral_valuation");
        assertDenied(connection, "EXPLAIN ANALYZE INSERT INTO gold.compensation_ledger SELECT * FROM gold.compensation_ledger LIMIT 1");
        assertDenied(connection, "INSERT INTO gold.compensation_ledger WITH x AS (SELECT * FROM gold.compensation_ledger) SELECT * FROM x LIMIT 1");
        assertDenied(connection, "MERGE INTO gold.collateral_valuation t USING (SELECT 1 AS k) s ON true WHEN MATCHED THEN DELETE");
        assertDenied(connection, "ANALYZE gold.grid_cells");
        assertDenied(connection, "COMMENT ON TABLE gold.grid_cells IS 'changed'");
      }
    }
    // Nothing changed: every table is still there with its rows.
    try (Connection platform = as(AccessRules.SERVICE)) {
      assertThat(count(platform, "SELECT count(*) FROM gold.grid_cells")).isEqualTo(sparkCount("gold.grid_cells", null));
      assertThat(count(platform, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'marts'")).isEqualTo(Registration.marts().size());
    }
  }

  @Test
  void aWrongPasswordAnUnknownUserAndPlainHttpAreRefused() {
    TrinoEndpoint wrong = server.endpoint(state, AccessRules.LEADERSHIP).as(AccessRules.LEADERSHIP, Optional.of("not-the-password"));
    assertThatThrownBy(() -> {
      try (Connection connection = wrong.connect(); Statement statement = connection.createStatement()) {
        statement.execute("SELECT 1");
      }
    }).isInstanceOf(SQLException.class).hasMessageContaining("Authentication failed");
    TrinoEndpoint unknown = server.endpoint(state, AccessRules.LEADERSHIP).as("bank_nobody", Optional.of("whatever-it-is"));
    assertThatThrownBy(() -> {
      try (Connection connection = unknown.connect(); Statement statement = connection.createStatement()) {
        statement.execute("SELECT 1");
      }
    }).isInstanceOf(SQLException.class).hasMessageContaining("Authentication failed");
    // The internal HTTP port takes no client: without TLS there is no password, and Trino refuses the user.
    TrinoEndpoint http = TrinoEndpoint.of("http://127.0.0.1:" + state.internalPort(), AccessRules.SERVICE, Optional.empty(), Optional.empty(), true);
    assertThatThrownBy(() -> {
      try (Connection connection = http.connect(); Statement statement = connection.createStatement()) {
        statement.execute("SELECT count(*) FROM gold.collateral_valuation");
      }
    }).isInstanceOf(SQLException.class);
  }

  @Test
  void martsReconcileWithTheGoldTables() throws SQLException {
    try (Connection connection = as(AccessRules.LEADERSHIP)) {
      BigDecimal gep = sparkSum("gold.gep_by_district", "value_yuan");
      assertThat((BigDecimal) query(connection, "SELECT sum(value_yuan) FROM marts.gep_by_district").get(0).get(0)).isEqualByComparingTo(gep);
      assertThat((BigDecimal) query(connection, "SELECT sum(gep_yuan) FROM marts.gep_overview").get(0).get(0)).isEqualByComparingTo(gep);
      assertThat(count(connection, "SELECT count(*) FROM marts.gep_by_district")).isEqualTo(sparkCount("gold.gep_by_district", null));
      // A district's total is the sum of its services, and the categories add up to the region's GEP.
      assertThat(count(connection, "SELECT count(*) FROM (SELECT region, year, district_code, max(district_gep_yuan) AS total, sum(value_yuan) AS parts "
          + "FROM marts.gep_by_district GROUP BY 1, 2, 3) WHERE total <> parts")).isZero();
      assertThat(count(connection, "SELECT count(*) FROM marts.gep_overview WHERE epv_yuan + erv_yuan + ecv_yuan <> gep_yuan")).isZero();
      BigDecimal auctions = sparkSum("gold.auction_awards", "amount_yuan");
      // The realization books each award to the fen (HALF_EVEN) before splitting it over the zone's districts.
      BigDecimal auctionsToTheFen = spark.read(spark.table("gold.auction_awards"))
          .agg(functions.sum(functions.bround(functions.col("amount_yuan"), 2))).collectAsList().get(0).getDecimal(0);
      assertThat(auctionsToTheFen.subtract(auctions).abs()).isLessThan(new BigDecimal("1"));
      assertThat((BigDecimal) query(connection, "SELECT sum(auction_yuan) FROM marts.gep_overview").get(0).get(0))
          .isEqualByComparingTo(auctionsToTheFen);
      assertThat((BigDecimal) query(connection, "SELECT sum(proceeds_yuan) FROM marts.market_auctions").get(0).get(0)).isEqualByComparingTo(auctions);
      // The realization figures are gold.gep_realization's: the region rows in gep_overview, and the districts plus
      // the unattributed row add up to each region row, component by component.
      Dataset<Row> realizationRows = spark.read(spark.table("gold.gep_realization"));
      BigDecimal realized = realizationRows.where("scope = 'region'").agg(functions.sum("realized_yuan")).collectAsList().get(0).getDecimal(0);
      assertThat(realized).isPositive();
      assertThat((BigDecimal) query(connection, "SELECT sum(realized_yuan) FROM marts.gep_overview").get(0).get(0)).isEqualByComparingTo(realized);
      assertThat(count(connection, "SELECT count(*) FROM marts.gep_overview WHERE realized_yuan <> trading_yuan + compensation_yuan")).isZero();
      assertThat(count(connection, "SELECT count(*) FROM marts.gep_overview o JOIN (SELECT region, year, sum(realized_yuan) AS realized, "
          + "sum(trading_yuan) AS trading, sum(compensation_yuan) AS compensation, sum(eco_finance_yuan) AS eco_finance "
          + "FROM marts.gep_realization_by_district GROUP BY 1, 2) d ON d.region = o.region AND d.year = o.year "
          + "WHERE d.realized <> o.realized_yuan OR d.trading <> o.trading_yuan OR d.compensation <> o.compensation_yuan "
          + "OR d.eco_finance <> o.eco_finance_yuan")).isZero();
      assertThat(count(connection, "SELECT count(*) FROM marts.gep_realization_by_district")).isEqualTo(sparkCount("gold.gep_realization", "scope <> 'region'"));
      // The booked awards come to sold x the clearing price as published (6 decimals), to a part in a million.
      assertThat(count(connection, "SELECT count(*) FROM marts.market_auctions "
          + "WHERE abs(proceeds_yuan - clearing_price_yuan * sold) > 1e-6 * clearing_price_yuan * sold + 0.01")).isZero();
      assertThat(count(connection, "SELECT count(*) FROM marts.market_auctions")).isEqualTo(sparkCount("gold.auction_results", null));

      long cells = sparkCount("gold.carbon_sink_cell_year", null);
      assertThat(count(connection, "SELECT count(*) FROM marts.carbon_sink_map")).isEqualTo(cells);
      double co2 = spark.read(spark.table("gold.carbon_sink_cell_year")).agg(functions.sum("co2_t")).collectAsList().get(0).getDouble(0);
      assertThat(((Number) query(connection, "SELECT sum(co2_t) FROM marts.carbon_sink_map").get(0).get(0)).doubleValue())
          .isCloseTo(co2, within(Math.abs(co2) * 1e-9));
      assertThat(count(connection, "SELECT count(*) FROM marts.carbon_sink_map WHERE NOT starts_with(polygon, '[[') "
          + "OR json_array_length(json_parse(polygon)) < 4")).isZero();

      assertThat(count(connection, "SELECT count(*) FROM marts.water_capacity_by_zone")).isEqualTo(sparkCount("gold.zone_capacity", null));
      assertThat(count(connection, "SELECT count(*) FROM marts.water_capacity_by_zone WHERE exceeded"))
          .isEqualTo(sparkCount("gold.zone_capacity", "remaining_t_a < 0"));

      assertThat((BigDecimal) query(connection, "SELECT sum(amount_yuan) FROM marts.compensation_flows").get(0).get(0))
          .isEqualByComparingTo(sparkSum("gold.compensation_ledger", "amount_yuan"));
      assertThat((BigDecimal) query(connection, "SELECT sum(pledged_value_yuan) FROM marts.green_finance_by_bank").get(0).get(0))
          .isEqualByComparingTo(sparkSum("gold.collateral_valuation", "collateral_value_yuan"));
      assertThat(count(connection, "SELECT sum(margin_calls) FROM marts.green_finance_by_bank"))
          .isEqualTo(sparkCount("gold.collateral_valuation", "status = 'ltv_breach'"));
      assertThat(count(connection, "SELECT count(*) FROM marts.collateral_stress")).isEqualTo(sparkCount("gold.collateral_stress", null));
    }
  }

  @Test
  void theSqlCommandPrintsWhatTheUserMaySeeAndRefusesWrites() {
    CalcCommandTest.Result bank = CalcCommandTest.run("warehouse", "sql", "--serving-dir", layout.dir().toString(), "--user",
        AccessRules.bankUser(bankA), "SELECT DISTINCT bank_id FROM marts.collateral_valuations");
    assertThat(bank.status()).as(bank.err()).isZero();
    assertThat(bank.out()).contains(bankA).doesNotContain(bankB).contains("(1 row)");
    CalcCommandTest.Result denied = CalcCommandTest.run("warehouse", "sql", "--serving-dir", layout.dir().toString(), "--user",
        AccessRules.bankUser(bankA), "SELECT count(*) FROM gold.compensation_ledger");
    assertThat(denied.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(denied.err()).contains("Access Denied: Cannot select from table delta.gold.compensation_ledger");
    CalcCommandTest.Result write = CalcCommandTest.run("warehouse", "sql", "--serving-dir", layout.dir().toString(), "DROP TABLE gold.grid_cells");
    assertThat(write.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(write.err()).contains("Only read-only statements are accepted here");
    // Even as the service user, whom the rules let write, a DML behind a CTE or an EXPLAIN ANALYZE never reaches Trino.
    long cells = sparkCount("gold.grid_cells", null);
    CalcCommandTest.Result cte = CalcCommandTest.run("warehouse", "sql", "--serving-dir", layout.dir().toString(), "--user",
        AccessRules.SERVICE, "WITH x AS (SELECT 1) DELETE FROM delta.gold.grid_cells");
    assertThat(cte.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(cte.err()).contains("Only read-only statements are accepted here").contains("DeleteFromTable");
    CalcCommandTest.Result analyze = CalcCommandTest.run("warehouse", "sql", "--serving-dir", layout.dir().toString(), "--user",
        AccessRules.SERVICE, "EXPLAIN ANALYZE DELETE FROM delta.gold.grid_cells");
    assertThat(analyze.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(analyze.err()).contains("cannot read this one");
    assertThat(sparkCount("gold.grid_cells", null)).isEqualTo(cells);
  }
}
