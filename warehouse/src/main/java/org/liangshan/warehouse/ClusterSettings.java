package org.liangshan.warehouse;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.liangshan.core.LiangshanException;

/**
 * What a session on a cluster master ({@code spark://}, {@code yarn}, {@code k8s://}) needs beyond the local
 * defaults: the cluster jar shipped to the executors ({@code spark.jars}), the executors' time zone and
 * encoding (the same as the launcher gives the driver, so that both sides compute the same rows), and, for a
 * master on loopback, a driver bound to loopback. Under {@code spark-submit}, which already ships its jar
 * and names the master, nothing is added but the executor options.
 */
public final class ClusterSettings {
  /** How to build the cluster jar; part of every "missing" message. */
  public static final String BUILD_HINT =
      "build it with 'mvn -B -DskipTests -Pcluster-jar -pl cli -am package' (writes cli/target/liangshan-cli-<version>-cluster.jar)"
          + " or point LIANGSHAN_CLUSTER_JAR (or -Dliangshan.cluster-jar) at it";

  public static final String EXECUTOR_OPTIONS = "-Duser.timezone=UTC -Dfile.encoding=UTF-8";

  private ClusterSettings() {}

  /** True for a master whose executors run in other JVMs. */
  public static boolean isCluster(String master) {
    return !requireNonNull(master, "master is null").startsWith("local");
  }

  /**
   * The settings to add for this master to the user's {@code --spark-conf} (which win), given the system
   * properties, the environment and the build directory (parameters, for tests). Empty for a local master.
   */
  public static Map<String, String> forMaster(String master, Map<String, String> userConf, Function<String, String> sysProps,
      Function<String, String> env, Optional<Path> buildDirectory) {
    Map<String, String> conf = new LinkedHashMap<>();
    if (!isCluster(master)) {
      return conf;
    }
    boolean submitted = sysProps.apply("spark.jars") != null || "true".equals(sysProps.apply("SPARK_SUBMIT"));
    if (!submitted && !userConf.containsKey("spark.jars")) {
      conf.put("spark.jars", clusterJar(sysProps, env, buildDirectory).toUri().toString());
    }
    // The user's (or spark-submit's --conf) executor options, after ours.
    String executorOptions = userConf.getOrDefault("spark.executor.extraJavaOptions", sysProps.apply("spark.executor.extraJavaOptions"));
    conf.put("spark.executor.extraJavaOptions",
        executorOptions == null ? EXECUTOR_OPTIONS : EXECUTOR_OPTIONS + " " + executorOptions);
    if (loopbackMaster(master) && !userConf.containsKey("spark.driver.host")) {
      conf.put("spark.driver.host", "127.0.0.1");
      conf.put("spark.driver.bindAddress", "127.0.0.1");
    }
    return conf;
  }

  public static boolean loopbackMaster(String master) {
    if (!master.startsWith("spark://")) {
      return false;
    }
    String hosts = master.substring("spark://".length());
    return Stream.of(hosts.split(",")).map(h -> h.replaceFirst(":\\d+$", ""))
        .allMatch(h -> h.equals("127.0.0.1") || h.equals("localhost"));
  }

  /** The cluster jar for this process (see {@link #clusterJar(Function, Function, Optional)}). */
  public static Path clusterJar() {
    return clusterJar(System::getProperty, System::getenv, buildDirectory());
  }

  /**
   * The cluster jar: the system property {@code liangshan.cluster-jar} or LIANGSHAN_CLUSTER_JAR, else
   * {@code liangshan-cli-*-cluster.jar} in the build directory; exit 2 saying how to build it when missing.
   */
  public static Path clusterJar(Function<String, String> sysProps, Function<String, String> env, Optional<Path> buildDirectory) {
    String given = sysProps.apply("liangshan.cluster-jar");
    if (given == null || given.isBlank()) {
      given = env.apply("LIANGSHAN_CLUSTER_JAR");
    }
    if (given != null && !given.isBlank()) {
      Path jar = Path.of(given).toAbsolutePath();
      if (!Files.isRegularFile(jar)) {
        throw LiangshanException.badInput("The cluster jar %s does not exist: %s.", jar, BUILD_HINT);
      }
      return jar;
    }
    return buildDirectory.flatMap(ClusterSettings::builtClusterJar).orElseThrow(() -> LiangshanException.badInput(
        "A cluster master needs the cluster jar (it is shipped to the executors), and none was found in %s: %s.",
        buildDirectory.map(Path::toString).orElse("the CLI's build directory"), BUILD_HINT));
  }

  /** {@code liangshan-cli-*-cluster.jar} in a build directory, if built there. */
  public static Optional<Path> builtClusterJar(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().matches("liangshan-cli-.*-cluster\\.jar"))
          .filter(Files::isRegularFile).findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The CLI's entry point, whose build directory holds the cluster jar and the loopback SPARK_HOME. */
  static final String CLI_MAIN = "org.liangshan.cli.Main";

  /**
   * The CLI's Maven build directory ({@code cli/target}), where the cluster jar and {@code spark-home} are
   * built: the parent of the {@code target/classes} (or the directory of the jar) the CLI's entry point was
   * loaded from. These settings live in warehouse, whose own build directory is not that one; without the
   * CLI on the class path, the directory these classes came from.
   */
  public static Optional<Path> buildDirectory() {
    Class<?> anchor;
    try {
      anchor = Class.forName(CLI_MAIN, false, ClusterSettings.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      anchor = ClusterSettings.class;
    }
    try {
      var source = anchor.getProtectionDomain().getCodeSource();
      if (source == null) {
        return Optional.empty();
      }
      Path location = Path.of(new URI(source.getLocation().toString()));
      return Optional.ofNullable(location.getParent());
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
