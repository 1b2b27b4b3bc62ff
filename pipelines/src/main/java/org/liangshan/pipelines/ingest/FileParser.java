package org.liangshan.pipelines.ingest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.liangshan.pipelines.source.FieldSpec;
import org.liangshan.pipelines.source.LandingSpec;
import org.liangshan.pipelines.source.RecordMapper;
import org.liangshan.pipelines.source.Rejection;
import org.liangshan.pipelines.source.SourceFamilies;
import org.liangshan.pipelines.source.SourceFamily;

/**
 * Parses one landing file of a family, record by record: every record yields its bronze form and either
 * silver rows or a rejection. Plain Java, so it runs the same in a test, on the driver or in a Spark task.
 */
public final class FileParser {
  /** The outcome for one record. Exactly one of {@code silverRows} (non-empty) and {@code rejection} is set. */
  public record Parsed(
      long line,
      String text,
      String hash,
      Map<String, String> record,
      List<Object[]> silverRows,
      Rejection rejection) {}

  /** Ids already known in silver or configuration, by reference kind; serializable for Spark tasks. */
  public record Known(Instant now, Map<String, Set<String>> ids) implements RecordMapper.Context, Serializable {
    private static final long serialVersionUID = 1L;

    public Known {
      requireNonNull(now, "now is null");
      ids = Map.copyOf(ids);
    }

    @Override
    public Set<String> known(String reference) {
      return ids.getOrDefault(reference, Set.of());
    }
  }

  private FileParser() {}

  /**
   * Parses a file, handing each record's outcome to {@code sink}.
   *
   * @param relativeName the file's name relative to the landing root, used in every message
   * @throws FileRejected when the file as a whole cannot be read as this family
   */
  public static void parse(
      SourceFamily family, Path file, String relativeName, Known known, Consumer<Parsed> sink) throws FileRejected {
    try (Records records = open(family, file, relativeName, known)) {
      while (records.hasNext()) {
        sink.accept(records.next());
      }
      records.requireMeasures();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new FileRejected(relativeName, "cannot be read: " + e.getMessage());
    } catch (CsvFile.Malformed e) {
      throw new FileRejected(relativeName, e.getMessage());
    }
  }

  /**
   * Opens a file for record-by-record parsing in constant memory. The header is checked here; a file that
   * cannot be read on (a stray quote) surfaces as {@link CsvFile.Malformed} while iterating, and the caller
   * refuses the whole file, whatever it already took from it.
   *
   * @throws FileRejected when the file as a whole cannot be read as this family
   */
  public static Records open(SourceFamily family, Path file, String relativeName, Known known) throws FileRejected {
    LandingSpec.Policy policy = SourceFamilies.spec().policy();
    if (family.format() == SourceFamily.Format.GEOJSON) {
      GeoJsonFile geojson = ShapefileFile.accepts(file)
          ? ShapefileFile.read(file, relativeName, policy)
          : GeoJsonFile.read(file, relativeName, policy);
      Map<String, Integer> index = mapHeaders(family, geojson.headers(), relativeName);
      String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
      return new Records(family, relativeName, () -> { }, geojson.headers(), index, family.hasFileNameColumn() ? stem : null, known,
          geojson.records().iterator());
    }
    if (XlsxFile.accepts(file)) {
      XlsxFile sheet = XlsxFile.read(file, relativeName, policy);
      Map<String, Integer> index = mapHeaders(family, sheet.headers(), relativeName);
      return new Records(family, relativeName, () -> { }, sheet.headers(), index, fileKey(family, file, relativeName), known,
          sheet.iterator());
    }
    CsvFile csv = open(file, relativeName);
    try {
      List<String> headers = csv.header().values();
      Map<String, Integer> index = mapHeaders(family, headers, relativeName);
      return new Records(family, relativeName, csv, headers, index, fileKey(family, file, relativeName), known, csv.records());
    } catch (CsvFile.Malformed e) {
      // The first record is read ahead when iteration starts.
      closeQuietly(csv);
      throw new FileRejected(relativeName, e.getMessage());
    } catch (FileRejected | RuntimeException e) {
      try {
        csv.close();
      } catch (IOException ignored) {
        // The rejection is what matters.
      }
      throw e;
    }
  }

