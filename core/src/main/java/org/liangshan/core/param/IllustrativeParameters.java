package org.liangshan.core.param;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which parameters of a set are {@code illustrative} ({@link Provenance.Status#ILLUSTRATIVE}), asked by key or
 * by the prefix of a block: a figure that rests on a block rests on every parameter in it. Declared ranges
 * ({@link ParameterRanges}) describe a value's uncertainty, not the value, and are not counted.
 */
public final class IllustrativeParameters {
  private final Set<String> keys;

  private IllustrativeParameters(Set<String> keys) {
    this.keys = keys;
  }

  /** From the provenance of a set ({@link ParameterSet#provenance}). */
  public static IllustrativeParameters of(List<Provenance.Entry> entries) {
    requireNonNull(entries, "entries is null");
    Set<String> keys = new TreeSet<>();
    for (Provenance.Entry entry : entries) {
      if (entry.status() == Provenance.Status.ILLUSTRATIVE && !ParameterRanges.isRange(entry.key())) {
        keys.add(entry.key());
      }
    }
    return new IllustrativeParameters(Set.copyOf(keys));
  }

  /** Whether the parameter {@code key}, or any parameter of the block {@code key}, is illustrative. */
  public boolean test(String key) {
    requireNonNull(key, "key is null");
    for (String illustrative : keys) {
      if (illustrative.equals(key) || illustrative.startsWith(key + ".")) {
        return true;
      }
    }
    return false;
  }

  /** The illustrative parameters, sorted. */
  public Set<String> keys() {
    return keys;
  }
}
