package org.liangshan.warehouse.serving;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.net.Transport;

/**
 * How to reach a Trino: its URL ({@code https://host:port}, or {@code http://} for an unsecured one), the user,
 * the password (HTTPS only: Trino and its clients refuse passwords over HTTP) and how to verify its certificate
 * (a PEM file, the JVM's trust store, or, only when the user passed {@code --insecure}, not at all).
 */
public record TrinoEndpoint(URI url, String user, Optional<String> password, Optional<Path> certificate, boolean verify) {
  public TrinoEndpoint {
    requireNonNull(url, "url is null");
    requireNonNull(user, "user is null");
    requireNonNull(password, "password is null");
    requireNonNull(certificate, "certificate is null");
    if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme()) || url.getHost() == null || url.getPort() < 0) {
      throw LiangshanException.badInput("Invalid Trino URL '%s' (expected https://host:port or http://host:port).", url);
    }
    if (!user.matches("[A-Za-z0-9_.@-]{1,64}")) {
      throw LiangshanException.badInput("Invalid Trino user '%s' (letters, digits, '_', '.', '@', '-').", user);
    }
    if (password.isPresent() && !"https".equals(url.getScheme())) {
      throw LiangshanException.badInput("A password needs HTTPS: Trino refuses passwords over plain HTTP (%s).", url);
    }
  }

  public static TrinoEndpoint of(String url, String user, Optional<String> password, Optional<Path> certificate, boolean verify) {
    try {
      return new TrinoEndpoint(URI.create(url), user, password, certificate, verify);
    } catch (IllegalArgumentException e) {
      throw LiangshanException.badInput("Invalid Trino URL '%s': %s", url, e.getMessage());
    }
  }

  /**
   * An endpoint the user named by URL ({@code --url}), under the platform's transport rules: HTTPS verified (against
   * {@code certificate} when given, else the JVM's authorities); plain HTTP only to this machine. {@code insecure}
   * allows plain HTTP to another host and turns certificate verification off, each announced on {@code warnings}.
   */
  public static TrinoEndpoint remote(String url, String user, Optional<String> password, Optional<Path> certificate,
      boolean insecure, java.io.PrintStream warnings) {
    TrinoEndpoint endpoint = of(url, user, password, certificate, !insecure);
    Transport.checkPlainHttp(endpoint.url(), "Trino", insecure, warnings);
    if (endpoint.secure() && insecure) {
      if (certificate.isPresent()) {
        throw LiangshanException.badInput("--insecure and --certificate contradict each other: the certificate verifies "
            + "Trino, --insecure skips verification. Keep --certificate.");
      }
      Transport.warnUnverified(endpoint.url(), "Trino", warnings);
    }
    return endpoint;
  }

  public boolean secure() {
    return "https".equals(url.getScheme());
  }

  /** The same server as another user. */
  public TrinoEndpoint as(String otherUser, Optional<String> otherPassword) {
    return new TrinoEndpoint(url, otherUser, otherPassword, certificate, verify);
  }

  public String jdbcUrl() {
    return "jdbc:trino://" + url.getHost() + ":" + url.getPort() + "/" + TrinoConfig.CATALOG;
  }

  /** A JDBC connection through trino-jdbc. */
  public Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    password.ifPresent(p -> properties.setProperty("password", p));
    if (secure()) {
      properties.setProperty("SSL", "true");
      if (certificate.isPresent()) {
        properties.setProperty("SSLTrustStorePath", certificate.get().toString());
      } else if (!verify) {
        properties.setProperty("SSLVerification", "NONE");
      }
    }
    properties.setProperty("source", "liangshan");
    return DriverManager.getConnection(jdbcUrl(), properties);
  }
}
