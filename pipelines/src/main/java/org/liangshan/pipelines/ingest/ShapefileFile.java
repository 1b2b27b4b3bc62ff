package org.liangshan.pipelines.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.geometry.jts.JTS;
import org.geotools.referencing.CRS;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTWriter;

/**
 * A polygon Shapefile seen as records, like {@link GeoJsonFile}: one per shape (its record number is the
 * "line"), the dBase attributes as columns and the geometry, reprojected from the .prj's CRS to WGS 84
 * lon/lat, as a last column in WKT. Delivered as {@code <layer>.shp} with its sidecars beside it (or in a
 * folder of their own) or as {@code <layer>.zip} holding them.
 *
 * <p>A strict reader of the two formats (GeoTools' shapefile module is not on Maven Central): the file is
 * refused whole when a sidecar is missing (.shx, .dbf, .prj), the main file is truncated or disagrees with
 * its index, the shape type is not Polygon, the dBase table has another number of records, or the .prj
 * cannot be read. A shape whose rings are not closed, or a hole outside every shell, becomes a record whose
 * geometry is empty text with the reason, so it is quarantined (INVALID_GEOMETRY), not dropped. Attribute
 * text is decoded in the code page of the .cpg (GBK, UTF-8 ...), or of the dBase language driver (0x4D:
 * GBK); without either it must be strict UTF-8.
 */
final class ShapefileFile {
  private static final int POLYGON = 5;
  private static final int NULL_SHAPE = 0;
  private static final GeometryFactory FACTORY = new GeometryFactory();

  /** Prefix of the geometry value that carries a reason instead of a geometry. */
  static final String INVALID = "INVALID:";

  private ShapefileFile() {}

