package org.liangshan.pipelines.ingest;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.format_number;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.liangshan.warehouse.Layer;
import org.liangshan.warehouse.TableDef;

/**
 * Plausibility: values inside their valid range but implausible against their neighbours are flagged, not
 * dropped. They stay in silver (an agency's real pollution event must not vanish) and get a row in
 * {@code ops.plausibility_flags} naming the record, the value and the rule, for the data team to confirm.
 *
 * <p>Rule (water quality): within one load, per section and indicator with at least {@value #MIN_VALUES}
 * values, a value is a spike when it lies more than {@value #K} robust standard deviations from the median,
 * the robust deviation being 1.4826 × the median absolute deviation (MAD). Groups whose MAD is zero are not
 * judged. Values reported below the detection limit (censored, silver holding DL/2) are left out.
 */
public final class Plausibility {
  static final int MIN_VALUES = 10;
  static final double K = 6.0;

  public static final TableDef TABLE =
      TableDef.builder(Layer.OPS, "plausibility_flags", "Values kept in silver but flagged as implausible (spikes)")
          .string("region", "region id")
          .string("family", "source family")
          .string("source_file", "file path relative to the landing root")
          .required("source_line", DataTypes.LongType, "line number (1 = header)")
          .string("silver_table", "silver table the value is in")
          .string("field", "the flagged value's indicator or column")
          .required("value", DataTypes.DoubleType, "the value, in the canonical unit")
          .required("median", DataTypes.DoubleType, "median of its group in the load")
          .required("robust_sd", DataTypes.DoubleType, "1.4826 x MAD of its group")
          .string("rule", "rule code, e.g. SPIKE_6_ROBUST_SD")
          .string("message", "what is implausible")
          .string("ingest_run_id", "run that flagged it")
          .partitionBy("region")
          .naturalKey("region", "family", "source_file", "source_line", "field")
          .build();

  private static final scala.collection.immutable.Seq<String> GROUP =
      scala.collection.JavaConverters.asScalaBuffer(java.util.List.of("section_id", "indicator")).toList();

  private Plausibility() {}

  /**
   * The median of a sorted array, as Spark's {@code percentile(x, 0.5)} computes it (position (n - 1) / 2,
   * the two neighbours weighted by their distance to it), from the group's values sorted once instead of
   * that aggregate's map of value counts, which costs far more on a large load of distinct values.
   */
  static org.apache.spark.sql.Column median(org.apache.spark.sql.Column sorted) {
    org.apache.spark.sql.Column position = size(sorted).minus(1).multiply(0.5);
    org.apache.spark.sql.Column lower = floor(position);
    org.apache.spark.sql.Column higher = ceil(position);
    org.apache.spark.sql.Column lowerValue = element_at(sorted, lower.plus(1).cast("int"));
    org.apache.spark.sql.Column higherValue = element_at(sorted, higher.plus(1).cast("int"));
    return when(higher.equalTo(lower), lowerValue)
        .otherwise(higher.minus(position).multiply(lowerValue).plus(position.minus(lower).multiply(higherValue)));
  }

  /** Whether a silver table has a plausibility rule. */
  static boolean applies(TableDef silver) {
    return silver.name().equals("water_quality");
  }

  /** The flags for the load's silver rows ({@code latest}: one row per natural key), without region/family/run columns. */
  static Dataset<Row> spikes(Dataset<Row> loaded) {
    // A value below the detection limit is a substitute (DL/2), not a measurement: it is neither judged nor
    // allowed to move its group's median.
    Dataset<Row> latest = loaded.where(org.apache.spark.sql.functions.coalesce(col("censored"), lit(false)).equalTo(false));
    // One aggregation per group: the values sorted once give the median, and their distances to it, sorted,
    // the MAD (as two aggregations over the rows would, without the second pass and its join).
    Dataset<Row> groups = latest.groupBy("section_id", "indicator")
        .agg(sort_array(collect_list(col("value"))).as("sorted"), count(lit(1)).as("n"))
        .where(col("n").geq(MIN_VALUES))
        .withColumn("median", median(col("sorted")));
    Dataset<Row> mads = groups
        .select(col("section_id"), col("indicator"), col("median"),
            median(array_sort(transform(col("sorted"), x -> abs(x.minus(col("median")))))).multiply(1.4826).as("robust_sd"))
        .where(col("robust_sd").gt(0));
    return latest.join(broadcast(mads), GROUP)
        .where(abs(col("value").minus(col("median"))).gt(col("robust_sd").multiply(K)))
        .select(col("source_file"), col("source_line"), lit("water_quality").as("silver_table"), col("indicator").as("field"),
            col("value"), col("median"), col("robust_sd"), lit("SPIKE_6_ROBUST_SD").as("rule"),
            concat(col("source_file"), lit(" line "), col("source_line").cast("string"), lit(": "), col("indicator"),
                lit(" = "), col("value").cast("string"), lit(" at section "), col("section_id"), lit(" is more than 6 robust SD from the median "),
                format_number(col("median"), 4), lit(" of its "), lit("load; kept in silver, please confirm")).as("message"));
  }
}
