package org.liangshan.warehouse.serving;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Where a local Trino keeps its files, under one serving directory ({@code <work>/trino}, the work directory
 * being {@code LIANGSHAN_WORK} or {@code ./.liangshan}): {@code etc/} (configuration, password hashes, access
 * rules), {@code var/} (node data, {@code var/log/server.log}), {@code tls/} (keystore and the certificate
 * clients trust), {@code secrets.properties} (owner-only) and {@code state.json} (pid and ports).
 */
public record ServingLayout(Path dir) {
  public ServingLayout {
    dir = requireNonNull(dir, "dir is null").toAbsolutePath().normalize();
  }

  /** The default: {@code <LIANGSHAN_WORK or ./.liangshan>/trino}. */
  public static ServingLayout defaultLayout() {
    String work = System.getenv("LIANGSHAN_WORK");
    Path base = work == null || work.isBlank() ? Path.of(".liangshan") : Path.of(work);
    return new ServingLayout(base.resolve("trino"));
  }

  public Path etc() {
    return dir.resolve("etc");
  }

  public Path dataDir() {
    return dir.resolve("var");
  }

  public Path serverLog() {
    return dataDir().resolve("log").resolve("server.log");
  }

  public Path tls() {
    return dir.resolve("tls");
  }

  public Path keystore() {
    return tls().resolve("keystore.p12");
  }

  /** The server certificate (PEM): clients verify Trino with it (JDBC {@code SSLTrustStorePath}). */
  public Path certificate() {
    return tls().resolve("trino.pem");
  }

  public Path secrets() {
    return dir.resolve(Secrets.FILE_NAME);
  }

  public Path passwordDb() {
    return etc().resolve("password.db");
  }

  public Path rules() {
    return etc().resolve("rules.json");
  }

  public Path state() {
    return dir.resolve("state.json");
  }
}
