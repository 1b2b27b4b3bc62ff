package org.liangshan.pipelines.ingest;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_arrays;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.liangshan.pipelines.source.ColumnarTyping;
import org.liangshan.pipelines.source.SourceFamily;

/**
 * The columnar path of a load: for large CSV deliveries of a family with a {@link ColumnarTyping} (the long
 * water-quality format). Each file is still read by {@link CsvFile} in one Spark task (RFC 4180 quoting, the
 * stray-quote and record-length refusals, physical line numbers, the required-measure check, all as on the
 * row path), but the task only hands on each record's line, text and values; hashing, the bronze map and
 * the typing of the records the family's column checks accept happen in Spark's generated code, and only
 * the records they do not accept (malformed, censored, out of range, unknown ...) go through the row mapper
 * ({@link FileParser#outcome}), which gives their quarantine reason, field and message. The result has the
 * row path's shape (kind F, B, Q, S; {@link IngestJob#parsedSchema}), so the rest of the load is shared.
 *
 * <p>The path applies when every file of the load is delimited text with the same header, the family has
 * no file-name column and the files hold at least {@link #MIN_BYTES} together; otherwise the row path loads
 * them (workbooks, mixed headers, small files: the columnar path's extra Spark queries cost more there).
 */
final class ColumnarLoad {
  /** Below this many bytes in a load, the row path is quicker (8 MiB, about 190,000 long-format records). */
  static final long MIN_BYTES = 8L << 20;

  private static final StructType RECORDS = new StructType()
      .add("kind", DataTypes.StringType, false)
      .add("source_file", DataTypes.StringType, false)
      .add("source_line", DataTypes.LongType, false)
      .add("raw_line", DataTypes.StringType, true)
      .add("values", DataTypes.createArrayType(DataTypes.StringType, true), true);

  private final SourceFamily family;
  private final FileParser.Known known;
  private final ColumnarTyping typing;
  private final List<String> headers;
  private final Map<String, Integer> index;
  private Dataset<Row> records;

  private ColumnarLoad(SourceFamily family, FileParser.Known known, ColumnarTyping typing, List<String> headers, Map<String, Integer> index) {
    this.family = family;
    this.known = known;
    this.typing = typing;
    this.headers = List.copyOf(headers);
    this.index = Map.copyOf(index);
  }

  /**
   * The columnar plan for loading {@code files} (landing path by name relative to the landing root), or null
   * when the row path loads them. A file whose header cannot be read sends the load to the row path, which
   * refuses it with its reason.
   */
  static ColumnarLoad plan(SourceFamily family, Map<String, Path> files, FileParser.Known known, long minBytes) {
    if (family.hasFileNameColumn() || family.format() != SourceFamily.Format.CSV) {
      return null;
    }
    ColumnarTyping typing = ColumnarTyping.of(family, known);
    if (typing == null) {
      return null;
    }
    long bytes = 0;
    List<String> headers = null;
    Map<String, Integer> index = null;
    for (Map.Entry<String, Path> file : files.entrySet()) {
      if (XlsxFile.accepts(file.getValue())) {
        return null;
      }
      try (FileParser.Records opened = FileParser.open(family, file.getValue(), file.getKey(), known)) {
        if (headers != null && !headers.equals(opened.headers())) {
          return null;
        }
        headers = opened.headers();
        index = opened.index();
        bytes += Files.size(file.getValue());
      } catch (FileRejected | IOException | RuntimeException e) {
        return null;
      }
    }
    return bytes >= minBytes && headers != null ? new ColumnarLoad(family, known, typing, headers, index) : null;
  }

