package org.liangshan.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measuring helpers shared by the raster benchmarks: medians, per-phase peaks of the heap (sum of the heap
 * pools' peaks, an upper bound) and of the process's resident memory (Linux VmHWM, reset before each phase
 * through {@code /proc/self/clear_refs} where the kernel allows it), the load average, and folder cleanup.
 */
public final class BenchSupport {
  private BenchSupport() {}

  /** The peaks of one measured phase. */
  record Peaks(long heapBytes, long residentBytes, boolean residentSincePhaseStart) {
    String heapMb() {
      return String.format("%,d", heapBytes / (1 << 20));
    }

    /** VmHWM in MB, marked "(process)" when it could not be reset and so covers the whole process so far. */
    String residentMb() {
      return residentBytes < 0 ? "n/a"
          : String.format("%,d", residentBytes / (1 << 20)) + (residentSincePhaseStart ? "" : " (process)");
    }
  }

  /** A phase whose peaks are being recorded. */
  static final class Phase {
    private final boolean reset;

    private Phase(boolean reset) {
      this.reset = reset;
    }

    Peaks end() {
      return new Peaks(heapPeak(), vmHwmBytes(), reset);
    }
  }

  /** Collects garbage, resets the heap pools' peaks and VmHWM, and starts recording a phase. */
  static Phase startPhase() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    boolean reset;
    try {
      // "5" resets the peak resident set size (VmHWM) to the current RSS (Linux 4.0 and later).
      Files.writeString(Path.of("/proc/self/clear_refs"), "5", StandardCharsets.US_ASCII);
      reset = true;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      reset = false;
    }
    return new Phase(reset);
  }

  /** The larger of two phases' peaks (for repeated runs). */
  static Peaks max(Peaks a, Peaks b) {
    if (a == null) {
      return b;
    }
    return new Peaks(Math.max(a.heapBytes(), b.heapBytes()), Math.max(a.residentBytes(), b.residentBytes()),
        a.residentSincePhaseStart() && b.residentSincePhaseStart());
  }

  /** Sum of the heap pools' peaks since the last reset (an upper bound of the heap in use at once). */
  static long heapPeak() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /** VmHWM of this process in bytes, -1 when unknown. */
  static long vmHwmBytes() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
      return lines.filter(l -> l.startsWith("VmHWM:")).map(l -> l.substring(6).strip().split("\\s+")[0])
          .mapToLong(kb -> Long.parseLong(kb) * 1024).findFirst().orElse(-1);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The 1-minute load average, or "n/a". */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0];
    } catch (IOException | RuntimeException e) {
      double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      return load < 0 ? "n/a" : String.format("%.2f", load);
    }
  }

  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }

  static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  static void say(String format, Object... args) {
    System.err.println(String.format(format, args));
  }

  static long size(List<Path> files) throws IOException {
    long bytes = 0;
    for (Path file : files) {
      bytes += Files.size(file);
    }
    return bytes;
  }

  /** Copies a folder tree (files and directories) to {@code to}. */
  public static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
