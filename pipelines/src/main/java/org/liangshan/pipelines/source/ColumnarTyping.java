package org.liangshan.pipelines.source;

import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Column;

/**
 * A family's typing as Spark column expressions, for the ingestion's columnar path: the records it can
 * decide without the row mapper are typed by Spark, the others go to the row mapper ({@link RecordMapper}),
 * which alone writes quarantine reasons and messages. So it must be conservative: {@link #accepts} is true
 * only for records the row mapper would accept with exactly the row {@link #silver} gives; a record it is
 * unsure of is one more record for the row mapper, never a different outcome. A family with a columnar typing
 * gives at most one silver row per record, on either path (the load counts its rows without a distinct count).
 */
public interface ColumnarTyping {
  /**
   * Whether the record is one this typing decides (never null).
   *
   * @param field a family column's raw value as received (a string column), by column name
   */
  Column accepts(Function<String, Column> field);

  /** The silver row of an accepted record: one column per {@link SourceFamily#outputColumns()}, in order. */
  List<Column> silver(Function<String, Column> field);

  /**
   * The columnar typing of a family, or null when it has none (its records all go to the row mapper).
   * Families declaring decimal commas or thousands separators have none: their numbers are for the row mapper.
   */
  static ColumnarTyping of(SourceFamily family, RecordMapper.Context context) {
    LandingSpec spec = SourceFamilies.spec();
    LandingSpec.Family declared = spec.families().stream().filter(f -> f.name().equals(family.name())).findFirst().orElse(null);
    if (declared == null || !"water-quality-long".equals(declared.mapper()) || !declared.numbers().equals(NumberConvention.DEFAULT)) {
      return null;
    }
    return CustomMappers.waterQualityLongColumns(family, spec, context);
  }
}
