package org.liangshan.pipelines.bronze;

import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createMapType;

import java.util.List;
import org.liangshan.pipelines.source.SourceFamilies;
import org.liangshan.pipelines.source.SourceFamily;
import org.liangshan.warehouse.Layer;
import org.liangshan.warehouse.TableDef;

/** Bronze: every record as received, one table per source family, all with the same shape. */
public final class BronzeTables {
  private BronzeTables() {}

  public static TableDef of(SourceFamily family) {
    return TableDef.builder(Layer.BRONZE, family.name().replace('-', '_'), "Bronze " + family.name() + ": records as received")
        .string("region", "region id")
        .string("source_file", "landing file, relative to the landing root")
        .required("source_line", LongType, "line number in the file (1 = header)")
        .string("record_hash", "SHA-256 of the record's text")
        .required("record", createMapType(StringType, StringType), "header -> value, as received")
        .string("raw_line", "the line as received")
        .string("ingest_run_id", "run that loaded the record")
        .required("ingested_at", TimestampType, "time of the load (UTC)")
        .partitionBy("region")
        .naturalKey("region", "source_file", "source_line")
        .build();
  }

  public static List<TableDef> all() {
    return SourceFamilies.all().stream().map(BronzeTables::of).toList();
  }
}
