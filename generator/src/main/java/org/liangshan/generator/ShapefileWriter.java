package org.liangshan.generator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes a polygon layer as an ESRI Shapefile (.shp, .shx, .dbf, .prj, .cpg) inside one zip, the way
 * surveying bureaus deliver boundaries. Deterministic: the dBase date is fixed by the caller and zip
 * entries carry a fixed time, so the same features give the same bytes. Attribute text is encoded in the
 * declared code page (the .cpg names it), character fields only.
 */
final class ShapefileWriter {
  /** One feature: attribute values in field order, and a Polygon or MultiPolygon. */
  record Feature(List<String> values, Geometry geometry) {}

  private static final int POLYGON = 5;

  private final String layer;
  private final Map<String, Integer> fields = new LinkedHashMap<>();
  private final String prjWkt;
  private final Charset charset;
  private final String codePage;
  private final int year;
  private final List<Feature> features = new ArrayList<>();

  /**
   * @param fields dBase character field names (at most 10 ASCII characters) and widths in bytes
   * @param codePage the .cpg text, e.g. "GBK"
   * @param year the dBase "last update" year; month and day are written as 01-01
   */
  ShapefileWriter(String layer, Map<String, Integer> fields, String prjWkt, Charset charset, String codePage, int year) {
    this.layer = layer;
    this.fields.putAll(fields);
    this.prjWkt = prjWkt;
    this.charset = charset;
    this.codePage = codePage;
    this.year = year;
  }

  void add(List<String> values, Geometry geometry) {
    if (values.size() != fields.size()) {
      throw new IllegalArgumentException("feature has " + values.size() + " values for " + fields.size() + " fields");
    }
    features.add(new Feature(List.copyOf(values), geometry));
  }

  /** Writes {@code <layer>.zip} holding the five files. */
  void writeZip(Path zip) throws IOException {
    try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
      entry(out, layer + ".shp", shp(false));
      entry(out, layer + ".shx", shp(true));
      entry(out, layer + ".dbf", dbf());
      entry(out, layer + ".prj", prjWkt.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      entry(out, layer + ".cpg", codePage.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
  }

  private static void entry(ZipOutputStream out, String name, byte[] bytes) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(946_684_800_000L); // 2000-01-01, fixed so the zip is byte-identical between runs
    out.putNextEntry(entry);
    out.write(bytes);
    out.closeEntry();
  }

  /** The main file, or with {@code index} its .shx index. */
  private byte[] shp(boolean index) {
    List<byte[]> contents = new ArrayList<>();
    Envelope all = new Envelope();
    for (Feature feature : features) {
      contents.add(polygonContent(feature.geometry()));
      all.expandToInclude(feature.geometry().getEnvelopeInternal());
    }
    int length = 100;
    for (byte[] content : contents) {
      length += index ? 8 : 8 + content.length;
    }
    ByteBuffer out = ByteBuffer.allocate(length);
    header(out, length, all);
    int offset = 100;
    for (int i = 0; i < contents.size(); i++) {
      byte[] content = contents.get(i);
      out.order(ByteOrder.BIG_ENDIAN);
      if (index) {
        out.putInt(offset / 2).putInt(content.length / 2);
      } else {
        out.putInt(i + 1).putInt(content.length / 2).put(content);
      }
      offset += 8 + content.length;
    }
    return out.array();
  }

  private static void header(ByteBuffer out, int length, Envelope box) {
    out.order(ByteOrder.BIG_ENDIAN).putInt(9994);
    for (int i = 0; i < 5; i++) {
      out.putInt(0);
    }
    out.putInt(length / 2);
    out.order(ByteOrder.LITTLE_ENDIAN).putInt(1000).putInt(POLYGON);
    out.putDouble(box.getMinX()).putDouble(box.getMinY()).putDouble(box.getMaxX()).putDouble(box.getMaxY());
    out.putDouble(0).putDouble(0).putDouble(0).putDouble(0);
  }

  /** A polygon record's content: shells clockwise, holes counter-clockwise (the shapefile convention). */
  private static byte[] polygonContent(Geometry geometry) {
    List<Coordinate[]> rings = new ArrayList<>();
    for (int i = 0; i < geometry.getNumGeometries(); i++) {
      Polygon polygon = (Polygon) geometry.getGeometryN(i).norm();
      rings.add(polygon.getExteriorRing().getCoordinates());
      for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
        rings.add(polygon.getInteriorRingN(h).getCoordinates());
      }
    }
    int points = rings.stream().mapToInt(r -> r.length).sum();
    ByteBuffer out = ByteBuffer.allocate(4 + 32 + 8 + 4 * rings.size() + 16 * points).order(ByteOrder.LITTLE_ENDIAN);
    Envelope box = geometry.getEnvelopeInternal();
    out.putInt(POLYGON).putDouble(box.getMinX()).putDouble(box.getMinY()).putDouble(box.getMaxX()).putDouble(box.getMaxY());
    out.putInt(rings.size()).putInt(points);
    int start = 0;
    for (Coordinate[] ring : rings) {
      out.putInt(start);
      start += ring.length;
    }
    for (Coordinate[] ring : rings) {
      for (Coordinate c : ring) {
        out.putDouble(c.x).putDouble(c.y);
      }
    }
    return out.array();
  }

  private byte[] dbf() {
    int recordLength = 1 + fields.values().stream().mapToInt(Integer::intValue).sum();
    int headerLength = 32 + 32 * fields.size() + 1;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ByteBuffer head = ByteBuffer.allocate(headerLength).order(ByteOrder.LITTLE_ENDIAN);
    head.put((byte) 0x03).put((byte) (year - 1900)).put((byte) 1).put((byte) 1);
    head.putInt(features.size()).putShort((short) headerLength).putShort((short) recordLength);
    head.put(new byte[17]);
    head.put((byte) (charset.name().equals("GBK") ? 0x4D : 0x00)); // language driver: 0x4D = code page 936
    head.put(new byte[2]);
    for (Map.Entry<String, Integer> field : fields.entrySet()) {
      byte[] name = new byte[11];
      byte[] ascii = field.getKey().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      System.arraycopy(ascii, 0, name, 0, Math.min(10, ascii.length));
      head.put(name).put((byte) 'C').putInt(0).put((byte) (int) field.getValue()).put((byte) 0).put(new byte[14]);
    }
    head.put((byte) 0x0D);
    bytes.writeBytes(head.array());
    for (Feature feature : features) {
      bytes.write(' ');
      int i = 0;
      for (int width : fields.values()) {
        byte[] value = feature.values().get(i++).getBytes(charset);
        if (value.length > width) {
          throw new IllegalArgumentException("value '" + feature.values().get(i - 1) + "' is wider than its field (" + width + " bytes)");
        }
        bytes.writeBytes(value);
        for (int pad = value.length; pad < width; pad++) {
          bytes.write(' ');
        }
      }
    }
    bytes.write(0x1A);
    return bytes.toByteArray();
  }
}
