package org.liangshan.warehouse;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A fingerprint of the platform's own code and resources (formulas, parameter defaults, table and landing specs,
 * region configuration) as this JVM loaded them, recorded on every run-log entry beside the methodology version.
 * Two runs with the same fingerprint ran the same code; a rebuilt or upgraded platform gets a new fingerprint, so a
 * job's earlier results are never taken as current after the code that computed them changed (see {@link UpToDate}).
 *
 * <p>It hashes every directory on the class path (a development build's {@code target/classes}) file by file, and
 * every jar whose name contains {@code liangshan} (the module jars, or the cluster jar) by its entries' names, sizes
 * and CRC-32s, which the jar's central directory already holds. Third-party libraries are not part of it: a change of
 * Spark or Delta version is a change of the build (pom.xml) and ships as new module jars anyway.
 */
public final class CodeVersion {
  private static volatile String current;

  private CodeVersion() {}

  /** The fingerprint of the code this JVM runs: {@code code-} and 16 hex digits of a SHA-256. */
  public static String current() {
    String value = current;
    if (value == null) {
      synchronized (CodeVersion.class) {
        if (current == null) {
          current = of(System.getProperty("java.class.path", ""));
        }
        value = current;
      }
    }
    return value;
  }

  static String of(String classPath) {
    MessageDigest digest = sha256();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      Path path = Path.of(entry);
      if (Files.isDirectory(path)) {
        hashDirectory(digest, path);
      } else if (path.getFileName().toString().contains("liangshan") && path.getFileName().toString().endsWith(".jar")
          && Files.isRegularFile(path)) {
        hashJar(digest, path);
      }
    }
    return "code-" + HexFormat.of().formatHex(digest.digest(), 0, 8);
  }

  private static void hashDirectory(MessageDigest digest, Path root) {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile).forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the class-path directory " + root, e);
    }
    Collections.sort(files);
    byte[] buffer = new byte[64 * 1024];
    for (Path file : files) {
      digest.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
      try (InputStream in = Files.newInputStream(file)) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          digest.update(buffer, 0, n);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
    }
  }

  private static void hashJar(MessageDigest digest, Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      List<JarEntry> entries = Collections.list(file.entries());
      entries.sort((a, b) -> a.getName().compareTo(b.getName()));
      for (JarEntry entry : entries) {
        if (entry.isDirectory()) {
          continue;
        }
        digest.update((entry.getName() + "\0" + entry.getSize() + "\0" + entry.getCrc() + "\n").getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the jar " + jar, e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
