package org.liangshan.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.liangshan.core.LiangshanException;

class TransportTest {
  private static void assertLoopback(String host, boolean expected) {
    assertThat(Transport.isLoopback(host)).as(host).isEqualTo(expected);
  }

  @Test
  void loopbackIsDecidedOnTheAddressAsWritten() {
    assertLoopback("127.0.0.1", true);
    assertLoopback("127.1.2.3", true);
    assertLoopback("localhost", true);
    assertLoopback("LOCALHOST", true);
    assertLoopback("[::1]", true);
    assertLoopback("::1", true);
    assertLoopback("10.0.0.1", false);
    assertLoopback("127.0.0.256", false);
    assertLoopback("127.0.0.1.evil.example", false);
    assertLoopback("localhost.evil.example", false);
    assertLoopback("128.0.0.1", false);
    assertLoopback("0.0.0.0", false);
    assertLoopback("trino.example", false);
    assertLoopback("[::2]", false);
  }

  @Test
  void plainHttpToAnotherHostIsRefusedWithoutInsecure() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream warnings = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Transport.checkPlainHttp(URI.create("http://superset.example:8088"), "Superset", false, warnings))
        .isInstanceOf(LiangshanException.class)
        .hasMessage("Refusing plain HTTP to Superset at http://superset.example:8088: passwords and session tokens would "
            + "cross the network unencrypted and unauthenticated. Use its https:// address (the default is to verify its "
            + "certificate), or pass --insecure to accept the risk (tests only).")
        .extracting(e -> ((LiangshanException) e).kind()).isEqualTo(LiangshanException.Kind.BAD_INPUT);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void insecureAllowsItLoudly() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Transport.checkPlainHttp(URI.create("http://10.1.2.3:8080"), "Trino", true, new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("WARNING: --insecure: talking to Trino at http://10.1.2.3:8080 over plain HTTP");
  }

  @Test
  void loopbackHttpAndHttpsPassSilently() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream warnings = new PrintStream(err, true, StandardCharsets.UTF_8);
    Transport.checkPlainHttp(URI.create("http://127.0.0.1:8088"), "Superset", false, warnings);
    Transport.checkPlainHttp(URI.create("http://localhost:8088"), "Superset", false, warnings);
    Transport.checkPlainHttp(URI.create("https://superset.example"), "Superset", false, warnings);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
