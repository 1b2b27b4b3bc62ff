package org.liangshan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.delta.sql.parser.DeltaSqlParser;
import org.apache.spark.sql.catalyst.parser.ParserInterface;
import org.apache.spark.sql.execution.SparkSqlParser;
import org.junit.jupiter.api.Test;
import org.liangshan.core.LiangshanException;

/**
 * The read-only check on Spark's real parser (with Delta's extension in front, as the session has it): one line per
 * statement. Every form that writes or changes state is refused, whatever word it starts with.
 */
class ReadOnlyStatementTest {
  private static final ParserInterface PARSER = new DeltaSqlParser(new SparkSqlParser());

  private static void assertAccepted(String sql) {
    assertThat(ReadOnlyStatement.check(PARSER, sql)).as(sql).isEqualTo(sql);
  }

  private static void assertRefused(String sql, String because) {
    assertThatThrownBy(() -> ReadOnlyStatement.check(PARSER, sql)).as(sql)
        .isInstanceOf(LiangshanException.class)
        .hasMessageStartingWith("Only ")
        .hasMessageContaining(because);
  }

  private static void assertRefused(String sql) {
    assertRefused(sql, "");
  }

  @Test
  void queriesAreAccepted() {
    assertAccepted("SELECT 1");
    assertAccepted("SELECT 1;");
    assertAccepted("select district, year, sum(value_yuan) from gold.gep_by_district group by 1, 2 having sum(value_yuan) > 0 order by 3 desc limit 5");
    assertAccepted("WITH x AS (SELECT 1 AS a), y AS (SELECT a FROM x) SELECT * FROM y");
    assertAccepted("SELECT * FROM gold.gep_by_district VERSION AS OF 3");
    assertAccepted("SELECT * FROM gold.gep_by_district TIMESTAMP AS OF '2026-01-01'");
    assertAccepted("SELECT a.x FROM gold.a a JOIN gold.b b ON a.k = b.k LEFT JOIN gold.c c USING (k) WHERE a.x IN (SELECT x FROM gold.d)");
    assertAccepted("SELECT * FROM gold.a WHERE EXISTS (SELECT 1 FROM gold.b WHERE b.k = a.k) AND x > (SELECT max(x) FROM gold.b)");
    assertAccepted("SELECT k, row_number() OVER (PARTITION BY k ORDER BY v) FROM gold.a");
    assertAccepted("SELECT k, sum(v) OVER w FROM gold.a WINDOW w AS (PARTITION BY k)");
    assertAccepted("SELECT * FROM VALUES (1, 'a'), (2, 'b') AS t(n, s)");
    assertAccepted("SELECT * FROM range(10)");
    assertAccepted("SELECT x FROM gold.a UNION ALL SELECT x FROM gold.b EXCEPT SELECT x FROM gold.c INTERSECT SELECT x FROM gold.d");
    assertAccepted("SELECT DISTINCT x FROM gold.a TABLESAMPLE (10 PERCENT)");
    assertAccepted("SELECT /*+ BROADCAST(b) */ * FROM gold.a a JOIN gold.b b ON a.k = b.k");
    assertAccepted("SELECT explode(array(1, 2)) AS n");
    assertAccepted("SELECT * FROM gold.a LATERAL VIEW explode(xs) t AS x");
    assertAccepted("SELECT * FROM (SELECT k, v FROM gold.a) PIVOT (sum(v) FOR k IN ('a', 'b'))");
    assertAccepted("SELECT ST_Area(ST_GeomFromWKT(geometry_wkt)) FROM gold.grid_cells LIMIT 3 OFFSET 2");
    assertAccepted("SELECT * FROM gold.a DISTRIBUTE BY k SORT BY v");
  }

  @Test
  void metadataAndExplainOfAQueryAreAccepted() {
    assertAccepted("DESCRIBE gold.gep_by_district");
    assertAccepted("DESCRIBE TABLE EXTENDED gold.gep_by_district");
    assertAccepted("DESCRIBE gold.gep_by_district value_yuan");
    assertAccepted("DESCRIBE QUERY SELECT * FROM gold.gep_by_district");
    assertAccepted("DESCRIBE DATABASE gold");
    assertAccepted("DESCRIBE FUNCTION ST_Area");
    assertAccepted("SHOW TABLES IN gold");
    assertAccepted("SHOW TABLE EXTENDED IN gold LIKE 'gep*'");
    assertAccepted("SHOW DATABASES");
    assertAccepted("SHOW COLUMNS IN gold.gep_by_district");
    assertAccepted("SHOW TBLPROPERTIES gold.gep_by_district");
    assertAccepted("SHOW CREATE TABLE gold.gep_by_district");
    assertAccepted("SHOW PARTITIONS gold.gep_by_district");
    assertAccepted("SHOW VIEWS IN gold");
    assertAccepted("SHOW FUNCTIONS LIKE 'ST_*'");
    assertAccepted("SHOW CATALOGS");
    assertAccepted("EXPLAIN SELECT * FROM gold.gep_by_district");
    assertAccepted("EXPLAIN EXTENDED WITH x AS (SELECT 1) SELECT * FROM x");
    assertAccepted("EXPLAIN FORMATTED SELECT count(*) FROM gold.a");
  }

