package org.liangshan.pipelines.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liangshan.pipelines.source.LandingSpec;
import org.liangshan.pipelines.source.SourceFamilies;

/**
 * The size bounds of a delivery, with files made here: a zip bomb (64 MiB of zeros deflated to about
 * 64 KB, a ratio near 1,000), a zip with too many entries or too many bytes, and an oversized GeoJSON.
 * Each is refused with the bound it broke, before any parser reads it.
 */
class SizeLimitsTest {
  @TempDir Path dir;

  /** The declared policy (spec/landing-families.yaml). */
  private static final LandingSpec.Policy DECLARED = SourceFamilies.spec().policy();

  private static LandingSpec.Policy policy(int entries, long bytes, long geojsonBytes) {
    return new LandingSpec.Policy(0.2, entries, bytes, 100, geojsonBytes, "test", true);
  }

  /** A zip of {@code entries} entries named zones.xxx, each {@code bytes} of zeros (or random bytes). */
  private Path zip(String name, int entries, int bytes, boolean random) throws IOException {
    Path file = dir.resolve(name);
    byte[] chunk = new byte[1 << 16];
    Random seeded = new Random(17);
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (int e = 0; e < entries; e++) {
        zip.putNextEntry(new ZipEntry("zones/zones." + e));
        for (int written = 0; written < bytes; written += chunk.length) {
          if (random) {
            seeded.nextBytes(chunk);
          }
          zip.write(chunk, 0, Math.min(chunk.length, bytes - written));
        }
        zip.closeEntry();
      }
    }
    return file;
  }

  @Test
  void theDeclaredPolicyBoundsEveryKind() {
    assertThat(DECLARED.zipMaxEntries()).isEqualTo(1000);
    assertThat(DECLARED.zipMaxUncompressedBytes()).isEqualTo(512L << 20);
    assertThat(DECLARED.zipMaxRatio()).isEqualTo(100);
    assertThat(DECLARED.geojsonMaxBytes()).isEqualTo(256L << 20);
    assertThat(DECLARED.illustrative()).isTrue();
  }

  @Test
  void aZipBombIsRefusedByItsRatioUnderTheDeclaredPolicy() throws IOException {
    Path bomb = zip("zones.zip", 1, 64 << 20, false);
    assertThat(Files.size(bomb)).isLessThan(200_000);
    assertThatThrownBy(() -> ZipLimits.check(bomb, "liyang/vectors/zones.zip", DECLARED))
        .isInstanceOf(FileRejected.class)
        .hasMessage("liyang/vectors/zones.zip: entry zones/zones.0 inflates more than 100 times its compressed size"
            + " (policy zip-max-ratio): refused as a zip bomb");
    // The same through the Shapefile reader, which checks before unpacking.
    assertThatThrownBy(() -> ShapefileFile.read(bomb, "liyang/vectors/zones.zip", DECLARED))
        .isInstanceOf(FileRejected.class)
        .hasMessageEndingWith("refused as a zip bomb");
  }

  @Test
  void anXlsxBombIsRefusedBeforePoiOpensIt() throws IOException {
    Path bomb = zip("2024.xlsx", 1, 64 << 20, false);
    assertThatThrownBy(() -> XlsxFile.read(bomb, "liyang/hydrology/2024.xlsx", DECLARED))
        .isInstanceOf(FileRejected.class)
        .hasMessageEndingWith("(policy zip-max-ratio): refused as a zip bomb");
  }

  @Test
  void tooManyEntriesOrTooManyBytesAreRefused() throws Exception {
    Path many = zip("many.zip", 4, 10, true);
    assertThatThrownBy(() -> ZipLimits.check(many, "liyang/vectors/many.zip", policy(3, 1 << 20, 1000)))
        .isInstanceOf(FileRejected.class)
        .hasMessage("liyang/vectors/many.zip: holds more than 3 entries (policy zip-max-entries); deliver one layer or one workbook per zip");
    // Random bytes do not compress: 3 entries of 4,000 bytes, ratio about 1, but 12,000 bytes in all.
    Path large = zip("large.zip", 3, 4000, true);
    assertThatThrownBy(() -> ZipLimits.check(large, "liyang/vectors/large.zip", policy(10, 10_000, 1000)))
        .isInstanceOf(FileRejected.class)
        .hasMessage("liyang/vectors/large.zip: unpacks to more than 10000 bytes (policy zip-max-uncompressed-bytes); split the delivery");
    // Within every bound it passes.
    ZipLimits.check(large, "liyang/vectors/large.zip", policy(3, 12_000, 1000));
  }

  @Test
  void aGeoJsonLargerThanTheBoundIsRefusedBeforeItIsParsed() throws Exception {
    Path file = dir.resolve("zones.geojson");
    String feature = "{\"type\":\"Feature\",\"properties\":{\"zone_id\":\"LY-WFZ-01\"},\"geometry\":null}";
    Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[" + feature + "," + feature + "]}");
    long size = Files.size(file);
    assertThatThrownBy(() -> GeoJsonFile.read(file, "liyang/vectors/zones.geojson", policy(10, 1000, size - 1)))
        .isInstanceOf(FileRejected.class)
        .hasMessage("liyang/vectors/zones.geojson: is " + size + " bytes, more than the " + (size - 1)
            + " a GeoJSON delivery may have (policy geojson-max-bytes); split the layer into several files");
    assertThat(GeoJsonFile.read(file, "liyang/vectors/zones.geojson", policy(10, 1000, size)).records()).hasSize(2);
  }
}
