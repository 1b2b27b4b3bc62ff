package org.liangshan.scheduler;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.liangshan.core.region.Region;
import org.liangshan.warehouse.Run;

/**
 * A kind of platform job the run plan can name ({@code kind: accounting}): how the scheduler runs it for one
 * region and period, inside a run-log entry the scheduler opens and closes.
 */
public interface JobKind {
  /** The job's name in the run log (ingest, accounting, market ...). */
  String runLogJob();

  /** The parameter-set version the run records for this region, or null when the job takes none. */
  String parameterSet(Region region);

  /**
   * Runs the job; throws to fail the attempt.
   *
   * @return a note for the run log and the scheduler's output, or null
   */
  String run(Run run, Region region, Period period, Context context);

  /** What a job may need beyond its region and period. */
  record Context(Path landing, Consumer<String> progress) {}
}
