package org.liangshan.pipelines.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.sort_array;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.liangshan.warehouse.SharedSpark;

/** The plausibility rule's median against the oracle it replaces, Spark's exact {@code percentile(x, 0.5)}. */
class PlausibilityTest {
  private final SparkSession spark = SharedSpark.session();

  @Test
  void medianOfSortedValuesIsSparksExactPercentile() {
    StructType schema = new StructType().add("g", DataTypes.IntegerType).add("x", DataTypes.DoubleType);
    List<Row> rows = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(17);
    // Group sizes 1..40 (odd and even), values with repeats, negatives and awkward decimals.
    for (int g = 1; g <= 40; g++) {
      for (int i = 0; i < g; i++) {
        double x = i % 5 == 0 ? 0.1 * (g % 7) : Math.round((random.nextDouble() * 40 - 10) * 1000) / 1000.0;
        rows.add(RowFactory.create(g, x));
      }
    }
    List<Row> compared = spark.createDataFrame(rows, schema).groupBy("g")
        .agg(expr("percentile(x, 0.5)").as("oracle"), Plausibility.median(sort_array(collect_list(col("x")))).as("median"))
        .collectAsList();
    assertThat(compared).hasSize(40);
    for (Row row : compared) {
      assertThat(row.getDouble(2)).as("group %d", row.getInt(0)).isEqualTo(row.getDouble(1));
    }
  }
}
