package org.liangshan.warehouse.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
  @TempDir Path dir;

  @Test
  void pbkdf2MatchesTheHashTrinosDocumentationShows() {
    // The PBKDF2 example of Trino's password-file documentation (and its TestPasswordStore): the password
    // "password", salt bytes 5b4240333032306164, 1000 iterations of HMAC-SHA1, 512-bit hash.
    byte[] salt = HexFormat.of().parseHex("5b4240333032306164");
    assertThat(Secrets.pbkdf2("password", salt, 1000)).isEqualTo("1000:5b4240333032306164:"
        + "f38d165fce8ce42f59d366139ef5d9e1ca1247f0e06e503ee1a611dd9ec40876bb5edb8409f5abe5504aab6628e70cfb3d3a18e99d70357d295002c3d0a308a0");
  }

  @Test
  void passwordsAreGeneratedOnceIntoAnOwnerOnlyFileAndKeptAcrossOpens() throws IOException {
    Path file = dir.resolve("secrets.properties");
    Secrets first = Secrets.open(file, Map.of());
    first.ensureUsers(List.of("platform", "leadership"));
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    String leadership = first.password("leadership");
    assertThat(leadership).hasSizeGreaterThanOrEqualTo(32).matches("[A-Za-z0-9_-]+");
    assertThat(first.password("platform")).isNotEqualTo(leadership);

    Secrets again = Secrets.open(file, Map.of());
    assertThat(again.password("leadership")).isEqualTo(leadership);
    assertThat(again.keystorePassword()).isEqualTo(first.keystorePassword());
    assertThat(again.sharedSecret()).isEqualTo(first.sharedSecret());
    assertThat(Secrets.storedPassword(file, "leadership", Map.of())).contains(leadership);
    assertThat(Secrets.storedPassword(file, "nobody", Map.of())).isEmpty();
  }

  @Test
  void aPasswordFromTheEnvironmentWinsAndIsNeverWritten() throws IOException {
    Path file = dir.resolve("secrets.properties");
    Map<String, String> env = Map.of("LIANGSHAN_TRINO_PASSWORD_LEADERSHIP", "from-the-environment-1");
    Secrets secrets = Secrets.open(file, env);
    secrets.ensureUsers(List.of("platform", "leadership"));
    assertThat(secrets.password("leadership")).isEqualTo("from-the-environment-1");
    assertThat(Files.readString(file)).doesNotContain("from-the-environment-1").doesNotContain("password.leadership");
    assertThat(Secrets.storedPassword(file, "leadership", env)).contains("from-the-environment-1");
  }

  @Test
  void thePasswordFileHoldsOneVerifiableHashPerUserAndNoPassword() {
    Secrets secrets = Secrets.open(dir.resolve("secrets.properties"), Map.of());
    String file = secrets.passwordFile(List.of("platform", "bank_ly_b01"));
    List<String> lines = file.lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).startsWith("bank_ly_b01:10000:");
    String[] parts = lines.get(1).split(":");
    assertThat(parts).hasSize(4);
    // Recomputing with the stored salt and iteration count reproduces the stored hash.
    byte[] salt = HexFormat.of().parseHex(parts[2]);
    assertThat(Secrets.pbkdf2(secrets.password("bank_ly_b01"), salt, 10_000)).isEqualTo(String.join(":", parts[1], parts[2], parts[3]));
    assertThat(file).doesNotContain(secrets.password("platform"));
  }
}
