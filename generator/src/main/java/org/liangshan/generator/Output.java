package org.liangshan.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liangshan.core.LiangshanException;

/**
 * Where the families write: files under the region's landing folder, with files, records and bytes counted
 * per family and progress reported as each file completes.
 */
final class Output {
  /** A yearly time-series delivery: {@code <station>_<year>.csv} or {@code <year>.csv}. */
  private static final Pattern YEARLY = Pattern.compile("(?:.+_)?(\\d{4})\\.csv");

  private final Path regionRoot;
  private final ProgressListener progress;
  private final Map<String, Long> files = new LinkedHashMap<>();
  private final Map<String, Long> records = new LinkedHashMap<>();
  private long bytes;

  Output(Path regionRoot, ProgressListener progress) {
    this.regionRoot = regionRoot;
    this.progress = progress;
  }

  /** Starts a family that will write {@code totalFiles} files. */
  Family family(String name, int totalFiles) {
    files.putIfAbsent(name, 0L);
    records.putIfAbsent(name, 0L);
    return new Family(name, totalFiles);
  }

  GenerationSummary summary() {
    return new GenerationSummary(files, records, bytes);
  }

  /** One family's files. */
  final class Family {
    private final String name;
    private final int total;
    private int done;

    private Family(String name, int total) {
      this.name = name;
      this.total = total;
    }

    /** The path of a file of this family, its folders created. */
    Path path(String relative) {
      Path path = regionRoot.resolve(relative);
      try {
        Files.createDirectories(path.getParent());
      } catch (IOException e) {
        throw LiangshanException.failure(e, "Cannot create folder %s: %s", path.getParent(), e.getMessage());
      }
      return path;
    }

    /** Records a finished file. */
    void completed(Path path, long recordCount) {
      try {
        bytes += Files.size(path);
        stampDelivery(path);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      files.merge(name, 1L, Long::sum);
      records.merge(name, recordCount, Long::sum);
      done++;
      progress.step(name, done, Math.max(done, total));
    }

    /**
     * Gives a yearly time-series file the last-modified time of a plausible delivery, so the data-quality
     * report (ops.dq_deliveries: due 30 days after the year ends) sees deliveries, not the generation time:
     * between 5 January and 3 February of the next year, by a hash of the file name (deterministic; the ones
     * after the 30th are a few days late), never later than now. The content, and so the checksum, is unchanged.
     */
    private void stampDelivery(Path path) throws IOException {
      Matcher yearly = YEARLY.matcher(path.getFileName().toString());
      if (!yearly.matches()) {
        return;
      }
      int year = Integer.parseInt(yearly.group(1));
      String relative = regionRoot.relativize(path).toString().replace('\\', '/');
      int offset = Math.floorMod(relative.hashCode(), 30);
      Instant delivered = LocalDate.of(year + 1, 1, 5).plusDays(offset).atTime(9, 0).toInstant(ZoneOffset.UTC);
      Instant now = Instant.now();
      Files.setLastModifiedTime(path, FileTime.from(delivered.isAfter(now) ? now : delivered));
    }

    Csv csv(String relative, String... header) {
      return new Csv(this, path(relative), header);
    }
  }

  /** A CSV file: UTF-8 without BOM, comma separated, LF line ends, one header row. */
  static final class Csv implements AutoCloseable {
    private final Family family;
    private final Path path;
    private final Writer writer;
    private final int columns;
    private final StringBuilder line = new StringBuilder(256);
    private long rows;

    private Csv(Family family, Path path, String[] header) {
      this.family = family;
      this.path = path;
      this.columns = header.length;
      try {
        this.writer =
            new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path), StandardCharsets.UTF_8), 1 << 16);
      } catch (IOException e) {
        throw LiangshanException.failure(e, "Cannot write %s: %s", path, e.getMessage());
      }
      write(header);
      rows = 0;
    }

    /** Writes a row of cells; {@code null} becomes an empty cell. */
    void row(Object... cells) {
      if (cells.length != columns) {
        throw new IllegalStateException(
            "Row of " + cells.length + " cells for " + columns + " columns in " + path.getFileName());
      }
      write(cells);
    }

    private void write(Object[] cells) {
      line.setLength(0);
      for (int i = 0; i < cells.length; i++) {
        if (i > 0) {
          line.append(',');
        }
        Object cell = cells[i];
        if (cell != null) {
          String text = cell.toString();
          if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0) {
            line.append('"').append(text.replace("\"", "\"\"")).append('"');
          } else {
            line.append(text);
          }
        }
      }
      line.append('\n');
      try {
        writer.write(line.toString());
      } catch (IOException e) {
        throw LiangshanException.failure(e, "Cannot write %s: %s", path, e.getMessage());
      }
      rows++;
    }

    @Override
    public void close() {
      try {
        writer.close();
      } catch (IOException e) {
        throw LiangshanException.failure(e, "Cannot write %s: %s", path, e.getMessage());
      }
      family.completed(path, rows);
    }
  }

  /** Formats {@code value} with exactly {@code decimals} decimals, independent of locale. */
  static String fixed(double value, int decimals) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("Cannot format " + value);
    }
    long factor = 1;
    for (int i = 0; i < decimals; i++) {
      factor *= 10;
    }
    long scaled = Math.round(Math.abs(value) * factor);
    StringBuilder text = new StringBuilder(24);
    if (value < 0 && scaled != 0) {
      text.append('-');
    }
    text.append(scaled / factor);
    if (decimals > 0) {
      String fraction = Long.toString(scaled % factor);
      text.append('.');
      for (int i = fraction.length(); i < decimals; i++) {
        text.append('0');
      }
      text.append(fraction);
    }
    return text.toString();
  }
}