  @Test
  void dmlIsRefusedAlsoBehindACte() {
    assertRefused("INSERT INTO gold.t SELECT * FROM gold.t", "InsertIntoStatement");
    assertRefused("INSERT OVERWRITE TABLE gold.t SELECT * FROM gold.s", "InsertIntoStatement");
    assertRefused("WITH x AS (SELECT 1) INSERT INTO gold.t SELECT * FROM x", "InsertIntoStatement");
    assertRefused("WITH x AS (SELECT 1) DELETE FROM gold.t", "DeleteFromTable");
    assertRefused("DELETE FROM gold.t WHERE k IN (SELECT k FROM gold.s)", "DeleteFromTable");
    assertRefused("WITH x AS (SELECT 1) UPDATE gold.t SET v = 0", "UpdateTable");
    assertRefused("UPDATE gold.t SET v = 0", "UpdateTable");
    assertRefused("MERGE INTO gold.t USING gold.s ON t.k = s.k WHEN MATCHED THEN DELETE", "MergeIntoTable");
    assertRefused("WITH s AS (SELECT 1 AS k) MERGE INTO gold.t USING s ON t.k = s.k WHEN NOT MATCHED THEN INSERT *", "MergeIntoTable");
    assertRefused("FROM gold.s INSERT INTO gold.t SELECT *", "InsertIntoStatement");
    assertRefused("INSERT OVERWRITE DIRECTORY '/tmp/out' USING parquet SELECT * FROM gold.t");
    assertRefused("LOAD DATA LOCAL INPATH '/tmp/x' INTO TABLE gold.t");
    assertRefused("TRUNCATE TABLE gold.t");
  }

  @Test
  void ddlIsRefused() {
    assertRefused("CREATE TABLE gold.t2 AS SELECT * FROM gold.t", "CreateTableAsSelect");
    assertRefused("CREATE TABLE gold.t2 (a INT) USING delta", "CreateTable");
    assertRefused("REPLACE TABLE gold.t USING delta AS SELECT 1 AS a", "ReplaceTableAsSelect");
    assertRefused("CREATE VIEW gold.v AS SELECT 1");
    assertRefused("CREATE TEMPORARY VIEW v AS SELECT 1");
    assertRefused("CREATE DATABASE intruder");
    assertRefused("CREATE FUNCTION f AS 'com.example.F'");
    assertRefused("DROP TABLE gold.t", "DropTable");
    assertRefused("DROP VIEW gold.v");
    assertRefused("DROP DATABASE gold CASCADE");
    assertRefused("ALTER TABLE gold.t ADD COLUMNS (b INT)", "AddColumns");
    assertRefused("ALTER TABLE gold.t SET TBLPROPERTIES ('delta.logRetentionDuration' = '1 days')", "SetTableProperties");
    assertRefused("ALTER TABLE gold.t RENAME TO gold.u");
    assertRefused("ALTER VIEW gold.v AS SELECT 2");
    assertRefused("COMMENT ON TABLE gold.t IS 'x'");
    assertRefused("MSCK REPAIR TABLE gold.t");
  }

  @Test
  void stateChangingCommandsAreRefused() {
    assertRefused("CACHE TABLE gold.t");
    assertRefused("CACHE TABLE c AS SELECT * FROM gold.t");
    assertRefused("UNCACHE TABLE gold.t");
    assertRefused("CLEAR CACHE");
    assertRefused("REFRESH TABLE gold.t");
    assertRefused("REFRESH '/tmp/lakehouse'");
    assertRefused("REFRESH FUNCTION f");
    assertRefused("CALL cat.system.rollback(1)");
    assertRefused("ANALYZE TABLE gold.t COMPUTE STATISTICS", "AnalyzeTable");
    assertRefused("ANALYZE TABLES IN gold COMPUTE STATISTICS");
    assertRefused("SET spark.sql.shuffle.partitions = 1");
    assertRefused("SET spark.sql.shuffle.partitions");
    assertRefused("RESET");
    assertRefused("USE gold");
    assertRefused("ADD JAR /tmp/evil.jar");
    assertRefused("ADD FILE /tmp/evil.txt");
    assertRefused("SELECT TRANSFORM (a) USING 'rm -rf /' FROM gold.t", "ScriptTransformation");
    assertRefused("SELECT reflect('java.lang.System', 'setProperty', 'a', 'b')", "reflect");
    assertRefused("WITH x AS (SELECT java_method('java.lang.System', 'getenv', 'HOME') AS v) SELECT * FROM x", "java_method");
    assertRefused("SELECT * FROM gold.t WHERE k IN (SELECT reflect('java.lang.System', 'exit', 0))", "reflect");
  }

  @Test
  void deltaCommandsAreRefused() {
    assertRefused("VACUUM gold.t RETAIN 0 HOURS");
    assertRefused("OPTIMIZE gold.t");
    assertRefused("RESTORE TABLE gold.t TO VERSION AS OF 1");
    assertRefused("CONVERT TO DELTA parquet.`/tmp/x`");
    assertRefused("DESCRIBE HISTORY gold.t");
    assertRefused("GENERATE symlink_format_manifest FOR TABLE gold.t");
  }

  @Test
  void explainOfAWriteAndMoreThanOneStatementAreRefused() {
    assertRefused("EXPLAIN INSERT INTO gold.t SELECT 1", "InsertIntoStatement");
    assertRefused("EXPLAIN WITH x AS (SELECT 1) DELETE FROM gold.t", "DeleteFromTable");
    assertRefused("EXPLAIN DROP TABLE gold.t", "DropTable");
    assertRefused("DESCRIBE QUERY INSERT INTO gold.t SELECT 1");
    assertRefused("EXPLAIN ANALYZE DELETE FROM gold.t", "cannot read");
    assertRefused("SELECT 1; DROP TABLE gold.t", "cannot read");
    assertRefused("SELECT 1; SELECT 2", "cannot read");
    assertRefused("", "cannot read");
  }
}
