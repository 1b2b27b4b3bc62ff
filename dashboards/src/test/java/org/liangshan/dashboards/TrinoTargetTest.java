package org.liangshan.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.liangshan.core.LiangshanException;

class TrinoTargetTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final PrintStream warnings = new PrintStream(err, true, StandardCharsets.UTF_8);

  private TrinoTarget parse(String url, Optional<String> caBundle, boolean insecure) {
    return TrinoTarget.parse(url, "leadership", caBundle, insecure, warnings);
  }

  private static Object verify(TrinoTarget target) {
    @SuppressWarnings("unchecked")
    Map<String, Object> engine = (Map<String, Object>) target.extra().get("engine_params");
    @SuppressWarnings("unchecked")
    Map<String, Object> connect = (Map<String, Object>) engine.get("connect_args");
    return connect.get("verify");
  }

  @Test
  void httpsIsVerifiedByDefaultAgainstTheSystemAuthorities() {
    TrinoTarget target = parse("https://trino.example:8443", Optional.empty(), false);
    assertThat(target.sqlalchemyUri()).isEqualTo("trino://leadership:XXXXXXXXXX@trino.example:8443/delta");
    assertThat(target.extra()).extractingByKey("engine_params")
        .isEqualTo(Map.of("connect_args", Map.of("http_scheme", "https", "verify", true)));
    assertThat(target.url()).isEqualTo("https://trino.example:8443");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void aCaBundleIsTrustedExplicitlyWithVerificationOn() {
    TrinoTarget target = parse("https://127.0.0.1:8443", Optional.of("/srv/liangshan/trino/tls/trino.pem"), false);
    assertThat(verify(target)).isEqualTo("/srv/liangshan/trino/tls/trino.pem");
    assertThat(target.verifyTls()).isTrue();
  }

  @Test
  void insecureTurnsVerificationOffOnlyWhenAskedAndLoudly() {
    TrinoTarget target = parse("https://trino.example:8443", Optional.of("/srv/ca.pem"), true);
    assertThat(verify(target)).isEqualTo(false);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("WARNING: --insecure: the TLS certificate of Trino (as Superset connects to it) at https://trino.example:8443 is NOT verified");
  }

  @Test
  void plainHttpIsForLoopbackOnlyUnlessInsecure() {
    TrinoTarget local = parse("http://127.0.0.1:8080", Optional.empty(), false);
    assertThat(local.sqlalchemyUri()).isEqualTo("trino://leadership@127.0.0.1:8080/delta");
    assertThat(local.extra()).extractingByKey("engine_params").isEqualTo(Map.of("connect_args", Map.of("http_scheme", "http")));
    assertThatThrownBy(() -> parse("http://trino.example:8080", Optional.empty(), false))
        .isInstanceOf(LiangshanException.class)
        .hasMessageStartingWith("Refusing plain HTTP to Trino at http://trino.example:8080");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    parse("http://trino.example:8080", Optional.empty(), true);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("WARNING: --insecure: talking to Trino at http://trino.example:8080 over plain HTTP");
  }

  @Test
  void aCaBundleNeedsHttps() {
    assertThatThrownBy(() -> parse("http://127.0.0.1:8080", Optional.of("/srv/ca.pem"), false))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("field 'trino ca bundle': a CA bundle verifies HTTPS: it needs an https:// Trino URL and no --insecure");
  }

  @Test
  void defaultPortsFollowTheScheme() {
    assertThat(parse("https://trino.example", Optional.empty(), false).port()).isEqualTo(443);
  }

  @Test
  void badAddressesAndUsersAreBadInputNamingTheField() {
    assertThatThrownBy(() -> parse("trino.example:8443", Optional.empty(), false))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("field 'trino url': expected https://host:port or http://host:port, got 'trino.example:8443'")
        .extracting(e -> ((LiangshanException) e).kind()).isEqualTo(LiangshanException.Kind.BAD_INPUT);
    assertThatThrownBy(() -> TrinoTarget.parse("https://trino.example:8443", "lead ership", Optional.empty(), false, warnings))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("field 'trino user': letters, digits, '_', '.', '-' only, got 'lead ership'");
  }

  @Test
  void supersetUrlMustBeHttp() {
    assertThatThrownBy(() -> new SupersetClient("ftp://x"))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("field 'url': expected http://host:port or https://host:port, got 'ftp://x'");
  }

  @Test
  void supersetOverPlainHttpIsRefusedOffThisMachineUnlessInsecure() {
    assertThatThrownBy(() -> new SupersetClient("http://superset.example:8088"))
        .isInstanceOf(LiangshanException.class)
        .hasMessageStartingWith("Refusing plain HTTP to Superset at http://superset.example:8088");
    assertThat(new SupersetClient("http://127.0.0.1:8088").base()).hasToString("http://127.0.0.1:8088");
    assertThat(new SupersetClient("https://superset.example").base()).hasToString("https://superset.example");
    SupersetClient insecure = new SupersetClient("http://superset.example:8088", Optional.empty(), true, warnings);
    assertThat(insecure.base()).hasToString("http://superset.example:8088");
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("WARNING: --insecure: talking to Superset at http://superset.example:8088");
  }
}
