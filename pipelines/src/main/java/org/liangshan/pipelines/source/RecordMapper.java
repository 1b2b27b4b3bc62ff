package org.liangshan.pipelines.source;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one landing record (raw values keyed by silver column name) into zero or more silver rows (values
 * in the family's output-column order, without the region and lineage columns), or rejects it.
 */
@FunctionalInterface
public interface RecordMapper extends Serializable {
  List<Object[]> map(Map<String, String> raw, Context context) throws Rejection;

  /** What a mapper may consult: the time of the load and the ids silver already knows. */
  interface Context {
    Instant now();

    /** Known ids of a reference kind ("section", "enterprise", ...), empty when none are known. */
    Set<String> known(String reference);
  }
}
