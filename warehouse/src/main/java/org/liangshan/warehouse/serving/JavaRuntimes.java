package org.liangshan.warehouse.serving;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.liangshan.core.LiangshanException;

/**
 * Finds a JDK new enough for Trino (which refuses to start on Java 17; Trino 476 needs 22+), in this order:
 * {@code LIANGSHAN_TRINO_JAVA} (a JDK home or its {@code bin/java}; must qualify), {@code JAVA_HOME}, then the
 * newest JDK under the usual install roots ({@code /usr/lib/jvm}, {@code /usr/java}, {@code /opt/java},
 * {@code /Library/Java/JavaVirtualMachines/<jdk>/Contents/Home}, {@code ~/.sdkman/candidates/java}). A JDK is
 * recognised by its {@code release} file ({@code JAVA_VERSION="25.0.3"}) and an executable {@code bin/java}.
 */
public final class JavaRuntimes {
  public static final String ENV_OVERRIDE = "LIANGSHAN_TRINO_JAVA";
  private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"?([0-9][^\"]*)\"?\\s*$", Pattern.MULTILINE);

  /** A JDK found on disk. */
  public record Jdk(Path home, String version, int major) {
    public Jdk {
      requireNonNull(home, "home is null");
      requireNonNull(version, "version is null");
    }

    public Path java() {
      return home.resolve("bin").resolve("java");
    }

    public Path keytool() {
      return home.resolve("bin").resolve("keytool");
    }
  }

  private JavaRuntimes() {}

  /** The default install roots of this operating system and user. */
  public static List<Path> defaultRoots() {
    Path home = Path.of(System.getProperty("user.home"));
    return List.of(
        Path.of("/usr/lib/jvm"),
        Path.of("/usr/java"),
        Path.of("/opt/java"),
        Path.of("/Library/Java/JavaVirtualMachines"),
        home.resolve(".sdkman/candidates/java"));
  }

  /** Finds a JDK of at least {@code minimumMajor} for the current environment. */
  public static Jdk find(int minimumMajor) {
    return find(minimumMajor, System.getenv(), defaultRoots());
  }

  /**
   * Finds a JDK of at least {@code minimumMajor}: the override if set (an error if it does not qualify),
   * else {@code JAVA_HOME} if new enough, else the newest qualifying JDK under {@code roots}.
   */
  public static Jdk find(int minimumMajor, Map<String, String> env, List<Path> roots) {
    String override = env.get(ENV_OVERRIDE);
    if (override != null && !override.isBlank()) {
      Path path = Path.of(override.strip());
      Path home = Files.isRegularFile(path) && path.getFileName().toString().startsWith("java") ? path.getParent().getParent() : path;
      Jdk jdk = inspect(home).orElseThrow(() -> LiangshanException.badInput(
          "%s=%s is not a JDK (no release file with JAVA_VERSION and bin/java there). Point it at a JDK %d+ home.",
          ENV_OVERRIDE, override, minimumMajor));
      if (jdk.major() < minimumMajor) {
        throw LiangshanException.badInput("%s=%s is Java %s; Trino needs Java %d or newer. Point it at a JDK %d+ home.",
            ENV_OVERRIDE, override, jdk.version(), minimumMajor, minimumMajor);
      }
      return jdk;
    }
    List<String> seen = new ArrayList<>();
    String javaHome = env.get("JAVA_HOME");
    if (javaHome != null && !javaHome.isBlank()) {
      Optional<Jdk> jdk = inspect(Path.of(javaHome.strip()));
      if (jdk.isPresent() && jdk.get().major() >= minimumMajor) {
        return jdk.get();
      }
      jdk.ifPresent(j -> seen.add(j.home() + " (Java " + j.version() + ")"));
    }
    List<Jdk> candidates = new ArrayList<>();
    for (Path root : roots) {
      for (Path dir : children(root)) {
        Optional<Jdk> jdk = inspect(dir).or(() -> inspect(dir.resolve("Contents/Home")));
        jdk.ifPresent(candidates::add);
      }
    }
    candidates.sort(Comparator.comparingInt(Jdk::major).reversed().thenComparing(j -> j.home().toString()));
    for (Jdk jdk : candidates) {
      if (jdk.major() >= minimumMajor) {
        return jdk;
      }
      seen.add(jdk.home() + " (Java " + jdk.version() + ")");
    }
    throw LiangshanException.badInput(
        "Trino needs Java %d or newer and none was found (looked at JAVA_HOME and under %s; found: %s). "
            + "Install a JDK %d+ (e.g. Temurin 25) and, if it is elsewhere, set %s to its home.",
        minimumMajor, roots, seen.isEmpty() ? "none" : String.join(", ", seen), minimumMajor, ENV_OVERRIDE);
  }

  /** The JDK at {@code home}, if it has a release file naming its version and an executable bin/java. */
  public static Optional<Jdk> inspect(Path home) {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin").resolve("java"))) {
      return Optional.empty();
    }
    String text;
    try {
      text = Files.readString(release, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Optional.empty();
    }
    Matcher matcher = JAVA_VERSION.matcher(text);
    if (!matcher.find()) {
      return Optional.empty();
    }
    String version = matcher.group(1).strip();
    return Optional.of(new Jdk(home.toAbsolutePath().normalize(), version, major(version)));
  }

  /** The feature release of a version string: 25 for "25.0.3", 17 for "17.0.15", 8 for "1.8.0_412". */
  static int major(String version) {
    String[] parts = version.split("[^0-9]+");
    int first = parts.length == 0 || parts[0].isEmpty() ? 0 : Integer.parseInt(parts[0]);
    if (first == 1 && parts.length > 1) {
      return Integer.parseInt(parts[1]);
    }
    return first;
  }

  private static List<Path> children(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(root)) {
      return list.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
