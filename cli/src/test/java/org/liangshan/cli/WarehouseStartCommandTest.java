package org.liangshan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code warehouse start} on a bucket refuses what would leak or cannot work before it reads the bucket or starts a
 * Trino (the start that succeeds is ObjectStorageIT's).
 */
class WarehouseStartCommandTest {
  private static CalcCommandTest.Result start(String... extra) throws Exception {
    Path serving = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "warehouse-start");
    String[] args = new String[extra.length + 6];
    System.arraycopy(new String[] {"warehouse", "start", "--lakehouse", "s3a://lake-bucket/demo", "--serving-dir",
        serving.toString()}, 0, args, 0, 6);
    System.arraycopy(extra, 0, args, 6, extra.length);
    return CalcCommandTest.run(args);
  }

  @Test
  void aSecretKeyOnTheCommandLineIsRefused() throws Exception {
    CalcCommandTest.Result result = start("--spark-conf", "spark.hadoop.fs.s3a.endpoint.region=us-east-1",
        "--spark-conf", "spark.hadoop.fs.s3a.secret.key=not-here");
    assertThat(result.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(result.err()).contains("spark.hadoop.fs.s3a.secret.key was given on the command line")
        .contains("Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment instead.")
        .doesNotContain("not-here");
  }

  @Test
  void aBucketWithoutARegionIsRefused() throws Exception {
    CalcCommandTest.Result result = start("--spark-conf", "spark.hadoop.fs.s3a.endpoint=http://127.0.0.1:9");
    assertThat(result.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(result.err()).contains("No S3 region for s3a://lake-bucket/demo");
  }
}
