package org.liangshan.warehouse.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.liangshan.core.LiangshanException;

/** The URL rules of {@code --url}: verified HTTPS by default, plain HTTP to this machine only, --insecure loudly. */
class TrinoEndpointTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final PrintStream warnings = new PrintStream(err, true, StandardCharsets.UTF_8);

  private TrinoEndpoint remote(String url, Optional<Path> certificate, boolean insecure) {
    return TrinoEndpoint.remote(url, "platform", Optional.empty(), certificate, insecure, warnings);
  }

  @Test
  void httpsIsVerifiedByDefault() {
    TrinoEndpoint endpoint = remote("https://trino.example:8443", Optional.empty(), false);
    assertThat(endpoint.verify()).isTrue();
    assertThat(endpoint.jdbcUrl()).isEqualTo("jdbc:trino://trino.example:8443/delta");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void plainHttpToAnotherHostIsRefusedUnlessInsecureAndThenAnnounced() {
    assertThatThrownBy(() -> remote("http://trino.example:8080", Optional.empty(), false))
        .isInstanceOf(LiangshanException.class)
        .hasMessageStartingWith("Refusing plain HTTP to Trino at http://trino.example:8080");
    assertThat(remote("http://127.0.0.1:8080", Optional.empty(), false).secure()).isFalse();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    remote("http://trino.example:8080", Optional.empty(), true);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("WARNING: --insecure: talking to Trino at http://trino.example:8080 over plain HTTP");
  }

  @Test
  void insecureHttpsSkipsVerificationLoudly() {
    TrinoEndpoint endpoint = remote("https://trino.example:8443", Optional.empty(), true);
    assertThat(endpoint.verify()).isFalse();
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("WARNING: --insecure: the TLS certificate of Trino at https://trino.example:8443 is NOT verified");
  }

  @Test
  void insecureAndACertificateContradict() {
    assertThatThrownBy(() -> remote("https://trino.example:8443", Optional.of(Path.of("ca.pem")), true))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("--insecure and --certificate contradict each other: the certificate verifies Trino, --insecure skips "
            + "verification. Keep --certificate.");
  }
}