  /**
   * The load's rows in the row path's shape: kind F (a file refused), B (bronze, every record), Q (quarantine)
   * and S (silver). The records are read once and cached; {@link #release()} frees them.
   */
  Dataset<Row> parse(SparkSession spark, List<String> tasks, StructType parsedSchema) {
    Column values = col("values");
    java.util.function.Function<String, Column> field = column -> {
      Integer at = index.get(column);
      return at == null ? lit(null).cast("string") : values.getItem(at.intValue());
    };
    int silverColumns = parsedSchema.size() - 9;
    // The column checks, the typing and the SHA-256 of each record run once, as the records are cached; every
    // later query reads their result.
    List<Column> checked = new ArrayList<>(List.of(col("kind"), col("source_file"), col("source_line"), col("raw_line"), values,
        functions.coalesce(size(values).equalTo(headers.size()).and(typing.accepts(field)), lit(false)).as("_accepted"),
        sha2(col("raw_line"), 256).as("_hash")));
    List<Column> typedColumns = typing.silver(field);
    for (int i = 0; i < silverColumns; i++) {
      checked.add(typedColumns.get(i).as("_s" + i));
    }
    records = spark.createDataset(tasks, Encoders.STRING())
        .repartition(Math.max(1, Math.min(tasks.size(), 64)))
        .flatMap(new ReadRecords(family, known), Encoders.row(RECORDS))
        .select(checked.toArray(Column[]::new))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> read = records.where(col("kind").equalTo("R"));
    Column hash = col("_hash");
    Column accepted = col("_accepted");

    Column none = lit(null);
    // Columns in the row path's order: kind, source_file, source_line, record_hash, record, raw_line,
    // reason_code, message, field, then the silver columns; named() casts each to its type.
    List<Column> refused = new ArrayList<>(List.of(lit("F"), col("source_file"), col("source_line"), none, none, none, none,
        col("raw_line"), none));
    List<Column> keys = new ArrayList<>();
    List<Column> received = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      keys.add(lit(headers.get(i).strip()));
      // A short record's missing values are null, as on the row path (extra values are dropped there too).
      received.add(when(size(values).gt(i), values.getItem(i)));
    }
    List<Column> bronze = new ArrayList<>(List.of(lit("B"), col("source_file"), col("source_line"), hash,
        map_from_arrays(array(keys.toArray(Column[]::new)), array(received.toArray(Column[]::new))), col("raw_line"), none, none, none));
    List<Column> silver = new ArrayList<>(List.of(lit("S"), col("source_file"), col("source_line"), hash, none, none, none, none, none));
    for (int i = 0; i < silverColumns; i++) {
      refused.add(none);
      bronze.add(none);
      silver.add(col("_s" + i));
    }
    Dataset<Row> fileRefusals = records.where(col("kind").equalTo("F")).select(named(refused, parsedSchema));
    Dataset<Row> bronzeRows = read.select(named(bronze, parsedSchema));
    Dataset<Row> fast = read.where(accepted).select(named(silver, parsedSchema));
    Dataset<Row> exceptions = read.where(not(accepted))
        .mapPartitions(new RowMapped(family, known, headers, index, parsedSchema.size()), Encoders.row(parsedSchema));
    return fileRefusals.union(bronzeRows).union(fast).union(exceptions);
  }

  /** Frees the cached records. */
  void release() {
    if (records != null) {
      records.unpersist();
    }
  }

  private static Column[] named(List<Column> columns, StructType schema) {
    Column[] named = new Column[columns.size()];
    for (int i = 0; i < named.length; i++) {
      named[i] = columns.get(i).cast(schema.fields()[i].dataType()).as(schema.fields()[i].name());
    }
    return named;
  }

  /** The Spark task reading one file: a row of kind R per record (line, text, values), or of kind F refusing it. */
  private static final class ReadRecords implements FlatMapFunction<String, Row>, Serializable {
    private static final long serialVersionUID = 1L;
    private final SourceFamily family;
    private final FileParser.Known known;

    ReadRecords(SourceFamily family, FileParser.Known known) {
      this.family = family;
      this.known = known;
    }

    @Override
    public Iterator<Row> call(String task) {
      int tab = task.indexOf('\t');
      Path file = Path.of(task.substring(0, tab));
      String name = task.substring(tab + 1);
      FileParser.Records opened;
      try {
        opened = FileParser.open(family, file, name, known);
      } catch (FileRejected e) {
        return List.of(RowFactory.create("F", name, 0L, e.reason(), null)).iterator();
      }
      return new Iterator<>() {
        private Row next;
        private boolean ended;

        @Override
        public boolean hasNext() {
          if (next == null && !ended) {
            try {
              if (opened.hasNext()) {
                CsvFile.Record record = opened.nextRecord();
                next = RowFactory.create("R", name, record.line(), record.text(), record.values().toArray(String[]::new));
                return true;
              }
            } catch (CsvFile.Malformed e) {
              // Refused whole: the load keeps only files without an F row, as on the row path.
              ended = true;
              close();
              next = RowFactory.create("F", name, e.line(), e.getMessage(), null);
              return true;
            }
            ended = true;
            close();
            try {
              opened.requireMeasures();
            } catch (FileRejected e) {
              next = RowFactory.create("F", name, 0L, e.reason(), null);
            }
          }
          return next != null;
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          Row current = next;
          next = null;
          return current;
        }

        private void close() {
          try {
            opened.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };
    }
  }

  /** The records the column checks did not accept, through the row mapper: their Q or S rows (their B row is typed above). */
  private static final class RowMapped implements MapPartitionsFunction<Row, Row>, Serializable {
    private static final long serialVersionUID = 1L;
    private final SourceFamily family;
    private final FileParser.Known known;
    private final List<String> headers;
    private final Map<String, Integer> index;
    private final int width;

    RowMapped(SourceFamily family, FileParser.Known known, List<String> headers, Map<String, Integer> index, int width) {
      this.family = family;
      this.known = known;
      this.headers = headers;
      this.index = index;
      this.width = width;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
      java.security.MessageDigest sha = FileParser.sha256();
      List<Row> out = new ArrayList<>();
      return new Iterator<>() {
        private int at;

        @Override
        public boolean hasNext() {
          while (at >= out.size() && input.hasNext()) {
            out.clear();
            at = 0;
            Row row = input.next();
            String name = row.getString(1);
            String text = row.getString(3);
            List<String> values = Arrays.asList(row.<String>getList(4).toArray(String[]::new));
            String hash = java.util.HexFormat.of().formatHex(sha.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            FileParser.Parsed parsed = FileParser.outcome(family, headers, index, null, known,
                new CsvFile.Record(row.getLong(2), text, values), hash);
            out.addAll(IngestJob.outcomeRows(name, parsed, width));
          }
          return at < out.size();
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return out.get(at++);
        }
      };
    }
  }
}
