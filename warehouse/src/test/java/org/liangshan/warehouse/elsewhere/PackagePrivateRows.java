package org.liangshan.warehouse.elsewhere;

import java.util.List;
import org.apache.spark.sql.Row;
import org.liangshan.warehouse.RecordRows;
import org.liangshan.warehouse.TableDef;

/** Row records live package-private beside their jobs, in another package than {@link RecordRows}. */
public final class PackagePrivateRows {
  private PackagePrivateRows() {}

  record Named(String region, int year) {}

  public static List<Row> rows(TableDef def) {
    return RecordRows.of(def, Named.class).rows(List.of(new Named("tianjin", 2024), new Named("liyang", 2023)));
  }
}
