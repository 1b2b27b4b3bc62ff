package org.liangshan.warehouse.serving;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.liangshan.core.LiangshanException;
import org.liangshan.warehouse.LakehouseConfig;
import org.liangshan.warehouse.Layer;
import org.liangshan.warehouse.TableDef;
import org.liangshan.warehouse.TableProvider;

/** The silver and gold tables declared by the modules on the classpath, and which of them exist as Delta tables. */
public final class LakehouseTables {
  /** The layers served through Trino. */
  public static final List<Layer> SERVED = List.of(Layer.SILVER, Layer.GOLD);

  private LakehouseTables() {}

  /** Every declared silver and gold table, in layer then name order (no Spark needed). */
  public static List<TableDef> declared() {
    List<TableDef> all = new ArrayList<>();
    for (TableProvider provider : ServiceLoader.load(TableProvider.class)) {
      provider.tables().stream().filter(t -> SERVED.contains(t.layer())).forEach(all::add);
    }
    all.sort(Comparator.comparing((TableDef t) -> t.layer().ordinal()).thenComparing(TableDef::name));
    return all;
  }

  /** The declared silver and gold tables that exist under the lakehouse root (a {@code _delta_log} is there). */
  public static List<TableDef> existing(LakehouseConfig lakehouse) {
    List<TableDef> existing = new ArrayList<>();
    try {
      FileSystem fs = FileSystem.get(URI.create(lakehouse.root()), new Configuration());
      for (TableDef def : declared()) {
        if (fs.exists(new Path(lakehouse.tableLocation(def) + "/_delta_log"))) {
          existing.add(def);
        }
      }
    } catch (IOException e) {
      throw LiangshanException.failure(e, "Could not list the tables under %s.", lakehouse.root());
    }
    return existing;
  }
}
