package org.liangshan.dashboards;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A Superset import bundle: YAML files under one top-level folder ({@code metadata.yaml},
 * {@code databases/}, {@code datasets/}, {@code charts/}, {@code dashboards/}). The zip is byte-for-byte
 * reproducible: entries sorted, fixed timestamps.
 */
public record Bundle(String root, SortedMap<String, String> files) {
  private static final long FIXED_TIME = 315532800000L; // 1980-01-01, the earliest zip time

  public Bundle {
    requireNonNull(root, "root is null");
    files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
  }

  /** The files whose path (relative to the root) starts with a prefix, e.g. {@code databases/}. */
  public Bundle only(String... prefixes) {
    SortedMap<String, String> kept = new TreeMap<>();
    for (Map.Entry<String, String> file : files.entrySet()) {
      for (String prefix : prefixes) {
        if (file.getKey().startsWith(prefix)) {
          kept.put(file.getKey(), file.getValue());
        }
      }
    }
    return new Bundle(root, kept);
  }

  public long count(String prefix) {
    return files.keySet().stream().filter(p -> p.startsWith(prefix)).count();
  }

  public byte[] zip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        ZipEntry entry = new ZipEntry(root + "/" + file.getKey());
        entry.setTime(FIXED_TIME);
        zip.putNextEntry(entry);
        zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Writes the files under {@code directory/root/} and the zip as {@code directory/root.zip}. */
  public Path writeTo(Path directory) throws IOException {
    Path top = directory.resolve(root);
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = top.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
    }
    Path zip = directory.resolve(root + ".zip");
    Files.write(zip, zip());
    return zip;
  }
}