  /** The value of the family's file-name column: the file name's part before the last '_', or null. */
  private static String fileKey(SourceFamily family, Path file, String relativeName) throws FileRejected {
    if (!family.hasFileNameColumn()) {
      return null;
    }
    String name = file.getFileName().toString();
    int cut = name.lastIndexOf('_');
    if (cut <= 0) {
      throw new FileRejected(relativeName, "the file name must be <id>_<yyyy>.csv (or .xlsx) so that the " + family.fileNameColumn()
          + " can be read from it");
    }
    return name.substring(0, cut);
  }

  /** The parsed records of one open file, read lazily. */
  public static final class Records implements java.util.Iterator<Parsed>, AutoCloseable {
    private final SourceFamily family;
    private final String relativeName;
    private final AutoCloseable source;
    private final List<String> headers;
    private final Map<String, Integer> index;
    private final String fileKey;
    private final Known known;
    private final Iterator<CsvFile.Record> records;
    private final MessageDigest sha = sha256();
    private long count;
    private boolean measured;

    private Records(SourceFamily family, String relativeName, AutoCloseable source, List<String> headers, Map<String, Integer> index, String fileKey,
        Known known, Iterator<CsvFile.Record> records) {
      this.family = family;
      this.relativeName = relativeName;
      this.source = source;
      this.headers = headers;
      this.index = index;
      this.fileKey = fileKey;
      this.known = known;
      this.records = records;
    }

    @Override
    public boolean hasNext() {
      return records.hasNext();
    }

    @Override
    public Parsed next() {
      CsvFile.Record record = nextRecord();
      String hash = HexFormat.of().formatHex(sha.digest(record.text().getBytes(StandardCharsets.UTF_8)));
      return outcome(family, headers, index, fileKey, known, record, hash);
    }

    /**
     * The next record as the parser saw it, not yet typed: counted, and checked for a required measure, as
     * {@link #next()} does (the columnar path types it in Spark, see {@link ColumnarLoad}).
     */
    CsvFile.Record nextRecord() {
      CsvFile.Record record = records.next();
      count++;
      if (!measured && record.values().size() == headers.size()) {
        for (String measure : family.requiredMeasures()) {
          Integer at = index.get(measure);
          if (at != null && hasValue(record.values().get(at))) {
            measured = true;
            break;
          }
        }
      }
      return record;
    }

    /** The file's header as read. */
    List<String> headers() {
      return headers;
    }

    /** Column -> index of its header in the file. */
    Map<String, Integer> index() {
      return index;
    }

    /**
     * Refuses a file read to its end whose records all leave every required measure empty: loading it would
     * load rows without the values the family exists for. A file without records is not refused here (an
     * empty redelivery is the redelivery guard's to hold).
     *
     * @throws FileRejected naming the file and the measures
     */
    public void requireMeasures() throws FileRejected {
      if (count > 0 && !measured && !family.requiredMeasures().isEmpty()) {
        throw new FileRejected(relativeName, "none of its " + count + " record(s) has a value in any required measure of family "
            + family.name() + " (" + String.join(", ", measureHeaders(family)) + "); an export without its measured values is"
            + " refused, not loaded empty: deliver the file with the values filled in");
      }
    }

    @Override
    public void close() throws IOException {
      try {
        source.close();
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException(e);
      }
    }
  }

