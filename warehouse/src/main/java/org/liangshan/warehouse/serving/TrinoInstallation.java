package org.liangshan.warehouse.serving;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.liangshan.core.LiangshanException;

/**
 * The Trino server distribution: {@code io.trino:trino-server:<version>:tar.gz} obtained through Maven into
 * the local repository (downloaded once, about 820 MB), then unpacked once into a cache directory
 * ({@code ~/.cache/liangshan/trino-server-<version>} unless overridden). A second start neither downloads
 * nor unpacks: the unpacked tree carries a marker file written last.
 */
public final class TrinoInstallation {
  public static final String DEFAULT_VERSION = "476";
  public static final String ENV_HOME = "LIANGSHAN_TRINO_HOME";
  static final String MARKER = ".liangshan-unpacked";

  private final String version;
  private final Path home;
  private final PrintStream progress;

  public TrinoInstallation(String version, Path home, PrintStream progress) {
    this.version = requireNonNull(version, "version is null");
    this.home = requireNonNull(home, "home is null").toAbsolutePath().normalize();
    this.progress = requireNonNull(progress, "progress is null");
    if (!version.matches("[0-9]{3,4}")) {
      throw LiangshanException.badInput("Invalid Trino version '%s' (expected a release number such as 476).", version);
    }
  }

  /** The default unpack location: {@code LIANGSHAN_TRINO_HOME}, else {@code ~/.cache/liangshan/trino-server-<v>}. */
  public static Path defaultHome(String version) {
    String env = System.getenv(ENV_HOME);
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "liangshan", "trino-server-" + version);
  }

  public String version() {
    return version;
  }

  public Path home() {
    return home;
  }

  public boolean isUnpacked() {
    return Files.isRegularFile(home.resolve(MARKER)) && Files.isDirectory(home.resolve("lib"))
        && Files.isDirectory(home.resolve("plugin"));
  }

  /** Makes sure the server is unpacked, downloading the tarball through Maven first if it is not in ~/.m2. */
  public Path ensure() {
    if (isUnpacked()) {
      return home;
    }
    Path tarball = tarball();
    unpack(tarball);
    return home;
  }

  /** The tarball in the local Maven repository, fetched with {@code mvn dependency:get} when absent. */
  Path tarball() {
    Path local = defaultLocalRepository().resolve(relativePath());
    if (Files.isRegularFile(local)) {
      return local;
    }
    progress.println("  downloading io.trino:trino-server:" + version + ":tar.gz through Maven (about 820 MB, once)...");
    runMaven(List.of("dependency:get", "-Dartifact=" + coordinates(), "-Dtransitive=false"));
    if (Files.isRegularFile(local)) {
      return local;
    }
    // A settings.xml may move the local repository: ask Maven where it is.
    String repository = runMaven(List.of("help:evaluate", "-Dexpression=settings.localRepository", "-DforceStdout")).strip();
    Path configured = Path.of(repository).resolve(relativePath());
    if (Files.isRegularFile(configured)) {
      return configured;
    }
    throw LiangshanException.failure("Maven reported success but %s is in neither %s nor %s.", coordinates(), local, configured);
  }

  String coordinates() {
    return "io.trino:trino-server:" + version + ":tar.gz";
  }

  Path relativePath() {
    return Path.of("io", "trino", "trino-server", version, "trino-server-" + version + ".tar.gz");
  }

  static Path defaultLocalRepository() {
    String override = System.getProperty("maven.repo.local");
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    return Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  private String runMaven(List<String> goals) {
    List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q"));
    command.addAll(goals);
    try {
      Path log = Files.createTempFile("liangshan-mvn", ".log");
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!process.waitFor(60, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw LiangshanException.failure("'%s' did not finish within 60 minutes.", String.join(" ", command));
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      Files.deleteIfExists(log);
      if (process.exitValue() != 0) {
        throw LiangshanException.failure("'%s' failed (exit %d): %s. Check network access to Maven Central or your "
            + "repository mirror in ~/.m2/settings.xml.", String.join(" ", command), process.exitValue(), tail(output, 1500));
      }
      return output;
    } catch (IOException e) {
      throw LiangshanException.failure(e, "Could not run Maven ('mvn' on the PATH) to obtain %s.", coordinates());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw LiangshanException.failure(e, "Interrupted while obtaining %s.", coordinates());
    }
  }

  private void unpack(Path tarball) {
    progress.println("  unpacking " + tarball.getFileName() + " into " + home + " (once)...");
    Path partial = home.resolveSibling(home.getFileName() + ".partial-" + ProcessHandle.current().pid());
    try {
      Files.createDirectories(partial);
      Process process = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", partial.toString(), "--strip-components=1")
          .redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw LiangshanException.failure("Unpacking %s failed: %s", tarball, tail(output, 1000));
      }
      Files.writeString(partial.resolve(MARKER), coordinates() + "\n", StandardCharsets.UTF_8);
      if (Files.exists(home)) {
        deleteTree(home);
      }
      Files.createDirectories(home.getParent());
      Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw LiangshanException.failure(e, "Could not unpack %s into %s.", tarball, home);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw LiangshanException.failure(e, "Interrupted while unpacking %s.", tarball);
    } finally {
      if (Files.exists(partial)) {
        deleteTree(partial);
      }
    }
  }

  static void deleteTree(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String tail(String text, int chars) {
    return text.length() <= chars ? text.strip() : "..." + text.substring(text.length() - chars).strip();
  }
}