  /** Whether the file is a Shapefile delivery (a .shp, or a .zip holding one). */
  static boolean accepts(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".shp") || name.endsWith(".zip");
  }

  /** The sidecar files that together with the .shp make the delivery, for its fingerprint. */
  static List<Path> parts(Path file) {
    String name = file.getFileName().toString();
    if (!name.toLowerCase(Locale.ROOT).endsWith(".shp")) {
      return List.of(file);
    }
    String stem = name.substring(0, name.length() - 4);
    List<Path> parts = new ArrayList<>();
    for (String extension : List.of("shp", "shx", "dbf", "prj", "cpg")) {
      Path part = sidecar(file.getParent(), stem, extension);
      if (part != null) {
        parts.add(part);
      }
    }
    return parts;
  }

  static GeoJsonFile read(Path file, String name) throws FileRejected {
    return read(file, name, org.liangshan.pipelines.source.SourceFamilies.spec().policy());
  }

  /** Reads a delivery; a zip is first bounded by the policy's zip limits ({@link ZipLimits}). */
  static GeoJsonFile read(Path file, String name, org.liangshan.pipelines.source.LandingSpec.Policy policy) throws FileRejected {
    try {
      if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
        ZipLimits.check(file, name, policy);
        Map<String, byte[]> entries = unzip(file, name);
        return parse(entries, name);
      }
      String fileName = file.getFileName().toString();
      String stem = fileName.substring(0, fileName.length() - 4);
      Map<String, byte[]> parts = new LinkedHashMap<>();
      for (String extension : List.of("shp", "shx", "dbf", "prj", "cpg")) {
        Path part = sidecar(file.getParent(), stem, extension);
        if (part != null) {
          parts.put(extension, Files.readAllBytes(part));
        }
      }
      return parse(parts, name);
    } catch (IOException e) {
      throw new FileRejected(name, "cannot be read: " + e.getMessage());
    }
  }

  private static Path sidecar(Path folder, String stem, String extension) {
    for (String candidate : List.of(stem + "." + extension, stem + "." + extension.toUpperCase(Locale.ROOT))) {
      Path part = folder.resolve(candidate);
      if (Files.isRegularFile(part)) {
        return part;
      }
    }
    return null;
  }

  /** The zip's .shp, .shx, .dbf, .prj and .cpg, by extension; exactly one layer. */
  private static Map<String, byte[]> unzip(Path zip, String name) throws IOException, FileRejected {
    Map<String, byte[]> parts = new LinkedHashMap<>();
    String stem = null;
    try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
      ZipEntry entry;
      while ((entry = entries.getNextEntry()) != null) {
        if (entry.isDirectory()) {
          continue;
        }
        String entryName = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
        int dot = entryName.lastIndexOf('.');
        if (dot <= 0) {
          continue;
        }
        String extension = entryName.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!List.of("shp", "shx", "dbf", "prj", "cpg").contains(extension)) {
          continue;
        }
        String entryStem = entryName.substring(0, dot);
        if (stem != null && !stem.equals(entryStem)) {
          throw new FileRejected(name, "holds more than one layer (" + stem + ", " + entryStem + "); deliver one Shapefile per zip");
        }
        stem = entryStem;
        parts.put(extension, entries.readAllBytes());
      }
    } catch (java.util.zip.ZipException e) {
      throw new FileRejected(name, "is not a readable zip (" + e.getMessage() + ")");
    }
    if (parts.isEmpty()) {
      throw new FileRejected(name, "holds no Shapefile (.shp with .shx, .dbf and .prj)");
    }
    return parts;
  }

  private static GeoJsonFile parse(Map<String, byte[]> parts, String name) throws FileRejected {
    for (String required : List.of("shp", "shx", "dbf", "prj")) {
      if (!parts.containsKey(required)) {
        throw new FileRejected(name, "lacks its ." + required + (required.equals("prj")
            ? " file: without it the coordinate reference system is unknown; deliver the .prj with the .shp"
            : " file; deliver .shp, .shx, .dbf and .prj together"));
      }
    }
    MathTransform toWgs84 = transform(new String(parts.get("prj"), StandardCharsets.ISO_8859_1).strip(), name);
    List<Geometry> shapes = shapes(parts.get("shp"), parts.get("shx"), name);
    Dbf dbf = dbf(parts.get("dbf"), parts.containsKey("cpg") ? new String(parts.get("cpg"), StandardCharsets.US_ASCII).strip() : null, name);
    if (dbf.rows.size() != shapes.size()) {
      throw new FileRejected(name, "the .dbf has " + dbf.rows.size() + " records but the .shp has " + shapes.size()
          + " shapes; they must be delivered together");
    }
    List<String> headers = new ArrayList<>(dbf.fields);
    headers.add("geometry");
    List<CsvFile.Record> records = new ArrayList<>();
    WKTWriter wkt = new WKTWriter();
    for (int i = 0; i < shapes.size(); i++) {
      if (dbf.deleted.get(i)) {
        continue; // deleted in the dBase table: not part of the delivery
      }
      List<String> values = new ArrayList<>(dbf.rows.get(i));
      Geometry shape = shapes.get(i);
      String original;
      String geometry;
      if (shape == null) {
        original = "";
        geometry = "";
      } else if (shape.getUserData() instanceof String reason) {
        original = reason;
        geometry = INVALID + reason;
      } else {
        original = wkt.write(shape);
        try {
          geometry = wkt.write(JTS.transform(shape, toWgs84));
        } catch (Exception e) {
          geometry = INVALID + "cannot be reprojected to WGS 84: " + e.getMessage();
        }
      }
      values.add(geometry);
      StringBuilder text = new StringBuilder("{");
      for (int f = 0; f < dbf.fields.size(); f++) {
        text.append('"').append(dbf.fields.get(f)).append("\":\"").append(values.get(f).replace("\"", "\\\"")).append("\",");
      }
      text.append("\"shape\":\"").append(original).append("\"}");
      records.add(new CsvFile.Record(i + 1, text.toString(), values));
    }
    return new GeoJsonFile(List.copyOf(headers), records);
  }

  private static MathTransform transform(String prj, String name) throws FileRejected {
    CoordinateReferenceSystem source;
    try {
      source = CRS.parseWKT(prj);
    } catch (Exception e) {
      throw new FileRejected(name, "has a .prj that is not a readable coordinate reference system (" + e.getMessage() + ")");
    }
    try {
      CoordinateReferenceSystem lonLat = CRS.decode("EPSG:4326", true);
      return CRS.findMathTransform(source, lonLat, true);
    } catch (Exception e) {
      throw new FileRejected(name, "its CRS (" + source.getName() + ") cannot be transformed to WGS 84: " + e.getMessage());
    }
  }

  /** Shapes in record order: a Polygon or MultiPolygon, null for a null shape, or an empty geometry carrying the reason. */
  private static List<Geometry> shapes(byte[] shp, byte[] shx, String name) throws FileRejected {
    ByteBuffer main = ByteBuffer.wrap(shp);
    int type = header(main, name, ".shp");
    if (type != POLYGON) {
      throw new FileRejected(name, "has shape type " + type + " (" + typeName(type) + "); boundaries and zones must be Polygon (5)");
    }
    long declared = 2L * main.order(ByteOrder.BIG_ENDIAN).getInt(24);
    if (declared != shp.length) {
      throw new FileRejected(name, "the .shp is truncated or padded: its header says " + declared + " bytes, the file has " + shp.length);
    }
    ByteBuffer index = ByteBuffer.wrap(shx);
    header(index, name, ".shx");
    if (2L * index.order(ByteOrder.BIG_ENDIAN).getInt(24) != shx.length || (shx.length - 100) % 8 != 0) {
      throw new FileRejected(name, "the .shx index is truncated");
    }
    int count = (shx.length - 100) / 8;
    List<Geometry> shapes = new ArrayList<>();
    int offset = 100;
    for (int r = 0; r < count; r++) {
      index.order(ByteOrder.BIG_ENDIAN);
      int indexOffset = 2 * index.getInt(100 + 8 * r);
      int indexLength = 2 * index.getInt(104 + 8 * r);
      if (indexOffset != offset || offset + 8 + indexLength > shp.length) {
        throw new FileRejected(name, "record " + (r + 1) + " of the .shx does not match the .shp (offset " + indexOffset + ", expected " + offset + ")");
      }
      main.order(ByteOrder.BIG_ENDIAN);
      int number = main.getInt(offset);
      int length = 2 * main.getInt(offset + 4);
      if (number != r + 1 || length != indexLength) {
        throw new FileRejected(name, "record " + (r + 1) + " of the .shp is numbered " + number + " or sized unlike its index entry");
      }
      shapes.add(polygon(ByteBuffer.wrap(shp, offset + 8, length).slice().order(ByteOrder.LITTLE_ENDIAN), length));
      offset += 8 + length;
    }
    if (offset != shp.length) {
      throw new FileRejected(name, "the .shp has " + (shp.length - offset) + " bytes after its last indexed record");
    }
    return shapes;
  }

  private static int header(ByteBuffer buffer, String name, String part) throws FileRejected {
    if (buffer.capacity() < 100 || buffer.order(ByteOrder.BIG_ENDIAN).getInt(0) != 9994
        || buffer.order(ByteOrder.LITTLE_ENDIAN).getInt(28) != 1000) {
      throw new FileRejected(name, "the " + part + " is not an ESRI Shapefile (no 9994/1000 header)");
    }
    return buffer.order(ByteOrder.LITTLE_ENDIAN).getInt(32);
  }

  private static Geometry polygon(ByteBuffer content, int length) {
    int type = content.getInt(0);
    if (type == NULL_SHAPE) {
      return null;
    }
    if (type != POLYGON || length < 44) {
      return invalid("shape of type " + type + " in a Polygon file");
    }
    int parts = content.getInt(36);
    int points = content.getInt(40);
    if (parts < 1 || points < 4 || 44 + 4L * parts + 16L * points != length) {
      return invalid("record of " + parts + " part(s) and " + points + " point(s) does not fit its " + length + " bytes");
    }
    List<LinearRing> shells = new ArrayList<>();
    List<LinearRing> holes = new ArrayList<>();
    int base = 44 + 4 * parts;
    for (int p = 0; p < parts; p++) {
      int start = content.getInt(44 + 4 * p);
      int end = p + 1 < parts ? content.getInt(44 + 4 * (p + 1)) : points;
      if (start < 0 || end > points || end - start < 4) {
        return invalid("ring " + (p + 1) + " has fewer than 4 points");
      }
      Coordinate[] ring = new Coordinate[end - start];
      for (int i = start; i < end; i++) {
        ring[i - start] = new Coordinate(content.getDouble(base + 16 * i), content.getDouble(base + 16 * i + 8));
      }
      if (!ring[0].equals2D(ring[ring.length - 1])) {
        return invalid("ring " + (p + 1) + " is not closed (its first and last points differ)");
      }
      LinearRing linear = FACTORY.createLinearRing(ring);
      // The shapefile convention: shells clockwise, holes counter-clockwise.
      (Orientation.isCCW(ring) ? holes : shells).add(linear);
    }
    if (shells.isEmpty()) {
      return invalid("no clockwise outer ring (all rings are counter-clockwise holes)");
    }
    List<List<LinearRing>> holesOf = new ArrayList<>();
    for (int s = 0; s < shells.size(); s++) {
      holesOf.add(new ArrayList<>());
    }
    for (LinearRing hole : holes) {
      int owner = -1;
      for (int s = 0; s < shells.size() && owner < 0; s++) {
        if (FACTORY.createPolygon(shells.get(s)).contains(FACTORY.createPoint(hole.getCoordinateN(0)))) {
          owner = s;
        }
      }
      if (owner < 0) {
        return invalid("a hole (counter-clockwise ring) lies outside every outer ring");
      }
      holesOf.get(owner).add(hole);
    }
    Polygon[] polygons = new Polygon[shells.size()];
    for (int s = 0; s < shells.size(); s++) {
      polygons[s] = FACTORY.createPolygon(shells.get(s), holesOf.get(s).toArray(LinearRing[]::new));
    }
    return polygons.length == 1 ? polygons[0] : FACTORY.createMultiPolygon(polygons);
  }

  private static Geometry invalid(String reason) {
    Geometry empty = FACTORY.createPolygon();
    empty.setUserData(reason);
    return empty;
  }

  private static String typeName(int type) {
    return switch (type) {
      case 1 -> "Point";
      case 3 -> "PolyLine";
      case 8 -> "MultiPoint";
      case 15 -> "PolygonZ";
      case 25 -> "PolygonM";
      default -> "not Polygon";
    };
  }

  /** A dBase III table: field names, the text of each record's fields, and deletion flags. */
  private record Dbf(List<String> fields, List<List<String>> rows, List<Boolean> deleted) {}

  private static Dbf dbf(byte[] bytes, String codePage, String name) throws FileRejected {
    if (bytes.length < 33 || (bytes[0] & 0x07) != 0x03) {
      throw new FileRejected(name, "the .dbf is not a dBase III table");
    }
    ByteBuffer head = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int count = head.getInt(4);
    int headerLength = head.getShort(8) & 0xffff;
    int recordLength = head.getShort(10) & 0xffff;
    int languageDriver = bytes[29] & 0xff;
    Charset charset = charset(codePage, languageDriver, name);
    if (headerLength < 33 || headerLength > bytes.length || (long) headerLength + (long) count * recordLength > bytes.length) {
      throw new FileRejected(name, "the .dbf is truncated: " + count + " records of " + recordLength + " bytes do not fit");
    }
    List<String> fields = new ArrayList<>();
    List<int[]> layout = new ArrayList<>();
    int position = 1;
    for (int at = 32; at + 32 <= headerLength && bytes[at] != 0x0D; at += 32) {
      int end = at;
      while (end < at + 11 && bytes[end] != 0) {
        end++;
      }
      fields.add(new String(bytes, at, end - at, StandardCharsets.US_ASCII).strip());
      int width = bytes[at + 16] & 0xff;
      layout.add(new int[] {position, width});
      position += width;
    }
    if (position != recordLength) {
      throw new FileRejected(name, "the .dbf field widths add up to " + position + " bytes but its records have " + recordLength);
    }
    java.nio.charset.CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    List<List<String>> rows = new ArrayList<>();
    List<Boolean> deleted = new ArrayList<>();
    for (int r = 0; r < count; r++) {
      int start = headerLength + r * recordLength;
      deleted.add(bytes[start] == '*');
      List<String> values = new ArrayList<>();
      for (int f = 0; f < layout.size(); f++) {
        int[] field = layout.get(f);
        try {
          values.add(decoder.decode(ByteBuffer.wrap(bytes, start + field[0], field[1])).toString().strip());
        } catch (CharacterCodingException e) {
          throw new FileRejected(name, "record " + (r + 1) + " field " + fields.get(f) + " is not " + charset.name()
              + " text; add a .cpg naming the code page of the attributes (e.g. GBK)");
        }
      }
      rows.add(values);
    }
    return new Dbf(List.copyOf(fields), rows, deleted);
  }

  private static Charset charset(String codePage, int languageDriver, String name) throws FileRejected {
    if (codePage != null && !codePage.isEmpty()) {
      String cp = codePage.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
      switch (cp) {
        case "GBK", "936", "CP936", "GB2312", "ANSI936":
          return CsvFile.GBK;
        case "GB18030":
          return Charset.forName("GB18030");
        case "UTF8", "65001":
          return StandardCharsets.UTF_8;
        default:
          try {
            return Charset.forName(codePage);
          } catch (IllegalArgumentException e) {
            throw new FileRejected(name, "its .cpg names an unknown code page '" + codePage + "'; use GBK or UTF-8");
          }
      }
    }
    return languageDriver == 0x4D || languageDriver == 0x7A ? CsvFile.GBK : StandardCharsets.UTF_8;
  }
}
