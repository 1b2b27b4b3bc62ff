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

/**
 * The tables served through Trino (silver, gold, and the data-quality reports {@code ops.dq_*}) declared by the
 * modules on the classpath, and which of them exist as Delta tables. The other ops tables (run log, quarantine
 * with the original records, journal) are not served.
 */
public final class LakehouseTables {
  /** The layers served through Trino. */
  public static final List<Layer> SERVED = List.of(Layer.SILVER, Layer.GOLD);
  /** The ops tables served: the data-quality reports. */
  public static final String SERVED_OPS_PREFIX = "dq_";

  private LakehouseTables() {}

  /** Whether a table ({@code schema.table}) is served: silver, gold, or an ops data-quality report. */
  public static boolean served(String qualifiedName) {
    return SERVED.stream().anyMatch(l -> qualifiedName.startsWith(l.directory() + "."))
        || qualifiedName.startsWith(Layer.OPS.directory() + "." + SERVED_OPS_PREFIX);
  }

  /** Every declared served table, in layer then name order (no Spark needed). */
  public static List<TableDef> declared() {
    List<TableDef> all = new ArrayList<>();
    for (TableProvider provider : ServiceLoader.load(TableProvider.class)) {
      provider.tables().stream().filter(t -> served(t.qualifiedName())).forEach(all::add);
    }
    all.sort(Comparator.comparing((TableDef t) -> t.layer().ordinal()).thenComparing(TableDef::name));
    return all;
  }

  /**
   * The declared served tables that exist under the lakehouse root (a {@code _delta_log} is there), looked up with
   * the root's Hadoop file system and the {@code spark.hadoop.*} settings of the lakehouse's Spark configuration (e.g.
   * an S3 endpoint), as Spark would.
   */
  public static List<TableDef> existing(LakehouseConfig lakehouse) {
    List<TableDef> existing = new ArrayList<>();
    Configuration hadoop = new Configuration();
    lakehouse.sparkConf().forEach((key, value) -> {
      if (key.startsWith("spark.hadoop.")) {
        hadoop.set(key.substring("spark.hadoop.".length()), value);
      }
    });
    try {
      FileSystem fs = FileSystem.get(URI.create(lakehouse.root()), hadoop);
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
