package org.liangshan.pipelines.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads a delimited text file as agencies send it: UTF-8 with or without BOM, or GBK (decided on the whole
 * stream by {@link Encoding}); comma or tab
 * delimited (decided from the header line); RFC 4180 quoting; blank lines skipped. Streams records, so a
 * file larger than the heap is read in constant memory.
 */
public final class CsvFile implements AutoCloseable {
  /** GBK, the encoding of most Chinese office software exports. */
  public static final Charset GBK = Charset.forName("GBK");

  /** One record: its 1-based line number, the line as received, and its values. */
  public record Record(long line, String text, List<String> values) {}

  private final BufferedReader reader;
  private final Charset charset;
  private final char delimiter;
  private final Record header;
  private long lineNumber;

  private CsvFile(BufferedReader reader, Charset charset, String firstLine, long firstLineNumber) {
    this.reader = reader;
    this.charset = charset;
    this.lineNumber = firstLineNumber;
    int tabs = count(firstLine, '\t');
    int commas = count(firstLine, ',');
    this.delimiter = tabs > commas ? '\t' : ',';
    this.header = new Record(firstLineNumber, firstLine, split(firstLine, delimiter));
  }

  /**
   * Opens a file, deciding its encoding from the whole stream first (see {@link Encoding}).
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when it is empty, has no header, or is neither UTF-8 nor GBK
   */
  public static CsvFile open(Path path) throws IOException {
    Charset charset = Encoding.detect(path).charset();
    InputStream in = Files.newInputStream(path);
    PushbackInputStream pushback = new PushbackInputStream(in, 3);
    byte[] bom = new byte[3];
    int read = pushback.readNBytes(bom, 0, 3);
    boolean hasBom = read == 3 && (bom[0] & 0xff) == 0xef && (bom[1] & 0xff) == 0xbb && (bom[2] & 0xff) == 0xbf;
    if (!hasBom && read > 0) {
      pushback.unread(bom, 0, read);
    }
    BufferedReader reader = new BufferedReader(new InputStreamReader(pushback, charset), 1 << 16);
    String first;
    long number = 0;
    do {
      first = reader.readLine();
      number++;
    } while (first != null && first.isBlank());
    if (first == null) {
      reader.close();
      throw new IllegalArgumentException("the file is empty (no header line)");
    }
    return new CsvFile(reader, charset, first, number);
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

  /** The records after the header, read lazily. */
  public Iterator<Record> records() {
    return new Iterator<>() {
      private Record next = advance();

      private Record advance() {
        try {
          while (true) {
            String line = reader.readLine();
            lineNumber++;
            if (line == null) {
              return null;
            }
            if (line.isBlank()) {
              continue;
            }
            long start = lineNumber;
            StringBuilder text = new StringBuilder(line);
            // A quoted value may span lines.
            while (openQuote(text)) {
              String more = reader.readLine();
              if (more == null) {
                break;
              }
              lineNumber++;
              text.append('\n').append(more);
            }
            String full = text.toString();
            return new Record(start, full, split(full, delimiter));
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
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

  private static boolean openQuote(CharSequence text) {
    boolean open = false;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '"') {
        open = !open;
      }
    }
    return open;
  }

  static List<String> split(String line, char delimiter) {
    List<String> values = new ArrayList<>();
    StringBuilder value = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            value.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          value.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == delimiter) {
        values.add(value.toString());
        value.setLength(0);
      } else {
        value.append(c);
      }
    }
    values.add(value.toString());
    return values;
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
    reader.close();
  }
}
