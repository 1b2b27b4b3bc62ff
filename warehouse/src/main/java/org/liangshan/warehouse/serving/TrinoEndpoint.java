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

/**
 * How to reach a Trino: its URL ({@code https://host:port}, or {@code http://} for an unsecured one), the user,
 * the password (HTTPS only: Trino and its clients refuse passwords over HTTP) and how to verify its certificate
 * (a PEM file, the JVM's trust store, or not at all for a self-signed test server).
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
