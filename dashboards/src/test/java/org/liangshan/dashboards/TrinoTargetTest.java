package org.liangshan.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liangshan.core.LiangshanException;

class TrinoTargetTest {
  @Test
  void httpsTargetMasksThePasswordAndTurnsVerificationOffWhenAsked() {
    TrinoTarget target = TrinoTarget.parse("https://trino.example:8443", "leadership", false);
    assertThat(target.sqlalchemyUri()).isEqualTo("trino://leadership:XXXXXXXXXX@trino.example:8443/delta");
    assertThat(target.extra()).extractingByKey("engine_params")
        .isEqualTo(Map.of("connect_args", Map.of("http_scheme", "https", "verify", false)));
    assertThat(target.url()).isEqualTo("https://trino.example:8443");
  }

  @Test
  void plainHttpHasNoPasswordAndNoVerifyFlag() {
    TrinoTarget target = TrinoTarget.parse("http://127.0.0.1:8080", "leadership", true);
    assertThat(target.sqlalchemyUri()).isEqualTo("trino://leadership@127.0.0.1:8080/delta");
    assertThat(target.extra()).extractingByKey("engine_params").isEqualTo(Map.of("connect_args", Map.of("http_scheme", "http")));
  }

  @Test
  void defaultPortsFollowTheScheme() {
    assertThat(TrinoTarget.parse("https://trino.example", "u", true).port()).isEqualTo(443);
  }

  @Test
  void badAddressesAndUsersAreBadInputNamingTheField() {
    assertThatThrownBy(() -> TrinoTarget.parse("trino.example:8443", "leadership", false))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("field 'trino url': expected https://host:port or http://host:port, got 'trino.example:8443'")
        .extracting(e -> ((LiangshanException) e).kind()).isEqualTo(LiangshanException.Kind.BAD_INPUT);
    assertThatThrownBy(() -> TrinoTarget.parse("https://trino.example:8443", "lead ership", false))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("field 'trino user': letters, digits, '_', '.', '-' only, got 'lead ership'");
  }

  @Test
  void supersetUrlMustBeHttp() {
    assertThatThrownBy(() -> new SupersetClient("ftp://x"))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("field 'url': expected http://host:port or https://host:port, got 'ftp://x'");
  }
}
