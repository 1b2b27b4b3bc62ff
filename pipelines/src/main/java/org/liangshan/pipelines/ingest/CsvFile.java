package org.liangshan.pipelines.ingest;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import com.univocity.parsers.csv.UnescapedQuoteHandling;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads a delimited text file as agencies send it: UTF-8 with or without BOM, GBK, or UTF-16 with a BOM
 * (Excel's "Unicode text"), decided on the whole stream by {@link Encoding}; comma or tab delimited (decided
 * from the header line); quoting per RFC 4180 (univocity, the parser Spark's CSV reader uses); blank lines
 * skipped. Streams records, so a file larger than the heap is read in constant memory.
 *
 * <p>A record is what the parser saw, with the physical lines it spans. A quoted value may hold a line
 * break (RFC 4180 §2.6), but one that swallows what look like whole records, or a quote that never closes,
 * is a stray quote: the file is refused naming the line where the quote opened ({@link Malformed}), never
 * read as fewer records. So is a record longer than {@link #MAX_RECORD_CHARS}.
 */
public final class CsvFile implements AutoCloseable {
  /** GBK, the encoding of most Chinese office software exports. */
  public static final Charset GBK = Charset.forName("GBK");

  /**
   * The longest record accepted, in characters (1 MiB). A landing record is a few hundred characters; a
   * longer one is a stray quote or a file that is not delimited text, and holding it would cost the heap.
   */
  public static final int MAX_RECORD_CHARS = 1 << 20;

  /** The most values a record may have; univocity needs a bound, and no family has more than 40 columns. */
  public static final int MAX_COLUMNS = 4096;

  /** One record: its 1-based line number, the record as received (lines joined by '\n'), and its values. */
  public record Record(long line, String text, List<String> values) {}

  /**
   * The file cannot be read on from the named line: a quote that never closes, records swallowed by a
   * stray quote, a record that is too long. Unchecked because it surfaces while records are iterated;
   * the load turns it into a refusal of the whole file ({@link FileRejected}).
   */
  public static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long line;

    Malformed(long line, String message) {
      super(message, null, false, false);
      this.line = line;
    }

    /** The 1-based line at which the problem starts. */
    public long line() {
      return line;
    }
  }

  private final BufferedReader reader;
  private final Charset charset;
  private final char delimiter;
  private final Record header;
  private final CsvParser parser;
  /** Lines before the parser's first character: leading blank lines and the header. */
  private final long offset;
  private boolean parsing;

  private CsvFile(BufferedReader reader, Charset charset, String firstLine, long firstLineNumber) {
    this.reader = reader;
    this.charset = charset;
    int tabs = count(firstLine, '\t');
    int commas = count(firstLine, ',');
    this.delimiter = tabs > commas ? '\t' : ',';
    this.header = new Record(firstLineNumber, firstLine, split(firstLine, delimiter));
    this.offset = firstLineNumber;
    this.parser = new CsvParser(settings(delimiter));
  }

  private static CsvParserSettings settings(char delimiter) {
    CsvParserSettings settings = new CsvParserSettings();
    settings.getFormat().setDelimiter(delimiter);
    settings.getFormat().setQuote('"');
    settings.getFormat().setQuoteEscape('"');
    // No comment lines: a value may start with '#'.
    settings.getFormat().setComment('\0');
    settings.setLineSeparatorDetectionEnabled(true);
    // Values as received: FieldSpec trims; the record text and its hash keep what the agency wrote.
    settings.setIgnoreLeadingWhitespaces(false);
    settings.setIgnoreTrailingWhitespaces(false);
    settings.setIgnoreLeadingWhitespacesInQuotes(false);
    settings.setIgnoreTrailingWhitespacesInQuotes(false);
    settings.setNullValue("");
    settings.setEmptyValue("");
    settings.setSkipEmptyLines(true);
    settings.setMaxCharsPerColumn(MAX_RECORD_CHARS);
    settings.setMaxColumns(MAX_COLUMNS);
    // A quote inside an unquoted value (0.0"5) is a character of that value, not the start of a quoted one.
    settings.setUnescapedQuoteHandling(UnescapedQuoteHandling.STOP_AT_DELIMITER);
    settings.setErrorContentLength(80);
    return settings;
  }

  /**
   * Opens a file, deciding its encoding from the whole stream first (see {@link Encoding}).
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when it is empty, has no header, or is neither UTF-8, GBK nor UTF-16
   */
  public static CsvFile open(Path path) throws IOException {
    Charset charset = Encoding.detect(path).charset();
    InputStream in = Files.newInputStream(path);
    in.skipNBytes(Encoding.bomLength(path, charset));
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
    try {
      String first;
      long number = 0;
      do {
        first = boundedLine(reader, number + 1);
        number++;
      } while (first != null && first.isBlank());
      if (first == null) {
        throw new IllegalArgumentException("the file is empty (no header line)");
      }
      return new CsvFile(reader, charset, first, number);
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /** A line without its terminator, refused when longer than {@link #MAX_RECORD_CHARS}; null at the end. */
  private static String boundedLine(BufferedReader reader, long number) throws IOException {
    StringBuilder line = new StringBuilder();
    int c = reader.read();
    if (c < 0) {
      return null;
    }
    while (c >= 0 && c != '\n') {
      if (line.length() >= MAX_RECORD_CHARS) {
        throw new IllegalArgumentException(tooLong(number));
      }
      line.append((char) c);
      c = reader.read();
    }
    int end = line.length();
    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
  }

  private static String tooLong(long line) {
    return "line " + line + " is longer than " + MAX_RECORD_CHARS + " characters (the limit of a record):"
        + " a quote that never closes, or a file that is not delimited text; check the line and re-export the file";
  }

  public Charset charset() {
    return charset;
  }

  public char delimiter() {
    return delimiter;
  }

  public Record header() {
    return header;
  }

  /**
   * The records after the header, read lazily.
   *
   * @throws Malformed (from {@code hasNext}/{@code next}) when the file cannot be read on
   */
  public Iterator<Record> records() {
    parser.beginParsing(reader);
    parsing = true;
    return new Iterator<>() {
      private Record next = advance();

      private Record advance() {
        String[] values;
        try {
          values = parser.parseNext();
        } catch (TextParsingException e) {
          long line = offset + e.getLineIndex() + 1;
          if (e.getMessage() == null || !e.getMessage().contains("maximum number of characters")) {
            throw new Malformed(line, "line " + line + " has more than " + MAX_COLUMNS + " values; check the delimiter");
          }
          throw new Malformed(line, tooLong(line));
        }
        if (values == null) {
          return null;
        }
        String content = parser.getContext().currentParsedContent();
        String raw = content == null ? String.join(String.valueOf(delimiter), values) : content;
        String text = stripTerminator(raw);
        long end = offset + parser.getContext().currentLine();
        long breaks = count(text, '\n');
        if (text.indexOf('"') >= 0 && !quotesClose(text, delimiter)) {
          // The value ran to the end of the file: its trailing line breaks are inside it and were counted.
          long first = end - count(raw, '\n');
          throw new Malformed(first, "line " + first + ": a double quote (\") opens a value that never closes before the end"
              + " of the file (line " + (first + breaks) + "), swallowing " + breaks + " line(s); remove the stray quote, or"
              + " double it (\"\") inside a quoted value, and deliver the file again");
        }
        long first = end - breaks;
        if (text.length() > MAX_RECORD_CHARS) {
          throw new Malformed(first, tooLong(first));
        }
        if (breaks > 0) {
          checkSpanningRecord(first, end, text, values);
        }
        return new Record(first, text, Arrays.asList(values));
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Record next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        Record current = next;
        next = advance();
        return current;
      }
    };
  }

  /**
   * A record spanning lines {@code first..last} holds a quoted line break. That is RFC 4180 (a remark over
   * two lines) unless the record no longer has the header's number of values, or a line inside the quoted
   * value is itself a whole record: then a stray quote swallowed records.
   */
  private void checkSpanningRecord(long first, long last, String text, String[] values) {
    int columns = header.values().size();
    String swallowed = null;
    if (values.length != columns) {
      swallowed = "the record then has " + values.length + " values where the header has " + columns;
    } else {
      for (String value : values) {
        for (String inner : value.split("\n", -1)) {
          if (columns > 1 && count(inner, delimiter) >= columns - 1) {
            swallowed = "a line inside the quoted value is a whole record (\"" + abbreviate(inner) + "\")";
            break;
          }
        }
        if (swallowed != null) {
          break;
        }
      }
    }
    if (swallowed != null) {
      throw new Malformed(first, "lines " + first + "-" + last + ": a double quote (\") on line " + first
          + " opens a value that runs over " + (last - first + 1) + " lines and " + swallowed
          + ": a stray quote swallows the records that follow; remove it, or double it (\"\") inside a quoted value,"
          + " and deliver the file again");
    }
  }

  /** Whether every quote that opens a value (RFC 4180: at the value's start) closes within {@code text}. */
  static boolean quotesClose(String text, char delimiter) {
    boolean atStart = true;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            i++;
          } else {
            quoted = false;
          }
        }
      } else if (c == '"' && atStart) {
        quoted = true;
        atStart = false;
      } else {
        atStart = c == delimiter || c == '\n';
      }
    }
    return !quoted;
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }

  private static String stripTerminator(String text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(0, end).replace("\r\n", "\n");
  }

  /** Splits one line (the header) as the records are split. */
  static List<String> split(String line, char delimiter) {
    CsvParser parser = new CsvParser(settings(delimiter));
    String[] values = parser.parseLine(line);
    return values == null ? List.of("") : Arrays.asList(values);
  }

  private static int count(String text, char c) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    if (parsing) {
      parser.stopParsing();
    }
    reader.close();
  }
}
