package org.liangshan.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LakehouseConfigTest {
  private final LakehouseConfig local = new LakehouseConfig("file:/data/lake/", "local[2]", Map.of());
  private final LakehouseConfig bucket = new LakehouseConfig("s3a://eco-bucket/lake", "local[2]", Map.of());

  @Test
  void aPlainPathBecomesAnAbsoluteFileUriWithoutTrailingSlash() {
    LakehouseConfig config = new LakehouseConfig("some/dir/", "local[2]", Map.of());
    assertThat(config.root()).isEqualTo("file:" + Path.of("some/dir").toAbsolutePath().normalize());
    assertThat(local.root()).isEqualTo("file:/data/lake");
  }

  @Test
  void filesUnderTheRootAreStoredRelativeAndResolveAgainstWhicheverRootReadsThem() {
    String stored = local.relativize("file:/data/lake/bronze/rasters/liyang/ndvi/ndvi_202406.tif");
    assertThat(stored).isEqualTo("bronze/rasters/liyang/ndvi/ndvi_202406.tif");
    assertThat(local.resolve(stored)).isEqualTo("file:/data/lake/bronze/rasters/liyang/ndvi/ndvi_202406.tif");
    // The same row read from a copy of the lakehouse in a bucket names the bucket's file, not the old disk's.
    assertThat(bucket.resolve(stored)).isEqualTo("s3a://eco-bucket/lake/bronze/rasters/liyang/ndvi/ndvi_202406.tif");
    assertThat(bucket.relativize("s3a://eco-bucket/lake/bronze/x.tif")).isEqualTo("bronze/x.tif");
  }

  @Test
  void filesOutsideTheRootAndOlderAbsoluteLocationsStayAsTheyAre() {
    // A sibling directory whose name starts with the root's name is not under the root.
    assertThat(local.relativize("file:/data/lake2/bronze/x.tif")).isEqualTo("file:/data/lake2/bronze/x.tif");
    assertThat(local.relativize("s3a://eco-bucket/lake/bronze/x.tif")).isEqualTo("s3a://eco-bucket/lake/bronze/x.tif");
    assertThat(bucket.resolve("file:/data/lake/bronze/x.tif")).isEqualTo("file:/data/lake/bronze/x.tif");
    assertThat(bucket.resolve("/data/lake/bronze/x.tif")).isEqualTo("/data/lake/bronze/x.tif");
    assertThat(LakehouseConfig.isAbsolute("bronze/rasters/a.tif")).isFalse();
    assertThat(LakehouseConfig.isAbsolute("hdfs://nn:8020/lake/a.tif")).isTrue();
  }
}
