package org.liangshan.warehouse.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What 'warehouse start' writes before Trino runs, with the real keytool: every directory and every file holding a
 * secret is owner-only, whatever the process umask, and the configuration Trino reads is the only place (besides the
 * secrets file) the keystore password and shared secret appear.
 */
class TrinoServerFilesTest {
  @TempDir Path parent;

  @Test
  void theServingDirectoryAndEverySecretAreOwnerOnly() throws IOException {
    ServingLayout layout = new ServingLayout(parent.resolve("serving"));
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    TrinoServer server = new TrinoServer(layout, new PrintStream(progress, true, StandardCharsets.UTF_8));
    JavaRuntimes.Jdk jdk = JavaRuntimes.inspect(Path.of(System.getProperty("java.home"))).orElseThrow();
    server.prepare(jdk, new TrinoServer.Options(18443, 18444, parent.resolve("lakehouse"), "1G", "476", parent.resolve("trino-home"),
        Duration.ofSeconds(1)), List.of("LY-B01"));

    for (Path dir : List.of(layout.dir(), layout.etc(), layout.tls(), layout.dataDir(), layout.serverLog().getParent())) {
      assertThat(Files.getPosixFilePermissions(dir)).as(dir.toString()).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }
    for (Path file : List.of(layout.secrets(), layout.keystore(), layout.passwordDb(), layout.rules(), layout.serverLog(),
        layout.etc().resolve("config.properties"), layout.etc().resolve("catalog").resolve("delta.properties"))) {
      assertThat(Files.getPosixFilePermissions(file)).as(file.toString()).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
    assertThat(layout.certificate()).content().startsWith("-----BEGIN CERTIFICATE-----");

    // The secrets are in the secrets file and the config Trino reads, and nowhere in what the start prints.
    Secrets secrets = Secrets.open(layout.secrets(), java.util.Map.of());
    String config = Files.readString(layout.etc().resolve("config.properties"));
    assertThat(config).contains(secrets.keystorePassword()).contains(secrets.sharedSecret());
    String printed = progress.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("generating a self-signed certificate");
    for (String secret : List.of(secrets.keystorePassword(), secrets.sharedSecret(), secrets.password("leadership"),
        secrets.password("bank_ly_b01"))) {
      assertThat(printed).doesNotContain(secret);
      try (Stream<Path> files = Files.walk(layout.dir())) {
        // Nothing under var/ (the log and data directory) holds a secret.
        for (Path file : files.filter(Files::isRegularFile).filter(f -> f.startsWith(layout.dataDir())).toList()) {
          assertThat(Files.readString(file)).as(file.toString()).doesNotContain(secret);
        }
      }
    }
  }
}
