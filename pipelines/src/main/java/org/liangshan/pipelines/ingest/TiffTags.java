package org.liangshan.pipelines.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the tag numbers of a TIFF's first image directory (classic TIFF and BigTIFF, either byte order), to
 * tell a plain TIFF from a GeoTIFF before any image reader sees it.
 */
final class TiffTags {
  /** GeoKeyDirectoryTag: where a GeoTIFF declares its coordinate reference system. */
  static final int GEO_KEY_DIRECTORY = 34735;

  private static final int MAX_ENTRIES = 65_535;

  private TiffTags() {}

  /**
   * True when the file is a TIFF (valid header and first directory) whose first directory has no
   * GeoKeyDirectory tag; false when it has one, and false when the file is not a readable TIFF at all (the
   * GeoTIFF reader then refuses it with its own reason).
   */
  static boolean isTiffWithoutGeoKeys(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer header = read(channel, 0, 16, ByteOrder.LITTLE_ENDIAN);
      if (header == null) {
        return false;
      }
      ByteOrder order;
      if (header.get(0) == 'I' && header.get(1) == 'I') {
        order = ByteOrder.LITTLE_ENDIAN;
      } else if (header.get(0) == 'M' && header.get(1) == 'M') {
        order = ByteOrder.BIG_ENDIAN;
      } else {
        return false;
      }
      header.order(order);
      int magic = Short.toUnsignedInt(header.getShort(2));
      boolean big = magic == 43;
      if (magic != 42 && !big) {
        return false;
      }
      long offset = big ? header.getLong(8) : Integer.toUnsignedLong(header.getInt(4));
      ByteBuffer count = read(channel, offset, big ? 8 : 2, order);
      if (count == null) {
        return false;
      }
      long entries = big ? count.getLong(0) : Short.toUnsignedInt(count.getShort(0));
      if (entries <= 0 || entries > MAX_ENTRIES) {
        return false;
      }
      int size = big ? 20 : 12;
      ByteBuffer directory = read(channel, offset + (big ? 8 : 2), (int) entries * size, order);
      if (directory == null) {
        return false;
      }
      for (int i = 0; i < entries; i++) {
        if (Short.toUnsignedInt(directory.getShort(i * size)) == GEO_KEY_DIRECTORY) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static ByteBuffer read(FileChannel channel, long position, int length, ByteOrder order) throws IOException {
    if (position < 0 || position + length > channel.size()) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.allocate(length).order(order);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        return null;
      }
    }
    return buffer;
  }
}