  /**
   * The outcome for one record of a file with {@code headers} (fields at {@code index}): its bronze form and
   * either its silver rows or the rejection. Plain Java, so the row path and the columnar path's exceptions
   * (records its column checks do not pass) give the same rows, reasons and messages.
   */
  static Parsed outcome(SourceFamily family, List<String> headers, Map<String, Integer> index, String fileKey, Known known,
      CsvFile.Record record, String hash) {
    Map<String, String> asReceived = new LinkedHashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      asReceived.put(headers.get(i).strip(), i < record.values().size() ? record.values().get(i) : null);
    }
    if (record.values().size() != headers.size()) {
      return new Parsed(record.line(), record.text(), hash, asReceived, List.of(),
          new Rejection(Rejection.Reason.WRONG_COLUMN_COUNT, null,
              "record has " + record.values().size() + " values but the header has " + headers.size()
                  + " columns (truncated line or stray delimiter)"));
    }
    Map<String, String> byColumn = new LinkedHashMap<>();
    index.forEach((column, i) -> byColumn.put(column, record.values().get(i)));
    if (fileKey != null) {
      byColumn.put(family.fileNameColumn(), fileKey);
    }
    try {
      return new Parsed(record.line(), record.text(), hash, asReceived, family.mapper().map(byColumn, known), null);
    } catch (Rejection rejection) {
      return new Parsed(record.line(), record.text(), hash, asReceived, List.of(), rejection);
    }
  }

  private static void closeQuietly(CsvFile csv) {
    try {
      csv.close();
    } catch (IOException ignored) {
      // The rejection is what matters.
    }
  }

  private static CsvFile open(Path file, String relativeName) throws FileRejected {
    try {
      return CsvFile.open(file);
    } catch (IllegalArgumentException e) {
      throw new FileRejected(relativeName, e.getMessage());
    } catch (IOException e) {
      throw new FileRejected(relativeName, "cannot be read: " + e.getMessage());
    }
  }

  /** Maps each field to its column index, or rejects the file naming what is missing. */
  static Map<String, Integer> mapHeaders(SourceFamily family, List<String> headers, String relativeName) throws FileRejected {
    Map<String, Integer> byNormalized = new LinkedHashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      String normalized = normalize(headers.get(i));
      if (byNormalized.putIfAbsent(normalized, i) != null) {
        throw new FileRejected(relativeName, "header '" + headers.get(i).strip() + "' appears twice");
      }
    }
    Map<String, Integer> index = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (FieldSpec field : family.fields()) {
      if (family.hasFileNameColumn() && field.column().equals(family.fileNameColumn())) {
        continue;
      }
      Integer at = null;
      for (String header : field.headers()) {
        at = byNormalized.get(normalize(header));
        if (at != null) {
          break;
        }
      }
      if (at != null) {
        index.put(field.column(), at);
      } else if (field.required()) {
        missing.add(field.headers().get(0));
      }
    }
    if (missing.isEmpty() && !family.requiredMeasures().isEmpty()
        && family.requiredMeasures().stream().noneMatch(index::containsKey)) {
      throw new FileRejected(relativeName, "has none of the required measures of family " + family.name() + " ("
          + String.join(", ", measureHeaders(family)) + "): a file needs at least one of them (found: "
          + String.join(", ", headers.stream().map(String::strip).toList()) + ")");
    }
    if (!missing.isEmpty()) {
      String hint = headers.size() == 1
          ? " The header has a single column: the file must be comma- or tab-delimited."
          : "";
      throw new FileRejected(relativeName,
          "missing required column(s) " + String.join(", ", missing) + " for family " + family.name()
              + " (found: " + String.join(", ", headers.stream().map(String::strip).toList()) + ")." + hint);
    }
    return index;
  }

  /** Whether a raw value is one: not empty, and not -9999, the FLUXNET marker of a missing value. */
  private static boolean hasValue(String raw) {
    return raw != null && !raw.isBlank() && !raw.strip().equals("-9999");
  }

  /** The first header of each required measure, as the spec lists them. */
  private static List<String> measureHeaders(SourceFamily family) {
    return family.requiredMeasures().stream().map(m -> family.field(m).headers().get(0)).toList();
  }

  /** Header comparison ignores case, spaces, BOMs and full-width parentheses. */
  static String normalize(String header) {
    return header.replace("\uFEFF", "")
        .replace('（', '(')
        .replace('）', ')')
        .replace(" ", "")
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
