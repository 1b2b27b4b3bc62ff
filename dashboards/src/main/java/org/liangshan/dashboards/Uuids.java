package org.liangshan.dashboards;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Name-based UUIDs for everything published to Superset: the same kind and name always give the same
 * UUID, so re-publishing a bundle overwrites what an earlier publish created instead of duplicating it.
 */
public final class Uuids {
  /** Changing it would orphan every object published before: never change it. */
  static final String NAMESPACE = "org.liangshan.dashboards/";

  private Uuids() {}

  /** A version 3 (MD5, name-based) UUID of "kind/name" in the Liangshan namespace. */
  public static UUID of(String kind, String name) {
    requireNonNull(kind, "kind is null");
    requireNonNull(name, "name is null");
    return UUID.nameUUIDFromBytes((NAMESPACE + kind + "/" + name).getBytes(StandardCharsets.UTF_8));
  }
}
