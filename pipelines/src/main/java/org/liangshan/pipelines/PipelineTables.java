package org.liangshan.pipelines;

import java.util.ArrayList;
import java.util.List;
import org.liangshan.pipelines.bronze.BronzeTables;
import org.liangshan.pipelines.raster.RasterTables;
import org.liangshan.pipelines.source.SourceFamilies;
import org.liangshan.warehouse.TableDef;
import org.liangshan.warehouse.TableProvider;

/** The bronze and silver tables the pipelines fill. */
public final class PipelineTables implements TableProvider {
  @Override
  public List<TableDef> tables() {
    List<TableDef> tables = new ArrayList<>(BronzeTables.all());
    tables.addAll(SourceFamilies.silverTables());
    tables.add(RasterTables.SCENES);
    tables.add(org.liangshan.pipelines.ingest.IngestJournal.TABLE);
    tables.add(org.liangshan.pipelines.ingest.Plausibility.TABLE);
    tables.addAll(org.liangshan.pipelines.ingest.DataQuality.TABLES);
    return tables;
  }
}
