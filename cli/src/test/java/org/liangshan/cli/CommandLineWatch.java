package org.liangshan.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Samples the command line of every process on the machine ({@code /proc/<pid>/cmdline}, Linux) every 100 ms while
 * it runs, remembering each distinct one and whether it belonged to a descendant of this JVM (the processes a test
 * started: keytool, Trino, superset.sh and the Superset commands it runs). What {@code ps} shows any user is what
 * this sees.
 */
final class CommandLineWatch implements AutoCloseable {
  private final Map<String, Boolean> seen = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  CommandLineWatch() {
    thread = new Thread(this::loop, "command-line-watch");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running) {
      Set<Long> ours = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
      try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
        for (Path process : processes) {
          String commandLine = read(process.resolve("cmdline"));
          if (!commandLine.isEmpty()) {
            boolean descendant = ours.contains(Long.parseLong(process.getFileName().toString()));
            seen.merge(commandLine, descendant, Boolean::logicalOr);
          }
        }
      } catch (IOException e) {
        // /proc is gone (not Linux): nothing to watch.
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static String read(Path cmdline) {
    try {
      return new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ').strip();
    } catch (IOException e) {
      return ""; // The process ended, or is not ours to read.
    }
  }

  /** Every distinct command line seen so far, with whether a descendant of this JVM ran it. */
  Map<String, Boolean> seen() {
    return Map.copyOf(seen);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(5_000);
  }
}
