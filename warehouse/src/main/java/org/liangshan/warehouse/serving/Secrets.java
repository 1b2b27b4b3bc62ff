package org.liangshan.warehouse.serving;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.liangshan.core.LiangshanException;

/**
 * The serving secrets, generated on first start into one owner-only file ({@code secrets.properties} in the
 * serving directory) and kept across restarts: the keystore password, the internal shared secret, and a
 * password per user. A user's password can instead come from the environment,
 * {@code LIANGSHAN_TRINO_PASSWORD_<USER>} (e.g. {@code LIANGSHAN_TRINO_PASSWORD_LEADERSHIP}); it is then
 * never written to the file. Trino gets only PBKDF2 hashes ({@link #passwordFile}).
 */
public final class Secrets {
  public static final String FILE_NAME = "secrets.properties";
  public static final String ENV_PREFIX = "LIANGSHAN_TRINO_PASSWORD_";
  static final int PBKDF2_ITERATIONS = 10_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private final Map<String, String> env;
  private final TreeMap<String, String> values = new TreeMap<>();

  private Secrets(Path file, Map<String, String> env) {
    this.file = file;
    this.env = Map.copyOf(env);
  }

  /** Loads the secrets file, creating it (owner-only) when absent. */
  public static Secrets open(Path file, Map<String, String> env) {
    Secrets secrets = new Secrets(file, env);
    if (Files.isRegularFile(file)) {
      Properties properties = load(file);
      properties.stringPropertyNames().forEach(name -> secrets.values.put(name, properties.getProperty(name)));
    }
    secrets.generated("keystore.password");
    secrets.generated("internal.shared-secret");
    return secrets;
  }

  public Path file() {
    return file;
  }

  public String keystorePassword() {
    return values.get("keystore.password");
  }

  public String sharedSecret() {
    return values.get("internal.shared-secret");
  }

  /** The password of a user: from the environment if set there, else from the file (generated when new). */
  public String password(String user) {
    String fromEnv = env.get(envName(user));
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return fromEnv;
    }
    return generated("password." + user);
  }

  /** Makes sure every user has a password, then saves the file (owner-only). */
  public void ensureUsers(List<String> users) {
    users.forEach(this::password);
    save();
  }

  public static String envName(String user) {
    return ENV_PREFIX + user.toUpperCase(Locale.ROOT);
  }

  /** The password of {@code user} from the environment or as a previous start stored it (clients read this). */
  public static java.util.Optional<String> storedPassword(Path file, String user, Map<String, String> env) {
    String fromEnv = env.get(envName(user));
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return java.util.Optional.of(fromEnv);
    }
    if (!Files.isRegularFile(file)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.ofNullable(load(file).getProperty("password." + user));
  }

  private static Properties load(Path file) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw LiangshanException.failure(e, "Could not read %s.", file);
    }
    return properties;
  }

  /** Trino's password file: one {@code user:iterations:salt:hash} line per user (PBKDF2-HMAC-SHA1, hex). */
  public String passwordFile(List<String> users) {
    StringBuilder out = new StringBuilder();
    for (String user : users) {
      out.append(user).append(':').append(pbkdf2(password(user))).append('\n');
    }
    return out.toString();
  }

  /** A PBKDF2 hash in the format Trino's file authenticator reads. */
  static String pbkdf2(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return pbkdf2(password, salt, PBKDF2_ITERATIONS);
  }

  static String pbkdf2(String password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 512);
      byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1").generateSecret(spec).getEncoded();
      HexFormat hex = HexFormat.of();
      return iterations + ":" + hex.formatHex(salt) + ":" + hex.formatHex(hash);
    } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA1 is part of every JDK", e);
    }
  }

  private String generated(String name) {
    return values.computeIfAbsent(name, n -> randomSecret());
  }

  static String randomSecret() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  void save() {
    Properties properties = new Properties();
    values.forEach(properties::setProperty);
    StringWriter text = new StringWriter();
    try {
      properties.store(text, "Liangshan Trino secrets: keep this file private (owner-only)");
      OwnerOnly.write(file, text.toString());
    } catch (IOException e) {
      throw LiangshanException.failure(e, "Could not write %s.", file);
    }
  }
}
