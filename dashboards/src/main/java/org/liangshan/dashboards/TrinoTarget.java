package org.liangshan.dashboards;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.liangshan.core.LiangshanException;

/**
 * The Trino that Superset queries: where it is, the user Superset connects as, and whether TLS is used
 * and its certificate verified. The password is never part of it: it travels only in the import request.
 */
public record TrinoTarget(String host, int port, String user, String catalog, boolean https, boolean verifyTls) {

  /** Superset's database entry name. */
  public static final String DATABASE_NAME = "Liangshan Trino";

  public TrinoTarget {
    requireNonNull(host, "host is null");
    requireNonNull(user, "user is null");
    requireNonNull(catalog, "catalog is null");
    if (port < 1 || port > 65535) {
      throw LiangshanException.badField("trino port", "must be 1..65535, got " + port);
    }
    if (!user.matches("[A-Za-z0-9_.-]+")) {
      throw LiangshanException.badField("trino user", "letters, digits, '_', '.', '-' only, got '" + user + "'");
    }
  }

  /**
   * Parses {@code https://host:port} or {@code http://host:port}; {@code verifyTls} false accepts a
   * self-signed certificate (a local Trino).
   */
  public static TrinoTarget parse(String url, String user, boolean verifyTls) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw LiangshanException.badField("trino url", "not a URL: '" + url + "' (expected https://host:port)");
    }
    if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
      throw LiangshanException.badField("trino url", "expected https://host:port or http://host:port, got '" + url + "'");
    }
    boolean https = "https".equals(uri.getScheme());
    int port = uri.getPort() > 0 ? uri.getPort() : (https ? 443 : 80);
    return new TrinoTarget(uri.getHost(), port, user, "delta", https, verifyTls);
  }

  /** The SQLAlchemy URI as exported: a password placeholder Superset replaces with the import's password. */
  public String sqlalchemyUri() {
    return "trino://" + user + (https ? ":XXXXXXXXXX" : "") + "@" + host + ":" + port + "/" + catalog;
  }

  /** The database's {@code extra}: the connect arguments of the trino dialect. */
  public Map<String, Object> extra() {
    Map<String, Object> connectArgs = new LinkedHashMap<>();
    connectArgs.put("http_scheme", https ? "https" : "http");
    if (https) {
      connectArgs.put("verify", verifyTls);
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
