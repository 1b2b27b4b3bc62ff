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

  /**
   * A worked example of the rule: values 1..9 and 100 at one section. Median 5.5; distances 4.5, 3.5, 2.5, 1.5,
   * 0.5, 0.5, 1.5, 2.5, 3.5, 94.5, whose median (the MAD) is 2.5; robust SD 1.4826 × 2.5 = 3.7065. Only 100 lies
   * more than 6 × 3.7065 = 22.239 from 5.5. A censored row (DL/2 = 500) is left out of the group and not judged,
   * and a second group of fewer than ten values is not judged.
   */
  @Test
  void onlyTheValueMoreThanSixRobustSdFromTheMedianIsFlagged() {
    StructType schema = new StructType().add("source_file", DataTypes.StringType).add("source_line", DataTypes.LongType)
        .add("section_id", DataTypes.StringType).add("indicator", DataTypes.StringType).add("value", DataTypes.DoubleType)
        .add("censored", DataTypes.BooleanType);
    List<Row> rows = new ArrayList<>();
    double[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 100};
    for (int i = 0; i < values.length; i++) {
      rows.add(RowFactory.create("f.csv", i + 2L, "S1", "tp", values[i], false));
      rows.add(RowFactory.create("f.csv", i + 20L, "S2", "tp", i < 9 ? values[i] : 1000.0, i < 9 ? false : null));
    }
    rows.add(RowFactory.create("f.csv", 40L, "S1", "tp", 500.0, true));
    rows.removeIf(r -> r.getString(2).equals("S2") && r.getLong(1) == 20L);
    List<Row> flags = Plausibility.spikes(spark.createDataFrame(rows, schema)).collectAsList();
    assertThat(flags).singleElement().satisfies(flag -> {
      assertThat(flag.<Long>getAs("source_line")).isEqualTo(11L);
      assertThat(flag.<Double>getAs("value")).isEqualTo(100.0);
      assertThat(flag.<Double>getAs("median")).isEqualTo(5.5);
      assertThat(flag.<Double>getAs("robust_sd")).isCloseTo(3.7065, org.assertj.core.data.Offset.offset(1e-12));
    });
  }
}
