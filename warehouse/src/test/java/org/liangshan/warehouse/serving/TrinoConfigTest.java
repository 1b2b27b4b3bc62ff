package org.liangshan.warehouse.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrinoConfigTest {
  @TempDir Path dir;

  private TrinoConfig config(int port, int internalPort, String heap) {
    return new TrinoConfig(port, internalPort, dir.resolve("lakehouse"), dir.resolve("var"), heap,
        dir.resolve("tls/keystore.p12"), "keystore-password-0123", "shared-secret-0123456789",
        dir.resolve("etc/password.db"), dir.resolve("etc/rules.json"));
  }

  private static Properties properties(String text) throws IOException {
    Properties properties = new Properties();
    properties.load(new StringReader(text));
    return properties;
  }

  @Test
  void clientsGetHttpsWithPasswordsAndInternalTrafficStaysOnTheSharedSecretPort() throws IOException {
    Properties config = properties(config(18080, 18081, "2G").files().get("config.properties"));
    assertThat(config.getProperty("http-server.https.enabled")).isEqualTo("true");
    assertThat(config.getProperty("http-server.https.port")).isEqualTo("18080");
    assertThat(config.getProperty("http-server.https.keystore.path")).isEqualTo(dir.resolve("tls/keystore.p12").toString());
    assertThat(config.getProperty("http-server.authentication.type")).isEqualTo("PASSWORD");
    assertThat(config.getProperty("http-server.http.port")).isEqualTo("18081");
    assertThat(config.getProperty("discovery.uri")).isEqualTo("http://127.0.0.1:18081");
    assertThat(config.getProperty("internal-communication.shared-secret")).isEqualTo("shared-secret-0123456789");
    assertThat(config.getProperty("coordinator")).isEqualTo("true");
    assertThat(config.getProperty("node-scheduler.include-coordinator")).isEqualTo("true");
  }

  @Test
  void theDeltaCatalogReadsTheLakehouseThroughTheNativeLocalFileSystem() throws IOException {
    Properties catalog = properties(config(18080, 18081, "2G").files().get("catalog/delta.properties"));
    assertThat(catalog).containsEntry("connector.name", "delta_lake")
        .containsEntry("hive.metastore", "file")
        .containsEntry("hive.metastore.catalog.dir", "local:///_trino_metastore")
        .containsEntry("fs.native-local.enabled", "true")
        .containsEntry("local.location", dir.resolve("lakehouse").toString())
        .containsEntry("delta.register-table-procedure.enabled", "true");
  }

  @Test
  void nodeIsBoundToLoopbackAndAccessIsFileBased() throws IOException {
    Map<String, String> files = config(18080, 18081, "2G").files();
    Properties node = properties(files.get("node.properties"));
    assertThat(node).containsEntry("node.bind-ip", "127.0.0.1").containsEntry("node.internal-address", "127.0.0.1")
        .containsEntry("node.data-dir", dir.resolve("var").toString());
    assertThat(properties(files.get("password-authenticator.properties")))
        .containsEntry("password-authenticator.name", "file")
        .containsEntry("file.password-file", dir.resolve("etc/password.db").toString());
    assertThat(properties(files.get("access-control.properties")))
        .containsEntry("access-control.name", "file")
        .containsEntry("security.config-file", dir.resolve("etc/rules.json").toString());
    assertThat(files.get("jvm.config").lines()).contains("-Xmx2G", "-XX:+ExitOnOutOfMemoryError");
  }

  @Test
  void aBucketsCatalogHoldsItsKeyInAnOwnerOnlyFile() throws IOException {
    LakehouseStorage bucket = LakehouseStorage.of(new org.liangshan.warehouse.LakehouseConfig("s3a://lake-bucket/demo", "local[2]",
        Map.of("spark.hadoop.fs.s3a.endpoint.region", "us-east-1")),
        Map.of("AWS_ACCESS_KEY_ID", "key-id", "AWS_SECRET_ACCESS_KEY", "the-secret"));
    TrinoConfig config = new TrinoConfig(18080, 18081, bucket, dir.resolve("var"), "2G", dir.resolve("tls/keystore.p12"),
        "keystore-password-0123", "shared-secret-0123456789", dir.resolve("etc/password.db"), dir.resolve("etc/rules.json"));
    Path etc = dir.resolve("etc");
    config.write(etc);
    Path catalog = etc.resolve("catalog/delta.properties");
    assertThat(Files.getPosixFilePermissions(catalog)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(properties(Files.readString(catalog))).containsEntry("fs.native-s3.enabled", "true")
        .containsEntry("s3.aws-secret-key", "the-secret")
        .doesNotContainKey("fs.native-local.enabled");
  }

  @Test
  void writeLeavesEverySecretFileOwnerOnly() throws IOException {
    Path etc = dir.resolve("etc");
    config(18080, 18081, "1536M").write(etc);
    assertThat(Files.getPosixFilePermissions(etc)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(Files.getPosixFilePermissions(etc.resolve("config.properties"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.readString(etc.resolve("catalog/delta.properties"))).contains("connector.name=delta_lake");
    assertThat(Files.readString(etc.resolve("jvm.config"))).contains("-Xmx1536M");
  }

  @Test
  void badSettingsAreRefusedWithTheValue() {
    assertThatThrownBy(() -> config(18080, 18080, "2G")).hasMessage("The HTTPS port and the internal port must differ (both 18080).");
    assertThatThrownBy(() -> config(0, 18081, "2G")).hasMessage("Invalid port 0 (expected 1..65535).");
    assertThatThrownBy(() -> config(18080, 18081, "2 GB")).hasMessage("Invalid Trino heap '2 GB' (expected e.g. 2G or 1536M).");
  }
}
