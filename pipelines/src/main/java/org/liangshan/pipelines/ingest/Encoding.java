package org.liangshan.pipelines.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decides a text file's encoding from the whole stream, in constant memory (one 64 KiB buffer), not from a
 * sample: a file whose first megabytes are ASCII and whose later lines are GBK is GBK, and a UTF-8 file
 * with one GBK line in the middle is refused, naming the line.
 *
 * <ul>
 *   <li>a UTF-16 BOM (FF FE or FE FF, what Excel writes as "Unicode text"): UTF-16LE or UTF-16BE; GBK and
 *       UTF-8 files have no such BOM, and UTF-16 without one is refused (its NUL bytes would pass for GBK);
 *   <li>a UTF-8 BOM, or every byte sequence valid UTF-8: UTF-8;
 *   <li>valid UTF-8 except a multi-byte character cut by the end of the file (a truncated delivery): UTF-8,
 *       the cut character read as U+FFFD so the last record is quarantined, not the file misread;
 *   <li>not UTF-8, no earlier line with valid non-ASCII UTF-8, and valid GBK throughout: GBK;
 *   <li>otherwise refused: the message names the first line that is not UTF-8 and why it is not GBK either.
 * </ul>
 */
public final class Encoding {
  /** The decision: the charset, and whether the UTF-8 stream ends inside a character. */
  public record Decision(Charset charset, boolean truncatedCharacter) {}

  private static final int BUFFER = 1 << 16;

  private Encoding() {}

  /**
   * Scans the file.
   *
   * @throws IllegalArgumentException naming the line when the file is neither UTF-8 nor GBK, or mixes them
   */
  public static Decision detect(Path file) throws IOException {
    Charset utf16 = utf16(file);
    if (utf16 != null) {
      return new Decision(utf16, false);
    }
    Utf8Scan utf8 = scanUtf8(file);
    long nulLine = utf8.nulLine > 0 ? utf8.nulLine : utf8.firstBadLine < 0 ? -1 : firstNulLine(file);
    if (nulLine > 0) {
      throw new IllegalArgumentException(String.format(
          "line %d holds a NUL byte: the file looks like UTF-16 without a byte-order mark, or is not text;"
              + " save it as UTF-8 (or Excel \"Unicode text\", which writes the mark)", nulLine));
    }
    if (utf8.bom || utf8.firstBadLine < 0) {
      return new Decision(StandardCharsets.UTF_8, utf8.cutAtEnd);
    }
    if (utf8.nonAsciiLinesBefore > 0) {
      throw new IllegalArgumentException(String.format(
          "mixes encodings: line %d is not UTF-8 (bytes %s) although %d earlier line(s) are UTF-8 Chinese;"
              + " re-save the whole file in one encoding (UTF-8)", utf8.firstBadLine, utf8.badBytes, utf8.nonAsciiLinesBefore));
    }
    long gbkBadLine = firstMalformedLine(file, CsvFile.GBK);
    if (gbkBadLine < 0) {
      return new Decision(CsvFile.GBK, false);
    }
    throw new IllegalArgumentException(String.format(
        "is neither UTF-8 nor GBK: line %d is not UTF-8 (bytes %s) and line %d is not GBK;"
            + " re-save the file as UTF-8 (or GBK)", utf8.firstBadLine, utf8.badBytes, gbkBadLine));
  }

