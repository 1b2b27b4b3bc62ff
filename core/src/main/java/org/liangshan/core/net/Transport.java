package org.liangshan.core.net;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.liangshan.core.LiangshanException;

/**
 * The rules every client of the platform applies before it sends a password or token to a server by URL (Trino,
 * Superset): HTTPS with the certificate verified is the default; plain {@code http://} is accepted only for this
 * machine's loopback, where nothing crosses a network; anything weaker needs the user's explicit {@code --insecure}
 * and is then announced on stderr every time. Loopback is decided on the address as written ({@code localhost},
 * {@code 127.0.0.0/8}, {@code ::1}), never by resolving a name that DNS or a hosts file could change.
 */
public final class Transport {
  private Transport() {}

  /** Whether {@code host} (as in a URI: IPv6 in brackets or not) names this machine's loopback interface. */
  public static boolean isLoopback(String host) {
    requireNonNull(host, "host is null");
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    String[] octets = h.split("\\.", -1);
    if (octets.length != 4 || !octets[0].equals("127")) {
      return false;
    }
    for (String octet : octets) {
      if (!octet.matches("[0-9]{1,3}") || Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks the scheme of {@code url} before a client of {@code what} (e.g. "Superset") uses it: {@code https} passes;
   * {@code http} passes for a loopback host; {@code http} to another host is refused unless {@code insecure}, and
   * then a warning goes to {@code warnings}.
   */
  public static void checkPlainHttp(URI url, String what, boolean insecure, PrintStream warnings) {
    requireNonNull(url, "url is null");
    requireNonNull(warnings, "warnings is null");
    if (!"http".equalsIgnoreCase(url.getScheme()) || url.getHost() == null || isLoopback(url.getHost())) {
      return;
    }
    if (!insecure) {
      throw LiangshanException.badInput("Refusing plain HTTP to %s at %s: passwords and session tokens would cross the "
          + "network unencrypted and unauthenticated. Use its https:// address (the default is to verify its certificate), "
          + "or pass --insecure to accept the risk (tests only).", what, url);
    }
    warnings.println("WARNING: --insecure: talking to " + what + " at " + url + " over plain HTTP; passwords and tokens "
        + "cross the network in clear text and anyone on the path can read or change them.");
  }

  /** The warning printed whenever a certificate goes unverified because the user passed {@code --insecure}. */
  public static void warnUnverified(URI url, String what, PrintStream warnings) {
    warnings.println("WARNING: --insecure: the TLS certificate of " + what + " at " + url + " is NOT verified; any server "
        + "on the path can pose as it and read the password.");
  }

  /**
   * An SSL context that trusts exactly the certificates of this PEM file (a self-signed server certificate, or a
   * private authority's): verification stays on, with an explicit trust store instead of the JVM's.
   */
  public static SSLContext trusting(Path pem) {
    requireNonNull(pem, "pem is null");
    try (InputStream in = Files.newInputStream(pem)) {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      int index = 0;
      for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        trust.setCertificateEntry("trusted-" + index++, certificate);
      }
      if (index == 0) {
        throw LiangshanException.badInput("%s holds no certificate: expected a PEM file (-----BEGIN CERTIFICATE-----).", pem);
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw LiangshanException.badInput("Cannot read the certificate file %s (%s): expected a PEM file of the server's "
          + "certificate or its authority's.", pem, e.getMessage());
    }
  }
}
