package org.liangshan.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liangshan.core.LiangshanException;
import org.liangshan.warehouse.ClusterSettings;

/**
 * Java processes started from the CLI: the loopback cluster's master and worker, and CLI runs in a JVM of
 * their own (a Spark driver per process), each on this JDK with the Java 17 flags Spark needs, read the way
 * the launcher reads them (the root pom's {@code spark.java17.flags}), and with its output in a log file.
 */
public final class ChildJvm {
  private static final Pattern FLAGS = Pattern.compile("<spark\\.java17\\.flags>(.*)</spark\\.java17\\.flags>");

  private ChildJvm() {}

  /** The result of a finished process: its exit status and its output (stdout and stderr, interleaved). */
  public record Result(int status, String output, double seconds) {}

  /** This JDK's java. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * The Java 17 flags: {@code spark.java17.flags} of the root pom above the build directory, else the
   * openings this JVM was started with (the launcher and the tests pass them).
   */
  public static List<String> sparkFlags() {
    Optional<Path> dir = ClusterSettings.buildDirectory();
    for (Path p = dir.orElse(null); p != null; p = p.getParent()) {
      Path pom = p.resolve("pom.xml");
      if (Files.isRegularFile(pom)) {
        try {
          Matcher m = FLAGS.matcher(Files.readString(pom, StandardCharsets.UTF_8));
          if (m.find()) {
            return Arrays.asList(m.group(1).trim().split("\\s+"));
          }
        } catch (IOException e) {
          // Try the next directory up, then this JVM's own flags.
        }
      }
    }
    List<String> own = new ArrayList<>();
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens") || arg.startsWith("-Djdk.reflect.useDirectMethodHandle")) {
        own.add(arg);
      }
    }
    return own;
  }

  /** Starts {@code java <jvmOptions> -cp <classpath> <mainClass> <args>} with output to {@code log}. */
  public static Process start(List<String> jvmOptions, String classpath, String mainClass, List<String> args,
      Map<String, String> env, Path log) {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(sparkFlags());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(requireNonNull(classpath, "classpath is null"));
    command.add(mainClass);
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().putAll(env);
    try {
      Files.createDirectories(log.getParent());
      return builder.start();
    } catch (IOException e) {
      throw LiangshanException.failure(e, "could not start %s", mainClass);
    }
  }

  /**
   * The CLI's entry point, named rather than imported: cli registers the benchmarks, so bench cannot depend
   * on it; the child JVM finds it on this JVM's classpath (the launcher's, or cli's tests').
   */
  static final String CLI_MAIN = "org.liangshan.cli.Main";

  /**
   * Runs the CLI ({@code liangshan <args>}) in a JVM of its own on this JVM's classpath, with {@code heap},
   * temporary files under {@code work/tmp}, and output in {@code log}; waits for it.
   */
  public static Result cli(List<String> args, String heap, Path work, Path log) {
    return cli(args, heap, work, log, Map.of());
  }

  /** As {@link #cli(List, String, Path, Path)}, with variables added to the child's environment (e.g. credentials). */
  public static Result cli(List<String> args, String heap, Path work, Path log, Map<String, String> env) {
    try {
      Files.createDirectories(work.resolve("tmp"));
      Files.deleteIfExists(log);
      long start = System.nanoTime();
      Process process = start(List.of("-Xmx" + heap, "-Djava.io.tmpdir=" + work.resolve("tmp"), "-Dfile.encoding=UTF-8",
          "-Duser.timezone=UTC"), System.getProperty("java.class.path"), CLI_MAIN, args, env, log);
      int status;
      try {
        status = process.waitFor();
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw LiangshanException.failure(e, "interrupted while running liangshan %s", String.join(" ", args));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Result(status, Files.readString(log, StandardCharsets.UTF_8), seconds);
    } catch (IOException e) {
      throw LiangshanException.failure(e, "could not run liangshan %s", String.join(" ", args));
    }
  }

  /** Stops a process: SIGTERM, then SIGKILL after {@code graceSeconds}. */
  public static void stop(Process process, int graceSeconds) {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(graceSeconds, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
