package org.liangshan.core.param;

import java.util.List;

/**
 * Parameters a module adds to every region's parameter set (registered through {@code
 * META-INF/services/org.liangshan.core.param.ParameterDefaults}): classpath JSON documents with a
 * {@code version}, merged under {@code params/default.json} (a key already there, or in a region's
 * overrides, wins). Their versions become part of the set's {@link ParameterSet#sources()}, and their
 * content part of its {@link ParameterSet#fingerprint()}, so results record every parameter they use.
 */
public interface ParameterDefaults {
  /** Classpath resources, in merge order. */
  List<String> resources();
}
