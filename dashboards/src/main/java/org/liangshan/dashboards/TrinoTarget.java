package org.liangshan.dashboards;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.liangshan.core.LiangshanException;
import org.liangshan.core.net.Transport;

/**
 * The Trino that Superset queries: where it is, the user Superset connects as, and how Superset checks its TLS
 * certificate: against the system's authorities, against a CA bundle (a PEM file on the Superset host, e.g. the local
 * Trino's own self-signed certificate, trusted explicitly), or, only with {@code --insecure}, not at all. The password
 * is never part of it: it travels only in the import request.
 */
public record TrinoTarget(String host, int port, String user, String catalog, boolean https, boolean verifyTls,
    Optional<String> caBundle) {

  /** Superset's database entry name. */
  public static final String DATABASE_NAME = "Liangshan Trino";

  public TrinoTarget {
    requireNonNull(host, "host is null");
    requireNonNull(user, "user is null");
    requireNonNull(catalog, "catalog is null");
    requireNonNull(caBundle, "caBundle is null");
    if (port < 1 || port > 65535) {
      throw LiangshanException.badField("trino port", "must be 1..65535, got " + port);
    }
    if (!user.matches("[A-Za-z0-9_.-]+")) {
      throw LiangshanException.badField("trino user", "letters, digits, '_', '.', '-' only, got '" + user + "'");
    }
    if (caBundle.isPresent() && !(https && verifyTls)) {
      throw LiangshanException.badField("trino ca bundle", "a CA bundle verifies HTTPS: it needs an https:// Trino URL "
          + "and no --insecure");
    }
  }

  /**
   * Parses {@code https://host:port} (certificate verified: against {@code caBundle} when given, else the system's
   * authorities) or {@code http://host:port} (loopback hosts only). {@code insecure} allows plain HTTP to another
   * host and turns verification off, each with a warning on {@code warnings}.
   */
  public static TrinoTarget parse(String url, String user, Optional<String> caBundle, boolean insecure, PrintStream warnings) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw LiangshanException.badField("trino url", "not a URL: '" + url + "' (expected https://host:port)");
    }
    if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
      throw LiangshanException.badField("trino url", "expected https://host:port or http://host:port, got '" + url + "'");
    }
    Transport.checkPlainHttp(uri, "Trino", insecure, warnings);
    boolean https = "https".equals(uri.getScheme());
    if (https && insecure) {
      Transport.warnUnverified(uri, "Trino (as Superset connects to it)", warnings);
    }
    int port = uri.getPort() > 0 ? uri.getPort() : (https ? 443 : 80);
    return new TrinoTarget(uri.getHost(), port, user, "delta", https, !insecure, insecure ? Optional.empty() : caBundle);
  }

  /** The SQLAlchemy URI as exported: a password placeholder Superset replaces with the import's password. */
  public String sqlalchemyUri() {
    return "trino://" + user + (https ? ":XXXXXXXXXX" : "") + "@" + host + ":" + port + "/" + catalog;
  }

  /**
   * The database's {@code extra}: the connect arguments of the trino dialect. Its {@code verify} is the CA bundle's
   * path, {@code true} (the system's authorities) or, with --insecure only, {@code false}.
   */
  public Map<String, Object> extra() {
    Map<String, Object> connectArgs = new LinkedHashMap<>();
    connectArgs.put("http_scheme", https ? "https" : "http");
    if (https) {
      connectArgs.put("verify", verifyTls ? caBundle.<Object>map(path -> path).orElse(true) : false);
    }
    Map<String, Object> engineParams = new LinkedHashMap<>();
    engineParams.put("connect_args", connectArgs);
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("engine_params", engineParams);
    extra.put("metadata_params", Map.of());
    extra.put("metadata_cache_timeout", Map.of());
    extra.put("schemas_allowed_for_file_upload", java.util.List.of());
    extra.put("allows_virtual_table_explore", true);
    return extra;
  }

  public String url() {
    return (https ? "https" : "http") + "://" + host + ":" + port;
  }
}
