package org.liangshan.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SparkSqlTest {
  @Test
  void literalsSurviveSparksParser() {
    // The oracle is Spark's own parser: each literal must read back as the value it was made from.
    for (String value : List.of("liyang", "it's", "a\\b", "x' OR '1'='1", "末尾\\'", "")) {
      Row row = SharedSpark.session().sql("SELECT " + SparkSql.literal(value) + " AS v").head();
      assertThat(row.getString(0)).as(value).isEqualTo(value);
    }
  }

  @Test
  void doubledQuotesAreNotAnEscapeInSpark() {
    // Why SparkSql.literal escapes with a backslash: Spark reads 'it''s' as two adjacent literals.
    assertThat(SharedSpark.session().sql("SELECT 'it''s' AS v").head().getString(0)).isEqualTo("its");
  }

  @Test
  void inListsQuoteEachValue() {
    assertThat(SparkSql.in(List.of("a", "b'c"))).isEqualTo("('a', 'b\\'c')");
    long n = SharedSpark.session().sql("SELECT 1 WHERE 'b''c' IN " + SparkSql.in(List.of("a", "bc"))).count();
    assertThat(n).isEqualTo(1);
  }
}
