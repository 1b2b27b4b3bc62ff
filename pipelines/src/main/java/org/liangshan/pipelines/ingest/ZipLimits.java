package org.liangshan.pipelines.ingest;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.liangshan.pipelines.source.LandingSpec;

/**
 * Bounds what a zipped delivery (a zipped Shapefile, an .xlsx workbook) may make the loader unpack, before
 * anything reads it: the number of entries, their total uncompressed bytes and each entry's compression
 * ratio (the policy of spec/landing-families.yaml). The entries are inflated and counted, not taken from the
 * sizes the archive declares, which a zip bomb can falsify; the check stops at the first byte over a bound.
 */
final class ZipLimits {
  /** Bytes an entry may inflate to before its ratio is judged: small files compress unevenly (POI's grace is 100 KB). */
  static final long GRACE_BYTES = 1 << 20;

  private ZipLimits() {}

  /**
   * Reads the whole archive through, counting.
   *
   * @throws FileRejected naming the file, the bound and the declared limit
   */
  static void check(Path zip, String name, LandingSpec.Policy policy) throws FileRejected {
    byte[] buffer = new byte[1 << 16];
    try (Counting raw = new Counting(new BufferedInputStream(Files.newInputStream(zip)));
        ZipInputStream entries = new ZipInputStream(raw)) {
      int count = 0;
      long total = 0;
      ZipEntry entry;
      while ((entry = entries.getNextEntry()) != null) {
        if (++count > policy.zipMaxEntries()) {
          throw new FileRejected(name, "holds more than " + policy.zipMaxEntries() + " entries (policy zip-max-entries);"
              + " deliver one layer or one workbook per zip");
        }
        long compressedStart = raw.count;
        long inflated = 0;
        int n;
        while ((n = entries.read(buffer)) > 0) {
          inflated += n;
          total += n;
          if (total > policy.zipMaxUncompressedBytes()) {
            throw new FileRejected(name, "unpacks to more than " + policy.zipMaxUncompressedBytes()
                + " bytes (policy zip-max-uncompressed-bytes); split the delivery");
          }
          long compressed = Math.max(1, raw.count - compressedStart);
          if (inflated > GRACE_BYTES && inflated > policy.zipMaxRatio() * compressed) {
            throw new FileRejected(name, "entry " + entry.getName() + " inflates more than " + policy.zipMaxRatio()
                + " times its compressed size (policy zip-max-ratio): refused as a zip bomb");
          }
        }
      }
      if (count == 0) {
        throw new FileRejected(name, "is not a zip archive, or an empty one");
      }
    } catch (ZipException e) {
      throw new FileRejected(name, "is not a readable zip (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new FileRejected(name, "cannot be read: " + e.getMessage());
    }
  }

  /** Counts the compressed bytes the inflater has consumed. */
  private static final class Counting extends FilterInputStream {
    private long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }
}