  /** The 1-based line of the first NUL byte, or -1: no text file of UTF-8 or GBK holds one. */
  private static long firstNulLine(Path file) throws IOException {
    byte[] buffer = new byte[BUFFER];
    long line = 1;
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == 0) {
            return line;
          }
          if (buffer[i] == '\n') {
            line++;
          }
        }
      }
    }
    return -1;
  }

  /** UTF-16LE or UTF-16BE when the file starts with that byte-order mark, else null. */
  private static Charset utf16(Path file) throws IOException {
    byte[] head = new byte[2];
    try (InputStream in = Files.newInputStream(file)) {
      if (in.readNBytes(head, 0, 2) < 2) {
        return null;
      }
    }
    int b0 = head[0] & 0xff;
    int b1 = head[1] & 0xff;
    if (b0 == 0xff && b1 == 0xfe) {
      return StandardCharsets.UTF_16LE;
    }
    if (b0 == 0xfe && b1 == 0xff) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  /** The length in bytes of the byte-order mark the file starts with in {@code charset} (0 when none). */
  static int bomLength(Path file, Charset charset) throws IOException {
    byte[] head = new byte[3];
    int read;
    try (InputStream in = Files.newInputStream(file)) {
      read = in.readNBytes(head, 0, 3);
    }
    if (charset.equals(StandardCharsets.UTF_16LE) || charset.equals(StandardCharsets.UTF_16BE)) {
      return utf16(file) != null ? 2 : 0;
    }
    boolean utf8Bom = read == 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf;
    return utf8Bom && charset.equals(StandardCharsets.UTF_8) ? 3 : 0;
  }

  /** What a strict UTF-8 pass over the file found. */
  private static final class Utf8Scan {
    boolean bom;
    long firstBadLine = -1;
    String badBytes = "";
    long nonAsciiLinesBefore;
    boolean cutAtEnd;
    long nulLine;
  }

  private static Utf8Scan scanUtf8(Path file) throws IOException {
    Utf8Scan scan = new Utf8Scan();
    byte[] buffer = new byte[BUFFER];
    long line = 1;
    boolean lineHasNonAscii = false;
    int need = 0; // continuation bytes still expected
    int lead = 0; // the current sequence's lead byte, for overlong/surrogate checks
    int seen = 0; // continuation bytes seen of the current sequence
    boolean first = true;
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        int i = 0;
        if (first) {
          first = false;
          if (n >= 3 && (buffer[0] & 0xff) == 0xef && (buffer[1] & 0xff) == 0xbb && (buffer[2] & 0xff) == 0xbf) {
            scan.bom = true;
            i = 3;
          }
        }
        for (; i < n; i++) {
          int b = buffer[i] & 0xff;
          if (need > 0) {
            boolean ok = (b & 0xc0) == 0x80;
            if (ok && seen == 0) {
              // Second byte: reject overlong forms, surrogates and code points above U+10FFFF.
              ok = !(lead == 0xe0 && b < 0xa0) && !(lead == 0xed && b > 0x9f)
                  && !(lead == 0xf0 && b < 0x90) && !(lead == 0xf4 && b > 0x8f);
            }
            if (!ok) {
              return bad(scan, line, lead, b);
            }
            seen++;
            if (--need == 0) {
              lineHasNonAscii = true;
            }
            continue;
          }
          if (b == 0 && scan.nulLine == 0) {
            scan.nulLine = line;
          }
          if (b == '\n') {
            if (lineHasNonAscii) {
              scan.nonAsciiLinesBefore++;
            }
            lineHasNonAscii = false;
            line++;
          } else if (b >= 0x80) {
            lead = b;
            seen = 0;
            if (b >= 0xc2 && b <= 0xdf) {
              need = 1;
            } else if (b >= 0xe0 && b <= 0xef) {
              need = 2;
            } else if (b >= 0xf0 && b <= 0xf4) {
              need = 3;
            } else {
              return bad(scan, line, b, -1);
            }
          }
        }
      }
    }
    scan.cutAtEnd = need > 0;
    return scan;
  }

  private static Utf8Scan bad(Utf8Scan scan, long line, int b1, int b2) {
    scan.firstBadLine = line;
    scan.badBytes = b2 < 0 ? String.format("0x%02X", b1) : String.format("0x%02X 0x%02X", b1, b2);
    return scan;
  }

  /** The 1-based line of the first byte sequence {@code charset} cannot decode, or -1 when it decodes whole. */
  static long firstMalformedLine(Path file, Charset charset) throws IOException {
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.allocate(BUFFER);
    CharBuffer out = CharBuffer.allocate(BUFFER);
    long line = 1;
    try (InputStream stream = Files.newInputStream(file)) {
      boolean end = false;
      while (true) {
        if (!end) {
          int n = stream.read(in.array(), in.position(), in.remaining());
          if (n < 0) {
            end = true;
          } else {
            in.position(in.position() + n);
          }
        }
        in.flip();
        CoderResult result = decoder.decode(in, out, end);
        out.flip();
        line += newlines(out);
        out.clear();
        if (result.isError()) {
          return line;
        }
        in.compact();
        if (end && result.isUnderflow()) {
          break;
        }
      }
      CoderResult result = decoder.flush(out);
      return result.isError() ? line : -1;
    }
  }

  private static long newlines(CharBuffer chars) {
    long count = 0;
    for (int i = chars.position(); i < chars.limit(); i++) {
      if (chars.get(i) == '\n') {
        count++;
      }
    }
    return count;
  }
}
