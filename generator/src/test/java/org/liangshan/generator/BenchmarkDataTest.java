package org.liangshan.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liangshan.core.region.Region;
import org.liangshan.core.region.Regions;

class BenchmarkDataTest {
  private final Region tianjin = Regions.load("tianjin");

  @Test
  void aResolutionGivesAPixelOfThatAreaAtTheRegionsLatitude() {
    double pixel = BenchmarkData.pixelDegreesForResolution(tianjin, 30);
    double latitude = Math.toRadians((tianjin.envelope().getMinY() + tianjin.envelope().getMaxY()) / 2);
    double metresPerDegree = Math.toRadians(1) * 6_371_008.8;
    double area = (pixel * metresPerDegree) * (pixel * metresPerDegree * Math.cos(latitude));
    assertThat(area).isCloseTo(900.0, within(1e-6));
  }

  @Test
  void scenesAtOneKilometreCoverTheRegionsAreaAndAreReproducible(@TempDir Path dir) throws Exception {
    double pixel = BenchmarkData.pixelDegreesForResolution(tianjin, 1000);
    BenchmarkData.Scenes first = BenchmarkData.monthlyNdvi(dir.resolve("a"), tianjin, 2024, pixel, m -> { });
    BenchmarkData.Scenes second = BenchmarkData.monthlyNdvi(dir.resolve("b"), tianjin, 2024, pixel, m -> { });
    assertThat(first.files()).hasSize(12);
    // Pixels centred inside the region, each about 1 km², add up to the region's area within 3 %.
    assertThat((double) first.insidePixels()).isCloseTo(tianjin.seedAreaKm2(), within(0.03 * tianjin.seedAreaKm2()));
    assertThat(first.pixels()).isEqualTo((long) first.width() * first.height()).isGreaterThan(first.insidePixels());
    for (int i = 0; i < 12; i++) {
      assertThat(Files.readAllBytes(first.files().get(i))).isEqualTo(Files.readAllBytes(second.files().get(i)));
    }
  }
}
