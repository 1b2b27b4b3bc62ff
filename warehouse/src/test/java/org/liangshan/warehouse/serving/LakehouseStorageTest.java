package org.liangshan.warehouse.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liangshan.core.LiangshanException;
import org.liangshan.warehouse.LakehouseConfig;

class LakehouseStorageTest {
  private static final Map<String, String> LOCAL_STORE = Map.of(
      "spark.hadoop.fs.s3a.endpoint", "http://127.0.0.1:9000",
      "spark.hadoop.fs.s3a.endpoint.region", "us-east-1",
      "spark.hadoop.fs.s3a.path.style.access", "true");
  private static final Map<String, String> KEYS = Map.of("AWS_ACCESS_KEY_ID", "key-id", "AWS_SECRET_ACCESS_KEY", "the-secret");

  private static LakehouseStorage storage(String root, Map<String, String> sparkConf, Map<String, String> env) {
    return LakehouseStorage.of(new LakehouseConfig(root, LakehouseConfig.DEFAULT_MASTER, sparkConf), env);
  }

  @Test
  void aDirectoryIsReadThroughTheNativeLocalFileSystemRootedAtIt() {
    LakehouseStorage storage = storage("file:/data/lake", Map.of(), Map.of());
    assertThat(storage).isEqualTo(new LakehouseStorage.Local(Path.of("/data/lake")));
    assertThat(storage.tableRoot()).isEqualTo("local://");
    assertThat(storage.catalogProperties()).containsEntry("fs.native-local.enabled", "true")
        .containsEntry("local.location", "/data/lake")
        .containsEntry("hive.metastore.catalog.dir", "local:///_trino_metastore")
        .doesNotContainKey("fs.native-s3.enabled");
  }

  @Test
  void aBucketIsReadThroughTheNativeS3FileSystemWithTheS3aSettingsAndTheEnvironmentsKeys() {
    LakehouseStorage storage = storage("s3a://lake-bucket/demo/", LOCAL_STORE, KEYS);
    assertThat(storage.root()).isEqualTo("s3a://lake-bucket/demo");
    assertThat(storage.tableRoot()).isEqualTo("s3://lake-bucket/demo");
    // Trino 476, "S3 file system support": fs.native-s3.enabled, s3.endpoint, s3.region, s3.path-style-access,
    // s3.aws-access-key, s3.aws-secret-key.
    assertThat(storage.catalogProperties()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "connector.name", "delta_lake",
        "hive.metastore", "file",
        "hive.metastore.catalog.dir", "s3://lake-bucket/demo/_trino_metastore",
        "delta.register-table-procedure.enabled", "true",
        "fs.native-s3.enabled", "true",
        "s3.endpoint", "http://127.0.0.1:9000",
        "s3.region", "us-east-1",
        "s3.path-style-access", "true",
        "s3.aws-access-key", "key-id",
        "s3.aws-secret-key", "the-secret"));
    assertThat(storage.toString()).doesNotContain("the-secret");
  }

  @Test
  void withoutKeysInTheEnvironmentTrinoUsesItsDefaultAwsCredentials() {
    LakehouseStorage storage = storage("s3a://lake-bucket", Map.of(), Map.of("AWS_REGION", "cn-north-1"));
    assertThat(storage.tableRoot()).isEqualTo("s3://lake-bucket");
    assertThat(storage.catalogProperties()).containsEntry("s3.region", "cn-north-1")
        .containsEntry("s3.path-style-access", "false")
        .doesNotContainKeys("s3.endpoint", "s3.aws-access-key", "s3.aws-secret-key");
  }

  @Test
  void anEndpointWithoutSchemeTakesHttpsUnlessSslIsOff() {
    assertThat(storage("s3a://lake-bucket/x", Map.of("spark.hadoop.fs.s3a.endpoint", "minio:9000",
        "spark.hadoop.fs.s3a.endpoint.region", "r"), Map.of()).catalogProperties())
        .containsEntry("s3.endpoint", "https://minio:9000");
    assertThat(storage("s3a://lake-bucket/x", Map.of("spark.hadoop.fs.s3a.endpoint", "minio:9000",
        "spark.hadoop.fs.s3a.endpoint.region", "r", "spark.hadoop.fs.s3a.connection.ssl.enabled", "false"), Map.of())
        .catalogProperties()).containsEntry("s3.endpoint", "http://minio:9000");
  }

  @Test
  void aKeyOnTheCommandLineIsRefused() {
    assertThatThrownBy(() -> storage("s3a://lake-bucket/demo", Map.of("spark.hadoop.fs.s3a.secret.key", "the-secret",
        "spark.hadoop.fs.s3a.endpoint.region", "us-east-1"), Map.of()))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("spark.hadoop.fs.s3a.secret.key was given on the command line, where every user of this machine can read it. "
            + "Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment instead.");
  }

  @Test
  void aBucketWithoutRegionOrWithHalfAKeyIsRefused() {
    assertThatThrownBy(() -> storage("s3a://lake-bucket/demo", Map.of(), Map.of()))
        .hasMessage("No S3 region for s3a://lake-bucket/demo: pass --spark-conf spark.hadoop.fs.s3a.endpoint.region=REGION "
            + "(any value, e.g. us-east-1, for most S3-compatible stores) or set AWS_REGION.");
    assertThatThrownBy(() -> storage("s3a://lake-bucket/demo", LOCAL_STORE, Map.of("AWS_ACCESS_KEY_ID", "key-id")))
        .hasMessageStartingWith("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not");
  }

  @Test
  void otherFileSystemsAreRefusedWithTheWayOut() {
    assertThatThrownBy(() -> storage("hdfs://namenode/lake", Map.of(), Map.of()))
        .hasMessage("The local Trino serves a lakehouse in a directory or an S3 bucket (s3a://), not hdfs://namenode/lake. "
            + "Point an existing Trino at it and pass --url and --table-root.");
  }
}
